//! Hostile documents over real HTTP and SQLite: external ids stay with the seller who made
//! them whatever route is tried, another seller's queue id answers as an unknown one, and
//! impossible numbers (NaN, ±infinity, past the ERP's field widths) are refused with the
//! field's name: at once on the synchronous routes, as a status-3 row through the queue.

mod support;

use reqwest::Method;
use serde_json::{json, Value};
use support::{fast, order_body, queue_row, settled, TestServer};

/// The same order as `order_body`, for bruno (seller 000002) and his customer 000007.
fn bruno_order(id: &str) -> Value {
    let mut body = order_body(id, "000007", &[("P00001", 1.0, 10.0)]);
    body["json"]["header"]["sellerid"] = json!("000002");
    body
}

/// How many live orders and quotations carry `external`.
async fn documents_with_external(s: &TestServer, external: &'static str) -> i64 {
    s.state
        .db
        .write(move |tx| {
            Ok(tx.conn.query_row(
                "SELECT (SELECT count(*) FROM orders WHERE externalid = ?1 AND deleted = 0)
                      + (SELECT count(*) FROM quotations WHERE externalid = ?1 AND deleted = 0)",
                [external],
                |r| r.get(0),
            )?)
        })
        .await
        .unwrap()
}

/// An order of ana's made through the synchronous route; its number.
async fn ana_order(s: &TestServer, ana: &str, external: &str) -> String {
    let body = order_body(external, "000002", &[("P00001", 1.0, 10.0)]);
    let (status, res) = s.send(Method::POST, ana, "/api/tgv/salesorders/", &body["json"]).await;
    assert_eq!(status, 201, "{res}");
    res["items"][0]["orderid"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn another_sellers_external_id_cannot_be_borrowed_through_the_synchronous_routes() {
    let s = fast().await;
    let (ana, bruno) = (s.token("ana").await, s.token("bruno").await);
    s.send(Method::POST, &bruno, "/api/tgv/integrationqueue/", &bruno_order("BRUNO-1")).await;
    assert_eq!(settled(&s, &bruno, "BRUNO-1").await["status"], "2");

    // Ana's own order, re-labelled with bruno's external id: refused, nothing changed.
    let number = ana_order(&s, &ana, "ANA-1").await;
    let mut body = order_body("BRUNO-1", "000002", &[("P00001", 2.0, 10.0)]);
    body["json"]["header"]["orderid"] = json!(number);
    let (status, res) = s.send(Method::PUT, &ana, &format!("/api/tgv/salesorders/{number}"), &body["json"]).await;
    assert_eq!(status, 400, "{res}");
    assert!(!res.to_string().contains("000002"), "nothing about whose it is: {res}");
    // A new order under bruno's id: refused too.
    let (status, res) = s.send(Method::POST, &ana, "/api/tgv/salesorders/", &body["json"]).await;
    assert_eq!(status, 400, "{res}");
    // A quotation under it: refused.
    let quote = json!({"header": {"externalid": "BRUNO-1", "customerid": "000002", "customerstore": "01",
        "paymentconditionid": "002"}, "items": [{"productid": "P00001", "quantity": 1, "unitprice": 10}]});
    let (status, res) = s.send(Method::POST, &ana, "/api/tgv/salesbudgets/", &quote).await;
    assert_eq!(status, 400, "{res}");
    assert_eq!(documents_with_external(&s, "BRUNO-1").await, 1, "still only bruno's");

    // Bruno's resend still goes through.
    s.send(Method::PUT, &bruno, "/api/tgv/integrationqueue/BRUNO-1", &bruno_order("BRUNO-1")).await;
    let row = settled(&s, &bruno, "BRUNO-1").await;
    assert_eq!(row["status"], "2", "{row}");
}

#[tokio::test]
async fn another_sellers_queue_id_answers_as_an_unknown_one_and_changes_nothing() {
    let s = fast().await;
    let (ana, bruno) = (s.token("ana").await, s.token("bruno").await);
    // Bruno's quotation, made through the queue.
    let quote = json!({"id": "BRUNO-Q", "source": "MATA415", "json": {"header": {"externalid": "BRUNO-Q",
        "customerid": "000007", "customerstore": "01", "paymentconditionid": "002"},
        "items": [{"productid": "P00001", "quantity": 1, "unitprice": 10}]}});
    s.send(Method::POST, &bruno, "/api/tgv/integrationqueue/", &quote).await;
    let before = settled(&s, &bruno, "BRUNO-Q").await;
    assert_eq!(before["status"], "2", "{before}");

    // DELETE: exactly the unknown id's answer, and bruno's quotation stays.
    let (unknown_status, unknown) =
        s.send(Method::DELETE, &ana, "/api/tgv/integrationqueue/NOBODY-Q", &json!({})).await;
    let (status, res) = s.send(Method::DELETE, &ana, "/api/tgv/integrationqueue/BRUNO-Q", &json!({})).await;
    assert_eq!(status, unknown_status, "{res} vs {unknown}");
    assert_eq!(res["message"], unknown["message"].as_str().unwrap().replace("NOBODY-Q", "BRUNO-Q"));
    assert_eq!(queue_row(&s, &bruno, "BRUNO-Q").await, before, "bruno's row untouched");
    assert_eq!(documents_with_external(&s, "BRUNO-Q").await, 1);

    // GET: not there for ana, as an unknown id.
    assert_eq!(queue_row(&s, &ana, "BRUNO-Q").await, Value::Null);

    // PUT: answered as for a new id, kept apart from bruno's row, and it takes nothing over.
    let mine = order_body("BRUNO-Q", "000002", &[("P00001", 1.0, 10.0)]);
    let (status, _) = s.send(Method::PUT, &ana, "/api/tgv/integrationqueue/NOBODY-P", &mine).await;
    assert_eq!(status, 201);
    let (status, _) = s.send(Method::PUT, &ana, "/api/tgv/integrationqueue/BRUNO-Q", &mine).await;
    assert_eq!(status, 201, "as a new id");
    let row = settled(&s, &ana, "BRUNO-Q").await;
    assert_eq!(row["status"], "3", "the id is not ana's to use: {row}");
    let reason = row["jsonerror"].as_str().unwrap();
    assert!(reason.contains("já utilizado") && !reason.contains("000002"), "taken, not by whom: {reason}");
    assert_eq!(queue_row(&s, &bruno, "BRUNO-Q").await, before, "bruno's row untouched");
    assert_eq!(documents_with_external(&s, "BRUNO-Q").await, 1);
}

/// The bodies with an impossible number, and the field the refusal must name.
fn impossible_lines() -> Vec<(Value, &'static str)> {
    let line = |quantity: Value, price: Value| json!({"productid": "P00001", "quantity": quantity, "unitprice": price});
    vec![
        (line(json!("NaN"), json!(10)), "quantity"),
        (line(json!("inf"), json!(10)), "quantity"),
        (line(json!("-Infinity"), json!(10)), "quantity"),
        (line(json!(1), json!(1e308)), "unitprice"),
        (line(json!(1e12), json!(10)), "quantity"),
    ]
}

#[tokio::test]
async fn impossible_numbers_are_refused_at_once_naming_the_field() {
    let s = fast().await;
    let t = s.token("ana").await;
    for (n, (line, field)) in impossible_lines().into_iter().enumerate() {
        let body = json!({"header": {"externalid": format!("NUM-{n}"), "customerid": "000002",
            "customerstore": "01", "paymentconditionid": "002"}, "items": [line]});
        let (status, res) = s.send(Method::POST, &t, "/api/tgv/salesorders/", &body).await;
        assert_eq!(status, 400, "{n}: {res}");
        assert!(res["message"].as_str().unwrap_or_default().contains(field), "{n} names {field}: {res}");
    }
    let header = json!({"externalid": "NUM-H", "customerid": "000002", "customerstore": "01",
        "paymentconditionid": "002", "freight": "NaN"});
    let body = json!({"header": header, "items": [{"productid": "P00001", "quantity": 1, "unitprice": 10}]});
    let (status, res) = s.send(Method::POST, &t, "/api/tgv/salesorders/", &body).await;
    assert_eq!(status, 400, "{res}");
    assert!(res["message"].as_str().unwrap_or_default().contains("freight"), "{res}");

    let (_, orders) = s.get(&t, "/api/tgv/salesorders/?FILTER=startswith(externalid,'NUM-')").await;
    assert_eq!(orders["items"].as_array().map(Vec::len).unwrap_or(0), 0, "nothing stored: {orders}");
}

#[tokio::test]
async fn impossible_numbers_through_the_queue_end_as_refusals_not_stuck_rows() {
    let s = fast().await;
    let t = s.token("ana").await;
    for (n, (line, field)) in impossible_lines().into_iter().enumerate() {
        let id = format!("QNUM-{n}");
        let mut body = order_body(&id, "000002", &[]);
        body["json"]["items"] = json!([line]);
        let (status, res) = s.send(Method::POST, &t, "/api/tgv/integrationqueue/", &body).await;
        assert_eq!(status, 201, "{res}");
        let row = settled(&s, &t, &id).await;
        assert_eq!(row["status"], "3", "{row}");
        assert!(row["jsonerror"].as_str().unwrap().contains(field), "names {field}: {row}");
    }
}
