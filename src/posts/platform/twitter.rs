//! Twitter (X): `<blockquote class="twitter-tweet">`, `<amp-twitter>`, a rendered
//! `<iframe data-tweet-id>`; flattened as "text — Name (@handle) Date"; posts at
//! `twitter.com/…/status/ID`.

use super::{Embed, Platform, Site, has_class, id_in_url};
use crate::model::Post;
use crate::posts::markup::{elements, name_and_handle, text_of};
use crate::posts::parse_date;

pub(super) struct Twitter;

impl Site for Twitter {
    fn platform(&self) -> Platform {
        Platform::Twitter
    }

    fn embeds(&self, e: &scraper::node::Element) -> bool {
        match e.name() {
            "blockquote" => has_class(e, "twitter-tweet") || has_class(e, "twitter-video"),
            "amp-twitter" => true,
            // A tweet the widget script already rendered.
            "iframe" => e.attr("data-tweet-id").is_some() || has_class(e, "twitter-tweet-rendered"),
            _ => false,
        }
    }

    fn read_embed(&self, post: &mut Post, embed: &Embed) {
        let (node, e) = (embed.node, embed.element);
        if let Some(id) = e.attr("data-tweetid").or(e.attr("data-tweet-id")) {
            post.post_id = Some(id.to_string());
        }
        // The tweet's paragraphs, without the attribution paragraph ("— Name (@handle) Date").
        let body: Vec<String> = elements(node)
            .filter(|(_, e)| e.name() == "p")
            .map(|(p, _)| text_of(p))
            .take_while(|t| !t.starts_with(['—', '–']) && !t.starts_with("&mdash;"))
            .filter(|t| !t.is_empty())
            .collect();
        if !body.is_empty() {
            post.text = Some(body.join(" "));
        }
        let all = text_of(node);
        let (name, handle) = name_and_handle(&all);
        post.author_name = name;
        post.handle = handle;
        if let Some((href, label)) = embed
            .links
            .iter()
            .rev()
            .find(|(h, _)| h.contains("/status/") || h.contains("/statuses/"))
        {
            post.url = Some(href.clone());
            post.post_id = id_in_url(href);
            post.date = parse_date(label).map(|d| d.0);
        }
        post.media = media(&all);
    }

    fn post_url(&self, host: &str, address: &str) -> bool {
        let ours = ["twitter.com", "x.com", "mobile.twitter.com"].contains(&host);
        ours && address.contains("/status/")
    }
}

/// The pictures attached to a tweet, as the words of its text that hold a `pic.twitter.com`
/// link ("containment of COVID-19. pic.twitter.com/3K3qa2NZfm").
pub(crate) fn media(text: &str) -> Vec<String> {
    text.split_whitespace()
        .filter_map(|w| w.find("pic.twitter.com/").map(|i| w[i..].to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_links_in_a_tweet() {
        assert_eq!(
            media("containment of COVID-19. pic.twitter.com/3K3qa2NZfm"),
            ["pic.twitter.com/3K3qa2NZfm"]
        );
    }
}
