//! Taxes (§11), home indicators (§13), schemas (§3.1) and the prospects' quick filters over
//! real HTTP and SQLite.

mod support;

use serde_json::{json, Value};
use support::{column, items, num, TestServer};

fn detail<'a>(taxes: &'a Value, code: &str) -> Option<&'a Value> {
    taxes["TaxesDetail"].as_array().unwrap().iter().find(|d| d["imposto"] == code)
}

#[tokio::test]
async fn simulated_taxes_follow_the_documented_model() {
    let s = TestServer::start().await;
    let t = s.token("ana").await;
    // Customer 000002 is in SP (18 %); P00001 is a beverage (IPI 4 %, ICMS-ST).
    let body = json!({"CustomerId": "000002", "CustomerUnit": "01", "Payment": "001", "Freight": 10,
        "ListofProducts": [{"ItemId": "01", "ProductId": "P00001", "Quantity": 10, "UnitaryValue": 9.0},
                           {"ItemId": "02", "ProductId": "P00091", "Quantity": 2, "UnitaryValue": 5}]});
    let (status, taxes) = s.send(reqwest::Method::POST, &t, "/api/fat/v1/SalesTaxes", &body).await;
    assert_eq!(status, 200, "{taxes}");
    assert_eq!(num(&taxes["valor_mercadoria"]), 100.0);
    assert_eq!(num(&detail(&taxes, "ICM").unwrap()["aliquota"]), 18.0);
    let first = &taxes["itens"][0]["produto"];
    assert_eq!(first["codigo_produto"], "P00001");
    assert_eq!(num(&first["frete"]), 9.0, "freight spread by value: 90 of 100");
    assert_eq!(num(&first["valor_ipi"]), 3.96, "4 % of (90 + 9)");
    assert!(num(&first["valor_st"]) > 0.0);
    let sum: f64 = taxes["TaxesDetail"].as_array().unwrap().iter().map(|d| num(&d["valor"])).sum();
    assert!((sum - num(&taxes["total_impostos"])).abs() < 0.005);
    let items_total: f64 = taxes["itens"].as_array().unwrap().iter().map(|i| num(&i["produto"]["valor_total"])).sum();
    assert!((items_total - num(&taxes["valor_contabil"])).abs() < 0.005);

    // Interstate: a customer in RJ pays 12 % ICMS.
    let rj = json!({"CustomerId": "000006", "CustomerUnit": "01",
        "ListofProducts": [{"ProductId": "P00091", "Quantity": 1, "UnitaryValue": 100}]});
    let (_, taxes) = s.send(reqwest::Method::POST, &t, "/api/fat/v1/SalesTaxes", &rj).await;
    assert_eq!(num(&detail(&taxes, "ICM").unwrap()["aliquota"]), 12.0);

    // Errors in the FWAPIManager shape (code is a string).
    let bad = json!({"CustomerId": "000002", "CustomerUnit": "01", "ListofProducts": [{"ProductId": "P99901", "Quantity": 1, "UnitaryValue": 1}]});
    let (status, err) = s.send(reqwest::Method::POST, &t, "/api/fat/v1/SalesTaxes", &bad).await;
    assert_eq!((status, err["code"].as_str()), (400, Some("400")));
    assert!(err["detailedMessage"].as_str().unwrap().contains("A410VZ"));
    let foreign = json!({"CustomerId": "000007", "CustomerUnit": "01", "ListofProducts": [{"ProductId": "P00001", "Quantity": 1, "UnitaryValue": 1}]});
    assert_eq!(s.send(reqwest::Method::POST, &t, "/api/fat/v1/SalesTaxes", &foreign).await.0, 400);
}

#[tokio::test]
async fn a_stored_order_has_the_same_taxes_as_its_simulation() {
    let s = TestServer::start().await;
    let t = s.token("ana").await;
    let header = json!({"customerid": "000003", "customerstore": "01", "paymentconditionid": "002", "freight": 12.5});
    let lines = json!([{"productid": "P00001", "quantity": 4, "unitprice": 8.5}, {"productid": "P00200", "quantity": 1, "unitprice": 30}]);
    let (_, created) =
        s.send(reqwest::Method::POST, &t, "/api/tgv/salesorders/", &json!({"header": header, "items": lines})).await;
    let number = created["items"][0]["orderid"].as_str().unwrap().to_string();
    let (status, stored) = s.get(&t, &format!("/api/fat/v1/SalesTaxes/{number}")).await;
    assert_eq!(status, 200);
    let simulated = json!({"CustomerId": "000003", "CustomerUnit": "01", "Freight": 12.5, "ListofProducts": [
        {"ProductId": "P00001", "Quantity": 4, "UnitaryValue": 8.5}, {"ProductId": "P00200", "Quantity": 1, "UnitaryValue": 30}]});
    let (_, sim) = s.send(reqwest::Method::POST, &t, "/api/fat/v1/SalesTaxes", &simulated).await;
    for key in ["valor_contabil", "total_impostos", "total_impostos_sem_incidencia", "frete"] {
        assert_eq!(stored[key], sim[key], "{key}");
    }
    let (_, total) = s.get(&t, &format!("/api/tgv/salesorders/total/{number}")).await;
    assert_eq!(total["valor_contabil"], stored["valor_contabil"]);

    assert_eq!(s.get(&t, "/api/fat/v1/SalesTaxes/12345").await.0, 400, "C5_NUM has 6 characters");
    let (status, err) = s.get(&t, "/api/fat/v1/SalesTaxes/ZZZZZZ").await;
    assert_eq!((status, err["code"].as_str()), (404, Some("404")));
    let bruno = s.token("bruno").await;
    assert_eq!(s.get(&bruno, &format!("/api/fat/v1/SalesTaxes/{number}")).await.0, 404);
}

#[tokio::test]
async fn home_cards_and_charts_have_shape_and_widen_the_dates() {
    let s = TestServer::start().await;
    let t = s.token("ana").await;
    let today = s.state.clock.today().replace('-', "");
    let (status, cards) = s.get(&t, "/api/tgv/cardsHome/").await;
    assert_eq!(status, 200);
    assert_eq!(column(&cards, "titulo"), ["Total de Itens", "Itens a Faturar", "Itens Pendentes", "Itens Finalizados"]);
    // This month's, by default: on its first day there may be none yet (the demo's history
    // has an order on about 60 % of days), so only the shape holds every day.
    let totals: Vec<f64> = items(&cards).iter().map(|c| num(&c["total"])).collect();
    assert!(totals.iter().all(|t| *t >= 0.0), "{totals:?}");
    assert!(totals[1] + totals[2] + totals[3] <= totals[0]);

    // A whole year, asked with mid-month days: the range widens to whole months.
    let year_ago = format!("{}{}15", today[0..4].parse::<i32>().unwrap() - 1, &today[4..6]);
    let (_, wide) = s.get(&t, &format!("/api/tgv/cardsHome/?initialDate={year_ago}&finalDate={today}")).await;
    assert!(num(&items(&wide)[0]["total"]) > totals[0]);
    assert!(num(&items(&wide)[3]["total"]) > 0.0, "old orders are invoiced");

    let (_, monthly) =
        s.get(&t, &format!("/api/tgv/chartsHome/?type=2&initialDate={year_ago}&finalDate={today}")).await;
    let value = &items(&monthly)[0];
    assert_eq!(value["titulo"], "billingValue");
    let dataset: Value = serde_json::from_str(value["chart_dataset"].as_str().unwrap()).unwrap();
    assert_eq!(dataset["labels"].as_array().unwrap().len(), 13, "13 months, both ends included");
    let billed: Vec<f64> = dataset["datasets"][0]["data"].as_array().unwrap().iter().map(num).collect();
    assert!(billed.iter().filter(|v| **v > 0.0).count() >= 10, "{billed:?}");
    assert_eq!(dataset["datasets"][0]["borderColor"], "#00b28e");
    let unbilled: Vec<f64> = dataset["datasets"][1]["data"].as_array().unwrap().iter().map(num).collect();
    // Orders are invoiced a few days after they are taken: the last days' are still open (in
    // last month's point on the 1st, when this month may have none yet).
    assert!(unbilled[unbilled.len() - 2..].iter().any(|v| *v > 0.0), "the last days have open orders: {unbilled:?}");
    assert_eq!(items(&monthly)[1]["titulo"], "Faturamento (Quantidade)");
    let (_, yearly) = s.get(&t, &format!("/api/tgv/chartsHome/?type=1&initialDate={year_ago}&finalDate={today}")).await;
    let dataset: Value = serde_json::from_str(items(&yearly)[0]["chart_dataset"].as_str().unwrap()).unwrap();
    assert_eq!(dataset["labels"].as_array().unwrap().len(), 2);

    assert_eq!(s.get(&t, "/api/tgv/cardsHome/?initialDate=2026-13").await.0, 400);
}

#[tokio::test]
async fn schemas_and_prospect_quick_filters() {
    let s = TestServer::start().await;
    let t = s.token("ana").await;
    let (status, schemas) = s.get(&t, "/api/tgv/schemas/").await;
    assert_eq!(status, 200);
    assert!(schemas.get("hasNext").is_none() && schemas.get("po_sync_date").is_none());
    let customer = items(&schemas).iter().find(|s| s["code"] == "000002").unwrap();
    assert_eq!(customer["getUrlApi"], "api/tgv/customers/sync");
    assert_eq!(customer["pageSize"], "500");
    assert!(customer["fields"].as_array().unwrap().contains(&json!("cgc")));
    let orders = items(&schemas).iter().find(|s| s["code"] == "000009").unwrap();
    assert_eq!(orders["postUrlApi"], "api/tgv/salesorders/sync");
    assert!(items(&schemas).iter().all(|s| s["code"] != "000013"), "product balance is blocked");

    let (_, all) = s.get(&t, "/api/tgv/prospects/?pageSize=100").await;
    let (_, without) = s.get(&t, "/api/tgv/prospects/?pageSize=100&QUICKFILTER=WITHOUTBUDGETONLASTTHREEMONTH").await;
    let (_, with) = s.get(&t, "/api/tgv/prospects/?pageSize=100&QUICKFILTER=BUDGETONLASTTHREEMONTH").await;
    assert_eq!(items(&without).len() + items(&with).len(), items(&all).len());
    assert_eq!(s.get(&t, "/api/tgv/prospects/?QUICKFILTER=NOPE").await.0, 400);
}
