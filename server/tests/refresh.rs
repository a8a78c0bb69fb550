//! Refresh rotation under real networks (issue 27): two refreshes of one token at once (two
//! tabs, a retry after a lost answer) leave the rep signed in with one working pair; the
//! old token presented after the grace is theft and ends the family; a refresh ends the
//! access token it replaced.

mod support;

use serde_json::Value;
use support::TestServer;

async fn pair(res: reqwest::Response) -> (String, String) {
    assert_eq!(res.status(), 201);
    let body: Value = res.json().await.unwrap();
    (body["access_token"].as_str().unwrap().into(), body["refresh_token"].as_str().unwrap().into())
}

async fn works(s: &TestServer, access: &str) -> bool {
    s.get(access, "/api/tgv/sellers/codeuser").await.0 == 200
}

#[tokio::test]
async fn two_refreshes_of_one_token_at_once_leave_the_rep_signed_in() {
    let s = TestServer::start().await;
    for round in 0..10 {
        let (_, r1) = pair(s.login("ana", "mascate1").await).await;
        let (a, b) = tokio::join!(s.refresh(&r1), s.refresh(&r1));
        assert_eq!(
            (a.status().as_u16(), b.status().as_u16()),
            (201, 201),
            "round {round}: neither is taken for a thief"
        );
        let (a, b) = (pair(a).await, pair(b).await);
        assert_eq!(a, b, "round {round}: both get the one new pair");
        assert!(works(&s, &a.0).await, "round {round}: the pair works");
        let next = pair(s.refresh(&a.1).await).await;
        assert!(works(&s, &next.0).await, "round {round}: and its refresh token rotates on");
    }
}

#[tokio::test]
async fn a_retry_after_a_lost_answer_gets_the_same_pair() {
    let s = TestServer::start().await;
    let (_, r1) = pair(s.login("ana", "mascate1").await).await;
    let lost = pair(s.refresh(&r1).await).await; // the answer never reached the app
    s.state.clock.set_offset_secs(5);
    let again = pair(s.refresh(&r1).await).await;
    assert_eq!(again, lost);
    assert!(works(&s, &again.0).await);
    assert_eq!(s.refresh(&again.1).await.status(), 201);
}

#[tokio::test]
async fn the_old_token_after_the_grace_is_reuse_and_ends_the_family() {
    let s = TestServer::start().await;
    let grace = s.state.config.refresh_grace_secs;
    let (_, r1) = pair(s.login("ana", "mascate1").await).await;
    let (a2, r2) = pair(s.refresh(&r1).await).await;
    s.state.clock.set_offset_secs(grace + 1);
    assert_eq!(s.refresh(&r1).await.status(), 401, "a thief's copy");
    assert!(!works(&s, &a2).await, "the family is revoked");
    assert_eq!(s.refresh(&r2).await.status(), 401);
}

#[tokio::test]
async fn within_the_grace_the_old_token_is_no_use_once_its_successor_rotated() {
    let s = TestServer::start().await;
    let (_, r1) = pair(s.login("ana", "mascate1").await).await;
    let (_, r2) = pair(s.refresh(&r1).await).await;
    let (a3, _) = pair(s.refresh(&r2).await).await;
    assert_eq!(s.refresh(&r1).await.status(), 401, "two rotations on: a copy, not a race");
    assert!(!works(&s, &a3).await, "so the family ends");
}

#[tokio::test]
async fn a_refresh_ends_the_access_token_it_replaced() {
    let s = TestServer::start().await;
    let (a1, r1) = pair(s.login("ana", "mascate1").await).await;
    let (other, _) = pair(s.login("ana", "mascate1").await).await;
    assert!(works(&s, &a1).await);
    let (a2, _) = pair(s.refresh(&r1).await).await;
    assert!(works(&s, &a2).await);
    assert!(!works(&s, &a1).await, "the replaced access token stops at once, not in an hour");
    assert!(works(&s, &other).await, "another session is not touched");
}
