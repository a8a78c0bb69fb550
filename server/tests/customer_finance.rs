//! A customer's paid bills, credit notes, registration sheet and credit sheet (Mascate
//! extensions, issue 25) over real HTTP and SQLite: the figures against the seeded
//! receivables and returns, another seller's customer answering as an unknown one, bad input
//! a 400 with a message.

mod support;

use mascate_domain::tax_id::{check_digits, mask, TaxIdKind};
use serde_json::Value;
use support::{column, items, num, TestServer};

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 0.011
}

/// The seller's customer with the most of `counted` rows (a SQL over `customerid`,
/// `customerstore` grouped), as (code, store).
async fn busiest(s: &TestServer, seller: &'static str, sql: &'static str) -> (String, String) {
    s.state.db.read(move |tx| Ok(tx.conn.query_row(sql, [seller], |r| Ok((r.get(0)?, r.get(1)?)))?)).await.unwrap()
}

/// (count, sum of write-offs) of a customer's bills with something paid, from the table.
async fn paid_in_db(s: &TestServer, code: &str, store: &str) -> (i64, f64) {
    let (code, store) = (code.to_string(), store.to_string());
    s.state
        .db
        .read(move |tx| {
            Ok(tx.conn.query_row(
                "SELECT count(*), coalesce(sum(writeoffnetvalue), 0) FROM bills
                 WHERE customerid = ?1 AND customerstore = ?2 AND writeoffnetvalue > 0",
                [code, store],
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
async fn paid_bills_are_the_seeded_payments_and_stay_with_their_seller() {
    let s = TestServer::start().await;
    let (ana, bruno) = (s.token("ana").await, s.token("bruno").await);
    let (code, store) = busiest(
        &s,
        "000001",
        "SELECT b.customerid, b.customerstore FROM bills b JOIN customers c ON c.code = b.customerid
           AND c.store = b.customerstore WHERE c.vendor = ?1 AND b.writeoffnetvalue > 0
         GROUP BY 1, 2 ORDER BY count(*) DESC, 1 LIMIT 1",
    )
    .await;
    let path = format!("/api/mascate/v1/customers/{code}/{store}/paidbills");
    let (status, all) = s.get(&ana, &format!("{path}?pageSize=1000")).await;
    assert_eq!(status, 200, "{all}");
    let rows = items(&all);
    let (count, written_off) = paid_in_db(&s, &code, &store).await;
    assert!(count >= 3, "a customer with payments: {count}");
    assert_eq!(rows.len() as i64, count, "one payment per bill with a write-off");
    let sum: f64 = rows.iter().map(|r| num(&r["writeoff"])).sum();
    assert!(close(sum, written_off), "{sum} vs {written_off}");
    for r in rows {
        assert!(close(num(&r["amountpaid"]), num(&r["writeoff"]) + num(&r["interest"]) - num(&r["discount"])), "{r}");
        assert!(num(&r["delay"]) <= 0.0 || num(&r["interest"]) > 0.0, "late payments pay interest: {r}");
        assert!(r["customerid"] == code.as_str() && r.get("vendor").is_none() && r.get("deleted").is_none());
    }
    let dates = column(&all, "paiddate");
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "newest payment first");

    // A paid-date range is a FILTER, as on the other lists.
    let (from, to) = (dates[dates.len() - 1].clone(), dates[dates.len() / 2].clone());
    let f = format!("FILTER=paiddate ge '{from}' and paiddate le '{to}'");
    let (_, ranged) = s.get(&ana, &format!("{path}?pageSize=1000&{f}")).await;
    let want = dates.iter().filter(|d| **d >= from && **d <= to).count();
    assert_eq!(items(&ranged).len(), want);
    let (_, first) = s.get(&ana, &format!("{path}?pageSize=2&page=1")).await;
    assert_eq!(items(&first).len(), 2);
    assert_eq!(first["hasNext"], true);

    // Another seller's customer answers exactly as an unknown one.
    let (status, theirs) = s.get(&bruno, &path).await;
    let (_, unknown) = s.get(&ana, "/api/mascate/v1/customers/999999/01/paidbills").await;
    assert_eq!((status, &theirs), (404, &unknown), "{theirs}");
    for bad in [
        "/api/mascate/v1/customers/12345/01/paidbills",
        "/api/mascate/v1/customers/000002/1/paidbills",
        "/api/mascate/v1/customers/00000%25/01/paidbills",
        &format!("{path}?FILTER=paiddate ge '2025-02-30'"),
        &format!("{path}?FILTER=paiddate ge 20250101"),
        &format!("{path}?FILTER=color eq 'x'"),
        &format!("{path}?pageSize=0"),
        &format!("{path}?pageSize=100000"),
        &format!("{path}?page=abc"),
    ] {
        assert_400(&s, &ana, bad).await;
    }
}

#[tokio::test]
async fn every_return_made_a_credit_note_some_partly_used() {
    let s = TestServer::start().await;
    let (ana, bruno) = (s.token("ana").await, s.token("bruno").await);
    let (code, store) = busiest(
        &s,
        "000001",
        "SELECT n.customerid, n.customerstore FROM credit_notes n JOIN customers c ON c.code = n.customerid
           AND c.store = n.customerstore WHERE c.vendor = ?1 GROUP BY 1, 2 ORDER BY count(*) DESC, 1 LIMIT 1",
    )
    .await;
    let path = format!("/api/mascate/v1/customers/{code}/{store}/creditnotes");
    let (status, notes) = s.get(&ana, &format!("{path}?pageSize=1000")).await;
    assert_eq!(status, 200, "{notes}");
    // The same returns, read through the returns list.
    let filter = format!("FILTER=customerid eq '{code}' and customerstore eq '{store}'");
    let (_, returns) = s.get(&ana, &format!("/api/mascate/v1/returns?pageSize=1000&{filter}")).await;
    assert!(!items(&notes).is_empty());
    assert_eq!(items(&notes).len(), items(&returns).len(), "one note per return document");
    for n in items(&notes) {
        let r = items(&returns).iter().find(|r| r["document"] == n["number"]).expect("its return");
        assert_eq!((&n["invoice"], &n["orderid"], &n["type"]), (&r["invoice"], &r["orderid"], &Value::from("NCC")));
        assert!(num(&n["amount"]) >= num(&r["amount"]) - 0.01, "in reais, at least the return's value: {n} {r}");
        assert!(num(&n["balance"]) > 0.0 && num(&n["balance"]) <= num(&n["amount"]));
        assert!(close(num(&n["used"]), num(&n["amount"]) - num(&n["balance"])));
    }
    // Across the demo, some notes are partly used and the rest untouched.
    let (partly, whole): (i64, i64) = s
        .state
        .db
        .read(|tx| {
            Ok(tx.conn.query_row("SELECT sum(balance < amount), sum(balance = amount) FROM credit_notes", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?)
        })
        .await
        .unwrap();
    assert!(partly > 0 && whole > 0, "{partly} partly used, {whole} whole");
    let (status, theirs) = s.get(&bruno, &path).await;
    assert_eq!((status, theirs["message"].as_str()), (404, Some("Cliente nao encontrado")));
    assert_400(&s, &ana, &format!("{path}?FILTER=issuedate le 'ontem'")).await;
}

/// A valid CNPJ no customer has.
fn unused_cnpj() -> String {
    let body: Vec<u32> = "987654320001".chars().map(|c| c.to_digit(10).unwrap()).collect();
    let [a, b] = check_digits(TaxIdKind::Cnpj, &body);
    format!("987654320001{a}{b}")
}

#[tokio::test]
async fn registration_and_credit_sheets_add_up_and_find_by_tax_id() {
    let s = TestServer::start().await;
    let (ana, bruno) = (s.token("ana").await, s.token("bruno").await);
    // Ana's customer with the most invoices and a CNPJ.
    let (code, store) = busiest(
        &s,
        "000001",
        "SELECT o.clientid, o.storeid FROM invoices n JOIN orders o ON o.orderid = n.orderid
           JOIN customers c ON c.code = o.clientid AND c.store = o.storeid
         WHERE o.sellerid = ?1 AND length(c.cgc) = 14 GROUP BY 1, 2 ORDER BY count(*) DESC, 1 LIMIT 1",
    )
    .await;
    let (status, sheet) = s.get(&ana, &format!("/api/mascate/v1/customers/{code}/{store}/financialsheet")).await;
    assert_eq!(status, 200, "{sheet}");
    let (_, customer) = s.get(&ana, &format!("/api/tgv/customers/{code}/{store}")).await;
    assert_eq!((num(&sheet["creditlimit"]), &sheet["risk"]), (num(&customer["creditlimit"]), &customer["risk"]));
    // Purchases: the invoices list of the customer.
    let filter = format!("FILTER=customerid eq '{code}' and customerstore eq '{store}'");
    let (_, invoices) = s.get(&ana, &format!("/api/mascate/v1/invoices?pageSize=1000&{filter}")).await;
    let invoices = items(&invoices);
    assert_eq!(num(&sheet["purchases"]) as usize, invoices.len());
    let largest = invoices.iter().map(|i| num(&i["amount"])).fold(0.0, f64::max);
    assert!(close(num(&sheet["largestpurchase"]), largest), "{sheet}");
    let last = invoices.iter().map(|i| i["issuedate"].as_str().unwrap()).max().unwrap();
    assert_eq!(sheet["lastpurchase"], last);
    // Payments: the paid bills; early payments count no delay.
    let (_, paid) = s.get(&ana, &format!("/api/mascate/v1/customers/{code}/{store}/paidbills?pageSize=1000")).await;
    let delays: Vec<f64> = items(&paid).iter().map(|p| num(&p["delay"]).max(0.0)).collect();
    assert_eq!(num(&sheet["payments"]) as usize, delays.len());
    let mean = if delays.is_empty() { 0.0 } else { delays.iter().sum::<f64>() / delays.len() as f64 };
    assert!(close(num(&sheet["averagedelay"]), mean), "{sheet} vs {mean}");
    assert!(num(&sheet["largestbalance"]) >= largest - 0.01, "owed at least the largest invoice once");

    // The credit sheet: by CNPJ with or without its mask, in the path or the query.
    let cnpj = sheet["taxid"].as_str().unwrap().to_string();
    let masked = mask(&cnpj);
    let (status, credit) = s.get(&ana, &format!("/api/mascate/v1/creditsheet/{cnpj}")).await;
    assert_eq!(status, 200, "{credit}");
    for path in [
        format!("/api/mascate/v1/creditsheet/{}", masked.replace('/', "%2F")),
        format!("/api/mascate/v1/creditsheet?taxid={}", masked.replace('/', "%2F")),
    ] {
        assert_eq!(s.get(&ana, &path).await, (200, credit.clone()), "{path}");
    }
    for (k, v) in sheet.as_object().unwrap() {
        assert_eq!(&credit[k], v, "{k}");
    }
    let (_, open) = s
        .get(&ana, &format!("/api/tgv/financialsecurities?customerid={code}&customerstore={store}&pageSize=1000"))
        .await;
    let open_sum: f64 = items(&open).iter().map(|b| num(&b["titlebalance"])).sum();
    assert!(close(num(&credit["openbills"]), open_sum), "{credit} vs {open_sum}");
    assert!(num(&credit["overduebills"]) <= num(&credit["openbills"]));

    // Wrong check digit, wrong length, letters: 400 with a message.
    let last_digit = cnpj.chars().last().unwrap().to_digit(10).unwrap();
    let wrong = format!("{}{}", &cnpj[..13], (last_digit + 1) % 10);
    for bad in [wrong.clone(), mask(&wrong).replace('/', "%2F"), "1234567890".into(), "11111111111".into()] {
        assert_400(&s, &ana, &format!("/api/mascate/v1/creditsheet/{bad}")).await;
    }
    assert_400(&s, &ana, "/api/mascate/v1/creditsheet?taxid=abc").await;
    assert_400(&s, &ana, "/api/mascate/v1/creditsheet").await;
    let (_, says) = s.get(&ana, &format!("/api/mascate/v1/creditsheet/{wrong}")).await;
    assert!(says["message"].as_str().unwrap().contains("dígito verificador"), "{says}");

    // Another seller's customer is unknown, exactly as a valid number nobody has.
    let (status, theirs) = s.get(&bruno, &format!("/api/mascate/v1/creditsheet/{cnpj}")).await;
    let (_, nobody) = s.get(&ana, &format!("/api/mascate/v1/creditsheet/{}", unused_cnpj())).await;
    assert_eq!((status, &theirs), (404, &nobody));
    let (status, _) = s.get(&bruno, &format!("/api/mascate/v1/customers/{code}/{store}/financialsheet")).await;
    assert_eq!(status, 404);
    assert_400(&s, &ana, "/api/mascate/v1/customers/0000021/01/financialsheet").await;
}
