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
use crate::error::{ApiError, ApiResult};
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

/// The most lines of a document: `C6_ITEM`/`CK_ITEM` are 2 characters numbered by `Soma1`
/// (`01`…`99`, then `A0`…`ZZ`), 1,295 numbers.
pub const MAX_ITEMS: usize = 36 * 36 - 1;

/// One line at the dictionary's widths as JSON, with room to spare: its property names
/// (~115 bytes), `itemid` C(2), `productid` (`B1_COD`) C(15), `description` (`C6_DESCRI`)
/// C(30) in characters of up to 3 bytes, `deliverydate` (10), `customerorder` C(15), and
/// numbers at their widths (`C6_QTDVEN` N(9,2), `C6_PRUNIT`/`C6_PRCVEN` N(12,2),
/// `C6_DESCONT` N(5,2)): 320 bytes compact; 400 leaves room for a space after each colon
/// and comma.
pub const LINE_BYTES: usize = 400;

/// The header and the envelope (`id`, `source`): some twenty fields of at most 120
/// characters (`C5_MENNOTA`), and room for the free-text comment.
pub const HEADER_BYTES: usize = 16 * 1024;

/// The largest integration-queue body accepted: the largest document the ERP can hold,
/// [`MAX_ITEMS`] lines at their widths (534,384 bytes, about 522 KB).
pub const BODY_LIMIT: usize = HEADER_BYTES + MAX_ITEMS * LINE_BYTES;

/// The most queue rows in one page of the listing and its diff, whatever `pageSize` asks:
/// a page is at most 20 × [`BODY_LIMIT`] (about 10 MB).
pub const MAX_PAGE_SIZE: usize = 20;

/// What one seller may hold in the queue (`--queue-quota-documents`, `--queue-quota-mb`):
/// every row of theirs counts until it is purged, waiting, processed or refused.
#[derive(Debug, Clone, Copy)]
pub struct Quota {
    pub documents: u64,
    pub bytes: u64,
}

impl Quota {
    pub fn of(config: &crate::Config) -> Quota {
        Quota { documents: config.queue_quota_documents, bytes: config.queue_quota_bytes }
    }
}

/// `n` as pt-BR writes it (`5.000`).
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

fn size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{} MB", thousands(bytes / (1024 * 1024)))
    } else {
        format!("{} KB", thousands(bytes.div_ceil(1024)))
    }
}

/// Refuses a body of `bytes` that would take the seller past the quota. A row replaced
/// counts once (its old body goes), and a replacement that does not grow is always taken.
fn check_quota(tx: &Tx, seller: &str, id: &str, bytes: u64, quota: Quota) -> ApiResult<()> {
    let (others, others_bytes, old): (u64, u64, Option<u64>) = tx.conn.query_row(
        "SELECT count(*) FILTER (WHERE id <> ?2), coalesce(sum(octet_length(json)) FILTER (WHERE id <> ?2), 0),
                max(CASE WHEN id = ?2 THEN octet_length(json) END)
         FROM integration_queue WHERE sellerid = ?1",
        rusqlite::params![seller, id],
        |r| Ok((r.get::<_, i64>(0)? as u64, r.get::<_, i64>(1)? as u64, r.get::<_, Option<i64>>(2)?.map(|n| n as u64))),
    )?;
    let kept = "este documento não foi gravado; os já enviados continuam na fila";
    if old.is_none() && others + 1 > quota.documents {
        return Err(ApiError::QueueFull(
            format!(
                "A fila de integração deste vendedor chegou ao limite de {} documentos: {kept}. Tente de novo \
                 mais tarde.",
                thousands(quota.documents)
            )
            .into(),
        ));
    }
    if others_bytes + bytes > quota.bytes && old.is_none_or(|old| bytes > old) {
        return Err(ApiError::QueueFull(
            format!(
                "A fila de integração deste vendedor chegou ao limite de {} em documentos: {kept}. Tente de novo \
                 mais tarde.",
                size(quota.bytes)
            )
            .into(),
        ));
    }
    Ok(())
}

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
/// seller's own: another seller's row with the same id is another row, untouched. Past the
/// seller's [`Quota`] nothing is written (507).
pub fn upsert(tx: &Tx, caller: &Caller, id: &str, body: &Value, operation: Operation, quota: Quota) -> ApiResult<bool> {
    let seller = caller.seller()?;
    let json = body.to_string();
    check_quota(tx, seller, id, json.len() as u64, quota)?;
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
            (":json", &json),
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
