//! Orders, quotations, finances and notifications over real HTTP and SQLite (§4.3–4.5, §9,
//! §10.1, §12): the generated history, the computed fields, seller isolation, 404 rules,
//! and the sync pairs.

mod support;

use serde_json::{json, Value};
use support::{column, items, num, TestServer};

#[tokio::test]
async fn orders_have_history_computed_fields_and_stay_with_their_seller() {
    let s = TestServer::start().await;
    let ana = s.token("ana").await;
    let bruno = s.token("bruno").await;

    let (status, page) = s.get(&ana, "/api/tgv/salesorders/?pageSize=1000&SORT=-issuedate").await;
    assert_eq!(status, 200);
    let orders = items(&page);
    assert!(orders.len() > 200, "{}", orders.len());
    assert!(orders.iter().all(|o| o["sellerid"] == "000001" && o.get("STAMP").is_none() && o.get("deleted").is_none()));
    let dates = column(&page, "issuedate");
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "sorted newest first");
    assert!(dates.last().unwrap().as_str() < dates[0].as_str());
    for status in ["A", "L", "E", "BR"] {
        assert!(orders.iter().any(|o| o["status"] == status), "some order in status {status}");
    }
    assert!(orders.iter().any(|o| o["blockreason"] == "credit"));

    // The header's amount is the sum of its live items; customerid is code+store.
    let o = &orders[0];
    let id = o["orderid"].as_str().unwrap();
    let (_, its) = s.get(&ana, &format!("/api/tgv/salesorders/{id}/items")).await;
    let sum: f64 = items(&its).iter().map(|i| num(&i["amount"])).sum();
    assert!((sum - num(&o["amount"])).abs() < 0.011, "{sum} vs {}", o["amount"]);
    assert_eq!(
        o["customerid"].as_str().unwrap(),
        format!("{}{}", o["clientid"].as_str().unwrap(), o["storeid"].as_str().unwrap())
    );
    assert!(o.get("paymentConditionid").is_some(), "read key with the capital C");
    let first_item = items(&its)[0]["itemid"].as_str().unwrap().to_string();
    let (status, one_item) = s.get(&ana, &format!("/api/tgv/salesorders/{id}/items/{first_item}")).await;
    assert_eq!(status, 200);
    assert_eq!(one_item["orderid"], id);

    // Bruno cannot read Ana's order in any way.
    assert_eq!(s.get(&bruno, &format!("/api/tgv/salesorders/{id}")).await.0, 404);
    assert_eq!(s.get(&bruno, &format!("/api/tgv/salesorders/{id}/items/{first_item}")).await.0, 404);
    let (status, _) = s.get(&bruno, &format!("/api/tgv/salesorders/?FILTER=orderid eq '{id}'")).await;
    assert_eq!(status, 404, "a FILTER that matches nothing is a 404 on orders");
    assert_eq!(s.get(&bruno, &format!("/api/tgv/salesorders/invoices/{id}")).await.0, 404);

    // An invoiced order lists its invoices; an open one has none (404).
    let invoiced = orders.iter().find(|o| o["status"] == "E").unwrap()["orderid"].as_str().unwrap();
    let (status, inv) = s.get(&ana, &format!("/api/tgv/salesorders/invoices/{invoiced}")).await;
    assert_eq!(status, 200);
    assert!(inv.get("po_sync_date").is_none());
    assert!(num(&items(&inv)[0]["amount"]) > 0.0);
    let open = orders.iter().find(|o| o["status"] == "A").unwrap()["orderid"].as_str().unwrap();
    assert_eq!(s.get(&ana, &format!("/api/tgv/salesorders/invoices/{open}")).await.0, 404);

    // Orders whose first item is a given product.
    let product = items(&its)[0]["productid"].as_str().unwrap();
    let (_, by_product) = s.get(&ana, &format!("/api/tgv/salesorders/product/{product}?pageSize=1000")).await;
    assert!(column(&by_product, "orderid").contains(&id.to_string()));
}

#[tokio::test]
async fn quotations_follow_the_customer_or_prospect_seller() {
    let s = TestServer::start().await;
    let ana = s.token("ana").await;
    let carla = s.token("carla").await;
    let (_, page) = s.get(&ana, "/api/tgv/salesbudgets/?pageSize=1000").await;
    let quotations = items(&page);
    assert!(quotations.len() > 50);
    for st in ["A", "B", "C"] {
        assert!(quotations.iter().any(|q| q["status"] == st), "status {st}");
    }
    let q = &quotations[0];
    let id = q["budgetid"].as_str().unwrap();
    let (status, its) = s.get(&ana, &format!("/api/tgv/salesbudgets/{id}/items")).await;
    assert_eq!(status, 200);
    assert!(its.get("po_sync_date").is_none());
    let sum: f64 = items(&its).iter().map(|i| num(&i["amount"])).sum();
    assert!((sum - num(&q["amount"])).abs() < 0.011);
    assert_eq!(s.get(&carla, &format!("/api/tgv/salesbudgets/{id}")).await.0, 404);
    assert_eq!(s.get(&carla, &format!("/api/tgv/salesbudgets/{id}/items")).await.0, 404);
    let (_, theirs) = s.get(&carla, "/api/tgv/salesbudgets/?pageSize=1000").await;
    assert!(!column(&theirs, "budgetid").contains(&id.to_string()));
}

#[tokio::test]
async fn document_sync_follows_todays_filter_and_the_mocks_echo() {
    let s = TestServer::start().await;
    let t = s.token("ana").await;
    let (_, empty) = s.get(&t, "/api/tgv/salesorders/sync").await;
    assert!(items(&empty).is_empty());

    // The queue puts accepted documents into today's filter; here, by hand.
    let (_, page) = s.get(&t, "/api/tgv/salesorders/?pageSize=2").await;
    let id = items(&page)[0]["orderid"].as_str().unwrap().to_string();
    let body = json!({"header": {"schemaid": "000009"}, "items": [{"entityid": id}]});
    let (status, _) = s.send(reqwest::Method::POST, &t, "/api/pgv/sellerfilters/", &body).await;
    assert_eq!(status, 400, "the configurator does not offer orders");
    let key = id.clone();
    s.state
        .db
        .write(move |tx| Ok(mascate_server::selection::add_to_todays_filter(tx, "000001", "000009", &key)?))
        .await
        .unwrap();
    let (_, full) = s.get(&t, "/api/tgv/salesorders/sync").await;
    assert_eq!(column(&full, "orderid"), std::slice::from_ref(&id));
    assert!(items(&full)[0]["STAMP"].as_str().unwrap().ends_with('Z'));
    assert_eq!(items(&full)[0]["deleted"], false);

    let (status, echo) = s.send(reqwest::Method::POST, &t, "/api/tgv/salesorders/sync", &json!({"a": 1})).await;
    assert_eq!((status, echo), (201, json!({"a": 1})));
    let (status, _) = s.send(reqwest::Method::PUT, &t, "/api/tgv/salesbudgets/sync/items/X1", &json!({"b": 2})).await;
    assert_eq!(status, 200);
    let (status, _) = s.send(reqwest::Method::POST, &t, "/api/tgv/salesorders/sync", &json!({})).await;
    assert_eq!(status, 403);
}

#[tokio::test]
async fn finances_bills_delinquency_and_credit() {
    let s = TestServer::start().await;
    let t = s.token("ana").await;
    let (_, statuses) = s.get(&t, "/api/tgv/financialstatus?pageSize=1000").await;
    let with_due: Vec<&Value> = items(&statuses).iter().filter(|f| f["oldestdue"] != "").collect();
    assert!(!with_due.is_empty());
    let f = with_due[0];
    let (code, store) = (f["code"].as_str().unwrap(), f["store"].as_str().unwrap());

    let (_, bills) = s.get(&t, &format!("/api/tgv/financialsecurities/?customerid={code}&customerstore={store}")).await;
    assert!(!items(&bills).is_empty());
    assert!(items(&bills)
        .iter()
        .all(|b| num(&b["titlebalance"]) > 0.0 && ["A", "P"].contains(&b["status"].as_str().unwrap())));
    let oldest = column(&bills, "installmentmaturity").into_iter().min().unwrap();
    assert!(f["oldestdue"].as_str().unwrap() <= oldest.as_str());

    // The prefix search on the bill number.
    let number = items(&bills)[0]["titlecode"].as_str().unwrap();
    let (_, found) = s
        .get(
            &t,
            &format!("/api/tgv/financialsecurities/?customerid={code}&customerstore={store}&filter={}", &number[..7]),
        )
        .await;
    assert!(column(&found, "titlecode").iter().all(|n| n.starts_with(&number[..7])));
    assert!(!items(&found).is_empty());

    let (status, pct) = s.get(&t, &format!("/api/tgv/financialsecurities/financialdefault/{code}/{store}")).await;
    assert_eq!(status, 200);
    let pct = num(&pct["financialdefault"]);
    assert!((0.0..=100.0).contains(&pct));
    let (status, err) = s.get(&t, "/api/tgv/financialsecurities/financialdefault/%20/01").await;
    assert_eq!(status, 400);
    assert_eq!(err["errorMessage"], "Codigo do Cliente invalido");

    let (_, credit) = s.get(&t, "/api/tgv/customers/creditlimit/000002/01").await;
    assert!(credit["creditLimitBalance"].is_number());
    assert!(num(&credit["creditLimitBalance"]) <= 25000.0);

    // Another seller's customer: nothing to read.
    let bruno = s.token("bruno").await;
    let (_, none) =
        s.get(&bruno, &format!("/api/tgv/financialsecurities/?customerid={code}&customerstore={store}")).await;
    assert!(items(&none).is_empty());
    assert_eq!(s.get(&bruno, &format!("/api/tgv/financialstatus/{code}/{store}")).await.0, 404);
}

#[tokio::test]
async fn notifications_belong_to_their_user() {
    let s = TestServer::start().await;
    let ana = s.token("ana").await;
    let bruno = s.token("bruno").await;
    let (_, mine) = s.get(&ana, "/api/tgv/notifications/?pageSize=100").await;
    assert!(items(&mine).len() >= 4);
    assert!(items(&mine).iter().all(|n| n["userid"] == "000101"));
    let (_, unread) = s.get(&ana, "/api/tgv/notifications/?FILTER=notificationstatus eq '1'").await;
    assert!(!items(&unread).is_empty());
    let id = items(&unread)[0]["id"].as_str().unwrap().to_string();
    let (_, sync) = s.get(&ana, "/api/tgv/notifications/sync?pageSize=100").await;
    let mark = sync["po_sync_date"].as_str().unwrap().to_string();
    assert!(items(&sync)[0]["internalid"].as_str().unwrap().ends_with("000101"));

    // Bruno can neither read, mark nor delete it.
    assert_eq!(s.get(&bruno, &format!("/api/tgv/notifications/{id}")).await.0, 404);
    let read = json!({"notificationstatus": "2"});
    assert_eq!(s.send(reqwest::Method::PUT, &bruno, &format!("/api/tgv/notifications/{id}"), &read).await.0, 404);
    assert_eq!(
        s.send(reqwest::Method::DELETE, &bruno, &format!("/api/tgv/notifications/{id}"), &json!({})).await.0,
        404
    );

    let (status, updated) = s.send(reqwest::Method::PUT, &ana, &format!("/api/tgv/notifications/{id}"), &read).await;
    assert_eq!(status, 200);
    assert_eq!(updated["notificationstatus"], "2");
    let (status, _) = s
        .send(reqwest::Method::DELETE, &ana, &format!("/api/tgv/notifications/{}", column(&mine, "id")[1]), &json!({}))
        .await;
    assert_eq!(status, 200);
    let (_, diff) = s.get(&ana, &format!("/api/tgv/notifications/sync/diff/{mark}")).await;
    let got: Vec<(String, bool)> =
        items(&diff).iter().map(|n| (n["id"].as_str().unwrap().to_string(), n["deleted"].as_bool().unwrap())).collect();
    assert_eq!(got, [(id, false), (column(&mine, "id")[1].clone(), true)]);

    let (status, created) = s
        .send(reqwest::Method::POST, &ana, "/api/tgv/notifications/", &json!({"title": "Lembrete", "userid": "000102"}))
        .await;
    assert_eq!(status, 200);
    assert_eq!(created["userid"], "000101", "a seller cannot write into another user's inbox");
}

#[tokio::test]
async fn seller_filters_belong_to_their_seller() {
    let s = TestServer::start().await;
    let ana = s.token("ana").await;
    let bruno = s.token("bruno").await;
    let uuid = s.select(&ana, "000012", &["P00001", "P00002"]).await;
    let (_, mine) = s.get(&ana, "/api/pgv/sellerfilters/").await;
    assert_eq!(column(&mine, "uuid"), std::slice::from_ref(&uuid));
    let (_, theirs) = s.get(&bruno, "/api/pgv/sellerfilters/").await;
    assert!(items(&theirs).is_empty());
    assert_eq!(s.get(&bruno, &format!("/api/pgv/sellerfilters/{uuid}")).await.0, 404);
    assert_eq!(s.get(&bruno, &format!("/api/pgv/sellerfilters/{uuid}/items")).await.0, 404);
    assert_eq!(s.get(&bruno, &format!("/api/pgv/sellerfilters/{uuid}/items/0001")).await.0, 404);
    let change = json!({"header": {"schemaid": "000012"}, "items": [{"itemid": "0001", "isDeleted": true}]});
    let (status, _) = s.send(reqwest::Method::PUT, &bruno, &format!("/api/pgv/sellerfilters/{uuid}"), &change).await;
    assert_eq!(status, 404);
    assert_eq!(
        s.send(reqwest::Method::DELETE, &bruno, &format!("/api/pgv/sellerfilters/{uuid}"), &json!({})).await.0,
        404
    );
    let (_, still) = s.get(&ana, &format!("/api/pgv/sellerfilters/{uuid}/items")).await;
    assert_eq!(items(&still).len(), 2, "Bruno changed nothing");
    // And Bruno's product sync does not see Ana's selection.
    let (_, sync) = s.get(&bruno, "/api/tgv/products/sync").await;
    assert!(items(&sync).is_empty());
}
