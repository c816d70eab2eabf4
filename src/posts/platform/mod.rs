//! The platforms posts are embedded from, as a type: each platform is a module that knows its
//! embed markup (which element embeds one of its posts, and what the embed shows), the shape
//! of its post URLs and, where it has one, its flattened form; all of them behind one trait,
//! [`Site`], kept in one list, [`SITES`]. Adding a platform is one module and one row.

use ego_tree::NodeRef;
use scraper::Node;
use scraper::node::Element;

use crate::model::Post;

mod bluesky;
mod facebook;
mod ids;
mod instagram;
mod linkedin;
mod mastodon;
mod reddit;
mod telegram;
mod threads;
mod tiktok;
mod twitter;
mod youtube;

pub(crate) use facebook::without_weekday;
pub(crate) use ids::id_in_url;
pub(crate) use twitter::media;

/// A platform, written in the output as its lower-case name ([`Platform::as_str`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Platform {
    Twitter,
    Instagram,
    Facebook,
    Tiktok,
    Bluesky,
    Threads,
    Mastodon,
    Reddit,
    Youtube,
    Linkedin,
    Telegram,
}

impl Platform {
    /// The name the output gives the platform ("twitter", "instagram", …).
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Platform::Twitter => "twitter",
            Platform::Instagram => "instagram",
            Platform::Facebook => "facebook",
            Platform::Tiktok => "tiktok",
            Platform::Bluesky => "bluesky",
            Platform::Threads => "threads",
            Platform::Mastodon => "mastodon",
            Platform::Reddit => "reddit",
            Platform::Youtube => "youtube",
            Platform::Linkedin => "linkedin",
            Platform::Telegram => "telegram",
        }
    }
}

/// An embed's element as the markup reader found it, with its links (address and text).
pub(crate) struct Embed<'a> {
    pub node: NodeRef<'a, Node>,
    pub element: &'a Element,
    pub links: Vec<(String, String)>,
}

/// What a platform knows of itself.
pub(crate) trait Site: Sync {
    /// The platform.
    fn platform(&self) -> Platform;

    /// Whether element `e` embeds a post of this platform
    /// (`<blockquote class="twitter-tweet">`).
    fn embeds(&self, e: &Element) -> bool;

    /// What the embed shows: author, handle, date, text, URL and id.
    fn read_embed(&self, post: &mut Post, embed: &Embed) {
        read_cited(post, embed);
    }

    /// Whether a URL is one of this platform's posts, from its host (without "www.") and its
    /// address after "://" (`twitter.com`, `twitter.com/x/status/1`).
    fn post_url(&self, _host: &str, _address: &str) -> bool {
        false
    }

    /// Whether a handle of a flattened attribution ("— Name (@handle) Date") is this
    /// platform's (Bluesky's handles are domains).
    fn owns_handle(&self, _handle: &str) -> bool {
        false
    }

    /// The link text that closes the platform's flattened post ("Post by @user@instance View
    /// on Mastodon").
    fn view_on(&self) -> Option<&'static str> {
        None
    }
}

/// Every platform, in the order an element is tested against them (the first whose markup
/// the element is wins; no element is two platforms' today).
pub(crate) static SITES: &[&dyn Site] = &[
    &twitter::Twitter,
    &instagram::Instagram,
    &facebook::Facebook,
    &tiktok::Tiktok,
    &bluesky::Bluesky,
    // (Mastodon before Threads: a flattened post's "View on …" label is looked for in
    // this order)
    &mastodon::Mastodon,
    &threads::Threads,
    &reddit::Reddit,
    &youtube::Youtube,
    &linkedin::Linkedin,
    &telegram::Telegram,
];

/// The platform an element embeds, if any.
pub(crate) fn of_element(e: &Element) -> Option<&'static dyn Site> {
    SITES.iter().copied().find(|s| s.embeds(e))
}

/// The platform of a post's URL (a status, a post, a video), if it is one.
pub(crate) fn of_url(url: &str) -> Option<Platform> {
    let address = url.split("://").nth(1)?;
    let host = address.split('/').next()?.trim_start_matches("www.");
    SITES
        .iter()
        .find(|s| s.post_url(host, address))
        .map(|s| s.platform())
}

/// The platform of a flattened attribution's handle: Twitter unless another platform owns it.
pub(crate) fn of_handle(handle: &str) -> Platform {
    SITES
        .iter()
        .find(|s| s.owns_handle(handle))
        .map_or(Platform::Twitter, |s| s.platform())
}

/// Whether element `e` has the class `c` (a whole class token).
fn has_class(e: &Element, c: &str) -> bool {
    e.attr("class")
        .unwrap_or_default()
        .split_whitespace()
        .any(|x| x == c)
}

/// The address an element loads (`src`, or a lazy loader's `data-src`).
fn source(e: &Element) -> &str {
    e.attr("src").or(e.attr("data-src")).unwrap_or_default()
}

/// An embed that cites its post (`cite`, `data-bluesky-uri`, …, or its first link) and
/// prints "Name (@handle)": Threads, Reddit, Telegram.
fn read_cited(post: &mut Post, embed: &Embed) {
    let e = embed.element;
    let url = e
        .attr("cite")
        .or(e.attr("data-bluesky-uri"))
        .or(e.attr("data-text-post-permalink"))
        .or(e.attr("data-telegram-post"))
        .map(str::to_string)
        .or_else(|| embed.links.first().map(|l| l.0.clone()));
    if let Some(u) = url {
        post.post_id = e
            .attr("data-video-id")
            .map(str::to_string)
            .or_else(|| id_in_url(&u));
        post.url = Some(u);
    }
    let all = super::markup::text_of(embed.node);
    let (name, handle) = super::markup::name_and_handle(&all);
    post.author_name = name;
    post.handle = handle;
}

/// An iframe that loads `…/embed/ID` (YouTube, LinkedIn): its address and the id.
fn read_iframe(post: &mut Post, embed: &Embed) {
    let e = embed.element;
    if let Some(src) = e.attr("src").or(e.attr("data-src")).map(str::trim) {
        post.url = Some(src.to_string());
        let path = src.split(['?', '#']).next().unwrap_or(src);
        post.post_id = path
            .split("/embed/")
            .nth(1)
            .map(|s| s.trim_end_matches('/').to_string())
            .filter(|s| !s.is_empty() && s != "videoseries");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn platforms_of_urls() {
        let of = |u: &str| of_url(u).map(Platform::as_str);
        assert_eq!(of("https://twitter.com/a/status/1"), Some("twitter"));
        assert_eq!(of("https://x.com/a"), None);
        assert_eq!(
            of("https://www.instagram.com/p/B_fawQoFahE/"),
            Some("instagram")
        );
        assert_eq!(of("https://youtu.be/Kd2q"), Some("youtube"));
        assert_eq!(of("https://www.tiktok.com/@a/video/1"), Some("tiktok"));
        assert_eq!(of("https://example.com/p/1"), None);
    }

    #[test]
    fn handles_of_bluesky_are_domains() {
        assert_eq!(of_handle("@jay.bsky.social"), Platform::Bluesky);
        assert_eq!(of_handle("@NSCAfghan"), Platform::Twitter);
    }
}
