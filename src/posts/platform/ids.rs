//! The id in a post URL.

/// The id in a post URL: a status number, the short code after /p/ or /reel/, a video id
/// after /embed/, or a last path segment of digits.
pub(crate) fn id_in_url(url: &str) -> Option<String> {
    let path = url
        .split(['?', '#'])
        .next()
        .unwrap_or(url)
        .trim_end_matches('/');
    // facebook.com/photo.php?fbid=N, permalink.php?story_fbid=N
    if let Some(query) = url.split_once('?').map(|q| q.1) {
        for kv in query.split(['&', '#']) {
            if let Some(id) = kv
                .strip_prefix("fbid=")
                .or(kv.strip_prefix("story_fbid="))
                .filter(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()))
            {
                return Some(id.to_string());
            }
        }
    }
    let segs: Vec<&str> = path.split('/').collect();
    for key in [
        "status", "statuses", "p", "reel", "tv", "posts", "videos", "video", "embed", "post",
    ] {
        if let Some(i) = segs.iter().position(|s| *s == key)
            && let Some(id) = segs.get(i + 1).filter(|s| !s.is_empty())
        {
            return Some(id.to_string());
        }
    }
    let last = segs.last()?;
    (last.len() >= 5 && last.chars().all(|c| c.is_ascii_digit())).then(|| last.to_string())
}
