//! The lockout keeps attackers out without keeping the rep out (issue 27, finding 4): a
//! distributed wrong-password storm against a name never stops its owner signing in from a
//! device she signed in from before; a name's untrusted attempts wait delays that grow
//! instead of a hard lock; a NAT full of failures does not shut out a known device; a
//! device that keeps failing loses its trust.

mod support;

use std::net::IpAddr;

use support::TestServer;

const TOKEN: &str = "/api/oauth2/v1/token";

/// A client whose requests come from `127.0.0.n` (every 127/8 address is loopback).
fn from(n: u8) -> reqwest::Client {
    reqwest::Client::builder().local_address(IpAddr::from([127, 0, 0, n])).build().unwrap()
}

async fn sign_in(http: &reqwest::Client, s: &TestServer, user: &str, password: &str, device: Option<&str>) -> u16 {
    let q = [("grant_type", "password"), ("username", user), ("password", password)];
    let mut req = http.post(s.url(TOKEN)).query(&q);
    if let Some(d) = device {
        req = req.header("cookie", format!("mascate_device={d}"));
    }
    req.send().await.unwrap().status().as_u16()
}

/// Signs `user` in once and keeps the device cookie the answer sets.
async fn known_device(s: &TestServer, user: &str, password: &str) -> String {
    let q = [("grant_type", "password"), ("username", user), ("password", password)];
    let res = s.http.post(s.url(TOKEN)).query(&q).send().await.unwrap();
    assert_eq!(res.status(), 201);
    let cookie = res.headers().get("set-cookie").expect("a device cookie").to_str().unwrap().to_string();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), "{cookie}");
    let value = cookie.split(';').next().unwrap().strip_prefix("mascate_device=").expect("named mascate_device");
    value.to_string()
}

#[tokio::test]
async fn during_a_distributed_storm_ana_signs_in_from_her_known_device() {
    let s = TestServer::start().await;
    let device = known_device(&s, "ana", "mascate1").await;
    let mut ok = 0;
    // A new source address every 40 tries, 10 addresses; ana signs in between them.
    for n in 0..10u8 {
        let attacker = from(10 + n);
        for i in 0..40 {
            let status = sign_in(&attacker, &s, "ana", &format!("guess{n}-{i}"), None).await;
            assert!([401, 429].contains(&status), "{status}");
        }
        for _ in 0..4 {
            ok += (sign_in(&s.http, &s, "ana", "mascate1", Some(&device)).await == 201) as u32;
        }
    }
    assert_eq!(ok, 40, "every sign-in from the known device got through");
    assert_eq!(sign_in(&from(99), &s, "ana", "mascate1", None).await, 429, "a new device waits out the storm");
    assert_eq!(sign_in(&from(99), &s, "ana", "mascate1", Some("forged")).await, 429, "a made-up cookie is none");
}

fn retry_after(res: &reqwest::Response) -> i64 {
    res.headers()["retry-after"].to_str().unwrap().parse().unwrap()
}

#[tokio::test]
async fn a_names_untrusted_attempts_wait_delays_that_grow_instead_of_a_hard_lock() {
    let s = TestServer::start().await; // 5 free failures, delays up to 15 minutes
    for _ in 0..5 {
        assert_eq!(s.login("bruno", "wrong").await.status(), 401);
    }
    let first = s.login("bruno", "mascate2").await;
    assert_eq!(first.status(), 429, "the right password waits too: no oracle");
    let first = retry_after(&first);
    assert!((1..=2).contains(&first), "a short first delay: {first}");
    let mut offset = 0;
    let mut last = first;
    for _ in 0..4 {
        offset += last + 1;
        s.state.clock.set_offset_secs(offset);
        assert_eq!(s.login("bruno", "wrong").await.status(), 401, "one try after each delay");
        let res = s.login("bruno", "wrong").await;
        assert_eq!(res.status(), 429);
        let wait = retry_after(&res);
        assert!(wait > last, "the delay grows: {wait} after {last}");
        last = wait;
    }
    for _ in 0..20 {
        offset += last + 1;
        s.state.clock.set_offset_secs(offset);
        s.login("bruno", "wrong").await;
        let res = s.login("bruno", "wrong").await;
        last = retry_after(&res);
        assert!(last <= 15 * 60 + 1, "never past the longest delay: {last}");
    }
    offset += last + 1;
    s.state.clock.set_offset_secs(offset);
    assert_eq!(s.login("bruno", "mascate2").await.status(), 201, "after the delay the rep gets in");
}

#[tokio::test]
async fn an_office_nat_full_of_failures_keeps_out_new_devices_only() {
    let s = TestServer::start_with(|c| c.address_failures = 20).await;
    let device = known_device(&s, "carla", "mascate3").await;
    let office = from(50);
    for n in 0..20 {
        assert_eq!(sign_in(&office, &s, &format!("spray{n}"), "x", None).await, 401);
    }
    assert_eq!(sign_in(&office, &s, "bruno", "mascate2", None).await, 429, "a new device behind the NAT waits");
    assert_eq!(sign_in(&office, &s, "carla", "mascate3", Some(&device)).await, 201, "carla's known device does not");
}

#[tokio::test]
async fn a_known_device_that_keeps_failing_loses_its_trust() {
    let s = TestServer::start().await;
    let device = known_device(&s, "ana", "mascate1").await;
    for _ in 0..5 {
        assert_eq!(sign_in(&s.http, &s, "ana", "wrong", Some(&device)).await, 401);
    }
    for n in 0..5 {
        sign_in(&from(20), &s, "ana", &format!("storm{n}"), None).await;
    }
    assert_eq!(sign_in(&s.http, &s, "ana", "mascate1", Some(&device)).await, 429, "no longer trusted");
}

#[tokio::test]
async fn a_device_is_trusted_only_for_the_user_who_signed_in_on_it() {
    let s = TestServer::start().await;
    let device = known_device(&s, "ana", "mascate1").await;
    for n in 0..5 {
        sign_in(&from(21), &s, "bruno", &format!("storm{n}"), None).await;
    }
    assert_eq!(sign_in(&s.http, &s, "bruno", "mascate2", Some(&device)).await, 429, "ana's device is not bruno's");
}
