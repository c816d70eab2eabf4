//! Reddit: `<blockquote class="reddit-embed-bq">` or `reddit-card`, citing its post.

use super::{Platform, Site, has_class};

pub(super) struct Reddit;

impl Site for Reddit {
    fn platform(&self) -> Platform {
        Platform::Reddit
    }

    fn embeds(&self, e: &scraper::node::Element) -> bool {
        e.name() == "blockquote" && (has_class(e, "reddit-embed-bq") || has_class(e, "reddit-card"))
    }
}
