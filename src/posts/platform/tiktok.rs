//! TikTok: `<blockquote class="tiktok-embed" cite="…/@handle/video/ID">`; flattened as
//! "@handle Caption ♬ original sound - name"; posts at `tiktok.com/@handle/video/ID`.

use super::{Embed, Platform, Site, has_class, id_in_url};
use crate::model::Post;
use crate::posts::markup::text_of;
use crate::posts::original_sound;

pub(super) struct Tiktok;

impl Site for Tiktok {
    fn platform(&self) -> Platform {
        Platform::Tiktok
    }

    fn embeds(&self, e: &scraper::node::Element) -> bool {
        e.name() == "blockquote" && has_class(e, "tiktok-embed")
    }

    fn read_embed(&self, post: &mut Post, embed: &Embed) {
        let e = embed.element;
        let url = e.attr("cite").map(str::to_string);
        post.post_id = e
            .attr("data-video-id")
            .map(str::to_string)
            .or_else(|| url.as_deref().and_then(id_in_url));
        if let Some(u) = &url {
            post.handle = u
                .split('/')
                .find(|s| s.starts_with('@'))
                .map(str::to_string);
        }
        post.url = url;
        // "@handle Caption ♬ original sound - name"
        let all = text_of(embed.node);
        let caption = all.split('♬').next().unwrap_or_default();
        post.author_name = all
            .split_once('♬')
            .and_then(|(_, sound)| original_sound(sound));
        let caption = match &post.handle {
            Some(h) => caption.trim().strip_prefix(h.as_str()).unwrap_or(caption),
            None => caption,
        }
        .trim();
        post.text = (!caption.is_empty()).then(|| caption.to_string());
    }

    fn post_url(&self, host: &str, address: &str) -> bool {
        host == "tiktok.com" && address.contains("/video/")
    }
}
