//! HTTP hardening over real HTTP: server faults say nothing of SQL and carry a request id,
//! strict security headers on the app and the API, 413 and other framework errors in the
//! contract's JSON, `WWW-Authenticate` on 401, a header-read timeout, and a connection cap
//! that keeps half-sent connections from shutting a normal request out.

mod support;

use std::time::Duration;

use serde_json::Value;
use support::{ServerProcess, TestServer};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

#[tokio::test]
async fn a_server_fault_says_nothing_of_sql_and_names_its_request_id() {
    let s = TestServer::start().await;
    let t = s.token("ana").await;
    // Break the storage under a route, as a bad migration or a full disk would.
    s.state
        .db
        .write(|tx| {
            tx.conn.execute_batch("DROP VIEW orders_view")?;
            Ok(())
        })
        .await
        .unwrap();
    let res = s.http.get(s.url("/api/tgv/salesorders")).bearer_auth(&t).send().await.unwrap();
    assert_eq!(res.status(), 500);
    let id = res.headers()["x-request-id"].to_str().unwrap().to_string();
    let text = res.text().await.unwrap();
    for leak in ["orders_view", "no such", "SQL", "sqlite", "table"] {
        assert!(!text.to_lowercase().contains(&leak.to_lowercase()), "{leak} leaked: {text}");
    }
    let body: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(body["message"], "Erro interno do servidor");
    assert!(body["detailedMessage"].as_str().unwrap().contains(&id), "the id to quote: {body}");
}

#[tokio::test]
async fn strict_headers_on_the_app_and_the_api() {
    let s = TestServer::start().await;
    let t = s.token("ana").await;
    for (path, token) in [("/", None), ("/customers", None), ("/api/tgv/customers", Some(&t))] {
        let mut req = s.http.get(s.url(path));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        let res = req.send().await.unwrap();
        let h = res.headers();
        let csp = h["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert!(!csp.contains("unsafe-inline") && !csp.contains("'unsafe-eval'"), "{path}: {csp}");
        assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(h["referrer-policy"], "no-referrer", "{path}");
        assert!(h["permissions-policy"].to_str().unwrap().contains("camera=()"), "{path}");
        assert!(h.contains_key("x-request-id"), "{path}");
    }
    let res = s.http.get(s.url("/api/tgv/customers")).bearer_auth(&t).send().await.unwrap();
    assert_eq!(res.headers()["cache-control"], "no-store", "API answers are not cached");
}

#[tokio::test]
async fn a_401_says_bearer_and_framework_errors_speak_the_contract() {
    let s = TestServer::start().await;
    let res = s.http.get(s.url("/api/tgv/customers")).send().await.unwrap();
    assert_eq!(res.status(), 401);
    assert!(res.headers()["www-authenticate"].to_str().unwrap().starts_with("Bearer"));
    let res = s.http.get(s.url("/api/tgv/customers")).bearer_auth("forged").send().await.unwrap();
    assert!(res.headers()["www-authenticate"].to_str().unwrap().contains("invalid_token"));

    let t = s.token("ana").await;
    let huge = vec![b' '; 3 * 1024 * 1024];
    let res = s.http.post(s.url("/api/tgv/salesorders")).bearer_auth(&t).body(huge).send().await.unwrap();
    assert_eq!(res.status(), 413);
    let body: Value = res.json().await.expect("413 in JSON");
    assert_eq!(body["code"], 413);
    assert!(body["message"].is_string());
    let res = s.http.patch(s.url("/api/tgv/customers")).bearer_auth(&t).send().await.unwrap();
    assert_eq!(res.status(), 405);
    assert_eq!(res.json::<Value>().await.expect("405 in JSON")["code"], 405);
}

/// Opens a connection and sends part of a request's headers, never the end; `None` when
/// the server does not take the connection within half a second.
async fn half_sent(addr: &str) -> Option<tokio::net::TcpStream> {
    let connect = tokio::net::TcpStream::connect(addr);
    let mut stream = tokio::time::timeout(Duration::from_millis(500), connect).await.ok()?.ok()?;
    stream.write_all(b"GET /api/mascate/v1/about HTTP/1.1\r\nHost: x\r\nX-Slow: ").await.ok()?;
    Some(stream)
}

#[tokio::test]
async fn a_half_sent_request_is_cut_after_the_header_timeout() {
    let s = TestServer::start_with(|c| c.header_timeout_secs = 1).await;
    let addr = s.base.trim_start_matches("http://").to_string();
    let mut stream = half_sent(&addr).await.unwrap();
    let mut buf = [0u8; 512];
    let read = tokio::time::timeout(Duration::from_secs(8), async {
        loop {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => return true,
                Ok(_) => continue, // a 408 may come first
            }
        }
    })
    .await;
    assert_eq!(read, Ok(true), "the server closed the half-sent connection");
}

#[tokio::test]
async fn a_thousand_half_sent_connections_do_not_shut_out_a_normal_request() {
    mascate_server::serve::raise_file_limit(); // this test's own side holds a thousand sockets
    let dir = tempfile::tempdir().unwrap();
    // A server process with 256 files: far fewer than the connections thrown at it.
    let server = ServerProcess::spawn(dir.path(), &["--header-timeout", "60"], Some(256));
    let addr = server.base.trim_start_matches("http://").to_string();
    let (mut held, mut refused) = (Vec::new(), 0);
    while held.len() < 1000 && refused < 5 {
        match half_sent(&addr).await {
            Some(c) => held.push(c),
            None => refused += 1,
        }
    }
    let client = reqwest::Client::builder().timeout(Duration::from_secs(10)).build().unwrap();
    let res = client.get(format!("{}/api/mascate/v1/about", server.base)).send().await;
    let status = res.map(|r| r.status().as_u16());
    assert_eq!(status.ok(), Some(200), "a normal request is answered while {} connections hang", held.len());
    server.kill();
}
