//! Facebook: `<div class="fb-post">`, a plugin `<iframe src=".../plugins/post.php?href=…">`;
//! flattened as "Posted by Name on Monday, February 7, 2022"; posts at
//! `facebook.com/…/posts/ID` or `/videos/ID`.

use super::{Embed, Platform, Site, has_class, id_in_url, source};
use crate::model::Post;
use crate::posts::markup::{elements, plugin_href, text_of};
use crate::posts::{month, parse_date};

pub(super) struct Facebook;

impl Site for Facebook {
    fn platform(&self) -> Platform {
        Platform::Facebook
    }

    fn embeds(&self, e: &scraper::node::Element) -> bool {
        match e.name() {
            "div" => has_class(e, "fb-post") || has_class(e, "fb-video"),
            "iframe" => {
                let src = source(e);
                src.contains("facebook.com/plugins/post.php")
                    || src.contains("facebook.com/plugins/video.php")
            }
            _ => false,
        }
    }

    fn read_embed(&self, post: &mut Post, embed: &Embed) {
        let (node, e) = (embed.node, embed.element);
        // A plugin iframe carries the post's own address in its `href` parameter.
        let href = e.attr("data-href").map(str::to_string).or_else(|| {
            e.attr("src")
                .map(|s| plugin_href(s).unwrap_or_else(|| s.to_string()))
        });
        if let Some(h) = &href {
            post.url = Some(h.clone());
            post.post_id = id_in_url(h);
        }
        if let Some((n, _)) = elements(node).find(|(_, e)| e.name() == "p") {
            let t = text_of(n);
            if !t.starts_with("Posted by") {
                post.text = Some(t);
            }
        }
        posted_by(post, &text_of(node));
    }

    fn post_url(&self, host: &str, address: &str) -> bool {
        host == "facebook.com" && (address.contains("/posts/") || address.contains("/videos/"))
    }
}

/// The author and date of an embed's "Posted by Name on Monday, February 7, 2022".
fn posted_by(post: &mut Post, all: &str) {
    let Some(i) = all.find("Posted by ") else {
        return;
    };
    let rest = &all[i + "Posted by ".len()..];
    if let Some(on) = rest.find(" on ") {
        post.author_name = Some(rest[..on].trim().to_string());
        post.date = parse_date(without_weekday(rest[on + 4..].trim())).map(|d| d.0);
    }
}

/// A date without the weekday before it ("Monday, February 7, 2022": "February 7, 2022"); a
/// date that opens with its month ("February 7, 2022") stays whole.
pub(crate) fn without_weekday(date: &str) -> &str {
    date.split_once(", ").map_or(date, |(w, r)| {
        if month(w.split_whitespace().next().unwrap_or_default()).is_none() {
            r
        } else {
            date
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_posted_by_line() {
        let mut post = Post::new("facebook", 0, 0);
        posted_by(
            &mut post,
            "Text Posted by Jane Doe on Monday, February 7, 2022",
        );
        assert_eq!(post.author_name.as_deref(), Some("Jane Doe"));
        assert_eq!(post.date.as_deref(), Some("2022-02-07"));
        assert_eq!(without_weekday("February 7, 2022"), "February 7, 2022");
    }
}
