//! Bluesky: `<blockquote class="bluesky-embed">`; flattened as Twitter's "— Name (@handle)
//! Date", with a domain for a handle (`@jay.bsky.social`); posts at `…/post/ID`.

use super::{Embed, Platform, Site, has_class};
use crate::model::Post;
use crate::posts::markup::{elements, name_and_handle, text_of};
use crate::posts::{clock, parse_date};

pub(super) struct Bluesky;

impl Site for Bluesky {
    fn platform(&self) -> Platform {
        Platform::Bluesky
    }

    fn embeds(&self, e: &scraper::node::Element) -> bool {
        e.name() == "blockquote" && has_class(e, "bluesky-embed")
    }

    fn read_embed(&self, post: &mut Post, embed: &Embed) {
        let node = embed.node;
        if let Some((n, _)) = elements(node).find(|(_, e)| e.name() == "p") {
            post.text = Some(text_of(n));
        }
        let all = text_of(node);
        let (name, handle) = name_and_handle(&all);
        post.author_name = name;
        post.handle = handle.or_else(|| {
            embed
                .links
                .iter()
                .find_map(|(_, t)| t.strip_prefix('@').map(|h| format!("@{h}")))
        });
        if let Some((href, label)) = embed.links.iter().rev().find(|(h, _)| h.contains("/post/")) {
            post.url = Some(href.clone());
            post.post_id = href.rsplit('/').next().map(str::to_string);
            post.date = parse_date(label).map(|d| d.0);
            post.time = clock(label);
        }
    }

    fn owns_handle(&self, handle: &str) -> bool {
        handle.ends_with(".bsky.social") || handle.contains(".bsky.")
    }
}
