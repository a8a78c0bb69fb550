//! The invoice detail, invoice number ranges, currencies and the statistics by currency,
//! description and sort, held stock and production orders (issue 25), over real HTTP and
//! SQLite: figures against the seed and the other lists, another seller's documents answering
//! as unknown ones, bad input a 400 with a message.

mod support;

use serde_json::Value;
use support::{column, items, num, TestServer};

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 0.011
}

/// One of the seller's invoices whose order is in `currency`: (invoice, order).
async fn invoice_in(s: &TestServer, seller: &'static str, currency: f64) -> (String, String) {
    s.state
        .db
        .read(move |tx| {
            Ok(tx.conn.query_row(
                "SELECT n.invoice, n.orderid FROM invoices n JOIN orders o ON o.orderid = n.orderid
                 WHERE o.sellerid = ?1 AND o.currencyid = ?2 ORDER BY n.invoice LIMIT 1 OFFSET 3",
                rusqlite::params![seller, currency],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?)
        })
        .await
        .unwrap()
}

async fn assert_400(s: &TestServer, token: &str, path: &str) {
    let (status, body) = s.get(token, path).await;
    assert_eq!(status, 400, "{path}: {body}");
    assert!(body["message"].as_str().is_some_and(|m| !m.is_empty()), "{path}: {body}");
}

#[tokio::test]
async fn an_invoice_shows_its_items_taxes_shipping_and_installments() {
    let s = TestServer::start().await;
    let (ana, bruno) = (s.token("ana").await, s.token("bruno").await);
    let (invoice, order) = invoice_in(&s, "000001", 1.0).await;
    let (status, d) = s.get(&ana, &format!("/api/mascate/v1/invoices/{invoice}/1")).await;
    assert_eq!(status, 200, "{d}");
    let (_, listed) = s.get(&ana, &format!("/api/mascate/v1/invoices?FILTER=invoice eq '{invoice}'")).await;
    let listed = &items(&listed)[0];
    assert_eq!(
        (&d["orderid"], &d["issuedate"], &d["customerid"]),
        (&listed["orderid"], &listed["issuedate"], &listed["customerid"])
    );
    let (_, customer) = s
        .get(
            &ana,
            &format!(
                "/api/tgv/customers/{}/{}",
                listed["customerid"].as_str().unwrap(),
                listed["customerstore"].as_str().unwrap()
            ),
        )
        .await;
    assert_eq!((&d["destination"]["uf"], &d["destination"]["city"]), (&customer["uf"], &customer["city"]));
    assert_eq!((d["origin"]["uf"].as_str(), d["currencyid"].as_i64(), num(&d["rate"])), (Some("SP"), Some(1), 1.0));
    assert!(
        d["cfop"].as_str().is_some_and(|c| c.len() == 4) && !d["operationdescription"].as_str().unwrap().is_empty()
    );
    assert!(num(&d["volumes"]["quantity"]) >= 1.0 && d["volumes"]["kind"] == "CAIXA");
    assert!(
        num(&d["volumes"]["grossweight"]) > num(&d["volumes"]["netweight"]) && num(&d["volumes"]["netweight"]) > 0.0
    );
    assert!(!d["carrier"].as_str().unwrap().is_empty() && !d["carriername"].as_str().unwrap().is_empty());

    // Items: the order's, valued as invoiced; the goods add up to the invoice's amount.
    let (_, order_items) = s.get(&ana, &format!("/api/tgv/salesorders/{order}/items?pageSize=100")).await;
    let lines = d["items"].as_array().unwrap();
    assert_eq!(lines.len(), items(&order_items).len());
    for (l, o) in lines.iter().zip(items(&order_items)) {
        assert_eq!(
            (&l["productid"], num(&l["quantity"]), num(&l["unitprice"])),
            (&o["productid"], num(&o["quantity"]), num(&o["unitprice"]))
        );
        let t = &l["taxes"];
        assert!(
            num(&t["icms"]["value"]) > 0.0
                && close(num(&t["pis"]["value"]), (num(&t["pis"]["base"]) * 1.65 / 100.0 * 100.0).round() / 100.0)
        );
    }
    let goods: f64 = lines.iter().map(|l| num(&l["value"])).sum();
    assert!(close(goods, num(&listed["amount"])), "{goods} vs {listed}");
    // Totals: what the tax routes say of the order.
    let (_, total) = s.get(&ana, &format!("/api/tgv/salesorders/total/{order}")).await;
    assert!(close(num(&d["totals"]["total"]), num(&total["valor_contabil"])), "{} vs {total}", d["totals"]);
    let icms: f64 = lines.iter().map(|l| num(&l["taxes"]["icms"]["value"])).sum();
    assert!(close(num(&d["totals"]["taxes"]["icms"]["value"]), icms));
    // Installments: the invoice's receivables, adding up to its amount.
    let inst = d["installments"].as_array().unwrap();
    assert!(!inst.is_empty());
    assert!(close(inst.iter().map(|i| num(&i["value"])).sum::<f64>(), num(&listed["amount"])));
    assert!(inst.iter().all(|i| i["duedate"].as_str().unwrap() >= d["issuedate"].as_str().unwrap()));

    // An order sold in dólares is invoiced in reais at the rate.
    let (usd, usd_order) = invoice_in(&s, "000001", 2.0).await;
    let (_, u) = s.get(&ana, &format!("/api/mascate/v1/invoices/{usd}/1")).await;
    assert_eq!((u["currencyid"].as_i64(), num(&u["rate"])), (Some(2), 5.4));
    let (_, usd_items) = s.get(&ana, &format!("/api/tgv/salesorders/{usd_order}/items?pageSize=100")).await;
    let first = &items(&usd_items)[0];
    assert!(close(num(&u["items"][0]["unitprice"]), (num(&first["unitprice"]) * 5.4 * 100.0).round() / 100.0));

    // Another seller's invoice is unknown, exactly as a number nobody has; bad keys are a 400.
    let (status, theirs) = s.get(&bruno, &format!("/api/mascate/v1/invoices/{invoice}/1")).await;
    let (_, unknown) = s.get(&ana, "/api/mascate/v1/invoices/999999999/1").await;
    assert_eq!((status, &theirs), (404, &unknown));
    for bad in ["123/1", "0000000001/1", "00000000%25/1", &format!("{invoice}/1234"), &format!("{invoice}/%20")] {
        assert_400(&s, &ana, &format!("/api/mascate/v1/invoices/{bad}")).await;
    }
}

#[tokio::test]
async fn invoice_numbers_and_currencies_narrow_the_lists() {
    let s = TestServer::start().await;
    let ana = s.token("ana").await;
    let (_, all) = s.get(&ana, "/api/mascate/v1/invoices?pageSize=1000&SORT=invoice").await;
    let numbers = column(&all, "invoice");
    let (lo, hi) = (numbers[numbers.len() / 4].clone(), numbers[numbers.len() / 2].clone());
    let f = format!("FILTER=invoice ge '{lo}' and invoice le '{hi}'");
    let (status, ranged) = s.get(&ana, &format!("/api/mascate/v1/invoices?pageSize=1000&SORT=invoice&{f}")).await;
    assert_eq!(status, 200);
    let want: Vec<String> = numbers.iter().filter(|n| **n >= lo && **n <= hi).cloned().collect();
    assert_eq!(column(&ranged, "invoice"), want);

    let (status, currencies) = s.get(&ana, "/api/mascate/v1/currencies").await;
    assert_eq!(status, 200);
    assert_eq!(column(&currencies, "name"), ["Real", "Dólar", "UFIR", "Euro", "Iene"]);
    assert_eq!(column(&currencies, "symbol")[..2], ["R$".to_string(), "US$".to_string()]);

    // Orders keep most sales in reais, some in dólares and euros; statistics take one.
    let count = |body: (u16, Value)| items(&body.1).len();
    let orders = "/api/tgv/salesorders/?pageSize=1000&FILTER=currencyid eq";
    let (reais, dollars, euros) = (
        count(s.get(&ana, &format!("{orders} 1")).await),
        count(s.get(&ana, &format!("{orders} 2")).await),
        count(s.get(&ana, &format!("{orders} 4")).await),
    );
    assert!(reais > 10 * dollars && dollars > 0 && euros > 0, "{reais} {dollars} {euros}");
    let today = s.state.clock.today();
    let from = mascate_domain::timestamp::add_days(&today, -540).unwrap();
    let seller_gross: f64 = s
        .state
        .db
        .read(move |tx| {
            Ok(tx.conn.query_row(
                "SELECT sum(i.amount) FROM invoices n JOIN orders o ON o.orderid = n.orderid
                 JOIN order_items i ON i.orderid = o.orderid WHERE o.sellerid = '000001' AND o.currencyid = 2",
                [],
                |r| r.get(0),
            )?)
        })
        .await
        .unwrap();
    let (_, usd) = stats(&s, &ana, &from, "currency=2").await;
    assert!(close(num(&usd["total"]["grossvalue"]), seller_gross), "{} vs {seller_gross}", usd["total"]);
    let (_, brl) = stats(&s, &ana, &from, "").await;
    assert!(num(&brl["total"]["grossvalue"]) > 10.0 * seller_gross);

    // A description fragment, case and accents ignored; sorts by figure, description, key.
    let (status, found) = stats(&s, &ana, &from, "description=higienica").await;
    assert_eq!(status, 200, "{found}");
    assert!(!items(&found).is_empty());
    assert!(items(&found).iter().all(|r| r["description"].as_str().unwrap().contains("HIGIÊNICA")), "{found}");
    let (_, by_gross) = stats(&s, &ana, &from, "sort=-gross").await;
    let gross: Vec<f64> = items(&by_gross).iter().map(|r| num(&r["grossvalue"])).collect();
    assert!(gross.len() > 5 && gross.windows(2).all(|w| w[0] >= w[1]));
    let (_, by_quantity) = stats(&s, &ana, &from, "sort=quantity").await;
    let sold: Vec<f64> = items(&by_quantity).iter().map(|r| num(&r["soldquantity"])).collect();
    assert!(sold.windows(2).all(|w| w[0] <= w[1]));
    let (_, by_description) = stats(&s, &ana, &from, "sort=description").await;
    let names: Vec<String> =
        column(&by_description, "description").iter().map(|d| mascate_domain::text::fold(d)).collect();
    assert!(names.windows(2).all(|w| w[0] <= w[1]));
    let (_, by_key) = stats(&s, &ana, &from, "sort=-key").await;
    let keys = column(&by_key, "key");
    assert!(keys.windows(2).all(|w| w[0] >= w[1]));
    for bad in [
        "currency=2.5",
        "currency=0",
        "currency=100",
        "sort=color",
        &format!("description={}", "x".repeat(201)),
        &format!("product={}", "P".repeat(31)),
    ] {
        assert_400(&s, &ana, &format!("/api/mascate/v1/salesstatistics?{bad}")).await;
    }
}

async fn stats(s: &TestServer, token: &str, from: &str, q: &str) -> (u16, Value) {
    s.get(token, &format!("/api/mascate/v1/salesstatistics?from={from}&{q}")).await
}

/// Ana's customer with the most production orders and held stock, as (code, store).
async fn industrial_customer(s: &TestServer) -> (String, String) {
    s.state
        .db
        .read(|tx| {
            Ok(tx.conn.query_row(
                "SELECT p.customerid, p.customerstore FROM production_orders_view p WHERE p.vendor = '000001'
                   AND EXISTS (SELECT 1 FROM held_stock h WHERE h.customerid = p.customerid
                               AND h.customerstore = p.customerstore)
                 GROUP BY 1, 2 ORDER BY count(*) DESC, 1 LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?)
        })
        .await
        .unwrap()
}

#[tokio::test]
async fn held_stock_and_production_orders_of_a_customer_and_of_an_order() {
    let s = TestServer::start().await;
    let (ana, bruno) = (s.token("ana").await, s.token("bruno").await);
    let (code, store) = industrial_customer(&s).await;
    let base = format!("/api/mascate/v1/customers/{code}/{store}");
    let (status, held) = s.get(&ana, &format!("{base}/heldstock")).await;
    assert_eq!(status, 200, "{held}");
    assert!(!items(&held).is_empty());
    for h in items(&held) {
        assert!(num(&h["quantity"]) > 0.0 && num(&h["quantity"]) <= num(&h["received"]), "{h}");
        assert!(!h["description"].as_str().unwrap().is_empty() && !h["unit"].as_str().unwrap().is_empty());
        assert_eq!(h["document"].as_str().unwrap().len(), 9);
    }
    let (status, ops) = s.get(&ana, &format!("{base}/productionorders?pageSize=1000")).await;
    assert_eq!(status, 200, "{ops}");
    let ops = items(&ops).clone();
    assert!(!ops.is_empty());
    let (_, orders) = s
        .get(&ana, &format!("/api/tgv/salesorders/?pageSize=1000&FILTER=clientid eq '{code}' and storeid eq '{store}'"))
        .await;
    for op in &ops {
        let order =
            items(&orders).iter().find(|o| o["orderid"] == op["orderid"]).expect("serves one of the customer's orders");
        let (status, per_order) =
            s.get(&ana, &format!("/api/mascate/v1/orders/{}/productionorders", op["orderid"].as_str().unwrap())).await;
        assert_eq!(status, 200);
        assert!(items(&per_order).iter().any(|p| p["internalid"] == op["internalid"]));
        let (q, made) = (num(&op["quantity"]), num(&op["produced"]));
        match op["status"].as_str().unwrap() {
            "finished" => {
                assert!(made == q && order["status"] == "E" && !op["finishdate"].as_str().unwrap().is_empty(), "{op}")
            }
            "started" => assert!(made > 0.0 && made < q, "{op}"),
            "open" => assert_eq!(made, 0.0),
            other => panic!("status {other}"),
        }
        assert!(op["startdate"].as_str().unwrap() <= op["enddate"].as_str().unwrap());
    }
    let f = "FILTER=status eq 'finished'";
    let (_, finished) = s.get(&ana, &format!("{base}/productionorders?pageSize=1000&{f}")).await;
    assert_eq!(items(&finished).len(), ops.iter().filter(|o| o["status"] == "finished").count());

    // An order without production: an empty list; another seller's: as unknown.
    let (_, mine) = s.get(&ana, "/api/tgv/salesorders/?pageSize=1&SORT=orderid").await;
    let any_order = items(&mine)[0]["orderid"].as_str().unwrap().to_string();
    let (status, _) = s.get(&ana, &format!("/api/mascate/v1/orders/{any_order}/productionorders")).await;
    assert_eq!(status, 200);
    let served = ops[0]["orderid"].as_str().unwrap();
    let (status, theirs) = s.get(&bruno, &format!("/api/mascate/v1/orders/{served}/productionorders")).await;
    let (_, unknown) = s.get(&ana, "/api/mascate/v1/orders/999999/productionorders").await;
    assert_eq!((status, &theirs), (404, &unknown));
    for path in [format!("{base}/heldstock"), format!("{base}/productionorders")] {
        let (status, theirs): (u16, Value) = s.get(&bruno, &path).await;
        assert_eq!((status, theirs["message"].as_str()), (404, Some("Cliente nao encontrado")));
    }
    for bad in [
        "/api/mascate/v1/orders/12345/productionorders".to_string(),
        "/api/mascate/v1/orders/1234567/productionorders".to_string(),
        format!("{base}/productionorders?FILTER=startdate ge '2026-1-1'"),
        format!("{base}/heldstock?pageSize=-1"),
        "/api/mascate/v1/customers/000002/011/heldstock".to_string(),
    ] {
        assert_400(&s, &ana, &bad).await;
    }
}
