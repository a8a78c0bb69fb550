//! Selections of any size over real HTTP and SQLite: item numbers (`AQ5_ITEM`, 4 characters)
//! never collide, so a selection of more than 9,999 records is stored and synced whole, and
//! the ERP keeps accepting documents once today's filter of orders passes item 9,999.

mod support;

use reqwest::Method;
use serde_json::{json, Value};
use support::{fast, items, order_body, settled, TestServer};

/// Adds `count` live products `PX00001`… to the catalogue (the ERP's side, not an API call).
async fn add_products(s: &TestServer, count: usize) -> Vec<String> {
    let codes: Vec<String> = (1..=count).map(|n| format!("PX{n:05}")).collect();
    let rows = codes.clone();
    s.state
        .db
        .write(move |tx| {
            let mut insert = tx.conn.prepare(
                "INSERT INTO products(code, description, outflowtype, price, stamp) VALUES (?1, ?2, '501', 10, ?3)",
            )?;
            for code in &rows {
                insert.execute(rusqlite::params![code, format!("PRODUTO {code}"), tx.stamp()])?;
            }
            Ok(())
        })
        .await
        .unwrap();
    codes
}

/// Every page of a list endpoint, `size` at a time.
async fn all_pages(s: &TestServer, token: &str, path: &str, size: usize) -> Vec<Value> {
    let mut out = Vec::new();
    for page in 1.. {
        let (status, body) = s.get(token, &format!("{path}?page={page}&pageSize={size}")).await;
        assert_eq!(status, 200, "{path} page {page}: {body}");
        out.extend(items(&body).iter().cloned());
        if body["hasNext"] != true {
            break;
        }
    }
    out
}

#[tokio::test]
async fn a_selection_of_12000_products_is_stored_and_synced_whole() {
    let s = TestServer::start().await;
    let t = s.token("ana").await;
    let codes = add_products(&s, 12_000).await;
    // As the app saves a new selection: one POST, items without numbers.
    let picked: Vec<Value> = codes.iter().map(|c| json!({"entityid": c})).collect();
    let body = json!({"header": {"sellerid": "000001", "schemaid": "000012"}, "items": picked});
    let (status, res) = s.send(Method::POST, &t, "/api/pgv/sellerfilters/", &body).await;
    assert_eq!(status, 201, "{res}");
    let uuid = res["items"][0]["uuid"].as_str().unwrap().to_string();

    let stored = all_pages(&s, &t, &format!("/api/pgv/sellerfilters/{uuid}/items/"), 1000).await;
    assert_eq!(stored.len(), 12_000, "every item stored");
    let mut numbers: Vec<&str> = stored.iter().map(|i| i["itemid"].as_str().unwrap()).collect();
    assert!(numbers.iter().all(|n| n.len() == 4), "AQ5_ITEM stays 4 characters wide");
    numbers.dedup();
    assert_eq!(numbers.len(), 12_000, "no number given twice");
    assert_eq!(stored[9_998]["itemid"], "9999");
    assert_eq!(stored[9_999]["itemid"], "999A", "past 9999 the numbering goes on alphanumerically");

    let synced = all_pages(&s, &t, "/api/tgv/products/sync", 1000).await;
    let mut got: Vec<String> = synced.iter().map(|p| p["code"].as_str().unwrap().to_string()).collect();
    got.sort();
    assert_eq!(got, codes, "products/sync returns the whole selection");

    // A later PUT adds after the highest number and removes by number.
    let more = add_products_named(&s, &["PY00001"]).await;
    let body = json!({"header": {"schemaid": "000012"},
        "items": [{"entityid": more[0]}, {"itemid": "0001", "isDeleted": true}]});
    let (status, res) = s.send(Method::PUT, &t, &format!("/api/pgv/sellerfilters/{uuid}"), &body).await;
    assert_eq!(status, 200, "{res}");
    let stored = all_pages(&s, &t, &format!("/api/pgv/sellerfilters/{uuid}/items/"), 1000).await;
    assert_eq!(stored.len(), 12_000);
    assert_eq!(stored.last().unwrap()["entityid"], "PY00001");
    assert_eq!(stored.last().unwrap()["itemid"], "9ASV", "numbered after 9ASU, the 12,000th");
}

async fn add_products_named(s: &TestServer, codes: &[&'static str]) -> Vec<String> {
    let codes: Vec<String> = codes.iter().map(|c| c.to_string()).collect();
    let rows = codes.clone();
    s.state
        .db
        .write(move |tx| {
            for code in &rows {
                tx.conn.execute(
                    "INSERT INTO products(code, description, outflowtype, price, stamp) VALUES (?1, 'X', '501', 10, ?2)",
                    rusqlite::params![code, tx.stamp()],
                )?;
            }
            Ok(())
        })
        .await
        .unwrap();
    codes
}

#[tokio::test]
async fn item_numbers_wider_than_the_field_are_refused_not_truncated() {
    let s = TestServer::start().await;
    let t = s.token("ana").await;
    let body = json!({"header": {"schemaid": "000012"}, "items": [{"itemid": "10000", "entityid": "P00001"}]});
    let (status, res) = s.send(Method::POST, &t, "/api/pgv/sellerfilters/", &body).await;
    assert_eq!(status, 400, "{res}");
    assert!(res["detailedMessage"].as_str().unwrap().contains("itemid"), "{res}");
    let (_, list) = s.get(&t, "/api/pgv/sellerfilters/").await;
    assert!(items(&list).is_empty(), "nothing saved: {list}");
}

/// Today's filter of orders for ana already holds items `0001`…`9999` (a long day).
async fn fill_todays_order_filter(s: &TestServer) {
    s.state
        .db
        .write(|tx| {
            let today = tx.today();
            tx.conn.execute(
                "INSERT INTO seller_filters(uuid, sellerid, schemaid, inclusiondate, stamp)
                 VALUES ('busy-day', '000001', '000009', ?1, ?2)",
                rusqlite::params![today, tx.stamp()],
            )?;
            let mut insert = tx.conn.prepare(
                "INSERT INTO seller_filter_items(filter_uuid, uuid, itemid, entityid) VALUES ('busy-day', ?1, ?2, ?3)",
            )?;
            for n in 1..=9_999 {
                insert.execute(rusqlite::params![format!("u{n}"), format!("{n:04}"), format!("OLD{n:06}")])?;
            }
            Ok(())
        })
        .await
        .unwrap();
}

#[tokio::test]
async fn orders_are_accepted_after_todays_filter_passes_item_9999() {
    let s = fast().await;
    let t = s.token("ana").await;
    fill_todays_order_filter(&s).await;
    let mut numbers = Vec::new();
    for id in ["BUSY-1", "BUSY-2"] {
        let body = order_body(id, "000002", &[("P00001", 1.0, 10.0), ("P00002", 2.0, 5.0)]);
        let (status, res) = s.send(Method::POST, &t, "/api/tgv/integrationqueue/", &body).await;
        assert_eq!(status, 201, "{res}");
        let row = settled(&s, &t, id).await;
        assert_eq!(row["status"], "2", "accepted: {row}");
        numbers.push(row["documentnumber"].as_str().unwrap().to_string());
    }
    // The synchronous route numbers the same way.
    let body = order_body("BUSY-3", "000002", &[("P00001", 1.0, 10.0)]);
    let (status, res) = s.send(Method::POST, &t, "/api/tgv/salesorders/", &body["json"]).await;
    assert_eq!(status, 201, "{res}");
    numbers.push(res["items"][0]["orderid"].as_str().unwrap().to_string());

    let synced = all_pages(&s, &t, "/api/tgv/salesorders/sync", 100).await;
    let ids: Vec<&str> = synced.iter().map(|o| o["orderid"].as_str().unwrap()).collect();
    for n in &numbers {
        assert!(ids.contains(&n.as_str()), "order {n} in today's sync: {ids:?}");
    }
    let lines = all_pages(&s, &t, "/api/tgv/salesorders/sync/items", 100).await;
    assert_eq!(lines.len(), 5, "every line synced");
    let uuid = "busy-day";
    let stored = all_pages(&s, &t, &format!("/api/pgv/sellerfilters/{uuid}/items/"), 1000).await;
    assert_eq!(stored.len(), 9_999 + 3, "the old items kept, the three orders added");
}
