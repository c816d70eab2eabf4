//! The shape of `src/`, as ARCHITECTURE.md promises it: word lists are data (no `matches!`
//! of three or more string literals in stage code), no function over 80 lines (a table of
//! rules excepted) and no file over 800 lines, tests not counted.

use std::path::{Path, PathBuf};

fn sources() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> =
        walkdir::WalkDir::new(Path::new(env!("CARGO_MANIFEST_DIR")).join("src"))
            .into_iter()
            .filter_map(Result::ok)
            .map(|e| e.into_path())
            .filter(|p| p.extension().is_some_and(|e| e == "rs"))
            .collect();
    out.sort();
    out
}

/// The source with comments, strings and char literals blanked (lines kept), so braces and
/// keywords can be counted.
fn blank(src: &str) -> String {
    let b = src.as_bytes();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    let keep = |s: &str, out: &mut String| {
        // (byte for byte, so offsets in the blanked text are the source's)
        for c in s.chars() {
            if c == '\n' {
                out.push('\n');
            } else {
                out.extend(std::iter::repeat_n(' ', c.len_utf8()));
            }
        }
    };
    while i < b.len() {
        let rest = &src[i..];
        if rest.starts_with("//") {
            let j = rest.find('\n').unwrap_or(rest.len());
            keep(&rest[..j], &mut out);
            i += j;
        } else if let Some(body) = rest.strip_prefix("/*") {
            let j = body.find("*/").map_or(rest.len(), |j| j + 4);
            keep(&rest[..j], &mut out);
            i += j;
        } else if rest.starts_with("r#\"") || rest.starts_with("r\"") {
            let hashes = rest[1..].bytes().take_while(|&c| c == b'#').count();
            let close = format!("\"{}", "#".repeat(hashes));
            let open = 2 + hashes;
            let j = rest[open..]
                .find(&close)
                .map_or(rest.len(), |j| open + j + close.len());
            keep(&rest[..j], &mut out);
            i += j;
        } else if b[i] == b'"' {
            let mut j = 1;
            while j < rest.len() && rest.as_bytes()[j] != b'"' {
                j += if rest.as_bytes()[j] == b'\\' { 2 } else { 1 };
            }
            let j = (j + 1).min(rest.len());
            out.push('"');
            keep(&rest[1..j.saturating_sub(1).max(1)], &mut out);
            out.push('"');
            i += j;
        } else if b[i] == b'\'' && char_literal_len(rest) > 0 {
            let len = char_literal_len(rest);
            keep(&rest[..len], &mut out);
            i += len;
        } else {
            let c = rest.chars().next().unwrap();
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// The length of the char literal `rest` starts with ('x', '\\n', '\\u{2019}'), or 0 for a
/// lifetime.
fn char_literal_len(rest: &str) -> usize {
    let mut it = rest.char_indices().skip(1);
    match it.next() {
        Some((_, '\\')) => rest
            .get(3..)
            .and_then(|r| r.find('\''))
            .filter(|&k| k <= 8)
            .map_or(0, |k| k + 4),
        Some((k, c)) if rest[k + c.len_utf8()..].starts_with('\'') => k + c.len_utf8() + 1,
        _ => 0,
    }
}

/// The byte range of the block whose `{` is the first at or after `from`.
fn block(clean: &str, from: usize) -> Option<(usize, usize)> {
    let open = from + clean[from..].find('{')?;
    let mut depth = 0usize;
    for (k, c) in clean[open..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some((open, open + k));
                }
            }
            _ => {}
        }
    }
    None
}

struct Shape {
    /// Lines outside `#[cfg(test)] mod` blocks (`pub mod`, `pub(super) mod` … too).
    lines: usize,
    /// (name, lines) of every function outside tests.
    functions: Vec<(String, usize)>,
    /// Line numbers of `matches!` with three or more string literals, outside tests.
    word_lists: Vec<usize>,
}

fn shape(src: &str) -> Shape {
    let clean = blank(src);
    let tests: Vec<(usize, usize)> = clean
        .match_indices("#[cfg(test)]")
        .filter_map(|(at, _)| {
            // (a test module may be visible to its siblings' tests: `pub(super) mod tests`)
            let after = clean[at + 12..].trim_start();
            let after = ["pub(super) ", "pub(crate) ", "pub "]
                .iter()
                .find_map(|v| after.strip_prefix(v))
                .unwrap_or(after);
            after
                .starts_with("mod ")
                .then(|| block(&clean, at))
                .flatten()
        })
        .collect();
    let in_test = |pos: usize| tests.iter().any(|&(a, b)| a <= pos && pos <= b);
    let line_of = |pos: usize| clean[..pos].matches('\n').count() + 1;
    let test_lines: usize = tests
        .iter()
        .map(|&(a, b)| clean[a..b].matches('\n').count() + 1)
        .sum();
    let mut functions = Vec::new();
    for (at, _) in clean.match_indices("fn ") {
        if in_test(at) || (at > 0 && clean.as_bytes()[at - 1].is_ascii_alphanumeric()) {
            continue;
        }
        let name: String = clean[at + 3..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let (semi, brace) = (clean[at..].find(';'), clean[at..].find('{'));
        if name.is_empty() || brace.is_none() || semi.is_some_and(|s| s < brace.unwrap()) {
            continue;
        }
        if let Some((_, end)) = block(&clean, at) {
            functions.push((name, line_of(end) - line_of(at) + 1));
        }
    }
    let mut word_lists = Vec::new();
    for (at, _) in src.match_indices("matches!(") {
        if in_test(at) || clean[at..].starts_with(' ') {
            continue;
        }
        let mut depth = 0i32;
        let mut end = at;
        for (k, c) in clean[at + 8..].char_indices() {
            match c {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        end = at + 8 + k;
                        break;
                    }
                }
                _ => {}
            }
        }
        if clean[at..end].matches('"').count() >= 6 {
            word_lists.push(line_of(at));
        }
    }
    Shape {
        lines: src.matches('\n').count().saturating_sub(test_lines),
        functions,
        word_lists,
    }
}

#[test]
fn word_lists_are_data_functions_are_short_files_are_small() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let lexicon = root.join("src").join("lexicon");
    let mut problems = Vec::new();
    for path in sources() {
        let src = std::fs::read_to_string(&path).unwrap();
        let s = shape(&src);
        let name = path.strip_prefix(root).unwrap().display().to_string();
        if s.lines > 800 {
            problems.push(format!(
                "{name}: {} lines (at most 800 outside tests)",
                s.lines
            ));
        }
        for (f, n) in &s.functions {
            if *n > 80 {
                problems.push(format!("{name}: fn {f} has {n} lines (at most 80)"));
            }
        }
        if !path.starts_with(&lexicon) && path != root.join("src").join("lexicon.rs") {
            for l in &s.word_lists {
                problems.push(format!(
                    "{name}:{l}: a word list in code (make it a word class in src/lexicon/)"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_checker_sees_what_it_checks() {
    let src = "fn a() {\n    let s = \"{\";\n    matches!(w, \"x\" | \"y\" | \"z\")\n}\n#[cfg(test)]\nmod tests {\n    fn t() { matches!(w, \"x\" | \"y\" | \"z\"); }\n}\n";
    let s = shape(src);
    assert_eq!(s.functions, [("a".to_string(), 4)]);
    assert_eq!(s.word_lists, [3]);
    assert_eq!(s.lines, 5);
    let shared = src.replace("mod tests", "pub(super) mod tests");
    assert_eq!(shape(&shared).lines, 5);
}
