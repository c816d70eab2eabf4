//! LinkedIn: an `<iframe>` that loads `linkedin.com/embed/…`.

use super::{Embed, Platform, Site, read_iframe, source};
use crate::model::Post;

pub(super) struct Linkedin;

impl Site for Linkedin {
    fn platform(&self) -> Platform {
        Platform::Linkedin
    }

    fn embeds(&self, e: &scraper::node::Element) -> bool {
        e.name() == "iframe" && source(e).contains("linkedin.com/embed/")
    }

    fn read_embed(&self, post: &mut Post, embed: &Embed) {
        read_iframe(post, embed);
    }
}
