//! Logins and tokens under attack, over real HTTP and SQLite: a name waits after N failures
//! (delays that grow, see tests/lockout.rs), unknown names get the same answers and the same work, an
//! address that keeps failing is throttled, a storm never breaks a signed-in reader; a
//! replayed refresh token revokes its family; sign-out revokes; fixture passwords open
//! nothing outside demo mode.

mod support;

use std::time::Duration;

use serde_json::Value;
use support::TestServer;

async fn locking(failures: u32) -> TestServer {
    TestServer::start_with(|c| {
        c.lockout_failures = failures;
        c.lockout_minutes = 1;
    })
    .await
}

#[tokio::test]
async fn a_name_waits_after_n_failures_even_for_the_right_password_and_gets_in_after_the_delay() {
    let s = locking(3).await;
    for _ in 0..3 {
        assert_eq!(s.login("ana", "wrong").await.status(), 401);
    }
    let locked = s.login("ana", "mascate1").await;
    assert_eq!(locked.status(), 429, "waiting, right password or not");
    let wait: i64 = locked.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=60).contains(&wait), "Retry-After {wait}");
    let body: Value = locked.json().await.unwrap();
    assert_eq!(body["code"], 429);
    assert_eq!(s.login("bruno", "mascate2").await.status(), 201, "other names are not locked");
    s.state.clock.set_offset_secs(61);
    assert_eq!(s.login("ana", "mascate1").await.status(), 201, "in after the delay");
}

#[tokio::test]
async fn unknown_names_get_the_same_answers_and_the_same_work() {
    let s = locking(3).await;
    let before = s.state.logins.checker.checked();
    let mut answers = Vec::new();
    for user in ["ana", "ghost"] {
        let mut seen = Vec::new();
        for _ in 0..4 {
            seen.push(s.login(user, "wrong").await.status().as_u16());
        }
        answers.push(seen);
    }
    assert_eq!(answers[0], [401, 401, 401, 429]);
    assert_eq!(answers[0], answers[1], "a name that does not exist answers as one that does");
    assert_eq!(s.state.logins.checker.checked() - before, 6, "every attempt before the lock checked a hash");
}

#[tokio::test]
async fn an_address_that_keeps_failing_is_throttled_whatever_names_it_tries() {
    let s = TestServer::start_with(|c| c.address_failures = 5).await;
    for n in 0..5 {
        assert_eq!(s.login(&format!("spray{n}"), "x").await.status(), 401);
    }
    let res = s.login("carla", "mascate3").await;
    assert_eq!(res.status(), 429);
    assert!(res.headers().contains_key("retry-after"));
}

#[tokio::test]
async fn a_wrong_password_storm_never_breaks_a_signed_in_reader() {
    let s = TestServer::start().await;
    let t = s.token("ana").await;
    let storm: Vec<_> = (0..64)
        .map(|n| {
            let (http, url) = (s.http.clone(), s.url("/api/oauth2/v1/token"));
            tokio::spawn(async move {
                let mut seen = Vec::new();
                for _ in 0..3 {
                    let q = [("grant_type", "password"), ("username", "bruno"), ("password", &format!("guess{n}"))];
                    seen.push(http.post(&url).query(&q).send().await.unwrap().status().as_u16());
                }
                seen
            })
        })
        .collect();
    for _ in 0..20 {
        assert_eq!(s.get(&t, "/api/tgv/customers?pageSize=5").await.0, 200, "the reader is answered");
    }
    let mut statuses: Vec<u16> = Vec::new();
    for h in storm {
        statuses.extend(h.await.unwrap());
    }
    assert!(statuses.iter().all(|s| [401, 429].contains(s)), "{statuses:?}");
    assert!(statuses.contains(&429), "the storm is throttled");
}

async fn tokens(res: reqwest::Response) -> (String, String) {
    assert_eq!(res.status(), 201);
    assert_eq!(res.headers()["cache-control"], "no-store", "token answers are never cached");
    let body: Value = res.json().await.unwrap();
    (body["access_token"].as_str().unwrap().into(), body["refresh_token"].as_str().unwrap().into())
}

#[tokio::test]
async fn a_replayed_refresh_token_revokes_its_whole_family() {
    let s = TestServer::start().await;
    let (_, r1) = tokens(s.login("ana", "mascate1").await).await;
    let (a2, r2) = tokens(s.refresh(&r1).await).await;
    assert_eq!(s.get(&a2, "/api/tgv/sellers/codeuser").await.0, 200);
    // Someone replays the rotated token after the grace: refused, and the family ends with it.
    s.state.clock.set_offset_secs(s.state.config.refresh_grace_secs + 1);
    assert_eq!(s.refresh(&r1).await.status(), 401);
    assert_eq!(s.refresh(&r2).await.status(), 401, "its successor is revoked");
    assert_eq!(s.get(&a2, "/api/tgv/sellers/codeuser").await.0, 401, "so is the access token");
    // Another session of the same user is not touched.
    let (a3, _) = tokens(s.login("ana", "mascate1").await).await;
    assert_eq!(s.get(&a3, "/api/tgv/sellers/codeuser").await.0, 200);
}

#[tokio::test]
async fn sign_out_revokes_the_session() {
    let s = TestServer::start().await;
    let (access, refresh_token) = tokens(s.login("ana", "mascate1").await).await;
    let (other, _) = tokens(s.login("ana", "mascate1").await).await;
    let res = s.http.post(s.url("/api/oauth2/v1/revoke")).form(&[("token", &refresh_token)]).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(s.get(&access, "/api/tgv/sellers/codeuser").await.0, 401);
    assert_eq!(s.refresh(&refresh_token).await.status(), 401);
    assert_eq!(s.get(&other, "/api/tgv/sellers/codeuser").await.0, 200, "only that session");
    let res = s.http.post(s.url("/api/oauth2/v1/revoke")).form(&[("token", "nothing")]).send().await.unwrap();
    assert_eq!(res.status(), 200, "an unknown token tells nothing");
}

#[tokio::test]
async fn outside_demo_mode_fixture_passwords_open_nothing_until_an_account_gets_its_own() {
    let s = TestServer::start_with(|c| c.demo = false).await;
    for (user, password) in [("ana", "mascate1"), ("bruno", "mascate2"), ("admin", "admin-not-a-seller")] {
        assert_eq!(s.login(user, password).await.status(), 401, "{user}");
    }
    // The documented command, as a company would run it (here against the same database).
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_mascate-server"))
            .args(args)
            .arg("--data-dir")
            .arg(&s.state.config.data_dir)
            .arg("--fixtures")
            .arg(support::fixtures_dir())
            .env("MASCATE_PASSWORD", "a-long-new-secret")
            .output()
            .expect("mascate-server user")
    };
    let out = run(&["user", "password", "ana"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = run(&["user", "add", "maria", "--name", "MARIA SILVA", "--seller", "000003"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let listed = String::from_utf8_lossy(&run(&["user", "list"]).stdout).to_string();
    assert!(listed.contains("maria") && listed.contains("demo password"), "{listed}");

    tokio::time::sleep(Duration::from_millis(50)).await;
    assert_eq!(s.login("ana", "mascate1").await.status(), 401);
    assert_eq!(s.login("ana", "a-long-new-secret").await.status(), 201);
    let res = s.login("maria", "a-long-new-secret").await;
    let (access, _) = tokens(res).await;
    let (_, body) = s.get(&access, "/api/tgv/sellers/codeuser").await;
    assert_eq!(body["items"][0]["code"], "000003");
}
