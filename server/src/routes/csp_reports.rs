//! `POST /api/mascate/v1/csp-report`: where browsers report Content-Security-Policy
//! violations (`report-uri` in the policy header). Each report is logged and appended to
//! `csp-reports.jsonl` in the data folder (up to 1 MB), which the browser tests read to fail
//! on any violation. Mascate's own route, not part of the contract.
//!
//! Anyone may call it, so it is bounded: [`PER_ADDRESS`] reports at once per address and
//! one more every [`EARN_EVERY`], [`SHARED`] at once for everyone (429 with `Retry-After`
//! beyond, before the body is read); a report already kept is answered 204 and neither
//! logged nor kept again; the log gets at most [`LOGGED`] bytes of one.

use std::collections::HashSet;
use std::hash::{Hash, Hasher};
use std::io::Write;
use std::net::SocketAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::extract::{ConnectInfo, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;

use crate::error::ApiError;
use crate::rate_limit::RateLimit;
use crate::state::AppState;

/// The largest report kept; the file stops growing at [`MAX_FILE`].
pub const MAX_REPORT: usize = 16 * 1024;
const MAX_FILE: u64 = 1024 * 1024;
/// Reports one address may send at once.
pub const PER_ADDRESS: u32 = 10;
/// An address earns one more report this often (10 a minute).
pub const EARN_EVERY: Duration = Duration::from_secs(6);
/// Reports all addresses together may send at once, earning one more a second.
pub const SHARED: u32 = 100;
/// Bytes of a report that go to the log (the file keeps it whole).
pub const LOGGED: usize = 512;
/// Distinct reports remembered to leave out repeats.
const REMEMBERED: usize = 1024;

/// The file the reports go to.
pub const FILE: &str = "csp-reports.jsonl";

/// The endpoint's budgets and the reports it has already kept.
pub struct CspReports {
    limit: RateLimit,
    seen: Mutex<HashSet<u64>>,
}

impl Default for CspReports {
    fn default() -> Self {
        CspReports {
            limit: RateLimit::new(PER_ADDRESS, EARN_EVERY, SHARED, Duration::from_secs(1)),
            seen: Mutex::default(),
        }
    }
}

impl CspReports {
    /// Whether `text` is new (and now remembered).
    fn first_time(&self, text: &str) -> bool {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        text.hash(&mut hasher);
        let mut seen = self.seen.lock().unwrap_or_else(|p| p.into_inner());
        if seen.len() >= REMEMBERED {
            seen.clear();
        }
        seen.insert(hasher.finish())
    }
}

pub async fn report(
    State(state): State<AppState>,
    peer: Option<Extension<ConnectInfo<SocketAddr>>>,
    body: Body,
) -> Response {
    let address = peer.map(|Extension(ConnectInfo(p))| crate::serve::address_key(p.ip()));
    let address = address.unwrap_or(std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST));
    if let Err(wait) = state.csp_reports.limit.spend(address, Instant::now()) {
        let message = format!("Muitos relatórios de política de segurança. Tente novamente em {wait} segundos.");
        let mut res = ApiError::TooMany(message.into()).into_response();
        res.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(wait));
        return res;
    }
    let Ok(body) = axum::body::to_bytes(body, MAX_REPORT).await else {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    };
    let text = String::from_utf8_lossy(&body).replace(['\n', '\r'], " ");
    if !state.csp_reports.first_time(&text) {
        return StatusCode::NO_CONTENT.into_response();
    }
    let cut = (0..=LOGGED.min(text.len())).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
    tracing::warn!(%address, report = &text[..cut], bytes = text.len(), "content security policy violation");
    let path = state.config.data_dir.join(FILE);
    let room = std::fs::metadata(&path).map(|m| m.len() < MAX_FILE).unwrap_or(true);
    if room {
        if let Ok(mut f) = std::fs::OpenOptions::new().create(true).append(true).open(&path) {
            let _ = writeln!(f, "{text}");
        }
    }
    StatusCode::NO_CONTENT.into_response()
}
