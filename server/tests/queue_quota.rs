//! The integration queue's bounds (issue 27): a seller over the quota of documents or bytes
//! is refused with a message and keeps everything already queued; a document's body is
//! bounded by the ERP's own fields; the listing comes in bounded pages.

mod support;

use reqwest::Method;
use serde_json::{json, Value};
use support::{order_body, queue_row, TestServer};

async fn post(s: &TestServer, t: &str, body: &Value) -> (u16, Value) {
    s.send(Method::POST, t, "/api/tgv/integrationqueue/", body).await
}

/// An order whose header note carries `pad` bytes.
fn padded(id: &str, pad: usize) -> Value {
    let mut body = order_body(id, "000002", &[("P00001", 1.0, 9.9)]);
    body["json"]["header"]["notemessage"] = json!("n".repeat(pad));
    body
}

async fn assert_kept(s: &TestServer, t: &str, ids: &[String], pad: usize) {
    for id in ids {
        let row = queue_row(s, t, id).await;
        assert_eq!(row["id"], id.as_str(), "{id} is still queued");
        let json = row["json"].as_str().unwrap_or_default();
        assert!(json.len() >= pad, "{id} kept its body whole");
    }
}

#[tokio::test]
async fn a_seller_over_the_document_quota_is_refused_and_loses_nothing() {
    let s = TestServer::start_with(|c| {
        c.queue_quota_documents = 5;
        c.queue_delay_ms = 3_600_000;
    })
    .await;
    let t = s.token("ana").await;
    let ids: Vec<String> = (0..5).map(|i| format!("quota-{i}")).collect();
    for id in &ids {
        assert_eq!(post(&s, &t, &padded(id, 10)).await.0, 201);
    }
    let (status, body) = post(&s, &t, &padded("quota-5", 10)).await;
    assert!(status == 507 || status == 429, "over the quota: {status} {body}");
    let message = body["message"].as_str().unwrap_or_default();
    assert!(message.contains("5") && message.contains("fila"), "a message that says why: {body}");
    assert_kept(&s, &t, &ids, 10).await;
    assert_eq!(queue_row(&s, &t, "quota-5").await, Value::Null, "the refused one was not queued");
    // Sending one already queued again is no new document.
    let (status, _) = s.send(Method::PUT, &t, "/api/tgv/integrationqueue/quota-0", &padded("quota-0", 20)).await;
    assert_eq!(status, 200);
    // The quota is the seller's: another seller still queues.
    let bruno = s.token("bruno").await;
    assert_eq!(post(&s, &bruno, &padded("bruno-1", 10)).await.0, 201);
}

#[tokio::test]
async fn a_seller_over_the_byte_quota_is_refused_and_loses_nothing() {
    let s = TestServer::start_with(|c| {
        c.queue_quota_bytes = 150 * 1024;
        c.queue_delay_ms = 3_600_000;
    })
    .await;
    let t = s.token("ana").await;
    let mut kept = Vec::new();
    let mut refusal = None;
    for i in 0..10 {
        let id = format!("bytes-{i}");
        match post(&s, &t, &padded(&id, 40 * 1024)).await {
            (201, _) => kept.push(id),
            (status, body) => {
                refusal = Some((status, body));
                break;
            }
        }
    }
    let (status, body) = refusal.expect("refused before 10 × 40 KB");
    assert!(status == 507 || status == 429, "{status} {body}");
    assert!(body["message"].as_str().is_some_and(|m| m.contains("MB") || m.contains("KB")), "{body}");
    assert_eq!(kept.len(), 3, "150 KB hold three 40 KB documents");
    assert_kept(&s, &t, &kept, 40 * 1024).await;
}

#[tokio::test]
async fn the_queue_listing_comes_in_bounded_pages() {
    let s = TestServer::start_with(|c| c.queue_delay_ms = 3_600_000).await;
    let t = s.token("ana").await;
    for i in 0..30 {
        assert_eq!(post(&s, &t, &padded(&format!("page-{i:02}"), 10)).await.0, 201);
    }
    let mut seen = Vec::new();
    for page in 1..=10 {
        let (status, body) = s.get(&t, &format!("/api/tgv/integrationqueue?page={page}&pageSize=1000")).await;
        assert_eq!(status, 200);
        let items = support::items(&body);
        // At most 20 rows of at most BODY_LIMIT each: a page is bounded whatever pageSize asks.
        assert!(items.len() <= 20, "page {page}: {} rows", items.len());
        seen.extend(items.iter().map(|i| i["id"].as_str().unwrap().to_string()));
        if body["hasNext"] != true {
            break;
        }
    }
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), 30, "every row once, page after page");
}

/// A line at the ERP's widths: item `C6_ITEM` C(2), product C(15), a 30-character description
/// in 3-byte characters, the largest numbers, a delivery date and a 15-character order.
fn widest_line(item: &str) -> Value {
    json!({"itemid": item, "productid": "P".repeat(15), "description": "€".repeat(30), "quantity": 999999.99,
           "pricelist": 999999999.99, "unitprice": 999999999.99, "discount": 99.99,
           "deliverydate": "2026-12-31", "customerorder": "C".repeat(15)})
}

#[tokio::test]
async fn a_document_is_bounded_by_the_erps_fields() {
    let s = TestServer::start_with(|c| c.queue_delay_ms = 3_600_000).await;
    let t = s.token("ana").await;
    let mut ids = Vec::new();
    let mut last = String::new();
    for _ in 0..mascate_server::queue::MAX_ITEMS {
        last = mascate_domain::document::next_item_id(&last);
        ids.push(last.clone());
    }
    let mut body = order_body("widest", "000002", &[]);
    body["json"]["items"] = Value::Array(ids.iter().map(|i| widest_line(i)).collect());
    assert_eq!(post(&s, &t, &body).await.0, 201, "the largest order the ERP can hold is queued");
    body["json"]["items"].as_array_mut().unwrap().push(widest_line("ZZ"));
    let (status, answer) = post(&s, &t, &body).await;
    let message = answer["message"].as_str().unwrap_or_default().to_string();
    assert_eq!(status, 400, "one item more than C6_ITEM numbers: {message}");
    assert!(message.contains("itens"), "{message}");
    let huge = vec![b' '; mascate_server::queue::BODY_LIMIT + 1];
    let res = s.http.post(s.url("/api/tgv/integrationqueue/")).bearer_auth(&t).body(huge).send().await.unwrap();
    assert_eq!(res.status(), 413);
}
