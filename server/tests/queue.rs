//! The integration queue and the document engine over real HTTP and SQLite (§9.4, §10):
//! waiting → processing → done with an ERP number, refusals with the ERP's reason, credit
//! blocks, one document per external id (also under concurrent posts), crash recovery,
//! stuck rows, updates and deletes, the synchronous writes, implement and cancel.

mod support;

use std::time::Duration;

use serde_json::{json, Value};
use support::{column, fast, items, num, order_body, queue_row, settled, TestServer};

async fn orders_with_external(s: &TestServer, id: &'static str) -> i64 {
    s.state
        .db
        .write(move |tx| {
            Ok(tx.conn.query_row("SELECT count(*) FROM orders WHERE externalid = ?1", [id], |r| r.get(0))?)
        })
        .await
        .unwrap()
}

#[tokio::test]
async fn an_order_goes_waiting_processing_done_with_a_number_and_a_notification() {
    let s = TestServer::start_with(|c| c.queue_delay_ms = 300).await;
    let t = s.token("ana").await;
    let (_, before) = s.get(&t, "/api/tgv/salesorders/sync").await;
    let mark = before["po_sync_date"].as_str().unwrap().to_string();

    let body = order_body("TAB-0001", "000002", &[("P00001", 3.0, 10.0), ("P00002", 1.0, 5.5), ("P00010", 2.0, 7.0)]);
    let (status, echo) = s.send(reqwest::Method::POST, &t, "/api/tgv/integrationqueue/", &body).await;
    assert_eq!(status, 201);
    assert_eq!(echo, body, "the body is echoed");
    assert_eq!(queue_row(&s, &t, "TAB-0001").await["status"], "0", "waiting first");
    let mut seen_processing = false;
    for _ in 0..100 {
        if queue_row(&s, &t, "TAB-0001").await["status"] == "1" {
            seen_processing = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(seen_processing, "processing is visible for a moment");
    let row = settled(&s, &t, "TAB-0001").await;
    assert_eq!(row["status"], "2", "{row}");
    let number = row["documentnumber"].as_str().unwrap().to_string();
    assert_eq!(number.len(), 6);

    // The order is in today's filter: the next diff returns it with the client's id.
    let (_, diff) = s.get(&t, &format!("/api/tgv/salesorders/sync/diff/{mark}")).await;
    let got = items(&diff).iter().find(|o| o["externalid"] == "TAB-0001").expect("order in the diff").clone();
    assert_eq!(got["orderid"], number);
    assert!((num(&got["amount"]) - 49.5).abs() < 0.001, "{got}"); // 3×10 + 1×5.5 + 2×7
    let (_, lines) = s.get(&t, &format!("/api/tgv/salesorders/sync/items/diff/{mark}")).await;
    assert_eq!(items(&lines).iter().filter(|i| i["orderid"] == number.as_str()).count(), 3);
    assert_eq!(items(&lines)[0]["externalitemid"], "TAB-000101");

    let (_, notes) = s.get(&t, "/api/tgv/notifications/?FILTER=notificationstatus eq '1'&pageSize=100").await;
    assert!(column(&notes, "title").contains(&format!("Pedido incluído com sucesso: {number}")));
}

#[tokio::test]
async fn the_same_external_id_never_makes_two_orders_even_posted_concurrently() {
    let s = fast().await;
    let t = s.token("ana").await;
    let body = order_body("TAB-DUP", "000002", &[("P00001", 1.0, 10.0)]);
    let mut tasks = Vec::new();
    for _ in 0..10 {
        let (http, url, t, body) = (s.http.clone(), s.url("/api/tgv/integrationqueue/"), t.clone(), body.clone());
        tasks.push(tokio::spawn(
            async move { http.post(url).bearer_auth(t).json(&body).send().await.unwrap().status() },
        ));
    }
    let mut statuses = Vec::new();
    for task in tasks {
        statuses.push(task.await.unwrap().as_u16());
    }
    assert!(statuses.iter().all(|s| *s == 200 || *s == 201), "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == 201).count(), 1, "one creation, the rest re-queues");
    settled(&s, &t, "TAB-DUP").await;
    // Re-sent after it was done (a lost response): still one order.
    s.send(reqwest::Method::POST, &t, "/api/tgv/integrationqueue/", &body).await;
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(settled(&s, &t, "TAB-DUP").await["status"], "2");
    assert_eq!(orders_with_external(&s, "TAB-DUP").await, 1);
}

#[tokio::test]
async fn a_rejected_order_keeps_the_reason_and_notifies_the_seller() {
    let s = fast().await;
    let t = s.token("ana").await;
    // P99901 has no outflow type (TES).
    let body = order_body("TAB-BAD", "000002", &[("P00001", 1.0, 10.0), ("P99901", 2.0, 49.9)]);
    s.send(reqwest::Method::POST, &t, "/api/tgv/integrationqueue/", &body).await;
    let row = settled(&s, &t, "TAB-BAD").await;
    assert_eq!(row["status"], "3");
    let reason = row["jsonerror"].as_str().unwrap();
    assert!(reason.starts_with("A410VZ") && reason.contains("C6_TES") && reason.contains("P99901"), "{reason}");
    assert_eq!(orders_with_external(&s, "TAB-BAD").await, 0);
    let (_, notes) = s.get(&t, "/api/tgv/notifications/?pageSize=100").await;
    let note = items(&notes)
        .iter()
        .find(|n| n["title"] == "Falha ao incluir Pedido de venda" && n["notificationstatus"] == "1");
    let note = note.expect("an unread error notification");
    assert!(note["description"].as_str().unwrap().starts_with("PEDIDO TAB-BAD\r\nA410VZ"));
    assert_eq!(note["movimentationstatus"], 10);

    // Fixed and re-sent under the same id: accepted.
    let fixed = order_body("TAB-BAD", "000002", &[("P00001", 1.0, 10.0)]);
    s.send(reqwest::Method::POST, &t, "/api/tgv/integrationqueue/", &fixed).await;
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert_eq!(settled(&s, &t, "TAB-BAD").await["status"], "2");

    // Other refusals: a blocked customer, a blocked product, another seller's customer.
    for (id, customer, product, words) in [
        ("TAB-B1", "000005", "P00001", "REGBLOQ"),
        ("TAB-B2", "000002", "P99902", "REGBLOQ"),
        ("TAB-B3", "000007", "P00001", "não pertence"),
    ] {
        s.send(
            reqwest::Method::POST,
            &t,
            "/api/tgv/integrationqueue/",
            &order_body(id, customer, &[(product, 1.0, 1.0)]),
        )
        .await;
        let row = settled(&s, &t, id).await;
        assert_eq!(row["status"], "3");
        assert!(row["jsonerror"].as_str().unwrap().contains(words), "{id}: {row}");
    }
}

#[tokio::test]
async fn over_the_credit_limit_the_order_is_created_blocked() {
    let s = fast().await;
    let t = s.token("ana").await;
    let body = order_body("TAB-BIG", "000006", &[("P00001", 1000.0, 100.0)]);
    s.send(reqwest::Method::POST, &t, "/api/tgv/integrationqueue/", &body).await;
    let row = settled(&s, &t, "TAB-BIG").await;
    assert_eq!(row["status"], "2");
    let number = row["documentnumber"].as_str().unwrap();
    let (_, order) = s.get(&t, &format!("/api/tgv/salesorders/{number}")).await;
    assert_eq!(order["blockreason"], "credit");
    let (_, notes) = s.get(&t, "/api/tgv/notifications/?pageSize=100").await;
    assert!(column(&notes, "description").iter().any(|d| d.contains(number) && d.contains("crédito")));
}

#[tokio::test]
async fn updates_need_the_erp_number_and_deletes_need_a_document() {
    let s = fast().await;
    let t = s.token("ana").await;
    s.send(
        reqwest::Method::POST,
        &t,
        "/api/tgv/integrationqueue/",
        &order_body("TAB-UPD", "000002", &[("P00001", 1.0, 10.0)]),
    )
    .await;
    let number = settled(&s, &t, "TAB-UPD").await["documentnumber"].as_str().unwrap().to_string();

    // An update with the number: item 01 changed, 02 added.
    let mut body = order_body("TAB-UPD", "000002", &[("P00001", 4.0, 10.0), ("P00003", 1.0, 2.0)]);
    body["json"]["header"]["orderid"] = json!(number);
    body["json"]["items"][0]["itemid"] = json!("01");
    let (status, _) = s.send(reqwest::Method::PUT, &t, "/api/tgv/integrationqueue/TAB-UPD", &body).await;
    assert_eq!(status, 200);
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert_eq!(settled(&s, &t, "TAB-UPD").await["status"], "2");
    let (_, lines) = s.get(&t, &format!("/api/tgv/salesorders/{number}/items")).await;
    assert_eq!(column(&lines, "itemid"), ["01", "02"]);
    assert_eq!(num(&items(&lines)[0]["quantity"]), 4.0);
    assert_eq!(orders_with_external(&s, "TAB-UPD").await, 1);

    // Delete through the queue, then the id names nothing.
    let (status, echo) = s.send(reqwest::Method::DELETE, &t, "/api/tgv/integrationqueue/TAB-UPD", &json!({})).await;
    assert_eq!(status, 200);
    assert_eq!(echo["deleted"], true);
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert_eq!(settled(&s, &t, "TAB-UPD").await["status"], "2");
    assert_eq!(s.get(&t, &format!("/api/tgv/salesorders/{number}")).await.0, 404);
    let (status, _) = s.send(reqwest::Method::DELETE, &t, "/api/tgv/integrationqueue/NOTHING", &json!({})).await;
    assert_eq!(status, 400);

    // Bad bodies.
    let (status, err) =
        s.send(reqwest::Method::POST, &t, "/api/tgv/integrationqueue/", &json!({"source": "MATA410"})).await;
    assert_eq!((status, err["message"].as_str().unwrap()), (400, "Identificador do Registro não informado"));
}

#[tokio::test]
async fn queue_rows_belong_to_their_seller() {
    let s = fast().await;
    let ana = s.token("ana").await;
    let bruno = s.token("bruno").await;
    s.send(
        reqwest::Method::POST,
        &ana,
        "/api/tgv/integrationqueue/",
        &order_body("TAB-ANA", "000002", &[("P00001", 1.0, 1.0)]),
    )
    .await;
    let anas = settled(&s, &ana, "TAB-ANA").await;
    assert_eq!(queue_row(&s, &bruno, "TAB-ANA").await, Value::Null);
    // Bruno's post under ana's id is his own row: it takes nothing over.
    let (status, _) = s
        .send(
            reqwest::Method::POST,
            &bruno,
            "/api/tgv/integrationqueue/",
            &order_body("TAB-ANA", "000007", &[("P00001", 1.0, 1.0)]),
        )
        .await;
    assert_eq!(status, 201, "answered as a new id");
    assert_eq!(settled(&s, &bruno, "TAB-ANA").await["status"], "3", "the id is ana's");
    assert_eq!(queue_row(&s, &ana, "TAB-ANA").await, anas, "ana's row untouched");
    assert_eq!(orders_with_external(&s, "TAB-ANA").await, 1);
}

#[tokio::test]
async fn a_restart_mid_queue_loses_nothing_and_processes_nothing_twice() {
    // A job so slow that nothing is claimed while we set the scene.
    let s = TestServer::start_with(|c| c.queue_delay_ms = 3_600_000).await;
    let t = s.token("ana").await;
    let ids = ["R-1", "R-2", "R-3", "R-4"];
    for id in ids {
        s.send(
            reqwest::Method::POST,
            &t,
            "/api/tgv/integrationqueue/",
            &order_body(id, "000002", &[("P00001", 1.0, 1.0)]),
        )
        .await;
    }
    // The crash: R-1 was claimed (processing) and its apply never committed.
    s.state
        .db
        .write(|tx| {
            tx.conn.execute(
                "UPDATE integration_queue SET status = '1', processing_at = ?1 WHERE id = 'R-1'",
                [tx.clock.now_micros()],
            )?;
            Ok(())
        })
        .await
        .unwrap();

    // The restart: the same database, a fresh server with a quick job.
    let mut config = (*s.state.config).clone();
    config.queue_delay_ms = 0;
    let restarted = mascate_server::AppState::open(config).unwrap();
    mascate_server::queue::recover(&restarted).unwrap();
    assert_eq!(mascate_server::queue::drain(&restarted).await.unwrap(), 4);
    assert_eq!(mascate_server::queue::drain(&restarted).await.unwrap(), 0, "nothing left, nothing twice");
    let per_id: Vec<(String, i64, String)> = restarted
        .db
        .write(|tx| {
            let mut stmt = tx.conn.prepare(
                "SELECT q.id, (SELECT count(*) FROM orders o WHERE o.externalid = q.id), q.status
                 FROM integration_queue q ORDER BY q.id",
            )?;
            let rows =
                stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?.collect::<rusqlite::Result<_>>()?;
            Ok(rows)
        })
        .await
        .unwrap();
    assert_eq!(per_id.len(), 4);
    assert!(per_id.iter().all(|(_, n, st)| *n == 1 && st == "2"), "{per_id:?}");
    let notes: i64 = restarted
        .db
        .write(|tx| {
            Ok(tx.conn.query_row(
                "SELECT count(*) FROM notifications n JOIN integration_queue q
                   ON n.title = 'Pedido incluído com sucesso: ' || q.documentnumber WHERE q.id LIKE 'R-%'",
                [],
                |r| r.get(0),
            )?)
        })
        .await
        .unwrap();
    assert_eq!(notes, 4, "one notification per document");
}

#[tokio::test]
async fn rows_stuck_processing_for_ten_minutes_become_errors() {
    let s = TestServer::start_with(|c| c.queue_delay_ms = 3_600_000).await;
    let t = s.token("ana").await;
    s.send(
        reqwest::Method::POST,
        &t,
        "/api/tgv/integrationqueue/",
        &order_body("STUCK", "000002", &[("P00001", 1.0, 1.0)]),
    )
    .await;
    s.state
        .db
        .write(|tx| {
            let eleven_minutes_ago = tx.clock.now_micros() - 11 * 60 * 1_000_000;
            tx.conn.execute(
                "UPDATE integration_queue SET status = '1', processing_at = ?1 WHERE id = 'STUCK'",
                [eleven_minutes_ago],
            )?;
            Ok(())
        })
        .await
        .unwrap();
    mascate_server::queue::drain(&s.state).await.unwrap();
    let row = queue_row(&s, &t, "STUCK").await;
    assert_eq!(row["status"], "3");
    assert_eq!(row["jsonerror"], "Ocorreu um erro no processamento do registro: STUCK");
    let (_, notes) = s.get(&t, "/api/tgv/notifications/?pageSize=100").await;
    assert!(column(&notes, "title").contains(&"Falha ao processar registro.".to_string()));
}

#[tokio::test]
async fn synchronous_writes_quotations_implement_and_cancel() {
    let s = fast().await;
    let t = s.token("ana").await;
    let header =
        json!({"customerid": "000002", "customerstore": "01", "paymentconditionid": "001", "pricelistid": "001"});
    let lines = json!([{"productid": "P00001", "quantity": 2, "unitprice": 10.0}, {"productid": "P00002", "quantity": "3", "unitprice": "1.5"}]);

    let (status, created) =
        s.send(reqwest::Method::POST, &t, "/api/tgv/salesorders/", &json!({"header": header, "items": lines})).await;
    assert_eq!(status, 201, "{created}");
    assert_eq!(created["messageSuccess"], "Pedido de venda incluído com sucesso.");
    let number = created["items"][0]["orderid"].as_str().unwrap().to_string();
    let (_, order) = s.get(&t, &format!("/api/tgv/salesorders/{number}")).await;
    assert!((num(&order["amount"]) - 24.5).abs() < 0.001);
    let (status, err) = s
        .send(
            reqwest::Method::POST,
            &t,
            "/api/tgv/salesorders/",
            &json!({"header": header, "items": [{"productid": "P00001"}]}),
        )
        .await;
    assert_eq!(status, 400);
    assert!(err["message"].as_str().unwrap().contains("Quantidade"));
    assert_eq!(s.send(reqwest::Method::DELETE, &t, &format!("/api/tgv/salesorders/{number}"), &json!({})).await.0, 200);

    // A quotation through the queue, then implemented into an order.
    let q = json!({"id": "Q-1", "source": "MATA415", "json": {"header": header, "items": lines}});
    s.send(reqwest::Method::POST, &t, "/api/tgv/integrationqueue/", &q).await;
    let budget = settled(&s, &t, "Q-1").await["documentnumber"].as_str().unwrap().to_string();
    let (_, quotation) = s.get(&t, &format!("/api/tgv/salesbudgets/{budget}")).await;
    assert_eq!((quotation["status"].as_str(), quotation["externalid"].as_str()), (Some("A"), Some("Q-1")));
    let (status, done) = s
        .send(reqwest::Method::POST, &t, "/api/tgv/salesbudgets/implement/", &json!({"header": {"budgetid": budget}}))
        .await;
    assert_eq!(status, 201, "{done}");
    assert_eq!(done["messageSuccess"], "Orçamento efetivado com sucesso.");
    let order_number = done["items"][0]["orderid"].as_str().unwrap();
    let (_, order_lines) = s.get(&t, &format!("/api/tgv/salesorders/{order_number}/items")).await;
    assert_eq!(items(&order_lines).len(), 2);
    let (_, quotation) = s.get(&t, &format!("/api/tgv/salesbudgets/{budget}")).await;
    assert_eq!(quotation["status"], "B");
    let (status, _) = s
        .send(reqwest::Method::POST, &t, "/api/tgv/salesbudgets/cancel/", &json!({"header": {"budgetid": budget}}))
        .await;
    assert_eq!(status, 400, "a converted quotation cannot be cancelled");

    // Another quotation, cancelled; carla cannot touch Ana's.
    let (_, other) =
        s.send(reqwest::Method::POST, &t, "/api/tgv/salesbudgets/", &json!({"header": header, "items": lines})).await;
    let other = other["items"][0]["budgetid"].as_str().unwrap().to_string();
    let carla = s.token("carla").await;
    let cancel = json!({"header": {"budgetid": other}});
    assert_eq!(s.send(reqwest::Method::POST, &carla, "/api/tgv/salesbudgets/cancel/", &cancel).await.0, 404);
    assert_eq!(s.send(reqwest::Method::POST, &t, "/api/tgv/salesbudgets/cancel/", &cancel).await.0, 201);
    let (_, cancelled) = s.get(&t, &format!("/api/tgv/salesbudgets/{other}")).await;
    assert_eq!(cancelled["status"], "C");
}
