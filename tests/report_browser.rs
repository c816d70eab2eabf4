//! The review page, opened in headless Chromium (Debian's `chromium`; `.ci/run` installs it
//! and sets WHOSAID_REQUIRE_BROWSER=1). Checks through the browser that the highlights and
//! flags are there and that markup in an article runs nothing; saves a screenshot.
//! Without a browser the test fails under `CI=true` (or WHOSAID_REQUIRE_BROWSER=1), and
//! elsewhere says loudly on the terminal that it skipped.

use std::path::{Path, PathBuf};
use std::process::Command;

fn chromium() -> Option<PathBuf> {
    if let Ok(p) = std::env::var("CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| {
            std::env::var_os("PATH")?
                .to_str()?
                .split(':')
                .map(|d| Path::new(d).join(name))
                .find(|p| p.is_file())
        })
}

fn browser(dir: &Path, args: &[&str]) -> String {
    let exe = match chromium() {
        Some(e) => e,
        None => {
            assert!(
                std::env::var_os("WHOSAID_REQUIRE_BROWSER").is_none(),
                "WHOSAID_REQUIRE_BROWSER is set but no chromium was found"
            );
            return String::new();
        }
    };
    let profile = dir.join("profile");
    let out = Command::new(exe)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--virtual-time-budget=2000",
            &format!("--user-data-dir={}", profile.display()),
        ])
        .args(args)
        .output()
        .expect("chromium runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn page(dir: &Path, name: &str, title: &str, text: &str) -> PathBuf {
    let a = whosaid::analyze(text, &whosaid::Options::default());
    let html = whosaid::html_report(title, text, &a);
    let path = dir.join(name);
    std::fs::write(&path, html).unwrap();
    path
}

#[test]
fn the_review_page_in_a_browser() {
    if chromium().is_none() {
        let required = std::env::var_os("WHOSAID_REQUIRE_BROWSER").is_some()
            || std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
        assert!(
            !required,
            "the browser test needs Chromium (CI=true or WHOSAID_REQUIRE_BROWSER is set): \
             `apt-get install chromium`, or CHROMIUM=/path/to/chrome"
        );
        // Straight to the terminal, past the test harness's capture.
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "\n*** SKIPPED the_review_page_in_a_browser: no chromium on this machine (CI installs \
             it; or set CHROMIUM=/path/to/chrome) ***\n"
        );
        return;
    }
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("report_browser");
    std::fs::create_dir_all(&dir).unwrap();

    // The user's article: highlights in the speakers' colours, the speakers, the flags.
    let seed = page(
        &dir,
        "seed.html",
        "000_27924a35f5f8de13.txt",
        include_str!("../samples/000_27924a35f5f8de13.txt"),
    );
    let dom = browser(&dir, &["--dump-dom", &format!("file://{}", seed.display())]);
    assert!(
        dom.contains("<mark class=\"q"),
        "no highlight in the rendered page"
    );
    assert!(dom.matches("<mark class=\"q").count() >= 6);
    assert!(dom.contains("id=\"speakers\"") && dom.contains("Suhail Shaheen"));
    assert!(dom.contains("id=\"flags\"") && dom.contains("platform_without_post"));
    assert!(dom.contains("href=\"#f0\""), "flags link to the text");

    // A hostile article: its markup is shown as text and runs nothing.
    let hostile = "“<script>document.body.setAttribute('data-pwned','yes')</script>,” said Ann Lee.\n\n\
                   <img src=x onerror=\"document.body.setAttribute('data-pwned','yes')\"> \"Hello,\" she said.";
    let evil = page(
        &dir,
        "hostile.html",
        "<img src=x onerror=\"document.body.setAttribute('data-pwned','yes')\">",
        hostile,
    );
    let dom = browser(&dir, &["--dump-dom", &format!("file://{}", evil.display())]);
    assert!(dom.contains("<body"), "the page rendered: {dom}");
    assert!(
        !dom.contains("data-pwned=\"yes\""),
        "article markup ran in the browser"
    );
    assert!(
        dom.contains("&lt;script&gt;"),
        "the script is shown as text"
    );

    // A screenshot, as a person would see it.
    let shot = dir.join("review.png");
    let _ = std::fs::remove_file(&shot);
    browser(
        &dir,
        &[
            &format!("--screenshot={}", shot.display()),
            "--window-size=1280,1400",
            &format!("file://{}", seed.display()),
        ],
    );
    let png = std::fs::read(&shot).expect("a screenshot was written");
    assert!(png.starts_with(b"\x89PNG") && png.len() > 10_000);
}
