//! The `review` command: statements by speaker, then every flag as a diagnostic with
//! line:column (or a JSON record, or a standalone HTML page).

use std::io::{self, Write};
use std::path::Path;

use whosaid::{Analysis, FlagKind, Options, Quote, Severity};

use super::{ReviewArgs, ReviewFormat};

/// Line and column (1-based, in characters) of a byte offset.
pub(crate) fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or(before).chars().count() + 1;
    (line, col)
}

/// Run `review` over the articles. The exit status: 2 when an article could not be read
/// (or a flag kind or severity is unknown), 1 when a flag of a `--fail-on` kind or severity
/// was found, else 0.
pub(crate) fn review(args: &ReviewArgs) -> i32 {
    let Some(fail_on) = fail_on(args) else {
        return 2;
    };
    let many = args.articles.len() > 1;
    if many && args.format == ReviewFormat::Html && args.output.is_none() {
        eprintln!(
            "whosaid: --format html writes one page per article: with several articles, give a \
             folder for the pages with -o DIR (or review one article at a time)"
        );
        return 2;
    }
    let mut failed = false;
    let mut errors = false;
    let stdout = io::stdout();
    let mut out = stdout.lock();
    for path in &args.articles {
        let name = path.display().to_string();
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("whosaid: {name}: cannot read: {e}");
                errors = true;
                continue;
            }
        };
        let mut a = analyse(path, &bytes, args);
        a.id = name.clone();
        let text = a.text.take().unwrap_or_default();
        if a.flags.iter().any(|f| fail_on.contains(&f.kind)) {
            failed = true;
        }
        let written = match args.format {
            ReviewFormat::Json => {
                a.text = Some(text);
                writeln!(out, "{}", serde_json::to_string(&a).unwrap_or_default())
            }
            ReviewFormat::Html => {
                let page = whosaid::html_report(&name, &text, &a);
                write_page(args, path, many, &page, &mut out)
            }
            ReviewFormat::Text => out.write_all(text_report(&name, &text, &a).as_bytes()),
        };
        if written.is_err() {
            return if errors { 2 } else { 0 };
        }
    }
    if errors {
        2
    } else if failed {
        1
    } else {
        0
    }
}

/// The flag kinds of `--fail-on`: "all", kind ids ("loaded_verb"), or severities
/// ("warning": flags of that severity or a more serious one); `None` (said on stderr) for an
/// unknown name.
fn fail_on(args: &ReviewArgs) -> Option<Vec<FlagKind>> {
    let mut kinds = Vec::new();
    for k in &args.fail_on {
        let k = k.trim();
        if k == "all" {
            kinds.extend(FlagKind::ALL);
        } else if let Some(s) = Severity::ALL.iter().find(|s| s.id() == k) {
            kinds.extend(FlagKind::ALL.iter().filter(|f| f.severity() <= *s));
        } else if let Some(f) = FlagKind::ALL.iter().find(|f| f.id() == k) {
            kinds.push(*f);
        } else {
            eprintln!(
                "whosaid: unknown flag kind or severity {k:?}; the severities are: {}; the kinds are: {}",
                Severity::ALL.map(|s| s.id()).join(", "),
                FlagKind::ALL.map(|f| f.id()).join(", ")
            );
            return None;
        }
    }
    Some(kinds)
}

/// Analyse one article, as HTML when its name says so, keeping its text.
fn analyse(path: &Path, bytes: &[u8], args: &ReviewArgs) -> Analysis {
    let options = Options {
        date: args.date.clone(),
        emit_text: true,
        ..Options::default()
    };
    let is_html = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
    if is_html {
        whosaid::analyze_html(&String::from_utf8_lossy(bytes), &options)
    } else {
        whosaid::analyze_bytes(bytes, &options)
    }
}

/// Write an HTML page: to `--output` (a folder, one page an article, when there are
/// `many`), else to standard output.
fn write_page(
    args: &ReviewArgs,
    path: &Path,
    many: bool,
    page: &str,
    out: &mut impl Write,
) -> io::Result<()> {
    match &args.output {
        Some(dir) if many => {
            let _ = std::fs::create_dir_all(dir);
            let file = dir.join(format!(
                "{}.html",
                path.file_name()
                    .map(|n| n.to_string_lossy().to_string())
                    .unwrap_or_default()
            ));
            std::fs::write(&file, page)
        }
        Some(file) => std::fs::write(file, page),
        None => out.write_all(page.as_bytes()),
    }
}

/// The text report of one article: a summary line, the statements by speaker, then each
/// flag as a diagnostic.
fn text_report(name: &str, text: &str, a: &Analysis) -> String {
    let mut s = String::new();
    let statements: std::collections::BTreeSet<usize> =
        a.quotes.iter().map(|q| q.statement).collect();
    s.push_str(&format!(
        "== {name}: {} statements, {} speakers, {} flags\n\n",
        statements.len(),
        a.speakers.len(),
        a.flags.len()
    ));
    for (who, qs) in &by_speaker(a) {
        s.push_str(&format!("{who}\n"));
        for q in qs {
            statement_line(a, q, &mut s);
        }
        s.push('\n');
    }
    diagnostics(name, text, a, &mut s);
    s
}

/// The statements (their first quote) grouped by speaker, in order of first appearance.
fn by_speaker(a: &Analysis) -> Vec<(String, Vec<&Quote>)> {
    let mut groups: Vec<(String, Vec<&Quote>)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for q in &a.quotes {
        if !seen.insert(q.statement) {
            continue;
        }
        let who = match &q.speaker {
            Some(sp) => match a.speakers.get(sp.entity.unwrap_or(usize::MAX)) {
                Some(e) if !e.roles.is_empty() => {
                    format!("{} ({})", e.name, e.roles.join("; "))
                }
                Some(e) => e.name.clone(),
                None => sp.name.clone(),
            },
            None => "(nobody)".to_string(),
        };
        match groups.iter_mut().find(|g| g.0 == who) {
            Some(g) => g.1.push(q),
            None => groups.push((who, vec![q])),
        }
    }
    groups
}

/// One statement: its kind, its parts, and its cue, channel and time.
fn statement_line(a: &Analysis, q: &Quote, s: &mut String) {
    let parts: Vec<&str> = a
        .quotes
        .iter()
        .filter(|p| p.statement == q.statement && p.kind == q.kind)
        .map(|p| p.text.as_str())
        .collect();
    let kind = serde_json::to_value(q.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    let mut how = Vec::new();
    if let Some(c) = &q.cue {
        how.push(c.text.clone());
    }
    if let Some(c) = &q.channel {
        how.push(c.text.clone());
    }
    if let Some(t) = &q.time {
        how.push(match &t.date {
            Some(d) => format!("{} ({d})", t.text),
            None => t.text.clone(),
        });
    }
    s.push_str(&format!(
        "  - [{kind}] \"{}\" — {}\n",
        parts.join(" … "),
        how.join(", ")
    ));
}

/// Each flag as a diagnostic, with its line of the text.
fn diagnostics(name: &str, text: &str, a: &Analysis, s: &mut String) {
    use annotate_snippets::{Level, Renderer, Snippet};
    let renderer = Renderer::plain();
    for f in &a.flags {
        let (line, _) = line_col(text, f.start);
        let line_start = text[..f.start.min(text.len())]
            .rfind('\n')
            .map_or(0, |i| i + 1);
        let line_end = text[f.end.min(text.len())..]
            .find('\n')
            .map_or(text.len(), |i| f.end.min(text.len()) + i);
        let source = &text[line_start..line_end];
        let span =
            (f.start - line_start)..(f.end.min(line_end) - line_start).max(f.start - line_start);
        let level = match f.severity {
            Severity::Error => Level::Error,
            Severity::Warning => Level::Warning,
            Severity::Note => Level::Note,
        };
        let message = level.title(f.kind.doc()).id(f.kind.id()).snippet(
            Snippet::source(source)
                .line_start(line)
                .origin(name)
                .fold(true)
                .annotation(level.span(span).label(&f.message)),
        );
        s.push_str(&format!("{}\n\n", renderer.render(message)));
    }
}
