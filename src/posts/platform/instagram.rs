//! Instagram: `<blockquote class="instagram-media">`, `<amp-instagram>`; flattened as
//! "Caption A post shared by Name (@handle) on Date"; posts at `instagram.com/p/ID` or
//! `/reel/ID`.

use super::{Embed, Platform, Site, has_class, id_in_url};
use crate::model::Post;
use crate::posts::markup::{elements, name_and_handle, text_of};
use crate::posts::{DATE_LEADS, clock, parse_date};

pub(super) struct Instagram;

impl Site for Instagram {
    fn platform(&self) -> Platform {
        Platform::Instagram
    }

    fn embeds(&self, e: &scraper::node::Element) -> bool {
        match e.name() {
            "blockquote" => has_class(e, "instagram-media"),
            "amp-instagram" => true,
            _ => false,
        }
    }

    fn read_embed(&self, post: &mut Post, embed: &Embed) {
        let e = embed.element;
        let permalink = e
            .attr("data-instgrm-permalink")
            .map(str::to_string)
            .or_else(|| {
                embed
                    .links
                    .iter()
                    .find(|(h, _)| h.contains("instagram.com/"))
                    .map(|l| l.0.clone())
            });
        if let Some(sc) = e.attr("data-shortcode") {
            post.post_id = Some(sc.to_string());
        }
        if let Some(u) = permalink {
            post.post_id = post.post_id.take().or_else(|| id_in_url(&u));
            post.url = Some(u);
        }
        // The caption: the link text that is not "View this post on Instagram".
        post.text = embed
            .links
            .iter()
            .map(|(_, t)| t.as_str())
            .find(|t| !t.is_empty() && !t.contains("Instagram") && !t.contains("(@"))
            .map(str::to_string);
        for (n, el) in elements(embed.node) {
            if el.name() == "p" {
                shared_by_line(post, &text_of(n));
            }
            if el.name() == "time" {
                let shown = text_of(n);
                post.time = clock(&shown);
                post.date = parse_date(&shown).map(|d| d.0).or_else(|| {
                    el.attr("datetime")
                        .and_then(|d| d.get(..10))
                        .map(str::to_string)
                });
            }
        }
    }

    fn post_url(&self, host: &str, address: &str) -> bool {
        host == "instagram.com" && (address.contains("/p/") || address.contains("/reel/"))
    }
}

/// The embed's "A post shared by Name (@handle) on Apr 27, 2020 at 9:24am PDT" paragraph:
/// the author, and the date and time when there is no `<time>`.
fn shared_by_line(post: &mut Post, t: &str) {
    if !t.contains("(@") {
        return;
    }
    let cut = t
        .find(" am ")
        .or(t.find(" on "))
        .or(t.find(" le "))
        .unwrap_or(t.len());
    let (name, handle) = name_and_handle(&t[..cut.max(t.find(")").map_or(0, |i| i + 1))]);
    post.author_name = name;
    post.handle = handle;
    let shown = t[t.find(')').map_or(0, |i| i + 1)..].trim_start();
    let shown = DATE_LEADS
        .iter()
        .find_map(|l| shown.strip_prefix(l))
        .unwrap_or(shown);
    post.date = post.date.take().or_else(|| parse_date(shown).map(|d| d.0));
    post.time = post.time.take().or_else(|| clock(shown));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shared_by_line() {
        let mut post = Post::new("instagram", 0, 0);
        shared_by_line(
            &mut post,
            "A post shared by zashay (@zashay.tastas) on Apr 27, 2020 at 9:24am PDT",
        );
        assert_eq!(post.author_name.as_deref(), Some("zashay"));
        assert_eq!(post.handle.as_deref(), Some("@zashay.tastas"));
        assert_eq!(post.date.as_deref(), Some("2020-04-27"));
        assert_eq!(post.time.as_deref(), Some("09:24"));
    }
}
