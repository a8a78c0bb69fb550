//! Where the ERP is: this app's own origin (the demo), or the company's Protheus REST root
//! the rep entered on the login page, remembered on the device.

use crate::prefs;

/// The configured REST root, without a trailing slash; empty means this app's own origin.
pub fn base_url() -> String {
    prefs::get(prefs::keys::BASE_URL).map(|u| u.trim().trim_end_matches('/').to_string()).unwrap_or_default()
}

/// Points the app at another REST root (empty to use this app's origin).
pub fn set_base_url(url: &str) {
    let url = url.trim();
    if url.is_empty() {
        prefs::remove(prefs::keys::BASE_URL);
    } else {
        prefs::set(prefs::keys::BASE_URL, url);
    }
}

/// The address of a contract path (`/api/...`).
pub fn url(path: &str) -> String {
    format!("{}{}", base_url(), path)
}
