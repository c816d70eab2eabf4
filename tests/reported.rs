//! Reported speech (statements without quotation marks): where the reported clause ends and
//! who speaks it.

use whosaid::{Options, QuoteKind, analyze};

/// Every reported statement of `text` as (speaker mention, cue, content).
fn reported(text: &str) -> Vec<(String, String, String)> {
    analyze(text, &Options::default())
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Indirect)
        .map(|q| {
            (
                q.speaker
                    .as_ref()
                    .map(|s| s.text.clone())
                    .unwrap_or_default(),
                q.cue.as_ref().map(|c| c.text.clone()).unwrap_or_default(),
                q.text.clone(),
            )
        })
        .collect()
}

fn triple(s: &str, c: &str, t: &str) -> (String, String, String) {
    (s.to_string(), c.to_string(), t.to_string())
}

#[test]
fn a_clause_ends_where_another_speaker_begins_after_a_comma() {
    assert_eq!(
        reported(
            "Some booed, and when Rubio said it was great to be home, a man yelled “Stay there!”"
        ),
        [triple("Rubio", "said", "it was great to be home")]
    );
}

#[test]
fn that_after_a_coordinated_clause_does_not_open_the_report() {
    assert_eq!(
        reported("Smith said the plan would fail, and that the budget would not pass."),
        [triple(
            "Smith",
            "said",
            "the plan would fail, and that the budget would not pass"
        )]
    );
    assert_eq!(
        reported("Smith said on Sunday that the budget would not pass."),
        [triple("Smith", "said", "the budget would not pass")]
    );
}

#[test]
fn the_speaker_after_the_cue_with_an_apposition_and_a_participle_after_the_attribution() {
    assert_eq!(
        reported(
            "The plant is under pressure from imports, said the company's chief executive, John J. Ferriola."
        ),
        [triple(
            "the company's chief executive, John J. Ferriola",
            "said",
            "The plant is under pressure from imports"
        )]
    );
    assert_eq!(
        reported(
            "Turnout will be high, said James Henson, director of the Texas Politics Project at the University of Texas."
        ),
        [triple("James Henson", "said", "Turnout will be high")]
    );
    assert_eq!(
        reported(
            "Washington did not complain when growth was strong, an official said, adding that the imbalance was real."
        ),
        [
            triple(
                "an official",
                "said",
                "Washington did not complain when growth was strong"
            ),
            triple("an official", "adding", "the imbalance was real")
        ]
    );
    assert_eq!(
        reported("He was unable to find a single taker, he said, on condition of anonymity."),
        [triple("he", "said", "He was unable to find a single taker")]
    );
}

#[test]
fn a_headline_inside_the_article_attributes_in_title_case_too() {
    // A live blog's entries and "related" links are headlines of their own.
    let text = "The debate ran late into the night.\n\n\
                Governor Smith Says He Would Close The Bridge Over Winter\n\n\
                RED STATES OUTNUMBER BLUE STATES FOR THE FIRST TIME\n\n\
                More of the story follows here.";
    assert_eq!(
        reported(text),
        [triple(
            "Governor Smith",
            "Says",
            "He Would Close The Bridge Over Winter"
        )]
    );
}

#[test]
fn headlines_attribute_in_title_case_and_with_a_bare_colon() {
    let headline = |h: &str| reported(&format!("{h}\n\nThe story begins here, in the body."));
    assert_eq!(
        headline("Bellwether County Says Trump Should Win GOP Nomination."),
        [triple(
            "Bellwether County",
            "Says",
            "Trump Should Win GOP Nomination"
        )]
    );
    assert_eq!(
        headline("Gingrich: Trump Must Decide If He Wants a Two-Pirate Ticket."),
        [triple(
            "Gingrich",
            ":",
            "Trump Must Decide If He Wants a Two-Pirate Ticket"
        )]
    );
    // The speaker, then where or to whom; a label and its dash before the speaker.
    assert_eq!(
        headline("Mayor to City Council: The Budget Will Not Pass."),
        [triple("Mayor", ":", "The Budget Will Not Pass")]
    );
    assert_eq!(
        headline("Senator Smith at Harvard: Tuition Must Come Down."),
        [triple("Senator Smith", ":", "Tuition Must Come Down")]
    );
    assert_eq!(
        headline("EXCLUSIVE – Ada Fisher: The Party Has Lost Its Way."),
        [triple("Ada Fisher", ":", "The Party Has Lost Its Way")]
    );
    // Labels before a colon are not speakers, and body text keeps its rules.
    assert!(headline("The Latest: Cruz to give away engraved shotgun.").is_empty());
    assert!(headline("HUFFPOLLSTER: Indiana’s Primary Will Be A Battle.").is_empty());
    assert!(
        reported("Intro line of the story, which is long enough to be no headline at all, runs on.\n\nGraham: Trump Is Destroying The Party.").is_empty()
    );
}

#[test]
fn a_bare_plural_subject_and_an_adverb_before_the_verb() {
    assert_eq!(
        reported("Media outlets estimate Trump needs to win 57 percent."),
        [triple(
            "Media outlets",
            "estimate",
            "Trump needs to win 57 percent"
        )]
    );
    assert_eq!(
        reported("American officials have long said the kingdom funds extremists."),
        [triple(
            "American officials",
            "said",
            "the kingdom funds extremists"
        )]
    );
}

#[test]
fn a_relative_clause_or_a_contrast_after_a_comma_is_the_writers() {
    assert_eq!(
        reported("Smith said new donors have come aboard since January, when the group launched."),
        [triple(
            "Smith",
            "said",
            "new donors have come aboard since January"
        )]
    );
    assert_eq!(
        reported("Jones said the firm lost the contract, but neither man has spoken out."),
        [triple("Jones", "said", "the firm lost the contract")]
    );
}

#[test]
fn said_of_or_about_reports_no_clause() {
    assert!(
        reported("Thompson said of the convention that it never stops.")
            .iter()
            .all(|(_, _, t)| !t.starts_with("of"))
    );
    // (what someone spoke about is reported, as what they complained about: see
    // `what_someone_spoke_about_is_reported_where_they_spoke_is_not`)
    assert!(
        reported("Smith spoke about the plan at length.")
            .iter()
            .all(|(_, _, t)| !t.starts_with("about"))
    );
}

#[test]
fn a_gerund_of_saying_after_by_reports_for_the_subject() {
    assert_eq!(
        reported("Dean began by saying he would never diagnose anyone."),
        [triple("Dean", "saying", "he would never diagnose anyone")]
    );
    // Other prepositions keep a gerund a noun: "accused of continuing raids".
    assert!(reported("The Taliban were accused of continuing raids.").is_empty());
}

#[test]
fn a_that_inside_the_clause_does_not_open_it() {
    // Only an adjunct ("on Sunday", "Tuesday", "privately") or a verb of telling's object
    // stands between the cue and a "that" that opens the clause.
    assert_eq!(
        reported("Zucker said HLN's coverage would resemble that of its parent network."),
        [triple(
            "Zucker",
            "said",
            "HLN's coverage would resemble that of its parent network"
        )]
    );
    assert_eq!(
        reported("Zucker privately told reporters that the coverage would change."),
        [triple("Zucker", "told", "the coverage would change")]
    );
    assert_eq!(
        reported("Zucker said Tuesday that the coverage would change."),
        [triple("Zucker", "said", "the coverage would change")]
    );
}

#[test]
fn a_subject_with_an_apposition_is_not_a_clause_before_the_cue() {
    assert_eq!(
        reported("Ada Fisher, a member of the committee, said the plan would fail."),
        [triple("Ada Fisher", "said", "the plan would fail")]
    );
    assert_eq!(
        reported("The plan would fail within a year, said Ada Fisher."),
        [triple(
            "Ada Fisher",
            "said",
            "The plan would fail within a year"
        )]
    );
}

#[test]
fn an_infinitive_after_a_verb_of_intent_is_what_it_attributes() {
    assert_eq!(
        reported("Clinton vowed to fight the ruling."),
        [triple("Clinton", "vowed", "to fight the ruling")]
    );
    assert_eq!(
        reported("The mayor urged residents to stay indoors."),
        [triple("The mayor", "urged", "residents to stay indoors")]
    );
    // A preposition "to" is not an infinitive.
    assert_eq!(reported("The mayor wants to the end."), []);
}

#[test]
fn a_singular_noun_subject_before_a_form_in_s() {
    assert_eq!(
        reported("The magnate says the tackle draws a penalty now."),
        [triple(
            "The magnate",
            "says",
            "the tackle draws a penalty now"
        )]
    );
    // A noun of speech after a noun stays a noun.
    assert_eq!(reported("The tax claims were false."), []);
}

#[test]
fn a_statement_inside_a_subordinate_or_relative_clause_ends_with_it() {
    assert_eq!(
        reported("Although she said the plan was a mistake, the mayor kept it."),
        [triple("she", "said", "the plan was a mistake")]
    );
    assert_eq!(
        reported("The jury acquitted Ruiz, who alleged that the guard attacked him, on Friday."),
        [triple("who", "alleged", "the guard attacked him")]
    );
}

#[test]
fn a_new_subject_after_and_ends_the_clause() {
    assert_eq!(
        reported(
            "Clinton said Russian agents hacked the servers and she accused Trump of praising Putin."
        ),
        [
            triple("Clinton", "said", "Russian agents hacked the servers"),
            triple("she", "accused", "Trump of praising Putin")
        ]
    );
}

#[test]
fn a_progressive_reports_and_a_passive_does_not() {
    assert_eq!(
        reported("A lawmaker is calling for a ban on the product."),
        [triple("A lawmaker", "calling for", "a ban on the product")]
    );
    assert_eq!(
        reported("Democrats are saying the bill will fail."),
        [triple("Democrats", "saying", "the bill will fail")]
    );
    assert_eq!(reported("He was told the bill will fail."), []);
}

#[test]
fn a_speaker_with_a_phrase_after_its_noun() {
    assert_eq!(
        reported("Cruz will change his approach, a source close to him said."),
        [triple(
            "a source close to him",
            "said",
            "Cruz will change his approach"
        )]
    );
    assert_eq!(
        reported("People familiar with the talks said the deal was near."),
        [triple(
            "People familiar with the talks",
            "said",
            "the deal was near"
        )]
    );
    assert_eq!(
        reported("One in five say the country is on the wrong track."),
        [triple(
            "One in five",
            "say",
            "the country is on the wrong track"
        )]
    );
}

#[test]
fn a_share_of_those_polled_speaks() {
    assert_eq!(
        reported("About three in 10 said they prefer a more liberal agenda."),
        [
            triple(
                "About three in 10",
                "said",
                "they prefer a more liberal agenda"
            ),
            // (and, nested, the preference they stated)
            triple("they", "prefer", "a more liberal agenda")
        ]
    );
    assert_eq!(
        reported("Most of them said they had loved working there."),
        [triple(
            "Most of them",
            "said",
            "they had loved working there"
        )]
    );
    // A year before a pronoun is no share of anyone.
    assert_eq!(
        reported("In 2015 he said the plan failed."),
        [triple("he", "said", "the plan failed")]
    );
}

#[test]
fn an_adjunct_after_the_cue_comes_before_the_clause() {
    assert_eq!(
        reported("The group said in a statement Thursday night they pulled the listing."),
        [triple("The group", "said", "they pulled the listing")]
    );
    assert_eq!(
        reported("He said at a rally the country should close its borders."),
        [triple("He", "said", "the country should close its borders")]
    );
}

#[test]
fn the_speaker_after_the_cue_when_the_clause_has_an_opening_adverbial() {
    assert_eq!(
        reported("In politics, such a mistake is unusual, said Matt Latimer, a speechwriter."),
        [triple(
            "Matt Latimer",
            "said",
            "In politics, such a mistake is unusual"
        )]
    );
    assert_eq!(
        reported("The plan failed badly, Smith, the mayor, said."),
        [triple("Smith", "said", "The plan failed badly")]
    );
    assert_eq!(
        reported(
            "The deficit will grow this year, the budget office reported on Tuesday -- a development that worries investors."
        ),
        [triple(
            "the budget office",
            "reported",
            "The deficit will grow this year"
        )]
    );
}

#[test]
fn an_aside_between_commas_after_the_subject_or_after_the_attribution() {
    assert_eq!(
        reported("Cement makers, for instance, argue that imports grew to 40 percent."),
        [triple(
            "Cement makers",
            "argue",
            "imports grew to 40 percent"
        )]
    );
    assert_eq!(
        reported("Fields, along with reporter Ben Terris, say the manager pulled her away."),
        [triple("Fields", "say", "the manager pulled her away")]
    );
    // (the attribution ends at the comma; what is joined after it goes on with the clause)
    assert_eq!(
        reported(
            "The company built the tool for emergencies, a spokeswoman said on Saturday, and it has used it five times."
        ),
        [
            triple(
                "a spokeswoman",
                "said",
                "The company built the tool for emergencies"
            ),
            triple("a spokeswoman", "said", "and it has used it five times")
        ]
    );
}

#[test]
fn according_to_names_records_polls_and_people_familiar() {
    assert_eq!(
        reported("Oksuz registered the company in 2010, according to state corporate records."),
        [triple(
            "state corporate records",
            "according to",
            "Oksuz registered the company in 2010"
        )]
    );
    assert_eq!(
        reported("According to recent polls, Trump holds 14 percent of the Latino vote."),
        [triple(
            "recent polls",
            "According to",
            "Trump holds 14 percent of the Latino vote"
        )]
    );
    assert_eq!(
        reported("Fundraising, according to the campaign, has surged in the same period."),
        [triple(
            "the campaign",
            "according to",
            "Fundraising, according to the campaign, has surged in the same period"
        )]
    );
}

#[test]
fn a_bare_plural_after_a_clause_opener_speaks() {
    assert_eq!(
        reported("Such tactics would be unusual, but security specialists say the risk is real."),
        [triple("security specialists", "say", "the risk is real")]
    );
}

#[test]
fn a_second_verb_of_the_same_subject_after_but() {
    assert_eq!(
        reported("Clinton says she respects Sanders but argues that he cannot deliver."),
        [
            triple("Clinton", "says", "she respects Sanders"),
            triple("Clinton", "argues", "he cannot deliver")
        ]
    );
}

#[test]
fn verbs_that_report_only_a_clause_or_a_view() {
    assert_eq!(
        reported("The senator maintained that the vote was fair."),
        [triple("The senator", "maintained", "the vote was fair")]
    );
    assert_eq!(
        reported("The senator maintained her lead in the polls."),
        []
    );
    assert_eq!(reported("I saw a guy careening down the hallway."), []);
    assert_eq!(
        reported("The study found that turnout fell sharply."),
        [triple("The study", "found", "turnout fell sharply")]
    );
}

#[test]
fn an_attribution_with_no_one_named_has_no_speaker() {
    assert_eq!(
        reported("Trump is expected to deliver a speech later tonight."),
        [triple(
            "",
            "expected",
            "Trump is expected to deliver a speech later tonight"
        )]
    );
    assert_eq!(
        reported("The senator reportedly met donors in Ohio."),
        [triple(
            "",
            "reportedly",
            "The senator reportedly met donors in Ohio"
        )]
    );
}

#[test]
fn an_attribution_inside_the_clause_reports_both_sides_of_it() {
    assert_eq!(
        reported("Those who now have the right to vote, he said, must still register to do so."),
        [
            triple("he", "said", "Those who now have the right to vote"),
            triple("he", "said", "must still register to do so"),
        ]
    );
    assert_eq!(
        reported("In Iowa, he said, voters were angry."),
        [
            triple("he", "said", "In Iowa"),
            triple("he", "said", "voters were angry"),
        ]
    );
    // The speaker and an adjunct after the cue are no clause of theirs.
    assert_eq!(
        reported("The plan would fail, he said, on Sunday."),
        [triple("he", "said", "The plan would fail")]
    );
}

#[test]
fn a_clause_that_ends_in_a_partial_quotation_before_the_speaker() {
    let text = "In cases of abortion, “the woman is a victim,” the group said.";
    assert_eq!(
        reported(text),
        [triple(
            "the group",
            "said",
            "In cases of abortion, “the woman is a victim,”"
        )]
    );
    let a = analyze(text, &Options::default());
    let partial = a.quotes.iter().find(|q| q.kind == QuoteKind::Partial);
    assert_eq!(
        partial.map(|q| q.text.as_str()),
        Some("the woman is a victim,")
    );
    assert_eq!(partial.map(|q| q.statement), Some(a.quotes[0].statement));
}

#[test]
fn doubled_apostrophes_read_as_text_still_close_a_clause_before_the_speaker() {
    assert_eq!(
        reported("''The scale is enormous,'' said Matt Baker, a former commissioner."),
        [triple("Matt Baker", "said", "''The scale is enormous,''")]
    );
    assert_eq!(
        reported("''I've been through the racks,'' he said."),
        [triple("he", "said", "''I've been through the racks,''")]
    );
}

#[test]
fn a_that_clause_may_open_with_an_adjunct() {
    assert_eq!(
        reported("General Electric says that in 2012 it paid $3.2 billion in taxes."),
        [triple(
            "General Electric",
            "says",
            "in 2012 it paid $3.2 billion in taxes"
        )]
    );
    // Without "that", a preposition after the verb opens no clause.
    assert_eq!(reported("Smith said in a speech on Sunday."), []);
}

#[test]
fn seeming_and_asking_attribute_to_no_one_named() {
    assert_eq!(
        reported("Enthusiasm for Clinton appears to have plummeted, and turnout fell."),
        [triple(
            "",
            "appears",
            "Enthusiasm for Clinton appears to have plummeted"
        )]
    );
    assert_eq!(reported("Trump appeared on Fox News on Sunday."), []);
    assert_eq!(
        reported("Asked about the merger, the chief executive was silent."),
        [triple("", "Asked", "about the merger")]
    );
    assert_eq!(
        reported("Rubio was asked whether he would support Trump."),
        [triple("", "asked", "whether he would support Trump")]
    );
}

#[test]
fn a_verb_of_telling_skips_its_object_before_the_clause_or_after_the_speaker() {
    assert_eq!(
        reported(
            "Shoukair was kind and responsible, a Cairo airport official told The New York Times."
        ),
        [triple(
            "official",
            "told",
            "Shoukair was kind and responsible"
        )]
    );
    assert_eq!(
        reported(
            "The union will sit out the election, Phil Smith told POLITICO earlier this week."
        ),
        [triple(
            "Phil Smith",
            "told",
            "The union will sit out the election"
        )]
    );
    assert_eq!(
        reported("Smith told reporters the plan failed."),
        [triple("Smith", "told", "the plan failed")]
    );
    assert_eq!(
        reported("He told CNN he would run."),
        [triple("He", "told", "he would run")]
    );
    assert_eq!(
        reported("She told him to leave."),
        [triple("She", "told", "him to leave")]
    );
}

#[test]
fn present_tense_subjects_an_apposition_a_relative_or_a_quantity() {
    assert_eq!(
        reported(
            "Michael O'Hanlon, a foreign policy expert at the Brookings Institution, says Libya is the biggest trouble spot."
        ),
        [triple(
            "Michael O'Hanlon",
            "says",
            "Libya is the biggest trouble spot"
        )]
    );
    assert_eq!(
        reported("It faced a backlash from business leaders who say the law targets gay people."),
        [triple("who", "say", "the law targets gay people")]
    );
    assert_eq!(
        reported("On social issues they lean left: 42% say they're liberal."),
        [triple("42%", "say", "they're liberal")]
    );
    assert_eq!(
        reported("The market has cooled. Some say this is just a rough patch."),
        [triple("Some", "say", "this is just a rough patch")]
    );
    // A demonstrative opening the clause is its subject, not an adjunct ("this week").
    assert_eq!(
        reported("Critics say this plan is a rough patch."),
        [triple("Critics", "say", "this plan is a rough patch")]
    );
    assert_eq!(
        reported("He said on Friday he met them."),
        [triple("He", "said", "he met them")]
    );
}

#[test]
fn what_a_verb_is_about_and_a_hearer_before_the_clause() {
    assert_eq!(
        reported("Obama has often complained about not getting enough credit for the recovery."),
        [triple(
            "Obama",
            "complained",
            "not getting enough credit for the recovery"
        )]
    );
    assert_eq!(
        reported("He warned against a Trump-only campaign."),
        [triple("He", "warned", "a Trump-only campaign")]
    );
    assert_eq!(
        reported("Clinton reiterated to ABC News that, in retrospect, it was a mistake."),
        [triple(
            "Clinton",
            "reiterated",
            "in retrospect, it was a mistake"
        )]
    );
    assert_eq!(
        reported("Jacobs explained to CBS why Merkel was selected."),
        [triple("Jacobs", "explained", "why Merkel was selected")]
    );
}

#[test]
fn a_contrast_after_a_quotation_ending_in_a_comma_ends_the_clause() {
    assert_eq!(
        reported(
            "Trump said he believes Afghanistan was “a terrible mistake,” although he supports keeping troops there."
        )
        .first()
        .cloned(),
        Some(triple(
            "Trump",
            "said",
            "he believes Afghanistan was “a terrible mistake,”"
        ))
    );
}

#[test]
fn a_second_verb_shares_the_subject_of_the_first() {
    assert_eq!(
        reported("The town released a statement Wednesday and welcomed Trump to visit the city."),
        [triple("The town", "welcomed", "Trump to visit the city")]
    );
}

#[test]
fn polling_and_statistics_speak_like_documents() {
    assert_eq!(
        reported("Exit polling shows he won 83% of voters under 30 in Pennsylvania."),
        [triple(
            "Exit polling",
            "shows",
            "he won 83% of voters under 30 in Pennsylvania"
        )]
    );
}

#[test]
fn a_clause_ends_where_according_to_names_another_source() {
    let got = reported("Smith said the plan would fail, according to two people who heard him.");
    assert!(
        got.contains(&triple("Smith", "said", "the plan would fail")),
        "{got:?}"
    );
}

/// Every reported part of `text` as (statement number, content).
fn parts(text: &str) -> Vec<(usize, String)> {
    analyze(text, &Options::default())
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Indirect)
        .map(|q| (q.statement, q.text.clone()))
        .collect()
}

#[test]
fn a_pair_of_dashes_sets_off_an_aside_inside_the_clause() {
    assert_eq!(
        reported("Clinton had said her server - there were several - was never hacked."),
        [triple(
            "Clinton",
            "said",
            "her server - there were several - was never hacked"
        )]
    );
    // One dash alone still ends the clause.
    assert_eq!(
        reported("Clinton said her server was never hacked - a claim the FBI disputed."),
        [triple("Clinton", "said", "her server was never hacked")]
    );
}

#[test]
fn doubled_apostrophes_read_as_text_carry_the_speaker_into_the_next_sentence() {
    let text = "The debate went on.\n\n''It's utter nonsense,'' Mr. Trump said on Sunday. ''She lies about everything. Everybody knows that.'' The host moved on.";
    let got = parts(text);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].0, got[1].0, "one statement: {got:?}");
    assert!(got[0].1.starts_with("''It's utter nonsense"), "{got:?}");
    assert_eq!(
        got[1].1,
        "''She lies about everything. Everybody knows that.''"
    );
    // The next quotation has a speaker of its own.
    let text = "The debate went on.\n\n''It's utter nonsense,'' Mr. Trump said. ''It is quite true,'' Mrs. Clinton replied.";
    let got = parts(text);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_ne!(got[0].0, got[1].0, "two statements: {got:?}");
}

#[test]
fn a_participle_after_the_attribution_reports_what_follows_it() {
    let got = reported(
        "“The key was the broader market timing,” Mr. Hedge said, referring to the two resorts.",
    );
    assert_eq!(
        got,
        [triple("Mr. Hedge", "referring to", "the two resorts")]
    );
    let got = reported("Smith said the plan failed, referring to the merger.");
    assert_eq!(
        got,
        [
            triple("Smith", "said", "the plan failed"),
            triple("Smith", "referring to", "the merger")
        ]
    );
}

#[test]
fn doubled_apostrophes_around_an_interrupting_attribution() {
    let text = "The debate went on.\n\n''The source of anxiety is not whether they have a job,'' Mr. Garin said, ''it's that they still haven't had their recovery.''";
    let got = parts(text);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].0, got[1].0, "one statement: {got:?}");
    assert_eq!(
        got[0].1,
        "''The source of anxiety is not whether they have a job"
    );
    assert_eq!(
        got[1].1,
        "''it's that they still haven't had their recovery.''"
    );
    // A question between them is quoted speech, not a question about speech.
    let got =
        reported("The debate went on.\n\nHe added, ''And you want us to repeat these mistakes?''");
    assert!(
        got.contains(&triple(
            "He",
            "added",
            "''And you want us to repeat these mistakes?''"
        )),
        "{got:?}"
    );
}

#[test]
fn an_expectation_no_one_is_named_for_from_the_start_of_its_clause() {
    assert_eq!(
        reported("The final is in Chicago, which is expected to draw a large audience."),
        [triple(
            "",
            "expected",
            "is expected to draw a large audience"
        )]
    );
    assert_eq!(
        reported("The bill is not expected to pass the Senate."),
        [triple(
            "",
            "expected",
            "The bill is not expected to pass the Senate"
        )]
    );
}

#[test]
fn a_participle_after_the_attribution_and_its_adjunct_keeps_the_quotation_before() {
    let got = reported(
        "The fund lost money.\n\n''It will take some time for the stock to recover,'' Mr. Ackman said at the time, adding that investors did not appreciate the company.",
    );
    assert_eq!(
        got,
        [
            triple(
                "Mr. Ackman",
                "said",
                "''It will take some time for the stock to recover,''"
            ),
            triple(
                "Mr. Ackman",
                "adding",
                "investors did not appreciate the company"
            )
        ]
    );
    // Between doubled apostrophes a clause of two words is enough.
    let got = reported("The fund lost money.\n\n''It's embarrassing,'' Mr. Rubel said.");
    assert_eq!(got, [triple("Mr. Rubel", "said", "''It's embarrassing,''")]);
}

#[test]
fn an_infinitive_whose_verb_is_quoted_is_reported_around_the_partial_quotation() {
    assert_eq!(
        reported("Trump promises to “end” the Common Core."),
        [triple("Trump", "promises", "to “end” the Common Core")]
    );
}

#[test]
fn after_the_attributions_comma_a_far_that_does_not_open_the_clause() {
    let got = parts(
        "Even then, he said, he has learned enough about Clinton that he cannot support her.",
    );
    let texts: Vec<&str> = got.iter().map(|(_, t)| t.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Even then",
            "he has learned enough about Clinton that he cannot support her",
            // (and, nested, what he learned)
            "enough about Clinton that he cannot support her"
        ]
    );
    // An aside between commas before "that" is passed over.
    assert_eq!(
        reported("Guccifer said, per a translator, that the server was unprotected."),
        [triple("Guccifer", "said", "the server was unprotected")]
    );
}

#[test]
fn a_headline_quoting_in_single_marks_reports_what_follows_its_colon() {
    let text = "Kasich: ‘We Are Going To Go All The Way To Cleveland.’\n\nOn Tuesday, he said \"we will win\" again.";
    let a = analyze(text, &Options::default());
    let first = &a.quotes[0];
    assert_eq!(first.kind, QuoteKind::Indirect);
    assert_eq!(first.text, "‘We Are Going To Go All The Way To Cleveland.’");
    assert_eq!(
        first.speaker.as_ref().map(|s| s.text.as_str()),
        Some("Kasich")
    );
    // In double marks the headline quotes: the quotation is the statement, no clause besides.
    let text =
        "Trump: \"We Will Win Big In Cleveland\"\n\nOn Tuesday, he said \"we will win\" again.";
    let a = analyze(text, &Options::default());
    let kinds: Vec<QuoteKind> = a
        .quotes
        .iter()
        .filter(|q| q.statement == 0)
        .map(|q| q.kind)
        .collect();
    assert_eq!(kinds, [QuoteKind::Direct]);
}

#[test]
fn a_document_with_a_phrase_after_it_finds_and_shows() {
    assert_eq!(
        reported("A survey of voters in Iowa found Clinton leading."),
        [triple(
            "A survey of voters in Iowa",
            "found",
            "Clinton leading"
        )]
    );
    // Not a person who finds something.
    assert_eq!(
        reported("A friend of the family found him in the garden."),
        []
    );
}

#[test]
fn a_verb_that_is_never_a_noun_attributes_where_its_subject_is_not_found() {
    // The subject's phrase after the noun is not read: no speaker, the statement stands.
    let got = reported("Reporters following @ferryunion said the picket would last a week.");
    assert_eq!(got, [triple("", "said", "the picket would last a week")]);
    // A cue word that may be a noun or an adjective needs its speaker.
    assert_eq!(
        reported("The pledged delegates from Ohio arrived at the convention on Monday."),
        []
    );
}

#[test]
fn a_named_poll_after_in_is_a_source() {
    assert_eq!(
        reported(
            "Trump leads Cruz by roughly 9 points in the RealClearPolitics average of recent polls."
        ),
        [triple(
            "the RealClearPolitics average",
            "in",
            "Trump leads Cruz by roughly 9 points"
        )]
    );
    assert_eq!(
        reported("In a recent Gallup survey, 71 percent of Sanders supporters approved of Obama."),
        [triple(
            "a recent Gallup survey",
            "In",
            "71 percent of Sanders supporters approved of Obama"
        )]
    );
    // The polls at large are no source.
    assert_eq!(reported("Mr. Bush sits at single digits in the polls."), []);
}

#[test]
fn a_subject_with_a_phrase_after_its_noun_speaks() {
    assert_eq!(
        reported("Those surveyed said Trump was best able to handle the issue."),
        [triple(
            "Those surveyed",
            "said",
            "Trump was best able to handle the issue"
        )]
    );
}

#[test]
fn state_is_a_noun_unless_a_subject_or_that_makes_it_a_verb() {
    assert_eq!(
        reported("Voters in a caucus state like Iowa turn out in the cold."),
        []
    );
    assert_eq!(
        reported("A document on the campaign's website states that couples would receive leave."),
        [triple(
            "the campaign's website",
            "states",
            "couples would receive leave"
        )]
    );
}

#[test]
fn what_someone_spoke_about_is_reported_where_they_spoke_is_not() {
    assert_eq!(
        reported("Groberg spoke about the expectations of Sanders supporters."),
        [triple(
            "Groberg",
            "spoke",
            "the expectations of Sanders supporters"
        )]
    );
    assert_eq!(reported("Trump spoke to reporters on Monday."), []);
}

#[test]
fn nouns_that_are_also_verbs_of_saying_report_nothing() {
    assert_eq!(
        reported("More than 1,200 Clinton emails now deemed classified were released."),
        []
    );
    assert_eq!(
        reported("She emailed reporters that the vote was delayed."),
        [triple("She", "emailed", "the vote was delayed")]
    );
}

#[test]
fn what_someone_is_known_as_or_who_they_know_is_no_statement() {
    assert_eq!(
        reported("The contests known as Super Tuesday begin in March."),
        []
    );
    assert_eq!(reported("Axelrod has known them since 1992."), []);
    assert_eq!(
        reported("Trump knew the deal would fail."),
        [triple("Trump", "knew", "the deal would fail")]
    );
}

#[test]
fn an_aside_in_brackets_after_the_sentence_is_not_the_clause() {
    assert_eq!(
        reported(
            "Pelosi told reporters she thinks the House is within reach. (The chances of that are slim.)"
        ),
        [
            triple("Pelosi", "told", "she thinks the House is within reach"),
            triple("she", "thinks", "the House is within reach")
        ]
    );
}

#[test]
fn a_manner_of_speaking_reports_no_clause() {
    assert_eq!(reported("Clinton laughed off the attack ad."), []);
    assert_eq!(reported("She was smiling and waving to the crowd."), []);
    assert_eq!(
        reported("GOP rules require delegates to vote for the winner."),
        []
    );
}

#[test]
fn about_a_quantity_opens_the_clause_it_is_no_preposition() {
    assert_eq!(
        reported("The budget office said about half of the adjustment reflected tax cuts."),
        [triple(
            "The budget office",
            "said",
            "about half of the adjustment reflected tax cuts"
        )]
    );
    assert_eq!(
        reported("She said over the weekend that it was late."),
        [triple("She", "said", "it was late")]
    );
}

#[test]
fn a_long_adjunct_after_an_inverting_cue_ends_the_attribution() {
    assert_eq!(
        reported(
            "''I am not a natural politician, in case you haven't noticed,'' Mrs. Clinton said in one of her debates with Mr. Sanders, a bracingly honest statement."
        ),
        [triple(
            "Mrs. Clinton",
            "said",
            "''I am not a natural politician, in case you haven't noticed,''"
        )]
    );
}

#[test]
fn a_speaker_after_the_cue_may_carry_a_phrase_before_the_name() {
    let got = reported(
        "''It may have been his first attempt at a statement,'' said his best friend at Lehigh, Bruce Turry.",
    );
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].1, "said");
    assert_eq!(
        got[0].2,
        "''It may have been his first attempt at a statement,''"
    );
}

#[test]
fn a_fraction_before_a_verb_of_saying_is_its_subject() {
    assert_eq!(
        reported("Nearly a third say they want change."),
        // (and, nested, what they want)
        [
            triple("Nearly a third", "say", "they want change"),
            triple("they", "want", "change")
        ]
    );
    assert_eq!(reported("It was the most elaborate process."), []);
}

#[test]
fn a_quotation_in_doubled_apostrophes_is_reported_whole_across_its_sentences() {
    assert_eq!(
        reported("Asked about it, Mr. Trump said: ''I hope not. I hope not.''"),
        [
            triple("", "Asked", "about it"),
            triple("Mr. Trump", "said", "''I hope not. I hope not.''")
        ]
    );
    assert_eq!(
        reported("''Did I enjoy being treated like trash? No, not at all,'' she said."),
        [triple(
            "she",
            "said",
            "''Did I enjoy being treated like trash? No, not at all,''"
        )]
    );
}

#[test]
fn what_a_speaker_spoke_of_after_the_cue_is_no_clause() {
    assert_eq!(
        reported(
            "''Without these adjustments, golf would be in trouble,'' he said of the industry in general."
        ),
        [triple(
            "he",
            "said",
            "''Without these adjustments, golf would be in trouble,''"
        )]
    );
}

#[test]
fn an_attribution_inside_an_archive_quotation_reports_both_sides_whatever_follows() {
    let got = parts(
        "''The China shock isn't the sole factor,'' he continued, ''but it is a missing link.''",
    );
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].0, got[1].0, "one statement: {got:?}");
    assert!(got[0].1.starts_with("''The China shock"), "{got:?}");
    assert_eq!(got[1].1, "''but it is a missing link.''");
    let got = parts("''I love Oreos,'' he said, ''but I will never eat them again.''");
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[1].1, "''but I will never eat them again.''");
}

#[test]
fn an_adverbial_before_according_to_opens_the_sentence_it_reports() {
    let got = reported(
        "Over the long term, according to the budget office, the rise in deficits is due to aging.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].1, "according to");
    assert!(got[0].2.starts_with("Over the long term"), "{got:?}");
    assert!(got[0].2.ends_with("is due to aging"), "{got:?}");
}

#[test]
fn but_that_goes_on_with_the_same_report() {
    assert_eq!(
        reported(
            "The governor said the U.S. needs a guest-worker program, but that he would not support mass deportation."
        ),
        [
            triple(
                "The governor",
                "said",
                "the U.S. needs a guest-worker program, but that he would not support mass deportation"
            ),
            // the stance inside it, negated (`Polarity::Negated`)
            triple("he", "support", "mass deportation")
        ]
    );
    // "but that report …": "that" a determiner, the writer's own words.
    assert_eq!(
        reported("Gowdy said the inquiry was thorough, but that report concerned other emails."),
        [triple("Gowdy", "said", "the inquiry was thorough")]
    );
}

#[test]
fn but_with_no_new_subject_goes_on_with_the_report() {
    assert_eq!(
        reported("She says Americans are right to be angry, but also hungry for real solutions."),
        [triple(
            "She",
            "says",
            "Americans are right to be angry, but also hungry for real solutions"
        )]
    );
    assert_eq!(
        reported("He said the plan was sound, but neither man has spoken out since."),
        [triple("He", "said", "the plan was sound")]
    );
    // the speaker's next act, in the writer's words
    assert_eq!(
        reported(
            "Trump described the incident as terrible, but stopped short of calling it racist."
        ),
        [triple("Trump", "described", "the incident as terrible")]
    );
    // an auxiliary of the reported clause's own subject
    assert_eq!(
        reported("The center says it would depress revenue, but would eventually add $84 billion."),
        [triple(
            "The center",
            "says",
            "it would depress revenue, but would eventually add $84 billion"
        )]
    );
}

#[test]
fn what_someone_seemed_is_a_view_no_one_is_named_for() {
    assert_eq!(
        reported("Trump's supporters seemed equally unperturbed."),
        [triple(
            "",
            "seemed",
            "Trump's supporters seemed equally unperturbed"
        )]
    );
    assert_eq!(reported("Sanders appeared on Fox News on Sunday."), []);
}

#[test]
fn a_quotation_closing_the_clause_goes_on_in_the_next_sentence_of_doubled_apostrophes() {
    let text = "Budgets were tight.\n\nThe tax cut plans are ''profoundly irresponsible,'' said Steve Bell, a director at the center. ''It just leaves guys like me speechless. Those are Republicans.''";
    let got = parts(text);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].0, got[1].0, "one statement: {got:?}");
    assert_eq!(
        got[1].1,
        "''It just leaves guys like me speechless. Those are Republicans.''"
    );
    // An abbreviation before such a quotation ends its sentence ("Fla."), a nickname does
    // not open one.
    let text = "Voters hesitated.\n\n''Bernie seemed more transparent than her,'' said Rachel Woolard, 20, of Jacksonville, Fla. ''She definitely has the stereotypical politician approach to things.''";
    let got = parts(text);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].0, got[1].0, "one statement: {got:?}");
}

#[test]
fn an_apposition_after_the_reported_words_is_the_writers_gloss() {
    assert_eq!(
        reported(
            "But Mr. Ryan reiterated his support for Mr. Trump, the presumptive Republican nominee."
        ),
        [triple(
            "Mr. Ryan",
            "reiterated",
            "his support for Mr. Trump"
        )]
    );
    assert_eq!(
        reported(
            "Nine in 10 Democrats say they think she could win a general election, a 16-point margin over Sanders."
        ),
        [
            triple(
                "Nine in 10 Democrats",
                "say",
                "they think she could win a general election"
            ),
            triple("they", "think", "she could win a general election")
        ]
    );
    // An apposition that is the clause's subject stays in.
    assert_eq!(
        reported("Smith said the plan, a $1 trillion package, would fail."),
        [triple(
            "Smith",
            "said",
            "the plan, a $1 trillion package, would fail"
        )]
    );
    // One item of a list is no apposition.
    let got = reported(
        "Schiff said hackers broke into the Democratic National Committee, the Democratic Congressional Campaign Committee and the state parties.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].2.ends_with("and the state parties"), "{got:?}");
    // So does the object of an infinitive's verb.
    let got = reported(
        "The campaign asked NBC's Lester Holt, the moderator of the debate, to fact check Donald Trump.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].2.ends_with("to fact check Donald Trump"), "{got:?}");
}

#[test]
fn what_follows_a_source_given_after_according_to_is_not_reported() {
    assert_eq!(
        reported(
            "The Islamic State has previously called for attacks using vehicles, according to the SITE Intelligence Group, which monitors extremist statements."
        ),
        [
            triple(
                "the SITE Intelligence Group",
                "according to",
                "The Islamic State has previously called for attacks using vehicles"
            ),
            triple("The Islamic State", "called for", "attacks using vehicles")
        ]
    );
    // Before a verb, the source sits inside the clause it reports.
    assert_eq!(
        reported("Fundraising, according to the campaign, has surged in recent weeks."),
        [triple(
            "the campaign",
            "according to",
            "Fundraising, according to the campaign, has surged in recent weeks"
        )]
    );
}

#[test]
fn an_abbreviation_after_a_prefix_keeps_its_full_stop() {
    assert_eq!(
        reported(
            "Axelrod argued that the distance between Clinton and then-Sen. Barack Obama was narrower than it is now."
        ),
        [triple(
            "Axelrod",
            "argued",
            "the distance between Clinton and then-Sen. Barack Obama was narrower than it is now"
        )]
    );
}

#[test]
fn an_archive_quotation_goes_on_after_a_hearer_or_an_adjunct() {
    let text = "Tensions grew.\n\nThe ''animosity is like I've never seen before,'' he told Chris Cuomo of CNN after the debate, ''and I hope we can straighten it out.'' The debate ended.";
    let got = parts(text);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].0, got[1].0, "one statement: {got:?}");
    assert_eq!(got[1].1, "''and I hope we can straighten it out.''");
    // An adjunct after the cue, then the quotation; a participle after its closing marks
    // is a statement of its own, by the same speaker.
    assert_eq!(
        reported(
            "Mr. Trump said of the episode, ''I don't like it,'' adding that ''they have anger that's unbelievable.''"
        ),
        [
            triple("Mr. Trump", "said", "''I don't like it,''"),
            triple(
                "Mr. Trump",
                "adding",
                "''they have anger that's unbelievable.''"
            )
        ]
    );
    // Not an infinitive's object before a title: "hoped to republish his biography, ''…''".
    let got =
        reported("Mr. Hurt hoped to republish his biography, ''Lost Tycoon,'' with his publisher.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].2.starts_with("to republish"), "{got:?}");
}

#[test]
fn a_quotation_inside_an_archive_quotation_does_not_stand_on_its_own() {
    let got = reported(
        "He went on. ''If Secretary Clinton thinks that I come from a small state, 'They are not used to this.' Well, we will get used to it fast,'' Mr. Sanders said.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "Mr. Sanders");
    assert!(
        got[0].2.contains("'They are not used to this.' Well"),
        "{got:?}"
    );
}

#[test]
fn after_an_archive_quotation_and_its_speaker_the_tail_is_the_writers() {
    assert_eq!(
        reported(
            "It was Monday. ''I am going to be the nominee,'' he said aboard his campaign plane on Monday as he crisscrossed Nevada."
        ),
        [triple("he", "said", "''I am going to be the nominee,''")]
    );
    // Not after a title in doubled apostrophes.
    let got =
        reported("Later on ''This Week,'' Senator Bernie Sanders questioned Mr. Trump's veracity.");
    assert_eq!(
        got,
        [triple(
            "Senator Bernie Sanders",
            "questioned",
            "Mr. Trump's veracity"
        )]
    );
}

#[test]
fn a_subject_before_an_aside_between_dashes_and_irregular_plurals_speak() {
    assert_eq!(
        reported(
            "Even though skateboarding is allowed, the women say officers still scrutinize the area."
        ),
        [triple(
            "the women",
            "say",
            "officers still scrutinize the area"
        )]
    );
    let got = reported(
        "Democrats — and some Republicans — say that Trump's alienation of Hispanics far outweighs any gains he is making.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].1, "say");
    assert_eq!(
        got[0].2,
        "Trump's alienation of Hispanics far outweighs any gains he is making"
    );
}

#[test]
fn an_attribution_between_commas_interrupts_a_clause_that_goes_on_with_a_preposition() {
    let got = parts("The argument would be aided, Devine said, by the upcoming primary calendar.");
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].0, got[1].0, "one statement: {got:?}");
    assert_eq!(got[0].1, "The argument would be aided");
    assert_eq!(got[1].1, "by the upcoming primary calendar");
}

#[test]
fn verbs_of_stance_expression_and_listing_attribute_their_object() {
    let got = reported("Republicans assailed the deal as a giveaway to Iran.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(
        (got[0].0.as_str(), got[0].1.as_str()),
        ("Republicans", "assailed")
    );
    let got = reported("The senator expressed concern that the deal would fail.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].1, "expressed");
    assert!(got[0].2.contains("the deal would fail"), "{got:?}");
    // Not the noun: "in favor of".
    assert!(reported("Most voted in favor of the bill.").is_empty());
}

#[test]
fn a_verbless_phrase_opening_the_sentence_is_no_clause_before_its_speaker() {
    assert_eq!(
        reported("In the early 1990s, Ms. Ripert said on Sunday."),
        []
    );
    // A clause there is reported.
    assert_eq!(
        reported("In the early 1990s, prices rose, Ms. Ripert said on Sunday."),
        [triple(
            "Ms. Ripert",
            "said",
            "In the early 1990s, prices rose"
        )]
    );
}

#[test]
fn a_question_asked_of_no_one_named_leaves_out_the_adjuncts_of_the_asking() {
    let got = reported("Asked about it after a Republican debate, Mr. Trump left the stage.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].2, "about it");
    let got = reported(
        "Asked at a briefing Monday about Suu Kyi's future role, the envoy left the room.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].2, "about Suu Kyi's future role");
}

#[test]
fn the_occasion_of_a_statement_is_not_its_content() {
    assert_eq!(
        reported("On Friday, Mr. Carson endorsed Mr. Trump at a news conference at Mar-a-Lago."),
        [triple("Mr. Carson", "endorsed", "Mr. Trump")]
    );
}

#[test]
fn a_negated_cue_reports_what_was_not_said_and_marks_it() {
    let statements = |text: &str| -> Vec<(String, String, bool)> {
        analyze(text, &Options::default())
            .quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Indirect)
            .map(|q| {
                let cue = q.cue.as_ref().expect("a reported statement has a cue");
                (cue.text.clone(), q.text.clone(), cue.negated)
            })
            .collect()
    };
    assert_eq!(
        statements("The governor did not mention the strike by name."),
        [(
            "mention".to_string(),
            "the strike by name".to_string(),
            true
        )]
    );
    assert_eq!(
        statements("The mayor said the bridge would reopen in May."),
        [(
            "said".to_string(),
            "the bridge would reopen in May".to_string(),
            false
        )]
    );
    // A hypothesis or an intention reports nothing: "say" after "declined to" is no cue of
    // its own (the refusal is, as a verb of stance).
    assert!(statements("Would he say the bridge was safe?").is_empty());
    assert_eq!(
        statements("The mayor declined to say whether the bridge was safe."),
        [(
            "declined".to_string(),
            "to say whether the bridge was safe".to_string(),
            false
        )]
    );
}

#[test]
fn a_that_clause_with_its_own_subject_makes_a_noun_like_word_a_verb() {
    assert_eq!(
        reported("Footage shows that several students dressed up for the game."),
        [triple(
            "Footage",
            "shows",
            "several students dressed up for the game"
        )]
    );
    assert_eq!(
        reported("Footage shows he was at the game."),
        [triple("Footage", "shows", "he was at the game")]
    );
    // ... or a clause opening with a name ("don’t think Hillary Clinton can …"), negated
    // with a typographic apostrophe too.
    let got = analyze(
        "Democrats don’t think Hillary Clinton can catch Bernie Sanders in New Hampshire.",
        &Options::default(),
    );
    let q = got
        .quotes
        .iter()
        .find(|q| q.kind == QuoteKind::Indirect)
        .expect("a reported statement");
    assert_eq!(
        q.text,
        "Hillary Clinton can catch Bernie Sanders in New Hampshire"
    );
    assert!(q.cue.as_ref().is_some_and(|c| c.negated));
    // A relative "that" with no subject of its own leaves the noun a noun.
    assert!(
        reported(
            "Most southern states that hold contests in March have large minority populations."
        )
        .is_empty()
    );
}

#[test]
fn a_bare_verb_after_and_goes_on_with_the_clause() {
    // The second verb is the infinitive's, or the plural present's: the first statement
    // holds it (the second verb's own, nested in it, is reported as well).
    assert_eq!(
        reported(
            "Clinton hopes to win the contest on Tuesday and encourage the party to unite behind her."
        ),
        [
            triple(
                "Clinton",
                "hopes",
                "to win the contest on Tuesday and encourage the party to unite behind her"
            ),
            triple("Clinton", "encourage", "the party to unite behind her")
        ]
    );
    // A verb in the past is the speaker's next act of saying: two statements.
    assert_eq!(
        reported("The mayor said the plan had failed and called for an inquiry."),
        [
            triple("The mayor", "said", "the plan had failed"),
            triple("The mayor", "called for", "an inquiry")
        ]
    );
}

#[test]
fn an_inverted_speaker_with_a_lower_case_role_after_says() {
    // "says" after a comma is a verb even before a lower-case word: it is never a noun.
    assert_eq!(
        reported(
            "India has more resonance through its films, says political scientist Dossym Satpayev."
        ),
        [triple(
            "political scientist Dossym Satpayev",
            "says",
            "India has more resonance through its films"
        )]
    );
}

#[test]
fn the_subject_of_a_subordinate_clause_with_no_comma_before_its_verb() {
    assert_eq!(
        reported(
            "And while a Marquette Law School poll released last week showed Clinton poised to carry the state over Trump, the race was close."
        ),
        [triple(
            "a Marquette Law School poll released last week",
            "showed",
            "Clinton poised to carry the state over Trump"
        )]
    );
}

#[test]
fn a_speaker_before_an_aside_between_dashes_or_an_apposition() {
    assert_eq!(
        reported(
            "Some economists — including a minority of the committee — warn that the central bank could undermine growth."
        ),
        [triple(
            "Some economists",
            "warn",
            "the central bank could undermine growth"
        )]
    );
    // (a relative clause in the aside)
    assert_eq!(
        reported(
            "Byrne — who was posted at the door for three years — states that the assignment was a punishment."
        ),
        [triple("Byrne", "states", "the assignment was a punishment")]
    );
    // A document's finding with an apposition after the document.
    assert_eq!(
        reported(
            "The survey, conducted by the Public Policy Institute of California, finds Clinton with a small lead."
        ),
        [triple("The survey", "finds", "Clinton with a small lead")]
    );
}

#[test]
fn an_infinitive_with_be_is_what_the_verb_attributes() {
    assert_eq!(
        reported("Some seek to be removed from the lists."),
        [triple("Some", "seek", "to be removed from the lists")]
    );
    // (not an anonymous source's formula)
    assert!(
        reported("An aide, who declined to be named, was at the meeting.")
            .iter()
            .all(|(_, cue, _)| cue != "declined")
    );
}

#[test]
fn a_plural_head_before_a_prepositional_phrase_is_the_subject() {
    assert_eq!(
        reported("Audit files from NGP VAN show that four accounts conducted searches."),
        [triple(
            "Audit files from NGP VAN",
            "show",
            "four accounts conducted searches"
        )]
    );
}

#[test]
fn a_negated_auxiliary_stands_between_the_speaker_and_the_verb() {
    assert_eq!(
        reported("Democrats don’t think Hillary Clinton can win."),
        [triple("Democrats", "think", "Hillary Clinton can win")]
    );
    let r = reported("Only, CNN didn't report that Carson was dropping out.");
    assert_eq!(r, [triple("CNN", "report", "Carson was dropping out")]);
    // "continue to believe" reports, like "continued to say".
    assert_eq!(
        reported("I continue to believe that the plan will work."),
        [triple("I", "believe", "the plan will work")]
    );
}

#[test]
fn according_to_with_no_comma_before_it_reports_the_clause_before() {
    assert_eq!(
        reported("Clinton now leads Trump 46 percent to 39 percent according to a CBS poll."),
        [triple(
            "a CBS poll",
            "according to",
            "Clinton now leads Trump 46 percent to 39 percent"
        )]
    );
}

#[test]
fn that_before_one_noun_is_a_demonstrative() {
    assert_eq!(
        reported("Priebus rejected that idea."),
        [triple("Priebus", "rejected", "that idea")]
    );
    assert_eq!(
        reported("Priebus said that voters were angry."),
        [triple("Priebus", "said", "voters were angry")]
    );
}

#[test]
fn a_verb_after_begun_to_or_continue_to_reports() {
    assert_eq!(
        reported("But Sanders has begun to rebut that criticism."),
        [triple("Sanders", "rebut", "that criticism")]
    );
    // (not one after a verb of intention)
    assert!(
        reported("Sanders wants to rebut that criticism.")
            .iter()
            .all(|(_, cue, _)| cue != "rebut")
    );
}

#[test]
fn a_duration_before_that_is_an_adjunct() {
    assert_eq!(
        reported("The Saudis have said for years that they would support the release."),
        [triple(
            "The Saudis",
            "said",
            "they would support the release"
        )]
    );
}

#[test]
fn an_apposition_after_an_opening_conjunction_and_a_question_in_brackets() {
    assert_eq!(
        reported(
            "And Ada Fisher, one of a handful of members, said Trump will exceed expectations."
        ),
        [triple(
            "Ada Fisher",
            "said",
            "Trump will exceed expectations"
        )]
    );
    // A question in brackets is an aside: the sentence still reports.
    assert_eq!(
        reported("He said that he had no time to think about it (really?) and would rest."),
        [triple(
            "He",
            "said",
            "he had no time to think about it (really?) and would rest"
        )]
    );
}

#[test]
fn documents_in_the_plural_speak() {
    assert_eq!(
        reported("The emails show that the aide took directions from the campaign."),
        [triple(
            "The emails",
            "show",
            "the aide took directions from the campaign"
        )]
    );
}

#[test]
fn a_poll_out_on_a_day_speaks() {
    assert_eq!(
        reported("A Monmouth poll out Monday showed Clinton with a healthy lead over Sanders."),
        [triple(
            "A Monmouth poll",
            "showed",
            "Clinton with a healthy lead over Sanders"
        )]
    );
}

#[test]
fn a_passive_verb_of_saying_with_its_agent_reports_its_subject() {
    assert_eq!(
        reported("O’Malley’s move was first reported by MSNBC."),
        [triple("MSNBC", "reported", "O’Malley’s move")]
    );
    assert_eq!(
        reported("Ash wrote in the email, which was first reported by The Associated Press."),
        [triple("The Associated Press", "reported", "which")]
    );
    // (without an agent, a passive reports nothing of its subject's)
    assert!(reported("The meeting was reported on Monday.").is_empty());
}

#[test]
fn a_relative_clause_between_commas_before_its_verb_stays_in_the_report() {
    assert_eq!(
        reported(
            "The governor said the ruling, which struck down the new rules, would hurt small clinics."
        ),
        [triple(
            "The governor",
            "said",
            "the ruling, which struck down the new rules, would hurt small clinics"
        )]
    );
    // (one that ends the sentence is the writer's gloss on the noun)
    assert_eq!(
        reported("The mayor praised the new director, who started work in May."),
        [triple("The mayor", "praised", "the new director")]
    );
}

#[test]
fn one_word_that_names_something_is_a_statement_a_pronoun_is_not() {
    assert_eq!(
        reported("Clinton claimed victory."),
        [triple("Clinton", "claimed", "victory")]
    );
    assert_eq!(
        reported("Most Republicans support deportation."),
        [triple("Most Republicans", "support", "deportation")]
    );
    assert!(reported("Politicians know it.").is_empty());
    assert!(reported("Democratic voters kept showing up.").is_empty());
}

#[test]
fn an_adjunct_of_time_with_for_stands_between_a_verb_and_its_that_clause() {
    assert_eq!(
        reported(
            "The inspector general said for the first time that classified intelligence had passed through the server."
        ),
        [triple(
            "The inspector general",
            "said",
            "classified intelligence had passed through the server"
        )]
    );
}

#[test]
fn a_verb_that_is_never_a_noun_follows_a_capitalized_word_in_a_headline() {
    assert_eq!(
        reported("Republican assails elites as he accepts party nomination."),
        [triple(
            "Republican",
            "assails",
            "elites as he accepts party nomination"
        )]
    );
    assert_eq!(
        reported("General Electric warns investors that profits will fall."),
        [triple("General Electric", "warns", "profits will fall")]
    );
}

#[test]
fn a_verb_of_aspect_before_a_participle_goes_with_the_verb() {
    assert_eq!(
        reported("Trump has lately started asking his supporters to raise their hands."),
        [triple(
            "Trump",
            "asking",
            "his supporters to raise their hands"
        )]
    );
}

#[test]
fn a_document_before_a_place_is_the_speaker_up_to_the_verb() {
    assert_eq!(
        reported("A survey of 1,000 adults in Iowa showed that Trump leads."),
        [triple(
            "A survey of 1,000 adults in Iowa",
            "showed",
            "Trump leads"
        )]
    );
}

#[test]
fn what_a_document_shows_stands_where_its_subject_is_not_found() {
    assert_eq!(
        reported(
            "Records obtained by the newspaper and kept under seal for years showed she was fit for duty."
        ),
        [triple("", "showed", "she was fit for duty")]
    );
    // (not another verb: "showed up")
    assert!(reported("Hundreds of volunteers showed up at the firehouse.").is_empty());
}

#[test]
fn an_adverbial_opening_the_clause_is_no_apposition() {
    assert_eq!(
        reported(
            "Mr. Smith posited that for a more marginal group like farmers, the unemployment rate carries more weight."
        ),
        [triple(
            "Mr. Smith",
            "posited",
            "for a more marginal group like farmers, the unemployment rate carries more weight"
        )]
    );
}

#[test]
fn a_time_that_ends_the_clause_is_the_statements_own() {
    assert_eq!(
        reported("Trump said Obama was the founder of ISIS on Wednesday at a Florida rally."),
        [triple("Trump", "said", "Obama was the founder of ISIS")]
    );
    assert_eq!(
        reported("Cruz blasted Trump's call for a deportation force on Wednesday."),
        [triple(
            "Cruz",
            "blasted",
            "Trump's call for a deportation force"
        )]
    );
    // (a time inside the clause stays, and one the clause looks ahead to)
    assert_eq!(
        reported("He said he would leave on Wednesday for Iowa."),
        [triple("He", "said", "he would leave on Wednesday for Iowa")]
    );
    assert_eq!(
        reported("She said the union would meet again on Tuesday."),
        [triple(
            "She",
            "said",
            "the union would meet again on Tuesday"
        )]
    );
}

#[test]
fn made_clear_reports_its_clause_with_it_or_without() {
    assert_eq!(
        reported("Sanders has made clear that the party must change."),
        [triple("Sanders", "made clear", "the party must change")]
    );
    assert_eq!(
        reported("Davis made it clear that the comment hurt."),
        [triple("Davis", "made it clear", "the comment hurt")]
    );
}

#[test]
fn the_matter_after_of_or_for_is_what_was_said() {
    assert_eq!(
        reported("He spoke briefly of his friendship with Mr. Trump."),
        [triple("He", "spoke", "his friendship with Mr. Trump")]
    );
    assert_eq!(
        reported("Ted Cruz apologized for his campaign’s decision."),
        [triple("Ted Cruz", "apologized", "his campaign’s decision")]
    );
    assert_eq!(
        reported("She spoke passionately about her father's drive."),
        [triple("She", "spoke", "her father's drive")]
    );
    // (not a duration: "spoke for 77 minutes")
    assert!(reported("Trump spoke for 77 minutes.").is_empty());
}

#[test]
fn a_form_that_is_only_a_participle_needs_its_auxiliary() {
    assert!(reported("Dates written for other languages are normalised.").is_empty());
    assert_eq!(
        reported("She has written about her father's drive."),
        [triple("She", "written", "her father's drive")]
    );
}

#[test]
fn according_to_after_a_colon_opens_its_clause() {
    assert_eq!(
        reported(
            "It has not gone unnoticed: According to recent polls, Trump holds only 14 percent."
        ),
        [triple(
            "recent polls",
            "According to",
            "Trump holds only 14 percent"
        )]
    );
}

#[test]
fn an_attribution_opened_by_as_reports_the_rest_of_the_sentence() {
    assert_eq!(
        reported(
            "As Hedrick Smith reported in his book, the party bosses had lavish country houses."
        ),
        [triple(
            "Hedrick Smith",
            "reported",
            "the party bosses had lavish country houses"
        )]
    );
    assert_eq!(
        reported(
            "As reported by Western Journalism, investigators found over 2,200 emails on the server."
        ),
        [triple(
            "Western Journalism",
            "reported",
            "investigators found over 2,200 emails on the server"
        )]
    );
    assert_eq!(
        reported(
            "Invoking Weimar Germany is a classic scare tactic, as David Dayen noted in The Intercept."
        ),
        [triple(
            "David Dayen",
            "noted",
            "Invoking Weimar Germany is a classic scare tactic"
        )]
    );
    assert_eq!(
        reported("As he put it, the deal is dead."),
        [triple("he", "put", "the deal is dead")]
    );
    // (not "as" of time with a verb that reports nothing: "as the crowd cheered")
    assert!(reported("Clinton took the stage, as the crowd cheered.").is_empty());
}

#[test]
fn a_transcripts_lines_report_what_each_speaker_says() {
    let text = "Governor talks healing\n\nTAPPER: Do you think he has campaigned as a healer?\n\nFALLIN: Well, I think the whole nation needs to work together. We all need to heal.\n\nUPDATE: This story has been updated.";
    assert_eq!(
        reported(text),
        [
            // (the interviewer's question is what the interviewer said)
            triple("TAPPER", ":", "Do you think he has campaigned as a healer"),
            triple(
                "FALLIN",
                ":",
                "Well, I think the whole nation needs to work together. We all need to heal"
            ),
            triple("I", "think", "the whole nation needs to work together")
        ]
    );
    // (one label and its colon is no transcript)
    assert!(
        reported("Headline\n\nUPDATE: This story has been updated with new figures.").is_empty()
    );
}

#[test]
fn a_verb_before_an_infinitive_stands_with_no_speaker_found() {
    // (the subject, a phrase with a number and two prepositions, is out of reach)
    assert_eq!(
        reported("The poll of voters in all 50 states pledged to fight the ruling."),
        [triple("", "pledged", "to fight the ruling")]
    );
}

#[test]
fn hearsay_inside_another_speakers_report_is_not_the_writers() {
    let got = reported(
        "Trump told supporters the tale of a general allegedly halting attacks in the Philippines.",
    );
    assert!(got.iter().all(|(_, c, _)| c != "allegedly"), "{got:?}");
    assert_eq!(
        reported("The deal allegedly cost the state millions of dollars."),
        [triple(
            "",
            "allegedly",
            "The deal allegedly cost the state millions of dollars"
        )]
    );
}

#[test]
fn a_second_speakers_statement_joined_by_and_ends_the_first() {
    assert_eq!(
        reported(
            "Most voters said they were very worried about the economy, and more than 4 in 10 said Trump would be best."
        ),
        [
            triple(
                "Most voters",
                "said",
                "they were very worried about the economy"
            ),
            triple("more than 4 in 10", "said", "Trump would be best")
        ]
    );
}

#[test]
fn a_quotation_in_doubled_apostrophes_after_the_cue_is_what_it_reports() {
    // An adverbial before the speaker is the writer's, not the opening of the quotation.
    assert_eq!(
        reported(
            "The crowd cheered.\n\nLast year, as a protester was being removed from an event in Las Vegas, Mr. Trump said, ''I'd like to punch him in the face.''"
        ),
        [triple(
            "Mr. Trump",
            "said",
            "''I'd like to punch him in the face.''"
        )]
    );
    // After an adjunct and a colon, and after any words and a colon.
    let got = reported(
        "The emails were released.\n\nAsked about the emails, the campaign said in a statement: ''Neither of these emails involves the secretary.''",
    );
    assert!(
        got.contains(&triple(
            "the campaign",
            "said",
            "''Neither of these emails involves the secretary.''"
        )),
        "{got:?}"
    );
    assert_eq!(
        reported(
            "She did not relent.\n\nIn 2010 she said of gay couples: ''Nobody's stopping them. The problem is that they want more.''"
        ),
        [triple(
            "she",
            "said",
            "''Nobody's stopping them. The problem is that they want more.''"
        )]
    );
    // One word is enough inside the marks, and the speaker is the subject of the verb the
    // cue is coordinated with, not the opening participle's.
    let got = reported(
        "The talk turned.\n\nAsked whether Mr. Clinton would hold a cabinet position, Mrs. Clinton shook her head and said, ''No.''",
    );
    assert!(
        got.contains(&triple("Mrs. Clinton", "said", "''No.''")),
        "{got:?}"
    );
    // A quotation that goes on in lower case continues the clause before the speaker.
    let got = reported(
        "The city was quiet.\n\nThe streets were deserted, he added, ''but people need to connect somehow.''",
    );
    assert!(
        got.iter()
            .any(|(_, _, t)| t.starts_with("The streets were deserted")),
        "{got:?}"
    );
}

#[test]
fn a_quotation_in_doubled_apostrophes_before_a_speaker_with_an_apposition() {
    let got = reported(
        "The video spread.\n\n''He deserved it,'' the assailant, John McGraw, told the television program ''Inside Edition'' after the confrontation.",
    );
    assert_eq!(
        got,
        [triple(
            "the assailant, John McGraw",
            "told",
            "''He deserved it,''"
        )]
    );
    // A quotation inside, in single marks, closing with the outer ones: three apostrophes.
    assert_eq!(
        reported(
            "Bush was praised.\n\n''I would use the word 'old-school,''' said Gregory W. Slayton, a former envoy."
        ),
        [triple(
            "Gregory W. Slayton",
            "said",
            "''I would use the word 'old-school,'''"
        )]
    );
    // A relative clause on the adjunct after the verb leaves the attribution whole.
    assert_eq!(
        reported(
            "The city bought the course.\n\n''We wanted to control the real estate,'' Michael C. Cernech, the city manager, said of the course, which is now called the Honda Classic."
        ),
        [triple(
            "Michael C. Cernech",
            "said",
            "''We wanted to control the real estate,''"
        )]
    );
}

#[test]
fn a_subhead_in_single_marks_does_not_take_the_attribution_before_it() {
    // In an American house style (here, doubled apostrophes) a paragraph in single marks is
    // a subhead, not the previous speaker going on: the statement before it stands.
    let got = reported(
        "Jobs left.\n\n''When I learned about trade, the theory was that workers would be 'released' into the labor market,'' Mr. Autor said.\n\n'Pretty cool working there.'\n\nThe workers met at a bar.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "Mr. Autor");
    assert!(got[0].2.starts_with("''When I learned"), "{got:?}");
}

#[test]
fn a_quotation_opening_the_clause_runs_to_its_closing_marks() {
    // The writer's cuts (an apposition, "and" with a new subject, a relative clause) do not
    // apply inside the speaker's own words.
    assert_eq!(
        reported(
            "The troops arrived.\n\nCol. Steven H. Warren said, ''I mean, a raid is a combat operation. There is no way around that.''"
        ),
        [triple(
            "Col. Steven H. Warren",
            "said",
            "''I mean, a raid is a combat operation. There is no way around that.''"
        )]
    );
    assert_eq!(
        reported(
            "He had his say.\n\nSchilling added: ''I don't care what they are, who they sleep with, and they know it.''"
        ),
        [triple(
            "Schilling",
            "added",
            "''I don't care what they are, who they sleep with, and they know it.''"
        )]
    );
    // One opening inside the clause too; and after an adverb and a colon.
    let got = reported(
        "She spoke last.\n\nMrs. Warren praised her, saying she had ''steady hands, but most of all, she has a good heart.''",
    );
    assert!(
        got.contains(&triple(
            "Mrs. Warren",
            "saying",
            "she had ''steady hands, but most of all, she has a good heart.''"
        )),
        "{got:?}"
    );
    assert_eq!(
        reported(
            "She smiled.\n\nThen she added warily: ''There's always something - something that can come at you.''"
        ),
        [triple(
            "she",
            "added",
            "''There's always something - something that can come at you.''"
        )]
    );
    // A partial quotation may end before the clause does.
    let got = reported(
        "The war went on.\n\nMrs. Clinton said ''this cannot be an American fight'' and that the United States should not bear the cost.",
    );
    assert_eq!(
        got[0].2,
        "''this cannot be an American fight'' and that the United States should not bear the cost"
    );
}

#[test]
fn a_comparison_after_a_comma_is_the_writers() {
    let got = reported(
        "The poll was released.\n\nAlmost half said they wanted a nominee from outside the political establishment, compared with a third of Democrats.",
    );
    assert!(
        got.contains(&triple(
            "Almost half",
            "said",
            "they wanted a nominee from outside the political establishment"
        )),
        "{got:?}"
    );
    // ("compared with" after a comma is no cue of its own)
    assert!(got.iter().all(|(_, c, _)| c != "compared"), "{got:?}");
}

#[test]
fn a_clause_inside_the_matter_after_of_relates_to_its_noun() {
    assert_eq!(
        reported("Seacord complained of the economic and power imbalance he sees in this country."),
        [triple(
            "Seacord",
            "complained",
            "the economic and power imbalance he sees in this country"
        )]
    );
    // (after a time or a medium, a pronoun still opens the clause)
    assert_eq!(
        reported("Smith said in a statement Thursday night they pulled out."),
        [triple("Smith", "said", "they pulled out")]
    );
}

#[test]
fn a_second_act_of_saying_after_and_and_an_adverb_ends_the_first() {
    let got = reported(
        "He spoke at length.\n\nHe mocked his rival's famous appearance during the war and pointedly said the country was not safe.",
    );
    assert!(
        got.contains(&triple(
            "He",
            "mocked",
            "his rival's famous appearance during the war"
        )),
        "{got:?}"
    );
    assert!(
        got.contains(&triple("He", "said", "the country was not safe")),
        "{got:?}"
    );
    // (not after a negation: the clause's own subject goes on)
    let got = reported(
        "The race went on.\n\nCanova said he has not held fundraising dinners and never called a donor to ask for money.",
    );
    assert!(
        got.contains(&triple(
            "Canova",
            "said",
            "he has not held fundraising dinners and never called a donor to ask for money"
        )),
        "{got:?}"
    );
}

#[test]
fn a_question_holding_a_title_in_quotation_marks_ends_at_its_comma() {
    let got = reported(
        "The senator held out.\n\nAsked why he had yet to endorse her during an appearance Friday on \"CBS This Morning,\" Sanders said he had not heard her say the things that need to be said.",
    );
    assert!(
        got.contains(&triple(
            "",
            "Asked",
            "why he had yet to endorse her during an appearance Friday on \"CBS This Morning,\""
        )),
        "{got:?}"
    );
    assert!(
        got.contains(&triple(
            "Sanders",
            "said",
            "he had not heard her say the things that need to be said"
        )),
        "{got:?}"
    );
}

#[test]
fn an_interrupted_clause_opens_after_a_dash_and_its_joining_word() {
    let got = reported(
        "He held a rally.\n\nHe now had a rally scheduled for that night - and the permit, his campaign said, had been hard to get.",
    );
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0], triple("his campaign", "said", "the permit"));
    assert_eq!(
        got[1],
        triple("his campaign", "said", "had been hard to get")
    );
}

#[test]
fn a_speaker_after_the_verb_with_a_relative_clause_ends_the_clause_before() {
    let got = reported(
        "The meeting was tense.\n\nMr. Obama warned the Chinese leader not to move on the shoal, said an American official who was briefed on the details of the encounter.",
    );
    assert!(
        got.contains(&triple(
            "an American official",
            "said",
            "Mr. Obama warned the Chinese leader not to move on the shoal"
        )),
        "{got:?}"
    );
    assert!(
        got.contains(&triple(
            "Mr. Obama",
            "warned",
            "the Chinese leader not to move on the shoal"
        )),
        "{got:?}"
    );
    // A relative clause on the subject ends at the sentence's own verb.
    let got = reported(
        "The governor spoke.\n\nGov. John Kasich of Ohio, who has refused to endorse Mr. Trump, said the family deserved better.",
    );
    assert!(
        got.contains(&triple("who", "refused", "to endorse Mr. Trump")),
        "{got:?}"
    );
}

#[test]
fn an_apposition_closed_before_a_past_form_without_ed_stays_in() {
    assert_eq!(
        reported(
            "The ads changed.\n\nThe reports show Conservative Solutions PAC, an outside group boosting Rubio, made a major change in its advertising plans."
        ),
        [triple(
            "The reports",
            "show",
            "Conservative Solutions PAC, an outside group boosting Rubio, made a major change in its advertising plans"
        )]
    );
}

#[test]
fn a_predicate_joined_after_the_attribution_goes_on_with_the_clause() {
    let got = reported(
        "The pilot was named.\n\nHe had no known political affiliations, the airline added, and had passed all background security checks.",
    );
    assert_eq!(
        got,
        [
            triple(
                "the airline",
                "added",
                "He had no known political affiliations"
            ),
            triple(
                "the airline",
                "added",
                "and had passed all background security checks"
            )
        ]
    );
    // (not another speaker's statement: "…, he said, and she said …" stays apart)
    let got =
        reported("It was late.\n\nThe plan failed, he said, and she said it would be tried again.");
    assert!(
        got.contains(&triple("she", "said", "it would be tried again")),
        "{got:?}"
    );
    assert!(
        got.contains(&triple("he", "said", "The plan failed")),
        "{got:?}"
    );
}
