//! The output contract: the types every record is made of.
//!
//! These are the only types that reach JSON. Internal pipeline types live in their stages;
//! each stage converts into these at the end (see `output.rs`). The JSON Schema in
//! `schema/record.schema.json` is generated from these types and kept in sync by a test.
//!
//! All offsets are UTF-8 byte offsets into the analysed text, end-exclusive, unless the
//! record was converted with [`crate::OffsetUnit`] (then `offsets` says which unit).

use std::borrow::Cow;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One analysed document: what was said, by whom, how, where and when.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Analysis {
    /// The document's id (its path, or the JSONL record's id field). Empty from the library.
    pub id: String,
    /// Unit of every offset in this record: `bytes` (UTF-8, default), `chars` or `utf16`.
    pub offsets: OffsetUnit,
    /// Every statement, in document order: quotations, reported speech and embedded posts.
    pub quotes: Vec<Quote>,
    /// The entities quoted in the document.
    pub speakers: Vec<Entity>,
    /// Embedded social-media posts.
    pub posts: Vec<Post>,
    /// Quotation marks that are not speech: nicknames, titles of works, scare quotes.
    pub non_speech: Vec<NonSpeech>,
    /// What an editor should look at.
    pub flags: Vec<Flag>,
    /// The article's own metadata, where the text states it.
    pub metadata: Metadata,
    /// The analysed text itself, when asked for (`--emit-text`), so offsets can be followed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// A record for a document that could not be analysed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ErrorRecord {
    pub id: String,
    /// Why the document could not be analysed.
    pub error: String,
}

/// One line of output: an analysis, or an error with its reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Record {
    Error(ErrorRecord),
    Analysis(Box<Analysis>),
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OffsetUnit {
    /// UTF-8 bytes (Rust, Go, C).
    #[default]
    Bytes,
    /// Unicode code points (Python `str`).
    Chars,
    /// UTF-16 code units (JavaScript, Java).
    Utf16,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// A sentence or more in quotation marks that stands on its own.
    Direct,
    /// Quoted words inside the writer's own sentence.
    Partial,
    /// Reported speech without quotation marks.
    Indirect,
    /// An embedded social-media post (see `post`).
    Post,
}

/// A statement, or one part of a statement (a quotation interrupted by its attribution, or
/// running over several paragraphs, gives several parts with the same `statement`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Quote {
    pub kind: QuoteKind,
    /// The words said, without their quotation marks.
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// Parts of one statement share this number (and their cue and speaker).
    pub statement: usize,
    pub speaker: Option<SpeakerRef>,
    pub cue: Option<Cue>,
    pub channel: Option<Channel>,
    pub time: Option<Time>,
    /// Index into `posts[]` when the statement is, or quotes, an embedded post.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub post: Option<usize>,
}

/// The mention of a speaker as written, and whom it resolves to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SpeakerRef {
    /// The mention as written ("he", "Taliban spokesman Suhail Shaheen").
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// The canonical name it resolves to ("Suhail Shaheen"), or the mention itself.
    pub name: String,
    pub role: Option<String>,
    pub kind: EntityKind,
    /// Index into `speakers[]`.
    pub entity: Option<usize>,
    /// How the speaker was found: named next to the words (`stated`, the default, left out),
    /// carried from the speaker of the paragraph before (`continued`: a paragraph that is
    /// only a quotation, after one where that speaker was quoted or paraphrased), or the
    /// subject of the sentence that quotes the words with no verb of saying (`subject`).
    #[serde(default, skip_serializing_if = "Attribution::is_stated")]
    pub attribution: Attribution,
    /// In a nested quotation ("Smith said Jones called the plan “a disaster”"), the person
    /// the speaker quotes: the words are the speaker's report of what this one said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quoted_speaker: Option<QuotedSpeaker>,
}

/// How a statement's speaker was found.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Attribution {
    /// The speaker is named next to the words (by their cue, or in their paragraph).
    #[default]
    Stated,
    /// Inferred: the words stand alone in their paragraph and continue the speaker of the
    /// paragraph before.
    Continued,
    /// Inferred: no verb of saying governs the words; they are quoted in an account of what
    /// the subject of their sentence did ("Reid has gone after Trump as a “con artist”").
    Subject,
}

impl Attribution {
    /// Whether the speaker is stated (the default, left out of the JSON).
    pub fn is_stated(&self) -> bool {
        *self == Attribution::Stated
    }
}

/// The inner speaker of a nested quotation: the mention as written and whom it resolves to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct QuotedSpeaker {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub name: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Person,
    Organization,
    Anonymous,
    Document,
    Unknown,
}

/// The words that say a statement was made.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Cue {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// The lexicon lemma: "say" for "said", "according to", ":" for a colon, "—" for a dash.
    // (the lexicon's own word, borrowed: no string is made per cue; an owned copy when a
    // record is read back from JSON)
    pub lemma: Cow<'static, str>,
    /// A negated cue ("did not say whether …", "never mentioned Trump by name"): the statement
    /// is what the speaker was reported as not saying about the matter.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub negated: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ChannelKind {
    SocialMedia,
    Statement,
    Interview,
    PressConference,
    Broadcast,
    Speech,
    Hearing,
    LetterOrEmail,
    Publication,
    Other,
}

/// How a statement was made ("via Twitter", "in a statement", "told CNN").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Channel {
    pub kind: ChannelKind,
    /// Social platform, lower case ("twitter").
    pub platform: Option<String>,
    /// News outlet ("CNN").
    pub outlet: Option<String>,
    /// Programme ("Meet the Press").
    pub programme: Option<String>,
    /// The words that state the channel, `start..end` in the text. For a statement of kind
    /// `post` no words state it: `text` is the platform's name ("twitter") and `start..end`
    /// the whole embedded post it was taken from (the post's own span in `posts[]`).
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// The statement states no channel of its own: it takes the channel of the same speaker's
    /// earlier statement on the same occasion, and `text`/`start`/`end` are the words that
    /// stated it there. Absent when false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub carried: bool,
}

/// When a statement was made ("on Sunday").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Time {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// What the words resolve to against the article's date, in ISO 8601: a day
    /// (`2016-07-14`: "on Thursday", "yesterday", "on July 14"), a month (`2016-07`: "in
    /// July", "last month"), a year (`2015`: "in 2015", "last year"), or a range of days
    /// `start/end` (`2016-07-11/2016-07-17`: "last week", "this week"). Absent when the
    /// article's date is unknown or the words name no calendar unit ("recently").
    pub date: Option<String>,
    /// The statement states no time of its own: it takes the time of the same speaker's
    /// earlier statement on the same occasion, and `text`/`start`/`end` are the words that
    /// stated it there. Absent when false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub carried: bool,
}

/// An entity quoted in the document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Entity {
    pub id: usize,
    pub name: String,
    pub kind: EntityKind,
    pub roles: Vec<String>,
    /// Every mention of the entity that a statement is attributed to, or that names it.
    pub mentions: Vec<Span>,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// An embedded social-media post.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Post {
    /// Lower case: twitter, instagram, facebook, youtube, mastodon, tiktok, bluesky, threads,
    /// reddit, linkedin, telegram.
    pub platform: String,
    pub author_name: Option<String>,
    pub handle: Option<String>,
    /// YYYY-MM-DD.
    pub date: Option<String>,
    /// HH:MM, 24-hour.
    pub time: Option<String>,
    /// The post's words as the platform shows them: line breaks and markup gone, links as
    /// their text. Not the slice `start..end`, which is the whole embed, attribution line
    /// included; the statement of kind `post` in `quotes[]` gives the words' own span.
    pub text: Option<String>,
    pub url: Option<String>,
    pub post_id: Option<String>,
    /// Media links inside the post (pic.twitter.com/...).
    pub media: Vec<String>,
    /// For a post read from flattened text: whether the text marks where the post's text
    /// starts (a line or quotation of its own, the embed's header, a seam the extractor left)
    /// or the start is a guess where the article runs into the post. Absent for posts read
    /// from HTML markup and for posts without text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_start: Option<TextStart>,
    /// The whole post, attribution line included.
    pub start: usize,
    pub end: usize,
}

impl Post {
    /// A post on `platform` spanning `start..end`, with nothing read from it yet.
    pub fn new(platform: &str, start: usize, end: usize) -> Post {
        Post {
            platform: platform.to_string(),
            author_name: None,
            handle: None,
            date: None,
            time: None,
            text: None,
            url: None,
            post_id: None,
            media: Vec::new(),
            text_start: None,
            start,
            end,
        }
    }
}

/// How a flattened post's text start was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TextStart {
    /// Something in the text marks it: a line or a quotation of its own, the embed's header,
    /// a seam the extractor left (a double space, a tab), the end of the post before.
    Marked,
    /// Nothing marks it: the article runs into the post (on the same line, or on lines joined
    /// by single line breaks) and the start was chosen by what a post looks like (its length,
    /// hashtags, handles, links, language). Worth a look before the text is used.
    Guessed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NonSpeechKind {
    /// A nickname inside a name: Gen. Austin "Scott" Miller.
    Nickname,
    /// The title of a show, film, book or song.
    Title,
    /// A word or term held at a distance, not attributed to anyone.
    Term,
    /// A stage direction of a transcript, not words said: (CROSSTALK.), (APPLAUSE).
    StageDirection,
    /// The article's credit or contact line, not words said: "Follow Pam Key on Twitter
    /// @pamkeyNEN."
    Credit,
}

/// Quotation marks that do not mark speech.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct NonSpeech {
    pub kind: NonSpeechKind,
    pub text: String,
    pub start: usize,
    pub end: usize,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum FlagKind {
    /// A quotation mark with no partner; the quotation was closed at the paragraph's end.
    UnbalancedQuote,
    /// A quotation attributed to nobody.
    UnattributedQuote,
    /// A pronoun speaker that two or more people named just before could be.
    AmbiguousPronoun,
    /// A person quoted by surname or pronoun before the article introduces them in full.
    UnintroducedSpeaker,
    /// An anonymous source (with the reason the article gives, if any).
    AnonymousSource,
    /// A statement said to be made on a platform, with no embedded post or link to it.
    PlatformWithoutPost,
    /// An embedded post whose author is not whom the text attributes its words to.
    PostAuthorMismatch,
    /// The same words quoted from two different speakers.
    SameWordsTwoSpeakers,
    /// A quotation repeated with its wording changed.
    ChangedWording,
    /// A loaded reporting verb ("claimed", "admitted", "conceded"): a style note.
    LoadedVerb,
    /// The input was not valid UTF-8 and was decoded with replacement characters.
    InvalidUtf8,
}

impl FlagKind {
    /// Every kind, in the order of the documentation.
    pub const ALL: [FlagKind; 11] = [
        FlagKind::UnbalancedQuote,
        FlagKind::UnattributedQuote,
        FlagKind::AmbiguousPronoun,
        FlagKind::UnintroducedSpeaker,
        FlagKind::AnonymousSource,
        FlagKind::PlatformWithoutPost,
        FlagKind::PostAuthorMismatch,
        FlagKind::SameWordsTwoSpeakers,
        FlagKind::ChangedWording,
        FlagKind::LoadedVerb,
        FlagKind::InvalidUtf8,
    ];

    /// The stable id of the kind (its JSON name), as `--fail-on` takes it.
    pub fn id(self) -> &'static str {
        match self {
            FlagKind::UnbalancedQuote => "unbalanced_quote",
            FlagKind::UnattributedQuote => "unattributed_quote",
            FlagKind::AmbiguousPronoun => "ambiguous_pronoun",
            FlagKind::UnintroducedSpeaker => "unintroduced_speaker",
            FlagKind::AnonymousSource => "anonymous_source",
            FlagKind::PlatformWithoutPost => "platform_without_post",
            FlagKind::PostAuthorMismatch => "post_author_mismatch",
            FlagKind::SameWordsTwoSpeakers => "same_words_two_speakers",
            FlagKind::ChangedWording => "changed_wording",
            FlagKind::LoadedVerb => "loaded_verb",
            FlagKind::InvalidUtf8 => "invalid_utf8",
        }
    }

    /// One sentence of documentation: what the flag means and what to do about it.
    pub fn doc(self) -> &'static str {
        match self {
            FlagKind::UnbalancedQuote => {
                "A quotation mark has no partner; check where the quotation ends."
            }
            FlagKind::UnattributedQuote => {
                "Nothing in the text says who said these words; name the speaker."
            }
            FlagKind::AmbiguousPronoun => {
                "The pronoun that introduces the quotation could be either of two people named just before; use a name."
            }
            FlagKind::UnintroducedSpeaker => {
                "The speaker is quoted by surname or pronoun before the article introduces them in full."
            }
            FlagKind::AnonymousSource => {
                "An unnamed source; make sure the article says why the source is not named."
            }
            FlagKind::PlatformWithoutPost => {
                "The text says this was said on a platform, but embeds no post and links none; add one so readers can check."
            }
            FlagKind::PostAuthorMismatch => {
                "The embedded post's author is not the person the text attributes its words to."
            }
            FlagKind::SameWordsTwoSpeakers => {
                "The same words are quoted from two different speakers; one attribution is wrong."
            }
            FlagKind::ChangedWording => {
                "A quotation is repeated with different wording; quote it the same way each time."
            }
            FlagKind::LoadedVerb => {
                "A loaded reporting verb (claimed, admitted, conceded…) takes sides; consider \"said\"."
            }
            FlagKind::InvalidUtf8 => "The file is not valid UTF-8; some characters were replaced.",
        }
    }

    /// How serious a flag of this kind is: an error in the text as written, a warning an
    /// editor should act on, or a note on a question of style.
    pub fn severity(self) -> Severity {
        match self {
            FlagKind::UnbalancedQuote | FlagKind::PostAuthorMismatch | FlagKind::InvalidUtf8 => {
                Severity::Error
            }
            // One speaker may take up another's words: a warning to check, not an error.
            FlagKind::SameWordsTwoSpeakers
            | FlagKind::AmbiguousPronoun
            | FlagKind::UnintroducedSpeaker
            | FlagKind::ChangedWording => Severity::Warning,
            // On edited copy a quotation nothing attributes is far more often one the
            // attribution missed than one the writer left bare: a note to check.
            FlagKind::UnattributedQuote
            | FlagKind::LoadedVerb
            | FlagKind::AnonymousSource
            | FlagKind::PlatformWithoutPost => Severity::Note,
        }
    }

    /// A style note rather than a likely error.
    pub fn is_note(self) -> bool {
        self.severity() == Severity::Note
    }
}

/// How serious a flag is, most serious first.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The text as written is wrong (an unbalanced quotation mark, a post given to someone
    /// else).
    Error,
    /// Something an editor should fix before publishing (a speaker quoted before being
    /// introduced, a pronoun two people could be).
    #[default]
    Warning,
    /// A question to check or of style to consider (a quotation nothing attributes, a loaded
    /// verb, an anonymous source).
    Note,
}

impl Severity {
    /// Every severity, most serious first.
    pub const ALL: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Note];

    /// The severity's name in JSON and on the command line ("warning").
    pub fn id(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

/// Something an editor should look at.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Flag {
    pub kind: FlagKind,
    /// How serious the flag is: `error`, `warning` or `note` (each kind has one severity).
    #[serde(default)]
    pub severity: Severity,
    /// A stable id for this flag ("loaded_verb:3f9a0c21"): the kind and a hash of the flagged
    /// words and the words around them, so the same flag on a re-analysed or elsewhere edited
    /// article keeps its id (to dismiss it once, say). Unique within a record.
    #[serde(default)]
    pub id: String,
    pub start: usize,
    pub end: usize,
    pub message: String,
}

impl Flag {
    /// A flag of `kind` on `start..end`, with its kind's severity; its `id` is given when the
    /// record is finished (`review`).
    pub fn new(kind: FlagKind, start: usize, end: usize, message: impl Into<String>) -> Flag {
        Flag {
            kind,
            severity: kind.severity(),
            id: String::new(),
            start,
            end,
            message: message.into(),
        }
    }
}

/// The article's own metadata.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Metadata {
    /// The article's date (YYYY-MM-DD): given by the caller, or from a `date YYYY-MM-DD` header.
    pub date: Option<String>,
    /// The dateline ("April 12 (UPI) --").
    pub dateline: Option<Located>,
    /// A photo credit ("Photo by Ghulamullah Habibi/EPA-EFE").
    pub photo_credit: Option<Located>,
}

/// A piece of text and where it stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Located {
    pub text: String,
    pub start: usize,
    pub end: usize,
}
