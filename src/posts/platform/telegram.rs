//! Telegram: the widget's `<script data-telegram-post="channel/ID">`.

use super::{Platform, Site};

pub(super) struct Telegram;

impl Site for Telegram {
    fn platform(&self) -> Platform {
        Platform::Telegram
    }

    fn embeds(&self, e: &scraper::node::Element) -> bool {
        e.name() == "script" && e.attr("data-telegram-post").is_some()
    }
}
