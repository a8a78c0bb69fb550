//! The queue's background job: turns waiting rows into ERP documents, fairly and fast.
//!
//! - **Fair.** Waiting rows are taken round-robin by seller (each seller's oldest first, the
//!   rotation going on from the last seller served), so a seller with thousands of documents
//!   never makes another wait behind them.
//! - **Fast.** With no delay configured, rows go straight from waiting to done in batches:
//!   one write transaction per batch, a savepoint per document, so a document whose apply
//!   fails inside the database is rolled back alone and ends in error, and the batch goes on.
//!   The job's commits are `synchronous=NORMAL`: a power cut can only roll a batch back whole,
//!   rows and documents together, and the batch then runs again.
//! - **Visible, on demand.** With `--queue-delay-ms`, each row waits that long, is claimed
//!   ("processing", status 1), waits again and is then finished, as a demo wants to show.
//! - **Tidy.** Finished rows (2 or 3) are purged `--queue-retention-days` after they finished.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use rusqlite::{named_params, OptionalExtension};
use serde_json::Value;

use super::document_of;
use crate::db::{Durability, Tx};
use crate::erp::{self, Operation, Routine};
use crate::error::ApiResult;
use crate::state::AppState;

/// Rows processing for longer than this are turned into errors (§10.4).
pub const STUCK_AFTER_MICROS: i64 = 10 * 60 * 1_000_000;

/// Documents applied per write transaction on the fast path.
const BATCH: usize = 64;

/// One row taken for processing.
struct Row {
    seller: String,
    id: String,
    /// `received_at` when taken: the row's revision (a re-post changes it).
    revision: i64,
    /// When the row first arrived: the id is the seller's from then on.
    created_at: i64,
}

/// Up to `max` waiting rows due by `due`, round-robin by seller starting after `last`.
fn take_fairly(tx: &Tx, due: i64, max: usize, last: &mut Option<String>) -> ApiResult<Vec<Row>> {
    let mut sellers: Vec<String> = tx
        .conn
        .prepare_cached(
            "SELECT DISTINCT sellerid FROM integration_queue WHERE status = '0' AND received_at <= :due
             ORDER BY sellerid",
        )?
        .query_map(named_params! {":due": due}, |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if sellers.is_empty() {
        return Ok(Vec::new());
    }
    if let Some(last) = last.as_ref() {
        let next = sellers.iter().position(|s| s > last).unwrap_or(0);
        sellers.rotate_left(next);
    }
    let per_seller = max.div_ceil(sellers.len());
    let mut oldest = tx.conn.prepare_cached(
        "SELECT sellerid, id, received_at, created_at FROM integration_queue
         WHERE status = '0' AND sellerid = :seller AND received_at <= :due
         ORDER BY received_at, id LIMIT :n",
    )?;
    let mut queues: Vec<std::vec::IntoIter<Row>> = Vec::with_capacity(sellers.len());
    for seller in &sellers {
        let rows: Vec<Row> = oldest
            .query_map(named_params! {":seller": seller, ":due": due, ":n": per_seller as i64}, |r| {
                Ok(Row { seller: r.get(0)?, id: r.get(1)?, revision: r.get(2)?, created_at: r.get(3)? })
            })?
            .collect::<rusqlite::Result<_>>()?;
        queues.push(rows.into_iter());
    }
    let mut out = Vec::with_capacity(max);
    'rounds: loop {
        let mut any = false;
        for q in queues.iter_mut() {
            if let Some(row) = q.next() {
                any = true;
                out.push(row);
                if out.len() == max {
                    break 'rounds;
                }
            }
        }
        if !any {
            break;
        }
    }
    *last = out.last().map(|r| r.seller.clone());
    Ok(out)
}

/// Applies a row that is still at `status` with the revision it was taken at; writes the
/// ERP's notification and the row's outcome. A row re-posted since is left for its next turn.
fn finish(tx: &Tx, row: &Row, status: &str) -> ApiResult<()> {
    let found: Option<(String, String, String, String)> = tx
        .conn
        .query_row(
            "SELECT json, source, operation, userid FROM integration_queue
             WHERE sellerid = :seller AND id = :id AND status = :status AND received_at = :revision",
            named_params! {":seller": row.seller, ":id": row.id, ":status": status, ":revision": row.revision},
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    let Some((raw, source, operation, userid)) = found else { return Ok(()) };
    let operation = Operation::from_code(&operation);
    let Some(routine) = Routine::from_source(&source) else {
        // Any other routine is marked done without doing anything (§10.4).
        return mark(tx, &row.seller, &row.id, "2", "", "");
    };
    let document = serde_json::from_str::<Value>(&raw).ok().and_then(|b| document_of(&b));
    let request = erp::Request { seller: &row.seller, external_id: &row.id, queued_at: Some(row.created_at) };
    // A delete names its document by the external id alone.
    let body = match (operation, document.as_ref().map(erp::read)) {
        (Operation::Delete, _) => Ok(Default::default()),
        (_, None) => Err(erp::Refused("Falha ao converter campo JsonRecebido.".into())),
        (_, Some(read)) => read,
    };
    let outcome = match body {
        Ok(body) => erp::run(tx, routine, operation, &request, &body)?,
        Err(refused) => Err(refused),
    };
    let (title, description, movement) = erp::notice(routine, operation, &row.id, &outcome);
    let kind = if routine == Routine::Order { "1" } else { "3" };
    erp::write_notification(tx, &userid, &title, &description, kind, movement)?;
    match outcome {
        Ok(done) => {
            tracing::info!(document = %row.id, seller = %row.seller, number = %done.number, "queue: accepted");
            mark(tx, &row.seller, &row.id, "2", "", &done.number)
        }
        Err(erp::Refused(reason)) => {
            tracing::info!(document = %row.id, seller = %row.seller, %reason, "queue: refused");
            mark(tx, &row.seller, &row.id, "3", &reason, "")
        }
    }
}

fn mark(tx: &Tx, seller: &str, id: &str, status: &str, error: &str, number: &str) -> ApiResult<()> {
    tx.execute_named(
        "UPDATE integration_queue SET status = :status, jsonerror = :error,
            documentnumber = CASE WHEN :number = '' THEN documentnumber ELSE :number END, processed_at = :now,
            stamp = :stamp
         WHERE sellerid = :seller AND id = :id",
        &[
            (":status", &status),
            (":error", &error),
            (":number", &number),
            (":now", &tx.clock.now_micros()),
            (":stamp", &tx.stamp()),
            (":seller", &seller),
            (":id", &id),
        ],
    )?;
    Ok(())
}

/// A row whose apply failed inside the database (not a refusal) ends in error with a reason
/// the seller can act on, instead of waiting "processing" for ten minutes.
fn failed(tx: &Tx, row: &Row, cause: &dyn std::fmt::Display) -> ApiResult<()> {
    tracing::error!(document = %row.id, seller = %row.seller, %cause, "queue: apply failed; the row ends in error");
    let unchanged = tx.exists_named(
        "SELECT 1 FROM integration_queue WHERE sellerid = :seller AND id = :id AND received_at = :revision
            AND status IN ('0', '1')",
        &[(":seller", &row.seller), (":id", &row.id), (":revision", &row.revision)],
    )?;
    if !unchanged {
        return Ok(()); // re-posted meanwhile: its next turn will tell
    }
    let reason = format!("Ocorreu um erro no processamento do registro: {}. Reenvie o documento.", row.id);
    mark(tx, &row.seller, &row.id, "3", &reason, "")
}

/// The fast path: one batch in one transaction, a savepoint per document.
fn apply_batch(tx: &Tx, due: i64, last: &mut Option<String>) -> ApiResult<usize> {
    let rows = take_fairly(tx, due, BATCH, last)?;
    for row in &rows {
        tx.conn.execute_batch("SAVEPOINT document")?;
        match finish(tx, row, "0") {
            Ok(()) => tx.conn.execute_batch("RELEASE document")?,
            // A full disk is no fault of the document: the batch is given up whole (SQLite may
            // have rolled the transaction back already) and its rows wait for the next turn.
            Err(e) if e.is_storage_full() || tx.conn.is_autocommit() => return Err(e),
            Err(e) => {
                tx.conn.execute_batch("ROLLBACK TO document; RELEASE document")?;
                failed(tx, row, &e)?;
            }
        }
    }
    Ok(rows.len())
}

/// Rows processing for too long become errors, and their sellers are told (§10.4).
fn fail_stuck(tx: &Tx) -> ApiResult<usize> {
    let cutoff = tx.clock.now_micros() - STUCK_AFTER_MICROS;
    let stuck: Vec<(String, String, String)> = tx
        .conn
        .prepare_cached(
            "SELECT sellerid, id, userid FROM integration_queue WHERE status = '1' AND processing_at < :cutoff",
        )?
        .query_map(named_params! {":cutoff": cutoff}, |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (seller, id, user) in &stuck {
        tracing::warn!(document = %id, %seller, "queue: stuck processing for 10 minutes; the row ends in error");
        let reason = format!("Ocorreu um erro no processamento do registro: {id}");
        mark(tx, seller, id, "3", &reason, "")?;
        erp::write_notification(tx, user, "Falha ao processar registro.", &reason, "1", 10)?;
    }
    Ok(stuck.len())
}

/// Deletes finished rows older than the retention, a slice at a time; how many.
pub fn purge(tx: &Tx, retention_days: i64) -> ApiResult<usize> {
    let cutoff = tx.clock.now_micros() - retention_days.max(0) * 86_400 * 1_000_000;
    Ok(tx.conn.execute(
        "DELETE FROM integration_queue WHERE rowid IN (
            SELECT rowid FROM integration_queue WHERE status IN ('2', '3') AND processed_at < :cutoff LIMIT 5000)",
        named_params! {":cutoff": cutoff},
    )?)
}

/// Start-up: what a crash left processing was not applied; queue it again (or fail it if stuck).
pub fn recover(state: &AppState) -> ApiResult<()> {
    state.db.write_blocking(|tx| {
        fail_stuck(tx)?;
        tx.conn.execute(
            "UPDATE integration_queue SET status = '0', processing_at = NULL, stamp = :stamp WHERE status = '1'",
            named_params! {":stamp": tx.stamp()},
        )?;
        Ok(())
    })
}

/// Where the rotation stands between drains.
static LAST_SELLER: Mutex<Option<String>> = Mutex::new(None);

/// Processes every row that is due; returns how many were taken.
pub async fn drain(state: &AppState) -> ApiResult<usize> {
    let delay_ms = state.config.queue_delay_ms.max(0);
    let mut n = 0;
    loop {
        let last = LAST_SELLER.lock().unwrap_or_else(|p| p.into_inner()).clone();
        let (taken, last) = if delay_ms == 0 {
            state
                .db
                .write_with(Durability::Normal, move |tx| {
                    let mut last = last;
                    let due = tx.clock.now_micros();
                    Ok((apply_batch(tx, due, &mut last)?, last))
                })
                .await?
        } else {
            slow_step(state, delay_ms, last).await?
        };
        *LAST_SELLER.lock().unwrap_or_else(|p| p.into_inner()) = last;
        if taken == 0 {
            break;
        }
        n += taken;
    }
    state.db.write_with(Durability::Normal, fail_stuck).await?;
    Ok(n)
}

/// The demo path: claim one row fairly, let "processing" show, then finish it.
async fn slow_step(state: &AppState, delay_ms: i64, last: Option<String>) -> ApiResult<(usize, Option<String>)> {
    let (row, last) = state
        .db
        .write_with(Durability::Normal, move |tx| {
            let mut last = last;
            let due = tx.clock.now_micros() - delay_ms * 1000;
            let Some(row) = take_fairly(tx, due, 1, &mut last)?.pop() else { return Ok((None, last)) };
            tx.execute_named(
                "UPDATE integration_queue SET status = '1', processing_at = :now, stamp = :stamp
                 WHERE sellerid = :seller AND id = :id",
                &[
                    (":now", &tx.clock.now_micros()),
                    (":stamp", &tx.stamp()),
                    (":seller", &row.seller),
                    (":id", &row.id),
                ],
            )?;
            Ok((Some(row), last))
        })
        .await?;
    let Some(row) = row else { return Ok((0, last)) };
    tokio::time::sleep(Duration::from_millis(delay_ms as u64)).await;
    let row = Arc::new(row);
    let applying = row.clone();
    match state.db.write_with(Durability::Normal, move |tx| finish(tx, &applying, "1")).await {
        Ok(()) => {}
        // Not the document's fault: it stays claimed, and is finished once there is room
        // (or ends in error as stuck, like any claim never finished).
        Err(e) if e.is_storage_full() => return Err(e),
        Err(e) => state.db.write_with(Durability::Normal, move |tx| failed(tx, &row, &e)).await?,
    }
    Ok((1, last))
}

/// How long the job waits after its `failures`-th failed turn in a row: half a second,
/// doubling, at most 30 seconds.
fn retry_after(failures: u32) -> Duration {
    Duration::from_millis(500u64.saturating_mul(1 << failures.saturating_sub(1).min(6)).min(30_000))
}

/// Starts the background job: woken by every queue write, and every half second; purges
/// finished rows at start and then hourly. After a failed turn it waits longer each time (see
/// [`retry_after`]).
pub fn start(state: AppState) {
    if let Err(e) = recover(&state) {
        tracing::error!(cause = %e, "queue: recovery failed");
    }
    tokio::spawn(async move {
        let mut next_purge = tokio::time::Instant::now();
        let mut failures = 0u32;
        loop {
            if tokio::time::Instant::now() >= next_purge {
                let days = state.config.queue_retention_days;
                match state.db.write_with(Durability::Normal, move |tx| purge(tx, days)).await {
                    Ok(0) => next_purge += Duration::from_secs(3600),
                    Ok(n) => tracing::info!(rows = n, "queue: finished rows purged"), // more next turn
                    Err(e) => {
                        tracing::error!(cause = %e, "queue: purge failed");
                        next_purge += Duration::from_secs(3600);
                    }
                }
            }
            match drain(&state).await {
                Ok(_) => failures = 0,
                Err(e) => {
                    failures += 1;
                    let pause = retry_after(failures);
                    tracing::error!(cause = %e, failures, retry_in_ms = pause.as_millis() as u64, "queue: drain failed");
                    // The whole pause (a full disk, say): a write's wake-up would only fail
                    // the same way, and the log would fill with it.
                    tokio::time::sleep(pause).await;
                    continue;
                }
            }
            tokio::select! {
                _ = state.queue_wake.notified() => {}
                _ = tokio::time::sleep(Duration::from_millis(500)) => {}
            }
        }
    });
}

#[cfg(test)]
mod tests;
