//! YouTube: an `<iframe>` that loads `youtube.com/embed/ID` (or the nocookie host); videos
//! at `youtube.com`, `youtu.be`.

use super::{Embed, Platform, Site, read_iframe, source};
use crate::model::Post;

pub(super) struct Youtube;

impl Site for Youtube {
    fn platform(&self) -> Platform {
        Platform::Youtube
    }

    fn embeds(&self, e: &scraper::node::Element) -> bool {
        let src = source(e);
        e.name() == "iframe"
            && (src.contains("youtube.com/embed/") || src.contains("youtube-nocookie.com/embed/"))
    }

    fn read_embed(&self, post: &mut Post, embed: &Embed) {
        read_iframe(post, embed);
    }

    fn post_url(&self, host: &str, _address: &str) -> bool {
        ["youtube.com", "youtu.be", "youtube-nocookie.com"].contains(&host)
    }
}
