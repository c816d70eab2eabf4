//! Threads: `<blockquote class="text-post-media" data-text-post-permalink="…">`; flattened
//! as "Post by @handle View on Threads".

use super::{Platform, Site, has_class};

pub(super) struct Threads;

impl Site for Threads {
    fn platform(&self) -> Platform {
        Platform::Threads
    }

    fn embeds(&self, e: &scraper::node::Element) -> bool {
        e.name() == "blockquote" && has_class(e, "text-post-media")
    }

    fn view_on(&self) -> Option<&'static str> {
        Some("View on Threads")
    }
}
