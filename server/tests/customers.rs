//! Customers (§4.1–4.2): paging, FILTER/FIELDS/SORT, seller isolation, and the sync pair
//! with today's offline selection and the stamp/`deleted` rules of §1.5.

mod support;

use serde_json::Value;
use support::{column, items, TestServer};

#[tokio::test]
async fn list_pages_with_has_next_and_default_size_10() {
    let s = TestServer::start().await;
    let t = s.token("ana").await;
    let (status, first) = s.get(&t, "/api/tgv/customers/").await;
    assert_eq!(status, 200);
    assert_eq!(items(&first).len(), 10);
    assert_eq!(first["hasNext"], true);
    assert!(first["po_sync_date"].as_str().unwrap().ends_with('Z'));

    // Walk every page of 50: no duplicates, no gaps, hasNext false on the last.
    let mut seen = Vec::new();
    for page in 1.. {
        let (_, body) = s.get(&t, &format!("/api/tgv/customers/?page={page}&pageSize=50")).await;
        seen.extend(column(&body, "code"));
        if body["hasNext"] == false {
            break;
        }
        assert!(page < 10, "runaway paging");
    }
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), seen.len());
    let own = s.state.db.write(|tx| {
        Ok(tx.conn.query_row("SELECT count(*) FROM customers WHERE vendor = '000001' AND deleted = 0", [], |r| {
            r.get::<_, i64>(0)
        })?)
    });
    assert_eq!(seen.len() as i64, own.await.unwrap());
    assert!(seen.len() > 100);
}

#[tokio::test]
async fn each_seller_sees_only_their_own_customers() {
    let s = TestServer::start().await;
    let ana = s.token("ana").await;
    let bruno = s.token("bruno").await;
    let (_, a) = s.get(&ana, "/api/tgv/customers/?pageSize=1000").await;
    let (_, b) = s.get(&bruno, "/api/tgv/customers/?pageSize=1000").await;
    assert!(items(&a).iter().all(|c| c["vendor"] == "000001"));
    assert!(items(&b).iter().all(|c| c["vendor"] == "000002"));
    assert!(!items(&b).is_empty());

    // Bruno cannot read Ana's customer by key, nor reach it through a FILTER.
    let (status, body) = s.get(&bruno, "/api/tgv/customers/000002/01").await;
    assert_eq!(status, 404);
    assert!(body["message"].is_string());
    let (_, body) =
        s.get(&bruno, "/api/tgv/customers/?FILTER=code%20eq%20'000002'%20or%20vendor%20eq%20'000001'").await;
    assert!(items(&body).iter().all(|c| c["vendor"] == "000002"), "{body}");
    // Nor select it for offline use.
    let body = serde_json::json!({"header": {"schemaid": "000002"}, "items": [{"entityid": "00000201"}]});
    let (status, _) = s.send(reqwest::Method::POST, &bruno, "/api/pgv/sellerfilters/", &body).await;
    assert_eq!(status, 400);

    // Ana reads her own, and everybody reads the default quotation customer (MV_ORCLIPD).
    let (status, body) = s.get(&ana, "/api/tgv/customers/000002/01").await;
    assert_eq!(status, 200);
    assert_eq!(body["fantasy"], "Padaria São João");
    assert!(body.get("items").is_none(), "single records have no envelope");
    assert_eq!(s.get(&bruno, "/api/tgv/customers/000001/01").await.0, 200);
}

#[tokio::test]
async fn filter_fields_and_sort() {
    let s = TestServer::start().await;
    let t = s.token("ana").await;
    let (_, body) = s.get(&t, "/api/tgv/customers/?FILTER=uf%20eq%20'SP'%20and%20status%20eq%20'1'&pageSize=100").await;
    assert!(!items(&body).is_empty());
    assert!(items(&body).iter().all(|c| c["uf"] == "SP" && c["status"] == "1"));

    // contains() ignores case and accents: "joao" finds "São João".
    let (_, body) = s.get(&t, "/api/tgv/customers/?FILTER=contains(fantasy,'joao')").await;
    assert!(column(&body, "fantasy").contains(&"Padaria São João".to_string()), "{body}");

    // Quotes inside values, the awkward fixture row.
    let (_, body) = s.get(&t, "/api/tgv/customers/?FILTER=contains(name,'d''avila%20%26%20filhos')").await;
    assert_eq!(column(&body, "code"), ["000003"]);

    let (_, body) = s.get(&t, "/api/tgv/customers/?FIELDS=name,city&pageSize=3").await;
    let first = items(&body)[0].as_object().unwrap();
    let mut keys: Vec<&str> = first.keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(keys, ["city", "id", "name"], "FIELDS plus the fixed id");

    let (_, body) = s.get(&t, "/api/tgv/customers/?SORT=-code&pageSize=5").await;
    let codes = column(&body, "code");
    let mut sorted = codes.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(codes, sorted);

    let (status, body) = s.get(&t, "/api/tgv/customers/?FILTER=password%20eq%20'x'").await;
    assert_eq!(status, 400);
    assert!(body["message"].as_str().unwrap().contains("password"));
    assert_eq!(s.get(&t, "/api/tgv/customers/?FILTER=name%20eq").await.0, 400);
    assert_eq!(s.get(&t, "/api/tgv/customers/?SORT=nope").await.0, 400);
}

#[tokio::test]
async fn sync_follows_todays_selection_and_diff_returns_changed_and_deleted_rows() {
    let s = TestServer::start().await;
    let t = s.token("ana").await;

    // No selection yet: sync is empty.
    let (status, body) = s.get(&t, "/api/tgv/customers/sync?pageSize=500").await;
    assert_eq!(status, 200);
    assert!(items(&body).is_empty());

    s.select_customers(&t, &["00000201", "00000301", "00000401", "00000601"]).await;
    let (_, full) = s.get(&t, "/api/tgv/customers/sync?pageSize=500").await;
    assert_eq!(column(&full, "code"), ["000002", "000003", "000004", "000006"]);
    assert!(items(&full).iter().all(|c| c["deleted"] == false));
    assert_eq!(items(&full)[0]["id"], "  00000201", "ids are untrimmed");
    let mark = full["po_sync_date"].as_str().unwrap().to_string();

    // Nothing changed: the diff is empty.
    let (_, diff) = s.get(&t, &format!("/api/tgv/customers/sync/diff/{mark}")).await;
    assert!(items(&diff).is_empty(), "{diff}");

    // The ERP edits one customer, deletes another, and edits one outside the selection.
    s.stamped("UPDATE customers SET name = 'PADARIA NOVA', stamp = ?1 WHERE code = ?2", "000002").await;
    s.stamped("UPDATE customers SET deleted = 1, stamp = ?1 WHERE code = ?2", "000004").await;
    s.stamped("UPDATE customers SET name = 'OUTRO', stamp = ?1 WHERE code = ?2", "000009").await;

    let (_, diff) = s.get(&t, &format!("/api/tgv/customers/sync/diff/{mark}?pageSize=500")).await;
    let got: Vec<(String, bool, String)> = items(&diff)
        .iter()
        .map(|c| {
            (c["code"].as_str().unwrap().into(), c["deleted"].as_bool().unwrap(), c["name"].as_str().unwrap().into())
        })
        .collect();
    assert_eq!(got, [("000002".into(), false, "PADARIA NOVA".into()), ("000004".into(), true, got[1].2.clone())]);

    // The full load keeps only live rows; the diff after the new mark is empty again.
    let (_, full) = s.get(&t, "/api/tgv/customers/sync?pageSize=500").await;
    assert_eq!(column(&full, "code"), ["000002", "000003", "000006"]);
    let mark2 = diff["po_sync_date"].as_str().unwrap();
    assert!(mark2 > mark.as_str());
    let (_, diff2) = s.get(&t, &format!("/api/tgv/customers/sync/diff/{mark2}")).await;
    assert!(items(&diff2).is_empty());

    // A `-` date means a full load; a garbage date is a 400.
    let (_, dash) = s.get(&t, "/api/tgv/customers/sync/diff/-271821-04-20T00:00:00.000Z?pageSize=500").await;
    assert_eq!(column(&dash, "code"), ["000002", "000003", "000006"]);
    assert_eq!(s.get(&t, "/api/tgv/customers/sync/diff/yesterday").await.0, 400);

    // Another seller's sync never returns Ana's selection.
    let bruno = s.token("bruno").await;
    let (_, other) = s.get(&bruno, "/api/tgv/customers/sync?pageSize=500").await;
    assert!(items(&other).is_empty());
}

#[tokio::test]
async fn a_selection_lasts_one_day() {
    let s = TestServer::start().await;
    let t = s.token("carla").await;
    let (_, mine) = s.get(&t, "/api/tgv/customers/?pageSize=2").await;
    let keys: Vec<String> = items(&mine)
        .iter()
        .map(|c| format!("{}{}", c["code"].as_str().unwrap(), c["store"].as_str().unwrap()))
        .collect();
    let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
    s.select_customers(&t, &keys).await;
    let (_, today) = s.get(&t, "/api/tgv/customers/sync").await;
    assert_eq!(items(&today).len(), 2);

    // A second filter for the same schema and day is refused with the contract's message.
    let body = serde_json::json!({"header": {"schemaid": "000002"}, "items": []});
    let (status, err) = s.send(reqwest::Method::POST, &t, "/api/pgv/sellerfilters/", &body).await;
    assert_eq!(status, 400);
    assert_eq!(err["detailedMessage"], "O Vendedor já possui um filtro cadastrado para a data informada!");

    // Tomorrow the sync returns nothing until a new filter is saved. The token lives 1 h,
    // so move 23 h forward plus whatever is left of today.
    s.state.clock.set_offset_secs(24 * 3600);
    let t = s.token("carla").await;
    let (_, tomorrow) = s.get(&t, "/api/tgv/customers/sync").await;
    assert!(items(&tomorrow).is_empty(), "{tomorrow}");
}

#[tokio::test]
async fn unknown_api_paths_answer_json_404_and_the_app_fallback_explains_itself() {
    let s = TestServer::start().await;
    let t = s.token("ana").await;
    let (status, body) = s.get(&t, "/api/tgv/nothing-here").await;
    assert_eq!(status, 404);
    assert!(body["message"].is_string());
    // No dist/ in the test: the shell says how to build it instead of a bare 404.
    let res = s.http.get(s.url("/customers")).send().await.unwrap();
    assert_eq!(res.status(), 503);
    assert!(res.text().await.unwrap().contains("make run"));
}

#[tokio::test]
async fn data_survives_a_restart_and_is_not_seeded_twice() {
    let dir = tempfile::tempdir().unwrap();
    let config = mascate_server::Config {
        data_dir: dir.path().to_path_buf(),
        fixtures_dir: support::fixtures_dir(),
        ..Default::default()
    };
    let first = mascate_server::AppState::open(config.clone()).unwrap();
    let stamp_before: i64 = first
        .db
        .write(|tx| {
            tx.conn.execute("UPDATE customers SET name = 'KEPT', stamp = ?1 WHERE code = '000002'", [tx.stamp()])?;
            Ok(tx.conn.query_row("SELECT max(stamp) FROM customers", [], |r| r.get(0))?)
        })
        .await
        .unwrap();
    drop(first);
    let second = mascate_server::AppState::open(config).unwrap();
    let (name, count, next): (String, i64, i64) = second
        .db
        .write(|tx| {
            let name = tx.conn.query_row("SELECT name FROM customers WHERE code = '000002'", [], |r| r.get(0))?;
            let count = tx.conn.query_row("SELECT count(*) FROM users", [], |r| r.get(0))?;
            Ok((name, count, tx.stamp()))
        })
        .await
        .unwrap();
    assert_eq!(name, "KEPT");
    assert_eq!(count, 4);
    assert!(next > stamp_before, "stamps stay monotonic across restarts");
}

#[test]
fn fixtures_are_believable() {
    let text = std::fs::read_to_string(support::fixtures_dir().join("customers.json")).unwrap();
    let all: Vec<Value> = serde_json::from_str(&text).unwrap();
    assert!(all.len() >= 300);
    for seller in ["000001", "000002", "000003"] {
        assert!(all.iter().filter(|c| c["vendor"] == seller).count() >= 100);
    }
    assert!(all.iter().filter(|c| c["status"] == "1").count() >= 3, "a few blocked customers");
    assert!(all.iter().any(|c| c["fantasy"].as_str().unwrap().contains("<script>")));
    for c in all.iter().filter(|c| c["cgc"] != "") {
        let cgc = c["cgc"].as_str().unwrap();
        let kind = mascate_domain::tax_id::validate(cgc).unwrap_or_else(|e| panic!("{cgc}: {e:?}"));
        let expected = if c["persontype"] == "J" {
            mascate_domain::tax_id::TaxIdKind::Cnpj
        } else {
            mascate_domain::tax_id::TaxIdKind::Cpf
        };
        assert_eq!(kind, expected, "{cgc}");
    }
    let mut codes: Vec<&str> = all.iter().map(|c| c["code"].as_str().unwrap()).collect();
    codes.sort();
    codes.dedup();
    assert_eq!(codes.len(), all.len(), "codes are unique");
}

#[tokio::test]
async fn name_order_folds_case_and_accents_exactly_as_the_app_does_offline() {
    use mascate_domain::contract::Customer;
    use mascate_domain::customer_query::{CustomerQuery, CustomerSort};
    let s = TestServer::start().await;
    let t = s.token("ana").await;
    let (status, body) = s.get(&t, "/api/tgv/customers/?pageSize=1000&SORT=name,code,store").await;
    assert_eq!(status, 200);
    let server_order = column(&body, "code");
    let rows: Vec<Customer> = serde_json::from_value(body["items"].clone()).unwrap();
    let device_order: Vec<String> = CustomerQuery { sort: CustomerSort::Name, ..Default::default() }
        .apply(rows)
        .into_iter()
        .map(|c| c.code)
        .collect();
    assert_eq!(server_order, device_order);
    // "AÇOUGUE ..." comes before "ADRIANA ...", not after every plain A.
    let pos = |code: &str| server_order.iter().position(|c| c == code).unwrap();
    assert!(pos("000005") < pos("000063"));
}
