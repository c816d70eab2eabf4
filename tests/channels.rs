//! Channels and times on the team's fixture set (`tests/fixtures/channels/sentences.tsv`):
//! every channel kind and outlet form, one attributed sentence a line, with the channel kind,
//! platform or outlet, programme and time a careful reader finds (shared/eval/CHANNELS.md).

use whosaid::{Options, QuoteKind, analyze};

struct Case {
    kind: String,
    source: Option<String>,
    programme: Option<String>,
    time: Option<String>,
    sentence: String,
}

fn cases() -> Vec<Case> {
    let opt = |s: &str| (s != "-").then(|| s.to_string());
    include_str!("fixtures/channels/sentences.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 5, "five tab-separated fields: {l}");
            Case {
                kind: f[0].to_string(),
                source: opt(f[1]),
                programme: opt(f[2]),
                time: opt(f[3]),
                sentence: f[4].to_string(),
            }
        })
        .collect()
}

fn kind_name(k: whosaid::ChannelKind) -> String {
    serde_json::to_value(k)
        .unwrap()
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn every_channel_kind_is_covered_by_the_fixtures() {
    let cases = cases();
    assert!(cases.len() >= 60);
    for kind in [
        "social_media",
        "statement",
        "interview",
        "press_conference",
        "broadcast",
        "speech",
        "hearing",
        "letter_or_email",
        "publication",
        "other",
        "none",
    ] {
        assert!(
            cases.iter().any(|c| c.kind == kind),
            "no fixture for {kind}"
        );
    }
}

#[test]
fn channel_kind_platform_outlet_programme_and_time() {
    let mut wrong = Vec::new();
    for c in cases() {
        let a = analyze(&c.sentence, &Options::default());
        let Some(q) = a.quotes.iter().find(|q| q.kind != QuoteKind::Post) else {
            wrong.push(format!("no statement: {}", c.sentence));
            continue;
        };
        let ch = q.channel.as_ref();
        let got_kind = ch.map_or("none".to_string(), |ch| kind_name(ch.kind));
        let got_source = ch.and_then(|ch| ch.platform.clone().or(ch.outlet.clone()));
        let got_programme = ch.and_then(|ch| ch.programme.clone());
        let got_time = q.time.as_ref().map(|t| t.text.clone());
        if got_kind != c.kind
            || got_source != c.source
            || got_programme != c.programme
            || got_time != c.time
        {
            wrong.push(format!(
                "{}\n    want {} {:?} {:?} {:?}\n    got  {} {:?} {:?} {:?}",
                c.sentence,
                c.kind,
                c.source,
                c.programme,
                c.time,
                got_kind,
                got_source,
                got_programme,
                got_time
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn a_channel_carries_to_the_same_speakers_next_statement() {
    let text = "“We will win,” Ann Lee said on CNN on Monday. “And we will win big,” she added.";
    let a = analyze(text, &Options::default());
    let added = a
        .quotes
        .iter()
        .find(|q| q.text.starts_with("And we will"))
        .unwrap();
    let ch = added.channel.as_ref().expect("carried");
    assert_eq!(ch.outlet.as_deref(), Some("CNN"));
}

#[test]
fn a_channel_in_another_clause_belongs_to_someone_else() {
    let text = "The anchor said, referring to his interview with CNN, that the answer was wrong.";
    let a = analyze(text, &Options::default());
    let said = a
        .quotes
        .iter()
        .find(|q| q.cue.as_ref().is_some_and(|c| c.text == "said"))
        .unwrap();
    assert!(said.channel.is_none(), "{:?}", said.channel);
}

#[test]
fn a_statement_on_a_platform_is_linked_to_the_embedded_post() {
    let text = "The minister said on Twitter that the clinic was full.\n\nEvery bed is taken today. pic.twitter.com/AbC— Ana Silva (@AnaSilvaMin) April 19, 2020";
    let a = analyze(text, &Options::default());
    assert_eq!(a.posts.len(), 1);
    let text2 = "Ana Silva said on Twitter that the clinic was full.\n\nEvery bed is taken today. pic.twitter.com/AbC— Ana Silva (@AnaSilvaMin) April 19, 2020";
    let b = analyze(text2, &Options::default());
    let q = b
        .quotes
        .iter()
        .find(|q| q.kind == QuoteKind::Indirect)
        .unwrap();
    assert_eq!(q.post, Some(0));
}

/// The whole fixture set as a table, reviewed once: one line per sentence with the channel,
/// its words and the time.
#[test]
fn channel_table_snapshot() {
    let mut table = String::new();
    for c in cases() {
        let a = analyze(&c.sentence, &Options::default());
        let q = a.quotes.iter().find(|q| q.kind != QuoteKind::Post).unwrap();
        let ch = q.channel.as_ref().map_or("-".to_string(), |ch| {
            format!(
                "{} [{}]{}{}",
                kind_name(ch.kind),
                ch.text,
                ch.platform
                    .as_ref()
                    .or(ch.outlet.as_ref())
                    .map_or(String::new(), |s| format!(" {s}")),
                ch.programme
                    .as_ref()
                    .map_or(String::new(), |p| format!(" / {p}"))
            )
        });
        let t = q.time.as_ref().map_or("-".to_string(), |t| t.text.clone());
        table.push_str(&format!("{ch} | {t} | {}\n", c.sentence));
    }
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path(concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots"));
    s.set_prepend_module_to_snapshot(false);
    s.bind(|| insta::assert_snapshot!("channels_table", table));
}

/// An article of the team's own: the channel and time of a statement carry to the same
/// speaker's next statements, from a statement or from a sentence that sets the occasion,
/// until a section break; carried ones say so.
const RALLY: &str = "date 2016-07-14\nMayor backs the new line\n\nIn a speech in Dayton on Tuesday, Ruth Okafor laid out her plan for the new rail line.\n\n“It will change this city,” Okafor said.\n\nShe said the first trains would run in 2019.\n\n___\n\nOkafor said last week that the budget was tight.";

fn by_text<'a>(a: &'a whosaid::Analysis, start: &str) -> &'a whosaid::Quote {
    a.quotes
        .iter()
        .find(|q| q.text.starts_with(start))
        .unwrap_or_else(|| panic!("no statement starting {start:?}"))
}

#[test]
fn an_occasion_carries_to_the_speakers_statements_until_a_section_break() {
    let a = analyze(RALLY, &Options::default());
    for start in ["It will change", "the first trains"] {
        let q = by_text(&a, start);
        let ch = q.channel.as_ref().expect("carried channel");
        let tm = q.time.as_ref().expect("carried time");
        assert_eq!(kind_name(ch.kind), "speech");
        assert!(ch.carried && tm.carried, "{start}: {ch:?} {tm:?}");
        assert_eq!(tm.date.as_deref(), Some("2016-07-12"));
    }
    let after = by_text(&a, "the budget");
    assert!(after.channel.is_none(), "{:?}", after.channel);
    let tm = after.time.as_ref().expect("its own time");
    assert!(!tm.carried);
    assert_eq!(tm.date.as_deref(), Some("2016-07-04/2016-07-10"));
}

#[test]
fn months_years_and_relative_times_resolve_against_the_article_date() {
    let cases = [
        (
            "The minister said in July that talks had stalled.",
            "2016-07",
        ),
        (
            "The minister said in December that talks had stalled.",
            "2015-12",
        ),
        (
            "In June 2015, the council said the tower was safe.",
            "2015-06",
        ),
        ("Last year, the agency said it would cut fees.", "2015"),
        (
            "The agency said last month that fees would rise.",
            "2016-06",
        ),
        (
            "The agency said this week that fees would rise.",
            "2016-07-11/2016-07-17",
        ),
    ];
    for (sentence, want) in cases {
        let a = analyze(
            &format!("date 2016-07-14\n\n{sentence}"),
            &Options::default(),
        );
        let q = a.quotes.first().expect("a statement");
        let date = q.time.as_ref().and_then(|t| t.date.clone());
        assert_eq!(date.as_deref(), Some(want), "{sentence}");
    }
}
