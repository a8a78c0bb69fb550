//! Tokens (§2.1): grants, expiry, refresh rotation, and the bearer check on every route.

mod support;

use serde_json::Value;
use support::TestServer;

#[tokio::test]
async fn password_grant_gives_201_and_tokens_by_query_header_or_form() {
    let s = TestServer::start().await;
    let res = s.login("ana", "mascate1").await;
    assert_eq!(res.status(), 201);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["expires_in"], 3600);
    assert!(body["access_token"].as_str().unwrap().len() >= 32);
    assert_ne!(body["access_token"], body["refresh_token"]);

    let by_header = s
        .http
        .post(s.url("/api/oauth2/v1/token"))
        .header("grant_type", "password")
        .header("username", "bruno")
        .header("password", "mascate2")
        .send()
        .await
        .unwrap();
    assert_eq!(by_header.status(), 201);

    let by_form = s
        .http
        .post(s.url("/api/oauth2/v1/token"))
        .form(&[("grant_type", "password"), ("username", "CARLA"), ("password", "mascate3")])
        .send()
        .await
        .unwrap();
    assert_eq!(by_form.status(), 201, "user names are case-insensitive");
}

#[tokio::test]
async fn bad_credentials_give_401_with_a_message() {
    let s = TestServer::start().await;
    for (user, password) in [("ana", "wrong"), ("nobody", "mascate1"), ("ana", "")] {
        let res = s.login(user, password).await;
        assert!(matches!(res.status().as_u16(), 400 | 401), "{user}/{password}: {}", res.status());
        let body: Value = res.json().await.unwrap();
        assert!(!body["message"].as_str().unwrap_or("").is_empty());
    }
    assert_eq!(s.login("ana", "wrong").await.status(), 401);
}

#[tokio::test]
async fn passwords_are_stored_hashed() {
    let s = TestServer::start().await;
    let hashes: Vec<String> = s
        .state
        .db
        .write(|tx| {
            let mut stmt = tx.conn.prepare("SELECT password_hash FROM users")?;
            let rows = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<Vec<String>>>()?;
            Ok(rows)
        })
        .await
        .unwrap();
    assert_eq!(hashes.len(), 4);
    for h in hashes {
        assert!(h.starts_with("$argon2"), "{h}");
        assert!(!h.contains("mascate"));
    }
}

#[tokio::test]
async fn every_tgv_and_pgv_route_needs_a_valid_token() {
    let s = TestServer::start().await;
    for path in [
        "/api/tgv/sellers/codeuser",
        "/api/tgv/customers/",
        "/api/tgv/customers/000002/01",
        "/api/tgv/customers/sync",
        "/api/tgv/customers/sync/diff/2020-01-01T00:00:00Z",
        "/api/pgv/sellerfilters/",
    ] {
        let none = s.http.get(s.url(path)).send().await.unwrap();
        assert_eq!(none.status(), 401, "{path} without a token");
        let body: Value = none.json().await.unwrap();
        assert!(body["message"].is_string(), "{path}: contract error shape");
        let (status, _) = s.get("not-a-token", path).await;
        assert_eq!(status, 401, "{path} with a forged token");
    }
    let token = s.token("ana").await;
    let (status, _) = s.get(&token, "/api/tgv/customers/").await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn access_tokens_expire_and_refresh_tokens_rotate() {
    let s = TestServer::start_with(|c| c.access_ttl_secs = 60).await;
    let res = s.login("ana", "mascate1").await;
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["expires_in"], 60);
    let access = body["access_token"].as_str().unwrap().to_string();
    let refresh = body["refresh_token"].as_str().unwrap().to_string();
    assert_eq!(s.get(&access, "/api/tgv/sellers/codeuser").await.0, 200);

    // Two minutes later the access token is dead, the refresh token still good.
    s.state.clock.set_offset_secs(120);
    let (status, body) = s.get(&access, "/api/tgv/sellers/codeuser").await;
    assert_eq!(status, 401);
    assert!(body["message"].as_str().unwrap().contains("expirado"));

    let renew = |r: String| {
        let s = &s;
        async move {
            s.http
                .post(s.url("/api/oauth2/v1/token"))
                .query(&[("grant_type", "refresh_token"), ("refresh_token", r.as_str())])
                .send()
                .await
                .unwrap()
        }
    };
    let res = renew(refresh.clone()).await;
    assert_eq!(res.status(), 201);
    let fresh: Value = res.json().await.unwrap();
    let new_access = fresh["access_token"].as_str().unwrap();
    assert_eq!(s.get(new_access, "/api/tgv/sellers/codeuser").await.0, 200);
    // A refresh token works once (after the grace that covers a race, see tests/refresh.rs).
    s.state.clock.set_offset_secs(120 + s.state.config.refresh_grace_secs + 1);
    assert_eq!(renew(refresh).await.status(), 401);
    // And it too expires, after 24 h.
    s.state.clock.set_offset_secs(120 + 25 * 3600);
    assert_eq!(renew(fresh["refresh_token"].as_str().unwrap().to_string()).await.status(), 401);
}

#[tokio::test]
async fn codeuser_names_the_tokens_seller_and_handles_a_user_without_one() {
    let s = TestServer::start().await;
    let token = s.token("bruno").await;
    let (status, body) = s.get(&token, "/api/tgv/sellers/codeuser").await;
    assert_eq!(status, 200);
    assert_eq!(body["items"][0]["code"], "000002");
    assert_eq!(body["items"][0]["isseller"], true);
    assert!(body["po_sync_date"].is_string());

    let admin = s.token("admin").await;
    let (_, body) = s.get(&admin, "/api/tgv/sellers/codeuser").await;
    assert_eq!(body["items"][0]["isseller"], false);
    assert_eq!(body["items"][0]["code"], "");
    // Sync is seller-scoped: the admin without a seller gets the contract's 403.
    let (status, body) = s.get(&admin, "/api/tgv/customers/sync").await;
    assert_eq!(status, 403);
    assert_eq!(body["message"], "Usuário não relacionado a um Vendedor");
    assert_eq!(body["type"], "error");
}

#[tokio::test]
async fn about_tells_demo_mode_and_logins_only_in_demo() {
    let s = TestServer::start().await;
    let body: Value = s.http.get(s.url("/api/mascate/v1/about")).send().await.unwrap().json().await.unwrap();
    assert_eq!(body["demo"], true);
    assert_eq!(body["logins"].as_array().unwrap().len(), 3);

    let real = TestServer::start_with(|c| c.demo = false).await;
    let body: Value = real.http.get(real.url("/api/mascate/v1/about")).send().await.unwrap().json().await.unwrap();
    assert_eq!(body["demo"], false);
    assert!(body["logins"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn the_openapi_document_lists_every_route_and_only_routes_that_exist() {
    let s = TestServer::start().await;
    let t = s.token("ana").await;
    let res = s.http.get(s.url("/api/openapi.json")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let doc: serde_json::Value = res.json().await.unwrap();
    assert_eq!(doc["openapi"], "3.0.3");
    let paths = doc["paths"].as_object().unwrap();
    assert!(paths.len() >= 60, "{} paths", paths.len());
    for (path, ops) in paths {
        for method in ops.as_object().unwrap().keys() {
            let concrete =
                path.split('/').map(|seg| if seg.starts_with('{') { "X" } else { seg }).collect::<Vec<_>>().join("/");
            let req = s.http.request(method.to_uppercase().parse().unwrap(), s.url(&concrete)).bearer_auth(&t);
            let res = req.header("content-type", "application/json").body("{}").send().await.unwrap();
            let status = res.status().as_u16();
            let body = res.text().await.unwrap();
            assert_ne!(status, 405, "{method} {path} is documented but not routed");
            assert!(!body.contains("Recurso não encontrado"), "{method} {path} is documented but not routed");
            assert!(status < 500, "{method} {path}: {status} {body}");
        }
    }
}
