//! Clock times as embeds display them ("at 7:20 PM", "um 0:31 Uhr").

/// Words that stand between a handle and an Instagram date ("on", "am", "le", "el").
pub(crate) const DATE_LEADS: [&str; 6] = ["on ", "am ", "le ", "el ", "il ", "op "];
/// A displayed clock time ("at 7:20 PM", "11:02am", "um 0:31 Uhr") as 24-hour HH:MM.
pub(crate) fn clock(s: &str) -> Option<String> {
    let colon = s.find(':')?;
    let h_start = s[..colon]
        .rfind(|c: char| !c.is_ascii_digit())
        .map_or(0, |i| i + 1);
    let hour: u32 = s[h_start..colon].parse().ok()?;
    let minute: u32 = s.get(colon + 1..colon + 3)?.parse().ok()?;
    let rest = s[colon + 3..].trim_start().to_lowercase();
    let hour = match (
        rest.starts_with("pm") || rest.starts_with("p.m."),
        rest.starts_with("am") || rest.starts_with("a.m."),
    ) {
        (true, _) if hour < 12 => hour + 12,
        (_, true) if hour == 12 => 0,
        _ => hour,
    };
    (hour < 24 && minute < 60).then(|| format!("{hour:02}:{minute:02}"))
}

/// The words that lead a time after a date ("at 7:30am PDT", "um 0:31 Uhr", "à 19:20").
pub(super) const TIME_LEADS: [&str; 3] = ["at ", "um ", "à "];

/// Whether `s` opens with the time after a date ("at 7:30am PDT", "um 0:31 Uhr").
pub(super) fn timed(s: &str) -> bool {
    let s = s.trim_start();
    TIME_LEADS.iter().any(|w| s.starts_with(w))
}

/// The time that follows a date at the start of `s` ("at 7:30am PDT", "at 7:20 PM", "um 0:31
/// Uhr", "à 19:20"): the time as 24-hour HH:MM where the clock says which (am/pm, "Uhr", "à",
/// or an hour past 12; "um 4:47 PDT" does not), and the bytes it takes, zone included.
pub(super) fn clock_after_date(s: &str) -> Option<(Option<String>, usize)> {
    let lead = s.len() - s.trim_start().len();
    let rest = &s[lead..];
    let word = TIME_LEADS.iter().find(|w| rest.starts_with(**w))?;
    let after = rest[word.len()..].trim_start();
    let clock_at = s.len() - after.len();
    // H:MM or HH:MM, with am/pm glued or apart.
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    let b = after.as_bytes();
    if !(1..=2).contains(&digits)
        || b.get(digits) != Some(&b':')
        || !b
            .get(digits + 1..digits + 3)
            .is_some_and(|m| m.iter().all(u8::is_ascii_digit))
    {
        return None;
    }
    let mut used = digits + 3;
    let mut tail = &after[used..];
    let lower = tail.trim_start().to_ascii_lowercase();
    let marker = ["a.m.", "p.m.", "am", "pm"]
        .iter()
        .find(|m| lower.starts_with(**m))
        .map(|m| m.len());
    if let Some(n) = marker {
        let skip = tail.len() - tail.trim_start().len();
        used += skip + n;
        tail = &after[used..];
    }
    // A zone ("PDT", "CET") or "Uhr".
    let next = tail.trim_start();
    let zone_len = next.bytes().take_while(|c| c.is_ascii_uppercase()).count();
    let uhr = next.starts_with("Uhr");
    let zone = (2..=5).contains(&zone_len)
        && next[zone_len..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
    if uhr || zone {
        used += tail.len() - next.len() + if uhr { 3 } else { zone_len };
    }
    let shown = &after[..used];
    let hour: u32 = after[..digits].parse().ok()?;
    let says = marker.is_some() || uhr || *word == "à " || hour > 12;
    let time = says.then(|| clock(shown)).flatten();
    Some((time, clock_at + used))
}
