//! Server benchmark (not a test): on the seeded 100k-customer data set, over real HTTP and
//! SQLite, prints
//! - the full sync of 10,000 selected customers in pages of 500,
//! - a diff returning 500 changed rows,
//! - the integration queue's throughput for 200 orders.
//!
//! `cargo run --release -p mascate-server --example bench [customers]` (or `make bench-server`).

use std::time::{Duration, Instant};

use mascate_server::{fixtures, queue, AppState, Config};
use serde_json::{json, Value};

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

#[tokio::main]
async fn main() {
    let total: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let dir = tempfile::tempdir().unwrap();
    let fixtures_dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures");
    let config = Config {
        port: 0,
        data_dir: dir.path().join("data"),
        fixtures_dir,
        dist_dir: dir.path().join("dist"),
        queue_delay_ms: 0,
        ..Config::default()
    };
    let t = Instant::now();
    let state = AppState::open(config).unwrap();
    println!("demo database created and seeded in {}", ms(t.elapsed()));

    // The seeded generator, scaled: `total` customers over the three sellers.
    let t = Instant::now();
    let mut extra = fixtures::generate::customers(fixtures::SEED, total, &["000001", "000002", "000003"]);
    for (i, c) in extra.iter_mut().enumerate() {
        c.code = format!("{:06}", 100_000 + i);
    }
    state.db.write(move |tx| fixtures::insert_customers(tx, &extra)).await.unwrap();
    println!("{total} generated customers inserted in {}", ms(t.elapsed()));

    queue::start(state.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let serving = state.clone();
    tokio::spawn(async move { mascate_server::serve(listener, serving, std::future::pending()).await.unwrap() });
    let http = reqwest::Client::new();
    let token: String = {
        let res = http
            .post(format!("{base}/api/oauth2/v1/token?grant_type=password&username=ana&password=mascate1"))
            .send()
            .await
            .unwrap();
        res.json::<Value>().await.unwrap()["access_token"].as_str().unwrap().into()
    };
    let get = |path: String| {
        let (http, token) = (http.clone(), token.clone());
        async move { http.get(path).bearer_auth(token).send().await.unwrap().json::<Value>().await.unwrap() }
    };

    // Select 10,000 of Ana's customers for today.
    let keys: Vec<String> = state
        .db
        .write(|tx| {
            let mut stmt = tx.conn.prepare(
                "SELECT code || store FROM customers WHERE vendor = '000001' AND code >= '100000' ORDER BY code LIMIT 10000",
            )?;
            let rows = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
            Ok(rows)
        })
        .await
        .unwrap();
    let items: Vec<Value> = keys.iter().map(|k| json!({"entityid": k})).collect();
    let t = Instant::now();
    let res = http
        .post(format!("{base}/api/pgv/sellerfilters/"))
        .bearer_auth(&token)
        .json(&json!({"header": {"schemaid": "000002"}, "items": items}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    println!("saving a filter of {} customers: {}", keys.len(), ms(t.elapsed()));

    // Full sync, pages of 500, five times.
    let mut runs = Vec::new();
    let mut mark = String::new();
    for _ in 0..5 {
        let t = Instant::now();
        let mut rows = 0;
        for page in 1.. {
            let body = get(format!("{base}/api/tgv/customers/sync?page={page}&pageSize=500")).await;
            rows += body["items"].as_array().unwrap().len();
            if page == 1 {
                mark = body["po_sync_date"].as_str().unwrap().to_string();
            }
            if body["hasNext"] != true {
                break;
            }
        }
        assert_eq!(rows, keys.len());
        runs.push(t.elapsed());
    }
    let full = median(runs.clone());
    println!(
        "full sync of {} selected customers (pages of 500): median {} over 5 runs ({:.0} rows/s)",
        keys.len(),
        ms(full),
        keys.len() as f64 / full.as_secs_f64()
    );

    // 500 of them change; the diff returns exactly those.
    let changed: Vec<String> = keys.iter().step_by(20).cloned().collect();
    state
        .db
        .write(move |tx| {
            for k in &changed {
                tx.conn.execute(
                    "UPDATE customers SET creditlimit = creditlimit + 1, stamp = ?1 WHERE code || store = ?2",
                    rusqlite::params![tx.stamp(), k],
                )?;
            }
            Ok(())
        })
        .await
        .unwrap();
    let mut runs = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        let body = get(format!("{base}/api/tgv/customers/sync/diff/{mark}?pageSize=500")).await;
        assert_eq!(body["items"].as_array().unwrap().len(), 500);
        runs.push(t.elapsed());
    }
    let diff = median(runs);
    println!(
        "diff returning 500 changed rows: median {} over 5 runs; full sync / diff = {:.1}×",
        ms(diff),
        full.as_secs_f64() / diff.as_secs_f64()
    );

    // 200 orders through the queue, posted as fast as a client can, until all are done.
    let t = Instant::now();
    for i in 0..200 {
        let body = json!({"id": format!("BENCH-{i:04}"), "source": "MATA410", "json": {
            "header": {"customerid": "000002", "customerstore": "01", "paymentconditionid": "002", "pricelistid": "001"},
            "items": [{"productid": "P00001", "quantity": 2, "unitprice": 9.9},
                      {"productid": "P00002", "quantity": 1, "unitprice": 5.5},
                      {"productid": "P00003", "quantity": 3, "unitprice": 7.0}]}});
        let res = http
            .post(format!("{base}/api/tgv/integrationqueue/"))
            .bearer_auth(&token)
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 201);
    }
    let posted = t.elapsed();
    loop {
        let done: i64 = state
            .db
            .write(|tx| {
                Ok(tx.conn.query_row(
                    "SELECT count(*) FROM integration_queue WHERE id LIKE 'BENCH-%' AND status IN ('2', '3')",
                    [],
                    |r| r.get(0),
                )?)
            })
            .await
            .unwrap();
        if done == 200 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let all = t.elapsed();
    let ok: i64 = state
        .db
        .write(|tx| {
            Ok(tx.conn.query_row(
                "SELECT count(*) FROM integration_queue WHERE id LIKE 'BENCH-%' AND status = '2'",
                [],
                |r| r.get(0),
            )?)
        })
        .await
        .unwrap();
    println!(
        "queue: 200 orders posted in {}, all processed in {} ({:.0} orders/s, {} accepted)",
        ms(posted),
        ms(all),
        200.0 / all.as_secs_f64(),
        ok
    );
}
