//! The review page: one standalone HTML file (no external assets, no scripts) showing the
//! article with each statement highlighted in its speaker's colour, the speakers with their
//! statement counts, and the flags beside the text, each linked to its place.
//!
//! Articles are untrusted input: every piece of their text, of embedded posts, of speaker
//! names and of the title is escaped, so markup in an article is shown, never run.

use std::fmt::Write;

use crate::model::{Analysis, QuoteKind};

/// Escape text for HTML element content and attribute values.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
:root{--ink:#1d1d1f;--muted:#5f6368;--line:#e3e3e3}
*{box-sizing:border-box}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#fafafa}
header{padding:16px 20px;border-bottom:1px solid var(--line);background:#fff}
header h1{margin:0;font-size:1.2rem;word-break:break-all}
header p{margin:4px 0 0;color:var(--muted)}
main{display:flex;flex-wrap:wrap;gap:20px;padding:20px;max-width:1280px;margin:0 auto}
article{flex:3 1 520px;min-width:0;background:#fff;border:1px solid var(--line);border-radius:8px;padding:8px 24px}
aside{flex:1 1 300px;min-width:0}
aside section{background:#fff;border:1px solid var(--line);border-radius:8px;padding:12px 16px;margin-bottom:20px}
aside h2{font-size:1rem;margin:0 0 8px}
article p{white-space:pre-wrap;overflow-wrap:anywhere}
mark.q{border-radius:3px;padding:0 2px;color:inherit}
.sp0{background:#ffe08a;border-color:#c79a00}.sp1{background:#b9e3ff;border-color:#1a73e8}
.sp2{background:#c8f0c2;border-color:#188038}.sp3{background:#ffc9c2;border-color:#d93025}
.sp4{background:#e2d2ff;border-color:#8430ce}.sp5{background:#ffd8b0;border-color:#e8710a}
.sp6{background:#c4f2ee;border-color:#007b83}.sp7{background:#f6c8e4;border-color:#c2185b}
.nobody{background:#eee;border-color:#999;outline:1px dashed #999}
mark.q.indirect{background:transparent!important;border-width:0 0 2px 0;border-style:solid;padding:0}
a.flagref{font-size:.75rem;text-decoration:none;background:#d93025;color:#fff;border-radius:8px;padding:0 5px;margin:0 2px;vertical-align:super}
a.flagref.note{background:#5f6368}
ul{padding-left:18px;margin:0}
li{margin:6px 0}
.swatch{display:inline-block;width:.9em;height:.9em;border-radius:2px;vertical-align:-1px;margin-right:6px}
.kind{font-family:ui-monospace,monospace;font-size:.85rem}
.doc{color:var(--muted);font-size:.9rem}
"#;

/// A highlight: its span, its CSS classes, and its title (who, and the cue).
type Mark = (usize, usize, String, String);

/// The review page of one article. `title` is shown as the page's heading (a file name).
pub fn html_report(title: &str, text: &str, a: &Analysis) -> String {
    let body = article(text, a, &highlights(text, a));
    let speakers = speakers(a);
    let flags = flags(a);
    let statements = a
        .quotes
        .iter()
        .map(|q| q.statement)
        .collect::<rustc_hash::FxHashSet<_>>()
        .len();
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>whosaid review: {t}</title><style>{STYLE}</style></head><body>\
         <header><h1>{t}</h1><p>{statements} statements, {ns} speakers, {nf} flags</p></header>\
         <main><article>{body}</article><aside>\
         <section id=\"speakers\"><h2>Speakers</h2><ul>{speakers}</ul></section>\
         <section id=\"flags\"><h2>Flags</h2><ul>{flags}</ul></section>\
         </aside></main></body></html>\n",
        t = escape(title),
        ns = a.speakers.len(),
        nf = a.flags.len(),
    )
}

/// The highlights of the article, in text order, none overlapping: quotation parts and
/// posts (they never overlap each other), and reported speech where it overlaps none of
/// them.
fn highlights(text: &str, a: &Analysis) -> Vec<Mark> {
    let mut marks: Vec<Mark> = Vec::new();
    let speech: Vec<(usize, usize)> = a
        .quotes
        .iter()
        .filter(|q| q.kind != QuoteKind::Indirect)
        .map(|q| (q.start, q.end))
        .collect();
    for q in &a.quotes {
        if q.start >= q.end || q.end > text.len() {
            continue;
        }
        if q.kind == QuoteKind::Indirect && speech.iter().any(|&(s, e)| s < q.end && q.start < e) {
            continue;
        }
        let class = match q.speaker.as_ref().and_then(|s| s.entity) {
            Some(e) => format!("sp{}", e % 8),
            None => "nobody".to_string(),
        };
        let kind = if q.kind == QuoteKind::Indirect {
            " indirect"
        } else {
            ""
        };
        let who = q
            .speaker
            .as_ref()
            .map_or("nobody".to_string(), |s| s.name.clone());
        let how = q
            .cue
            .as_ref()
            .map_or(String::new(), |c| format!(", {}", c.text));
        marks.push((
            q.start,
            q.end,
            format!("q {class}{kind}"),
            format!("{who}{how}"),
        ));
    }
    marks.sort_by_key(|m| (m.0, std::cmp::Reverse(m.1)));
    let mut kept: Vec<Mark> = Vec::new();
    for m in marks {
        if kept.last().is_none_or(|k| k.1 <= m.0) {
            kept.push(m);
        }
    }
    kept
}

/// The article as HTML paragraphs, its highlights marked and each flag's reference at its
/// place.
fn article(text: &str, a: &Analysis, kept: &[Mark]) -> String {
    // Events at offsets: a highlight closes, a flag reference, a highlight opens.
    let mut events: Vec<(usize, u8, usize)> = Vec::new();
    for (i, m) in kept.iter().enumerate() {
        events.push((m.0, 2, i));
        events.push((m.1, 0, i));
    }
    for (i, f) in a.flags.iter().enumerate() {
        if f.start <= text.len() && text.is_char_boundary(f.start) {
            events.push((f.start, 1, i));
        }
    }
    events.sort();
    let mut body = String::from("<p>");
    let mut pos = 0;
    let mut open: Option<String> = None;
    // Text, escaped; paragraph breaks close and reopen an open highlight.
    let emit = |body: &mut String, from: usize, to: usize, open: &Option<String>| {
        for (k, part) in text[from..to].split("\n\n").enumerate() {
            if k > 0 {
                match open {
                    Some(tag) => {
                        body.push_str("</mark></p><p>");
                        body.push_str(tag);
                    }
                    None => body.push_str("</p><p>"),
                }
            }
            body.push_str(&escape(part));
        }
    };
    for (at, kind, i) in events {
        if at < pos || !text.is_char_boundary(at) {
            continue;
        }
        emit(&mut body, pos, at, &open);
        pos = at;
        match kind {
            0 => {
                if open.take().is_some() {
                    body.push_str("</mark>");
                }
            }
            1 => {
                let f = &a.flags[i];
                let note = if f.kind.is_note() { " note" } else { "" };
                let _ = write!(
                    body,
                    "<a class=\"flagref{note}\" id=\"f{i}\" href=\"#flag{i}\" title=\"{}\">{}</a>",
                    escape(f.kind.id()),
                    i + 1
                );
            }
            _ => {
                let m = &kept[i];
                let tag = format!("<mark class=\"{}\" title=\"{}\">", m.2, escape(&m.3));
                body.push_str(&tag);
                open = Some(tag);
            }
        }
    }
    emit(&mut body, pos, text.len(), &open);
    if open.is_some() {
        body.push_str("</mark>");
    }
    body.push_str("</p>");

    body
}

/// The speakers with their statement counts, as list items.
fn speakers(a: &Analysis) -> String {
    let mut counts = vec![0usize; a.speakers.len()];
    let mut seen = rustc_hash::FxHashSet::default();
    for q in &a.quotes {
        if let Some(e) = q.speaker.as_ref().and_then(|s| s.entity)
            && e < counts.len()
            && seen.insert(q.statement)
        {
            counts[e] += 1;
        }
    }
    let mut speakers = String::new();
    for e in &a.speakers {
        let roles = if e.roles.is_empty() {
            String::new()
        } else {
            format!(" — {}", escape(&e.roles.join("; ")))
        };
        let kind = serde_json::to_value(e.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let _ = write!(
            speakers,
            "<li><span class=\"swatch sp{}\"></span><b>{}</b> <span class=\"doc\">({}){}</span>: {} statement{}</li>",
            e.id % 8,
            escape(&e.name),
            escape(&kind),
            roles,
            counts[e.id],
            if counts[e.id] == 1 { "" } else { "s" }
        );
    }
    speakers
}

/// The flags with their documentation, as list items, each linked to its place.
fn flags(a: &Analysis) -> String {
    let mut flags = String::new();
    for (i, f) in a.flags.iter().enumerate() {
        let _ = write!(
            flags,
            "<li id=\"flag{i}\"><a href=\"#f{i}\">{}</a> {}[<span class=\"kind\">{}</span>]: {}<br><span class=\"doc\">{}</span></li>",
            i + 1,
            f.severity.id(),
            escape(f.kind.id()),
            escape(&f.message),
            escape(f.kind.doc())
        );
    }
    flags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_markup_is_escaped() {
        let text = "“<script>alert(1)</script>,” said Ann <b onerror=x>Lee</b>.";
        let a = crate::analyze(text, &crate::Options::default());
        let page = html_report("<img src=x onerror=alert(1)>", text, &a);
        assert!(!page.contains("<script>alert"));
        assert!(!page.contains("<img src=x"));
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(page.contains("<mark class=\"q"));
    }
}
