//! The server under attack and load (not a test): runs the release server binary as its own
//! process and prints, side by side at the end of one run,
//! - a signed-in reader's p50/p99 alone and during a 64-client wrong-password storm (with
//!   the login throttle on, and with the address throttle off so every attempt is hashed),
//!   with the server's resident memory;
//! - the queue's drain rate for 3 sellers × 2,000 documents, and when a seller with 100
//!   documents queued behind one with 2,000 is done;
//! - ana's sign-ins from her known device and from a new one during a distributed
//!   wrong-password storm against her name (`lockout.rs`);
//! - one normal request's latency alone and with 1,000 half-sent connections held open;
//! - a 100,000-product selection saved as the app saves it, read back and synced whole;
//! - issue 27's floods ([`flood`]): 1,000 slow bodies, 2,000 CSP reports, 200 queue bodies
//!   of 500 KB.
//!
//! `cargo build --release -p mascate-server && cargo run --release -p mascate-server --example
//! bench_attack` (or `make bench-server`).

mod flood;
mod lockout;
mod server;

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use server::{memory, start};

fn pct(mut xs: Vec<Duration>, p: f64) -> f64 {
    xs.sort();
    xs[((xs.len() - 1) as f64 * p).round() as usize].as_secs_f64() * 1e3
}

async fn token(http: &reqwest::Client, base: &str, user: &str, password: &str) -> String {
    let url = format!("{base}/api/oauth2/v1/token?grant_type=password&username={user}&password={password}");
    let body: Value = http.post(url).send().await.unwrap().json().await.unwrap();
    body["access_token"].as_str().expect("a token").to_string()
}

/// Sequential reads of a customer page by a signed-in rep, for `secs` seconds.
async fn reader(http: &reqwest::Client, base: &str, token: &str, secs: f64) -> Vec<Duration> {
    let mut out = Vec::new();
    let started = Instant::now();
    while started.elapsed().as_secs_f64() < secs {
        let t = Instant::now();
        let res = http.get(format!("{base}/api/tgv/customers?pageSize=20")).bearer_auth(token).send().await.unwrap();
        assert_eq!(res.status(), 200);
        res.bytes().await.unwrap();
        out.push(t.elapsed());
    }
    out
}

/// A reader's latencies while 64 clients send wrong passwords under random names.
async fn storm(args: &[&str]) -> (Vec<Duration>, f64, f64, usize) {
    let dir = tempfile::tempdir().unwrap();
    let server = start(dir.path(), args);
    let http = reqwest::Client::new();
    let t = token(&http, &server.base, "ana", "mascate1").await;
    reader(&http, &server.base, &t, 0.5).await; // warm
    let stop = Arc::new(AtomicBool::new(false));
    let attackers: Vec<_> = (0..64)
        .map(|c| {
            let (http, base, stop) = (reqwest::Client::new(), server.base.clone(), stop.clone());
            tokio::spawn(async move {
                let mut sent = 0usize;
                while !stop.load(Ordering::Relaxed) {
                    let url =
                        format!("{base}/api/oauth2/v1/token?grant_type=password&username=u{c}x{sent}&password=guess");
                    if http.post(url).send().await.is_ok() {
                        sent += 1;
                    }
                }
                sent
            })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let latencies = reader(&http, &server.base, &t, 5.0).await;
    let (rss, _) = memory(server.child.id());
    stop.store(true, Ordering::Relaxed);
    let mut attempts = 0;
    for a in attackers {
        attempts += a.await.unwrap();
    }
    let (_, peak) = memory(server.child.id());
    (latencies, rss, peak, attempts)
}

async fn post_orders(base: &str, token: &str, prefix: &str, customer: &str, n: usize) {
    let http = reqwest::Client::new();
    let mut posts = tokio::task::JoinSet::new();
    for worker in 0..8 {
        let (http, base, token, prefix, customer) =
            (http.clone(), base.to_string(), token.to_string(), prefix.to_string(), customer.to_string());
        posts.spawn(async move {
            for i in (worker..n).step_by(8) {
                let body = json!({"id": format!("{prefix}-{i:05}"), "source": "MATA410", "json": {
                    "header": {"customerid": customer, "customerstore": "01", "paymentconditionid": "002"},
                    "items": [{"productid": "P00001", "quantity": 1, "unitprice": 9.9},
                              {"productid": "P00002", "quantity": 2, "unitprice": 5.5}]}});
                let res = http.post(format!("{base}/api/tgv/integrationqueue/")).bearer_auth(&token).json(&body);
                assert_eq!(res.send().await.unwrap().status(), 201);
            }
        });
    }
    while posts.join_next().await.is_some() {}
}

/// Rows of the queue at `status` (read-only, beside the running server).
fn rows_at(db: &Path, status: &str) -> usize {
    let conn = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    conn.query_row("SELECT count(*) FROM integration_queue WHERE status = ?1", [status], |r| r.get(0)).unwrap_or(0)
}

/// Seconds from `since` (micros) until each seller's last document finished, and how many.
fn finished(db: &Path, since: i64) -> (usize, Vec<(String, f64)>) {
    let conn = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let done: usize = conn
        .query_row("SELECT count(*) FROM integration_queue WHERE status IN ('2', '3')", [], |r| r.get(0))
        .unwrap_or(0);
    let mut stmt = conn
        .prepare("SELECT sellerid, max(processed_at) FROM integration_queue WHERE status IN ('2','3') GROUP BY 1")
        .unwrap();
    let per = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, (r.get::<_, i64>(1)? - since) as f64 / 1e6)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    (done, per)
}

/// Queues `loads` (seller, password, customer, count) with the job paused, then restarts the
/// server with the job at full speed; seconds to drain, the server's CPU seconds, and each
/// seller's last finish. Before timing, every document is waiting in the queue; after, every
/// one was accepted (a refused document finishes faster and would flatter the rate).
async fn drain(loads: &[(&str, &str, &str, usize)]) -> (usize, f64, f64, Vec<(String, f64)>) {
    let dir = tempfile::tempdir().unwrap();
    let total: usize = loads.iter().map(|l| l.3).sum();
    {
        let server = start(dir.path(), &["--queue-delay-ms", "3600000"]);
        let http = reqwest::Client::new();
        for (user, password, customer, n) in loads {
            let t = token(&http, &server.base, user, password).await;
            post_orders(&server.base, &t, user, customer, *n).await;
        }
    }
    let db = dir.path().join("mascate.sqlite3");
    assert_eq!(rows_at(&db, "0"), total, "every document waits in the queue before the drain is timed");
    let since = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_micros() as i64;
    let t = Instant::now();
    let server = start(dir.path(), &["--queue-delay-ms", "0"]);
    loop {
        let (done, per) = finished(&db, since);
        if done >= total {
            let (secs, cpu) = (t.elapsed().as_secs_f64(), server::cpu_secs(server.child.id()));
            assert_eq!(rows_at(&db, "2"), total, "every document accepted ({} refused)", rows_at(&db, "3"));
            return (done, secs, cpu, per);
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Opens a connection and sends part of a request's headers, never the end.
async fn half_sent(addr: &str) -> Option<tokio::net::TcpStream> {
    use tokio::io::AsyncWriteExt;
    let connect = tokio::net::TcpStream::connect(addr);
    let mut s = tokio::time::timeout(Duration::from_millis(500), connect).await.ok()?.ok()?;
    s.write_all(b"GET /api/mascate/v1/about HTTP/1.1\r\nHost: x\r\nX-Slow: ").await.ok()?;
    Some(s)
}

/// A normal request's latencies (fresh connection each) alone, then with 1,000 half-sent held.
async fn half_open() -> (Vec<Duration>, Vec<Duration>, usize) {
    mascate_server::serve::raise_file_limit();
    let dir = tempfile::tempdir().unwrap();
    let server = start(dir.path(), &[]);
    let normal = |n: usize| {
        let base = server.base.clone();
        async move {
            let mut out = Vec::new();
            for _ in 0..n {
                let http = reqwest::Client::builder().timeout(Duration::from_secs(30)).build().unwrap();
                let t = Instant::now();
                let res = http.get(format!("{base}/api/mascate/v1/about")).send().await.unwrap();
                assert_eq!(res.status(), 200);
                out.push(t.elapsed());
            }
            out
        }
    };
    let alone = normal(20).await;
    let addr = server.base.trim_start_matches("http://").to_string();
    let mut held = Vec::new();
    for _ in 0..1000 {
        if let Some(c) = half_sent(&addr).await {
            held.push(c);
        }
    }
    assert_eq!(held.len(), 1000, "1,000 half-sent connections held open before timing");
    let during = normal(20).await;
    (alone, during, held.len())
}

/// Saves a 100,000-product selection as the app does (one POST), reads its items back and
/// syncs the products whole; seconds for each, after asserting the counts.
async fn big_selection() -> (f64, f64, f64) {
    const N: usize = 100_000;
    let dir = tempfile::tempdir().unwrap();
    let server = start(dir.path(), &[]);
    {
        let mut db = rusqlite::Connection::open(dir.path().join("mascate.sqlite3")).unwrap();
        db.busy_timeout(Duration::from_secs(30)).unwrap();
        let tx = db.transaction().unwrap();
        let mut insert = tx
            .prepare(
                "INSERT INTO products(code, description, outflowtype, price, stamp) VALUES (?1, ?2, '501', 10, ?3)",
            )
            .unwrap();
        for n in 0..N {
            insert.execute(rusqlite::params![format!("PB{n:06}"), format!("PRODUTO {n}"), n as i64 + 1]).unwrap();
        }
        drop(insert);
        tx.commit().unwrap();
    }
    let http = reqwest::Client::new();
    let t = token(&http, &server.base, "ana", "mascate1").await;
    let items: Vec<Value> = (0..N).map(|n| json!({"entityid": format!("PB{n:06}")})).collect();
    let started = Instant::now();
    let res = http
        .post(format!("{}/api/pgv/sellerfilters/", server.base))
        .bearer_auth(&t)
        .json(&json!({"header": {"schemaid": "000012"}, "items": items}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let uuid = res.json::<Value>().await.unwrap()["items"][0]["uuid"].as_str().unwrap().to_string();
    let saved = started.elapsed().as_secs_f64();
    let count_pages = |path: String| {
        let (http, t) = (http.clone(), t.clone());
        async move {
            let started = Instant::now();
            let mut rows = 0;
            for page in 1.. {
                let body: Value = http
                    .get(format!("{path}?page={page}&pageSize=1000"))
                    .bearer_auth(&t)
                    .send()
                    .await
                    .unwrap()
                    .json()
                    .await
                    .unwrap();
                rows += body["items"].as_array().map_or(0, Vec::len);
                if body["hasNext"] != true {
                    break;
                }
            }
            (rows, started.elapsed().as_secs_f64())
        }
    };
    let (stored, read) = count_pages(format!("{}/api/pgv/sellerfilters/{uuid}/items/", server.base)).await;
    assert_eq!(stored, N, "the whole selection is stored");
    let (synced, sync) = count_pages(format!("{}/api/tgv/products/sync", server.base)).await;
    assert_eq!(synced, N, "the whole selection is synced");
    (saved, read, sync)
}

/// Whether a scenario runs: all, or those named in `BENCH_ONLY` (comma-separated:
/// storm, queue, connections, selection, slowbody, csp, queueflood).
fn wanted(name: &str) -> bool {
    std::env::var("BENCH_ONLY").map(|only| only.split(',').any(|o| o.trim() == name)).unwrap_or(true)
}

/// `p50 … ms   p99 … ms` of `l`.
fn percentiles(l: &[Duration]) -> String {
    format!("p50 {:>8.2} ms   p99 {:>8.2} ms", pct(l.to_vec(), 0.5), pct(l.to_vec(), 0.99))
}

fn row(name: &str, l: &[Duration], extra: String) {
    println!(
        "  {name:<46} p50 {:>8.2} ms   p99 {:>8.2} ms   ({} reads) {extra}",
        pct(l.to_vec(), 0.5),
        pct(l.to_vec(), 0.99),
        l.len()
    );
}

async fn storms() {
    let (alone_rss, alone) = {
        let dir = tempfile::tempdir().unwrap();
        let s = start(dir.path(), &[]);
        let http = reqwest::Client::new();
        let t = token(&http, &s.base, "ana", "mascate1").await;
        reader(&http, &s.base, &t, 0.5).await;
        let l = reader(&http, &s.base, &t, 5.0).await;
        (memory(s.child.id()).0, l)
    };
    let (throttled, t_rss, t_peak, t_attempts) = storm(&[]).await;
    let (hashed, h_rss, h_peak, h_attempts) = storm(&["--address-failures", "100000000"]).await;
    println!("\nsigned-in reader (a customer page, read again and again for 5 s)");
    row("alone", &alone, format!("server RSS {alone_rss:.0} MB"));
    row(
        &format!("64-client storm, throttle on ({t_attempts} attempts)"),
        &throttled,
        format!("server RSS {t_rss:.0} MB, peak {t_peak:.0} MB"),
    );
    row(
        &format!("64-client storm, all hashed ({h_attempts} attempts)"),
        &hashed,
        format!("server RSS {h_rss:.0} MB, peak {h_peak:.0} MB"),
    );
    println!(
        "  p50 during the storm / alone: {:.2}× (throttle on), {:.2}× (every attempt hashed)",
        pct(throttled.clone(), 0.5) / pct(alone.clone(), 0.5),
        pct(hashed.clone(), 0.5) / pct(alone.clone(), 0.5)
    );
}

async fn queues() {
    let loads = [
        ("ana", "mascate1", "000002", 2000),
        ("bruno", "mascate2", "000007", 2000),
        ("carla", "mascate3", "000008", 2000),
    ];
    let (done, secs, cpu, per) = drain(&loads).await;
    let fair = [("ana", "mascate1", "000002", 2000), ("carla", "mascate3", "000008", 100)];
    let (_, _, _, fair_per) = drain(&fair).await;
    println!("\nqueue (from the restart that lets the job run)");
    println!(
        "  3 sellers × 2,000 documents: {done} done in {secs:.2} s = {:.0} docs/s; the server used {cpu:.2} CPU s \
         = {:.0} docs per CPU second (this machine is shared: the wall-clock rate depends on the CPU it gets)",
        done as f64 / secs,
        done as f64 / cpu
    );
    for (seller, at) in &per {
        println!("    seller {seller}: last document done at {at:.2} s");
    }
    println!("  2,000 documents of seller 000001, then 100 of seller 000003 queued behind them:");
    for (seller, at) in &fair_per {
        println!("    seller {seller}: last document done at {at:.2} s");
    }
    let last = |seller: &str| fair_per.iter().find(|(s, _)| s == seller).map_or(f64::NAN, |p| p.1);
    println!(
        "    the smaller seller's last document done before the bigger seller's: {}",
        if last("000003") < last("000001") { "yes" } else { "NO" }
    );
}

#[tokio::main]
async fn main() {
    assert!(server::binary().is_file(), "build it first: cargo build --release -p mascate-server");
    println!("server under attack and load (release binary, one process per scenario)…");
    if wanted("storm") {
        storms().await;
    }
    if wanted("lockout") {
        lockout::distributed_storm().await;
    }
    if wanted("queue") {
        queues().await;
    }
    if wanted("connections") {
        let (quiet, crowded, held) = half_open().await;
        println!("\nconnections (a fresh connection per request to /api/mascate/v1/about)");
        row("alone", &quiet, String::new());
        row(&format!("with {held} half-sent connections held open"), &crowded, String::new());
    }
    if wanted("slowbody") {
        let (latencies, failed, c408, closed) = flood::slow_bodies(15.0).await;
        println!(
            "\nslow bodies (1,000 clients, each a token POST of 100,000 bytes sent 1 byte every 5 s, again when cut)"
        );
        row(&format!("a fresh request to about ({failed} unanswered)"), &latencies, String::new());
        let max = latencies.iter().max().map_or(f64::NAN, |d| d.as_secs_f64() * 1e3);
        println!("  slowest {max:.1} ms; the attackers saw {c408} answers 408 and {closed} closes without one");
    }
    if wanted("csp") {
        let (ok, refused, grown, raw) = flood::csp_flood().await;
        println!("\nCSP reports (2,000 of 16 KB from one address, 8 at a time)");
        println!(
            "  {ok} answered 204, {refused} refused 429; the log grew {:.1} KB; raw control characters in it: {}",
            grown as f64 / 1024.0,
            if raw { "YES" } else { "none" }
        );
    }
    if wanted("queueflood") {
        let (taken, refused, grown, answer, peak) = flood::queue_flood().await;
        println!("\none seller posts 200 queue bodies of 500 KB");
        println!(
            "  {taken} taken (201), {refused} refused; the database grew {grown:.1} MB; a listing with pageSize=1000 \
             answered {answer:.1} MB; server peak memory {peak:.0} MB"
        );
    }
    if wanted("selection") {
        let (saved, read, synced) = big_selection().await;
        println!("\nselection of 100,000 products, as the app saves it");
        println!("  saved (one POST) in {saved:.2} s; items read back whole in {read:.2} s; products/sync whole in {synced:.2} s");
    }
}
