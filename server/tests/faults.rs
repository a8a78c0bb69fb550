//! A bounded fault test: 200 orders, each posted twice, from four clients, while the server
//! process is killed with SIGKILL three times and restarted. Every external id ends as
//! exactly one order, and SQLite's integrity check passes.

mod support;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use serde_json::Value;
use support::{order_body, ServerProcess};

const ORDERS: usize = 200;
const CLIENTS: usize = 4;
const KILLS: usize = 3;

/// A port that was free a moment ago, so every restart listens where the clients post.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// Posts until the server answers 2xx (it may be dead or restarting in between).
async fn post_until_answered(http: &reqwest::Client, base: &str, token: &str, body: &Value) {
    for _ in 0..400 {
        let sent = http.post(format!("{base}/api/tgv/integrationqueue/")).bearer_auth(token).json(body).send().await;
        if sent.is_ok_and(|r| r.status().is_success()) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("{} was never answered", body["id"]);
}

/// Rows at status 2, counted page by page (the queue's pages hold at most 20 rows).
async fn accepted(http: &reqwest::Client, base: &str, token: &str) -> usize {
    let mut count = 0;
    for page in 1.. {
        let url = format!("{base}/api/tgv/integrationqueue?page={page}&pageSize=20&FILTER=status eq '2'");
        let Ok(res) = http.get(url).bearer_auth(token).send().await else { return 0 };
        let body: Value = res.json().await.unwrap_or(Value::Null);
        count += body["items"].as_array().map_or(0, Vec::len);
        if body["hasNext"] != true {
            return count;
        }
    }
    count
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn orders_posted_twice_through_sigkills_become_exactly_one_order_each() {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port().to_string();
    let args = ["--queue-delay-ms", "0"];
    let mut args_with_port = vec!["--port", port.as_str()];
    args_with_port.extend(args);
    let mut server = ServerProcess::spawn(dir.path(), &args_with_port, None);
    let base = server.base.clone();
    let http = reqwest::Client::builder().timeout(Duration::from_secs(5)).build().unwrap();
    let res = http
        .post(format!("{base}/api/oauth2/v1/token?grant_type=password&username=ana&password=mascate1"))
        .send()
        .await
        .unwrap();
    let token = res.json::<Value>().await.unwrap()["access_token"].as_str().unwrap().to_string();

    let answered = Arc::new(AtomicUsize::new(0));
    let clients: Vec<_> = (0..CLIENTS)
        .map(|c| {
            let (http, base, token, answered) = (http.clone(), base.clone(), token.clone(), answered.clone());
            tokio::spawn(async move {
                for n in (c..ORDERS).step_by(CLIENTS) {
                    let body = order_body(&format!("KILL-{n:03}"), "000002", &[("P00001", 1.0, 10.0)]);
                    for _ in 0..2 {
                        post_until_answered(&http, &base, &token, &body).await;
                        answered.fetch_add(1, Ordering::Relaxed);
                    }
                }
            })
        })
        .collect();
    // Kill the server while the posts and the queue job run, and bring it back.
    for k in 1..=KILLS {
        while answered.load(Ordering::Relaxed) < k * 2 * ORDERS / (KILLS + 1) {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        server.kill();
        server = ServerProcess::spawn(dir.path(), &args_with_port, None);
    }
    for c in clients {
        c.await.unwrap();
    }
    // Let the job finish what is left.
    let mut done = 0;
    for _ in 0..400 {
        done = accepted(&http, &base, &token).await;
        if done == ORDERS {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(done, ORDERS, "every queued order was accepted");
    server.kill();

    let db = rusqlite::Connection::open(dir.path().join("mascate.sqlite3")).unwrap();
    let integrity: String = db.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(integrity, "ok");
    let per_id: Vec<(String, i64)> = db
        .prepare("SELECT externalid, count(*) FROM orders WHERE externalid LIKE 'KILL-%' GROUP BY externalid")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(per_id.len(), ORDERS, "every external id made an order");
    assert!(per_id.iter().all(|(_, n)| *n == 1), "exactly one each: {:?}", per_id.iter().find(|(_, n)| *n != 1));
}
