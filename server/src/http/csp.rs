//! The Content-Security-Policy. Its source of truth is the `<meta>` policy in the built
//! app's `index.html` (written by `scripts/csp.py` at build time, with the hash of Trunk's
//! inline loader and the company's Protheus address if one is configured), so a company
//! that serves `dist/` from its own web server keeps the same policy. The server sends it
//! as a header too, adding what only a header can say (`frame-ancestors`).

use std::path::Path;

use axum::http::HeaderValue;

/// Used when the built app carries no policy (a server without `dist/`): nothing inline.
pub const FALLBACK: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
    img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; \
    object-src 'none'; base-uri 'none'; form-action 'self'";

/// What only a header can say: no framing, and where violations are reported.
const HEADER_ONLY: &str = "frame-ancestors 'none'; report-uri /api/mascate/v1/csp-report";

/// Browser features the app never uses.
pub const PERMISSIONS_POLICY: &str = "accelerometer=(), autoplay=(), camera=(), display-capture=(), \
    geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=(), \
    serial=(), bluetooth=(), hid=(), interest-cohort=()";

/// The policy in `<meta http-equiv="Content-Security-Policy" content="…">` of `html`.
pub fn from_html(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let at = lower.find("http-equiv=\"content-security-policy\"")?;
    let start = lower[..at].rfind("<meta")?;
    let end = start + lower[start..].find('>')?;
    let tag = &html[start..end];
    let content = tag.find("content=\"")? + "content=\"".len();
    let len = tag[content..].find('"')?;
    Some(tag[content..content + len].replace("&#39;", "'").replace("&quot;", "\""))
}

/// The header for the app in `dist`: its `<meta>` policy (or [`FALLBACK`]) plus
/// `frame-ancestors 'none'`.
pub fn header(dist: &Path) -> HeaderValue {
    let meta = std::fs::read_to_string(dist.join("index.html")).ok().and_then(|h| from_html(&h));
    let policy = format!("{}; {HEADER_ONLY}", meta.as_deref().unwrap_or(FALLBACK).trim().trim_end_matches(';'));
    HeaderValue::from_str(&policy).unwrap_or_else(|_| {
        tracing::warn!("the app's Content-Security-Policy is not a valid header; using the fallback");
        HeaderValue::from_str(&format!("{FALLBACK}; {HEADER_ONLY}")).expect("static policy")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_meta_policy() {
        let html = r#"<head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy"
            content="default-src 'self'; script-src 'self' 'sha256-abc='"></head>"#;
        assert_eq!(from_html(html).as_deref(), Some("default-src 'self'; script-src 'self' 'sha256-abc='"));
        assert_eq!(from_html("<head></head>"), None);
    }
}
