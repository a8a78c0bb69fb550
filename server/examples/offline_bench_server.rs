//! The server for the offline benchmark (`scripts/bench-offline.sh`, not a test): the demo
//! data plus a heavy day for Ana — 10,000 more customers and 20,000 more products (with
//! stock and price-list items), all in today's selection — serving the built app on
//! `--port`. Prints `READY <base url>` when it can be used.
//!
//! `cargo run --release -p mascate-server --example offline_bench_server -- 8097`

use mascate_server::{fixtures, queue, AppState, Config};
use serde_json::{json, Value};

const CUSTOMERS: usize = 10_000;
const PRODUCTS: usize = 20_000;

#[tokio::main]
async fn main() {
    let port: u16 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(8097);
    let dir = tempfile::tempdir().unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let config = Config {
        port,
        data_dir: dir.path().join("data"),
        fixtures_dir: root.join("fixtures"),
        dist_dir: root.join("dist"),
        queue_delay_ms: 0,
        ..Config::default()
    };
    let state = AppState::open(config).unwrap();

    let mut customers = fixtures::generate::customers(fixtures::SEED, CUSTOMERS, &["000001"]);
    for (i, c) in customers.iter_mut().enumerate() {
        c.code = format!("{:06}", 200_000 + i);
        c.status = "2".into();
    }
    let customer_keys: Vec<String> = customers.iter().map(|c| c.entity_id()).collect();
    // The catalogue generator, repeated with new codes, renamed out of the demo's range.
    let mut products = fixtures::catalog::products(fixtures::SEED ^ 7, 8, 30);
    products.retain(|p| p["code"].as_str().is_some_and(|c| c.starts_with('P')));
    products.truncate(PRODUCTS);
    for (i, p) in products.iter_mut().enumerate() {
        p["code"] = json!(format!("B{:06}", i + 1));
        p["status"] = json!("2");
    }
    let product_keys: Vec<String> = products.iter().map(|p| p["code"].as_str().unwrap().to_string()).collect();
    let stock = fixtures::catalog::stock(fixtures::SEED, &products);
    let items: Vec<Value> = products
        .iter()
        .enumerate()
        .map(|(i, p)| {
            json!({"branchid": "", "pricelist": "001", "item": format!("B{:05}", i + 1), "product": p["code"],
                   "salesprice": p["price"], "validity": "2020-01-01", "productgroup": p["productgroup"],
                   "discountvalue": 0.0, "state": ""})
        })
        .collect();
    state
        .db
        .run(move |tx| {
            fixtures::insert_customers(tx, &customers)?;
            fixtures::insert_rows(tx, "products", &products, true)?;
            fixtures::insert_rows(tx, "stock", &stock, true)?;
            fixtures::insert_rows(tx, "price_list_items", &items, true)
        })
        .await
        .unwrap();

    queue::start(state.clone());
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let serving = state.clone();
    tokio::spawn(async move { mascate_server::serve(listener, serving, std::future::pending()).await.unwrap() });

    // Today's selection, saved the way the configurator saves it.
    let http = reqwest::Client::new();
    let token: String = http
        .post(format!("{base}/api/oauth2/v1/token?grant_type=password&username=ana&password=mascate1"))
        .send()
        .await
        .unwrap()
        .json::<Value>()
        .await
        .unwrap()["access_token"]
        .as_str()
        .unwrap()
        .into();
    for (schema, keys) in [("000002", customer_keys), ("000012", product_keys)] {
        let items: Vec<Value> = keys.iter().map(|k| json!({"entityid": k})).collect();
        let res = http
            .post(format!("{base}/api/pgv/sellerfilters/"))
            .bearer_auth(&token)
            .json(&json!({"header": {"schemaid": schema}, "items": items}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 201, "{}", res.text().await.unwrap_or_default());
    }
    println!("READY {base}");
    std::future::pending::<()>().await;
}
