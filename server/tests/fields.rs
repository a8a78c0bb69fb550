//! Every text a client writes is checked against the ERP's dictionary
//! (`mascate_domain::dictionary`, issue 27 finding 6): over-length, control characters,
//! bidirectional overrides and dates that do not parse are a 400 naming the field, on the
//! synchronous writes, the queue, the tax simulation, contacts and tasks; the OpenAPI
//! document states the same limits.

mod support;

use mascate_domain::dictionary::{self, Field, Kind};
use reqwest::Method;
use serde_json::{json, Value};
use support::{fast, order_body, settled, TestServer};

/// Values `f` must refuse: one past its size, and for text a NUL, an escape code and a
/// right-to-left override; for a date, one that is no day.
fn bad_values(f: &Field) -> Vec<String> {
    let mut out = vec![];
    match f.kind {
        Kind::Date => out.extend(["2026-02-30", "31/12/2026", "amanhã"].map(String::from)),
        Kind::Code | Kind::Sequence => out.extend(["1".repeat(f.size + 1), "A\u{0}".into(), "A\u{202e}".into()]),
        Kind::Text | Kind::Memo => {
            out.extend(["x".repeat(f.size + 1), "a\u{0}b".into(), "a\u{1b}[2Jb".into(), "a\u{202e}b".into()])
        }
    }
    out
}

async fn refused_naming(s: &TestServer, t: &str, method: Method, path: &str, body: &Value, field: &str) {
    let (status, res) = s.send(method, t, path, body).await;
    assert_eq!(status, 400, "{path} {body}: {res}");
    let said = res.to_string();
    assert!(said.contains(field), "{path}: the refusal names {field}: {said}");
}

#[tokio::test]
async fn every_document_field_refuses_what_its_erp_field_cannot_hold() {
    let s = TestServer::start().await;
    let t = s.token("ana").await;
    let base = order_body("FIELDS-1", "000002", &[("P00001", 1.0, 10.0)])["json"].clone();
    for f in dictionary::DOCUMENT_HEADER {
        for bad in bad_values(&f) {
            let mut body = base.clone();
            body["header"][f.name] = json!(bad);
            let path = if f.name == "budgetid" { "/api/tgv/salesbudgets/" } else { "/api/tgv/salesorders/" };
            refused_naming(&s, &t, Method::POST, path, &body, f.name).await;
        }
    }
    for f in dictionary::DOCUMENT_LINE {
        for bad in bad_values(&f) {
            let mut body = base.clone();
            body["items"][0][f.name] = json!(bad);
            refused_naming(&s, &t, Method::POST, "/api/tgv/salesorders/", &body, f.name).await;
        }
    }
    let (status, res) = s.send(Method::POST, &t, "/api/tgv/salesorders/", &base).await;
    assert_eq!(status, 201, "the same body with fitting fields is taken: {res}");
}

#[tokio::test]
async fn an_item_number_past_its_two_characters_is_named_not_a_full_document() {
    let s = TestServer::start().await;
    let t = s.token("ana").await;
    let mut body = order_body("FIELDS-2", "000002", &[("P00001", 1.0, 10.0)])["json"].clone();
    body["items"][0]["itemid"] = json!("ZZZZ");
    let (status, res) = s.send(Method::POST, &t, "/api/tgv/salesorders/", &body).await;
    assert_eq!(status, 400, "{res}");
    let said = res.to_string();
    assert!(said.contains("itemid") && said.contains("C6_ITEM"), "{said}");
    assert!(!said.contains("limite"), "{said}");
}

#[tokio::test]
async fn the_queue_refuses_a_bad_field_at_once_naming_it() {
    let s = fast().await;
    let t = s.token("ana").await;
    let mut body = order_body("FIELDS-Q", "000002", &[("P00001", 1.0, 10.0)]);
    body["json"]["header"]["issuedate"] = json!("not a date");
    let (status, res) = s.send(Method::POST, &t, "/api/tgv/integrationqueue/", &body).await;
    assert!(status == 201 || status == 400, "{status} {res}");
    if status == 201 {
        let row = settled(&s, &t, "FIELDS-Q").await;
        assert_eq!(row["status"], "3", "{row}");
        assert!(row.to_string().contains("issuedate"), "{row}");
    } else {
        assert!(res.to_string().contains("issuedate"), "{res}");
    }
}

#[tokio::test]
async fn the_tax_simulation_refuses_numbers_past_their_fields() {
    let s = TestServer::start().await;
    let t = s.token("ana").await;
    let line = |q: Value| json!({"ProductId": "P00001", "Quantity": q, "UnitaryValue": 10});
    for (field, body) in [
        ("Quantity", json!({"CustomerId": "000002", "CustomerUnit": "01", "ListofProducts": [line(json!(1e308))]})),
        (
            "Freight",
            json!({"CustomerId": "000002", "CustomerUnit": "01", "Freight": 1e300, "ListofProducts": [line(json!(1))]}),
        ),
        (
            "CustomerId",
            json!({"CustomerId": "0".repeat(4000), "CustomerUnit": "01", "ListofProducts": [line(json!(1))]}),
        ),
    ] {
        refused_naming(&s, &t, Method::POST, "/api/fat/v1/SalesTaxes", &body, field).await;
    }
}

#[tokio::test]
async fn contacts_and_tasks_refuse_control_characters_and_overrides_naming_the_field() {
    let s = TestServer::start().await;
    let t = s.token("ana").await;
    let contact = json!({"name": "Rita", "role": "Compras", "customerid": "000002", "customerstore": "01"});
    for f in ["name", "role"] {
        for bad in ["Ri\u{0}ta", "Ri\u{1b}[31mta", "Ri\u{202e}ta"] {
            let mut body = contact.clone();
            body[f] = json!(bad);
            let (status, res) = s.send(Method::POST, &t, "/api/tgv/contacts/", &body).await;
            assert_eq!(status, 400, "{f} {bad:?}: {res}");
        }
    }
    let task = json!({"customerid": "000002", "customerstore": "01", "subject": "Ligar", "duedate": "2030-01-10"});
    for (f, bad) in [("subject", "Li\u{202e}gar"), ("notes", "a\u{2066}b"), ("customerid", "0000020")] {
        let mut body = task.clone();
        body[f] = json!(bad);
        refused_naming(&s, &t, Method::PUT, "/api/mascate/v1/tasks/0b9a2c9e-8f4e-4c1e", &body, f).await;
    }
}

#[tokio::test]
async fn the_openapi_document_states_the_dictionary_on_the_write_bodies() {
    let s = TestServer::start().await;
    let doc: Value = s.http.get(s.url("/api/openapi.json")).send().await.unwrap().json().await.unwrap();
    let body = |path: &str, method: &str| {
        doc["paths"][path][method]["requestBody"]["content"]["application/json"]["schema"].clone()
    };
    let order = body("/api/tgv/salesorders", "post");
    let note = &order["properties"]["header"]["properties"]["notemessage"];
    assert_eq!(note["maxLength"], 120, "{order}");
    assert!(note["pattern"].is_string());
    assert_eq!(order["properties"]["items"]["items"]["properties"]["itemid"]["maxLength"], 2);
    let contact = body("/api/tgv/contacts", "post");
    assert_eq!(contact["properties"]["name"]["maxLength"], 40, "{contact}");
    let task = body("/api/mascate/v1/tasks/{id}", "put");
    assert_eq!(task["properties"]["subject"]["maxLength"], 120, "{task}");
}
