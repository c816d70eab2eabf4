//! A JSONL record that is one flat object of strings (`{"id": "…", "text": "…"}`, most
//! corpora) read without serde_json: one search for quotation marks and backslashes over
//! the line, its strings decoded as they are copied. Any other line (a number, a nested
//! object, white space other than spaces, a raw control character, an escape serde_json
//! rejects, bytes that are not UTF-8) is left to serde_json, which reads it as before, so
//! that a record reads the same either way.

use super::LineFields;
use std::borrow::Cow;

/// The fields of `line` when it is one JSON object whose values are all strings (the
/// fields `id` and `text` named by the options), as serde_json reads them into
/// [`LineFields`]: `None` for any other line.
pub(super) fn flat_record(line: &[u8], id: &str, text: &str) -> Option<LineFields> {
    let s = std::str::from_utf8(line).ok()?;
    // (a raw control character is an error in a string, and white space other than a space
    // is rare: serde_json reads both; a minimum of the bytes reads many bytes at a time)
    if line.iter().copied().min().is_some_and(|b| b < 0x20) {
        return None;
    }
    let mut r = Reader { s, at: 0 };
    r.expect(b'{')?;
    let mut out = LineFields::default();
    if r.peek() == Some(b'}') {
        return Some(out);
    }
    loop {
        r.expect(b'"')?;
        let key = r.string()?;
        r.expect(b':')?;
        r.expect(b'"')?;
        let value = r.string()?;
        // (the fields in the order serde_json's visitor asks for them: `Fields::visit_map`)
        if key == id {
            out.id = Some(serde_json::Value::String(value.into_owned()));
        } else if key == text {
            out.text = Some(value.into_owned());
        } else if key == "date" {
            out.date = Some(value.into_owned());
        } else if key == "format" {
            out.html = value == "html";
        }
        match r.next()? {
            b',' => {}
            // (what follows the object is not read, as serde_json does not read it)
            b'}' => return Some(out),
            _ => return None,
        }
    }
}

/// A position in the line.
struct Reader<'s> {
    s: &'s str,
    at: usize,
}

impl<'s> Reader<'s> {
    /// The next byte that is not a space.
    fn peek(&mut self) -> Option<u8> {
        let bytes = self.s.as_bytes();
        while bytes.get(self.at) == Some(&b' ') {
            self.at += 1;
        }
        bytes.get(self.at).copied()
    }

    /// The next byte that is not a space, read.
    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.at += 1;
        Some(b)
    }

    /// The next byte that is not a space, read when it is `b`.
    fn expect(&mut self, b: u8) -> Option<()> {
        (self.next()? == b).then_some(())
    }

    /// The string after its opening mark, decoded: borrowed when it has no escape.
    fn string(&mut self) -> Option<Cow<'s, str>> {
        let bytes = self.s.as_bytes();
        let mut owned: Option<String> = None;
        loop {
            let from = self.at;
            let k = from + mark_in(bytes.get(from..)?)?;
            self.at = k + 1;
            if bytes[k] == b'"' {
                return Some(match owned {
                    None => Cow::Borrowed(&self.s[from..k]),
                    Some(mut o) => {
                        o.push_str(&self.s[from..k]);
                        Cow::Owned(o)
                    }
                });
            }
            // (room for the rest of the line: the string is copied once)
            let o = owned.get_or_insert_with(|| String::with_capacity(self.s.len() - from));
            o.push_str(&self.s[from..k]);
            o.push(self.escape()?);
            // (an escape right after it ("\n\n") is read at once, no search for it)
            while bytes.get(self.at) == Some(&b'\\') {
                self.at += 1;
                o.push(self.escape()?);
            }
        }
    }

    /// The character of the escape after a backslash: `None` for one serde_json rejects (or
    /// reads otherwise), a lone surrogate among them.
    #[inline(always)]
    fn escape(&mut self) -> Option<char> {
        let b = *self.s.as_bytes().get(self.at)?;
        self.at += 1;
        Some(match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let high = self.hex()?;
                if !(0xD800..0xDC00).contains(&high) {
                    return char::from_u32(high);
                }
                // (a leading surrogate: the trailing one must follow)
                let rest = self.s.as_bytes().get(self.at..)?;
                if !rest.starts_with(b"\\u") {
                    return None;
                }
                self.at += 2;
                let low = self.hex()?;
                if !(0xDC00..0xE000).contains(&low) {
                    return None;
                }
                char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))?
            }
            _ => return None,
        })
    }

    /// Four hexadecimal digits, read.
    fn hex(&mut self) -> Option<u32> {
        let digits = self.s.as_bytes().get(self.at..self.at + 4)?;
        // (each digit's value from a table, 16 for a byte that is none: one test for all four)
        let n = digits
            .iter()
            .fold(0, |n, &b| n << 4 | u32::from(HEX_VALUE[usize::from(b)]));
        if digits.iter().any(|&b| HEX_VALUE[usize::from(b)] > 15) {
            return None;
        }
        self.at += 4;
        Some(n)
    }
}

/// The value of each byte as a hexadecimal digit (either case), 16 for a byte that is none.
const HEX_VALUE: [u8; 256] = {
    let mut t = [16u8; 256];
    let mut c = 0;
    while c < 256 {
        t[c] = match c as u8 {
            d @ b'0'..=b'9' => d - b'0',
            d @ b'a'..=b'f' => d - b'a' + 10,
            d @ b'A'..=b'F' => d - b'A' + 10,
            _ => 16,
        };
        c += 1;
    }
    t
};

/// Where the first quotation mark or backslash of `b` is: its first sixteen bytes read as
/// two words (the next escape is most often within a few bytes: "\\n\\n", "don\\u2019t"),
/// the rest searched by `memchr2`.
#[inline]
fn mark_in(b: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // (the high bit of the first byte of `x` that is a mark is set, and none before it)
    let zero = |y: u64| y.wrapping_sub(ONES) & !y & HIGH;
    let marks = |x: u64| zero(x ^ (ONES * u64::from(b'"'))) | zero(x ^ (ONES * u64::from(b'\\')));
    let Some(head) = b.first_chunk::<16>() else {
        return memchr::memchr2(b'"', b'\\', b);
    };
    let x = u128::from_le_bytes(*head);
    let (low, high) = (marks(x as u64), marks((x >> 64) as u64));
    if low != 0 {
        Some(low.trailing_zeros() as usize / 8)
    } else if high != 0 {
        Some(8 + high.trailing_zeros() as usize / 8)
    } else {
        memchr::memchr2(b'"', b'\\', &b[16..]).map(|k| 16 + k)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fields serde_json reads from `line` (the reader of `read_line`).
    fn by_serde(line: &str) -> Option<LineFields> {
        let seed = super::super::Fields {
            id: "id",
            text: "text",
        };
        serde::de::DeserializeSeed::deserialize(
            seed,
            &mut serde_json::Deserializer::from_slice(line.as_bytes()),
        )
        .ok()
    }

    fn parts(f: &LineFields) -> (Option<String>, Option<String>, Option<String>, bool) {
        (
            f.id.as_ref().map(|v| v.to_string()),
            f.text.clone(),
            f.date.clone(),
            f.html,
        )
    }

    #[test]
    fn the_first_mark_is_where_memchr2_finds_it() {
        for n in 0..40 {
            for fill in [b'a', b'!', b'#', b']', 0xA2, 0xDC, 0x80] {
                for marks in [&b"\""[..], b"\\", b"\\\"", b"\"\\", b"x"] {
                    let mut b = vec![fill; n];
                    b.extend_from_slice(marks);
                    b.extend_from_slice(b"yz\"");
                    for cut in 0..=b.len() {
                        let b = &b[..cut];
                        assert_eq!(mark_in(b), memchr::memchr2(b'"', b'\\', b), "{b:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn a_flat_record_reads_as_serde_json_reads_it() {
        let lines = [
            r#"{"id": "a1", "text": "He said \"no\".\nThen: don\u2019t \u00e9t\u00E9 \ud83d\ude00 \/ \\ \t \b \f \r \u0000"}"#,
            r#"  {  "text" : "plain" , "id":"x", "date": "2016-11-08T10:00", "format": "html" }  trailing"#,
            r#"{"text": "first", "text": "second", "other": "ignored \" too"}"#,
            r#"{"id": "", "text": "", "format": "text"}"#,
            r#"{}"#,
            r#"{"tëxt": "ünïcode keys", "text": "Zoë — “quoted”"}"#,
            r#"{"te\u0078t": "an escaped key"}"#,
        ];
        for line in lines {
            let ours = flat_record(line.as_bytes(), "id", "text");
            let theirs = by_serde(line);
            assert!(ours.is_some(), "{line}");
            assert_eq!(
                ours.as_ref().map(parts),
                theirs.as_ref().map(parts),
                "{line}"
            );
        }
    }

    #[test]
    fn any_other_line_is_left_to_serde_json() {
        for line in [
            r#"{"id": 5, "text": "a number"}"#,
            r#"{"text": "nested", "meta": {"a": "b"}}"#,
            r#"{"text": "a list", "tags": ["a"]}"#,
            r#"{"text": null}"#,
            "{\"text\": \"a raw\ttab\"}",
            "{\"text\":\t\"a tab between\"}",
            r#"{"text": "a lone \ud800 surrogate"}"#,
            r#"{"text": "a lone \udc00 trailing one"}"#,
            r#"{"text": "a bad \x escape"}"#,
            r#"{"text": "a short \u12 escape"}"#,
            r#"{"text": "unclosed"#,
            r#"{"text": "a", }"#,
            r#"["text", "a"]"#,
            r#""text""#,
            "",
        ] {
            assert!(
                flat_record(line.as_bytes(), "id", "text").is_none(),
                "{line}"
            );
        }
        assert!(flat_record(b"{\"text\": \"\xff\"}", "id", "text").is_none());
    }
}
