//! Embedded social posts, found before quotations so that a post's own quotation marks are
//! not taken for the article's.
//!
//! Two forms are read here:
//! - a flattened tweet, the way scrapers leave an embed behind:
//!   `text pic.twitter.com/xyz— Name (@handle) April 8, 2020` (the dash may be `—`, `--`,
//!   `&mdash;` or spaced); candidates are found with `memchr` on `(@`;
//! - a `<tweet …>text</tweet>` element, the form some corpora store embeds in.
//!
//! Each post's span is masked for the later stages.

use crate::lexicon::{Class, LEXICON};
use crate::model::{Post, Span, TextStart};
pub(crate) mod author_kind;

mod clock;
mod date;
mod flattened;
mod layout;
pub(crate) mod markup;
mod platform;
mod run_in;
mod scan;
mod tags;

use clock::*;
pub(crate) use clock::{DATE_LEADS, clock};
use date::*;
pub(crate) use date::{month, parse_date};
pub(crate) use flattened::original_sound;
use flattened::*;
use layout::*;
pub(crate) use platform::id_in_url;
use platform::*;
use run_in::*;
pub(crate) use scan::find;
pub(crate) use tags::markup;

/// The document the post readers look at: its text and its lines.
struct Doc<'a> {
    text: &'a str,
    paragraphs: &'a [Span],
}

/// The phrases of a word class (words joined by "_" in the data), each followed by `end`.
fn phrases(class: Class, end: &str) -> Vec<String> {
    class
        .words()
        .map(|w| format!("{}{end}", w.replace('_', " ")))
        .collect()
}

/// The dashes that open a flattened attribution ("— Name (@handle) Date").
const ATTRIBUTION_DASHES: [&str; 4] = ["—", "&mdash;", "--", "–"];

#[cfg(test)]
mod tests {
    use super::scan::rejoined;
    use super::*;
    use crate::segment::paragraphs;

    /// The text of the first post found in `text`.
    fn first_text(text: &str) -> String {
        let posts = find(text, &paragraphs(text));
        posts[0].text.clone().unwrap_or_default()
    }

    #[test]
    fn posts_are_measured_as_their_platform_counts() {
        let tweet = |max: usize, s: &str| fits_from(s, Limit { max, twitter: true });
        // A link counts 23, a picture's link nothing, a link that ends the tweet (a quoted
        // tweet's may be) nothing.
        assert_eq!(tweet(10, "ab pic.twitter.com/x1"), 0);
        assert_eq!(
            tweet(10, "ab https://t.co/x1 cd"),
            "ab https://t.co/x1 ".len()
        );
        assert_eq!(tweet(26, "ab https://t.co/x1 cd"), 3);
        assert_eq!(tweet(29, "ab https://t.co/x1 cd"), 0);
        assert_eq!(tweet(3, "ab https://t.co/x1"), 0);
        assert_eq!(tweet(24, "ab https://t.co/x1 pic.twitter.com/x2"), 3);
        // A CJK character counts 2: five fit in ten.
        assert_eq!(tweet(10, "港湾局は月曜日に発表"), "港湾局は月".len());
        // Latin letters count 1; the rest that fits is found within the last word.
        assert_eq!(tweet(10, "abcdefghijkl"), 2);
        let caption = |s: &str| {
            fits_from(
                s,
                Limit {
                    max: 4,
                    twitter: false,
                },
            )
        };
        assert_eq!(caption("港湾局は月曜"), "港湾".len());
    }

    #[test]
    fn sentences_start_after_their_stop() {
        assert!(sentence_starts("cancelled. ", '#'));
        assert!(sentence_starts("cancelled. ", '⚠'));
        assert!(sentence_starts("at noon.", 'T'));
        assert!(!sentence_starts("version 3.", '5'));
        assert!(!sentence_starts("e.g. ", 'x'));
        assert!(sentence_starts("発表した。", '本'));
        assert!(!sentence_starts("the ", 'T'));
        // A stop inside a closing parenthesis; a bare link or a date that ends a line.
        assert!(sentence_starts("(und so weiter etc.“) ", 'V'));
        assert!(!sentence_starts("(und so weiter etc.) ", 'v'));
        assert!(sentence_starts(
            "https://twitter.com/x/status/1522266202730639361 ",
            'E'
        ));
        assert!(sentence_starts("Title , Source, January 29, 2019 ", 'A'));
        assert!(sentence_starts(
            "総務省 , NHKニュース, 2019年1月25日 ",
            '全'
        ));
        assert!(!sentence_starts("in 2019 ", 'T'));
    }

    #[test]
    fn a_link_card_or_a_link_above_a_spaced_post_is_the_article_s() {
        // A spaced extractor runs a card ("Title , Source, Date") or the post's own link
        // into the post: it starts after them, even where the card fits its length.
        let text = "The ministry's plan drew criticism. Ministry to scan home routers , \
                    Daily News, January 29, 2019 The state will now knock on every door. \
                    https://t.co/abcdefghij — Daily News (@dailynews) January 29, 2019";
        assert_eq!(
            first_text(text),
            "The state will now knock on every door. https://t.co/abcdefghij"
        );
        let text = "Los camaristas confirmaron el fallo, informó Raúl Ramírez, periodista. \
                    https://twitter.com/rr/status/1522266202730639361 El Tribunal rechazó el \
                    pedido de la defensa de la secretaria en un fallo de este jueves por la \
                    tarde, en la sede del Poder Judicial de la capital del país, tras una \
                    audiencia de varias horas que se extendió hasta la noche con los abogados \
                    de ambas partes. pic.twitter.com/ii3QhQDpeE — Raúl Ramírez (@rr) May 5, 2022";
        assert!(first_text(text).starts_with("El Tribunal rechazó"));
    }

    #[test]
    fn markdown_wrapped_at_a_width_is_read_unwrapped() {
        // html2text's default output wraps at 78 columns, inside quotations too; a line that
        // ends in two spaces is a hard break, not a wrap.
        let text = "Er kommentiert den Beschluss.\n\n\
                    > Nach der Vereinigung freue ich mich schon sehr auf die nächste\n\
                    > Vereinigung, liebe Leute.\n\
                    >\n\
                    > — Peter Wittkamp🐬 (@diktator) [25\\. September\n\
                    > 2018](https://twitter.com/diktator/status/1044502590266978309)\n\n\
                    > [A post shared by Chateau La Coste\n\
                    > (@chateaulacoste)](https://www.instagram.com/p/Ci22crtrcRL/)\n\n\
                    > Preise explodieren.  \n\
                    > Viele wissen nicht weiter.\n\
                    >\n\
                    > Posted by [Pamela Rendi-\n\
                    > Wagner](https://www.facebook.com/x) on Sunday, February 6, 2022\n";
        let posts = find(text, &paragraphs(text));
        assert_eq!(posts.len(), 3, "{posts:?}");
        assert_eq!(posts[0].date.as_deref(), Some("2018-09-25"));
        assert_eq!(
            posts[0].text.as_deref(),
            Some(
                "Nach der Vereinigung freue ich mich schon sehr auf die nächste Vereinigung, liebe Leute."
            )
        );
        assert_eq!(posts[1].handle.as_deref(), Some("@chateaulacoste"));
        assert_eq!(posts[1].author_name.as_deref(), Some("Chateau La Coste"));
        assert_eq!(posts[2].author_name.as_deref(), Some("Pamela Rendi-Wagner"));
        assert_eq!(
            posts[2].text.as_deref(),
            Some("Preise explodieren. Viele wissen nicht weiter.")
        );
        // Offsets are the text's own.
        assert!(text[posts[0].start..].starts_with("Nach der Vereinigung"));
        assert!(text[..posts[0].end].ends_with("1044502590266978309)"));
        assert_eq!(rejoined("well- known  x-   y"), "well- known x-y");
    }

    #[test]
    fn each_text_node_on_a_line_of_its_own() {
        // BeautifulSoup's get_text("\n"): the date below "on", a card's line that ends with a
        // date above a tweet, the previous post's date line not taken for text.
        let text = "Die Spice Girls posteten ein Foto.\n\
                    View this post on Instagram\n\
                    A post shared by Spice Girls (@spicegirls)\n\
                    on\n\
                    Jun 16, 2019 at 7:30am PDT\n\
                    Auf dem Foto ist Adele zu sehen.\n\
                    — 加藤郁美 (@katoikumi)\n\
                    January 26, 2019\n\
                    国がIoT機器を調査へ\n\
                    , AbemaTIMES, 2019年1月29日\n\
                    どうやって調査するのか？\n\
                    https://t.co/ONsrLJr4u1\n\
                    — Justy (@i_justy)\n\
                    January 28, 2019\n";
        let posts = find(text, &paragraphs(text));
        assert_eq!(posts.len(), 3, "{posts:?}");
        assert_eq!(posts[0].date.as_deref(), Some("2019-06-16"));
        assert!(text[..posts[0].end].ends_with("7:30am PDT"));
        assert_eq!(posts[1].date.as_deref(), Some("2019-01-26"));
        assert_eq!(posts[2].date.as_deref(), Some("2019-01-28"));
        assert_eq!(
            posts[2].text.as_deref(),
            Some("どうやって調査するのか？ https://t.co/ONsrLJr4u1")
        );
    }

    #[test]
    fn a_layout_keeping_extractor_indents_the_embed_as_one_block() {
        // inscriptis keeps the page's indentation and sets the tweet's paragraphs apart with
        // blank lines: the lines indented as the attribution are the post's.
        let text = "        The same effect appears when wearing sunglasses.\n\n\
                    \x20         How iOS 13 FaceTime Attention Correction works: it uses ARKit.\n\n\
                    \x20         Notice the warping of the line. pic.twitter.com/U7PMa4oNGN\n\n\
                    \x20         — Dave Schukin (@schukin) July 3, 2019\n\n\
                    \x20       It is not clear which devices will get it.\n";
        assert_eq!(
            first_text(text),
            "How iOS 13 FaceTime Attention Correction works: it uses ARKit. Notice the warping \
             of the line. pic.twitter.com/U7PMa4oNGN"
        );
    }

    #[test]
    fn an_embed_s_header_tops_its_post() {
        // A post without a caption under its header has no text: the article's paragraph
        // above the header is not the post's (in any of the header's languages).
        for header in [
            "View this post on Instagram",
            "Sieh dir diesen Beitrag auf Instagram an",
        ] {
            let text = format!(
                "Heute sehe ich das anders.\n\n{header}\n\n\
                 Ein Beitrag geteilt von Verbündete (@verbuendete_r_sein)\n"
            );
            let posts = find(&text, &paragraphs(&text));
            assert_eq!(posts.len(), 1);
            assert_eq!(posts[0].text, None, "{header}");
        }
        let text = "Heute sehe ich das anders.\n\nVoir cette publication sur Instagram\n\n\
                    Une légende.\n\n\
                    Une publication partagée par Verbündete (@verbuendete_r_sein)\n";
        assert_eq!(first_text(text), "Une légende.");
    }

    #[test]
    fn clock_times() {
        assert_eq!(clock("June 14, 2021 at 7:20 PM").as_deref(), Some("19:20"));
        assert_eq!(
            clock("Jun 14, 2021 at 11:02am PDT").as_deref(),
            Some("11:02")
        );
        assert_eq!(clock("12:05 am").as_deref(), Some("00:05"));
        assert_eq!(clock("no time").as_deref(), None);
        // After a flattened post's date: the time where the clock says which, and its bytes.
        fn after(s: &str) -> Option<(Option<String>, &str)> {
            clock_after_date(s).map(|(t, n)| (t, &s[..n]))
        }
        assert_eq!(
            after(" at 7:30am PST Talks resume"),
            Some((Some("07:30".to_string()), " at 7:30am PST"))
        );
        assert_eq!(
            after(" at 7:20 PM The storm"),
            Some((Some("19:20".to_string()), " at 7:20 PM"))
        );
        assert_eq!(
            after(" um 0:31 Uhr Die"),
            Some((Some("00:31".to_string()), " um 0:31 Uhr"))
        );
        assert_eq!(after(" um 4:47 PDT"), Some((None, " um 4:47 PDT")));
        assert_eq!(after(" at the harbour"), None);
    }

    #[test]
    fn a_handle_escaped_by_markdown() {
        let text = "Wir bauen auf.\n\n\
                    — Frank Thelen (@frank\\_thelen) [6. März 2018](https://twitter.com/frank_thelen/status/971100857189195777)";
        let posts = find(text, &paragraphs(text));
        assert_eq!(posts.len(), 1);
        assert_eq!(posts[0].handle.as_deref(), Some("@frank_thelen"));
        assert_eq!(posts[0].date.as_deref(), Some("2018-03-06"));
        // trafilatura's markdown: the linked date on the line below.
        let text = "Drinking game for web devs: (1) Think of a noun\n\n\
                    — Shay Friedman (@ironshay)\n    \
                    [August 22, 2013](https://twitter.com/ironshay/statuses/370525864523743232)\n";
        let posts = find(text, &paragraphs(text));
        assert_eq!(posts[0].date.as_deref(), Some("2013-08-22"));
        assert_eq!(posts[0].post_id.as_deref(), Some("370525864523743232"));
    }

    #[test]
    fn a_spaced_post_without_a_sentence_start_starts_at_a_word() {
        // No sentence starts within the post's length: the post starts at a whole word, not
        // at the start of the article's line (the post's span would swallow the article).
        let article = "word ".repeat(80);
        let text =
            format!("{article}and then some more words. — Jo Bloggs (@jobloggs) May 5, 2022");
        let posts = find(&text, &paragraphs(&text));
        assert_eq!(posts.len(), 1);
        let t = posts[0].text.as_deref().unwrap_or_default();
        assert!(t.ends_with("more words.") && t.starts_with("word "), "{t}");
        assert!(posts[0].start > 0 && text[posts[0].start..].starts_with("word "));
        assert!(t.len() < 320, "{}", t.len());
    }

    #[test]
    fn a_quoted_tweet_s_link_is_not_counted() {
        // 280 characters and the link of the tweet it quotes: the whole is the post.
        let article = "Er bezog mit deutlichen Worten Stellung.";
        let tweet = format!(
            "{} https://t.co/WyXDMUqEGa",
            "Das ist so. ".repeat(23).trim_end()
        );
        let text = format!("{article} {tweet} — Jo Bloggs (@jobloggs) 2. Juni 2018");
        assert_eq!(first_text(&text), tweet);
    }

    #[test]
    fn dates_in_english_forms() {
        assert_eq!(parse_date("April 8, 2020 more").unwrap().0, "2020-04-08");
        assert_eq!(parse_date("8 April 2020").unwrap().0, "2020-04-08");
        assert_eq!(parse_date("Sept. 11, 2001").unwrap().0, "2001-09-11");
        assert!(parse_date("April the 8th").is_none());
        assert_eq!(parse_date("25. September 2018").unwrap().0, "2018-09-25");
        assert_eq!(parse_date("16 мая 2018 г.").unwrap().0, "2018-05-16");
        assert_eq!(parse_date("2018年6月6日").unwrap().0, "2018-06-06");
        assert_eq!(
            parse_date("2022년 5월 5일 오후"),
            Some(("2022-05-05".to_string(), "2022년 5월 5일".len()))
        );
        assert_eq!(
            parse_date("5 de mayo de 2022 El"),
            Some(("2022-05-05".to_string(), "5 de mayo de 2022".len()))
        );
        assert_eq!(parse_date("5 de maio de 2022").unwrap().0, "2022-05-05");
        assert_eq!(parse_date("5 maja 2022").unwrap().0, "2022-05-05");
        assert_eq!(parse_date("5 Mayıs 2022").unwrap().0, "2022-05-05");
        assert_eq!(parse_date("5. desember 2022").unwrap().0, "2022-12-05");
        assert_eq!(
            parse_date("23. Okt 2017 um 0:31 Uhr").unwrap().0,
            "2017-10-23"
        );
        // html2text escapes the full stop after a day.
        assert_eq!(
            parse_date_unescaped("23\\. Okt 2017 um 0:31 Uhr"),
            Some(("2017-10-23".to_string(), "23\\. Okt 2017".len()))
        );
    }

    #[test]
    fn a_tweet_of_several_lines_glued_to_its_attribution() {
        // An extractor that keeps the tweet's line breaks but glues the attribution to its
        // last line: the lines above are the tweet's, the article's paragraph is not.
        let text = "The article says so.\n\nRecipe for a quiet night:\n  (1) Tea\n  (2) A book— Jo Bloggs (@jobloggs)\n  August 22, 2013\n\nMore article.";
        let posts = find(text, &paragraphs(text));
        assert_eq!(posts.len(), 1);
        assert_eq!(
            posts[0].text.as_deref(),
            Some("Recipe for a quiet night: (1) Tea (2) A book")
        );
        assert_eq!(posts[0].date.as_deref(), Some("2013-08-22"));
        assert!(text[posts[0].start..].starts_with("Recipe"));
        // A line above that ends a sentence is the article's.
        let text = "The minister replied within minutes.\nTalks resume at 9.— Ana Silva (@anasilva) June 14, 2021";
        let posts = find(text, &paragraphs(text));
        assert_eq!(posts[0].text.as_deref(), Some("Talks resume at 9."));
    }

    #[test]
    fn an_indented_tweet_under_an_article_line_that_is_not() {
        // trafilatura keeps an embed's indentation: where it stops, the article's line is.
        let text = "| Unified key for mass deployment |  |\n#1 choice of Mac Users to Run Windows On Mac\n                Super happy to be developing for #Hololens from my #Mac! pic.twitter.com/3FjG3V72Ad\n— Javier Campos (@x_campos) May 16, 2018\nFAQs";
        let posts = find(text, &paragraphs(text));
        assert_eq!(posts.len(), 1);
        assert_eq!(
            posts[0].text.as_deref(),
            Some(
                "Super happy to be developing for #Hololens from my #Mac! pic.twitter.com/3FjG3V72Ad"
            )
        );
        // (lines of the same indentation stay one tweet)
        let text = "The article.\n\n        Line one of the tweet\n        and line two\n— Jo Bloggs (@jobloggs) May 2, 2020";
        let posts = find(text, &paragraphs(text));
        assert_eq!(
            posts[0].text.as_deref(),
            Some("Line one of the tweet and line two")
        );
    }

    #[test]
    fn a_post_starts_where_the_language_changes() {
        // A German article glued to an English tweet: the tweet starts where English does,
        // though both would fit its length. A link's "com" is no Portuguese.
        let text = "Der Präsident schrieb auf Twitter, er sei mit dem Ergebnis sehr zufrieden und \
                    werde bald mehr sagen. I am glad to see that the vote is over, and well! \
                    https://t.co/AbCdEf — Jo Bloggs (@jobloggs) May 2, 2020";
        let posts = find(text, &paragraphs(text));
        assert_eq!(
            posts[0].text.as_deref(),
            Some("I am glad to see that the vote is over, and well! https://t.co/AbCdEf")
        );
        // A tweet in the article's language keeps its sentences.
        let text = "Der Präsident schrieb auf Twitter, er sei zufrieden. Wir sind mit dem \
                    Ergebnis sehr zufrieden. Es ist ein guter Tag für uns. — Jo (@jo) May 2, 2020";
        assert!(first_text(text).starts_with("Der Präsident"));
        assert_eq!(
            LEXICON.language("the end of it all is not near"),
            Some("en")
        );
        assert_eq!(LEXICON.language("pic.twitter.com/x de a"), None);
    }

    #[test]
    fn a_tweet_spaced_as_paragraphs_starts_where_the_language_changes() {
        // html-text writes a tweet's lines as paragraphs, like the article's: the article's
        // German paragraph ends where the English tweet begins.
        let text = "Musk schrieb dazu auf X, dass die Autos nicht für das Training der KI \
                    eingesetzt werden sollen.\n\n\
                    Our cars will only be used for a third of the hours of the week.\n\n\
                    That leaves the rest of the time for the network and it is a lot.\n\n\
                    — Jo Bloggs (@jobloggs) November 4, 2023\n\nDer Artikel geht weiter.";
        let posts = find(text, &paragraphs(text));
        assert_eq!(
            posts[0].text.as_deref(),
            Some(
                "Our cars will only be used for a third of the hours of the week. That leaves \
                 the rest of the time for the network and it is a lot."
            )
        );
        // In one language, a blank line still ends the post.
        let text = text.replace("Musk schrieb dazu auf X, dass die Autos nicht für das Training der KI eingesetzt werden sollen.", "Musk wrote on X that the cars would not be used for the training of the model.");
        let posts = find(&text, &paragraphs(&text));
        assert_eq!(
            posts[0].text.as_deref(),
            Some("That leaves the rest of the time for the network and it is a lot.")
        );
    }

    #[test]
    fn a_list_or_table_above_a_tweet_is_the_article_s() {
        for above in ["- Take a photo\n- Be kind", "| Price | 10 |\n| Size | 2 |"] {
            let text = format!(
                "My recipe:\n{above}\nBravo, a fine new cycle lane!\n— Jo Bloggs (@jobloggs) 19. November 2018"
            );
            let posts = find(&text, &paragraphs(&text));
            assert_eq!(
                posts[0].text.as_deref(),
                Some("Bravo, a fine new cycle lane!"),
                "{above}"
            );
        }
    }

    #[test]
    fn a_spaced_instagram_caption_starts_after_the_embed_header() {
        let text = "The artist told AFP he drew it in a day. View this post on Instagram What a \
                    day #ink A post shared by Jo Bloggs (@jobloggs) on Apr 27, 2020 at 9:24am PDT \
                    The story goes on.";
        let posts = find(text, &paragraphs(text));
        assert_eq!(posts[0].platform, "instagram");
        assert_eq!(posts[0].text.as_deref(), Some("What a day #ink"));
    }

    #[test]
    fn a_colon_after_a_hashtag_or_handle_is_the_post_s_own() {
        let text = "He wrote on Twitter. The fuss about #flytaxi from @jobloggs shows our \
                    problem: Now a politician thinks ahead. — Frank Example (@frankex) March 6, 2018";
        let got = first_text(text);
        assert!(got.contains("The fuss about #flytaxi"), "{got:?}");
        // A lead-in's colon still ends the article.
        let text = "The minister wrote: Now a politician thinks ahead. — Frank Example (@frankex) March 6, 2018";
        let posts = find(text, &paragraphs(text));
        assert_eq!(
            posts[0].text.as_deref(),
            Some("Now a politician thinks ahead.")
        );
    }

    #[test]
    fn a_tweet_before_november_2017_is_at_most_140() {
        // The article's last sentence and the tweet together fit 280 but not 140: a tweet of
        // 2016 starts after the article's sentence; one of 2018 may hold both.
        let article = "The council met for three hours on Monday night, heard forty residents \
                       speak, and then voted on the budget for the coming year.";
        let tweet = "Proud of our council tonight. Every vote counted!";
        for (date, whole) in [("December 12, 2016", false), ("December 12, 2018", true)] {
            let text = format!("{article} {tweet} — Jo Bloggs (@jobloggs) {date}");
            let posts = find(&text, &paragraphs(&text));
            assert_eq!(posts.len(), 1);
            let want = if whole {
                format!("{article} {tweet}")
            } else {
                tweet.to_string()
            };
            assert_eq!(posts[0].text.as_deref(), Some(want.as_str()), "{date}");
        }
    }

    #[test]
    fn flattened_tweet_glued_to_its_media_link() {
        let text = "Intro paragraph.\n\nPrisoners were released. pic.twitter.com/3K3qa2NZfm— ONSC Press (@NSCAfghan) April 8, 2020\n\nNext.";
        let posts = find(text, &paragraphs(text));
        assert_eq!(posts.len(), 1);
        let p = &posts[0];
        assert_eq!(p.author_name.as_deref(), Some("ONSC Press"));
        assert_eq!(p.handle.as_deref(), Some("@NSCAfghan"));
        assert_eq!(p.date.as_deref(), Some("2020-04-08"));
        assert_eq!(p.media, ["pic.twitter.com/3K3qa2NZfm"]);
        assert_eq!(
            p.text.as_deref(),
            Some("Prisoners were released. pic.twitter.com/3K3qa2NZfm")
        );
        assert!(text[p.start..p.end].ends_with("2020"));
    }

    #[test]
    fn a_tweet_with_a_text_node_per_line() {
        // BeautifulSoup's get_text("\n"): the spaces between a tweet's words and its links
        // on lines of their own, "Mehr dazu:" before its own link, the attribution indented
        // by the page's markup.
        let text = "Das Konzept ist fertig.\n\n\n\nWir fördern den \n#Klimawandel\n Transfer in die Praxis. Mehr dazu: \nhttps://t.co/iONyQpdFwy\n \npic.twitter.com/4G9ZbFbBZn\n\n          — CDU/CSU (@cducsubt) \nNovember 2, 2021\n\nNext.";
        let posts = find(text, &paragraphs(text));
        assert_eq!(posts.len(), 1, "{posts:?}");
        assert_eq!(
            posts[0].text.as_deref(),
            Some(
                "Wir fördern den #Klimawandel Transfer in die Praxis. Mehr dazu: https://t.co/iONyQpdFwy pic.twitter.com/4G9ZbFbBZn"
            )
        );
        assert_eq!(posts[0].date.as_deref(), Some("2021-11-02"));
    }

    #[test]
    fn a_hard_wrapped_attribution_is_one_line_again() {
        // Wrapped at 61 columns, between the name and the handle.
        let text = "Der Gründer leugnet aktuelle Probleme nicht und es hagelt\ndumme Kommentare von allen Seiten, wie er sagt. Wir wollen\nmit @Lilium einen Weltmarktführer aus Deutschland aufbauen.\nAuch Volocopter ist Innovation aus Deutschland — Frank Thelen\n(@frank_thelen) 6. März 2018 Danach kam die nächste Frage aus\ndem Publikum, und sie war nicht leichter als die erste.";
        let posts = find(text, &paragraphs(text));
        assert_eq!(posts.len(), 1, "{posts:?}");
        let p = &posts[0];
        assert_eq!(p.author_name.as_deref(), Some("Frank Thelen"));
        assert_eq!(p.date.as_deref(), Some("2018-03-06"));
        assert_eq!(&text[p.end - 4..p.end], "2018");
    }

    #[test]
    fn an_attribution_with_a_text_node_per_line() {
        let text = "Swipe 4 madness #tegnell\n\n\t\tA post shared by \n zashay tastas - myndigheten\n (@zashay.tastas) on Apr 27, 2020 at 9:24am PDT\n\nSweden has not.\n\nIn Zeiten explodierender Kosten dürfen Familien nicht belastet…\n\n\nPosted by \nSPÖ\n on\u{a0}\nMonday, February 7, 2022\n\nAlle Inhalte laden";
        let posts = find(text, &paragraphs(text));
        assert_eq!(posts.len(), 2, "{posts:?}");
        let names: Vec<_> = posts.iter().map(|p| p.author_name.as_deref()).collect();
        assert_eq!(names, [Some("zashay tastas - myndigheten"), Some("SPÖ")]);
        assert_eq!(posts[0].date.as_deref(), Some("2020-04-27"));
        assert_eq!(posts[1].date.as_deref(), Some("2022-02-07"));
    }

    #[test]
    fn markdown_instagram_with_a_linked_name_and_caption() {
        let text = "Intro.\n\n> [ ](https://www.instagram.com/p/B_fawQoFahE/)\n> \n> [View this post on Instagram](https://www.instagram.com/p/B_fawQoFahE/)\n> \n> [Swipe 4 madness #tegnell](https://www.instagram.com/p/B_fawQoFahE/)\n> \n> A post shared by [ zashay tastas](https://www.instagram.com/zashay.tastas/) (@zashay.tastas) on Apr 27, 2020 at 9:24am PDT\n\nNext.";
        let posts = find(text, &paragraphs(text));
        assert_eq!(posts.len(), 1, "{posts:?}");
        let p = &posts[0];
        assert_eq!(p.author_name.as_deref(), Some("zashay tastas"));
        assert_eq!(p.post_id.as_deref(), Some("B_fawQoFahE"));
        assert_eq!(
            p.text.as_deref(),
            Some("[Swipe 4 madness #tegnell](https://www.instagram.com/p/B_fawQoFahE/)")
        );
    }

    #[test]
    fn a_markdown_quotation_ends_at_its_blank_line() {
        let text = "> The article's own block quotation.\n\n> [@sfutch33](https://twitter.com/sfutch33) SEVEN!  \n>  3 were replaced.\n> \n> -- Tzippy Yarom (@zpyarom) [December 19, 2016](https://twitter.com/zpyarom/status/810987762375598081)\n\n  * [A headline](http://example.com/a), Outlet, 2019\n    * > The tweet in a list item.\n> \n> -- ITmedia NEWS (@itmedia_news) [February 4, 2019](https://twitter.com/itmedia_news/status/1092262735423856642)";
        let posts = find(text, &paragraphs(text));
        let texts: Vec<_> = posts.iter().map(|p| p.text.as_deref()).collect();
        assert_eq!(
            texts,
            [
                Some("[@sfutch33](https://twitter.com/sfutch33) SEVEN! 3 were replaced."),
                Some("The tweet in a list item.")
            ]
        );
    }

    #[test]
    fn a_date_on_the_line_below_the_handle() {
        let text = "Drinking game for web devs: (1) Think of a noun - drink— Shay Friedman (@ironshay)\n      August 22, 2013\n\nBlanket.js is easy.";
        let posts = find(text, &paragraphs(text));
        assert_eq!(posts[0].date.as_deref(), Some("2013-08-22"));
        assert!(text[posts[0].start..posts[0].end].ends_with("2013"));
    }

    #[test]
    fn a_heading_with_a_colon_opens_the_post_a_lead_in_does_not() {
        let text = "Intro.\n\nDrinking game for web devs:\n(1) Think of a noun\n(2) Drink\n\n— Shay Friedman (@ironshay) August 22, 2013\n\nAs the company wrote on Twitter:\nWe are back.\n\n— Acme (@acme) May 1, 2020";
        let posts = find(text, &paragraphs(text));
        let texts: Vec<_> = posts.iter().map(|p| p.text.as_deref()).collect();
        assert_eq!(
            texts,
            [
                Some("Drinking game for web devs: (1) Think of a noun (2) Drink"),
                Some("We are back.")
            ]
        );
    }

    #[test]
    fn flattened_tiktok_glued_and_on_its_own_lines() {
        let text = "Intro.\n\n@dockcam Empty docks at dawn #port ♬ original sound - Dock Cam\n\nMiddle.\n\n@scout2015\nScramble up ur name\n♬ Yeah! - Usher\n\nEnd, as @someone ♬ said.";
        let posts = find(text, &paragraphs(text));
        let got: Vec<_> = posts
            .iter()
            .map(|p| {
                (
                    p.platform.as_str(),
                    p.handle.as_deref(),
                    p.author_name.as_deref(),
                    p.text.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "tiktok",
                    Some("@dockcam"),
                    Some("Dock Cam"),
                    Some("Empty docks at dawn #port")
                ),
                (
                    "tiktok",
                    Some("@scout2015"),
                    None,
                    Some("Scramble up ur name")
                ),
            ]
        );
        assert!(text[posts[1].start..posts[1].end].ends_with("Usher"));
    }

    #[test]
    fn a_post_embedded_twice_is_two_posts() {
        let line = "> Same words.\n> \n> -- ITmedia NEWS (@itmedia_news) [February 4, 2019](https://twitter.com/itmedia_news/status/1092262735423856642)\n\n";
        let text = format!("{line}Between.\n\n{line}");
        assert_eq!(find(&text, &paragraphs(&text)).len(), 2);
    }

    #[test]
    fn a_handle_in_prose_is_not_a_post() {
        let text = "The account (@NSCAfghan) posted on April 8, 2020 about it.";
        assert!(find(text, &paragraphs(text)).is_empty());
    }

    #[test]
    fn markup_is_masked() {
        let text = "a <b class=\"x\">bold</b> c < d";
        let m = markup(text);
        assert_eq!(m.len(), 2);
        assert_eq!(&text[m[0].start..m[0].end], "<b class=\"x\">");
    }

    #[test]
    fn tweet_element_closed_the_other_way() {
        let text = "<tweet tweet-id=\"67\"><tweet/>. <tweet tweet-author=\"@a\" tweet-date=\"March 9, 2016\">Hi there<tweet/>.";
        let posts = find(text, &paragraphs(text));
        assert_eq!(posts.len(), 2);
        assert_eq!(posts[1].text.as_deref(), Some("Hi there"));
        assert_eq!(posts[1].date.as_deref(), Some("2016-03-09"));
    }

    #[test]
    fn tweet_element() {
        let text =
            "<tweet id=\"7\" author=\"@AP\" datetime=\"2016-08-23\">BREAKING: \"x\"</tweet>.";
        let posts = find(text, &paragraphs(text));
        assert_eq!(posts[0].handle.as_deref(), Some("@AP"));
        assert_eq!(posts[0].post_id.as_deref(), Some("7"));
        assert_eq!(posts[0].date.as_deref(), Some("2016-08-23"));
    }

    #[test]
    fn a_flattened_attribution_inside_a_tweet_element_is_the_same_post() {
        let text = "<tweet id=\"7\" author=\"@jobloggs\" datetime=\"2016-07-23\">Thrilled to \
                    announce it. pic.twitter.com/AbC — Jo Bloggs (@jobloggs) July 23, 2016</tweet>.";
        let posts = find(text, &paragraphs(text));
        assert_eq!(posts.len(), 1);
        let p = &posts[0];
        assert_eq!(p.author_name.as_deref(), Some("Jo Bloggs"));
        assert_eq!(p.handle.as_deref(), Some("@jobloggs"));
        assert_eq!(p.post_id.as_deref(), Some("7"));
        assert_eq!(
            p.text.as_deref(),
            Some("Thrilled to announce it. pic.twitter.com/AbC")
        );
    }
}
