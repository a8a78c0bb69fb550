//! Writing tasks and their notes by the ids the device made: `PUT` creates (201) or replaces
//! (200) the whole task, and the same body sent again changes nothing; a note's `PUT` adds it
//! (201) or, sent again, leaves it one (200). Every field is checked before the database is
//! touched; a task or customer that is not the caller's answers 404 as an unknown one.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use mascate_domain::contract::{TaskBody, TaskNoteBody};
use mascate_domain::dictionary;
use mascate_domain::timestamp::format_iso;
use rusqlite::types::Value as SqlValue;
use rusqlite::{named_params, OptionalExtension};
use serde_json::{json, Value};

use super::{record, NOT_FOUND};
use crate::auth::Caller;
use crate::db::Tx;
use crate::error::{ApiError, ApiResult};
use crate::input;
use crate::listing::Where;
use crate::state::AppState;

/// The longest subject and notes, in characters.
pub const SUBJECT_MAX: usize = 120;
pub const NOTES_MAX: usize = 2_000;
/// The most tasks a seller keeps, and notes a task holds.
pub const MAX_TASKS: i64 = 20_000;
pub const MAX_NOTES: i64 = 500;

/// A task body, checked field by field.
struct Checked {
    customer: String,
    store: String,
    subject: String,
    due: String,
    status: &'static str,
    notes: String,
}

fn checked(body: &[u8]) -> ApiResult<Checked> {
    let b: TaskBody = input::body(body, "customerid, customerstore, subject, duedate, status e notes (textos)")?;
    let status = match b.status.trim() {
        "" | "open" => "open",
        "done" => "done",
        _ => return Err(ApiError::bad_request("status: open ou done.")),
    };
    for (f, value) in [(dictionary::TASK_CUSTOMER, &b.customer_code), (dictionary::TASK_STORE, &b.customer_store)] {
        f.check(value.trim()).map_err(|p| ApiError::bad_request(p.message))?;
    }
    Ok(Checked {
        customer: input::text("customerid", &b.customer_code, 1, dictionary::TASK_CUSTOMER.size, false)?,
        store: input::text("customerstore", &b.customer_store, 1, dictionary::TASK_STORE.size, false)?,
        subject: input::text("subject", &b.subject, 1, SUBJECT_MAX, false)?,
        due: input::date("duedate", &b.due_date)?,
        status,
        notes: input::text("notes", &b.notes, 0, NOTES_MAX, true)?,
    })
}

/// The seller a task belongs to, if it exists.
fn owner(tx: &Tx, id: &str) -> ApiResult<Option<String>> {
    Ok(tx.conn.query_row("SELECT sellerid FROM tasks WHERE taskid = ?1", [id], |r| r.get(0)).optional()?)
}

fn customer_of(tx: &Tx, seller: &str, code: &str, store: &str) -> ApiResult<bool> {
    Ok(tx.exists_named(
        "SELECT 1 FROM customers WHERE code = :code AND store = :store AND vendor = :seller AND deleted = 0",
        &[(":code", &code), (":store", &store), (":seller", &seller)],
    )?)
}

/// `PUT /api/mascate/v1/tasks/:id`
pub async fn task(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    body: Bytes,
) -> ApiResult<(StatusCode, Json<Value>)> {
    input::client_id("taskid", &id)?;
    let seller = caller.seller()?.to_string();
    let t = checked(&body)?;
    state
        .db
        .write(move |tx| {
            let existing = owner(tx, &id)?;
            if existing.as_ref().is_some_and(|s| *s != seller) {
                return Err(ApiError::not_found(NOT_FOUND));
            }
            if !customer_of(tx, &seller, &t.customer, &t.store)? {
                return Err(ApiError::not_found("Cliente nao encontrada"));
            }
            let (created, stamp) = (format_iso(tx.clock.now_micros()), tx.stamp());
            let values = named_params! {":id": id, ":seller": seller, ":customer": t.customer, ":store": t.store,
            ":subject": t.subject, ":due": t.due, ":status": t.status, ":notes": t.notes,
            ":created": created, ":stamp": stamp};
            let status = if existing.is_some() {
                // Only a change moves the stamp: a body sent again is no news for a diff.
                tx.execute_named(
                    "UPDATE tasks SET customerid = :customer, customerstore = :store, subject = :subject,
                        duedate = :due, status = :status, notes = :notes, deleted = 0, stamp = :stamp
                     WHERE taskid = :id AND sellerid = :seller AND (customerid, customerstore, subject, duedate,
                        status, notes, deleted) IS NOT (:customer, :store, :subject, :due, :status, :notes, 0)",
                    values,
                )?;
                StatusCode::OK
            } else {
                let count: i64 =
                    tx.conn.query_row("SELECT count(*) FROM tasks WHERE sellerid = ?1", [&seller], |r| r.get(0))?;
                if count >= MAX_TASKS {
                    return Err(ApiError::bad_request(format!("No máximo {MAX_TASKS} tarefas por vendedor.")));
                }
                tx.execute_named(
                    "INSERT INTO tasks(taskid, sellerid, customerid, customerstore, subject, duedate, status, notes,
                        createdat, stamp)
                     VALUES (:id, :seller, :customer, :store, :subject, :due, :status, :notes, :created, :stamp)",
                    values,
                )?;
                StatusCode::CREATED
            };
            let base = Where::new().and("taskid = ?", [SqlValue::Text(id)]);
            Ok((status, Json(record(tx, base, false)?)))
        })
        .await
}

/// `PUT /api/mascate/v1/tasks/:id/notes/:noteid`: body `{"text": …}`, 1 to 2,000 characters.
pub async fn note(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path((id, note_id)): Path<(String, String)>,
    body: Bytes,
) -> ApiResult<(StatusCode, Json<Value>)> {
    input::client_id("taskid", &id)?;
    input::client_id("noteid", &note_id)?;
    let seller = caller.seller()?.to_string();
    let b: TaskNoteBody = input::body(&body, "text (texto)")?;
    let text = input::text("text", &b.text, 1, NOTES_MAX, true)?;
    state
        .db
        .write(move |tx| {
            let live = tx.exists_named(
                "SELECT 1 FROM tasks WHERE taskid = :id AND sellerid = :seller AND deleted = 0",
                &[(":id", &id), (":seller", &seller)],
            )?;
            if !live {
                return Err(ApiError::not_found(NOT_FOUND));
            }
            let found: Option<String> = tx
                .conn
                .query_row("SELECT text FROM task_notes WHERE taskid = ?1 AND noteid = ?2", [&id, &note_id], |r| {
                    r.get(0)
                })
                .optional()?;
            let now = tx.clock.now_micros();
            let status = match found {
                Some(same) if same == text => StatusCode::OK,
                Some(_) => {
                    tx.conn.execute(
                        "UPDATE task_notes SET text = ?3, stamp = ?4, deleted = 0 WHERE taskid = ?1 AND noteid = ?2",
                        rusqlite::params![id, note_id, text, tx.stamp()],
                    )?;
                    StatusCode::OK
                }
                None => {
                    let count: i64 =
                        tx.conn.query_row("SELECT count(*) FROM task_notes WHERE taskid = ?1", [&id], |r| r.get(0))?;
                    if count >= MAX_NOTES {
                        return Err(ApiError::bad_request(format!("No máximo {MAX_NOTES} notas por tarefa.")));
                    }
                    tx.conn.execute(
                        "INSERT INTO task_notes(taskid, noteid, text, createdat, created_at, stamp)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                        rusqlite::params![id, note_id, text, format_iso(now), now, tx.stamp()],
                    )?;
                    // The task's note count changed: its next diff brings it.
                    tx.conn
                        .execute("UPDATE tasks SET stamp = ?2 WHERE taskid = ?1", rusqlite::params![id, tx.stamp()])?;
                    StatusCode::CREATED
                }
            };
            let note: (String, String) = tx.conn.query_row(
                "SELECT text, createdat FROM task_notes WHERE taskid = ?1 AND noteid = ?2",
                [&id, &note_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            let answer = json!({"internalid": format!("{id}/{note_id}"), "taskid": id, "noteid": note_id,
                                "text": note.0, "createdat": note.1});
            Ok((status, Json(answer)))
        })
        .await
}
