//! The word lists every stage looks words up in, compiled in from `src/lexicon/*.txt`.
//!
//! Lexicons are data, not code: to teach whosaid a new reporting verb, title or platform,
//! add a line to the data file. Each file documents its own format in its header comments.
//! Look-ups are case-sensitive where the file's entries are capitalised (titles,
//! organisation heads, abbreviations) and lower-case otherwise.

use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::sync::LazyLock;

#[allow(dead_code)]
mod classes;
pub(crate) mod info;
mod word_set;
// (tokens carry their classes, from `info::word_info`; `classes_of` is its test reference)
#[cfg(test)]
pub(crate) use classes::classes_of;
pub(crate) use classes::{Class, ClassSet, classes_as_written};
pub(crate) use info::{WordInfo, ascii_word_info_at, word_info};
pub(crate) use word_set::{WordMap, WordSet};

/// The classes that hold every pronoun of `pronouns` (in lower case): a word with none of
/// their bits is no pronoun, known without a look-up (cues and speakers read it).
pub(crate) const PRONOUN_CLASSES: &[Class] = &[
    Class::SpeakerPersonPronouns,
    Class::SpeakerGroupPronouns,
    Class::ReportedPluralPronouns,
];

/// Lines of a data file without comments and blank lines.
fn lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    Male,
    Female,
    Neuter,
    Plural,
    Unknown,
}

impl Gender {
    fn from_code(code: &str) -> Gender {
        match code {
            "m" => Gender::Male,
            "f" => Gender::Female,
            "n" => Gender::Neuter,
            "p" => Gender::Plural,
            _ => Gender::Unknown,
        }
    }
}

/// `word` in lower case, allocating only when it has an upper-case letter.
pub(crate) fn lower(word: &str) -> Cow<'_, str> {
    let bytes = word.as_bytes();
    // (one pass over the bytes: most words are ASCII and lower case already)
    let Some(i) = bytes
        .iter()
        .position(|b| b.is_ascii_uppercase() || !b.is_ascii())
    else {
        return Cow::Borrowed(word);
    };
    if bytes[i..].is_ascii() {
        let mut owned = word.to_owned();
        owned.make_ascii_lowercase();
        return Cow::Owned(owned);
    }
    if word.chars().any(char::is_uppercase) {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// `f` of the word in lower case ([`lower`]): a short ASCII word is lower-cased on the
/// stack, not in a new string, and not validated again as UTF-8 (its bytes are ASCII).
pub(crate) fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let bytes = word.as_bytes();
    if !bytes.is_ascii() {
        return f(&lower(word));
    }
    if !bytes.iter().any(u8::is_ascii_uppercase) {
        return f(word);
    }
    let mut buf = [0u8; 32];
    let Some(low) = buf.get_mut(..bytes.len()) else {
        return f(&lower(word));
    };
    low.copy_from_slice(bytes);
    low.make_ascii_lowercase();
    // SAFETY: `low` holds the bytes of `word`, all ASCII (tested above), each lower-cased
    // by `make_ascii_lowercase`, which maps an ASCII byte to an ASCII byte: every byte is
    // under 0x80, so the bytes are valid UTF-8.
    f(unsafe { std::str::from_utf8_unchecked(low) })
}

/// A reporting verb form: its lemma, and how many words the form has.
#[derive(Debug, Clone, Copy)]
pub(crate) struct VerbForm {
    pub lemma: &'static str,
    pub words: usize,
    /// A verb of saying (reporting_verbs.txt), not of belief or stance (attitude_verbs.txt).
    pub speech: bool,
    /// The word classes of the lemma as written (`naming_verbs`, `find_act_verbs`, …),
    /// looked up once when the lexicon is read.
    pub classes: ClassSet,
    /// The form is its lemma's base ("say") or third person ("says"), as
    /// `cues::Form::of` reads it, once when the lexicon is read (a cue of one word carries
    /// them: `CueHit::form`).
    pub base: bool,
    pub third: bool,
}

impl VerbForm {
    /// What a cue of this form carries as its `CueHit::form`: its base and third person, for
    /// a form of one word (the token's own, in lower case); `None` for two or three words,
    /// whose text (spaces and all) is read again.
    pub fn person(&self) -> Option<(bool, bool)> {
        (self.words == 1).then_some((self.base, self.third))
    }
}

pub(crate) struct Lexicon {
    /// Lower-case form ("said", "went on") to its lemma.
    pub verbs: WordMap<String, VerbForm>,
    /// First words of multi-word forms, to know when to look one word further.
    pub verb_heads: WordSet,
    /// Each form of `verbs` by a number (`verb_ids`), which a token keeps (`Token::verb`).
    pub verb_forms: Vec<VerbForm>,
    pub verb_ids: WordMap<String, u16>,
    pub titles: WordMap<&'static str, Gender>,
    pub roles: WordMap<&'static str, bool>,
    pub organizations: WordSet,
    pub documents: WordSet,
    pub nominal_cues: WordSet,
    pub pronouns: WordMap<&'static str, Gender>,
    pub abbreviations: WordSet,
    pub first_names: WordMap<&'static str, Gender>,
    pub channels: Vec<ChannelEntry>,
    pub outlets: Vec<&'static str>,
    /// Function word (lower case) to the languages it belongs to (`stopwords.txt`).
    pub stopwords: HashMap<&'static str, Vec<&'static str>>,
    /// Word classes of the grammar (`word_classes.txt`): the classes' own sets
    /// (`Class::set`).
    pub starters: &'static WordSet,
    pub adverbial_openers: &'static WordSet,
    pub control_verbs: &'static WordSet,
    pub clause_joiners: &'static WordSet,
    pub auxiliaries: &'static WordSet,
    pub modifiers: &'static WordSet,
    pub determiners: &'static WordSet,
    pub inverting_verbs: &'static WordSet,
    pub function_words: &'static WordSet,
    pub irregular_plurals: &'static WordSet,
    pub aside_openers: &'static WordSet,
    pub object_words: &'static WordSet,
    pub aspect_verbs: &'static WordSet,
    pub adjunct_openers: &'static WordSet,
    pub relation_adjectives: &'static WordSet,
    pub verbs_never_nouns: &'static WordSet,
    pub quantities: &'static WordSet,
    pub perception_verbs: &'static WordSet,
    pub transcript_labels: &'static WordSet,
    pub as_verbs: &'static WordSet,
    pub document_verbs: &'static WordSet,
    pub hearsay_adverbs: &'static WordSet,
    pub seeming_verbs: &'static WordSet,
    pub asking_verbs: &'static WordSet,
    pub finite_forms: &'static WordSet,
    pub irregular_pasts: &'static WordSet,
    pub clause_openers: &'static WordSet,
    /// Month names (many languages) to their number.
    pub months: HashMap<&'static str, u32>,
    /// Document nouns to the channel they are ("report" → publication).
    pub document_channels: HashMap<&'static str, (&'static str, Option<&'static str>)>,
}

/// A line of `channels.txt`: a phrase and the channel it names.
#[derive(Debug, Clone)]
pub(crate) struct ChannelEntry {
    pub phrase: &'static str,
    pub kind: &'static str,
    pub platform: Option<&'static str>,
}

/// Second words that make a two-word reporting verb in `reporting_verbs.txt`.
const PARTICLES: [&str; 11] = [
    "on", "out", "to", "up", "in", "back", "credit", "for", "of", "about", "clear",
];

/// A lemma as a word class writes it: the words of a two-word lemma joined by "_"
/// ("call_on"), since a class's words are separated by spaces.
pub(crate) fn class_key(lemma: &str) -> std::borrow::Cow<'_, str> {
    if lemma.contains(' ') {
        std::borrow::Cow::Owned(lemma.replace(' ', "_"))
    } else {
        std::borrow::Cow::Borrowed(lemma)
    }
}

pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

impl Lexicon {
    /// The language `text` is written in, by its function words (`stopwords.txt`): the one
    /// with at least three of them and two more than any other, or none.
    pub(crate) fn language(&self, text: &str) -> Option<&'static str> {
        let mut counts: Vec<(&'static str, usize)> = Vec::new();
        // Links, handles and hashtags are no language's words ("pic.twitter.com").
        let words = text
            .split_whitespace()
            .filter(|t| !t.contains("://") && !t.contains(".com/") && !t.starts_with(['@', '#']))
            .flat_map(|t| t.split(|c: char| !c.is_alphanumeric() && c != '\''));
        for w in words {
            if w.is_empty() {
                continue;
            }
            for &lang in self.stopwords.get(lower(w).as_ref()).into_iter().flatten() {
                match counts.iter_mut().find(|(l, _)| *l == lang) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((lang, 1)),
                }
            }
        }
        counts.sort_by_key(|c| std::cmp::Reverse(c.1));
        let (best, n) = *counts.first()?;
        let second = counts.get(1).map_or(0, |c| c.1);
        (n >= 3 && n >= second + 2).then_some(best)
    }

    fn load() -> Lexicon {
        let (verbs, verb_heads, (verb_forms, verb_ids)) = load_verbs();
        let first_names = load_first_names();
        let titles = gendered(include_str!("lexicon/titles.txt"));
        let pronouns = gendered(include_str!("lexicon/pronouns.txt"));
        let roles = lines(include_str!("lexicon/roles.txt"))
            .filter_map(|l| {
                let mut it = l.split_whitespace();
                Some((it.next()?, it.next() == Some("anonymous")))
            })
            .collect();
        let channels = load_channels();
        Lexicon {
            starters: Class::Starters.set(),
            adverbial_openers: Class::AdverbialOpeners.set(),
            control_verbs: Class::ControlVerbs.set(),
            clause_joiners: Class::ClauseJoiners.set(),
            auxiliaries: Class::Auxiliaries.set(),
            modifiers: Class::Modifiers.set(),
            determiners: Class::Determiners.set(),
            inverting_verbs: Class::InvertingVerbs.set(),
            function_words: Class::FunctionWords.set(),
            irregular_plurals: Class::IrregularPlurals.set(),
            aside_openers: Class::AsideOpeners.set(),
            object_words: Class::ObjectWords.set(),
            aspect_verbs: Class::AspectVerbs.set(),
            adjunct_openers: Class::AdjunctOpeners.set(),
            relation_adjectives: Class::RelationAdjectives.set(),
            verbs_never_nouns: Class::VerbsNeverNouns.set(),
            quantities: Class::Quantities.set(),
            perception_verbs: Class::PerceptionVerbs.set(),
            transcript_labels: Class::TranscriptLabels.set(),
            as_verbs: Class::AsVerbs.set(),
            document_verbs: Class::DocumentVerbs.set(),
            hearsay_adverbs: Class::HearsayAdverbs.set(),
            seeming_verbs: Class::SeemingVerbs.set(),
            asking_verbs: Class::AskingVerbs.set(),
            finite_forms: Class::FiniteForms.set(),
            irregular_pasts: Class::IrregularPasts.set(),
            clause_openers: Class::ClauseOpeners.set(),
            verbs,
            verb_heads,
            verb_forms,
            verb_ids,
            titles,
            roles,
            organizations: lines(include_str!("lexicon/organizations.txt")).collect(),
            documents: lines(include_str!("lexicon/documents.txt")).collect(),
            nominal_cues: lines(include_str!("lexicon/nominal_cues.txt")).collect(),
            pronouns,
            abbreviations: lines(include_str!("lexicon/abbreviations.txt")).collect(),
            first_names,
            channels,
            outlets: lines(include_str!("lexicon/outlets.txt")).collect(),
            stopwords: load_stopwords(),
            months: lines(include_str!("lexicon/months.txt"))
                .filter_map(|l| {
                    let (name, n) = l.rsplit_once(' ')?;
                    Some((name.trim(), n.trim().parse().ok()?))
                })
                .collect(),
            document_channels: load_document_channels(),
        }
    }

    /// The reporting verb that starts at `word` (lower case), looking at `next` for
    /// two-word forms. Returns the lemma and the number of words used.
    pub fn verb(&self, word: &str, next: Option<&str>) -> Option<VerbForm> {
        if let Some(next) = next
            && self.verb_heads.contains(word)
            && let Some(f) = self.joined_verb(word, next)
        {
            return Some(f);
        }
        self.verbs.get(word).copied().filter(|f| f.words == 1)
    }

    /// The form of the two words `head` and `next` (lower case) joined by a space, if one is
    /// listed: joined on the stack when they are short.
    pub(crate) fn joined_verb(&self, head: &str, next: &str) -> Option<VerbForm> {
        let mut buf = [0u8; 48];
        let n = head.len() + 1 + next.len();
        let found = match buf.get_mut(..n) {
            Some(two) => {
                two[..head.len()].copy_from_slice(head.as_bytes());
                two[head.len()] = b' ';
                two[head.len() + 1..].copy_from_slice(next.as_bytes());
                std::str::from_utf8(two)
                    .ok()
                    .and_then(|t| self.verbs.get(t))
            }
            None => self.verbs.get(&format!("{head} {next}")),
        };
        found.copied()
    }
}

/// Reporting verbs (`reporting_verbs.txt`) and verbs of belief and stance
/// (`attitude_verbs.txt`): each form (lower case, "said", "went on") to its lemma, and the
/// first words of two-word forms; and the forms numbered (`number_verbs`).
#[allow(clippy::type_complexity)] // (the forms, their heads, and the forms numbered)
fn load_verbs() -> (
    WordMap<String, VerbForm>,
    WordSet,
    (Vec<VerbForm>, WordMap<String, u16>),
) {
    let mut verbs = HashMap::default();
    let mut verb_heads = Vec::new();
    let speech_lines = lines(include_str!("lexicon/reporting_verbs.txt")).map(|l| (l, true));
    let attitude_lines = lines(include_str!("lexicon/attitude_verbs.txt")).map(|l| (l, false));
    for (line, speech) in speech_lines.chain(attitude_lines) {
        // Forms are separated by spaces, but a form may itself have two words: forms of
        // a multi-word lemma have as many words as the lemma.
        let words: Vec<&str> = line.split_whitespace().collect();
        // A particle as the second word makes a two-word verb ("go on", "lash out").
        let lemma_words = if words.len() >= 2 && PARTICLES.contains(&words[1]) {
            2
        } else {
            1
        };
        let lemma_end = words[..lemma_words].join(" ");
        let lemma: &'static str = Box::leak(lemma_end.into_boxed_str());
        for form in words.chunks(lemma_words) {
            let form = form.join(" ");
            if lemma_words > 1 {
                let head = form.split(' ').next().unwrap_or_default().to_string();
                verb_heads.push(&*Box::leak(head.into_boxed_str()));
            }
            let person = crate::cues::Form::of(&form, lemma);
            verbs.entry(form).or_insert(VerbForm {
                lemma,
                words: lemma_words,
                speech,
                classes: classes_as_written(lemma),
                base: person.base,
                third: person.third,
            });
        }
    }
    let verbs = WordMap::from_map(verbs);
    let numbered = number_verbs(&verbs);
    (verbs, verb_heads.into_iter().collect(), numbered)
}

/// The forms of `verbs` numbered: the list of forms, and each form's number.
fn number_verbs(verbs: &WordMap<String, VerbForm>) -> (Vec<VerbForm>, WordMap<String, u16>) {
    // (both made at their size, which the map's iterator tells exactly)
    let n = verbs.iter().size_hint().0;
    let mut forms = Vec::with_capacity(n);
    let mut ids = HashMap::with_capacity_and_hasher(n, Default::default());
    for (form, f) in verbs.iter() {
        let id = u16::try_from(forms.len()).expect("fewer than 65,535 verb forms");
        forms.push(*f);
        ids.insert(form.clone(), id);
    }
    (forms, WordMap::from_map(ids))
}

/// A file of `word gender` lines (titles, pronouns).
fn gendered(data: &'static str) -> WordMap<&'static str, Gender> {
    lines(data)
        .filter_map(|l| {
            let mut it = l.split_whitespace();
            Some((it.next()?, Gender::from_code(it.next().unwrap_or("-"))))
        })
        .collect()
}

/// First names by gender (`first_names.txt`: a gender code, then names).
fn load_first_names() -> WordMap<&'static str, Gender> {
    let mut first_names = HashMap::default();
    for l in lines(include_str!("lexicon/first_names.txt")) {
        let mut it = l.split_whitespace();
        let gender = Gender::from_code(it.next().unwrap_or("-"));
        for name in it {
            first_names.entry(name).or_insert(gender);
        }
    }
    WordMap::from_map(first_names)
}

/// Channel phrases (`channels.txt`: `phrase | kind platform`).
fn load_channels() -> Vec<ChannelEntry> {
    lines(include_str!("lexicon/channels.txt"))
        .filter_map(|l| {
            let (phrase, rest) = l.split_once('|')?;
            let mut it = rest.split_whitespace();
            let kind = it.next()?;
            Some(ChannelEntry {
                phrase: phrase.trim(),
                kind,
                platform: it.next(),
            })
        })
        .collect()
}

/// Function words to the languages they belong to (`stopwords.txt`: `lang: words`).
fn load_stopwords() -> HashMap<&'static str, Vec<&'static str>> {
    let mut m: HashMap<&'static str, Vec<&'static str>> = HashMap::default();
    for (lang, words) in
        lines(include_str!("lexicon/stopwords.txt")).filter_map(|l| l.split_once(':'))
    {
        for w in words.split_whitespace() {
            m.entry(w).or_default().push(lang.trim());
        }
    }
    m
}

/// Document nouns to the channel they are (`documents_channels.txt`: `noun | kind platform`).
fn load_document_channels() -> HashMap<&'static str, (&'static str, Option<&'static str>)> {
    lines(include_str!("lexicon/documents_channels.txt"))
        .filter_map(|l| {
            let (noun, rest) = l.split_once('|')?;
            let mut it = rest.split_whitespace();
            Some((noun.trim(), (it.next()?, it.next())))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `with_lower` hands on what `lower` makes, for words in lower case, with capitals,
    /// not ASCII, and longer than its stack buffer.
    #[test]
    fn with_lower_is_lower() {
        let long = "ThirtyTwoBytesAndMoreThanThatLongWord";
        for w in [
            "", "said", "Said", "SAID", "McCain", "U.S.", "don't", "Zoë", "ÉCOLE", "5,000", long,
        ] {
            assert_eq!(with_lower(w, str::to_owned), lower(w), "{w}");
        }
    }

    #[test]
    fn verbs_have_inflections_and_lemmas() {
        let lx = &*LEXICON;
        assert_eq!(lx.verb("said", None).unwrap().lemma, "say");
        assert_eq!(lx.verb("announced", None).unwrap().lemma, "announce");
        assert_eq!(lx.verb("went", Some("on")).unwrap().lemma, "go on");
        assert_eq!(
            lx.verb("according", Some("to")).unwrap().lemma,
            "according to"
        );
        assert_eq!(lx.verb("pointed", Some("out")).unwrap().lemma, "point out");
        assert!(lx.verb("according", None).is_none());
        assert!(lx.verb("table", None).is_none());
        assert!(lx.verbs.len() > 500, "several hundred forms");
    }

    #[test]
    fn word_lists_load() {
        let lx = &*LEXICON;
        assert_eq!(lx.titles.get("Mrs."), Some(&Gender::Female));
        assert_eq!(lx.pronouns.get("he"), Some(&Gender::Male));
        // (every pronoun is in one of the classes that answer for it)
        for (w, _) in lx.pronouns.iter() {
            let c = classes_as_written(w);
            assert!(PRONOUN_CLASSES.iter().any(|&p| c.has(p)), "{w}");
        }
        assert_eq!(lx.first_names.get("Zalmay"), Some(&Gender::Male));
        assert_eq!(lx.roles.get("official"), Some(&true));
        assert!(lx.abbreviations.contains("U.S."));
        assert!(lx.channels.iter().any(|c| c.phrase == "in a statement"));
        assert!(lx.starters.contains("However") && lx.auxiliaries.contains("also"));
        assert!(lx.inverting_verbs.contains("say") && lx.function_words.contains("which"));
    }
}
