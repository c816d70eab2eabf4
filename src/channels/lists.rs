//! The four word lists of the stage in two tries walked from the start of each word, so
//! that a paragraph is read once for all four: channel phrases (any case); outlets, weekdays and time
//! phrases (exact case).

use std::sync::LazyLock;

use super::date::Shift;
use super::shape::{
    after_space_or_mark, is_ascii_space, left_out, may_open_a_time, run_starts, word_start,
};
use super::trie::Trie;
use crate::lexicon::{Class, LEXICON};
use crate::model::Span;
use crate::segment::{Tok, Token};

/// A match of a list: absolute (start, end, index in its list).
pub(super) type Match = (usize, usize, usize);

/// What the scans of a paragraph's regions read of the paragraph, found once for its
/// statements: its span and its closed quotations (`closed_quotations`).
pub(crate) struct Hits {
    span: Span,
    quotes: Vec<Span>,
    /// Whether the quotations follow one another without overlapping (as the lexer makes
    /// them): a scan then finds the one at a word by moving on from the last.
    disjoint: bool,
}

/// The matches of the word lists that one region of a paragraph reads (a statement's clause,
/// an occasion sentence), found by [`Hits::region`] over the region's words only, as a scan
/// of the whole paragraph would find them; a buffer reused from region to region.
#[derive(Default)]
pub(crate) struct Matches {
    /// Per list (channel phrases, outlets, weekdays, time phrases), its matches in order.
    lists: [Vec<Match>; LISTS],
    /// The words that may open a time the time rules parse (after white space, with what
    /// each may open: `time::candidate`), so that a clause's words are not read one by one.
    time_starts: Vec<(usize, u8)>,
    /// The stretches of the region outside what its statement skips, in order.
    gaps: Vec<Span>,
    /// The words that may hold a match ([`Hits::region_near`]), in order, those that touch
    /// merged.
    near: Vec<Span>,
}

/// The words of the class `name` of the stage's class file, in the order written there.
fn class_in_order(name: &str) -> Vec<&'static str> {
    include_str!("../lexicon/classes/channels.txt")
        .lines()
        .filter_map(|l| l.split_once(':'))
        .find(|(n, _)| n.trim() == name)
        .map(|(_, words)| words.split_whitespace().collect())
        .unwrap_or_default()
}

/// The weekdays, Monday first (a weekday's index is its number, 0 = Monday).
pub(super) static WEEKDAYS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| class_in_order("channel_weekdays"));

/// The time phrases of `lexicon/time_phrases.txt` and the unit and offset each names, if any.
pub(super) static TIME_PHRASES: LazyLock<Vec<(&'static str, Option<Shift>)>> =
    LazyLock::new(|| {
        include_str!("../lexicon/time_phrases.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| match l.split_once('|') {
                Some((p, o)) => (p.trim(), Shift::parse(o)),
                None => (l, None),
            })
            .collect()
    });

/// The time phrases with a capital letter, as they open a sentence ("Last week, she said").
static TIME_PHRASES_CAPITALISED: LazyLock<Vec<String>> = LazyLock::new(|| {
    TIME_PHRASES
        .iter()
        .map(|(p, _)| {
            let mut c = p.chars();
            c.next()
                .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
        })
        .collect()
});

/// The number of lists: channel phrases, outlets, weekdays, time phrases.
pub(super) const LISTS: usize = 4;

/// The patterns of the lists: (list, index, text).
pub(super) fn patterns() -> Vec<(usize, usize, &'static str)> {
    let mut patterns: Vec<(usize, usize, &'static str)> = LEXICON
        .channels
        .iter()
        .enumerate()
        .map(|(i, c)| (0, i, c.phrase))
        .collect();
    let lists: [Vec<&'static str>; 3] = [
        LEXICON.outlets.clone(),
        WEEKDAYS.clone(),
        TIME_PHRASES.iter().map(|p| p.0).collect(),
    ];
    for (list, words) in lists.into_iter().enumerate() {
        patterns.extend(words.into_iter().enumerate().map(|(i, w)| (list + 1, i, w)));
    }
    // A time phrase opening a sentence has its capital: the same phrase, the same index.
    for (i, w) in TIME_PHRASES_CAPITALISED.iter().enumerate() {
        patterns.push((3, i, w.as_str()));
    }
    patterns
}

/// The trie of the four lists.
static TRIE: LazyLock<Trie> = LazyLock::new(|| Trie::new(&patterns()));

/// The trie of the weekdays and time phrases alone, walked inside a quotation: the channel
/// rules never read a phrase or an outlet there, and the time rules may (what a verb of
/// posting posts is not skipped).
static TIME_TRIE: LazyLock<Trie> = LazyLock::new(|| {
    let mut p = patterns();
    p.retain(|p| p.0 >= 2);
    Trie::new(&p)
});

/// The characters other than letters and digits that channel phrases and outlets hold ("-",
/// "&", "."): a quotation that ends with none of them ends every phrase and outlet that
/// starts inside it.
static PHRASE_MARKS: LazyLock<Vec<char>> = LazyLock::new(|| {
    let mut marks: Vec<char> = patterns()
        .into_iter()
        .filter(|p| p.0 < 2)
        .flat_map(|p| p.2.chars())
        .filter(|c| !c.is_alphanumeric())
        .collect();
    marks.sort_unstable();
    marks.dedup();
    marks
});

/// The length in bytes of the longest pattern of the lists: no match reaches further from
/// the word it starts at.
static LONGEST: LazyLock<usize> =
    LazyLock::new(|| patterns().iter().map(|p| p.2.len()).max().unwrap_or(0));

/// The quotations among `toks` that end every phrase and outlet starting inside them (with
/// a mark no phrase or outlet holds: `PHRASE_MARKS`). (One plain pass over the tokens, most of
/// which are words, each told by its kind alone.)
fn closed_quotations(text: &str, toks: &[Token]) -> Vec<Span> {
    let mut quotes = Vec::new();
    for t in toks {
        if !matches!(t.kind, Tok::Quote(_)) {
            continue;
        }
        let last = text[t.start..t.end].chars().next_back();
        if last.is_some_and(ends_phrases) {
            quotes.push(Span {
                start: t.start,
                end: t.end,
            });
        }
    }
    quotes
}

/// Whether a quotation whose last character is `c` ends every phrase and outlet that starts
/// inside it: `c` is no letter or digit and no mark of `PHRASE_MARKS`. (The closing marks most
/// quotations end with are no letter or digit: told without a Unicode table.)
#[inline]
fn ends_phrases(c: char) -> bool {
    let other = matches!(c, '\u{201D}' | '\u{2019}' | '\u{BB}') || !c.is_alphanumeric();
    other && !PHRASE_MARKS.contains(&c)
}

/// Whether token `t` may hold a word of a list match, as the region walks read it: a word of
/// the lists' words (or one joined by marks or touching a letter or digit, the token's bit
/// `JOINED_MAY_MATCH`), a quotation not among
/// the spans `skip` leaves out; never punctuation. ("CNN" may; "the" may not.)
fn may_hold_a_match<'s>(t: &Token, mut skip: impl Iterator<Item = &'s Span>) -> bool {
    match t.kind {
        Tok::Word => t.is(Class::ChannelListWords) || t.joined_may_match(),
        Tok::Quote(_) => !skip.any(|q| q.start <= t.start && t.end <= q.end),
        Tok::Punct => false,
    }
}

impl Hits {
    /// What the region scans of paragraph `span` of `text` read of it, found once for its
    /// statements: its closed quotations (of its tokens `toks`), inside which only the
    /// weekdays and time phrases are looked for (no channel rule reads a phrase or an
    /// outlet inside a quotation, and none of those reaches out of one).
    pub(crate) fn in_paragraph(text: &str, span: Span, toks: &[Token]) -> Hits {
        let quotes = closed_quotations(text, toks);
        Hits {
            span,
            disjoint: quotes.windows(2).all(|w| w[0].end <= w[1].start),
            quotes,
        }
    }

    /// Whether a word at `i` stands inside a closed quotation of the paragraph.
    fn quoted(&self, i: usize) -> bool {
        let k = self.quotes.partition_point(|q| q.end <= i);
        self.quotes.get(k).is_some_and(|q| q.start < i)
    }

    /// Per list, the longest pattern at the word start `i` (the trie of what may stand
    /// there: inside a quotation, weekdays and time phrases only); none where no pattern
    /// starts with its first two bytes (most words).
    fn longest_at(&self, bytes: &[u8], i: usize) -> Option<[Option<(usize, usize)>; LISTS]> {
        let trie = if self.quoted(i) { &*TIME_TRIE } else { &*TRIE };
        let mut longest = [None; LISTS];
        trie.longest(&bytes[i..self.span.end], &mut longest)
            .then_some(longest)
    }

    /// Where a scan for region `r` starts so that it keeps the matches the paragraph's scan
    /// from its start keeps: at a word start no match before it reaches past (a match that
    /// starts before a region and ends in it counts, and decides which later ones overlap).
    /// Only the bytes of the longest pattern before such a point are read, back from
    /// `r.start` (one step in nearly every region), and of those only the ones after the last
    /// byte that no pattern holds (a comma, a quotation mark): a match that reaches past a
    /// point holds every byte before it back to its start.
    fn scan_start(&self, text: &str, at: usize) -> usize {
        let bytes = text.as_bytes();
        // (where the bytes before `at` end no prefix of a pattern, most, none reaches past it)
        if !super::trie::REACH.may_end_at(bytes, self.span.start, at) {
            return at;
        }
        let (trie, longest) = (&*TRIE, *LONGEST);
        let mut w = at;
        loop {
            let floor = w.saturating_sub(longest).max(self.span.start);
            let mut from = w;
            while from > floor && !trie.holds_none(bytes[from - 1]) {
                from -= 1;
            }
            // (a word whose bytes up to `w` open no pattern of the lists, most, is passed
            // over before its quotation is looked up and its longest patterns walked: the
            // weekdays' and time phrases' trie holds fewer; only the first byte of each run
            // of letters and digits is read)
            let reaching = run_starts(bytes, from, w).find(|&s| {
                word_start(text, s)
                    && trie.opens(&bytes[s..w])
                    && self
                        .longest_at(bytes, s)
                        .iter()
                        .flatten()
                        .flatten()
                        .any(|&(len, _)| s + len > w)
            });
            match reaching {
                Some(s) => w = s,
                None => return w,
            }
        }
    }

    /// The matches that region `r` of the paragraph reads outside the spans of `skip`
    /// ([`Matches::within`]), as a scan of the whole paragraph finds them, into `out`
    /// (cleared): only the words of the region between the skipped spans are read (and what
    /// a match may reach into them from before), not the paragraph's. A match or a time that
    /// overlaps a skipped span may be left out: no rule reads one. With `times`, the same pass
    /// marks the words that may open a time ([`Hits::mark_times`]).
    pub(crate) fn region<'s>(
        &self,
        text: &str,
        r: Span,
        skip: impl IntoIterator<Item = &'s Span>,
        times: bool,
        out: &mut Matches,
    ) {
        out.clear();
        out.gaps_of(r, skip);
        let mut ends = [0usize; LISTS];
        let mut scanned: Option<usize> = None;
        for k in 0..out.gaps.len() {
            let g = out.gaps[k];
            let w = self.scan_start(text, g.start);
            // (from where the scan before stopped, if no match before the gap decides more;
            // else afresh)
            let from = match scanned {
                Some(at) if w <= at => at,
                _ => {
                    ends = [0; LISTS];
                    w
                }
            };
            // (the times of the gap alone, after the region's first word)
            let marks = times.then_some(g.start.max(r.start + 1));
            self.scan(text, (from, g.end), marks, &mut ends, out);
            scanned = Some(g.end);
        }
    }

    /// [`Hits::region`] with its times, the lists read only at the words that may hold a
    /// match a rule reads ([`Hits::each_trigger`], by the paragraph's tokens `toks`): a match
    /// a rule reads holds one, and starts in it or reaches into it from before, where the
    /// scan of the word starts ([`Hits::scan_start`] goes back to the start of every match
    /// that reaches past a point); one that starts before the region reaches into its start,
    /// and the words before it are walked only where the bytes there may end a prefix of a
    /// pattern (`trie::Reach`, `scan_start`'s first test: else no match reaches in, most
    /// regions). The other words of the region are not looked up in the trie.
    pub(crate) fn region_near<'s>(
        &self,
        text: &str,
        toks: &[Token],
        r: Span,
        skip: impl Iterator<Item = &'s Span> + Clone,
        times: bool,
        out: &mut Matches,
    ) {
        out.clear();
        out.gaps_of(r, skip.clone());
        // (the words of the gaps only, and those before the region of a match that may reach
        // into it: one that holds a skipped word is read by no rule; with `times`, the same
        // walk of a gap's tokens marks its times, as `mark_times_at` does)
        let (gaps, near, starts) = (&out.gaps, &mut out.near, &mut out.time_starts);
        // (the words before the region only where a match may reach into it, `scan_start`'s
        // first test: else none is read there, and a word before it would only make the scan
        // of the region's start read nothing)
        let reached = super::trie::REACH.may_end_at(text.as_bytes(), self.span.start, r.start);
        let mut lo = 0;
        for g in gaps {
            let from = match g.start == r.start && reached {
                true => self.lead_in(text, r.start),
                false => g.start,
            };
            let marks = times.then_some(g.start.max(r.start + 1));
            let gap = (lo, from, marks, g.end);
            lo = self.walk_gap(text, toks, gap, skip.clone(), near, starts);
        }
        if out.near.is_empty() {
            return;
        }
        let mut ends = [0usize; LISTS];
        let mut scanned: Option<usize> = None;
        // (the matches that start before the region and reach into it, then the stretches
        // near the words in each gap, in order; where no word before the region may hold a
        // match, one that reaches into it holds one there, near which it is found)
        let before = out.near[0].start < r.start;
        let mut lead = (out.gaps.first())
            .filter(|g| before && g.start == r.start)
            .map(|g| (g.start, g.start));
        let (mut k, mut j) = (0, 0);
        while let Some((a, b)) = lead
            .take()
            .or_else(|| next_near(&out.gaps, &out.near, &mut k, &mut j))
        {
            // (from where the scan before stopped, if no more than a pattern's length before:
            // the words between are read, not those before a point looked for; else from
            // that point, or afresh)
            let from = match scanned {
                Some(at) if a <= at + *LONGEST => at,
                _ => match (scanned, self.scan_start(text, a)) {
                    (Some(at), w) if w <= at => at,
                    (_, w) => {
                        ends = [0; LISTS];
                        w
                    }
                },
            };
            self.scan(text, (from, b), None, &mut ends, out);
            scanned = Some(b);
        }
    }

    /// One walk of the tokens of `from..to` for [`Hits::region_near`]: the stretches that may
    /// hold a word of a match ([`Hits::each_trigger`]) into `near` (those that touch merged)
    /// and, from `marks` on if given, the words that may open a time, as
    /// [`Hits::mark_times_at`] marks them in the gap, into `starts`. The tokens are looked
    /// for from `lo` on (none before it ends after `from`); gives where they were found, the
    /// next gap's `lo`.
    fn walk_gap<'s>(
        &self,
        text: &str,
        toks: &[Token],
        (lo, from, marks, to): (usize, usize, Option<usize>, usize),
        skip: impl Iterator<Item = &'s Span> + Clone,
        near: &mut Vec<Span>,
        starts: &mut Vec<(usize, u8)>,
    ) -> usize {
        let bytes = text.as_bytes();
        let mut push = |t: Span| match near.last_mut() {
            Some(last) if t.start <= last.end => last.end = last.end.max(t.end),
            _ => near.push(t),
        };
        let a = lo + toks[lo..].partition_point(|t| t.end <= from);
        let mut tokens = toks[a..].iter().take_while(|t| t.start < to);
        // (between tokens, most often one space: read only if more)
        let more = |at: usize, t: &Token| t.start > at && !(t.start == at + 1 && bytes[at] == b' ');
        // (read up to `at`; the times from `mk`, read up to `am`: up to `mk` until a token
        // ends after it, then up to `at` as well)
        let (mut at, mk) = (from, marks.unwrap_or(usize::MAX));
        let mut timed = false;
        for t in tokens.by_ref() {
            let between = more(at, t);
            if between && left_out(text, at, t.start) {
                push(Span {
                    start: at,
                    end: t.start,
                });
            }
            if t.end > mk {
                if if mk == at { between } else { more(mk, t) } {
                    self.mark_stretch(text, (mk, t.start), starts);
                }
                self.mark_token(text, t, (mk, to), starts);
                timed = true;
            }
            at = at.max(t.end);
            if may_hold_a_match(t, skip.clone()) {
                push(Span {
                    start: t.start,
                    end: t.end,
                });
            }
            if timed {
                break;
            }
        }
        // (the times read up to where the tokens are, from the first that ends after `mk`)
        for t in tokens {
            let between = more(at, t);
            if between {
                if left_out(text, at, t.start) {
                    push(Span {
                        start: at,
                        end: t.start,
                    });
                }
                self.mark_stretch(text, (at, t.start), starts);
            }
            self.mark_token(text, t, (mk, to), starts);
            at = at.max(t.end);
            if may_hold_a_match(t, skip.clone()) {
                push(Span {
                    start: t.start,
                    end: t.end,
                });
            }
        }
        let am = if timed { at } else { mk };
        if to > at && left_out(text, at, to) {
            push(Span { start: at, end: to });
        }
        if marks.is_some() && to > am {
            self.mark_stretch(text, (am, to), starts);
        }
        a
    }

    /// Mark token `t` of a gap ending at `to`, if it may open a time from `mk` on, as
    /// [`Hits::mark_times_at`] does: a quotation's words byte by byte, a word by its first
    /// byte and class, and a capitalised one by its first letters
    /// (`time::capital_opens_no_time`: "Trump" is passed over without reading what follows).
    #[inline(always)]
    fn mark_token(
        &self,
        text: &str,
        t: &Token,
        (mk, to): (usize, usize),
        starts: &mut Vec<(usize, u8)>,
    ) {
        let bytes = text.as_bytes();
        match t.kind {
            Tok::Quote(_) => self.mark_stretch(text, (t.start.max(mk), t.end.min(to)), starts),
            _ if t.start >= mk
                && may_open_a_time(bytes[t.start])
                && opens_a_time_as_written(bytes, t)
                && !super::time::capital_opens_no_time(text, t) =>
            {
                self.mark_word(text, t.start, starts)
            }
            _ => {}
        }
    }

    /// Where a match that reaches `at` may start at the earliest: `LONGEST` bytes before it,
    /// in the paragraph, on a character boundary.
    pub(super) fn lead_in(&self, text: &str, at: usize) -> usize {
        let mut from = at.saturating_sub(*LONGEST).max(self.span.start);
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        from
    }

    /// [`Hits::mark_times`] read at the paragraph's tokens `toks` (those the paragraph was
    /// read with), not byte by byte: a word after white space starts a token (the lexer
    /// skips white space between tokens, and no word or mark holds any), or stands inside a
    /// quotation's token or in text the tokens leave out, which alone are read byte by byte.
    /// For a region whose time is read only if its channel is found (an occasion
    /// sentence's), apart from the lists.
    pub(crate) fn mark_times_at(&self, text: &str, toks: &[Token], r: Span, out: &mut Matches) {
        out.time_starts.clear();
        let bytes = text.as_bytes();
        let starts = &mut out.time_starts;
        for &g in &out.gaps {
            let from = g.start.max(r.start + 1);
            let a = toks.partition_point(|t| t.end <= from);
            // (read up to `at`)
            let mut at = from;
            for t in toks[a..].iter().take_while(|t| t.start < g.end) {
                // (between tokens, most often one space: read only if more)
                let one_space = t.start == at + 1 && bytes[at] == b' ';
                if t.start > at && !one_space {
                    self.mark_stretch(text, (at, t.start), starts);
                }
                match t.kind {
                    Tok::Quote(_) => {
                        let (s, e) = (t.start.max(from), t.end.min(g.end));
                        self.mark_stretch(text, (s, e), starts);
                    }
                    // (most words open no time by their first byte, and a word that opens
                    // with a letter in lower case only as one of its class: no call for them)
                    _ if t.start >= from
                        && may_open_a_time(bytes[t.start])
                        && opens_a_time_as_written(bytes, t) =>
                    {
                        self.mark_word(text, t.start, starts)
                    }
                    _ => {}
                }
                at = at.max(t.end);
            }
            if g.end > at {
                self.mark_stretch(text, (at, g.end), starts);
            }
        }
    }

    /// Mark the words of `from..to` (`from` at least 1) after white space that may open a
    /// time: a word after white space is found by the byte before it, eight bytes a step
    /// (most bytes follow none).
    fn mark_stretch(&self, text: &str, (from, to): (usize, usize), starts: &mut Vec<(usize, u8)>) {
        for i in after_space_or_mark(text.as_bytes(), from, to) {
            self.mark_word(text, i, starts);
        }
    }

    /// Mark the word at `i` if white space stands before it and it may open a time.
    #[inline(always)]
    fn mark_word(&self, text: &str, i: usize, starts: &mut Vec<(usize, u8)>) {
        let bytes = text.as_bytes();
        if !may_open_a_time(bytes[i]) {
            return;
        }
        let space = match bytes[i - 1] {
            b if b.is_ascii() => is_ascii_space(b),
            _ => text[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_whitespace),
        };
        // (most names are passed over by their first three letters, `time::candidate` not
        // called)
        if space && super::time::may_open(&text[i..self.span.end]) {
            self.mark_time(text, i, starts);
        }
    }

    /// Scan from `from` to `to`, keeping per list the end of its last match (`ends`): the
    /// matches at word starts; from `marks` on, if given, the words after white space that
    /// may open a time, as [`Hits::mark_times`] marks them.
    fn scan(
        &self,
        text: &str,
        (from, to): (usize, usize),
        marks: Option<usize>,
        ends: &mut [usize; LISTS],
        out: &mut Matches,
    ) {
        let bytes = text.as_bytes();
        let before = text[..from].chars().next_back();
        let mut after_word = before.is_some_and(char::is_alphanumeric);
        let mut after_space = before.is_some_and(char::is_whitespace);
        let marks = marks.unwrap_or(usize::MAX);
        let (all, times) = (&*TRIE, &*TIME_TRIE);
        // (the first closed quotation that ends after the word read: the words are read in
        // order, so it only moves on)
        let mut q = self.quotes.partition_point(|x| x.end <= from);
        let mut i = from;
        while i < to {
            let b = bytes[i];
            if after_space && i >= marks && may_open_a_time(b) {
                self.mark_time(text, i, &mut out.time_starts);
            }
            if !b.is_ascii() {
                let c = text[i..].chars().next().unwrap_or(' ');
                after_word = c.is_alphanumeric();
                after_space = c.is_whitespace();
                i += c.len_utf8();
                continue;
            }
            if b.is_ascii_alphabetic() && !after_word {
                while self.quotes.get(q).is_some_and(|x| x.end <= i) {
                    q += 1;
                }
                let quoted = match self.disjoint {
                    true => self.quotes.get(q).is_some_and(|x| x.start < i),
                    false => self.quoted(i),
                };
                let trie = if quoted { times } else { all };
                // (the trie's first look-up, of two bytes, passes over many words that start no
                // pattern: the lists are read only after a walk)
                let mut longest = [None; LISTS];
                if trie.longest(&bytes[i..self.span.end], &mut longest) {
                    for (list, m) in longest.into_iter().enumerate() {
                        if let Some((len, index)) = m.filter(|_| i >= ends[list]) {
                            ends[list] = i + len;
                            out.lists[list].push((i, i + len, index));
                        }
                    }
                }
            }
            i += 1;
            if b.is_ascii_alphanumeric() {
                // (the rest of a run of letters and digits opens nothing: no word of the lists
                // starts inside it and no time is marked there, so it is passed over at once)
                while i < to && bytes[i].is_ascii_alphanumeric() {
                    i += 1;
                }
                (after_word, after_space) = (true, false);
            } else {
                (after_word, after_space) = (false, is_ascii_space(b));
            }
        }
    }

    /// Mark the word at `i` (after white space) if it may open a time (`time::candidate`).
    fn mark_time(&self, text: &str, i: usize, starts: &mut Vec<(usize, u8)>) {
        let what = super::time::candidate(&text[i..self.span.end]);
        if what != 0 {
            starts.push((i, what));
        }
    }
}

/// Whether word token `t` may open a time by its first letter and class: a word that opens
/// with an ASCII letter in lower case does only as a word of the class `channel_time_openers`
/// ("in", "the", "recent": `time::candidate` reads "in ", "the " and "recent " in lower case,
/// and a month, a digit or "In" and "The" otherwise); any other token may.
#[inline]
fn opens_a_time_as_written(bytes: &[u8], t: &Token) -> bool {
    t.kind != Tok::Word || !bytes[t.start].is_ascii_lowercase() || t.is(Class::ChannelTimeOpeners)
}

/// The next stretch (start, end) that is in a gap of `gaps` and near a word of `near` (both
/// in order, `k` and `j` where the last ended), if any.
fn next_near(gaps: &[Span], near: &[Span], k: &mut usize, j: &mut usize) -> Option<(usize, usize)> {
    while let (Some(g), Some(w)) = (gaps.get(*k), near.get(*j)) {
        let (a, b) = (g.start.max(w.start), g.end.min(w.end));
        if g.end <= w.end {
            *k += 1;
        } else {
            *j += 1;
        }
        if a < b {
            return Some((a, b));
        }
    }
    None
}

impl Matches {
    /// Empty lists, their room kept.
    fn clear(&mut self) {
        self.lists.iter_mut().for_each(Vec::clear);
        self.time_starts.clear();
        self.gaps.clear();
        self.near.clear();
    }

    /// The stretches of `r` outside the spans of `skip` (in any order, overlapping or not),
    /// in order, into `self.gaps`.
    fn gaps_of<'s>(&mut self, r: Span, skip: impl IntoIterator<Item = &'s Span>) {
        self.gaps.push(r);
        for q in skip
            .into_iter()
            .filter(|q| q.start < r.end && r.start < q.end)
        {
            let mut k = 0;
            while k < self.gaps.len() {
                let g = self.gaps[k];
                if q.end <= g.start || g.end <= q.start {
                    k += 1;
                    continue;
                }
                let (left, right) = (
                    Span {
                        start: g.start,
                        end: q.start,
                    },
                    Span {
                        start: q.end,
                        end: g.end,
                    },
                );
                self.gaps.remove(k);
                for part in [left, right].into_iter().filter(|p| p.start < p.end) {
                    self.gaps.insert(k, part);
                    k += 1;
                }
            }
        }
    }

    /// The matches in `span` of `text`, as absolute (start, end, pattern): per list, the
    /// longest pattern at each word start (a letter with no letter or digit before it), and
    /// of those the leftmost-longest that do not overlap. Every pattern opens with an ASCII
    /// letter and a match counts only on word boundaries, so the walk starts at words only.
    #[cfg(test)]
    pub(crate) fn new(text: &str, span: Span) -> Matches {
        let mut m = Matches::default();
        let hits = Hits::in_paragraph(text, span, &[]);
        hits.region(text, span, &[], true, &mut m);
        m
    }

    /// The channel phrases.
    pub(super) fn phrases(&self) -> &[Match] {
        &self.lists[0]
    }

    /// The outlets.
    pub(super) fn outlets(&self) -> &[Match] {
        &self.lists[1]
    }

    /// The weekdays.
    pub(super) fn weekdays(&self) -> &[Match] {
        &self.lists[2]
    }

    /// The time phrases.
    pub(super) fn times(&self) -> &[Match] {
        &self.lists[3]
    }

    /// The starts of the words of `r` that the time rules read (white space splits them) and
    /// that may open a time of kind `what` (`time::candidate`), relative to `r`: its first
    /// word always, then those after white space that the region's scan marked.
    pub(super) fn time_starts(&self, r: Span, what: u8) -> impl Iterator<Item = usize> + '_ {
        let from = self.time_starts.partition_point(|c| c.0 <= r.start);
        let marked = self.time_starts[from..]
            .iter()
            .take_while(move |c| c.0 < r.end)
            .filter(move |c| c.1 & what != 0)
            .map(move |c| c.0 - r.start);
        (r.start < r.end).then_some(0).into_iter().chain(marked)
    }

    /// What the words of `r` after its first that are marked may open, together
    /// (`time::candidate`'s bits).
    pub(super) fn marked(&self, r: Span) -> u8 {
        let from = self.time_starts.partition_point(|c| c.0 <= r.start);
        self.time_starts[from..]
            .iter()
            .take_while(|c| c.0 < r.end)
            .fold(0, |what, c| what | c.1)
    }

    /// Whether a word of `r` after its first is marked as one that may open a time.
    pub(super) fn marks_in(&self, r: Span) -> bool {
        let from = self.time_starts.partition_point(|c| c.0 <= r.start);
        self.time_starts.get(from).is_some_and(|c| c.0 < r.end)
    }

    /// Whether the time rules may find a time in `r` at a word after its first: a word there
    /// marked ([`Matches::time_starts`]), or a weekday or a time phrase that lies in it.
    pub(super) fn may_hold_a_time(&self, r: Span) -> bool {
        self.marks_in(r)
            || Matches::within(self.weekdays(), r).next().is_some()
            || Matches::within(self.times(), r).next().is_some()
    }

    /// The matches that lie in `r` (a match that starts in the clause before but ends in
    /// this one, "said in a statement", counts: its words reach into the clause).
    pub(super) fn within(v: &[Match], r: Span) -> impl Iterator<Item = Match> + '_ {
        let from = v.partition_point(|m| m.1 <= r.start);
        v[from..]
            .iter()
            .copied()
            .take_while(move |m| m.0 < r.end)
            .filter(move |m| m.1 <= r.end)
    }
}

#[cfg(test)]
pub(super) mod tests {
    use std::ops::ControlFlow;

    // (the region walks' readings that only the tests ask: by the tokens, stopping at a
    // stretch; by the bytes)
    impl Hits {
        /// Whether region `r` may hold a match of the lists that a rule reads, by the paragraph's
        /// tokens `toks` there (from as far back as a match may start, `LONGEST`): every word of
        /// a match a rule reads (whole words, outside `skip`) is a word of the text, and one of
        /// each listed pattern is of the class `channel_list_words`. A word joined by a mark
        /// ("CNN's", "pro-Trump"), not ASCII, or touching another, a quotation not skipped, and
        /// text the tokens leave out may hold one. Where none may, the region's lists are empty
        /// ([`Hits::region_near`] reads no list there), as the scan would find none a rule reads.
        pub(crate) fn may_match<'s>(
            &self,
            text: &str,
            toks: &[Token],
            r: Span,
            skip: impl Iterator<Item = &'s Span> + Clone,
        ) -> bool {
            let from = self.lead_in(text, r.start);
            self.each_trigger(text, toks, (from, r.end), skip, |_| ControlFlow::Break(()))
                .is_break()
        }

        /// Each stretch of `from..to` that may hold a word of a match a rule reads, by
        /// [`Hits::may_match`]'s reading, in order, to `each` (which may stop them): a word token,
        /// a quotation, text left out. ([`Hits::walk_gap`] walks the same in a region's gaps.)
        fn each_trigger<'s>(
            &self,
            text: &str,
            toks: &[Token],
            (from, to): (usize, usize),
            skip: impl Iterator<Item = &'s Span> + Clone,
            mut each: impl FnMut(Span) -> ControlFlow<()>,
        ) -> ControlFlow<()> {
            let a = toks.partition_point(|t| t.end <= from);
            let b = a + toks[a..].partition_point(|t| t.start < to);
            let mut at = from;
            for t in &toks[a..b] {
                if t.start > at && left_out(text, at, t.start) {
                    each(Span {
                        start: at,
                        end: t.start,
                    })?;
                }
                at = at.max(t.end);
                if may_hold_a_match(t, skip.clone()) {
                    each(Span {
                        start: t.start,
                        end: t.end,
                    })?;
                }
            }
            if to > at && left_out(text, at, to) {
                each(Span { start: at, end: to })?;
            }
            ControlFlow::Continue(())
        }

        /// The words of region `r` that may open a time (`time::candidate`), after white space
        /// and between the spans its last [`Hits::region`] skipped, into `out` (read by
        /// [`Matches::time_starts`]), byte by byte: what [`Hits::mark_times_at`] marks at the
        /// tokens; [`Hits::region`] with `times` marks them in its own pass.
        pub(crate) fn mark_times(&self, text: &str, r: Span, out: &mut Matches) {
            out.time_starts.clear();
            for &g in &out.gaps {
                let from = g.start.max(r.start + 1);
                self.mark_stretch(text, (from, g.end), &mut out.time_starts);
            }
        }
    }

    use super::*;

    /// Assert that every pattern of `patterns` (list, _, text) has a word of `class`, in lower
    /// case, or as written for a list but the phrases (those match in any case): a gate that
    /// passes over text without a word of the class never misses a pattern.
    pub(in crate::channels) fn each_has_a_word_of(
        patterns: impl IntoIterator<Item = (usize, usize, &'static str)>,
        class: Class,
    ) {
        for (list, _, p) in patterns {
            let has = p
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .any(|w| class.contains(&w.to_ascii_lowercase()) || list > 0 && class.contains(w));
            assert!(has, "{p}");
        }
    }

    #[test]
    fn every_listed_pattern_has_a_word_of_the_class_a_region_is_read_by() {
        // (`Hits::may_match` passes over a region none of whose words is of the class: a
        // pattern with no word of it would go unread; a phrase matches in any case)
        each_has_a_word_of(patterns(), Class::ChannelListWords);
    }

    #[test]
    fn a_quotation_ends_phrases_as_the_unicode_tables_tell() {
        let marks: Vec<char> = PHRASE_MARKS.clone();
        let chars = (0u32..0x3000)
            .filter_map(char::from_u32)
            .chain([
                '\u{201C}', '\u{201D}', '\u{2018}', '\u{2019}', '\u{BB}', '\u{AB}',
            ])
            .chain(marks);
        for c in chars {
            let slow = !c.is_alphanumeric() && !PHRASE_MARKS.contains(&c);
            assert_eq!(ends_phrases(c), slow, "{c:?}");
        }
    }

    #[test]
    fn a_capital_word_passed_over_opens_no_time() {
        // (every token the walks pass over by its first letters is one `mark_word` would not
        // mark: `time::may_open` is false at it)
        let t = "Trump told the Senate and Clinton on Sunday, Jan. 5, that Augustus and Decembrists met \
                 In December; The Mayor, Marchers, JUNE, Junebug, MAR 2015, Oct8 and Zoë \
                 said in January 2016 The evening before.";
        let pt = super::super::test_support::para_tokens(t, all_of(t));
        let mut passed = 0;
        for tok in pt.toks.iter().filter(|tok| tok.kind == Tok::Word) {
            if super::super::time::capital_opens_no_time(t, tok) {
                assert!(
                    !super::super::time::may_open(&t[tok.start..]),
                    "{}",
                    tok.text(t)
                );
                passed += 1;
            }
        }
        assert!(passed >= 4, "{passed}");
        let word = |w: &str| {
            pt.toks
                .iter()
                .find(|tok| tok.text(t) == w)
                .copied()
                .unwrap()
        };
        for w in [
            "December", "January", "Augustus", "JUNE", "Junebug", "Marchers", "In", "The",
        ] {
            assert!(
                !super::super::time::capital_opens_no_time(t, &word(w)),
                "{w}"
            );
        }
        assert!(super::super::time::capital_opens_no_time(t, &word("Trump")));
    }

    fn all_of(t: &str) -> Span {
        Span {
            start: 0,
            end: t.len(),
        }
    }

    #[test]
    fn a_word_in_lower_case_opens_a_time_only_as_one_of_its_class() {
        // (`mark_times_at` passes over the other words in lower case: each word that
        // `time::candidate` reads as opening a time must be one it calls it at)
        let t = "in the early hours, the recent report said in 2015 that in July they met \
                 the night before; it is there in the morning to inform the 2003 book of \
                 recently tied Tuesday results";
        let all = Span {
            start: 0,
            end: t.len(),
        };
        let pt = super::super::test_support::para_tokens(t, all);
        let mut opened = 0;
        for tok in pt.toks.iter().filter(|tok| tok.kind == Tok::Word) {
            if super::super::time::candidate(&t[tok.start..]) != 0 {
                assert!(
                    opens_a_time_as_written(t.as_bytes(), tok),
                    "{}",
                    tok.text(t)
                );
                opened += 1;
            }
        }
        assert!(opened >= 6, "{opened}");
        let word = |w: &str| pt.toks.iter().find(|tok| tok.text(t) == w).copied();
        let not = ["it", "is", "there", "to", "inform", "tied", "they"];
        for w in not {
            assert!(
                !opens_a_time_as_written(t.as_bytes(), &word(w).unwrap()),
                "{w}"
            );
        }
    }

    #[test]
    fn a_region_with_no_word_of_the_lists_may_hold_no_match() {
        let may = |t: &str| {
            let all = Span {
                start: 0,
                end: t.len(),
            };
            let pt = super::super::test_support::para_tokens(t, all);
            Hits::in_paragraph(t, all, &pt.toks).may_match(t, &pt.toks, all, [].iter())
        };
        assert!(!may("The mayor said the plan had failed."));
        assert!(may(
            "The mayor said in a statement that the plan had failed."
        ));
        assert!(may("The mayor told CNN that it failed."));
        // (an outlet as written only: "cnn" is none)
        assert!(!may("The mayor told cnn that it failed."));
        // (a word joined by a mark may hold one by its runs: "CNN's", not "Trump's")
        assert!(may("The mayor told CNN's host that it failed."));
        assert!(!may("The mayor's aide said Trump's plan had failed."));
        assert!(may("The mayor said on Monday that it failed."));
    }

    #[test]
    fn weekdays_are_read_in_order_from_the_data() {
        assert_eq!(WEEKDAYS.len(), 7);
        assert_eq!((WEEKDAYS[0], WEEKDAYS[6]), ("Monday", "Sunday"));
    }

    #[test]
    fn phrases_match_in_any_case_and_the_other_lists_as_written() {
        let hits = |t: &str| {
            Matches::new(
                t,
                Span {
                    start: 0,
                    end: t.len(),
                },
            )
        };
        let h = hits("IN A STATEMENT, Ap and cnn said; CNN reported it.");
        assert_eq!(h.phrases()[0].0, 0);
        assert_eq!(h.outlets().len(), 1);
        // (the longest at a word's start: "Fox News", not "Fox"; no match inside a word)
        let t = "told Fox News and happened";
        let h = hits(t);
        assert_eq!(
            h.outlets().iter().map(|m| &t[m.0..m.1]).collect::<Vec<_>>(),
            ["Fox News"]
        );
    }

    #[test]
    fn inside_a_quotation_only_weekdays_and_time_phrases_are_looked_for() {
        let t = "“I said on Sunday in a statement to CNN,” she said on Fox.";
        let q = Span {
            start: 0,
            end: t.find('”').unwrap() + "”".len(),
        };
        let all = Span {
            start: 0,
            end: t.len(),
        };
        let toks = crate::segment::tokens(t, all, &[(0, q)]);
        let mut h = Matches::default();
        Hits::in_paragraph(t, all, &toks).region(t, all, &[], false, &mut h);
        assert!(h.phrases().is_empty());
        assert_eq!(
            h.outlets().iter().map(|m| &t[m.0..m.1]).collect::<Vec<_>>(),
            ["Fox"]
        );
        assert_eq!(h.weekdays().len(), 1);
        // (without the paragraph's tokens, everything is looked for)
        assert_eq!(Matches::new(t, all).outlets().len(), 2);
    }

    #[test]
    fn every_listed_outlet_is_found_as_written() {
        for o in LEXICON.outlets.iter() {
            let t = format!("she told {o} on Monday");
            let h = Matches::new(
                &t,
                Span {
                    start: 0,
                    end: t.len(),
                },
            );
            assert!(
                h.outlets().iter().any(|m| &t[m.0..m.1] == *o),
                "{o}: {:?}",
                h.outlets()
            );
        }
    }

    #[test]
    fn a_paragraph_is_scanned_once_for_every_list() {
        // "She told CNN on Sunday in a statement yesterday."
        let t = "She told CNN on Sunday in a statement yesterday.";
        let h = Matches::new(
            t,
            Span {
                start: 0,
                end: t.len(),
            },
        );
        assert_eq!(h.outlets().len(), 1);
        assert_eq!(h.weekdays()[0].2, 6);
        assert!(h.phrases().iter().any(|m| &t[m.0..m.1] == "in a statement"));
        assert_eq!(h.times().len(), 1);
        let t = "Last week, she said";
        let h = Matches::new(t, Span { start: 0, end: 9 });
        assert_eq!(h.times().len(), 1);
        // A match that reaches past the region's end is not within it.
        let r = Span { start: 0, end: 30 };
        assert!(Matches::within(h.phrases(), r).all(|m| m.1 <= 30));
    }

    #[test]
    fn a_region_reads_the_matches_the_whole_paragraph_reads_there() {
        // (matches that start before a region or a skipped span and reach past it, and
        // matches that an earlier one overlaps, as the paragraph's scan from its start keeps
        // them)
        let texts = [
            "She said in a statement on Sunday night, told Fox News Sunday that in July a \
             2014 study in the early hours had said last week in an interview with CNN.",
            "In a statement in a statement, in an interview on Fox News Sunday Monday said",
        ];
        let span = |t: &str, w: &str, len: usize| {
            let start = t.find(w).unwrap();
            Span {
                start,
                end: start + len,
            }
        };
        for t in texts {
            let para = Span {
                start: 0,
                end: t.len(),
            };
            let skips = [
                vec![],
                vec![span(t, "statement", 3), span(t, "Fox", 5)],
                vec![span(t, "a statement", 2), span(t, "in a", 12)],
            ];
            for skip in &skips {
                same_in_every_region(t, para, skip);
            }
        }
    }

    #[test]
    fn a_region_read_near_its_words_reads_what_a_rule_reads_of_the_whole() {
        // (matches before a region that reach into it, inside and around words joined by
        // marks, quotations and skipped spans, a long outlet whose first word of the class
        // is far into it)
        let texts = [
            "She said in a statement on Sunday night, told Fox News Sunday that in July a \
             2014 study in the early hours had said last week in an interview with CNN.",
            "He told the San Francisco Chronicle, pro-CNN fans and Frankfurter Allgemeine \
             Zeitung on Monday in a tweet, “in a statement to AP,” she said on Fox.",
        ];
        for t in texts {
            let all = super::super::test_support::all(t);
            let pt = super::super::test_support::para_tokens(t, all);
            let hits = Hits::in_paragraph(t, all, &pt.toks);
            let word = |w: &str, len: usize| {
                let start = t.find(w).unwrap();
                Span {
                    start,
                    end: start + len,
                }
            };
            let skips = [
                vec![],
                vec![word("said", 4), word("on ", 6)],
                vec![word("in a", 3)],
            ];
            let cuts: Vec<usize> = (0..=t.len()).filter(|&i| t.is_char_boundary(i)).collect();
            let (mut whole, mut near) = (Matches::default(), Matches::default());
            for skip in &skips {
                let read = |v: &[Match], r: Span| -> Vec<Match> {
                    Matches::within(v, r)
                        .filter(|&(s, e, _)| super::super::outside(skip, s, e))
                        .filter(|&(s, e, _)| super::super::word_bounded(t, s, e))
                        .collect()
                };
                for (&a, &b) in cuts.iter().flat_map(|a| cuts.iter().map(move |b| (a, b))) {
                    if b < a {
                        continue;
                    }
                    let r = Span { start: a, end: b };
                    hits.region(t, r, skip, true, &mut whole);
                    hits.region_near(t, &pt.toks, r, skip.iter(), true, &mut near);
                    assert_eq!(near.time_starts, whole.time_starts, "{r:?}");
                    for l in 0..LISTS {
                        assert_eq!(
                            read(&near.lists[l], r),
                            read(&whole.lists[l], r),
                            "{l} {r:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn the_times_marked_at_the_tokens_are_those_marked_byte_by_byte() {
        // (words after white space inside a quotation's token, in text the tokens leave out,
        // after white space that is not ASCII or is a mark's token, a region or a skipped
        // span cutting a word)
        let t = "In March, “In the early hours of Monday,” she said\u{2009}Tuesday in 2015.\u{a0}The \
                 late\tSunday post [Last week April 8 in the morning after] said On 12 May.";
        let q = Span {
            start: t.find('“').unwrap(),
            end: t.find('”').unwrap() + "”".len(),
        };
        let (left_a, left_b) = (t.find('[').unwrap(), t.find(']').unwrap() + 1);
        let all = super::super::test_support::all(t);
        let mut toks = crate::segment::tokens(
            t,
            Span {
                start: 0,
                end: left_a,
            },
            &[(0, q)],
        );
        toks.extend(crate::segment::tokens(
            t,
            Span {
                start: left_b,
                end: t.len(),
            },
            &[],
        ));
        let hits = Hits::in_paragraph(t, all, &toks);
        let cuts: Vec<usize> = (0..=t.len()).filter(|&i| t.is_char_boundary(i)).collect();
        let word = |w: &str, len: usize| {
            let start = t.find(w).unwrap();
            Span {
                start,
                end: start + len,
            }
        };
        let skips = [vec![], vec![q], vec![word("said", 4), word("ly hours", 5)]];
        let (mut bytes, mut at) = (Matches::default(), Matches::default());
        let mut marked = 0;
        for skip in &skips {
            for (&a, &b) in cuts.iter().flat_map(|a| cuts.iter().map(move |b| (a, b))) {
                if b < a {
                    continue;
                }
                let r = Span { start: a, end: b };
                hits.region(t, r, skip, false, &mut bytes);
                hits.mark_times(t, r, &mut bytes);
                hits.region(t, r, skip, false, &mut at);
                hits.mark_times_at(t, &toks, r, &mut at);
                assert_eq!(at.time_starts, bytes.time_starts, "{r:?} {skip:?}");
                marked += at.time_starts.len();
            }
        }
        assert!(marked > 0);
    }

    /// [`Hits::region`] of every region of `t` with `skip` reads what the whole paragraph's
    /// scan reads there outside `skip`.
    #[track_caller]
    fn same_in_every_region(t: &str, para: Span, skip: &[Span]) {
        let hits = Hits::in_paragraph(t, para, &[]);
        let whole = Matches::new(t, para);
        let mut m = Matches::default();
        let cuts: Vec<usize> = (0..=t.len()).filter(|&i| t.is_char_boundary(i)).collect();
        let out = |v: &[Match], r: Span| -> Vec<Match> {
            Matches::within(v, r)
                .filter(|&(s, e, _)| super::super::outside(skip, s, e))
                .collect()
        };
        for &a in &cuts {
            for &b in cuts.iter().filter(|&&b| b >= a) {
                let r = Span { start: a, end: b };
                // (the times marked in the scan's pass and apart from it are the same)
                hits.region(t, r, skip, false, &mut m);
                hits.mark_times(t, r, &mut m);
                let apart = m.time_starts.clone();
                hits.region(t, r, skip, true, &mut m);
                assert_eq!(m.time_starts, apart, "{r:?}");
                for l in 0..LISTS {
                    assert_eq!(out(&m.lists[l], r), out(&whole.lists[l], r), "{l} {r:?}");
                }
                let starts = |m: &Matches| -> Vec<usize> {
                    m.time_starts(r, u8::MAX)
                        .filter(|&i| i == 0 || super::super::outside(skip, a + i, a + i + 1))
                        .collect()
                };
                assert_eq!(starts(&m), starts(&whole), "{r:?}");
            }
        }
    }
}
