//! TSV output: one row per statement part.

use whosaid::Record;

pub(crate) const TSV_HEADER: &str =
    "id\tkind\ttext\tspeaker\trole\tspeaker_kind\tcue\tchannel\tplatform_or_outlet\tdate\n";

pub(crate) fn tsv_field(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// One row per statement part (error records give one row with the error as text).
pub(crate) fn tsv_rows(record: &Record, out: &mut String) {
    let kind_name = |v: serde_json::Value| v.as_str().unwrap_or_default().to_string();
    match record {
        Record::Error(e) => {
            out.push_str(&format!(
                "{}\terror\t{}\t\t\t\t\t\t\t\n",
                tsv_field(&e.id),
                tsv_field(&e.error)
            ));
        }
        Record::Analysis(a) => {
            for q in &a.quotes {
                let sp = q.speaker.as_ref();
                let ch = q.channel.as_ref();
                let cols = [
                    tsv_field(&a.id),
                    kind_name(serde_json::to_value(q.kind).unwrap_or_default()),
                    tsv_field(&q.text),
                    sp.map(|s| tsv_field(&s.name)).unwrap_or_default(),
                    sp.and_then(|s| s.role.as_deref())
                        .map(tsv_field)
                        .unwrap_or_default(),
                    sp.map(|s| kind_name(serde_json::to_value(s.kind).unwrap_or_default()))
                        .unwrap_or_default(),
                    q.cue
                        .as_ref()
                        .map(|c| tsv_field(&c.lemma))
                        .unwrap_or_default(),
                    ch.map(|c| kind_name(serde_json::to_value(c.kind).unwrap_or_default()))
                        .unwrap_or_default(),
                    ch.and_then(|c| c.platform.clone().or(c.outlet.clone()))
                        .map(|s| tsv_field(&s))
                        .unwrap_or_default(),
                    q.time
                        .as_ref()
                        .and_then(|t| t.date.clone())
                        .or_else(|| {
                            q.post
                                .and_then(|p| a.posts.get(p))
                                .and_then(|p| p.date.clone())
                        })
                        .unwrap_or_default(),
                ];
                out.push_str(&cols.join("\t"));
                out.push('\n');
            }
        }
    }
}
