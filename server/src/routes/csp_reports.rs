//! `POST /api/mascate/v1/csp-report`: where browsers report Content-Security-Policy
//! violations (`report-uri` in the policy header). Each report is logged and appended to
//! `csp-reports.jsonl` in the data folder (up to 1 MB), which the browser tests read to fail
//! on any violation. Mascate's own route, not part of the contract.

use std::io::Write;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;

use crate::state::AppState;

/// The largest report kept; the file stops growing at [`MAX_FILE`].
pub const MAX_REPORT: usize = 16 * 1024;
const MAX_FILE: u64 = 1024 * 1024;

/// The file the reports go to.
pub const FILE: &str = "csp-reports.jsonl";

pub async fn report(State(state): State<AppState>, body: Bytes) -> StatusCode {
    let text = String::from_utf8_lossy(&body[..body.len().min(MAX_REPORT)]).replace(['\n', '\r'], " ");
    tracing::warn!(report = %text, "content security policy violation");
    let path = state.config.data_dir.join(FILE);
    let room = std::fs::metadata(&path).map(|m| m.len() < MAX_FILE).unwrap_or(true);
    if room {
        if let Ok(mut f) = std::fs::OpenOptions::new().create(true).append(true).open(&path) {
            let _ = writeln!(f, "{text}");
        }
    }
    StatusCode::NO_CONTENT
}
