//! The catalogue over real HTTP and SQLite (§5–7): products online, per price list and in
//! sync; stock; price lists; payment conditions; carriers; operation types; prospects and
//! the prospect → customer filter extension.

mod support;

use serde_json::Value;
use support::{column, items, num, TestServer};

#[tokio::test]
async fn the_demo_company_has_a_believable_catalogue() {
    let s = TestServer::start().await;
    let t = s.token("ana").await;
    let (_, all) = s.get(&t, "/api/tgv/products/?pageSize=1000").await;
    assert!(items(&all).len() >= 800, "{} products", items(&all).len());
    assert_eq!(all["hasNext"], false);
    let groups: std::collections::BTreeSet<String> = column(&all, "productgroup").into_iter().collect();
    assert!(groups.len() >= 8, "{groups:?}");
    let units: std::collections::BTreeSet<String> = column(&all, "measureunit").into_iter().collect();
    assert!(units.len() >= 5, "{units:?}");
    assert!(items(&all).iter().any(|p| p["outflowtype"] == ""), "one product without TES for the ERP to reject");
}

#[tokio::test]
async fn products_online_filter_404_quickfilter_and_price_table() {
    let s = TestServer::start().await;
    let t = s.token("ana").await;

    let (status, body) = s.get(&t, "/api/tgv/products/?FILTER=contains(description,'cafe')&pageSize=100").await;
    assert_eq!(status, 200);
    assert!(!items(&body).is_empty());
    assert!(items(&body).iter().all(|p| p["description"].as_str().unwrap().contains("CAFÉ")));
    assert!(items(&body)[0].get("deleted").is_none(), "online lists carry no deleted flag");
    assert!(items(&body)[0]["groupdescription"].is_string());

    // A FILTER that matches nothing is a 404 on products (§6.2).
    let (status, body) = s.get(&t, "/api/tgv/products/?FILTER=code eq 'NOPE'").await;
    assert_eq!(status, 404);
    assert_eq!(body["message"], "Produto nao localizado");

    // HASSTOCK: every product returned has stock available in its standard warehouse.
    let (_, stocked) = s.get(&t, "/api/tgv/products/?QUICKFILTER=HASSTOCK&pageSize=1000").await;
    let (_, everything) = s.get(&t, "/api/tgv/products/?pageSize=1000").await;
    assert!(items(&stocked).len() < items(&everything).len());
    for code in column(&stocked, "code").iter().take(15) {
        let (_, bal) = s.get(&t, &format!("/api/tgv/productBalance/{code}")).await;
        let standard = items(&bal).iter().find(|b| b["warehouse"] == "01").expect("warehouse 01");
        assert!(num(&standard["availablequantity"]) > 0.0, "{code}: {bal}");
    }
    let (status, _) = s.get(&t, "/api/tgv/products/?QUICKFILTER=SOMETHING").await;
    assert_eq!(status, 400);

    // FILTER on pricetable keeps the list's products and adds a blank pricetable property.
    let (_, promo) = s.get(&t, "/api/tgv/products/?FILTER=pricetable eq '003'&pageSize=1000").await;
    let (_, promo_items) = s.get(&t, "/api/tgv/priceList/items?pageSize=1").await; // none selected yet
    assert!(items(&promo_items).is_empty());
    let n = items(&promo).len();
    assert!(n > 100 && n < items(&everything).len(), "{n}");
    assert!(items(&promo).iter().all(|p| p["pricetable"] == ""));
}

#[tokio::test]
async fn products_priced_by_list_for_a_customer() {
    let s = TestServer::start().await;
    let t = s.token("ana").await;
    let (_, standard) = s.get(&t, "/api/tgv/products/?FILTER=code eq 'P00001'").await;
    let base = num(&items(&standard)[0]["price"]);

    let (status, wholesale) = s.get(&t, "/api/tgv/products/002/000002/01?FILTER=code eq 'P00001'").await;
    assert_eq!(status, 200, "{wholesale}");
    let expected = (base * 0.92 * 100.0).round() / 100.0;
    assert!((num(&items(&wholesale)[0]["price"]) - expected).abs() < 0.005, "{wholesale}");

    // Without FILTERPRICELIST every product comes back, those outside the list at 0.
    let (_, all) = s.get(&t, "/api/tgv/products/003/000002/01?pageSize=1000").await;
    let (_, listed) = s.get(&t, "/api/tgv/products/003/000002/01?pageSize=1000&FILTERPRICELIST=true").await;
    assert!(items(&listed).len() < items(&all).len());
    assert!(items(&listed).iter().all(|p| num(&p["price"]) > 0.0));
    assert!(items(&all).iter().any(|p| num(&p["price"]) == 0.0));

    // Another seller's customer cannot be priced.
    let (status, _) = s.get(&t, "/api/tgv/products/001/000007/01").await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn product_sync_and_price_list_items_follow_todays_selection_and_diff() {
    let s = TestServer::start().await;
    let t = s.token("bruno").await;
    let (_, empty) = s.get(&t, "/api/tgv/products/sync").await;
    assert!(items(&empty).is_empty());

    s.select(&t, "000012", &["P00001", "P00002", "P00003"]).await;
    let (_, full) = s.get(&t, "/api/tgv/products/sync?pageSize=500").await;
    assert_eq!(column(&full, "code"), ["P00001", "P00002", "P00003"]);
    assert!(items(&full).iter().all(|p| p["deleted"] == false));
    let (_, prices) = s.get(&t, "/api/tgv/priceList/items?pageSize=500").await;
    let products: std::collections::BTreeSet<String> = column(&prices, "product").into_iter().collect();
    assert_eq!(products.into_iter().collect::<Vec<_>>(), ["P00001", "P00002", "P00003"]);
    assert!(column(&prices, "pricelist").iter().any(|l| l == "002"), "every list's items, not just one");
    assert!(items(&prices).iter().all(|i| num(&i["baseprice"]) > 0.0 && i["headerid"].is_string()));
    let mark = full["po_sync_date"].as_str().unwrap().to_string();
    let price_mark = prices["po_sync_date"].as_str().unwrap().to_string();

    s.stamped("UPDATE products SET price = price + 1, stamp = ?1 WHERE code = ?2", "P00002").await;
    s.stamped("UPDATE products SET deleted = 1, stamp = ?1 WHERE code = ?2", "P00003").await;
    s.stamped("UPDATE products SET price = 1, stamp = ?1 WHERE code = ?2", "P00100").await; // not selected
    s.stamped(
        "UPDATE price_list_items SET salesprice = 1.5, stamp = ?1 WHERE pricelist = '001' AND product = ?2",
        "P00001",
    )
    .await;

    let (_, diff) = s.get(&t, &format!("/api/tgv/products/sync/diff/{mark}")).await;
    let got: Vec<(String, bool)> =
        items(&diff).iter().map(|p| (p["code"].as_str().unwrap().into(), p["deleted"].as_bool().unwrap())).collect();
    assert_eq!(got, [("P00002".into(), false), ("P00003".into(), true)]);
    let (_, price_diff) = s.get(&t, &format!("/api/tgv/priceList/items/diff/{price_mark}")).await;
    assert_eq!(column(&price_diff, "product"), ["P00001"]);
    assert_eq!(num(&items(&price_diff)[0]["salesprice"]), 1.5);
}

#[tokio::test]
async fn stock_price_lists_payment_conditions_carriers_and_operation_types() {
    let s = TestServer::start().await;
    let t = s.token("ana").await;

    let (_, bal) = s.get(&t, "/api/tgv/productBalance/P00001").await;
    assert!(!items(&bal).is_empty());
    assert!(items(&bal).iter().all(|b| b["code"] == "P00001" && b["warehousedescription"].is_string()));
    let (_, all) = s.get(&t, "/api/tgv/productBalance?pageSize=1000").await;
    assert_eq!(all["hasNext"], true);
    let mark = all["po_sync_date"].as_str().unwrap().to_string();
    s.stamped("UPDATE stock SET onhand = onhand + 10, stamp = ?1 WHERE code = ?2 AND warehouse = '01'", "P00005").await;
    let (_, diff) = s.get(&t, &format!("/api/tgv/productBalance/diff/{mark}")).await;
    assert_eq!(column(&diff, "code"), ["P00005"]);

    let (_, lists) = s.get(&t, "/api/tgv/priceList").await;
    assert_eq!(column(&lists, "code"), ["001", "002", "003"]);
    assert_eq!(items(&lists)[2]["inicialdate"], "2026-12-01");

    let (_, conditions) = s.get(&t, "/api/tgv/paymentconditions?pageSize=50").await;
    assert!(items(&conditions).len() >= 6);
    assert!(items(&conditions).iter().any(|c| c["paymentdescription"] == "30/60/90 DIAS"));
    let mark = conditions["po_sync_date"].as_str().unwrap().to_string();
    s.stamped("UPDATE payment_conditions SET deleted = 1, stamp = ?1 WHERE paymentcode = ?2", "006").await;
    let (_, diff) = s.get(&t, &format!("/api/tgv/paymentconditions/diff/{mark}")).await;
    assert_eq!(items(&diff).len(), 1);
    assert_eq!(items(&diff)[0]["deleted"], true);

    let (_, carriers) = s.get(&t, "/api/tgv/carriers").await;
    assert!(column(&carriers, "name").iter().any(|n| n.contains("\"O TRUCÃO\"")));

    let (status, ops) = s.get(&t, "/api/tgv/typesofoperation").await;
    assert_eq!(status, 200);
    assert_eq!(items(&ops)[0]["operationtypeid"], "01");
    assert!(ops.get("hasNext").is_none() && ops.get("po_sync_date").is_none(), "{ops}");
}

#[tokio::test]
async fn prospects_are_per_seller_and_their_filter_extends_the_customer_filter() {
    let s = TestServer::start().await;
    let ana = s.token("ana").await;
    let bruno = s.token("bruno").await;
    let (_, mine) = s.get(&ana, "/api/tgv/prospects/?pageSize=100").await;
    assert!(!items(&mine).is_empty());
    assert!(items(&mine).iter().all(|p| p["vendor"] == "000001"));
    let (_, theirs) = s.get(&bruno, "/api/tgv/prospects/?pageSize=100").await;
    let foreign = &items(&theirs)[0];
    let path =
        format!("/api/tgv/prospects/{}/{}", foreign["code"].as_str().unwrap(), foreign["store"].as_str().unwrap());
    assert_eq!(s.get(&ana, &path).await.0, 404);
    assert_eq!(s.get(&bruno, &path).await.0, 200);

    // Select one prospect that became a customer and one that did not.
    let linked = items(&mine).iter().find(|p| p["customercode"] != "").expect("a linked prospect");
    let unlinked = items(&mine).iter().find(|p| p["customercode"] == "").expect("an unlinked prospect");
    let key = |p: &Value| format!("{}{}", p["code"].as_str().unwrap(), p["store"].as_str().unwrap());
    let (k1, k2) = (key(linked), key(unlinked));
    s.select(&ana, "000016", &[&k1, &k2]).await;

    let (_, synced) = s.get(&ana, "/api/tgv/prospects/sync").await;
    assert_eq!(items(&synced).len(), 2);
    let (_, customers) = s.get(&ana, "/api/tgv/customers/sync?pageSize=500").await;
    let mut got = column(&customers, "code");
    got.sort();
    let mut want = vec!["000001".to_string(), linked["customercode"].as_str().unwrap().to_string()];
    want.sort();
    assert_eq!(got, want, "the linked customer and the default quotation customer");

    // A prospect of another seller cannot be selected.
    let carla = s.token("carla").await;
    let body = serde_json::json!({"header": {"schemaid": "000016"}, "items": [{"entityid": key(foreign)}]});
    let (status, err) = s.send(reqwest::Method::POST, &carla, "/api/pgv/sellerfilters/", &body).await;
    assert_eq!(status, 400);
    assert!(err["detailedMessage"].as_str().unwrap().contains("não pertence"), "{err}");
}

#[tokio::test]
async fn a_prospect_is_registered_only_with_a_valid_tax_id() {
    let s = TestServer::start().await;
    let t = s.token("ana").await;
    let body = serde_json::json!({"name": "Bar do Zé", "cgc": "11.222.333/0001-80", "uf": "SP", "city": "Santos"});
    let (status, err) = s.send(reqwest::Method::POST, &t, "/api/tgv/prospects/", &body).await;
    assert_eq!(status, 400);
    assert_eq!(err["detailedMessage"], "check_digits");

    let body = serde_json::json!({"name": "Bar do Zé", "cgc": "34.028.316/0001-03", "uf": "sp", "city": "Santos"});
    let (status, created) = s.send(reqwest::Method::POST, &t, "/api/tgv/prospects/", &body).await;
    assert_eq!(status, 201, "{created}");
    let code = created["items"][0]["code"].as_str().unwrap().to_string();
    let (_, p) = s.get(&t, &format!("/api/tgv/prospects/{code}/01")).await;
    assert_eq!(
        (p["name"].as_str(), p["vendor"].as_str(), p["uf"].as_str()),
        (Some("BAR DO ZÉ"), Some("000001"), Some("SP"))
    );
    assert_eq!(p["cgc"], "34028316000103");
    let (status, _) = s.send(reqwest::Method::POST, &t, "/api/tgv/prospects/", &body).await;
    assert_eq!(status, 400, "the same CNPJ twice");
    // Bruno cannot see it.
    let bruno = s.token("bruno").await;
    assert_eq!(s.get(&bruno, &format!("/api/tgv/prospects/{code}/01")).await.0, 404);
}
