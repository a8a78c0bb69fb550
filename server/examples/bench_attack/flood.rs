//! Issue 27's attacks, measured: 1,000 slow bodies held (and sent again as they are cut)
//! while a normal request is timed; 2,000 CSP reports of 16 KB from one address, with the
//! log's growth; one seller posting 200 bodies of 500 KB, then listing the queue.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::server::{memory, start, start_logged};

/// One slow body after another on `addr` (from [`ATTACKER`]) until `stop`: complete headers of a token POST
/// announcing 100,000 bytes, then one byte every 5 s. Counts 408s and bare closes.
async fn slow_client(addr: String, stop: Arc<AtomicBool>, answered_408: Arc<AtomicUsize>, closed: Arc<AtomicUsize>) {
    let head = "POST /api/oauth2/v1/token?grant_type=password HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\na";
    while !stop.load(Ordering::Relaxed) {
        let Ok(mut s) = connect_from(ATTACKER, &addr).await else {
            tokio::time::sleep(Duration::from_millis(200)).await;
            continue;
        };
        if s.write_all(head.as_bytes()).await.is_err() {
            continue;
        }
        let mut buf = [0u8; 512];
        loop {
            tokio::select! {
                read = s.read(&mut buf) => {
                    match read {
                        Ok(n) if n > 0 && buf.starts_with(b"HTTP/1.1 408") => answered_408.fetch_add(1, Ordering::Relaxed),
                        _ => closed.fetch_add(1, Ordering::Relaxed),
                    };
                    break;
                }
                _ = tokio::time::sleep(Duration::from_secs(5)) => {
                    if stop.load(Ordering::Relaxed) || s.write_all(b"a").await.is_err() {
                        break;
                    }
                }
            }
        }
    }
}

/// The attackers' source address: not the rep's (the normal request comes from 127.0.0.1), as
/// on the road the rep and whoever floods the server are two clients.
const ATTACKER: &str = "127.0.0.2";

/// A connection to `addr` from the local address `from`.
async fn connect_from(from: &str, addr: &str) -> std::io::Result<tokio::net::TcpStream> {
    let socket = tokio::net::TcpSocket::new_v4()?;
    socket.bind(format!("{from}:0").parse().map_err(std::io::Error::other)?)?;
    socket.connect(addr.parse().map_err(std::io::Error::other)?).await
}

/// A normal request's latencies (fresh connection each) for `secs` while 1,000 slow bodies
/// are held; with the 408s and closes the attackers saw.
pub async fn slow_bodies(secs: f64) -> (Vec<Duration>, usize, usize, usize) {
    mascate_server::serve::raise_file_limit();
    let dir = tempfile::tempdir().unwrap();
    let server = start(dir.path(), &[]);
    let addr = server.base.trim_start_matches("http://").to_string();
    let stop = Arc::new(AtomicBool::new(false));
    let (c408, closed) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    let clients: Vec<_> = (0..1000)
        .map(|_| tokio::spawn(slow_client(addr.clone(), stop.clone(), c408.clone(), closed.clone())))
        .collect();
    tokio::time::sleep(Duration::from_secs(2)).await;
    let (mut latencies, mut failed) = (Vec::new(), 0);
    let started = Instant::now();
    while started.elapsed().as_secs_f64() < secs {
        let http = reqwest::Client::builder().timeout(Duration::from_secs(30)).build().unwrap();
        let t = Instant::now();
        match http.get(format!("{}/api/mascate/v1/about", server.base)).send().await {
            Ok(r) if r.status() == 200 => latencies.push(t.elapsed()),
            _ => failed += 1,
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    stop.store(true, Ordering::Relaxed);
    for c in clients {
        c.abort();
    }
    (latencies, failed, c408.load(Ordering::Relaxed), closed.load(Ordering::Relaxed))
}

/// 2,000 CSP reports of 16 KB from one address (8 at a time): 204s, 429s, the log's growth
/// in bytes, and whether a raw control character reached it.
pub async fn csp_flood() -> (usize, usize, u64, bool) {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("server.log");
    let server = start_logged(&dir.path().join("data"), &[], &log);
    let before = std::fs::metadata(&log).map(|m| m.len()).unwrap_or(0);
    let report =
        format!("{{\"csp-report\":{{\"blocked-uri\":\"\u{1b}[2J\u{1b}[31mFAKE\",\"x\":\"{}\"}}}}", "x".repeat(16_000));
    let mut workers = tokio::task::JoinSet::new();
    for w in 0..8 {
        let (http, url, report) =
            (reqwest::Client::new(), format!("{}/api/mascate/v1/csp-report", server.base), report.clone());
        workers.spawn(async move {
            let mut statuses = Vec::new();
            for n in (w..2000).step_by(8) {
                let res = http.post(&url).body(format!("{report}{n}")).send().await;
                statuses.push(res.map(|r| r.status().as_u16()).unwrap_or(0));
            }
            statuses
        });
    }
    let mut all = Vec::new();
    while let Some(s) = workers.join_next().await {
        all.extend(s.unwrap());
    }
    let text = std::fs::read(&log).unwrap_or_default();
    let raw = text.iter().any(|b| (*b < 0x20 && *b != b'\n') || *b == 0x7f);
    let count = |code| all.iter().filter(|s| **s == code).count();
    (count(204), count(429), text.len() as u64 - before, raw)
}

/// One seller posts 200 bodies of 500 KB: how many were taken, the database's growth, the
/// largest listing answer (pageSize=1000) and the server's peak memory.
pub async fn queue_flood() -> (usize, usize, f64, f64, f64) {
    let dir = tempfile::tempdir().unwrap();
    let server = start(dir.path(), &["--queue-delay-ms", "3600000"]);
    let http = reqwest::Client::new();
    let t = crate::token(&http, &server.base, "ana", "mascate1").await;
    let size = || {
        ["mascate.sqlite3", "mascate.sqlite3-wal"]
            .iter()
            .map(|f| std::fs::metadata(dir.path().join(f)).map(|m| m.len()).unwrap_or(0))
            .sum::<u64>() as f64
            / 1e6
    };
    let before = size();
    let (mut taken, mut refused) = (0, 0);
    for i in 0..200 {
        let body = serde_json::json!({"id": format!("flood-{i}"), "source": "MATA410", "json": {
            "header": {"customerid": "000002", "customerstore": "01", "notemessage": "n".repeat(500_000)}, "items": []}});
        let res = http.post(format!("{}/api/tgv/integrationqueue/", server.base)).bearer_auth(&t).json(&body).send();
        match res.await.unwrap().status().as_u16() {
            201 => taken += 1,
            _ => refused += 1,
        }
    }
    let grown = size() - before;
    let listing = http.get(format!("{}/api/tgv/integrationqueue/?pageSize=1000", server.base)).bearer_auth(&t);
    let answer = listing.send().await.unwrap().bytes().await.unwrap().len() as f64 / 1e6;
    let (_, peak) = memory(server.child.id());
    (taken, refused, grown, answer, peak)
}
