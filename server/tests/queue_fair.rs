//! The queue job over real HTTP and SQLite: round-robin by seller (a seller's thousands do
//! not starve another's few), a body cap per document, and finished rows purged after the
//! retention.

mod support;

use serde_json::{json, Value};
use support::{order_body, queue_row, TestServer};

fn bruno_order(id: &str) -> Value {
    let mut body = order_body(id, "000007", &[("P00001", 1.0, 10.0)]);
    body["json"]["header"]["sellerid"] = json!("000002");
    body
}

/// When each row finished, by seller.
async fn finished_at(state: &mascate_server::AppState, seller: &'static str) -> Vec<i64> {
    state
        .db
        .write(move |tx| {
            let mut stmt = tx.conn.prepare(
                "SELECT processed_at FROM integration_queue WHERE sellerid = ?1 AND status IN ('2', '3')
                 ORDER BY processed_at",
            )?;
            let rows = stmt.query_map([seller], |r| r.get(0))?.collect::<rusqlite::Result<Vec<i64>>>()?;
            Ok(rows)
        })
        .await
        .unwrap()
}

#[tokio::test]
async fn a_seller_with_hundreds_of_documents_does_not_starve_one_with_three() {
    // Nothing is due while the scene is set: ana queues 300 orders, then bruno 3.
    let s = TestServer::start_with(|c| c.queue_delay_ms = 3_600_000).await;
    let (ana, bruno) = (s.token("ana").await, s.token("bruno").await);
    for n in 0..300 {
        let body = order_body(&format!("ANA-{n:03}"), "000002", &[("P00001", 1.0, 10.0)]);
        assert_eq!(s.send(reqwest::Method::POST, &ana, "/api/tgv/integrationqueue/", &body).await.0, 201);
    }
    for n in 0..3 {
        let body = bruno_order(&format!("BRUNO-{n}"));
        assert_eq!(s.send(reqwest::Method::POST, &bruno, "/api/tgv/integrationqueue/", &body).await.0, 201);
    }
    // The same database, a job that processes at once.
    let mut config = (*s.state.config).clone();
    config.queue_delay_ms = 0;
    let fast = mascate_server::AppState::open(config).unwrap();
    assert_eq!(mascate_server::queue::drain(&fast).await.unwrap(), 303);
    let (anas, brunos) = (finished_at(&fast, "000001").await, finished_at(&fast, "000002").await);
    assert_eq!((anas.len(), brunos.len()), (300, 3), "every row finished");
    assert!(
        brunos.last() < anas.last(),
        "bruno's last document is done before ana's last (round-robin, not first come first served)"
    );
    assert!(brunos.last() < anas.get(10), "bruno's three go within the first rounds");
    assert_eq!(queue_row(&s, &bruno, "BRUNO-2").await["status"], "2");
}

#[tokio::test]
async fn a_document_body_past_the_cap_is_a_413_in_the_contracts_json() {
    let s = TestServer::start().await;
    let t = s.token("ana").await;
    let mut body = order_body("HUGE-1", "000002", &[("P00001", 1.0, 10.0)]);
    body["json"]["header"]["notemessage"] = json!("x".repeat(600 * 1024));
    let (status, res) = s.send(reqwest::Method::POST, &t, "/api/tgv/integrationqueue/", &body).await;
    assert_eq!(status, 413, "{}", res.to_string().chars().take(200).collect::<String>());
    assert_eq!(res["code"], 413);
    assert_eq!(queue_row(&s, &t, "HUGE-1").await, Value::Null, "nothing stored");
}

#[tokio::test]
async fn finished_rows_are_purged_after_the_retention() {
    let s = TestServer::start_with(|c| c.queue_delay_ms = 0).await;
    let t = s.token("ana").await;
    for id in ["OLD-1", "NEW-1"] {
        s.send(reqwest::Method::POST, &t, "/api/tgv/integrationqueue/", &order_body(id, "000002", &[])).await;
        support::settled(&s, &t, id).await;
    }
    // OLD-1 finished 40 days ago.
    s.state
        .db
        .write(|tx| {
            tx.conn.execute(
                "UPDATE integration_queue SET processed_at = processed_at - 40 * 86400000000 WHERE id = 'OLD-1'",
                [],
            )?;
            Ok(())
        })
        .await
        .unwrap();
    // A restart (the job purges at start) with the default 30 days.
    let restarted = mascate_server::AppState::open((*s.state.config).clone()).unwrap();
    mascate_server::queue::start(restarted.clone());
    let mut gone = false;
    for _ in 0..100 {
        if queue_row(&s, &t, "OLD-1").await == Value::Null {
            gone = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(gone, "the row finished 40 days ago is purged");
    assert_eq!(queue_row(&s, &t, "NEW-1").await["status"], "3", "a recent one stays");
}
