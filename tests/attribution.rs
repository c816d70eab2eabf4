//! Who a quotation is attributed to when a sentence holds more than one cue word.

use whosaid::{Options, analyze};

/// The speaker and cue of the quotation in `text` that begins with "were".
fn direct(text: &str) -> (String, String) {
    quoted(text, "were")
}

/// The speaker and cue of the quotation in `text` that begins with `opening`.
fn quoted(text: &str, opening: &str) -> (String, String) {
    let a = analyze(text, &Options::default());
    let q = a
        .quotes
        .iter()
        .find(|q| q.text.starts_with(opening))
        .unwrap_or_else(|| panic!("no direct quotation in {text:?}: {:#?}", a.quotes));
    (
        q.speaker
            .as_ref()
            .map(|s| s.text.clone())
            .unwrap_or_default(),
        q.cue.as_ref().map(|c| c.text.clone()).unwrap_or_default(),
    )
}

#[test]
fn a_noun_before_the_quotation_does_not_take_the_attribution() {
    // "reports" and "remarks" are cue words as verbs; here they are nouns naming the words.
    for text in [
        "Senator Mary Smith said the Chinese reports “were a disgrace to the office.”",
        "Senator Mary Smith said the president’s remarks “were a disgrace to the office.”",
    ] {
        assert_eq!(
            direct(text),
            ("Senator Mary Smith".into(), "said".into()),
            "{text}"
        );
    }
}

#[test]
fn a_verb_after_its_subject_still_takes_the_attribution() {
    assert_eq!(
        direct("The senator said nothing, but officials say the talks “were a failure.”"),
        ("officials".into(), "say".into())
    );
}

#[test]
fn a_participle_after_a_comma_shares_the_subject_of_its_sentence() {
    // An adverb before the subject is no adverbial phrase running to the comma.
    assert_eq!(
        quoted(
            "And then Trump went fully on the attack, saying, “Is the president going to \
             mention the words?”",
            "Is the"
        ),
        ("Trump".into(), "saying".into())
    );
    // A subject the mention grammar cannot read to its end still yields its head name.
    assert_eq!(
        quoted(
            "Netanyahu and other right-wing Israeli leaders shunned Jimmy Carter during his \
             trips, claiming that the former president is “anti-Israel.”",
            "anti"
        )
        .0,
        "Netanyahu"
    );
    // An adverbial that does run to a comma is still skipped.
    assert_eq!(
        quoted(
            "But after the vote in Iowa, the senator went to bed, adding “it was a good night.”",
            "it was"
        ),
        ("the senator".into(), "adding".into())
    );
}

#[test]
fn commas_of_places_and_adverbials_do_not_set_off_the_speaker() {
    // An adverbial between commas, with a place's own comma inside it.
    assert_eq!(
        quoted(
            "Clinton, during a town hall meeting in Columbus, Ohio, said she was “going to put \
             a lot of coal miners out of business.”",
            "going"
        ),
        ("Clinton".into(), "said".into())
    );
    // The speaker between commas after a preposition's object.
    assert_eq!(
        quoted(
            "After winning Ohio in the Republican presidential primary, Gov. John Kasich \
             (R-OH), said, “I’m getting ready to rent a covered wagon.”",
            "I’m"
        )
        .0,
        "Gov. John Kasich"
    );
    // "City, State" is the object of "in"; the speaker is the person before it.
    assert_eq!(
        quoted(
            "A woman in Worcester, Massachusetts, told him she worries he is “too nice” to \
             fend off his rivals.",
            "she worries"
        )
        .0,
        "A woman"
    );
    // An apposition is still one.
    assert_eq!(
        quoted(
            "John Smith, a senator from Ohio, said “we will win.”",
            "we will"
        )
        .0,
        "John Smith"
    );
    // An apposition that ends in "City, State" is one too, the place its own commas and all.
    for (text, opening) in [
        (
            "“We will win,” Mr. Daniloff, of Cambridge, Mass., said.",
            "We will",
        ),
        (
            "“We will win,” Mr. Daniloff, now 81 and retired in Cambridge, Mass., said.",
            "We will",
        ),
        (
            "Mr. Daniloff, a salesman from Sumter, South Carolina, said “we will win.”",
            "we will",
        ),
    ] {
        assert_eq!(quoted(text, opening).0, "Mr. Daniloff", "{text}");
    }
    // A note speaks as a memo does (`lexicon/documents.txt`).
    assert_eq!(
        quoted("“You are a total loser!” the note says.", "You are").0,
        "the note"
    );
}

#[test]
fn a_noun_after_a_complementizer_is_not_a_verb() {
    // "that states can …": "states" is the subject of the reported clause.
    assert_eq!(
        quoted(
            "Cruz said Thursday during a town hall that states can pass such laws because \
             “men should not be going to the bathroom with little girls.”",
            "men"
        ),
        ("Cruz".into(), "said".into())
    );
}

#[test]
fn a_participle_goes_back_past_objects_and_nouns() {
    // A two-word participle ("calling on") after a comma.
    assert_eq!(
        quoted(
            "“It leaves taxpayers holding the bag,” Senator Mary Smith said in a statement, \
             calling on Congress to make large corporations pay “their fair share” of taxes.",
            "their"
        )
        .0,
        "Senator Mary Smith"
    );
    // "call for" inside a noun phrase is no earlier cue to share a speaker with.
    assert_eq!(
        quoted(
            "During Tuesday night’s debate, Cruz made an unprompted call for an end to sugar subsidies, \
             calling them “corporate welfare.”",
            "corporate"
        ),
        ("Cruz".into(), "calling".into())
    );
}

#[test]
fn a_participle_after_a_document_speaks_for_its_maker() {
    assert_eq!(
        quoted(
            "Hours later, she issued a statement calling on the country “to redouble our \
             efforts.”",
            "to redouble"
        ),
        ("she".into(), "calling on".into())
    );
    assert_eq!(
        quoted(
            "The RNC, in its daily media summary Monday, emailed a news article reporting \
             that “Clinton is showing flashes of frustration.”",
            "Clinton"
        )
        .0,
        "The RNC"
    );
    assert_eq!(
        quoted(
            "Phoenix Mayor Greg Stanton wrote a letter to Attorney General Loretta E. Lynch \
             asking the department to investigate the “fiasco.”",
            "fiasco"
        )
        .0,
        "Phoenix Mayor Greg Stanton"
    );
}

#[test]
fn a_quotation_inside_a_reported_clause_is_the_outer_speakers() {
    // The article's source for the words is the one who reports them.
    assert_eq!(
        quoted(
            "Rep. Steve Israel said Clinton called on members to be “closely coordinated.”",
            "closely"
        ),
        ("Rep. Steve Israel".into(), "said".into())
    );
    // Two clauses joined by "and" each have their own speaker.
    assert_eq!(
        quoted(
            "Rep. Steve Israel said little and Clinton called the plan “closely coordinated.”",
            "closely"
        ),
        ("Clinton".into(), "called".into())
    );
}

#[test]
fn openers_and_roundup_sources() {
    assert_eq!(
        quoted(
            "Hours later, Trump returned the compliment, telling Reuters, “Sheldon and I have \
             been friends for a long time.”",
            "Sheldon"
        )
        .0,
        "Trump"
    );
    assert_eq!(
        quoted(
            "What that means for this year’s election - More from Jones: “The partisanship of \
             the state is a starting point.”",
            "The partisanship"
        )
        .0,
        "Jones"
    );
    assert_eq!(
        quoted(
            "The interplay has been important for Republican contests - Philip Bump: “Two \
             weeks ago, his strongest territory had been the South.”",
            "Two weeks"
        )
        .0,
        "Philip Bump"
    );
}

#[test]
fn a_time_before_the_verb_and_a_passives_agent() {
    assert_eq!(
        quoted(
            "Much of his ire was directed at Bannon, whom Beck on Wednesday called “a \
             horrible, despicable human being.”",
            "a horrible"
        )
        .0,
        "Beck"
    );
    assert_eq!(
        quoted(
            "Priebus later Thursday told Fox News: “Both men are meeting.”",
            "Both"
        )
        .0,
        "Priebus"
    );
    assert_eq!(
        quoted(
            "Rubio was asked by Fox Business moderator Gerard Baker whether his plan would \
             risk “adding another expensive entitlement program.”",
            "adding"
        )
        .0,
        "Fox Business moderator Gerard Baker"
    );
}

#[test]
fn adverbs_between_subject_and_verb_and_after_an_opening_time() {
    assert_eq!(
        quoted(
            "Trump has even claimed he will enact an initiative to “create the biggest \
             economic boom in this country.”",
            "create"
        )
        .0,
        "Trump"
    );
    assert_eq!(
        quoted(
            "But a few days later, Trump reversed himself yet again, telling CBS that the \
             laws on abortion “are set.”",
            "are set"
        )
        .0,
        "Trump"
    );
    assert_eq!(
        quoted(
            "Thomas Massie used to support Rand Paul, but now said Trump had “the \
             opportunity to bring us together.”",
            "the opportunity"
        )
        .0,
        "Thomas Massie"
    );
}

#[test]
fn the_object_of_prompt_or_urge_speaks_the_infinitive() {
    assert_eq!(
        quoted(
            "That record prompted Dave Leip’s Atlas of U.S. Presidential Elections, which \
             examines bellwether counties, to state, “Vigo County is the most prominent \
             bellwether.”",
            "Vigo"
        )
        .0,
        "Dave Leip’s Atlas of U.S. Presidential Elections"
    );
    // Without such a verb, the subject still speaks.
    assert_eq!(
        quoted(
            "Trump went on to say that “nobody builds walls better than me.”",
            "nobody"
        )
        .0,
        "Trump"
    );
}

#[test]
fn according_to_names_the_source_of_the_words() {
    assert_eq!(
        quoted(
            "On Monday, Trump said he was “happy to see” that Khan was elected, according to \
             The New York Times.",
            "happy"
        )
        .0,
        "The New York Times"
    );
}

#[test]
fn verbs_of_likening_and_manner_and_a_claim_that() {
    assert_eq!(
        quoted(
            "Trump likened the refugees to a “vicious snake” at a rally.",
            "vicious"
        ),
        ("Trump".into(), "likened".into())
    );
    assert_eq!(
        quoted(
            "“Go back to Univision,” Trump barked, and a guard led him out.",
            "Go back"
        ),
        ("Trump".into(), "barked".into())
    );
    assert_eq!(
        quoted(
            "Politifact checked Trump’s claim that there were “thousands of shootings” in Chicago.",
            "thousands"
        ),
        ("Trump".into(), "claim".into())
    );
}

#[test]
fn a_party_and_state_after_the_name() {
    assert_eq!(
        quoted(
            "“Perpetual motion!” Rep. Glenn Thompson, R-Pa., said of the convention.",
            "Perpetual"
        ),
        ("Rep. Glenn Thompson".into(), "said".into())
    );
}

#[test]
fn a_thing_called_x_is_named_not_quoted() {
    let a = analyze(
        "Comedians perform a popular play called “Los Hijos de Trump” in Mexico City.",
        &Options::default(),
    );
    assert!(a.quotes.is_empty(), "{:?}", a.quotes);
    assert_eq!(a.non_speech[0].text, "Los Hijos de Trump");
    assert_eq!(
        quoted("Officials called the attack “cowardly.”", "cowardly"),
        ("Officials".into(), "called".into())
    );
}

#[test]
fn a_verb_with_no_clause_after_it_does_not_take_a_nested_quotation() {
    // "concludes with": no reported clause, so Trump's own "saying" governs the quotation.
    assert_eq!(
        quoted(
            "The spot concludes with footage of Trump saying during the debate, “That makes me smart,” when Clinton blasted him.",
            "That"
        ),
        ("Trump".into(), "saying".into())
    );
}
