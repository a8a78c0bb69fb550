//! The rep's own data and account (Mascate extensions): the seller record, the customer's
//! seller name, the account's e-mail and language, and changing the password (policy,
//! throttling, old password refused, other sessions ended, the demo list kept honest).

mod support;

use reqwest::Method;
use serde_json::{json, Value};
use support::{items, TestServer};

const PASSWORD: &str = "/api/mascate/v1/account/password";

async fn change(s: &TestServer, token: &str, current: &str, new: &str) -> (u16, Value) {
    s.send(Method::POST, token, PASSWORD, &json!({"current": current, "new": new})).await
}

async fn refresh(s: &TestServer, refresh_token: &str) -> u16 {
    let res = s
        .http
        .post(s.url("/api/oauth2/v1/token"))
        .query(&[("grant_type", "refresh_token"), ("refresh_token", refresh_token)]);
    res.send().await.unwrap().status().as_u16()
}

#[tokio::test]
async fn sellers_me_is_the_callers_record_with_region_and_commission() {
    let s = TestServer::start().await;
    let (status, ana) = s.get(&s.token("ana").await, "/api/mascate/v1/sellers/me").await;
    assert_eq!(status, 200);
    assert_eq!((&ana["code"], &ana["name"]), (&json!("000001"), &json!("ANA PAULA RIBEIRO")));
    assert_eq!((&ana["region"], &ana["commission"]), (&json!("Grande São Paulo"), &json!(3.5)));
    assert_eq!(
        (&ana["email"], &ana["areacode"], &ana["phone"]),
        (&json!("ana.ribeiro@demo.mascate.dev"), &json!("11"), &json!("991234567"))
    );
    let (_, carla) = s.get(&s.token("carla").await, "/api/mascate/v1/sellers/me").await;
    assert_eq!((&carla["code"], &carla["commission"]), (&json!("000003"), &json!(4.25)));
    let (status, answer) = s.get(&s.token("admin").await, "/api/mascate/v1/sellers/me").await;
    assert_eq!(status, 403, "no seller: {answer}");
}

#[tokio::test]
async fn customers_name_their_seller() {
    let s = TestServer::start().await;
    let bruno = s.token("bruno").await;
    let (_, list) = s.get(&bruno, "/api/tgv/customers?pageSize=5").await;
    assert!(items(&list).iter().all(|c| c["sellername"] == "BRUNO CESAR OLIVEIRA" && c["vendor"] == "000002"));
    let (_, default_customer) = s.get(&bruno, "/api/tgv/customers/000001/01").await;
    assert!(default_customer["sellername"].is_string(), "{default_customer}");
    let (_, ana_customer) = s.get(&s.token("ana").await, "/api/tgv/customers/000002/01").await;
    assert_eq!(ana_customer["sellername"], "ANA PAULA RIBEIRO");
    let (_, sync) = s.get(&bruno, "/api/tgv/customers/sync").await;
    assert!(items(&sync).iter().all(|c| c["sellername"].is_string()));
}

#[tokio::test]
async fn the_account_shows_and_changes_email_and_language() {
    let s = TestServer::start().await;
    let (ana, bruno) = (s.token("ana").await, s.token("bruno").await);
    let (status, account) = s.get(&ana, "/api/mascate/v1/account").await;
    assert_eq!(status, 200);
    assert_eq!((&account["username"], &account["language"]), (&json!("ana"), &json!("pt-BR")));
    assert_eq!(account["passwordpolicy"]["minlength"], 8);
    for lang in ["pt-BR", "en", "es"] {
        assert!(account["passwordpolicy"]["text"][lang].as_str().unwrap().contains('8'));
    }
    let patch = json!({"email": " Ana.Nova@Exemplo.com.br ", "language": "es"});
    let (status, changed) = s.send(Method::PATCH, &ana, "/api/mascate/v1/account", &patch).await;
    assert_eq!(status, 200, "{changed}");
    assert_eq!((&changed["email"], &changed["language"]), (&json!("ana.nova@exemplo.com.br"), &json!("es")));
    let (_, only_language) = s.send(Method::PATCH, &ana, "/api/mascate/v1/account", &json!({"language": "en"})).await;
    assert_eq!(
        (&only_language["email"], &only_language["language"]),
        (&json!("ana.nova@exemplo.com.br"), &json!("en"))
    );
    let (_, theirs) = s.get(&bruno, "/api/mascate/v1/account").await;
    assert_eq!((&theirs["email"], &theirs["language"]), (&json!("bruno.oliveira@demo.mascate.dev"), &json!("pt-BR")));

    let cases = [
        (json!({}), "email"),
        (json!({"email": "not-an-email"}), "email"),
        (json!({"email": format!("{}@x.com", "a".repeat(100))}), "email"),
        (json!({"email": "a\u{0}b@x.com"}), "email"),
        (json!({"language": "fr"}), "language"),
        (json!({"language": 1}), "objeto JSON"),
        (json!("email"), "objeto JSON"),
    ];
    for (bad, named) in cases {
        let (status, answer) = s.send(Method::PATCH, &ana, "/api/mascate/v1/account", &bad).await;
        assert_eq!(status, 400, "{bad}: {answer}");
        assert!(answer["message"].as_str().unwrap().contains(named), "{answer}");
    }
    assert_eq!(s.get(&ana, "/api/mascate/v1/account").await.1["language"], "en", "nothing bad was saved");
}

#[tokio::test]
async fn a_new_password_must_meet_the_policy_and_the_current_must_match() {
    let s = TestServer::start().await;
    let ana = s.token("ana").await;
    for (new, why) in [("abc1", "8"), ("sem-digitos", "dígito"), ("12345678", "letra"), ("mascate1", "diferente")] {
        let (status, answer) = change(&s, &ana, "mascate1", new).await;
        assert_eq!(status, 400, "{new}: {answer}");
        assert!(answer["message"].as_str().unwrap().contains(why), "{answer}");
    }
    let (status, answer) = change(&s, &ana, "wrong-one-1", "Outra-senha-7").await;
    assert_eq!(status, 403);
    assert_eq!(answer["message"], "A senha atual não confere.");
    let (status, _) = s.send(Method::POST, &ana, PASSWORD, &json!({"new": "Outra-senha-7"})).await;
    assert_eq!(status, 400, "no current");
    assert_eq!(s.login("ana", "mascate1").await.status(), 201, "nothing changed");
}

#[tokio::test]
async fn after_a_change_only_the_new_password_signs_in_and_other_sessions_end() {
    let s = TestServer::start().await;
    let other: Value = s.login("ana", "mascate1").await.json().await.unwrap();
    let (other_access, other_refresh) =
        (other["access_token"].as_str().unwrap().to_string(), other["refresh_token"].as_str().unwrap().to_string());
    let this: Value = s.login("ana", "mascate1").await.json().await.unwrap();
    let (access, refresh_token) =
        (this["access_token"].as_str().unwrap().to_string(), this["refresh_token"].as_str().unwrap().to_string());

    let (status, answer) = change(&s, &access, "mascate1", "Nova-senha-2025").await;
    assert_eq!(status, 200, "{answer}");
    assert_eq!(s.login("ana", "mascate1").await.status(), 401, "the old password is refused");
    assert_eq!(s.login("ana", "Nova-senha-2025").await.status(), 201, "the new one signs in");
    assert_eq!(s.get(&access, "/api/mascate/v1/account").await.0, 200, "this session keeps working");
    assert_eq!(refresh(&s, &refresh_token).await, 201, "and renews");
    assert_eq!(s.get(&other_access, "/api/mascate/v1/account").await.0, 401, "the other session ended");
    assert_eq!(refresh(&s, &other_refresh).await, 401);

    // The login page no longer offers Ana's demo password; the others still work.
    let about: Value = s.http.get(s.url("/api/mascate/v1/about")).send().await.unwrap().json().await.unwrap();
    let names: Vec<&str> =
        about["logins"].as_array().unwrap().iter().map(|l| l["username"].as_str().unwrap()).collect();
    assert_eq!(names, ["bruno", "carla"]);
    assert_eq!(s.login("bruno", "mascate2").await.status(), 201);
}

#[tokio::test]
async fn wrong_current_passwords_count_as_failed_logins() {
    let s = TestServer::start_with(|c| c.lockout_failures = 3).await;
    let ana = s.token("ana").await;
    for _ in 0..3 {
        assert_eq!(change(&s, &ana, "guess-123", "Nova-senha-2025").await.0, 403);
    }
    let res =
        s.http.post(s.url(PASSWORD)).bearer_auth(&ana).json(&json!({"current": "mascate1", "new": "Nova-senha-2025"}));
    let res = res.send().await.unwrap();
    assert_eq!(res.status(), 429, "locked, the right password included");
    assert!(res.headers().contains_key("retry-after"));
    assert_eq!(s.login("ana", "mascate1").await.status(), 429, "and so is signing in");
    assert_eq!(s.login("bruno", "mascate2").await.status(), 201, "another user is not");
}
