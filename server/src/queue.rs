//! The integration queue (§10.2–10.4): documents written offline arrive here keyed by the
//! client's external id and become ERP documents in the background.
//!
//! Exactly once, by construction:
//! - a POST/PUT upserts the row by id and bumps its `received_at` (the row's revision), so a
//!   re-post never adds a row;
//! - the job claims a row (status 1) in one transaction, and applies the document, sets the
//!   status (2 or 3), records the number and writes the notification in another, which
//!   commits only if the row still has the revision it claimed; a row re-posted meanwhile
//!   is simply processed again;
//! - applying a body whose external id already made a document updates that document
//!   instead of inserting, so one id never makes two documents;
//! - on start-up a row left at 1 by a crash has not been applied (the apply transaction
//!   never committed): it goes back to 0, or to 3 if it has been stuck for 10 minutes.
//!
//! This is the engine; the HTTP side is [`crate::routes::queue`]. The job ([`job`]) takes waiting rows round-robin by seller, so one seller's thousands
//! never starve another's few, and as fast as the engine goes unless `--queue-delay-ms`
//! asks for a pause (to show "waiting" and "processing" in a demo). A document's body is at
//! most [`BODY_LIMIT`]; finished rows are purged after `--queue-retention-days`.

pub mod job;

pub use job::{drain, recover, start};

use serde_json::Value;

use crate::auth::Caller;
use crate::db::Tx;
use crate::erp::Operation;
use crate::error::ApiResult;
use crate::json;
use crate::listing::{Entity, Kind};
use crate::sync::SyncSource;

use Kind::{Flag, Text};

pub static QUEUE: Entity = Entity {
    table: "integration_queue_view",
    columns: &[
        ("internalid", Text),
        ("branchid", Text),
        ("id", Text),
        ("status", Text),
        ("json", Text),
        ("jsonerror", Text),
        ("source", Text),
        ("documentnumber", Text),
        ("deleted", Flag),
    ],
    fixed: &["id"],
    default_order: "status, received_at, id",
    virtuals: &[],
};

/// Going beyond Protheus (which lists the whole branch): each seller sees their own rows.
pub static QUEUE_SYNC: SyncSource =
    SyncSource { entity: &QUEUE, selection: None, seller_scope: Some("sellerid = ?"), diff_live_only: false };

/// The largest integration-queue body accepted (a 500-line order is about 150 KB).
pub const BODY_LIMIT: usize = 512 * 1024;

/// `C6_ITEM`/`CK_ITEM` are 2 characters numbered by `Soma1` (`01`…`99`, `A0`…`ZZ`).
pub const MAX_ITEMS: usize = 36 * 36 - 1;

/// The most queue rows in one page of the listing.
pub const MAX_PAGE_SIZE: usize = 1000;

/// The longest external id accepted (it must fit `C5_NUMEXT`, `CJ_NUMEXT` and `A1T_NUM`).
pub const MAX_ID_LEN: usize = 50;

/// The stored `json` as an object (it may come as a string, as A1T_JRECEB is read back).
pub fn document_of(body: &Value) -> Option<Value> {
    match body.get("json") {
        Some(Value::String(s)) => serde_json::from_str(s).ok(),
        Some(v @ Value::Object(_)) => Some(v.clone()),
        _ => None,
    }
}

/// Upserts the caller's row and re-queues it; returns whether it was new. Rows are the
/// seller's own: another seller's row with the same id is another row, untouched.
pub fn upsert(tx: &Tx, caller: &Caller, id: &str, body: &Value, operation: Operation) -> ApiResult<bool> {
    let seller = caller.seller()?;
    let existed = tx.exists_named(
        "SELECT 1 FROM integration_queue WHERE sellerid = :seller AND id = :id",
        &[(":seller", &seller), (":id", &id)],
    )?;
    let now = tx.clock.now_micros().max(tx.stamp());
    tx.execute_named(
        "INSERT INTO integration_queue(id, status, json, jsonerror, source, operation, userid, sellerid, received_at,
            processing_at, processed_at, stamp, created_at)
         VALUES (:id, '0', :json, '', :source, :operation, :user, :seller, :now, NULL, NULL, :stamp, :now)
         ON CONFLICT(sellerid, id) DO UPDATE SET status = '0', json = excluded.json, jsonerror = '',
            source = excluded.source, operation = excluded.operation, userid = excluded.userid,
            received_at = excluded.received_at, processing_at = NULL, processed_at = NULL, stamp = excluded.stamp,
            deleted = 0",
        &[
            (":id", &id),
            (":json", &body.to_string()),
            (":source", &json::text(body, "source")),
            (":operation", &operation.code()),
            (":user", &caller.user_id),
            (":seller", &seller),
            (":now", &now),
            (":stamp", &tx.stamp()),
        ],
    )?;
    Ok(!existed)
}
