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

use std::time::Duration;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use rusqlite::{named_params, OptionalExtension};
use serde_json::{json, Value};

use crate::auth::Caller;
use crate::db::Tx;
use crate::erp::{self, Operation, Routine};
use crate::error::{ApiError, ApiResult};
use crate::json;
use crate::listing::{self, Entity, Kind, ListParams, Where};
use crate::sync::SyncSource;
use crate::AppState;

use Kind::{Flag, Text};

/// Rows processing for longer than this are turned into errors (§10.4).
pub const STUCK_AFTER_MICROS: i64 = 10 * 60 * 1_000_000;

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

/// The longest external id accepted (it must fit `C5_NUMEXT`, `CJ_NUMEXT` and `A1T_NUM`).
pub const MAX_ID_LEN: usize = 50;

fn parse(body: &[u8]) -> ApiResult<Value> {
    let v: Value = serde_json::from_slice(body).map_err(|_| ApiError::invalid_body())?;
    if !v.is_object() {
        return Err(ApiError::invalid_body());
    }
    Ok(v)
}

fn check_id(id: &str) -> ApiResult<()> {
    if id.trim().is_empty() {
        return Err(ApiError::bad_request("Identificador do Registro não informado"));
    }
    if id.chars().count() > MAX_ID_LEN || id.chars().any(|c| c.is_control()) {
        return Err(ApiError::bad_request(format!("Identificador do Registro inválido: até {MAX_ID_LEN} caracteres.")));
    }
    Ok(())
}

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
fn upsert(tx: &Tx, caller: &Caller, id: &str, body: &Value, operation: Operation) -> ApiResult<bool> {
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

fn echo(created: bool, body: Value) -> Response {
    (if created { StatusCode::CREATED } else { StatusCode::OK }, Json(body)).into_response()
}

/// `POST /api/tgv/integrationqueue/`
pub async fn post(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    body: axum::body::Bytes,
) -> ApiResult<Response> {
    let body = parse(&body)?;
    let id = json::text(&body, "id");
    check_id(&id)?;
    if document_of(&body).is_none_or(|d| !d.get("header").is_some_and(Value::is_object)) {
        return Err(ApiError::bad_request("json.header não informado."));
    }
    let echo_body = body.clone();
    let created = state.db.run(move |tx| upsert(tx, &caller, &id, &body, Operation::Insert)).await?;
    state.queue_wake.notify_one();
    Ok(echo(created, echo_body))
}

/// `PUT /api/tgv/integrationqueue/:externalId` (the path id wins).
pub async fn put(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    body: axum::body::Bytes,
) -> ApiResult<Response> {
    check_id(&id)?;
    let mut body = parse(&body)?;
    body["id"] = Value::String(id.clone());
    if document_of(&body).is_none_or(|d| !d.get("header").is_some_and(Value::is_object)) {
        return Err(ApiError::bad_request("json.header não informado."));
    }
    let echo_body = body.clone();
    let created = state.db.run(move |tx| upsert(tx, &caller, &id, &body, Operation::Update)).await?;
    state.queue_wake.notify_one();
    Ok(echo(created, echo_body))
}

/// `DELETE /api/tgv/integrationqueue/:externalId`: only for a document this id made.
pub async fn delete(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> ApiResult<Response> {
    check_id(&id)?;
    let (created, body) = state
        .db
        .run(move |tx| {
            let seller = caller.seller()?.to_string();
            // Another seller's id answers exactly as an unknown one.
            let source = match erp::made_by(tx, &seller, &id)? {
                Some(Routine::Order) => "MATA410",
                Some(Routine::Quotation) => "MATA415",
                None => {
                    return Err(ApiError::bad_request(format!(
                        "Nenhum pedido ou orçamento localizado para o identificador {id}."
                    )))
                }
            };
            let body = json!({"id": id, "json": {"sellerid": seller}, "deleted": true, "source": source});
            let created = upsert(tx, &caller, &id, &body, Operation::Delete)?;
            Ok((created, body))
        })
        .await?;
    state.queue_wake.notify_one();
    Ok(echo(created, body))
}

/// `GET /api/tgv/integrationqueue/`: the caller's rows, by status and arrival.
pub async fn list(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<ListParams>,
) -> ApiResult<Json<Value>> {
    let base = Where::new().and("sellerid = ?", [rusqlite::types::Value::Text(caller.seller()?.to_string())]);
    state
        .db
        .read(move |tx| {
            let columns = listing::selected_columns(&QUEUE, params.fields.as_deref());
            let page = listing::page(tx, &QUEUE, base, &params, &columns)?;
            Ok(Json(listing::envelope(page, Some(tx.sync_date()))))
        })
        .await
}

/// One claimed row.
struct Claim {
    seller: String,
    id: String,
    revision: i64,
    /// When the row first arrived: the id is the seller's from then on.
    created_at: i64,
}

/// Claims the oldest row that has waited `delay_micros`; marks it processing.
fn claim(tx: &Tx, delay_micros: i64) -> ApiResult<Option<Claim>> {
    let now = tx.clock.now_micros();
    let row = tx
        .conn
        .prepare_cached(
            "SELECT sellerid, id, received_at, created_at FROM integration_queue
             WHERE status = '0' AND received_at <= :due ORDER BY received_at, sellerid, id LIMIT 1",
        )?
        .query_row(named_params! {":due": now - delay_micros}, |r| {
            Ok(Claim { seller: r.get(0)?, id: r.get(1)?, revision: r.get(2)?, created_at: r.get(3)? })
        })
        .optional()?;
    let Some(claim) = row else { return Ok(None) };
    tx.execute_named(
        "UPDATE integration_queue SET status = '1', processing_at = :now, stamp = :stamp
         WHERE sellerid = :seller AND id = :id",
        &[(":now", &now), (":stamp", &tx.stamp()), (":seller", &claim.seller), (":id", &claim.id)],
    )?;
    Ok(Some(claim))
}

/// Applies a claimed row, unless it was re-posted since the claim.
fn finish(tx: &Tx, claim: &Claim) -> ApiResult<()> {
    let row: Option<(String, String, String, String)> = tx
        .conn
        .query_row(
            "SELECT json, source, operation, userid FROM integration_queue
             WHERE sellerid = :seller AND id = :id AND status = '1' AND received_at = :revision",
            named_params! {":seller": claim.seller, ":id": claim.id, ":revision": claim.revision},
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    let Some((raw, source, operation, userid)) = row else { return Ok(()) };
    let operation = Operation::from_code(&operation);
    let Some(routine) = Routine::from_source(&source) else {
        // Any other routine is marked done without doing anything (§10.4).
        return mark(tx, claim, "2", "", "");
    };
    let document = serde_json::from_str::<Value>(&raw).ok().and_then(|b| document_of(&b));
    let request = erp::Request { seller: &claim.seller, external_id: &claim.id, queued_at: Some(claim.created_at) };
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
    let (title, description, movement) = erp::notice(routine, operation, &claim.id, &outcome);
    let kind = if routine == Routine::Order { "1" } else { "3" };
    crate::routes::notifications::write(tx, &userid, &title, &description, kind, movement)?;
    match outcome {
        Ok(done) => {
            tracing::info!(document = %claim.id, seller = %claim.seller, number = %done.number, "queue: accepted");
            mark(tx, claim, "2", "", &done.number)
        }
        Err(erp::Refused(reason)) => {
            tracing::info!(document = %claim.id, seller = %claim.seller, %reason, "queue: refused");
            mark(tx, claim, "3", &reason, "")
        }
    }
}

fn mark(tx: &Tx, claim: &Claim, status: &str, error: &str, number: &str) -> ApiResult<()> {
    mark_row(tx, &claim.seller, &claim.id, status, error, number)
}

fn mark_row(tx: &Tx, seller: &str, id: &str, status: &str, error: &str, number: &str) -> ApiResult<()> {
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

/// A row whose apply failed inside the database (not a refusal): it ends in error with a
/// reason the seller can act on, instead of waiting "processing" for ten minutes.
fn fail(tx: &Tx, claim: &Claim) -> ApiResult<()> {
    let still_claimed = tx.exists_named(
        "SELECT 1 FROM integration_queue WHERE sellerid = :seller AND id = :id AND status = '1'
            AND received_at = :revision",
        &[(":seller", &claim.seller), (":id", &claim.id), (":revision", &claim.revision)],
    )?;
    if still_claimed {
        let reason = format!("Ocorreu um erro no processamento do registro: {}. Reenvie o documento.", claim.id);
        mark(tx, claim, "3", &reason, "")?;
    }
    Ok(())
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
        mark_row(tx, seller, id, "3", &reason, "")?;
        crate::routes::notifications::write(tx, user, "Falha ao processar registro.", &reason, "1", 10)?;
    }
    Ok(stuck.len())
}

/// Start-up: what a crash left processing was not applied; queue it again (or fail it if stuck).
pub fn recover(state: &AppState) -> ApiResult<()> {
    state.db.run_blocking(|tx| {
        fail_stuck(tx)?;
        tx.conn.execute(
            "UPDATE integration_queue SET status = '0', processing_at = NULL, stamp = :stamp WHERE status = '1'",
            named_params! {":stamp": tx.stamp()},
        )?;
        Ok(())
    })
}

/// Processes every row that is due; returns how many were claimed.
pub async fn drain(state: &AppState) -> ApiResult<usize> {
    let delay = Duration::from_millis(state.config.queue_delay_ms.max(0) as u64);
    let delay_micros = state.config.queue_delay_ms.max(0) * 1000;
    let mut n = 0;
    loop {
        let Some(claim) = state.db.run(move |tx| claim(tx, delay_micros)).await? else { break };
        n += 1;
        if !delay.is_zero() {
            tokio::time::sleep(delay).await; // "processing" stays visible for a moment
        }
        let claim = std::sync::Arc::new(claim);
        let applying = claim.clone();
        if let Err(e) = state.db.run(move |tx| finish(tx, &applying)).await {
            tracing::error!(document = %claim.id, seller = %claim.seller, cause = %e, "queue: apply failed; the row ends in error");
            state.db.run(move |tx| fail(tx, &claim)).await?;
        }
    }
    state.db.run(fail_stuck).await?;
    Ok(n)
}

/// Starts the background job: woken by every queue write, and every half second.
pub fn start(state: AppState) {
    if let Err(e) = recover(&state) {
        tracing::error!(cause = %e, "queue: recovery failed");
    }
    tokio::spawn(async move {
        loop {
            if let Err(e) = drain(&state).await {
                tracing::error!(cause = %e, "queue: drain failed");
            }
            tokio::select! {
                _ = state.queue_wake.notified() => {}
                _ = tokio::time::sleep(Duration::from_millis(500)) => {}
            }
        }
    });
}
