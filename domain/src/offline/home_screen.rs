//! Whether to tell a rep to add Mascate to the home screen.
//!
//! On an iPad or iPhone every browser is Safari's engine, which erases a site's data after
//! seven days without a visit and does not grant `persist()` in a tab; an app opened from the
//! home screen keeps its data. iPadOS Safari says it is a Mac, so a "Mac" with a touch
//! screen is an iPad.
//!
//! ```
//! use mascate_domain::offline::home_screen::{apple_touch, hint_install};
//! let ipad = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15";
//! assert!(apple_touch(ipad, 5));
//! assert!(!apple_touch(ipad, 0)); // a real Mac
//! assert!(hint_install(true, false, false));
//! assert!(!hint_install(true, true, false)); // already on the home screen
//! ```

/// Whether the browser runs on an iPad or iPhone (Safari's engine, Safari's storage rules).
pub fn apple_touch(user_agent: &str, max_touch_points: u32) -> bool {
    let ua = user_agent;
    ua.contains("iPad")
        || ua.contains("iPhone")
        || ua.contains("iPod")
        || (ua.contains("Macintosh") && max_touch_points > 1)
}

/// Whether to show the hint: on an Apple touch device, in a browser tab (not opened from the
/// home screen), until the rep has said they read it.
pub fn hint_install(apple_touch: bool, standalone: bool, dismissed: bool) -> bool {
    apple_touch && !standalone && !dismissed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn android_tablets_and_desktops_get_no_hint() {
        let android = "Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";
        let firefox = "Mozilla/5.0 (Android 14; Tablet; rv:133.0) Gecko/133.0 Firefox/133.0";
        let webkitgtk =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15";
        for ua in [android, firefox, webkitgtk] {
            assert!(!apple_touch(ua, 10), "{ua}");
        }
    }

    #[test]
    fn iphones_and_old_ipads_say_so() {
        assert!(apple_touch("Mozilla/5.0 (iPad; CPU OS 12_5 like Mac OS X) AppleWebKit/605.1.15", 0));
        assert!(apple_touch("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)", 5));
    }

    #[test]
    fn the_hint_is_said_once() {
        assert!(!hint_install(true, false, true));
        assert!(!hint_install(false, false, false));
    }
}
