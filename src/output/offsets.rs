//! Offsets of a record in the unit the caller asks for (code points or UTF-16 units), and
//! the JSON Schema of a record.

use crate::model::*;

/// Call `f` on every offset of a record.
fn for_each_offset(a: &mut Analysis, f: &mut dyn FnMut(&mut usize)) {
    for q in &mut a.quotes {
        f(&mut q.start);
        f(&mut q.end);
        if let Some(s) = &mut q.speaker {
            f(&mut s.start);
            f(&mut s.end);
            if let Some(inner) = &mut s.quoted_speaker {
                f(&mut inner.start);
                f(&mut inner.end);
            }
        }
        if let Some(c) = &mut q.cue {
            f(&mut c.start);
            f(&mut c.end);
        }
        if let Some(c) = &mut q.channel {
            f(&mut c.start);
            f(&mut c.end);
        }
        if let Some(t) = &mut q.time {
            f(&mut t.start);
            f(&mut t.end);
        }
    }
    for e in &mut a.speakers {
        for m in &mut e.mentions {
            f(&mut m.start);
            f(&mut m.end);
        }
    }
    for p in &mut a.posts {
        f(&mut p.start);
        f(&mut p.end);
    }
    for n in &mut a.non_speech {
        f(&mut n.start);
        f(&mut n.end);
    }
    for fl in &mut a.flags {
        f(&mut fl.start);
        f(&mut fl.end);
    }
    for l in [&mut a.metadata.dateline, &mut a.metadata.photo_credit]
        .into_iter()
        .flatten()
    {
        f(&mut l.start);
        f(&mut l.end);
    }
}

/// Add `by` to every offset of a record, and `numbers` to its statement, entity and post
/// numbers: the record of a piece of a longer text that starts `by` units in, after pieces
/// holding `numbers.0` statements, `numbers.1` entities and `numbers.2` posts.
pub fn shift_record(a: &mut Analysis, by: usize, numbers: (usize, usize, usize)) {
    for_each_offset(a, &mut |o| *o += by);
    let (statements, entities, posts) = numbers;
    for q in &mut a.quotes {
        q.statement += statements;
        q.post = q.post.map(|p| p + posts);
        if let Some(e) = q.speaker.as_mut().and_then(|s| s.entity.as_mut()) {
            *e += entities;
        }
    }
    for e in &mut a.speakers {
        e.id += entities;
    }
}

/// Convert a record's byte offsets into `unit` (code points or UTF-16 code units), in one
/// walk over the text.
pub fn convert_offsets(a: &mut Analysis, text: &str, unit: OffsetUnit) {
    if a.offsets != OffsetUnit::Bytes || unit == OffsetUnit::Bytes {
        return;
    }
    let mut all = Vec::new();
    for_each_offset(a, &mut |o| all.push(*o));
    all.sort_unstable();
    all.dedup();
    let mut map = Vec::with_capacity(all.len());
    let mut units = 0usize;
    let mut chars = text.char_indices().peekable();
    for &b in &all {
        while let Some(&(i, c)) = chars.peek() {
            if i >= b {
                break;
            }
            units += match unit {
                OffsetUnit::Utf16 => c.len_utf16(),
                _ => 1,
            };
            chars.next();
        }
        map.push(units);
    }
    for_each_offset(a, &mut |o| {
        if let Ok(i) = all.binary_search(o) {
            *o = map[i];
        }
    });
    a.offsets = unit;
}

/// The JSON Schema of one output line ([`Record`]).
pub fn schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Record)).unwrap_or_default()
}
