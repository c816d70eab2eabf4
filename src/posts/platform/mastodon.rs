//! Mastodon: `.mastodon-embed` (a blockquote or an iframe, `data-embed-url` or `src`
//! `https://instance/@user/ID/embed`); flattened as "Post by @user@instance View on Mastodon".

use super::{Embed, Platform, Site, has_class, id_in_url};
use crate::model::Post;

pub(super) struct Mastodon;

impl Site for Mastodon {
    fn platform(&self) -> Platform {
        Platform::Mastodon
    }

    fn embeds(&self, e: &scraper::node::Element) -> bool {
        matches!(e.name(), "blockquote" | "iframe") && has_class(e, "mastodon-embed")
    }

    fn read_embed(&self, post: &mut Post, embed: &Embed) {
        let e = embed.element;
        let url = e
            .attr("data-embed-url")
            .or(e.attr("src"))
            .map(|u| u.trim_end_matches("/embed").to_string())
            .or_else(|| embed.links.first().map(|l| l.0.clone()));
        if let Some(u) = url {
            post.handle = handle_of(&u);
            post.post_id = id_in_url(&u);
            post.url = Some(u);
        }
    }

    fn view_on(&self) -> Option<&'static str> {
        Some("View on Mastodon")
    }
}

/// The handle a post's address names: `https://instance/@user/123` is `@user@instance`.
fn handle_of(url: &str) -> Option<String> {
    let rest = url.split("://").nth(1).unwrap_or(url);
    let mut parts = rest.split('/');
    let host = parts.next().unwrap_or_default();
    let user = parts.next().filter(|p| p.starts_with('@'))?;
    Some(format!("{user}@{host}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_handle_from_an_address() {
        assert_eq!(
            handle_of("https://mastodon.social/@Eng/113385884140450090").as_deref(),
            Some("@Eng@mastodon.social")
        );
        assert_eq!(handle_of("https://mastodon.social/about"), None);
    }
}
