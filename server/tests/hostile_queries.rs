//! Hostile list queries over real HTTP and SQLite: `FILTER`, `SORT`, `FIELDS` and free-text
//! searches past their bounds answer a 400 in the contract's shape that names the bound, and
//! the server lives on (one deep `FILTER` used to overflow the stack and abort the process).

mod support;

use serde_json::Value;
use support::{items, TestServer};

/// GET with the query parameters encoded; status and body.
async fn get_with(s: &TestServer, token: &str, path: &str, query: &[(&str, &str)]) -> (u16, Value) {
    let res = s.http.get(s.url(path)).bearer_auth(token).query(query).send().await.expect("GET");
    (res.status().as_u16(), res.json().await.unwrap_or(Value::Null))
}

/// The server still answers an ordinary request.
async fn alive(s: &TestServer, token: &str) {
    let (status, body) = s.get(token, "/api/tgv/customers?pageSize=1").await;
    assert_eq!(status, 200, "the server lives on: {body}");
}

/// A 400 in the contract's `{code, message}` shape whose message contains `needle`.
fn refused(status: u16, body: &Value, needle: &str) {
    let shown: String = body.to_string().chars().take(300).collect();
    assert_eq!(status, 400, "{shown}");
    assert_eq!(body["code"], 400, "{shown}");
    let message = body["message"].as_str().unwrap_or_default();
    assert!(message.contains(needle), "the message names the bound ({needle}): {shown}");
}

#[tokio::test]
async fn a_deeply_nested_filter_is_refused_and_the_process_lives() {
    let s = TestServer::start().await;
    let t = s.token("ana").await;
    // ~13.5 KB of parentheses, as measured against the old build (it overflowed the stack).
    let deep = format!("{}name eq 'A'{}", "(".repeat(2_250), ")".repeat(2_250));
    let (status, body) = get_with(&s, &t, "/api/tgv/customers", &[("FILTER", &deep)]).await;
    refused(status, &body, "2048 caracteres");
    let deep = format!("{}name eq 'A'{}", "(".repeat(500), ")".repeat(500));
    let (status, body) = get_with(&s, &t, "/api/tgv/customers", &[("FILTER", &deep)]).await;
    refused(status, &body, "10 níveis");
    alive(&s, &t).await;
}

#[tokio::test]
async fn ten_thousand_nots_are_refused_and_the_process_lives() {
    let s = TestServer::start().await;
    let t = s.token("ana").await;
    let nots = format!("{}name eq 'A'", "not ".repeat(10_000));
    let (status, body) = get_with(&s, &t, "/api/tgv/customers", &[("FILTER", &nots)]).await;
    assert_eq!(status, 400, "{body}");
    let nots = format!("{}name eq 'A'", "not ".repeat(300));
    let (status, body) = get_with(&s, &t, "/api/tgv/products", &[("FILTER", &nots)]).await;
    refused(status, &body, "10 níveis");
    alive(&s, &t).await;
}

#[tokio::test]
async fn hundreds_of_conditions_are_a_400_not_a_database_error() {
    let s = TestServer::start().await;
    let t = s.token("ana").await;
    // A few hundred `and`s made SQLite refuse the expression (a 500 with its text).
    let hundreds = vec!["uf eq 1"; 400].join(" and ");
    let (status, body) = get_with(&s, &t, "/api/tgv/customers", &[("FILTER", &hundreds)]).await;
    refused(status, &body, "FILTER");
    let many = vec!["uf eq 1"; 120].join(" and ");
    for path in ["/api/tgv/customers", "/api/tgv/customers/sync", "/api/tgv/integrationqueue"] {
        let (status, body) = get_with(&s, &t, path, &[("FILTER", &many)]).await;
        refused(status, &body, "100 condições");
    }
    // Within the bounds, a long filter the app could send still works.
    let fits = vec!["status ne 'X'"; 95].join(" and ");
    let (status, body) = get_with(&s, &t, "/api/tgv/customers", &[("FILTER", &fits), ("pageSize", "3")]).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(items(&body).len(), 3);
    alive(&s, &t).await;
}

#[tokio::test]
async fn sort_and_fields_past_their_bounds_are_refused() {
    let s = TestServer::start().await;
    let t = s.token("ana").await;
    let sort = vec!["name"; 50].join(",");
    let (status, body) = get_with(&s, &t, "/api/tgv/customers", &[("SORT", &sort)]).await;
    refused(status, &body, "SORT");
    let fields = vec!["name"; 2_000].join(",");
    let (status, body) = get_with(&s, &t, "/api/tgv/customers/sync", &[("FIELDS", &fields)]).await;
    refused(status, &body, "FIELDS");
    let (status, body) =
        get_with(&s, &t, "/api/tgv/customers", &[("SORT", "-name,code"), ("FIELDS", "name,code")]).await;
    assert_eq!(status, 200, "{body}");
}

#[tokio::test]
async fn a_huge_free_text_search_is_a_400_not_a_database_error() {
    let s = TestServer::start().await;
    let t = s.token("ana").await;
    let long = "a".repeat(60_000);
    let (status, body) = s.get(&t, &format!("/api/tgv/salesorders/product/{long}")).await;
    refused(status, &body, "200 caracteres");
    let (status, body) = s.get(&t, &format!("/api/tgv/salesbudgets/product/{long}")).await;
    refused(status, &body, "200 caracteres");
    let (status, body) = get_with(
        &s,
        &t,
        "/api/tgv/financialsecurities",
        &[("customerid", "000002"), ("customerstore", "01"), ("filter", &long)],
    )
    .await;
    refused(status, &body, "200 caracteres");
    // `_` is searched for, not a wildcard: no product has one.
    let (status, body) = s.get(&t, "/api/tgv/salesorders/product/_").await;
    assert_eq!(status, 200);
    assert!(items(&body).is_empty(), "`_` matched {} orders", items(&body).len());
    alive(&s, &t).await;
}
