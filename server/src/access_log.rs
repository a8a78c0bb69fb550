//! An optional access log (`--access-log FILE`): one line per request with the time, the
//! method, the path and the status. Query strings are left out (the token grant may carry a
//! password there), and so are headers and bodies. The browser tests read it to count what
//! reached the server (token renewals, writes).

use std::io::Write;
use std::sync::{Arc, Mutex};

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;

/// The open log file, shared by every request.
#[derive(Clone)]
pub struct AccessLog(Arc<Mutex<std::fs::File>>);

impl AccessLog {
    /// Opens `path` for appending (creating it and its folder).
    pub fn open(path: &std::path::Path) -> std::io::Result<AccessLog> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        let file = std::fs::OpenOptions::new().create(true).append(true).open(path)?;
        Ok(AccessLog(Arc::new(Mutex::new(file))))
    }
}

/// Middleware: serves the request, then writes its line.
pub async fn record(State(log): State<AccessLog>, req: Request, next: Next) -> Response {
    let (method, path) = (req.method().clone(), req.uri().path().to_string());
    let response = next.run(req).await;
    let millis = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis()).unwrap_or(0);
    let line = format!("{millis} {method} {path} {}\n", response.status().as_u16());
    if let Ok(mut file) = log.0.lock() {
        // A full disk must not take the server down: the request is served either way.
        let _ = file.write_all(line.as_bytes());
    }
    response
}
