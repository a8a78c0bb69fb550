//! The accept loop: HTTP/1.1 connections with a header-read timeout, a body deadline, a
//! connection cap and a share per client address, so slow or many clients cannot hold the
//! server.
//!
//! A connection that has not sent its request headers within `--header-timeout` seconds is
//! closed; a body must arrive within `--body-timeout` seconds plus one per 8 KB received
//! ([`slow_body`]), or the request is answered 408 and the connection closed, and counted.
//! At most `--max-connections` are open at once (kept below the process's file limit, which
//! is raised to its hard maximum at start), and at most `--connections-per-address` from one
//! address. Past either, a new connection takes the place of an idle one — a half-sent
//! request, a body still arriving or an idle keep-alive, never one being answered — of its
//! own address first, else of the address holding the most ([`slots`]): a thousand slow
//! clients cannot keep a normal request out.

mod slots;
pub mod slow_body;

use std::future::Future;
use std::net::IpAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{header, HeaderValue};
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::TcpListener;
use tower::ServiceExt;

use crate::http::AppService;
use slots::{Request, Slots};
use slow_body::{SlowBody, TimedBody};

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

/// What the loop has done to protect itself, for the log and the bench.
#[derive(Debug, Default)]
pub struct Counters {
    slow_bodies: AtomicU64,
    evicted: AtomicU64,
}

impl Counters {
    /// Request bodies cut for arriving too slowly, since start.
    pub fn slow_bodies_cut(&self) -> u64 {
        self.slow_bodies.load(Ordering::Relaxed)
    }

    /// Idle or receiving connections let go to make room, since start.
    pub fn connections_evicted(&self) -> u64 {
        self.evicted.load(Ordering::Relaxed)
    }
}

/// The address a client is counted by: an IPv4 address, or an IPv6 /64 (one subscriber's
/// network; an IPv4-mapped address counts as its IPv4 one).
pub fn address_key(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let s = v6.segments();
                IpAddr::V6(std::net::Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
            }
        },
        v4 => v4,
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
    counters: Arc<Counters>,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    let files = raise_file_limit();
    let cap = limits.max_connections.min(files.saturating_sub(RESERVED_FILES).max(1) as usize);
    let slots = Slots::new(cap, limits.per_address, counters);
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
        let Some(slot) = slots.admit(address_key(peer.ip())) else {
            tracing::warn!(%peer, cap, "connection refused: every connection it could replace is answering");
            continue;
        };
        let slot = Arc::new(slot);
        let (app, for_requests, body_timeout) = (app.clone(), slot.clone(), limits.body_timeout);
        // Each request carries the client's address, its body runs against the clock, and
        // the connection counts as answering once the body is in.
        let service = hyper::service::service_fn(move |req: hyper::Request<Incoming>| {
            let request = Request::new(for_requests.clone());
            let app = app.clone();
            let cut = SlowBody::default();
            let mut req = req.map(|body| Body::new(TimedBody::new(body, body_timeout, request.clone(), cut.clone())));
            req.extensions_mut().insert(ConnectInfo(peer));
            req.extensions_mut().insert(cut.clone());
            async move {
                let mut res = app.oneshot(req).await;
                if let Ok(res) = &mut res {
                    if cut.is_cut() {
                        // The rest of the body is never read: the connection ends here.
                        res.headers_mut().insert(header::CONNECTION, HeaderValue::from_static("close"));
                    }
                }
                request.answered();
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
