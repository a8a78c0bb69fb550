//! The download estimate (`POST /api/mascate/v1/offline/estimate`, a Mascate extension) over
//! real HTTP and SQLite: before a selection is saved, it counts exactly the records and JSON
//! bytes that the full loads serve once it is saved, only within the seller's own data, and
//! turns bad bodies away with a message.

mod support;

use mascate_domain::offline::TABLES;
use reqwest::Method;
use serde_json::{json, Value};
use support::{items, TestServer};

const ESTIMATE: &str = "/api/mascate/v1/offline/estimate";

/// Every row of a full load, and its bytes as compact JSON.
async fn downloaded(s: &TestServer, token: &str, path: &str) -> (u64, u64) {
    let (mut records, mut bytes) = (0, 0);
    for page in 1.. {
        let (status, body) = s.get(token, &format!("{path}?page={page}&pageSize=1000")).await;
        assert_eq!(status, 200, "{path}: {body}");
        for item in items(&body) {
            records += 1;
            bytes += serde_json::to_vec(item).unwrap().len() as u64;
        }
        if body["hasNext"] != true {
            break;
        }
    }
    (records, bytes)
}

/// The estimate's `(records, bytes)` of one table.
fn of(estimate: &Value, path: &str) -> (u64, u64) {
    let item = items(estimate).iter().find(|i| i["path"] == path).unwrap_or_else(|| panic!("{path} in {estimate}"));
    (item["records"].as_u64().unwrap(), item["bytes"].as_u64().unwrap())
}

/// Ana's first `n` customers (`code+store`, as the selection names them).
async fn customers_of(s: &TestServer, token: &str, n: usize) -> Vec<String> {
    let (_, page) = s.get(token, &format!("/api/tgv/customers/?pageSize={n}&SORT=code")).await;
    items(&page).iter().map(|c| format!("{}{}", c["code"].as_str().unwrap(), c["store"].as_str().unwrap())).collect()
}

#[tokio::test]
async fn the_estimate_before_saving_equals_the_download_after() {
    let s = TestServer::start().await;
    let t = s.token("ana").await;
    s.select(&t, "000012", &["P00001", "P00002"]).await;
    let chosen = customers_of(&s, &t, 4).await;
    assert_eq!(chosen.len(), 4);

    let (status, before) = s.send(Method::POST, &t, ESTIMATE, &json!({})).await;
    assert_eq!(status, 200, "{before}");
    assert_eq!(of(&before, "/api/tgv/customers/sync").0, 0, "nothing chosen yet");
    let paths: Vec<&str> = items(&before).iter().map(|i| i["path"].as_str().unwrap()).collect();
    assert_eq!(paths, TABLES.iter().map(|t| t.full).collect::<Vec<_>>(), "one line per table the app primes");

    let body = json!({"schemaid": "000002", "entities": chosen});
    let (status, proposed) = s.send(Method::POST, &t, ESTIMATE, &body).await;
    assert_eq!(status, 200, "{proposed}");
    let keys: Vec<&str> = chosen.iter().map(String::as_str).collect();
    s.select_customers(&t, &keys).await;

    let (mut records, mut bytes) = (0, 0);
    for table in TABLES.iter() {
        let got = downloaded(&s, &t, table.full).await;
        assert_eq!(of(&proposed, table.full), got, "{}: estimate vs download", table.full);
        records += got.0;
        bytes += got.1;
    }
    assert_eq!(of(&proposed, "/api/tgv/customers/sync").0, 4);
    assert!(of(&proposed, "/api/tgv/contacts/sync").0 > 0, "the chosen customers' contacts come too");
    assert_eq!(of(&proposed, "/api/tgv/products/sync").0, 2, "today's saved products stay as they are");
    assert_eq!((proposed["records"].as_u64().unwrap(), proposed["bytes"].as_u64().unwrap()), (records, bytes));

    // Once saved, the estimate without a proposal says the same.
    let (_, saved) = s.send(Method::POST, &t, ESTIMATE, &json!({})).await;
    assert_eq!(saved["bytes"], proposed["bytes"]);
}

#[tokio::test]
async fn another_sellers_records_count_for_nothing() {
    let s = TestServer::start().await;
    let ana = s.token("ana").await;
    let bruno = s.token("bruno").await;
    let theirs = customers_of(&s, &bruno, 3).await;
    let mine = customers_of(&s, &ana, 3).await;
    assert!(theirs.iter().all(|c| !mine.contains(c)));
    let (status, est) = s.send(Method::POST, &ana, ESTIMATE, &json!({"schemaid": "000002", "entities": theirs})).await;
    assert_eq!(status, 200, "{est}");
    assert_eq!(of(&est, "/api/tgv/customers/sync"), (0, 0));
    assert_eq!(of(&est, "/api/tgv/contacts/sync"), (0, 0));
}

#[tokio::test]
async fn bad_bodies_get_a_message_and_nothing_else() {
    let s = TestServer::start().await;
    let t = s.token("ana").await;
    let long = "9".repeat(65);
    for (body, says) in [
        (json!({"schemaid": "000099", "entities": ["1"]}), "schemaid"),
        (json!({"entities": ["00000101"]}), "schemaid"),
        (json!({"schemaid": "000002", "entities": [long]}), "entities"),
        (json!({"schemaid": "000002", "entities": [""]}), "entities"),
        (json!({"schemaid": "000002", "entities": [1, 2]}), "JSON"),
        (json!({"schemaid": "000002", "surprise": true}), "JSON"),
    ] {
        let (status, res) = s.send(Method::POST, &t, ESTIMATE, &body).await;
        assert_eq!(status, 400, "{body} → {res}");
        assert!(res["message"].as_str().unwrap().contains(says), "{body} → {res}");
    }
    let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
    let res = reqwest::Client::new()
        .post(s.url(ESTIMATE))
        .bearer_auth(&t)
        .header("content-type", "application/json")
        .body(deep)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    let res = reqwest::Client::new().post(s.url(ESTIMATE)).json(&json!({})).send().await.unwrap();
    assert_eq!(res.status(), 401, "only a signed-in seller may ask");
}
