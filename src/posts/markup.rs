//! HTML input: the article's text, and the social posts embedded in its markup.
//!
//! The page is parsed once with html5ever (`scraper`); one walk over the tree writes the
//! readable text (paragraphs on their own lines; scripts, styles, navigation, forms dropped)
//! and, for each embed, the post it shows: platform, author, handle, date, text, URL and id,
//! with the span of its text in the written text. Embeds are recognised by whole class
//! tokens or tags (`blockquote.twitter-tweet`, `blockquote.instagram-media`, `div.fb-post`,
//! `blockquote.tiktok-embed`, `blockquote.bluesky-embed`, `blockquote.text-post-media`,
//! `.mastodon-embed`, `blockquote.reddit-embed-bq`, YouTube and LinkedIn iframes, Telegram
//! widgets, `amp-twitter`, `amp-instagram`). Embeds inside `<noscript>`, `<template>` or
//! `<textarea>` are not shown to a reader and are not posts.

use ego_tree::NodeRef;
use scraper::{Html, Node};

use super::platform::{self, Embed, Site};
use crate::lexicon::Class;
use crate::model::Post;

/// An HTML page made readable.
pub(crate) struct Page {
    pub text: String,
    pub posts: Vec<Post>,
}

/// Elements whose content a reader never sees as the article (`lexicon/classes/html.txt`).
fn hidden(name: &str) -> bool {
    Class::HtmlHidden.contains(name)
}

/// Elements that stand as blocks of their own (`lexicon/classes/html.txt`).
fn block(name: &str) -> bool {
    Class::HtmlBlock.contains(name)
}

struct Writer {
    text: String,
    posts: Vec<Post>,
}

impl Writer {
    fn push_text(&mut self, t: &str) {
        let mut space = self.text.ends_with([' ', '\n']) || self.text.is_empty();
        for c in t.chars() {
            if c.is_whitespace() {
                if !space {
                    self.text.push(' ');
                    space = true;
                }
            } else {
                self.text.push(c);
                space = false;
            }
        }
    }

    fn newline(&mut self, blank: bool) {
        while self.text.ends_with(' ') {
            self.text.pop();
        }
        if self.text.is_empty() {
            return;
        }
        let want = if blank { "\n\n" } else { "\n" };
        if !self.text.ends_with(want) {
            if self.text.ends_with('\n') && blank {
                self.text.push('\n');
            } else if !self.text.ends_with('\n') {
                self.text.push_str(want);
            }
        }
    }
}

/// Parse `html` into readable text and embedded posts.
pub(crate) fn read(html: &str) -> Page {
    let doc = Html::parse_document(html);
    let mut w = Writer {
        text: String::new(),
        posts: Vec::new(),
    };
    walk(doc.tree.root(), &mut w);
    while w.text.ends_with(['\n', ' ']) {
        w.text.pop();
    }
    for p in &mut w.posts {
        p.end = p.end.min(w.text.len());
        p.start = p.start.min(p.end);
    }
    Page {
        text: w.text,
        posts: w.posts,
    }
}

fn walk(node: NodeRef<Node>, w: &mut Writer) {
    match node.value() {
        Node::Text(t) => w.push_text(t),
        Node::Element(e) => {
            let name = e.name();
            if let Some(site) = platform::of_element(e) {
                w.newline(true);
                let start = w.text.len();
                if !hidden(name) {
                    for c in node.children() {
                        walk(c, w);
                    }
                }
                w.newline(true);
                let end = w.text.trim_end().len().max(start);
                let post = embed_post(site, node, e, start, end);
                w.posts.push(post);
                return;
            }
            if hidden(name) {
                return;
            }
            if name == "br" {
                w.newline(false);
                return;
            }
            let is_block = block(name);
            if is_block {
                w.newline(true);
            }
            for c in node.children() {
                walk(c, w);
            }
            if is_block {
                w.newline(true);
            }
        }
        _ => {
            for c in node.children() {
                walk(c, w);
            }
        }
    }
}

/// Visible text of a subtree, whitespace collapsed.
pub(crate) fn text_of(node: NodeRef<Node>) -> String {
    let mut w = Writer {
        text: String::new(),
        posts: Vec::new(),
    };
    fn go(n: NodeRef<Node>, w: &mut Writer) {
        match n.value() {
            Node::Text(t) => w.push_text(t),
            Node::Element(e) if hidden(e.name()) => {}
            Node::Element(e) if e.name() == "br" => w.push_text(" "),
            _ => {
                for c in n.children() {
                    go(c, w);
                }
            }
        }
    }
    go(node, &mut w);
    w.text.trim().to_string()
}

/// The `href=` parameter of a plugin address, percent-decoded.
pub(crate) fn plugin_href(src: &str) -> Option<String> {
    let query = src.split_once('?')?.1;
    let value = query.split('&').find_map(|kv| kv.strip_prefix("href="))?;
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b'+', _) => {
                out.push(b' ');
                i += 1;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

pub(crate) fn elements<'a>(
    node: NodeRef<'a, Node>,
) -> impl Iterator<Item = (NodeRef<'a, Node>, &'a scraper::node::Element)> {
    node.descendants()
        .filter_map(|n| n.value().as_element().map(|e| (n, e)))
}

/// "Name (@handle)" at the end of `s`: the name and the handle.
pub(crate) fn name_and_handle(s: &str) -> (Option<String>, Option<String>) {
    let Some(open) = s.rfind("(@") else {
        return (None, None);
    };
    let close = s[open..].find(')').map(|i| open + i);
    let handle = close.map(|c| s[open + 1..c].trim().to_string());
    let before = s[..open].trim();
    let name = before
        .rsplit(['—', '–'])
        .next()
        .unwrap_or(before)
        .trim()
        .trim_start_matches("&mdash;")
        .trim_start_matches("--")
        .trim();
    // "A post shared by NAME", "Ein Beitrag geteilt von NAME", "Posted by NAME".
    let name = [
        " shared by ",
        " geteilt von ",
        " partagée par ",
        " compartida por ",
        "Posted by ",
    ]
    .iter()
    .find_map(|k| name.rfind(k).map(|i| name[i + k.len()..].trim()))
    .unwrap_or(name);
    ((!name.is_empty()).then(|| name.to_string()), handle)
}

/// The post an embed shows, read by its platform, spanning `start..end` of the written text.
fn embed_post(
    site: &dyn Site,
    node: NodeRef<Node>,
    element: &scraper::node::Element,
    start: usize,
    end: usize,
) -> Post {
    let mut post = Post::new(site.platform().as_str(), start, end);
    let links: Vec<(String, String)> = elements(node)
        .filter(|(_, e)| e.name() == "a")
        .map(|(n, e)| (e.attr("href").unwrap_or_default().to_string(), text_of(n)))
        .collect();
    let embed = Embed {
        node,
        element,
        links,
    };
    site.read_embed(&mut post, &embed);
    post
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_without_scripts_and_navigation() {
        let page = read(
            "<html><head><title>T</title><style>p{}</style></head><body><nav>Home | News</nav>\
             <p>“Yes,” she said.</p><script>var x = \"no\";</script><p>Next <b>line</b>.</p></body></html>",
        );
        assert_eq!(page.text, "“Yes,” she said.\n\nNext line.");
    }

    #[test]
    fn a_twitter_embed_is_a_post() {
        let page = read(
            "<p>Intro.</p><blockquote class=\"twitter-tweet\" data-lang=\"de\"><p dir=\"ltr\">Hallo Welt</p>\
             &mdash; Peter W (@diktator) <a href=\"https://twitter.com/diktator/status/1044502590266978309?ref_src=x\">25. September 2018</a></blockquote>",
        );
        let p = &page.posts[0];
        assert_eq!(p.platform, "twitter");
        assert_eq!(p.text.as_deref(), Some("Hallo Welt"));
        assert_eq!(p.author_name.as_deref(), Some("Peter W"));
        assert_eq!(p.handle.as_deref(), Some("@diktator"));
        assert_eq!(p.date.as_deref(), Some("2018-09-25"));
        assert_eq!(p.post_id.as_deref(), Some("1044502590266978309"));
        assert!(page.text[p.start..p.end].starts_with("Hallo Welt"));
    }

    #[test]
    fn a_tweet_of_several_paragraphs_keeps_them_all() {
        let page = read(
            "<blockquote class=\"twitter-tweet\"><p>First part.</p><p>Second part.</p>\
             <p>&mdash; Elon Musk (@elonmusk) <a href=\"https://twitter.com/elonmusk/status/1720918522082078752\">November 4, 2023</a></p></blockquote>",
        );
        let p = &page.posts[0];
        assert_eq!(p.text.as_deref(), Some("First part. Second part."));
        assert_eq!(p.date.as_deref(), Some("2023-11-04"));
    }

    #[test]
    fn rendered_tweets_lazy_videos_and_facebook_plugins() {
        let page = read(
            "<iframe class=\"twitter-tweet twitter-tweet-rendered\" data-tweet-id=\"800384752746254337\"></iframe>\
             <iframe data-lazy-type=\"iframe\" data-src=\" https://www.youtube.com/embed/BItSgrSYAXA \"></iframe>\
             <iframe src=\"https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fwww.facebook.com%2Fphoto.php%3Ffbid%3D10207393772231779%26type%3D3&amp;width=500\"></iframe>",
        );
        let got: Vec<(&str, Option<&str>)> = page
            .posts
            .iter()
            .map(|p| (p.platform.as_str(), p.post_id.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("twitter", Some("800384752746254337")),
                ("youtube", Some("BItSgrSYAXA")),
                ("facebook", Some("10207393772231779")),
            ]
        );
        assert_eq!(
            page.posts[2].url.as_deref(),
            Some("https://www.facebook.com/photo.php?fbid=10207393772231779&type=3")
        );
    }

    #[test]
    fn an_instagram_date_from_its_shared_by_line() {
        let page = read(
            "<blockquote class=\"instagram-media\"><p><a href=\"https://www.instagram.com/p/B_fawQoFahE/\">Swipe 4 madness</a></p>\
             <p>A post shared by <a href=\"https://www.instagram.com/zashay/\">zashay</a> (@zashay.tastas) on Apr 27, 2020 at 9:24am PDT</p></blockquote>",
        );
        let p = &page.posts[0];
        assert_eq!(p.text.as_deref(), Some("Swipe 4 madness"));
        assert_eq!(p.date.as_deref(), Some("2020-04-27"));
        assert_eq!(p.time.as_deref(), Some("09:24"));
    }

    #[test]
    fn embeds_hidden_from_readers_are_not_posts() {
        let page = read(
            "<noscript><blockquote class=\"twitter-tweet\"><p>x</p></blockquote></noscript><p>A</p>",
        );
        assert!(page.posts.is_empty());
        let page = read("<div class=\"instagram-media-wrapper\"><p>layout</p></div>");
        assert!(page.posts.is_empty());
    }

    #[test]
    fn youtube_and_mastodon() {
        let page = read(
            "<iframe src=\"https://www.youtube-nocookie.com/embed/Kd2q-MaHMWs?controls=2\"></iframe>\
             <blockquote class=\"mastodon-embed\" data-embed-url=\"https://mastodon.social/@Eng/113385884140450090/embed\"><a href=\"https://mastodon.social/@Eng/113385884140450090\">Post</a></blockquote>",
        );
        assert_eq!(page.posts[0].post_id.as_deref(), Some("Kd2q-MaHMWs"));
        assert_eq!(
            page.posts[1].handle.as_deref(),
            Some("@Eng@mastodon.social")
        );
        assert_eq!(page.posts[1].post_id.as_deref(), Some("113385884140450090"));
    }
}
