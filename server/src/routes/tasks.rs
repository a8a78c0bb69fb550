//! The seller's tasks (a Mascate extension; Protheus keeps CRM activities in AOF and has no
//! TGV endpoint for them): the list, one task with its notes, writing a task and adding a
//! note by ids the device made (so a write sent twice stays one), and sync pairs of tasks
//! and notes so the device can keep them offline. Only the caller's own tasks are read or
//! written; another seller's task id answers as an unknown one does and is never touched.

mod write;

use axum::extract::DefaultBodyLimit;
use axum::extract::{Path, Query, State};
use axum::routing::{get, put};
use axum::{Extension, Json};
use mascate_domain::contract::TaskNote;
use rusqlite::types::Value as SqlValue;
use serde_json::Value;

use super::documented::Documented;
use crate::auth::Caller;
use crate::db::Tx;
use crate::error::{ApiError, ApiResult};
use crate::input;
use crate::listing::{self, Entity, Kind, ListParams, Where};
use crate::openapi::{
    self as doc,
    Body::{List, Record, SyncList},
};
use crate::state::AppState;
use crate::sync::{diff_route, full_route, SyncSource};

use Kind::{Flag, Number, Stamp, Text};

pub static TASK: Entity = Entity {
    table: "tasks_view",
    columns: &[
        ("internalid", Text),
        ("branch", Text),
        ("taskid", Text),
        ("customerid", Text),
        ("customerstore", Text),
        ("customer", Text),
        ("customername", Text),
        ("subject", Text),
        ("duedate", Text),
        ("status", Text),
        ("notes", Text),
        ("notecount", Number),
        ("createdat", Text),
        ("STAMP", Stamp),
        ("deleted", Flag),
    ],
    fixed: &["internalid", "taskid"],
    default_order: "duedate, taskid",
    virtuals: &[],
};

pub static TASK_NOTE: Entity = Entity {
    table: "task_notes_view",
    columns: &[
        ("internalid", Text),
        ("taskid", Text),
        ("noteid", Text),
        ("text", Text),
        ("createdat", Text),
        ("STAMP", Stamp),
        ("deleted", Flag),
    ],
    fixed: &["internalid", "taskid", "noteid"],
    default_order: "taskid, created_at, noteid",
    virtuals: &[],
};

/// Every task of the caller's (not only today's selected customers': a task is the rep's own
/// work, and there are few).
pub static TASK_SYNC: SyncSource =
    SyncSource { entity: &TASK, selection: None, seller_scope: Some("sellerid = ?"), diff_live_only: false };

/// The notes of the caller's tasks.
pub static TASK_NOTE_SYNC: SyncSource =
    SyncSource { entity: &TASK_NOTE, selection: None, seller_scope: Some("sellerid = ?"), diff_live_only: false };

/// The 404 of a task that is not the caller's (or does not exist).
pub const NOT_FOUND: &str = "Tarefa não encontrada";

/// The largest body a task or note write reads (a note is at most 2,000 characters).
const MAX_BODY: usize = 64 * 1024;

/// `GET /api/mascate/v1/tasks`: due date order, soonest first (`SORT=-duedate` for the
/// newest due first); `FILTER` on `duedate`, `status`, `customerid`, `customerstore`….
pub async fn list(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<ListParams>,
) -> ApiResult<Json<Value>> {
    listing::online_page(state, &TASK, listing::live_rows_of(&caller, "sellerid")?, params, None, true).await
}

/// A task's notes, oldest first.
fn notes_of(tx: &Tx, task: &str) -> ApiResult<Vec<TaskNote>> {
    let mut stmt = tx.conn.prepare_cached(
        "SELECT internalid, taskid, noteid, text, createdat FROM task_notes_view
         WHERE taskid = ?1 AND deleted = 0 ORDER BY created_at, noteid",
    )?;
    let notes = stmt
        .query_map([task], |r| {
            Ok(TaskNote {
                internal_id: r.get(0)?,
                task_id: r.get(1)?,
                id: r.get(2)?,
                text: r.get(3)?,
                created_at: r.get(4)?,
                deleted: None,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(notes)
}

/// The task as the routes answer it: the record, with its notes when `with_notes`.
pub fn record(tx: &Tx, base: Where, with_notes: bool) -> ApiResult<Value> {
    let columns = listing::online_columns(&TASK, None);
    let mut task = listing::one(tx, &TASK, base, &columns)?.ok_or_else(|| ApiError::not_found(NOT_FOUND))?;
    if with_notes {
        let id = task.get("taskid").and_then(Value::as_str).unwrap_or_default().to_string();
        let notes = serde_json::to_value(notes_of(tx, &id)?).map_err(ApiError::internal)?;
        task.insert("tasknotes".into(), notes);
    }
    Ok(Value::Object(task))
}

/// `GET /api/mascate/v1/tasks/:id`: the task with its notes (`tasknotes`, oldest first).
pub async fn one(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> ApiResult<Json<Value>> {
    input::client_id("taskid", &id)?;
    let base = listing::live_rows_of(&caller, "sellerid")?.and("taskid = ?", [SqlValue::Text(id)]);
    state.db.read(move |tx| record(tx, base, true).map(Json)).await
}

/// The task routes and their OpenAPI entries.
pub fn routes() -> Documented {
    Documented::new()
        .route(
            "/api/mascate/v1/tasks",
            get(list),
            &[doc::op("get", "The seller's tasks (Mascate extension)", List(&TASK))],
        )
        .route(
            "/api/mascate/v1/tasks/sync",
            full_route(&TASK_SYNC),
            &[doc::op("get", "The seller's tasks, for offline use (Mascate extension)", SyncList(&TASK))],
        )
        .route(
            "/api/mascate/v1/tasks/sync/diff/{date_sync}",
            diff_route(&TASK_SYNC),
            &[doc::op("get", "The seller's tasks changed since (Mascate extension)", SyncList(&TASK))],
        )
        .route(
            "/api/mascate/v1/tasknotes/sync",
            full_route(&TASK_NOTE_SYNC),
            &[doc::op("get", "Notes of the seller's tasks, for offline use (Mascate extension)", SyncList(&TASK_NOTE))],
        )
        .route(
            "/api/mascate/v1/tasknotes/sync/diff/{date_sync}",
            diff_route(&TASK_NOTE_SYNC),
            &[doc::op("get", "Notes of the seller's tasks changed since (Mascate extension)", SyncList(&TASK_NOTE))],
        )
        .route(
            "/api/mascate/v1/tasks/{id}",
            get(one).put(write::task),
            &[
                doc::op("get", "One task with its notes (Mascate extension)", Record(&TASK)),
                doc::write("put", "Create or replace a task by the device's id (Mascate extension)", true)
                    .with_request(doc::task_body),
            ],
        )
        .route(
            "/api/mascate/v1/tasks/{id}/notes/{noteid}",
            put(write::note),
            &[doc::write("put", "Add a note to a task by the device's id (Mascate extension)", true)
                .with_request(doc::task_note_body)],
        )
        .map_router(|r| r.layer(DefaultBodyLimit::max(MAX_BODY)))
}
