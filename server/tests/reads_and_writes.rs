//! Reads that don't wait on writes, over real HTTP and SQLite in WAL: a write held open does
//! not stall a reader, and a `po_sync_date` handed out while a write is in flight still
//! brings that write in the next diff (the stamp rule with one writer and many readers).

mod support;

use std::sync::mpsc;
use std::time::Duration;

use support::{column, TestServer};
use tokio::sync::oneshot;

/// Starts a write that stamps customer 000002/01 with `name`, then holds its transaction
/// open until `release` is sent. Returns once the row is written (uncommitted).
async fn held_write(s: &TestServer, name: &'static str) -> (mpsc::Sender<()>, tokio::task::JoinHandle<()>) {
    let (release, hold) = mpsc::channel::<()>();
    let (started, running) = oneshot::channel::<()>();
    let db = s.state.db.clone();
    let write = tokio::spawn(async move {
        db.write(move |tx| {
            tx.conn.execute(
                "UPDATE customers SET name = ?1, stamp = ?2 WHERE code = '000002' AND store = '01'",
                rusqlite::params![name, tx.stamp()],
            )?;
            let _ = started.send(());
            let _ = hold.recv_timeout(Duration::from_secs(30));
            Ok(())
        })
        .await
        .unwrap()
    });
    running.await.unwrap();
    (release, write)
}

#[tokio::test]
async fn a_write_held_open_does_not_stall_a_reader() {
    let s = TestServer::start().await;
    let t = s.token("ana").await;
    let (release, write) = held_write(&s, "SLOW WRITE LTDA").await;
    let read = tokio::time::timeout(Duration::from_secs(5), s.get(&t, "/api/tgv/customers/000002/01")).await;
    let (status, body) = read.expect("the read is answered while the write is open");
    assert_eq!(status, 200);
    assert_ne!(body["name"], "SLOW WRITE LTDA", "it reads the last committed state");
    release.send(()).unwrap();
    write.await.unwrap();
    let (_, body) = s.get(&t, "/api/tgv/customers/000002/01").await;
    assert_eq!(body["name"], "SLOW WRITE LTDA");
}

#[tokio::test]
async fn a_sync_date_handed_out_during_a_write_brings_that_write_in_the_next_diff() {
    let s = TestServer::start().await;
    let t = s.token("ana").await;
    s.select_customers(&t, &["00000201"]).await;
    let (release, write) = held_write(&s, "WRITTEN DURING THE READ").await;
    let read = tokio::time::timeout(Duration::from_secs(5), s.get(&t, "/api/tgv/customers/sync")).await;
    let (status, full) = read.expect("the full load is answered while the write is open");
    assert_eq!(status, 200);
    assert_ne!(column(&full, "name"), ["WRITTEN DURING THE READ"], "the write is not in this read");
    let mark = full["po_sync_date"].as_str().unwrap().to_string();
    release.send(()).unwrap();
    write.await.unwrap();
    let (_, diff) = s.get(&t, &format!("/api/tgv/customers/sync/diff/{mark}")).await;
    assert_eq!(column(&diff, "name"), ["WRITTEN DURING THE READ"], "the next diff brings it");
}
