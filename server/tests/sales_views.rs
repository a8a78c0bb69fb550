//! Contacts (schema 000003), the invoices and returns lists, last purchases, the sales
//! statistics, and date ranges on the document lists, over real HTTP and SQLite.

mod support;

use std::collections::HashMap;

use reqwest::Method;
use serde_json::{json, Value};
use support::{column, items, num, TestServer};

/// Ana's customer with the most contacts, and how many.
async fn a_customer_of(s: &TestServer, token: &str) -> (String, String) {
    let (_, page) = s.get(token, "/api/tgv/customers/?pageSize=5&SORT=code").await;
    let c = items(&page).iter().find(|c| c["status"] == "2").unwrap().clone();
    (c["code"].as_str().unwrap().to_string(), c["store"].as_str().unwrap().to_string())
}

#[tokio::test]
async fn contacts_are_read_added_and_edited_for_own_customers_only() {
    let s = TestServer::start().await;
    let ana = s.token("ana").await;
    let bruno = s.token("bruno").await;
    let (code, store) = a_customer_of(&s, &ana).await;
    let filter = format!("/api/tgv/contacts/?FILTER=codeentity eq '{code}{store}'");

    let (status, before) = s.get(&ana, &filter).await;
    assert_eq!(status, 200, "{before}");
    let seeded = items(&before).len();
    assert!(seeded >= 1, "every demo customer has its buyer as a contact");
    assert!(items(&before).iter().all(|c| c["customerid"] == code.as_str() && c.get("deleted").is_none()));

    // Added: 201 with the record, listed, readable by id.
    let body = json!({"name": "Rita de Cássia", "role": "Compras", "ddd": "11", "phone": "3210-1234",
        "cellphone": "98765-4321", "email": "Rita@Padaria.com.br", "customerid": code, "customerstore": store});
    let (status, created) = s.send(Method::POST, &ana, "/api/tgv/contacts/", &body).await;
    assert_eq!(status, 201, "{created}");
    let c = &items(&created)[0];
    let id = c["contactid"].as_str().unwrap().to_string();
    assert_eq!((c["cellphone"].as_str(), c["email"].as_str()), (Some("987654321"), Some("rita@padaria.com.br")));
    assert_eq!(c["codeentity"], format!("{code}{store}").as_str());
    let (_, after) = s.get(&ana, &filter).await;
    assert_eq!(items(&after).len(), seeded + 1);
    let (status, one) = s.get(&ana, &format!("/api/tgv/contacts/{id}")).await;
    assert_eq!((status, one["name"].as_str()), (200, Some("Rita de Cássia")));

    // Edited: the same contact changes, its customer stays.
    let edit = json!({"name": "Rita C. Souza", "role": "Gerente de compras", "ddd": "11", "cellphone": "91234-5678",
        "customerid": "999999", "customerstore": "01"});
    let (status, edited) = s.send(Method::PUT, &ana, &format!("/api/tgv/contacts/{id}"), &edit).await;
    assert_eq!(status, 200, "{edited}");
    let e = &items(&edited)[0];
    assert_eq!(
        (e["name"].as_str(), e["phone"].as_str(), e["customerid"].as_str()),
        (Some("Rita C. Souza"), Some(""), Some(code.as_str()))
    );

    // Bad input is refused naming the field, and nothing is saved.
    for (bad, field) in [
        (json!({"name": " ", "customerid": code, "customerstore": store}), "Nome"),
        (json!({"name": "X", "email": "x@", "customerid": code, "customerstore": store}), "E-mail"),
        (json!({"name": "X", "phone": "123", "ddd": "11", "customerid": code, "customerstore": store}), "Telefone"),
    ] {
        let (status, err) = s.send(Method::POST, &ana, "/api/tgv/contacts/", &bad).await;
        assert_eq!(status, 400, "{bad}");
        assert!(err["message"].as_str().unwrap().starts_with(field), "{err}");
    }
    let res = s.http.post(s.url("/api/tgv/contacts/")).bearer_auth(&ana).body("nope").send().await.unwrap();
    assert_eq!(res.status(), 403, "not JSON");
    assert_eq!(items(&s.get(&ana, &filter).await.1).len(), seeded + 1);

    // Bruno neither reads, adds to, nor edits Ana's customer's contacts.
    assert_eq!(s.get(&bruno, &format!("/api/tgv/contacts/{id}")).await.0, 404);
    assert_eq!(s.get(&bruno, &filter).await.0, 404, "a FILTER that matches nothing is the ERP's 404");
    assert_eq!(s.send(Method::POST, &bruno, "/api/tgv/contacts/", &body).await.0, 404);
    assert_eq!(s.send(Method::PUT, &bruno, &format!("/api/tgv/contacts/{id}"), &edit).await.0, 404);
    assert_eq!(s.get(&ana, &format!("/api/tgv/contacts/{id}")).await.1["name"], "Rita C. Souza");
}

#[tokio::test]
async fn contacts_and_last_purchases_sync_with_todays_customer_selection() {
    let s = TestServer::start().await;
    let ana = s.token("ana").await;
    let (code, store) = a_customer_of(&s, &ana).await;
    let key = format!("{code}{store}");

    // No selection today: nothing to sync.
    let (status, none) = s.get(&ana, "/api/tgv/contacts/sync").await;
    assert_eq!(status, 200);
    assert!(items(&none).is_empty());

    s.select_customers(&ana, &[&key]).await;
    let (_, full) = s.get(&ana, "/api/tgv/contacts/sync?pageSize=500").await;
    assert!(!items(&full).is_empty());
    assert!(items(&full).iter().all(|c| c["codeentity"] == key.as_str() && c["deleted"] == false));
    let since = full["po_sync_date"].as_str().unwrap().to_string();
    let (_, empty_diff) = s.get(&ana, &format!("/api/tgv/contacts/sync/diff/{since}")).await;
    assert!(items(&empty_diff).is_empty());
    let body = json!({"name": "Novo Contato", "customerid": code, "customerstore": store});
    assert_eq!(s.send(Method::POST, &ana, "/api/tgv/contacts/", &body).await.0, 201);
    let (_, diff) = s.get(&ana, &format!("/api/tgv/contacts/sync/diff/{since}")).await;
    assert_eq!(column(&diff, "name"), ["Novo Contato"]);

    // Last purchases: online per customer, newest first, one row per product; the same rows
    // come with the selection.
    let (status, online) = s.get(&ana, &format!("/api/mascate/v1/lastpurchases/{code}/{store}?pageSize=500")).await;
    assert_eq!(status, 200);
    let rows = items(&online);
    assert!(!rows.is_empty());
    let dates = column(&online, "lastdate");
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "newest first");
    let products = column(&online, "productid");
    assert_eq!(products.len(), products.iter().collect::<std::collections::HashSet<_>>().len(), "one per product");
    // Each row is the product's newest line in the customer's orders.
    let p = rows[0]["productid"].as_str().unwrap();
    let (_, orders) = s.get(&ana, &format!("/api/tgv/salesorders/?pageSize=1000&SORT=-issuedate,-orderid&FILTER=clientid eq '{code}' and storeid eq '{store}'")).await;
    let mut newest = None;
    for o in items(&orders) {
        let (_, its) = s.get(&ana, &format!("/api/tgv/salesorders/{}/items", o["orderid"].as_str().unwrap())).await;
        if let Some(i) = items(&its).iter().find(|i| i["productid"] == p) {
            newest = Some((o["issuedate"].clone(), num(&i["quantity"]), num(&i["unitprice"])));
            break;
        }
    }
    let (date, quantity, price) = newest.expect("the product is in an order");
    assert_eq!(
        (rows[0]["lastdate"].clone(), num(&rows[0]["quantity"]), num(&rows[0]["unitprice"])),
        (date, quantity, price)
    );
    let (_, synced) = s.get(&ana, "/api/mascate/v1/lastpurchases/sync?pageSize=500").await;
    assert_eq!(items(&synced).len(), rows.len());
    let bruno = s.token("bruno").await;
    let (_, theirs) = s.get(&bruno, &format!("/api/mascate/v1/lastpurchases/{code}/{store}")).await;
    assert!(items(&theirs).is_empty(), "another seller's customer: nothing");
}

/// Sums of the seller's invoices (items), returns and open orders for a group and range,
/// read back through the lists: the statistics must say the same.
#[tokio::test]
async fn statistics_equal_the_sums_of_invoices_returns_and_open_orders() {
    let s = TestServer::start().await;
    let ana = s.token("ana").await;
    let today = s.state.clock.today();
    let from = mascate_domain::timestamp::add_days(&today, -200).unwrap();
    let (_, groups) = s.get(&ana, &format!("/api/mascate/v1/salesstatistics?groupby=group&from={from}")).await;
    let group = items(&groups).iter().max_by(|a, b| num(&a["grossvalue"]).total_cmp(&num(&b["grossvalue"]))).unwrap()
        ["key"]
        .as_str()
        .unwrap()
        .to_string();
    let (_, products) =
        s.get(&ana, &format!("/api/tgv/products/?pageSize=1000&FILTER=productgroup eq '{group}'")).await;
    let in_group: std::collections::HashSet<String> = column(&products, "code").into_iter().collect();

    let range = format!("FILTER=issuedate ge '{from}' and issuedate le '{today}'");
    // The statistics are in one currency (1 by default): orders sold in another do not count.
    let (_, foreign) = s.get(&ana, "/api/tgv/salesorders/?pageSize=1000&FILTER=currencyid ne 1").await;
    let foreign: std::collections::HashSet<String> = column(&foreign, "orderid").into_iter().collect();
    assert!(!foreign.is_empty(), "some orders are sold in dólares or euros");
    let in_reais = |v: &Value| !foreign.contains(v["orderid"].as_str().unwrap());
    let (_, invoices) = s.get(&ana, &format!("/api/mascate/v1/invoices?pageSize=1000&{range}")).await;
    let (mut sold, mut gross) = (0.0, 0.0);
    for inv in items(&invoices).iter().filter(|v| in_reais(v)) {
        let (_, its) =
            s.get(&ana, &format!("/api/tgv/salesorders/{}/items?pageSize=100", inv["orderid"].as_str().unwrap())).await;
        for i in items(&its).iter().filter(|i| in_group.contains(i["productid"].as_str().unwrap())) {
            sold += num(&i["quantity"]);
            gross += num(&i["amount"]);
        }
    }
    let (_, returns) = s.get(&ana, &format!("/api/mascate/v1/returns?pageSize=1000&{range}")).await;
    assert!(!items(&returns).is_empty(), "some goods came back");
    let (mut returned, mut returned_value) = (0.0, 0.0);
    for r in items(&returns).iter().filter(|r| in_reais(r) && in_group.contains(r["productid"].as_str().unwrap())) {
        returned += num(&r["quantity"]);
        returned_value += num(&r["amount"]);
    }
    let (_, orders) = s.get(&ana, &format!("/api/tgv/salesorders/?pageSize=1000&{range}")).await;
    let mut balance = 0.0;
    for o in items(&orders).iter().filter(|o| o["status"] != "E" && in_reais(o)) {
        let (_, its) =
            s.get(&ana, &format!("/api/tgv/salesorders/{}/items?pageSize=100", o["orderid"].as_str().unwrap())).await;
        for i in items(&its).iter().filter(|i| in_group.contains(i["productid"].as_str().unwrap())) {
            balance += (num(&i["quantity"]) - num(&i["quantitydelivered"])) * num(&i["unitprice"]);
        }
    }

    let path = format!(
        "/api/mascate/v1/salesstatistics?groupby=group&productgroup={group}&from={from}&to={}",
        today.replace('-', "")
    );
    let (status, stats) = s.get(&ana, &path).await;
    assert_eq!(status, 200, "{stats}");
    let row = &items(&stats)[0];
    assert_eq!(items(&stats).len(), 1);
    let close = |a: f64, b: f64| (a - b).abs() < 0.02;
    assert!(sold > 0.0 && close(num(&row["soldquantity"]), sold), "{row} vs sold {sold}");
    assert!(close(num(&row["grossvalue"]), gross), "{row} vs gross {gross}");
    assert!(close(num(&row["returnedquantity"]), returned), "{row} vs returned {returned}");
    assert!(close(num(&row["netvalue"]), gross - returned_value), "{row} vs net {}", gross - returned_value);
    assert!(close(num(&row["balance"]), balance), "{row} vs balance {balance}");
    // Months: every month of the range, adding up to the row.
    let months = stats["months"].as_array().unwrap();
    assert_eq!(months.len(), mascate_domain::statistics::months_between(&from, &today).unwrap().len());
    let month_sum: f64 = months.iter().map(|m| num(&m["grossvalue"])).sum();
    assert!(close(month_sum, gross), "{month_sum} vs {gross}");

    // By product: the rows of the group add up to the same.
    let (_, by_product) = s.get(&ana, &path.replace("groupby=group", "groupby=product")).await;
    let sum: f64 = items(&by_product).iter().map(|r| num(&r["grossvalue"])).sum();
    assert!(close(sum, gross));
    // Another seller's statistics do not contain Ana's sales; bad input is a clear 400.
    let bruno = s.token("bruno").await;
    let (_, theirs) = s.get(&bruno, &path).await;
    assert!(!close(num(&theirs["total"]["grossvalue"]), gross));
    for bad in ["groupby=color", "from=2026-02-30", "from=2026-05-01&to=2026-04-01", "from=1900-01-01", "currency=x"] {
        let (status, err) = s.get(&ana, &format!("/api/mascate/v1/salesstatistics?{bad}")).await;
        assert_eq!(status, 400, "{bad}: {err}");
    }
}

#[tokio::test]
async fn date_and_number_ranges_list_exactly_the_documents_in_range() {
    let s = TestServer::start().await;
    let ana = s.token("ana").await;
    let (_, all) = s.get(&ana, "/api/tgv/salesorders/?pageSize=1000&SORT=orderid").await;
    let all = items(&all).clone();
    let today = s.state.clock.today();
    let from = mascate_domain::timestamp::add_days(&today, -300).unwrap();
    let to = mascate_domain::timestamp::add_days(&today, -100).unwrap();
    let dates: Vec<&str> = all.iter().map(|o| o["issuedate"].as_str().unwrap()).collect();
    let (lo, hi) = (all[all.len() / 4]["orderid"].as_str().unwrap(), all[all.len() / 2]["orderid"].as_str().unwrap());
    let want: Vec<&str> = all
        .iter()
        .filter(|o| {
            let (d, n) = (o["issuedate"].as_str().unwrap(), o["orderid"].as_str().unwrap());
            d >= from.as_str() && d <= to.as_str() && n >= lo && n <= hi
        })
        .map(|o| o["orderid"].as_str().unwrap())
        .collect();
    assert!(!dates.is_empty());
    let f = format!("issuedate ge '{from}' and issuedate le '{to}' and orderid ge '{lo}' and orderid le '{hi}'");
    let (status, got) = s.get(&ana, &format!("/api/tgv/salesorders/?pageSize=1000&SORT=orderid&FILTER={f}")).await;
    assert_eq!(status, 200);
    assert!(!want.is_empty() && want.len() < all.len() / 4, "{} of {}", want.len(), all.len());
    assert_eq!(column(&got, "orderid"), want);
    // Invoices by issue and delivery dates.
    let (_, invoices) = s.get(&ana, "/api/mascate/v1/invoices?pageSize=1000").await;
    let every: Vec<Value> = items(&invoices).clone();
    assert!(every.iter().all(|i| i["customerid"].as_str().is_some_and(|c| !c.is_empty())));
    let mid = every[every.len() / 2]["issuedate"].as_str().unwrap().to_string();
    let (_, later) = s.get(&ana, &format!("/api/mascate/v1/invoices?pageSize=1000&FILTER=issuedate ge '{mid}'")).await;
    let expected: Vec<String> = every
        .iter()
        .filter(|i| i["issuedate"].as_str().unwrap() >= mid.as_str())
        .map(|i| i["invoice"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(column(&later, "invoice"), expected);
    let by_order: HashMap<String, String> = every
        .iter()
        .map(|i| (i["invoice"].as_str().unwrap().to_string(), i["deliverydate"].as_str().unwrap().to_string()))
        .collect();
    assert!(by_order.values().all(|d| !d.is_empty()));
}
