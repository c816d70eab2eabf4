//! What the lexicon knows of one word, looked up once when the lexer makes its token: its
//! word classes, its reporting-verb form and a few facts of its spelling, all read off one
//! lower-casing of the word.

use super::classes::class_words;
use super::word_set::{Signatures, le_bytes, packed};
use super::{ClassSet, LEXICON};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

/// The word has no upper-case letter: its lower-case form is itself.
pub(crate) const LOWER: u8 = 1;
/// The word starts with an upper-case letter ("Smith", "U.S.").
pub(crate) const CAPITALISED: u8 = 2;
/// The lower-case word is the first of a two-word reporting verb form ("went" of "went on").
pub(crate) const VERB_HEAD: u8 = 4;
/// The word token's bytes are all ASCII letters and digits ("Smith", "2016"; not "U.S.",
/// "O'Neill" or "Zoë"), set by the lexer as it reads the word, so that a rule that asks need
/// not read the bytes again.
pub(crate) const ALNUM: u8 = 8;
/// The word token, though not itself a word of the class `channel_list_words`, may hold a
/// word of a listed pattern: it is joined by marks or touches a letter or digit
/// (`segment::list_words::joined_may_match`: "CNN's", "pro-Trump", "Libération"); set by the
/// lexer as it makes the token, so that the channel lists' walks read one bit a token.
pub(crate) const JOINED_MAY_MATCH: u8 = 16;
/// The token may be a cue, as the finder's first test reads it: a word of
/// `Class::FindMayCue` (a verb form, the head of one, a nominal cue, "in", "According"),
/// or a colon. One bit of the token, read without its classes (`cues::find` passes over
/// the tokens without it).
pub(crate) const MAY_CUE: u8 = 32;

/// No reporting verb form.
pub(crate) const NO_VERB: u16 = u16::MAX;

/// A word's classes, its reporting verb form (the lower-case word's entry in
/// `LEXICON.verbs`, by its number in `LEXICON.verb_forms`) and its spelling flags.
#[derive(Debug, Clone, Copy)]
pub(crate) struct WordInfo {
    /// The classes, in the lexicon's own tables (a reference, so that a token carries 8
    /// bytes of them, not a 40-byte set).
    pub classes: &'static ClassSet,
    pub verb: u16,
    pub flags: u8,
}

/// What the lexicon knows of a lower-case form: its classes, verb form and whether it heads
/// a two-word form.
#[derive(Debug, Clone, Copy)]
struct Entry {
    classes: ClassSet,
    verb: u16,
    head: bool,
    /// The token flags the entry gives its word: [`VERB_HEAD`] for a head, [`MAY_CUE`] for
    /// a word of `Class::FindMayCue`; set by [`with_flags`] when a table is made.
    flags: u8,
}

/// The entries with their token flags ([`Entry::flags`]) made from their heads and classes,
/// once for a table, so that a word's look-up ORs one byte in.
fn with_flags(mut entries: Vec<Entry>) -> Vec<Entry> {
    for e in &mut entries {
        e.flags = if e.head { VERB_HEAD } else { 0 }
            | if e.classes.has(super::Class::FindMayCue) {
                MAY_CUE
            } else {
                0
            };
    }
    entries
}

/// Every word of a class, verb form or head of one, to its [`Entry`]: a word is one
/// look-up. A word of at most 15 bytes is keyed by its bytes packed into one integer
/// (`word_set::packed`, or `packed7` for the words of at most 7 bytes, most words), so that
/// most look-ups hash and compare no string: the words of at most 7 bytes and those of 8
/// to 15 bytes are each in a [`Tiny`] table of such integers, asked without a filter first.
/// The tables hold the entry's number in `entries` (the distinct entries), not the entry:
/// small slots, so that the tables of the words read in every sentence stay in the
/// processor's first caches.
struct Words {
    tiny: Tiny<u64>,
    /// The words of 8 to 15 bytes, by `word_set::packed`.
    middle: Tiny<u128>,
    long: HashMap<&'static [u8], u16>,
    entries: Vec<Entry>,
    /// The signatures of the words of 16 bytes or more, to answer most such words without
    /// hashing them.
    filter: Signatures,
}

impl Words {
    #[inline]
    fn get(&self, w: &[u8]) -> Option<&Entry> {
        // (a short word: one probe of its own table, mostly; that table is its own filter)
        if let Some(key) = packed7(w) {
            let n = self.tiny.number(key);
            return (n != 0).then(|| &self.entries[usize::from(n)]);
        }
        if let Some(key) = packed(w) {
            let n = self.middle.number(key);
            return (n != 0).then(|| &self.entries[usize::from(n)]);
        }
        if !self.filter.may_contain(w) {
            return None;
        }
        self.long.get(w).map(|&k| &self.entries[usize::from(k)])
    }

    /// The entry number of a word of at most 15 bytes by its key (`packed7` for one of at most
    /// 7, `word_set::packed` for one of 8 to 15), from the table of its length range: 0 (the
    /// empty entry, [`NO_ENTRY`]) for a word not in it.
    #[inline(always)]
    fn number<K: Key>(&self, key: K) -> u16 {
        K::table(self).number(key)
    }

    /// The info of the word of entry number `n` (0: a word in no list, whose entry,
    /// [`NO_ENTRY`], is read as any other: no branch on a word being known), with its
    /// spelling `flags`.
    #[inline(always)]
    fn info_numbered(&'static self, n: u16, flags: u8) -> WordInfo {
        info_of_entry(&self.entries[usize::from(n)], flags)
    }
}

/// The entry of a word the lexicon does not know: no class, no verb form, no head.
const NO_ENTRY: Entry = Entry {
    classes: ClassSet::EMPTY,
    verb: NO_VERB,
    head: false,
    flags: 0,
};

/// A word's key in a [`Tiny`] table: `packed7` (at most 7 bytes) or `word_set::packed` (8
/// to 15 bytes), never 0 (the empty slot's) for a word of at least one byte.
trait Key: Copy + Eq + Default {
    /// The key mixed into 64 bits, for its slot.
    fn mix(self) -> u64;

    /// The table of `words` that holds the words of this key's length range.
    fn table(words: &Words) -> &Tiny<Self>;
}

impl Key for u64 {
    #[inline(always)]
    fn mix(self) -> u64 {
        self
    }

    #[inline(always)]
    fn table(words: &Words) -> &Tiny<u64> {
        &words.tiny
    }
}

impl Key for u128 {
    #[inline(always)]
    fn mix(self) -> u64 {
        // (the word's first eight bytes, and the rest with its length)
        (self as u64) ^ ((self >> 64) as u64).rotate_left(29)
    }

    #[inline(always)]
    fn table(words: &Words) -> &Tiny<u128> {
        &words.middle
    }
}

/// The words of one length range (by their key, never 0) to their entry numbers: an
/// open-addressing table at most a quarter full, so that a word not in it mostly meets an
/// empty slot at its first probe, and one in it mostly sits in its own slot (half full,
/// the probes were longer: 1.4 M more instructions on 840 articles). A slot holds its key
/// and its number together: one bounds check and one read of the table a probe, and no
/// filter asked first.
struct Tiny<K> {
    slots: Box<[(K, u16)]>,
    shift: u32,
}

impl<K: Key> Tiny<K> {
    fn new(pairs: &[(K, u16)]) -> Tiny<K> {
        let slots = (pairs.len() * 4).next_power_of_two().max(64);
        let mut t = Tiny {
            slots: vec![(K::default(), 0); slots].into_boxed_slice(),
            shift: 64 - slots.trailing_zeros(),
        };
        for &(key, n) in pairs {
            let mut s = t.slot(key);
            while t.slots[s].0 != K::default() {
                s = (s + 1) & (slots - 1);
            }
            t.slots[s] = (key, n);
        }
        t
    }

    /// The keys in the table, with their entry numbers.
    fn pairs(&self) -> impl Iterator<Item = (K, u16)> + '_ {
        self.slots
            .iter()
            .copied()
            .filter(|&(k, _)| k != K::default())
    }

    #[inline]
    fn slot(&self, key: K) -> usize {
        (key.mix().wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// The entry number of `key`, or 0 (the empty entry's) when it is in no slot: an empty
    /// slot's number is 0 too, so the number is read without telling the two apart (the
    /// empty word's key is 0, and is in no slot).
    #[inline]
    fn number(&self, key: K) -> u16 {
        let mask = self.slots.len() - 1;
        let mut s = self.slot(key);
        loop {
            let (k, n) = self.slots[s];
            if k == key || k == K::default() {
                return n;
            }
            s = (s + 1) & mask;
        }
    }
}

/// A word of at most 7 bytes as one integer: its bytes, and its length in the last byte.
#[inline]
fn packed7(w: &[u8]) -> Option<u64> {
    if w.len() >= 8 {
        return None;
    }
    // (at most 7 bytes: the integer fits in 56 bits)
    Some(le_bytes(w) as u64 | (w.len() as u64) << 56)
}

impl Words {
    /// The table of these words (each given once) and their entries.
    fn of(of: Vec<(&'static [u8], Entry)>) -> Words {
        let filter = Signatures::of(of.iter().map(|&(w, _)| w).filter(|w| w.len() >= 16));
        let mut tiny = Vec::with_capacity(of.len());
        let mut middle = Vec::new();
        let mut long = HashMap::default();
        // (number 0 is the empty entry's: see `Tiny::number`)
        let mut entries: Vec<Entry> = vec![NO_ENTRY];
        let mut numbers: HashMap<(ClassSet, u16, bool), u16> =
            HashMap::with_capacity_and_hasher(of.len(), Default::default());
        for (w, e) in of {
            let k = *numbers
                .entry((e.classes, e.verb, e.head))
                .or_insert_with(|| {
                    entries.push(e);
                    u16::try_from(entries.len() - 1).expect("fewer than 65536 distinct entries")
                });
            match (packed7(w), packed(w)) {
                (Some(key), _) => tiny.push((key, k)),
                (None, Some(key)) => {
                    middle.push((key, k));
                }
                (None, None) => {
                    long.insert(w, k);
                }
            }
        }
        Words {
            tiny: Tiny::new(&tiny),
            middle: Tiny::new(&middle),
            long,
            entries: with_flags(entries),
            filter,
        }
    }
}

/// The lexicon's words in lower case, and those written with an upper-case letter (a few
/// hundred words of the class lists, "U.S.", "But"), each to its entry. A word with a
/// capital is looked up in both (its form as written in a table small enough to stay in
/// the first caches, its lower-case form in the large one), unless a table of its cased
/// forms answers it.
pub(crate) struct Tables {
    lower_case: Words,
    written: Words,
    /// The forms with a capital of at most 15 bytes that one probe answers ([`cased_forms`]).
    cased: Words,
}

static WORDS: LazyLock<Tables> = LazyLock::new(split_by_case);

/// The lexicon's word tables, built on first use: the lexer takes them once for a
/// paragraph, so that each word's look-up does not ask again whether they are built.
pub(crate) fn tables() -> &'static Tables {
    &WORDS
}

/// Every word of a class, verb form or head of one, with its [`Entry`]: those in lower
/// case, and those with an upper-case letter.
fn split_by_case() -> Tables {
    let lx = &*LEXICON;
    let empty = Entry {
        classes: ClassSet::EMPTY,
        verb: NO_VERB,
        head: false,
        flags: 0,
    };
    let words = class_words();
    // (room for every word at once: the table is not grown word by word)
    let room = words.size_hint().0 + lx.verb_ids.iter().size_hint().0;
    let mut of: HashMap<&'static [u8], Entry> =
        HashMap::with_capacity_and_hasher(room, Default::default());
    for (w, classes) in words {
        of.entry(w).or_insert(empty).classes = classes;
    }
    // (a verb form, the head of one and a nominal cue may be a cue: `Class::FindMayCue`)
    let may = |e: &mut Entry| e.classes = e.classes.with(super::Class::FindMayCue);
    for (form, &id) in lx.verb_ids.iter() {
        let e = of.entry(form.as_bytes()).or_insert(empty);
        e.verb = id;
        may(e);
    }
    for head in lx.verb_heads.iter() {
        let e = of.entry(head.as_bytes()).or_insert(empty);
        e.head = true;
        may(e);
    }
    for noun in lx.nominal_cues.iter() {
        may(of.entry(noun.as_bytes()).or_insert(empty));
    }
    let (written, lower): (Vec<_>, Vec<_>) = of.into_iter().partition(|(w, _)| has_capital(w));
    let lower_case = Words::of(lower);
    let written = with_lower_case(&lower_case, written);
    Tables {
        cased: cased_forms(&lower_case, &written),
        lower_case,
        written: Words::of(written),
    }
}

/// Each word with a capital (`written`, with the entry of its form as written) with the
/// entry its two forms give together: the classes of both, the verb form and head of its
/// lower-case form (in the table `lower`). A word's look-up then reads one entry, made
/// here, and no token's classes are a union made as the word is read.
fn with_lower_case(
    lower: &Words,
    written: Vec<(&'static [u8], Entry)>,
) -> Vec<(&'static [u8], Entry)> {
    let lowered = |w: &[u8]| match std::str::from_utf8(w) {
        Ok(w) => super::lower(w).into_owned().into_bytes(),
        Err(_) => w.to_ascii_lowercase(),
    };
    written
        .into_iter()
        .map(|(w, e)| {
            let low = lower.get(&lowered(w)).unwrap_or(&NO_ENTRY);
            let classes = e.classes.union(low.classes);
            (w, Entry { classes, ..*low })
        })
        .collect()
}

/// The forms with a capital of at most 15 bytes that a word read by its key
/// ([`short_info_cased`]) is looked up by in one probe, to the entry its form as written and
/// its lower-case form give together (the classes of both, the verb form and head of the
/// lower-case form): each lower-case word of the table `lower` that starts with an ASCII
/// letter, capitalised ("Said", its key's first byte without bit 0x20: the entry of the
/// lower-case word), and each word of `written` (the lexicon's words with a capital, each
/// with the entry of both its forms, [`with_lower_case`]). A capitalised word of no such
/// form has no class, as written or in lower case.
fn cased_forms(lower: &Words, written: &[(&'static [u8], Entry)]) -> Words {
    let mut entries = lower.entries.clone();
    let (mut tiny, mut middle) = (Vec::new(), Vec::new());
    for &(w, e) in written.iter().filter(|(w, _)| w.len() < 16) {
        entries.push(e);
        let n = u16::try_from(entries.len() - 1).expect("fewer than 65536 entries");
        match packed7(w) {
            Some(key) => tiny.push((key, n)),
            None => middle.extend(packed(w).map(|key| (key, n))),
        }
    }
    // (a capitalised word of `written` keeps its own entry)
    let taken7: HashSet<u64> = tiny.iter().map(|&(k, _)| k).collect();
    let taken15: HashSet<u128> = middle.iter().map(|&(k, _)| k).collect();
    let title = |first: u8| first.is_ascii_lowercase().then_some(first & !0x20);
    tiny.extend((lower.tiny.pairs()).filter_map(|(k, n)| {
        let key = k & !0xFF | u64::from(title(k as u8)?);
        (!taken7.contains(&key)).then_some((key, n))
    }));
    middle.extend((lower.middle.pairs()).filter_map(|(k, n)| {
        let key = k & !0xFF | u128::from(title(k as u8)?);
        (!taken15.contains(&key)).then_some((key, n))
    }));
    Words {
        tiny: Tiny::new(&tiny),
        middle: Tiny::new(&middle),
        long: HashMap::default(),
        entries: with_flags(entries),
        filter: Signatures::of(std::iter::empty()),
    }
}

/// Whether a word (as bytes) has an upper-case letter: it is not its own lower-case form
/// (an ASCII word is read by its bytes, without lower-casing it).
fn has_capital(w: &[u8]) -> bool {
    if w.is_ascii() {
        return w.iter().any(u8::is_ascii_uppercase);
    }
    match std::str::from_utf8(w) {
        Ok(w) => super::lower(w) != w,
        Err(_) => false,
    }
}

/// What the lexicon knows of `word` (the word is lower-cased once, on the stack when it is
/// short and ASCII).
pub(crate) fn word_info(word: &str) -> WordInfo {
    let bytes = word.as_bytes();
    if ascii_but_apostrophes(bytes) {
        return ascii_word_info(word, bytes.iter().any(u8::is_ascii_uppercase));
    }
    let capitalised = word.chars().next().is_some_and(char::is_uppercase);
    let flags = if capitalised { CAPITALISED } else { 0 };
    let mut buf = [0u8; 64];
    let lower = match lower_into(word, &mut buf) {
        Some(low) => std::borrow::Cow::Borrowed(low),
        None => super::lower(word),
    };
    if lower.as_ref() == word {
        of_lower(bytes, None, flags | LOWER)
    } else {
        of_lower(lower.as_bytes(), Some(bytes), flags)
    }
}

/// Whether the word's characters are ASCII but for right single marks ("don’t",
/// "Trump’s"), which have no case: the word is lowered as an ASCII word is, byte by byte.
fn ascii_but_apostrophes(bytes: &[u8]) -> bool {
    const MARK: &[u8] = "’".as_bytes();
    let mut k = 0;
    while let Some(&b) = bytes.get(k) {
        if b.is_ascii() {
            k += 1;
        } else if bytes[k..].starts_with(MARK) {
            k += MARK.len();
        } else {
            return false;
        }
    }
    true
}

/// `word` in lower case, as `str::to_lowercase` lowers it, written into `buf` (no new
/// string: "O’Malley’s", "Über"); `None` when it does not fit, or holds a capital sigma (whose
/// lower case depends on its place in the word).
fn lower_into<'b>(word: &str, buf: &'b mut [u8; 64]) -> Option<&'b str> {
    let mut n = 0;
    for c in word.chars() {
        // (an ASCII letter is lowered by its byte; only the others are looked up)
        if c.is_ascii() {
            *buf.get_mut(n)? = c.to_ascii_lowercase() as u8;
            n += 1;
            continue;
        }
        if c == 'Σ' {
            return None;
        }
        for l in c.to_lowercase() {
            let end = n + l.len_utf8();
            l.encode_utf8(buf.get_mut(n..end)?);
            n = end;
        }
    }
    std::str::from_utf8(&buf[..n]).ok()
}

/// [`word_info`] of an ASCII word (maybe with right single marks: `ascii_but_apostrophes`),
/// with whether it has an upper-case letter (`upper`).
#[inline]
fn ascii_word_info(word: &str, upper: bool) -> WordInfo {
    let bytes = word.as_bytes();
    let capitalised = bytes.first().is_some_and(u8::is_ascii_uppercase);
    let flags = if capitalised { CAPITALISED } else { 0 };
    if !upper {
        return of_lower(bytes, None, flags | LOWER);
    }
    let mut buf = [0u8; 32];
    if let Some(low) = buf.get_mut(..bytes.len()) {
        for (l, b) in low.iter_mut().zip(bytes) {
            *l = b.to_ascii_lowercase();
        }
        return of_lower(low, Some(bytes), flags);
    }
    of_lower(word.to_ascii_lowercase().as_bytes(), Some(bytes), flags)
}

/// [`word_info`] of the word `text[i..j]`, of ASCII letters and digits, maybe with a
/// full stop: a word of at most seven bytes is read as one load of eight bytes, its key
/// (`packed7`) and its lower-case key made from that without a loop over its bytes (a
/// letter, digit or full stop in lower case is itself with bit 0x20 set, so the word has
/// an upper-case letter when its lower-case key differs).
#[inline(always)]
pub(crate) fn ascii_word_info_at(
    words: &'static Tables,
    text: &str,
    i: usize,
    j: usize,
) -> WordInfo {
    let n = j - i;
    let Some(eight) = text.as_bytes().get(i..i + 8).filter(|_| n < 8) else {
        return ascii_word_info_15(words, text, i, j);
    };
    debug_assert!(
        text.as_bytes()[i..j]
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || b == b'.')
    );
    short_word_info(
        words,
        u64::from_le_bytes(eight.try_into().unwrap_or_default()),
        n,
    )
}

/// [`ascii_word_info_at`] of a word of `n` bytes (1 to 7: ASCII letters and digits, maybe a
/// full stop), the lowest bytes of `x` (eight bytes read at its start, by the lexer that
/// found its end in them): its keys are made from `x` without reading the text again.
#[inline(always)]
pub(crate) fn short_word_info(words: &'static Tables, x: u64, n: usize) -> WordInfo {
    short_info_cased(words, x, n, 0x2020_2020_2020_2020)
}

/// [`short_word_info`], the bytes of the word that have a case marked by `case` (bit 0x20
/// of each: all of them, or only the ASCII ones of a joined word, [`joined_word_info`]),
/// looked up by its two keys ([`info_by_keys`]).
#[inline(always)]
fn short_info_cased(words: &'static Tables, x: u64, n: usize, case: u64) -> WordInfo {
    // (at most seven bytes: the bytes and the length fit in one integer)
    let mask = (1u64 << (8 * n)) - 1;
    let written = x & mask | (n as u64) << 56;
    let capitalised = (x as u8).is_ascii_uppercase();
    let flags = if capitalised { CAPITALISED } else { 0 };
    // (the word has an upper-case letter when its lower-case form differs)
    let lower = written | case & mask;
    info_by_keys(words, written, lower, lower ^ written == 0x20, flags)
}

/// The info of a word of at most 15 bytes by its key as `written` and its key in lower
/// case (`capitalised_only`: they differ in the first byte's case alone), with its spelling
/// `flags`: a word in lower case is looked up once; one with a capital is one probe of the
/// cased forms ([`cased_forms`]) when it is one of them or is capitalised ("Said",
/// "Smith"); only another ("McCain", "SAID") is looked up as written and in lower case.
#[inline(always)]
fn info_by_keys<K: Key>(
    words: &'static Tables,
    written: K,
    lower: K,
    capitalised_only: bool,
    flags: u8,
) -> WordInfo {
    let (lower_case, cased) = (&words.lower_case, &words.cased);
    if lower == written {
        let n = lower_case.number(written);
        return lower_case.info_numbered(n, flags | LOWER);
    }
    // (a form of the table of cased forms, or a capitalised word of none: one probe)
    let n = cased.number(written);
    if n != 0 || capitalised_only {
        return cased.info_numbered(n, flags);
    }
    // (a word with a capital of the lexicon has the entry of both its forms)
    match words.written.number(written) {
        0 => lower_case.info_numbered(lower_case.number(lower), flags),
        n => words.written.info_numbered(n, flags),
    }
}

/// [`ascii_word_info_at`] of a word of 8 to 15 bytes, read as one load of sixteen bytes
/// (its keys, `word_set::packed`, made without a loop over its bytes, as for a shorter
/// word); any other word by [`word_info`].
#[inline(always)]
fn ascii_word_info_15(words: &'static Tables, text: &str, i: usize, j: usize) -> WordInfo {
    let n = j - i;
    let Some(sixteen) = text
        .as_bytes()
        .get(i..i + 16)
        .filter(|_| (8..16).contains(&n))
    else {
        return word_info(&text[i..j]);
    };
    middle_word_info(
        words,
        u128::from_le_bytes(sixteen.try_into().unwrap_or_default()),
        n,
    )
}

/// [`short_word_info`] of a word of `n` bytes (8 to 15), the lowest bytes of `x` (sixteen
/// bytes read at its start).
#[inline(always)]
pub(crate) fn middle_word_info(words: &'static Tables, x: u128, n: usize) -> WordInfo {
    middle_info_cased(words, x, n, 0x2020_2020_2020_2020_2020_2020_2020_2020)
}

/// [`middle_word_info`], the bytes of the word that have a case marked by `case`, as for
/// [`short_info_cased`].
/// (The word has 8 to 15 bytes: its first eight are the key's low half as they are, and
/// only the high half is masked, by a shift of less than 64 bits.)
#[inline(always)]
fn middle_info_cased(words: &'static Tables, x: u128, n: usize, case: u128) -> WordInfo {
    let (lo, hi) = (x as u64, (x >> 64) as u64);
    let mask = (1u64 << (8 * (n - 8))) - 1;
    let written_hi = hi & mask | (n as u64) << 56;
    let capitalised = (x as u8).is_ascii_uppercase();
    let flags = if capitalised { CAPITALISED } else { 0 };
    // (a letter, digit or full stop in lower case is itself with bit 0x20 set)
    let (lower_lo, lower_hi) = (lo | case as u64, written_hi | (case >> 64) as u64 & mask);
    let key = |lo: u64, hi: u64| u128::from(hi) << 64 | u128::from(lo);
    let capitalised_only = lower_lo ^ lo == 0x20 && lower_hi == written_hi;
    let (written, lower) = (key(lo, written_hi), key(lower_lo, lower_hi));
    info_by_keys(words, written, lower, capitalised_only, flags)
}

/// [`word_info`] of a joined word of `n` bytes (1 to 15, starting with an ASCII letter or
/// digit), the lowest bytes of `x` (sixteen bytes read at its start): ASCII letters, digits
/// and the characters that join them (`.` `,` `'` `&` `-`, which like a digit are their own
/// lower case and have bit 0x20 set), maybe with right single marks ("O'Neill", "5,000",
/// "U.S.", "don’t", "the Joneses’"). Its keys are made from `x` as a plain word's are
/// ([`short_word_info`]), only its ASCII bytes lowered: a mark's bytes have no case.
#[inline]
pub(crate) fn joined_word_info(words: &'static Tables, x: u128, n: usize) -> WordInfo {
    // (bit 0x20 of each byte under 0x80: its high bit, clear, moved down two places)
    let case = (!x & 0x8080_8080_8080_8080_8080_8080_8080_8080) >> 2;
    if n < 8 {
        short_info_cased(words, x as u64, n, case as u64)
    } else {
        middle_info_cased(words, x, n, case)
    }
}

/// The word's info from its lower-case form `lower` and, when that differs, its form as
/// `written` (the forms as bytes: an ASCII word lower-cased on the stack needs no
/// validation).
#[inline]
fn of_lower(lower: &[u8], written: Option<&[u8]>, flags: u8) -> WordInfo {
    let words: &'static Tables = &WORDS;
    // (a word with a capital of the lexicon has the entry of both its forms)
    let entry = written
        .and_then(|w| words.written.get(w))
        .or_else(|| words.lower_case.get(lower));
    info_of_entry(entry.unwrap_or(&NO_ENTRY), flags)
}

/// The info of a word of entry `e` (maybe [`NO_ENTRY`]) and spelling `flags`.
#[inline]
fn info_of_entry(e: &'static Entry, flags: u8) -> WordInfo {
    WordInfo {
        classes: &e.classes,
        verb: e.verb,
        flags: flags | e.flags,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::{Class, classes_of};

    /// A word read by its key has the info [`word_info`] gives it, in any case: a form of
    /// the cased table, a capitalised word of none, and one in capitals or mixed case.
    #[test]
    fn a_cased_word_has_the_info_of_its_forms() {
        let mut words: Vec<String> = class_words()
            .map(|(w, _)| String::from_utf8_lossy(w).into_owned())
            .chain(LEXICON.verb_ids.iter().map(|(w, _)| w.to_string()))
            .chain(["zqxv", "smithers", "trump’s", "mccain", "u.s.", "o'neill"].map(String::from))
            .filter(|w| w.len() < 16 && ascii_but_apostrophes(w.as_bytes()))
            // (the bytes a word the lexer reads by its key may have)
            .filter(|w| {
                w.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b".,'&-".contains(&b) || b >= 0x80)
            })
            .collect();
        let variants: Vec<String> = words
            .iter()
            .flat_map(|w| {
                let case = |first: fn(&char) -> char, rest: fn(&char) -> char| {
                    let to = |(k, c): (usize, char)| if k == 0 { first(&c) } else { rest(&c) };
                    w.char_indices().map(to).collect::<String>()
                };
                [
                    case(char::to_ascii_uppercase, |&c| c),
                    case(char::to_ascii_uppercase, char::to_ascii_uppercase),
                    case(char::to_ascii_lowercase, char::to_ascii_lowercase),
                    case(char::to_ascii_lowercase, char::to_ascii_uppercase),
                ]
            })
            .collect();
        words.extend(variants);
        let mut cased = 0;
        for w in words.iter().filter(|w| !w.is_empty()) {
            let text = format!("{w}{}", " ".repeat(16));
            let x = u128::from_le_bytes(*text.as_bytes().first_chunk::<16>().unwrap());
            let ours = joined_word_info(&WORDS, x, w.len());
            let theirs = word_info(w);
            assert_eq!(
                (ours.classes, ours.verb, ours.flags),
                (theirs.classes, theirs.verb, theirs.flags),
                "{w}"
            );
            cased += usize::from(ours.flags & CAPITALISED != 0 && !ours.classes.is_empty());
        }
        assert!(cased > 500, "{cased}");
    }

    /// Each word with a capital of the lexicon reads the entry made for both its forms
    /// ([`with_lower_case`]): the classes of both, the verb form of its lower case.
    #[test]
    fn a_word_with_a_capital_has_the_classes_of_both_its_forms() {
        let mut n = 0;
        for (w, _) in class_words().filter(|(w, _)| has_capital(w)) {
            let w = std::str::from_utf8(w).unwrap();
            let (info, low) = (word_info(w), word_info(&w.to_lowercase()));
            let both = crate::lexicon::classes_as_written(w).union(*low.classes);
            assert_eq!((*info.classes, info.verb), (both, low.verb), "{w}");
            n += 1;
        }
        assert!(n > 100, "{n}");
    }

    #[test]
    fn a_word_is_looked_up_once_in_lower_case() {
        let said = word_info("Said");
        assert_eq!(said.flags & (LOWER | CAPITALISED), CAPITALISED);
        let form = LEXICON.verb_forms[said.verb as usize];
        assert_eq!(form.lemma, "say");
        assert_eq!(word_info("went").flags & VERB_HEAD, VERB_HEAD);
        assert_eq!(word_info("table").verb, NO_VERB);
        assert!(word_info("").classes.is_empty() && word_info("").verb == NO_VERB);
        // (a word the lexicon does not know reads the empty entry, number 0)
        for (text, flags) in [("zqxv and more", LOWER), ("Zqxv and more", CAPITALISED)] {
            let w = ascii_word_info_at(&WORDS, text, 0, 4);
            assert!(w.classes.is_empty() && w.verb == NO_VERB && w.flags == flags);
        }
        assert_eq!(WORDS.lower_case.tiny.number(packed7(b"zqxv").unwrap()), 0);
        let said = ascii_word_info_at(&WORDS, "said it", 0, 4);
        assert_eq!(said.verb, word_info("said").verb);
        let but = word_info("But");
        assert!(but.classes.has(Class::Starters) && but.classes.has(Class::ClauseJoiners));
        for w in [
            "O’Malley’s",
            "ΣΟΦΟΣ",
            "İstanbul",
            "Ωmega",
            "x".repeat(70).as_str(),
        ] {
            let mut buf = [0u8; 64];
            let ours = lower_into(w, &mut buf);
            assert!(ours.is_none_or(|l| l == w.to_lowercase()), "{w}");
        }
        let mut buf = [0u8; 64];
        assert_eq!(lower_into("O’Malley’s", &mut buf), Some("o’malley’s"));
        // (a word with right single marks is lowered byte by byte, as an ASCII word)
        assert!(
            ascii_but_apostrophes("don’t".as_bytes()) && !ascii_but_apostrophes("Zoë’s".as_bytes())
        );
        assert_eq!(
            word_info("Trump’s").flags & (LOWER | CAPITALISED),
            CAPITALISED
        );
        assert_eq!(word_info("don’t").flags & (LOWER | CAPITALISED), LOWER);
        for w in [
            "the",
            "But",
            "ÉLYSÉE",
            "Über",
            "O’Malley’s",
            "Trump’s",
            "officials",
            "A-LONG-WORD-IN-CAPITALS-AND-MORE",
        ] {
            assert_eq!(*word_info(w).classes, classes_of(w), "{w}");
        }
    }
}
