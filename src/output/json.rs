//! A record as one line of compact JSON, written straight into the output buffer: the same
//! bytes as `serde_json::to_writer` of the model's derives (field order, `null` for an
//! absent option, the fields `skip_serializing_if` leaves out, serde_json's string escapes),
//! without serde's call per field and per write. The tests compare the two on every field
//! and variant; a field added to the model must be added here too (its test fails until it
//! is).

use crate::model::*;

/// `{"k":`, an object's first key, written as one constant (keys are plain ASCII: no
/// escapes).
macro_rules! open {
    ($w:expr, $k:literal) => {
        $w.raw(concat!("{\"", $k, "\":").as_bytes())
    };
}

/// `,"k":`, an object's next key, written as one constant.
macro_rules! key {
    ($w:expr, $k:literal) => {
        $w.raw(concat!(",\"", $k, "\":").as_bytes())
    };
}

/// Append `record` to `out` as compact JSON (no line break).
pub fn write_json(record: &Record, out: &mut Vec<u8>) {
    let mut w = Writer(out);
    match record {
        Record::Error(e) => {
            open!(w, "id");
            w.str(&e.id);
            key!(w, "error");
            w.str(&e.error);
            w.close();
        }
        Record::Analysis(a) => w.analysis(a),
    }
}

/// The output buffer, with one method per JSON shape and per model type.
struct Writer<'a>(&'a mut Vec<u8>);

impl Writer<'_> {
    // (the small writes are inlined, so that a key's bytes, known where it is written, are
    // stored without a call to copy them)
    #[inline(always)]
    fn raw(&mut self, b: &[u8]) {
        self.0.extend_from_slice(b);
    }

    #[inline(always)]
    fn close(&mut self) {
        self.0.push(b'}');
    }

    /// A number in decimal: one below 100,000,000 ([`eight_digits`]) written as eight bytes
    /// appended whole and cut to its length (a copy of a constant size, no call, no division
    /// for the offsets of most documents). (Inlined where it is called: a call costs about
    /// as much as writing the number.)
    #[inline(always)]
    fn num(&mut self, n: usize) {
        if n < EIGHT_DIGITS {
            let (digits, len) = eight_digits(n);
            let at = self.0.len();
            self.0.extend_from_slice(&digits.to_le_bytes());
            self.0.truncate(at + len);
        } else {
            self.long_num(n);
        }
    }

    /// A number of nine digits or more, in decimal.
    #[cold]
    fn long_num(&mut self, n: usize) {
        let mut buf = [0u8; 20];
        let len = n.checked_ilog10().unwrap_or(0) as usize + 1;
        digits(&mut buf[..len], n);
        self.raw(&buf[..len]);
    }

    /// A string in quotation marks, escaped as serde_json escapes it: `"` and `\\`, and the
    /// control characters (`\\b \\t \\n \\f \\r` short, the others `\\u00XX` in lower-case hex);
    /// everything else as it is. A string of sixteen bytes or fewer with nothing to escape
    /// (most of them: names, cues, roles) is written with its marks as one append of a
    /// constant size ([`short_str`](Self::short_str), inlined where a string is written);
    /// another is [`long_str`](Self::long_str).
    #[inline(always)]
    fn str(&mut self, s: &str) {
        if !self.short_str(s.as_bytes()) {
            self.long_str(s);
        }
    }

    /// A string of at most sixteen bytes with nothing to escape, in quotation marks: its
    /// bytes read as two words that overlap (the first and the last eight, four, or single
    /// bytes), tested for a byte to escape ([`escape_in`]) and stored into a buffer on the
    /// stack, which is appended whole and cut to the string's length: no call to copy it,
    /// no loop over its bytes. False, with nothing written, for a longer string or one with
    /// a byte to escape.
    #[inline(always)]
    fn short_str(&mut self, b: &[u8]) -> bool {
        let n = b.len();
        let mut buf = [b'"'; 24];
        if n >= 8 {
            let (Some(first), Some(last)) = (b.first_chunk::<8>(), b.last_chunk::<8>()) else {
                return false;
            };
            let (first, last) = (u64::from_le_bytes(*first), u64::from_le_bytes(*last));
            if n > 16 || escape_in(first) || escape_in(last) {
                return false;
            }
            buf[1..9].copy_from_slice(&first.to_le_bytes());
            buf[n - 7..n + 1].copy_from_slice(&last.to_le_bytes());
        } else if n >= 4 {
            let (Some(first), Some(last)) = (b.first_chunk::<4>(), b.last_chunk::<4>()) else {
                return false;
            };
            let (first, last) = (u32::from_le_bytes(*first), u32::from_le_bytes(*last));
            if escape_in(u64::from(first) | u64::from(last) << 32) {
                return false;
            }
            buf[1..5].copy_from_slice(&first.to_le_bytes());
            buf[n - 3..n + 1].copy_from_slice(&last.to_le_bytes());
        } else if n > 0 {
            // (the first, middle and last bytes are all of a string of one to three, with
            // four bytes that need no escape ("A") to fill the word)
            let (a, m, z) = (b[0], b[n / 2], b[n - 1]);
            let word = u64::from_le_bytes([a, m, z, a, b'A', b'A', b'A', b'A']);
            if escape_in(word) {
                return false;
            }
            (buf[1], buf[1 + n / 2], buf[n]) = (a, m, z);
        }
        buf[n + 1] = b'"';
        let at = self.0.len();
        self.0.extend_from_slice(&buf);
        self.0.truncate(at + n + 2);
        true
    }

    /// [`str`](Self::str) of a string that is longer than sixteen bytes or has a byte to
    /// escape. One with nothing to escape ([`escape_free`], most of them) is copied whole.
    #[inline(never)]
    fn long_str(&mut self, s: &str) {
        let b = s.as_bytes();
        self.0.reserve(b.len() + 2);
        self.0.push(b'"');
        if escape_free(b) {
            self.raw(b);
        } else {
            self.escaped(b);
        }
        self.0.push(b'"');
    }

    /// The bytes of a string that has some to escape, each run between them copied whole:
    /// sixteen bytes with nothing to escape ([`escape_in_sixteen`]) are passed over at once,
    /// the others read byte by byte.
    #[cold]
    fn escaped(&mut self, b: &[u8]) {
        let mut from = 0;
        let mut j = 0;
        while let Some(&c) = b.get(j) {
            if b[j..]
                .first_chunk::<16>()
                .is_some_and(|e| !escape_in_sixteen(e))
            {
                j += 16;
                continue;
            }
            if needs_escape(c) {
                self.raw(&b[from..j]);
                self.escape(c);
                from = j + 1;
            }
            j += 1;
        }
        self.raw(&b[from..]);
    }

    /// The escape of byte `c`.
    fn escape(&mut self, c: u8) {
        match c {
            b'"' => self.raw(b"\\\""),
            b'\\' => self.raw(b"\\\\"),
            0x08 => self.raw(b"\\b"),
            b'\t' => self.raw(b"\\t"),
            b'\n' => self.raw(b"\\n"),
            0x0C => self.raw(b"\\f"),
            b'\r' => self.raw(b"\\r"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let (hi, lo) = (HEX[usize::from(c >> 4)], HEX[usize::from(c & 15)]);
                self.raw(&[b'\\', b'u', b'0', b'0', hi, lo]);
            }
        }
    }

    fn opt_str(&mut self, s: &Option<String>) {
        match s {
            Some(s) => self.str(s),
            None => self.raw(b"null"),
        }
    }

    /// A JSON array of `items`, each written by `each`.
    fn list<T>(&mut self, items: &[T], mut each: impl FnMut(&mut Self, &T)) {
        self.0.push(b'[');
        for (k, it) in items.iter().enumerate() {
            if k > 0 {
                self.0.push(b',');
            }
            each(self, it);
        }
        self.0.push(b']');
    }

    /// `Some` by `each`, `None` as `null`.
    fn opt<T>(&mut self, v: &Option<T>, each: impl FnOnce(&mut Self, &T)) {
        match v {
            Some(v) => each(self, v),
            None => self.raw(b"null"),
        }
    }

    /// `,"text":…,"start":…,"end":…`: the words and span most records carry.
    fn text_span(&mut self, text: &str, start: usize, end: usize) {
        key!(self, "text");
        self.str(text);
        self.start_end(start, end);
    }

    /// `,"start":…,"end":…`. Two numbers below 100,000,000 (most offsets) are written with
    /// their keys into a buffer on the stack, which is appended whole and cut to their
    /// length: one copy of a constant size, not four appends.
    fn start_end(&mut self, start: usize, end: usize) {
        if start >= EIGHT_DIGITS || end >= EIGHT_DIGITS {
            key!(self, "start");
            self.num(start);
            key!(self, "end");
            self.num(end);
            return;
        }
        const START: &[u8] = b",\"start\":";
        const END: &[u8] = b",\"end\":";
        let mut buf = [0u8; 48];
        buf[..START.len()].copy_from_slice(START);
        let (digits, len) = eight_digits(start);
        buf[START.len()..START.len() + 8].copy_from_slice(&digits.to_le_bytes());
        let at = START.len() + len;
        buf[at..at + END.len()].copy_from_slice(END);
        let at = at + END.len();
        let (digits, len) = eight_digits(end);
        buf[at..at + 8].copy_from_slice(&digits.to_le_bytes());
        let written = self.0.len();
        self.0.extend_from_slice(&buf);
        self.0.truncate(written + at + len);
    }

    fn analysis(&mut self, a: &Analysis) {
        open!(self, "id");
        self.str(&a.id);
        key!(self, "offsets");
        self.name(offset_unit(a.offsets));
        key!(self, "quotes");
        self.list(&a.quotes, Self::quote);
        key!(self, "speakers");
        self.list(&a.speakers, Self::entity);
        key!(self, "posts");
        self.list(&a.posts, Self::post);
        key!(self, "non_speech");
        self.list(&a.non_speech, |w, n| {
            open!(w, "kind");
            w.name(non_speech_kind(n.kind));
            w.text_span(&n.text, n.start, n.end);
            w.close();
        });
        key!(self, "flags");
        self.list(&a.flags, Self::flag);
        key!(self, "metadata");
        self.metadata(&a.metadata);
        if let Some(text) = &a.text {
            key!(self, "text");
            self.str(text);
        }
        self.close();
    }

    /// Bytes known when the program is built ([`Padded`]), as one append of a constant size
    /// cut to their length: no call to copy them.
    #[inline(always)]
    fn padded(&mut self, p: &Padded) {
        let at = self.0.len();
        self.0.extend_from_slice(&p.bytes);
        self.0.truncate(at + p.len);
    }

    /// A unit variant's name (plain ASCII).
    #[inline(always)]
    fn name(&mut self, n: &str) {
        self.0.push(b'"');
        self.raw(n.as_bytes());
        self.0.push(b'"');
    }

    fn quote(&mut self, q: &Quote) {
        self.padded(&QUOTE_OPENS[q.kind as usize]);
        self.str(&q.text);
        self.start_end(q.start, q.end);
        key!(self, "statement");
        self.num(q.statement);
        key!(self, "speaker");
        self.opt(&q.speaker, Self::speaker);
        key!(self, "cue");
        self.opt(&q.cue, |w, c| {
            open!(w, "text");
            w.str(&c.text);
            w.start_end(c.start, c.end);
            key!(w, "lemma");
            w.str(&c.lemma);
            if c.negated {
                w.raw(b",\"negated\":true");
            }
            w.close();
        });
        key!(self, "channel");
        self.opt(&q.channel, Self::channel);
        key!(self, "time");
        self.opt(&q.time, |w, t| {
            open!(w, "text");
            w.str(&t.text);
            w.start_end(t.start, t.end);
            key!(w, "date");
            w.opt_str(&t.date);
            if t.carried {
                w.raw(b",\"carried\":true");
            }
            w.close();
        });
        if let Some(p) = q.post {
            key!(self, "post");
            self.num(p);
        }
        self.close();
    }

    fn speaker(&mut self, s: &SpeakerRef) {
        open!(self, "text");
        self.str(&s.text);
        self.start_end(s.start, s.end);
        key!(self, "name");
        self.str(&s.name);
        key!(self, "role");
        self.opt_str(&s.role);
        self.padded(&SPEAKER_KINDS[s.kind as usize]);
        self.opt(&s.entity, |w, &e| w.num(e));
        if !s.attribution.is_stated() {
            key!(self, "attribution");
            self.name(attribution(s.attribution));
        }
        if let Some(q) = &s.quoted_speaker {
            key!(self, "quoted_speaker");
            open!(self, "text");
            self.str(&q.text);
            self.start_end(q.start, q.end);
            key!(self, "name");
            self.str(&q.name);
            self.close();
        }
        self.close();
    }

    fn channel(&mut self, c: &Channel) {
        self.padded(&CHANNEL_OPENS[c.kind as usize]);
        self.opt_str(&c.platform);
        key!(self, "outlet");
        self.opt_str(&c.outlet);
        key!(self, "programme");
        self.opt_str(&c.programme);
        self.text_span(&c.text, c.start, c.end);
        if c.carried {
            self.raw(b",\"carried\":true");
        }
        self.close();
    }

    fn entity(&mut self, e: &Entity) {
        open!(self, "id");
        self.num(e.id);
        key!(self, "name");
        self.str(&e.name);
        self.padded(&ENTITY_KINDS[e.kind as usize]);
        self.list(&e.roles, |w, r| w.str(r));
        key!(self, "mentions");
        self.list(&e.mentions, |w, m| {
            open!(w, "start");
            w.num(m.start);
            key!(w, "end");
            w.num(m.end);
            w.close();
        });
        self.close();
    }

    fn post(&mut self, p: &Post) {
        open!(self, "platform");
        self.str(&p.platform);
        for (k, v) in [
            (concat!(",\"", "author_name", "\":"), &p.author_name),
            (concat!(",\"", "handle", "\":"), &p.handle),
            (concat!(",\"", "date", "\":"), &p.date),
            (concat!(",\"", "time", "\":"), &p.time),
            (concat!(",\"", "text", "\":"), &p.text),
            (concat!(",\"", "url", "\":"), &p.url),
            (concat!(",\"", "post_id", "\":"), &p.post_id),
        ] {
            self.raw(k.as_bytes());
            self.opt_str(v);
        }
        key!(self, "media");
        self.list(&p.media, |w, m| w.str(m));
        if let Some(t) = p.text_start {
            key!(self, "text_start");
            self.name(text_start(t));
        }
        self.start_end(p.start, p.end);
        self.close();
    }

    fn flag(&mut self, f: &Flag) {
        open!(self, "kind");
        self.name(f.kind.id());
        key!(self, "severity");
        self.name(f.severity.id());
        key!(self, "id");
        self.str(&f.id);
        self.start_end(f.start, f.end);
        key!(self, "message");
        self.str(&f.message);
        self.close();
    }

    fn metadata(&mut self, m: &Metadata) {
        open!(self, "date");
        self.opt_str(&m.date);
        key!(self, "dateline");
        self.opt(&m.dateline, Self::located);
        key!(self, "photo_credit");
        self.opt(&m.photo_credit, Self::located);
        self.close();
    }

    fn located(&mut self, l: &Located) {
        open!(self, "text");
        self.str(&l.text);
        self.start_end(l.start, l.end);
        self.close();
    }
}

/// Constant bytes of a record, up to 48, padded to 48 so that they are appended as one copy
/// of a constant size ([`Writer::padded`]): a variant's name between the keys around it.
#[derive(Clone, Copy)]
struct Padded {
    bytes: [u8; 48],
    len: usize,
}

impl Padded {
    /// `before`, `name` in quotation marks, and `after`, one after the other.
    const fn of(before: &str, name: &str, after: &str) -> Padded {
        let mut p = Padded {
            bytes: [0; 48],
            len: 0,
        };
        let parts = [
            before.as_bytes(),
            b"\"",
            name.as_bytes(),
            b"\"",
            after.as_bytes(),
        ];
        let mut k = 0;
        while k < parts.len() {
            let mut i = 0;
            while i < parts[k].len() {
                p.bytes[p.len] = parts[k][i];
                p.len += 1;
                i += 1;
            }
            k += 1;
        }
        p
    }
}

/// [`Padded`] bytes for each variant of an enum, by its number (`as usize`): `$before`, the
/// variant's name by `$name` in quotation marks, and `$after`. (`$all` lists every variant:
/// the tests write each and compare the bytes with serde's.)
macro_rules! padded_names {
    ($all:expr, $name:ident, $before:literal, $after:literal) => {{
        let all = $all;
        let mut t = [Padded {
            bytes: [0; 48],
            len: 0,
        }; $all.len()];
        let mut i = 0;
        while i < all.len() {
            t[all[i] as usize] = Padded::of($before, $name(all[i]), $after);
            i += 1;
        }
        t
    }};
}

/// How many kinds of quotation the table [`QUOTE_OPENS`] lists, by an exhaustive match: a
/// kind added to the model does not compile here until the table lists it too (a kind missing
/// from a table would be read past its end).
const fn kinds_listed(k: QuoteKind) -> usize {
    use QuoteKind::*;
    match k {
        Direct | Partial | Indirect | Post => 4,
    }
}

/// How many kinds of channel [`CHANNEL_OPENS`] lists (as [`kinds_listed`]).
const fn channels_listed(k: ChannelKind) -> usize {
    use ChannelKind::*;
    match k {
        SocialMedia | Statement | Interview | PressConference | Broadcast | Speech | Hearing
        | LetterOrEmail | Publication | Other => 10,
    }
}

/// How many kinds of entity [`ENTITY_KINDS_ALL`] lists (as [`kinds_listed`]).
const fn entities_listed(k: EntityKind) -> usize {
    use EntityKind::*;
    match k {
        Person | Organization | Anonymous | Document | Unknown => 5,
    }
}

/// A quotation's first bytes, by its kind: `{"kind":"direct","text":`.
static QUOTE_OPENS: [Padded; kinds_listed(QuoteKind::Direct)] =
    padded_names!(QUOTE_KINDS_ALL, quote_kind, "{\"kind\":", ",\"text\":");

/// Every kind of quotation, in the order of their numbers.
const QUOTE_KINDS_ALL: [QuoteKind; kinds_listed(QuoteKind::Direct)] = [
    QuoteKind::Direct,
    QuoteKind::Partial,
    QuoteKind::Indirect,
    QuoteKind::Post,
];

/// A channel's first bytes, by its kind: `{"kind":"interview","platform":`.
static CHANNEL_OPENS: [Padded; channels_listed(ChannelKind::Other)] = padded_names!(
    CHANNEL_KINDS_ALL,
    channel_kind,
    "{\"kind\":",
    ",\"platform\":"
);

/// Every kind of channel, in the order of their numbers.
const CHANNEL_KINDS_ALL: [ChannelKind; channels_listed(ChannelKind::Other)] = [
    ChannelKind::SocialMedia,
    ChannelKind::Statement,
    ChannelKind::Interview,
    ChannelKind::PressConference,
    ChannelKind::Broadcast,
    ChannelKind::Speech,
    ChannelKind::Hearing,
    ChannelKind::LetterOrEmail,
    ChannelKind::Publication,
    ChannelKind::Other,
];

/// The kinds of entity of a speaker mention and of a speaker, between their keys:
/// `,"kind":"person","entity":` and `,"kind":"person","roles":`.
const ENTITY_KINDS_ALL: [EntityKind; entities_listed(EntityKind::Person)] = [
    EntityKind::Person,
    EntityKind::Organization,
    EntityKind::Anonymous,
    EntityKind::Document,
    EntityKind::Unknown,
];
static SPEAKER_KINDS: [Padded; entities_listed(EntityKind::Person)] =
    padded_names!(ENTITY_KINDS_ALL, entity_kind, ",\"kind\":", ",\"entity\":");
static ENTITY_KINDS: [Padded; entities_listed(EntityKind::Person)] =
    padded_names!(ENTITY_KINDS_ALL, entity_kind, ",\"kind\":", ",\"roles\":");

/// The numbers [`eight_digits`] writes: those below this.
const EIGHT_DIGITS: usize = 100_000_000;

/// `n` (below [`EIGHT_DIGITS`]) in decimal: its digits in the bytes of a word, the first the
/// lowest, and how many; from the table of four-digit groups ([`FOUR_DIGITS`]): one of up
/// to four digits is its group without the leading zeros, one of up to eight the high group
/// so and the low one whole.
#[inline(always)]
fn eight_digits(n: usize) -> (u64, usize) {
    // (a group's digits, in the low four bytes in the order written, shifted past the zeros)
    let high = |entry: u64| {
        let len = (entry >> 56) as usize;
        ((entry & 0xFFFF_FFFF) >> (8 * (4 - len)), len)
    };
    if n < 10_000 {
        high(FOUR_DIGITS[n])
    } else {
        let (digits, len) = high(FOUR_DIGITS[n / 10_000]);
        let low = FOUR_DIGITS[n % 10_000] & 0xFFFF_FFFF;
        (digits | low << (8 * len), len + 4)
    }
}

/// `n` in decimal into `out`, which has exactly its number of digits, two digits a step
/// (1234 into four bytes: "1234").
#[inline(always)]
fn digits(out: &mut [u8], mut n: usize) {
    let mut i = out.len();
    while n >= 100 {
        let pair = 2 * (n % 100);
        n /= 100;
        i -= 2;
        out[i..i + 2].copy_from_slice(&DIGIT_PAIRS[pair..pair + 2]);
    }
    if n >= 10 {
        out[..2].copy_from_slice(&DIGIT_PAIRS[2 * n..2 * n + 2]);
    } else {
        out[0] = b'0' + n as u8;
    }
}
/// 0 to 9999 as four digits with leading zeros, each in the low four bytes of its entry in
/// the order they are written (the first digit the lowest byte), with the number of
/// digits without the leading zeros (at least one) in the high byte.
static FOUR_DIGITS: [u64; 10_000] = {
    let mut t = [0u64; 10_000];
    let mut n = 0;
    while n < 10_000 {
        let d = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
        let len = if n >= 1000 {
            4
        } else if n >= 100 {
            3
        } else if n >= 10 {
            2
        } else {
            1
        };
        let mut e = (len as u64) << 56;
        let mut k = 0;
        while k < 4 {
            e |= ((b'0' + d[k] as u8) as u64) << (8 * k);
            k += 1;
        }
        t[n] = e;
        n += 1;
    }
    t
};

/// "00" to "99", two bytes each.
const DIGIT_PAIRS: [u8; 200] = {
    let mut t = [0u8; 200];
    let mut k = 0;
    while k < 100 {
        t[2 * k] = b'0' + (k / 10) as u8;
        t[2 * k + 1] = b'0' + (k % 10) as u8;
        k += 1;
    }
    t
};

/// Whether any of the eight bytes of `x` is one serde_json escapes: below 0x20, `"` or `\`
/// (the tests of a zero byte and of a byte below a bound, on eight bytes at once: exact as
/// to whether one is there).
#[inline]
fn escape_in(x: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below = |v: u64, n: u8| v.wrapping_sub(ONES * u64::from(n)) & !v & HIGH;
    let zero = |v: u64| below(v, 1);
    below(x, 0x20) | zero(x ^ (ONES * u64::from(b'"'))) | zero(x ^ (ONES * u64::from(b'\\'))) != 0
}

/// Whether any of sixteen bytes is one serde_json escapes: the three tests of each byte
/// OR-ed across the sixteen, which the compiler makes vector compares of all sixteen at
/// once (a few instructions, no branch per byte).
#[inline(always)]
fn escape_in_sixteen(e: &[u8; 16]) -> bool {
    e.iter()
        .fold(false, |m, &c| m | (c < 0x20) | (c == b'"') | (c == b'\\'))
}

/// Whether no byte of `b` is one serde_json escapes: sixteen at a time
/// ([`escape_in_sixteen`]), the last sixteen (which may overlap those before) as one more;
/// a string of eight to fifteen as its first and last eight ([`escape_in`]), one of fewer
/// than eight by a table.
#[inline]
fn escape_free(b: &[u8]) -> bool {
    let (sixteens, rest) = b.as_chunks::<16>();
    match (
        b.first_chunk::<8>(),
        b.last_chunk::<8>(),
        b.last_chunk::<16>(),
    ) {
        (_, _, Some(last)) => {
            !sixteens.iter().any(escape_in_sixteen) && (rest.is_empty() || !escape_in_sixteen(last))
        }
        (Some(first), Some(last), None) => {
            !escape_in(u64::from_le_bytes(*first)) && !escape_in(u64::from_le_bytes(*last))
        }
        _ => b.iter().all(|&c| !ESCAPED[usize::from(c)]),
    }
}

/// Whether serde_json escapes each byte.
const ESCAPED: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        t[c] = needs_escape(c as u8);
        c += 1;
    }
    t
};

/// Whether serde_json escapes byte `c` of a string.
#[inline]
const fn needs_escape(c: u8) -> bool {
    c < 0x20 || c == b'"' || c == b'\\'
}

fn offset_unit(u: OffsetUnit) -> &'static str {
    match u {
        OffsetUnit::Bytes => "bytes",
        OffsetUnit::Chars => "chars",
        OffsetUnit::Utf16 => "utf16",
    }
}

const fn quote_kind(k: QuoteKind) -> &'static str {
    match k {
        QuoteKind::Direct => "direct",
        QuoteKind::Partial => "partial",
        QuoteKind::Indirect => "indirect",
        QuoteKind::Post => "post",
    }
}

const fn entity_kind(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Person => "person",
        EntityKind::Organization => "organization",
        EntityKind::Anonymous => "anonymous",
        EntityKind::Document => "document",
        EntityKind::Unknown => "unknown",
    }
}

fn attribution(a: Attribution) -> &'static str {
    match a {
        Attribution::Stated => "stated",
        Attribution::Continued => "continued",
        Attribution::Subject => "subject",
    }
}

const fn channel_kind(k: ChannelKind) -> &'static str {
    match k {
        ChannelKind::SocialMedia => "social_media",
        ChannelKind::Statement => "statement",
        ChannelKind::Interview => "interview",
        ChannelKind::PressConference => "press_conference",
        ChannelKind::Broadcast => "broadcast",
        ChannelKind::Speech => "speech",
        ChannelKind::Hearing => "hearing",
        ChannelKind::LetterOrEmail => "letter_or_email",
        ChannelKind::Publication => "publication",
        ChannelKind::Other => "other",
    }
}

fn text_start(t: TextStart) -> &'static str {
    match t {
        TextStart::Marked => "marked",
        TextStart::Guessed => "guessed",
    }
}

fn non_speech_kind(k: NonSpeechKind) -> &'static str {
    match k {
        NonSpeechKind::Nickname => "nickname",
        NonSpeechKind::Title => "title",
        NonSpeechKind::Term => "term",
        NonSpeechKind::StageDirection => "stage_direction",
        NonSpeechKind::Credit => "credit",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn same(record: &Record) {
        let mut ours = Vec::new();
        write_json(record, &mut ours);
        let serde = serde_json::to_vec(record).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&ours),
            String::from_utf8_lossy(&serde)
        );
    }

    /// Every character serde_json escapes, and some it does not.
    fn awkward() -> String {
        let mut s: String = (0u8..0x20).map(char::from).collect();
        s.push_str("\"\\/\u{7f}é “quoted” ’ 𝄞 end");
        s
    }

    fn located(n: usize) -> Located {
        Located {
            text: awkward(),
            start: n,
            end: n + 10,
        }
    }

    /// A record with every option given and every flag set (`full`), or none (`!full`).
    fn record(full: bool) -> Analysis {
        let some = |s: &str| full.then(|| s.to_string());
        let speaker = SpeakerRef {
            text: "Sen. Jane Doe".into(),
            start: 3,
            end: 16,
            name: "Jane Doe".into(),
            role: some("Sen."),
            kind: EntityKind::Person,
            entity: full.then_some(7),
            attribution: if full {
                Attribution::Subject
            } else {
                Attribution::Stated
            },
            quoted_speaker: full.then(|| QuotedSpeaker {
                text: "Jones".into(),
                start: 30,
                end: 35,
                name: "Bob Jones".into(),
            }),
        };
        let quote = Quote {
            kind: QuoteKind::Direct,
            text: awkward(),
            start: 0,
            end: 18_446_744_073_709_551_615,
            statement: 12,
            speaker: full.then(|| speaker.clone()),
            cue: full.then(|| Cue {
                text: "said".into(),
                start: 1,
                end: 5,
                lemma: "say".into(),
                negated: true,
            }),
            channel: full.then(|| Channel {
                kind: ChannelKind::PressConference,
                platform: Some("twitter".into()),
                outlet: Some("CNN".into()),
                programme: Some("Meet the Press".into()),
                text: "at a news conference".into(),
                start: 40,
                end: 60,
                carried: true,
            }),
            time: full.then(|| Time {
                text: "on Sunday".into(),
                start: 61,
                end: 70,
                date: Some("2016-07-14".into()),
                carried: true,
            }),
            post: full.then_some(0),
        };
        let mut no_channel_flags = quote.clone();
        if let Some(c) = &mut no_channel_flags.channel {
            c.carried = false;
        }
        let post = Post {
            platform: "twitter".into(),
            author_name: some("Jane Doe"),
            handle: some("@jane"),
            date: some("2016-07-14"),
            time: some("14:05"),
            text: full.then(awkward),
            url: some("https://twitter.com/jane/status/1"),
            post_id: some("1"),
            media: if full {
                vec![awkward(), "pic".into()]
            } else {
                vec![]
            },
            text_start: full.then_some(TextStart::Guessed),
            start: 100,
            end: 200,
        };
        Analysis {
            id: awkward(),
            offsets: OffsetUnit::Utf16,
            quotes: vec![quote, no_channel_flags],
            speakers: vec![Entity {
                id: 0,
                name: "Jane Doe".into(),
                kind: EntityKind::Organization,
                roles: if full {
                    vec!["Sen.".into(), awkward()]
                } else {
                    vec![]
                },
                mentions: vec![Span { start: 3, end: 16 }, Span { start: 9, end: 10 }],
            }],
            posts: vec![post],
            non_speech: vec![NonSpeech {
                kind: NonSpeechKind::StageDirection,
                text: awkward(),
                start: 5,
                end: 6,
            }],
            flags: vec![Flag::new(FlagKind::LoadedVerb, 1, 2, awkward())],
            metadata: Metadata {
                date: some("2016-07-14"),
                dateline: full.then(|| located(1)),
                photo_credit: full.then(|| located(2)),
            },
            text: full.then(awkward),
        }
    }

    #[test]
    fn every_field_is_written_as_serde_writes_it() {
        for full in [true, false] {
            same(&Record::Analysis(Box::new(record(full))));
        }
        same(&Record::Analysis(Box::default()));
        same(&Record::Error(ErrorRecord {
            id: awkward(),
            error: "line 3 is not JSON".into(),
        }));
    }

    #[test]
    fn a_number_is_written_in_decimal() {
        for n in [
            0,
            7,
            9,
            10,
            42,
            99,
            100,
            101,
            999,
            1000,
            12345,
            100000,
            9_999_999,
            10_000_000,
            99_999_999,
            100_000_000,
            123_456_789_012,
            usize::MAX,
        ]
        .into_iter()
        .chain(0..20_000)
        .chain((0..200).map(|k| k * 987_654 + 7))
        {
            let mut ours = Vec::new();
            Writer(&mut ours).num(n);
            assert_eq!(ours, n.to_string().into_bytes());
        }
    }

    #[test]
    fn a_span_is_written_in_decimal() {
        let numbers = [
            0,
            7,
            10,
            999,
            1000,
            12345,
            9_999_999,
            99_999_999,
            100_000_000,
        ];
        for start in numbers.into_iter().chain([usize::MAX]) {
            for end in numbers.into_iter().chain(0..2000).chain([usize::MAX]) {
                let mut ours = Vec::new();
                Writer(&mut ours).start_end(start, end);
                let theirs = format!(",\"start\":{start},\"end\":{end}");
                assert_eq!(String::from_utf8_lossy(&ours), theirs);
            }
        }
    }

    /// Whether `test`, reading `N` bytes, says one of them needs an escape exactly when one
    /// does: every byte at every place among fills of each kind.
    fn holds_a_byte_to_escape<const N: usize>(test: impl Fn(&[u8; N]) -> bool) {
        for c in 0..=255u8 {
            for fill in [b'a', b' ', b'!', b'#', b'[', b']', 0x7f, 0x80, 0xe2, 0xff] {
                for at in 0..N {
                    let mut bytes = [fill; N];
                    bytes[at] = c;
                    let expected = needs_escape(c) || needs_escape(fill);
                    assert_eq!(test(&bytes), expected, "{N}: {c} {fill}");
                }
            }
        }
    }

    #[test]
    fn eight_bytes_hold_a_byte_to_escape_when_one_of_them_is() {
        holds_a_byte_to_escape::<8>(|b| escape_in(u64::from_le_bytes(*b)));
    }

    #[test]
    fn sixteen_bytes_hold_a_byte_to_escape_when_one_of_them_is() {
        holds_a_byte_to_escape::<16>(escape_in_sixteen);
    }

    #[test]
    fn a_string_is_escaped_as_serde_escapes_it_wherever_the_escape_falls() {
        for n in 0..40 {
            for c in ['"', '\\', '\n', '\u{1}', '\u{1f}', 'é', '“'] {
                let s: String = "abcdefghijklmnopqrstuvwxyz0123456789ABCD"[..n]
                    .chars()
                    .chain([c, 'z'])
                    .collect();
                let mut ours = Vec::new();
                Writer(&mut ours).str(&s);
                assert_eq!(ours, serde_json::to_vec(&s).unwrap(), "{s:?}");
            }
        }
    }

    #[test]
    fn a_short_string_is_written_as_serde_writes_it_whatever_its_bytes() {
        // (every length to seventeen, each ASCII byte at each place, and characters of two,
        // three and four bytes)
        for n in 0..=17 {
            for at in 0..n.max(1) {
                for c in (0u8..0x80).map(char::from).chain(['é', '“', '𝄞']) {
                    let mut s: String = "abcdefghijklmnopq"[..n].to_string();
                    if n > 0 {
                        s.replace_range(at..at + 1, c.encode_utf8(&mut [0; 4]));
                    }
                    let mut ours = Vec::new();
                    Writer(&mut ours).str(&s);
                    assert_eq!(ours, serde_json::to_vec(&s).unwrap(), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn escapes_between_runs_of_sixteen_are_each_found() {
        // (two escapes anywhere in a string of fifty: the runs before, between and after
        // them passed over sixteen bytes at a time or byte by byte)
        let plain = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMN";
        for i in 0..plain.len() {
            for j in i..plain.len() {
                let mut s = plain.as_bytes().to_vec();
                s[i] = b'"';
                s[j] = b'\n';
                let s = String::from_utf8(s).unwrap();
                let mut ours = Vec::new();
                Writer(&mut ours).str(&s);
                assert_eq!(ours, serde_json::to_vec(&s).unwrap(), "{s:?}");
            }
        }
    }

    #[test]
    fn each_variant_between_its_keys_is_as_serde_writes_it() {
        let padded = |p: &Padded| String::from_utf8(p.bytes[..p.len].to_vec()).unwrap();
        fn serde<T: serde::Serialize>(v: &T) -> String {
            serde_json::to_string(v).unwrap()
        }
        for k in QUOTE_KINDS_ALL {
            let want = format!("{{\"kind\":{},\"text\":", serde(&k));
            assert_eq!(padded(&QUOTE_OPENS[k as usize]), want);
        }
        for k in CHANNEL_KINDS_ALL {
            let want = format!("{{\"kind\":{},\"platform\":", serde(&k));
            assert_eq!(padded(&CHANNEL_OPENS[k as usize]), want);
        }
        for k in ENTITY_KINDS_ALL {
            let (kind, i) = (serde(&k), k as usize);
            let want = format!(",\"kind\":{kind},\"entity\":");
            assert_eq!(padded(&SPEAKER_KINDS[i]), want);
            assert_eq!(padded(&ENTITY_KINDS[i]), want.replace("entity", "roles"));
        }
    }

    #[test]
    fn every_variant_is_written_as_serde_writes_it() {
        let name = |v: serde_json::Value| v.as_str().unwrap().to_string();
        for u in [OffsetUnit::Bytes, OffsetUnit::Chars, OffsetUnit::Utf16] {
            assert_eq!(offset_unit(u), name(serde_json::to_value(u).unwrap()));
        }
        for k in QUOTE_KINDS_ALL {
            assert_eq!(quote_kind(k), name(serde_json::to_value(k).unwrap()));
        }
        for k in ENTITY_KINDS_ALL {
            assert_eq!(entity_kind(k), name(serde_json::to_value(k).unwrap()));
        }
        use Attribution as A;
        for a in [A::Stated, A::Continued, A::Subject] {
            assert_eq!(attribution(a), name(serde_json::to_value(a).unwrap()));
        }
        for k in CHANNEL_KINDS_ALL {
            assert_eq!(channel_kind(k), name(serde_json::to_value(k).unwrap()));
        }
        for t in [TextStart::Marked, TextStart::Guessed] {
            assert_eq!(text_start(t), name(serde_json::to_value(t).unwrap()));
        }
        use NonSpeechKind as N;
        for k in [N::Nickname, N::Title, N::Term, N::StageDirection, N::Credit] {
            assert_eq!(non_speech_kind(k), name(serde_json::to_value(k).unwrap()));
        }
        for k in FlagKind::ALL {
            assert_eq!(k.id(), name(serde_json::to_value(k).unwrap()));
        }
        for s in Severity::ALL {
            assert_eq!(s.id(), name(serde_json::to_value(s).unwrap()));
        }
    }

    #[test]
    fn an_analysed_article_is_written_as_serde_writes_it() {
        let text = "“It is an important step,” Zalmay Khalilzad said on Sunday in a statement.\n\n\
                    Sen. Jane Doe told CNN the plan “will fail.” She said it twice.";
        let options = crate::Options {
            date: Some("2016-07-14".into()),
            emit_text: true,
            ..Default::default()
        };
        let a = crate::analyze(text, &options);
        assert!(!a.quotes.is_empty());
        same(&Record::Analysis(Box::new(a)));
    }
}
