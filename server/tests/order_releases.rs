//! The order-tracking list (§9.5) over real HTTP and SQLite: each STATUSFILTER lists only its
//! state, a credit-held order (header `L`) is blocked and never released, invoices and stock
//! blocks show, quantities are the items', and a seller sees only their own orders.

mod support;

use std::collections::{HashMap, HashSet};

use serde_json::Value;
use support::{items, num, TestServer};

const EVER: &str = "/api/pgv/salesorderslist/01%2F01%2F2000/31%2F12%2F2099";

async fn rows(s: &TestServer, token: &str, filter: Option<&str>) -> Vec<Value> {
    let mut out = Vec::new();
    for page in 1.. {
        let q = filter.map(|f| format!("&STATUSFILTER={f}")).unwrap_or_default();
        let (status, body) = s.get(token, &format!("{EVER}?pageSize=500&page={page}{q}")).await;
        assert_eq!(status, 200, "{body}");
        out.extend(items(&body).iter().cloned());
        if body["hasNext"] != true {
            break;
        }
    }
    out
}

fn orders_of(rows: &[Value]) -> HashSet<String> {
    rows.iter().map(|r| r["order"].as_str().unwrap().to_string()).collect()
}

#[tokio::test]
async fn each_filter_lists_only_its_state_and_credit_held_orders_are_blocked() {
    let s = TestServer::start().await;
    let ana = s.token("ana").await;
    let all = rows(&s, &ana, None).await;
    assert!(all.len() > 300, "{}", all.len());

    let mut seen = 0;
    let mut by_filter: HashMap<&str, HashSet<String>> = HashMap::new();
    for f in ["OPN", "RLS", "BLQ", "BIL"] {
        let listed = rows(&s, &ana, Some(f)).await;
        assert!(!listed.is_empty(), "some rows in {f}");
        assert!(listed.iter().all(|r| r["status"] == f), "{f} lists only {f}");
        seen += listed.len();
        by_filter.insert(f, orders_of(&listed));
    }
    assert_eq!(seen, all.len(), "the four filters partition the rows");

    // The headers the ERP reads back say `L` for a credit-held order; its releases say blocked.
    let (_, held) = s.get(&ana, "/api/tgv/salesorders/?pageSize=1000&FILTER=blockreason eq 'credit'").await;
    let held: Vec<String> = items(&held).iter().map(|o| o["orderid"].as_str().unwrap().to_string()).collect();
    assert!(!held.is_empty());
    for number in &held {
        assert!(by_filter["BLQ"].contains(number), "{number} is blocked");
        assert!(!by_filter["RLS"].contains(number), "{number} is not released");
    }
    let credit_rows: Vec<&Value> =
        all.iter().filter(|r| held.contains(&r["order"].as_str().unwrap().to_string())).collect();
    assert!(credit_rows.iter().all(|r| r["creditBlock"] == "01" && num(&r["quantityReleased"]) > 0.0));

    // Invoiced orders carry their invoice; open ones have no release.
    let (_, invoiced) = s.get(&ana, "/api/tgv/salesorders/?pageSize=5&FILTER=status eq 'E'").await;
    let number = items(&invoiced)[0]["orderid"].as_str().unwrap().to_string();
    let billed: Vec<&Value> = all.iter().filter(|r| r["order"] == number.as_str()).collect();
    assert!(billed.iter().all(|r| r["status"] == "BIL" && !r["invoice"].as_str().unwrap().is_empty()));
    assert!(billed.iter().all(|r| r["stockBlock"] == "10" && r["creditBlock"] == "10"));
    let (_, open) = s.get(&ana, "/api/tgv/salesorders/?pageSize=5&FILTER=status eq 'A'").await;
    let number = items(&open)[0]["orderid"].as_str().unwrap().to_string();
    let (_, its) = s.get(&ana, &format!("/api/tgv/salesorders/{number}/items")).await;
    let open_rows: Vec<&Value> = all.iter().filter(|r| r["order"] == number.as_str()).collect();
    assert_eq!(open_rows.len(), items(&its).len(), "one row per live item");
    assert!(open_rows.iter().all(|r| r["status"] == "OPN" && num(&r["quantityReleased"]) == 0.0));
    let ordered: Vec<f64> = items(&its).iter().map(|i| num(&i["quantity"])).collect();
    assert_eq!(open_rows.iter().map(|r| num(&r["quantitySaleOrder"])).collect::<Vec<_>>(), ordered);

    // Another seller sees none of it.
    let bruno = s.token("bruno").await;
    let theirs = orders_of(&rows(&s, &bruno, None).await);
    assert!(theirs.is_disjoint(&orders_of(&all)));
}

#[tokio::test]
async fn a_released_item_short_of_stock_is_blocked_for_stock() {
    let s = TestServer::start().await;
    let ana = s.token("ana").await;
    let released = rows(&s, &ana, Some("RLS")).await;
    let row = released[0].clone();
    let (order, product) = (row["order"].as_str().unwrap().to_string(), row["product"].as_str().unwrap().to_string());
    let p = product.clone();
    s.state
        .db
        .write(move |tx| {
            tx.conn.execute("UPDATE stock SET onhand = 0, reserved = 0, allocatedquantity = 0 WHERE code = ?1", [p])?;
            Ok(())
        })
        .await
        .unwrap();
    let blocked = rows(&s, &ana, Some("BLQ")).await;
    let mine: Vec<&Value> =
        blocked.iter().filter(|r| r["order"] == order.as_str() && r["product"] == product.as_str()).collect();
    assert_eq!(mine.len(), 1, "{order}/{product} is blocked now");
    assert_eq!(mine[0]["stockBlock"], "02");
    assert_eq!(num(&mine[0]["quantityReleased"]), num(&row["quantityReleased"]));
}

#[tokio::test]
async fn dates_paging_and_empty_answers() {
    let s = TestServer::start().await;
    let ana = s.token("ana").await;
    let (status, _) = s.get(&ana, "/api/pgv/salesorderslist/31%2F02%2F2026/01%2F03%2F2026").await;
    assert_eq!(status, 400);
    let (status, body) = s.get(&ana, "/api/pgv/salesorderslist/01%2F01%2F1990/31%2F12%2F1990").await;
    assert_eq!((status, body["code"].as_u64()), (404, Some(404)), "no data is the contract's 404");
    let (status, _) = s.get(&ana, "/api/pgv/salesorderslist").await;
    assert!(status == 200 || status == 404, "this month: {status}");
    let (_, first) = s.get(&ana, &format!("{EVER}?pageSize=7")).await;
    let (_, second) = s.get(&ana, &format!("{EVER}?pageSize=7&page=2")).await;
    assert_eq!(items(&first).len(), 7);
    assert_eq!(first["hasNext"], true);
    assert!(first.get("po_sync_date").is_none(), "no po_sync_date on this list (§1.3)");
    let ids =
        |b: &Value| items(b).iter().map(|r| r["internalid"].as_str().unwrap().to_string()).collect::<HashSet<_>>();
    assert!(ids(&first).is_disjoint(&ids(&second)));
    let (status, _) = s.get(&ana, &format!("{EVER}?STATUSFILTER=XYZ&pageSize=1")).await;
    assert_eq!(status, 200, "an unknown filter narrows nothing");
}
