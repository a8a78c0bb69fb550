//! The job on a real SQLite file: a full disk, and the pause after failed turns.

use std::path::PathBuf;

use super::*;
use crate::auth::Caller;
use crate::config::Config;

/// A seeded database of its own, with no job running on it.
fn state() -> (tempfile::TempDir, AppState) {
    let dir = tempfile::tempdir().unwrap();
    let config = Config {
        data_dir: dir.path().join("data"),
        fixtures_dir: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fixtures"),
        ..Config::default()
    };
    (dir, AppState::open(config).unwrap())
}

/// `n` orders of Ana's waiting in the queue, queued as the queue's POST queues them.
fn queue_orders(tx: &Tx, n: usize) -> ApiResult<()> {
    let ana = Caller {
        user_id: "000101".into(),
        name: String::new(),
        email: String::new(),
        seller: Some("000001".into()),
        is_admin: false,
    };
    for i in 0..n {
        let id = format!("FULL-{i:03}");
        let body = serde_json::json!({"id": id, "source": "MATA410", "json": {
            "header": {"externalid": id, "customerid": "000002", "customerstore": "01",
                "paymentconditionid": "002", "pricelistid": "001", "ordertype": "N", "sellerid": "000001"},
            "items": [{"productid": "P00001", "quantity": 2, "unitprice": 10.0, "pricelist": 10.0}]}});
        crate::queue::upsert(
            tx,
            &ana,
            &id,
            &body,
            Operation::Insert,
            crate::queue::Quota::of(&crate::Config::default()),
        )?;
    }
    Ok(())
}

fn count(state: &AppState, status: &str) -> i64 {
    let status = status.to_string();
    state
        .db
        .write_blocking(move |tx| {
            Ok(tx.conn.query_row("SELECT count(*) FROM integration_queue WHERE status = ?1", [status], |r| r.get(0))?)
        })
        .unwrap()
}

/// Caps the database at its present size (`grow`: lifts the cap) and runs one batch.
fn batch_with_disk(state: &AppState, grow: bool) -> ApiResult<usize> {
    state.db.write_blocking(move |tx| {
        let pages: i64 = tx.conn.query_row("PRAGMA page_count", [], |r| r.get(0))?;
        let cap = if grow { 1 << 30 } else { pages };
        tx.conn.query_row(&format!("PRAGMA max_page_count = {cap}"), [], |_| Ok(()))?;
        apply_batch(tx, i64::MAX, &mut None)
    })
}

#[test]
fn a_full_disk_leaves_the_batch_waiting_and_it_goes_through_once_there_is_room() {
    let (_dir, state) = state();
    state.db.write_blocking(|tx| queue_orders(tx, 40)).unwrap();

    let full = batch_with_disk(&state, false).unwrap_err();
    // The cause, not a consequence of it (it was "no such savepoint: document").
    assert!(full.is_storage_full(), "{full}");
    assert!(full.cause().as_deref().is_some_and(|c| c.contains("full")), "{full}");
    // No document blamed for it: every one still waits, none ended in error.
    assert_eq!(count(&state, "0"), 40);
    assert_eq!(count(&state, "3"), 0);

    assert_eq!(batch_with_disk(&state, true).unwrap(), 40);
    assert_eq!(count(&state, "2"), 40);
}

#[test]
fn after_failures_the_job_waits_longer_each_time_up_to_half_a_minute() {
    let waits: Vec<u64> = (1..=10).map(|n| retry_after(n).as_millis() as u64).collect();
    assert_eq!(waits, [500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000, 30_000]);
}
