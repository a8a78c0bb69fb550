//! The accept loop: HTTP/1.1 connections with a header-read timeout and a connection cap,
//! so half-sent requests cannot hold the server.
//!
//! A connection that has not sent its request headers within `--header-timeout` seconds is
//! closed. At most `--max-connections` are open at once (kept below the process's file
//! limit, which is raised to its hard maximum at start). At the cap, a new connection takes
//! the place of the one idle longest — a half-sent request or an idle keep-alive, never one
//! being answered — so a thousand slow clients cannot keep a normal request out.

use std::collections::HashMap;
use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::TcpListener;
use tokio::sync::Notify;
use tower::ServiceExt;

use crate::http::AppService;

/// Files kept for SQLite, logs and the listener when the cap is derived from the file limit.
const RESERVED_FILES: libc::rlim_t = 64;

/// Raises the soft open-file limit to the hard one; returns the soft limit now in force.
pub fn raise_file_limit() -> libc::rlim_t {
    // SAFETY: getrlimit/setrlimit only read and write the struct we pass.
    unsafe {
        let mut lim = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim) != 0 {
            return 1024;
        }
        if lim.rlim_cur < lim.rlim_max {
            let raised = libc::rlimit { rlim_cur: lim.rlim_max, rlim_max: lim.rlim_max };
            if libc::setrlimit(libc::RLIMIT_NOFILE, &raised) == 0 {
                lim.rlim_cur = lim.rlim_max;
            }
        }
        lim.rlim_cur
    }
}

/// The open connections and who may be let go at the cap.
struct Connections {
    cap: usize,
    next: AtomicU64,
    open: Mutex<HashMap<u64, Entry>>,
}

struct Entry {
    /// Requests being answered on it.
    busy: usize,
    /// When it last started or finished a request (or opened).
    since: Instant,
    evict: Arc<Notify>,
}

/// One admitted connection; leaving it (dropping) frees its place.
struct Slot {
    id: u64,
    conns: Arc<Connections>,
    evict: Arc<Notify>,
}

impl Connections {
    fn admit(self: &Arc<Self>) -> Option<Slot> {
        let mut open = self.open.lock().unwrap_or_else(|p| p.into_inner());
        if open.len() >= self.cap {
            let idle = open.iter().filter(|(_, e)| e.busy == 0).min_by_key(|(_, e)| e.since).map(|(id, _)| *id)?;
            if let Some(e) = open.remove(&idle) {
                e.evict.notify_one();
            }
        }
        let id = self.next.fetch_add(1, Ordering::Relaxed);
        let evict = Arc::new(Notify::new());
        open.insert(id, Entry { busy: 0, since: Instant::now(), evict: evict.clone() });
        Some(Slot { id, conns: self.clone(), evict })
    }

    fn touch(&self, id: u64, delta: isize) {
        let mut open = self.open.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(e) = open.get_mut(&id) {
            e.busy = e.busy.saturating_add_signed(delta);
            e.since = Instant::now();
        }
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.conns.open.lock().unwrap_or_else(|p| p.into_inner()).remove(&self.id);
    }
}

/// Marks a connection busy while a request is answered.
struct Busy(Arc<Slot>);

impl Busy {
    fn new(slot: Arc<Slot>) -> Busy {
        slot.conns.touch(slot.id, 1);
        Busy(slot)
    }
}

impl Drop for Busy {
    fn drop(&mut self) {
        self.0.conns.touch(self.0.id, -1);
    }
}

/// What the loop has done to protect itself, for the log and the bench.
#[derive(Debug, Default)]
pub struct Counters {
    slow_bodies: AtomicU64,
}

impl Counters {
    /// Request bodies cut for arriving too slowly, since start.
    pub fn slow_bodies_cut(&self) -> u64 {
        self.slow_bodies.load(Ordering::Relaxed)
    }
}

/// How the loop treats connections.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub header_timeout: Duration,
    pub max_connections: usize,
    /// A body must arrive within this, plus a second per [`BODY_MIN_RATE`] bytes received.
    pub body_timeout: Duration,
    /// Connections one client address may hold.
    pub per_address: usize,
}

/// Bytes a second a slow body must keep up, past its first `body_timeout` (8 KB/s: 64 kbit/s).
pub const BODY_MIN_RATE: u64 = 8 * 1024;

/// Serves `app` on `listener` until `shutdown` completes.
pub async fn run(
    listener: TcpListener,
    app: AppService,
    limits: Limits,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    let files = raise_file_limit();
    let cap = limits.max_connections.min(files.saturating_sub(RESERVED_FILES).max(1) as usize);
    let conns = Arc::new(Connections { cap, next: AtomicU64::new(0), open: Mutex::new(HashMap::new()) });
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new()).header_read_timeout(limits.header_timeout);
    tokio::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(pair) => pair,
                Err(e) => {
                    // Out of files or a reset before accept: wait a moment, do not spin.
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(20)).await;
                    continue;
                }
            },
            _ = &mut shutdown => return Ok(()),
        };
        let Some(slot) = conns.admit() else {
            tracing::warn!(%peer, cap, "connection refused: every connection is answering a request");
            continue;
        };
        let slot = Arc::new(slot);
        let (app, for_requests) = (app.clone(), slot.clone());
        // Each request carries the client's address, and marks the connection busy.
        let service = hyper::service::service_fn(move |req: hyper::Request<Incoming>| {
            let busy = Busy::new(for_requests.clone());
            let app = app.clone();
            async move {
                let mut req = req.map(Body::new);
                req.extensions_mut().insert(ConnectInfo(peer));
                let res = app.oneshot(req).await;
                drop(busy);
                res
            }
        });
        let connection = http.serve_connection(TokioIo::new(stream), service);
        tokio::spawn(async move {
            tokio::select! {
                _ = connection => {}
                _ = slot.evict.notified() => {}
            }
        });
    }
}
