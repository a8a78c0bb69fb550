//! The server for the offline benchmark (`scripts/bench-offline.sh`, not a test): the demo
//! data plus a heavy day for Ana — `customers` more customers and `products` more products
//! (with stock and price-list items), all put in today's selection through the contract,
//! as the app saves it — serving the built app on `port`. Prints `EXPECT <json>`, the rows
//! each offline table must hold on the device once primed, then `READY <base url>`.
//!
//! `cargo run --release -p mascate-server --example offline_bench_server -- 8097 10000 20000`

use mascate_domain::offline::TABLES;
use mascate_server::{fixtures, queue, AppState, Config};
use serde_json::{json, Value};

#[tokio::main]
async fn main() {
    let arg = |i: usize, default: usize| std::env::args().nth(i).and_then(|a| a.parse().ok()).unwrap_or(default);
    let port = arg(1, 8097) as u16;
    let (customer_count, product_count) = (arg(2, 10_000), arg(3, 20_000));
    let dir = tempfile::tempdir().unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let config = Config {
        port,
        data_dir: dir.path().join("data"),
        fixtures_dir: root.join("fixtures"),
        dist_dir: std::env::var_os("MASCATE_BENCH_DIST").map(Into::into).unwrap_or_else(|| root.join("dist")),
        queue_delay_ms: 0,
        ..Config::default()
    };
    let state = AppState::open(config).unwrap();

    let mut customers = fixtures::generate::customers(fixtures::SEED, customer_count, &["000001"]);
    for (i, c) in customers.iter_mut().enumerate() {
        c.code = format!("{:06}", 200_000 + i);
        c.status = "2".into();
    }
    let customer_keys: Vec<String> = customers.iter().map(|c| c.entity_id()).collect();
    // The catalogue generator, repeated with new codes, renamed out of the demo's range.
    let per_round = fixtures::catalog::products(fixtures::SEED ^ 7, 8, 1).len();
    let mut products = fixtures::catalog::products(fixtures::SEED ^ 7, 8, product_count / per_round + 2);
    products.retain(|p| p["code"].as_str().is_some_and(|c| c.starts_with('P')));
    products.truncate(product_count);
    assert_eq!(products.len(), product_count, "the generator made enough products");
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
            json!({"branchid": "", "pricelist": "001", "item": format!("B{:06}", i + 1), "product": p["code"],
                   "salesprice": p["price"], "validity": "2020-01-01", "productgroup": p["productgroup"],
                   "discountvalue": 0.0, "state": ""})
        })
        .collect();
    state
        .db
        .write(move |tx| {
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

    // What the device must hold: the whole selection (customers, products and their items in
    // list 001, as chosen above), and every row the ERP serves of the other tables.
    let mut expect = serde_json::Map::new();
    for table in TABLES.iter() {
        let rows = match table.store {
            "customers" => customer_count,
            "products" | "price_list_items" => product_count,
            _ => count_rows(&http, &base, &token, table.full).await,
        };
        expect.insert(table.store.into(), json!(rows));
    }
    println!("EXPECT {}", Value::Object(expect));
    println!("READY {base}");
    std::future::pending::<()>().await;
}

/// Rows of a full endpoint, every page.
async fn count_rows(http: &reqwest::Client, base: &str, token: &str, path: &str) -> usize {
    let mut rows = 0;
    for page in 1.. {
        let body: Value = http
            .get(format!("{base}{path}?page={page}&pageSize=1000"))
            .bearer_auth(token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        rows += body["items"].as_array().map_or(0, Vec::len);
        if body["hasNext"] != json!(true) {
            return rows;
        }
    }
    rows
}
