//! Notifications (§12): every read limited to the token's user; going beyond Protheus,
//! marking as read (PUT) and deleting check ownership too.

use axum::extract::{Path, Query, State};
use axum::routing::get;
use axum::{Extension, Json};
use rusqlite::types::Value as SqlValue;
use rusqlite::{params, OptionalExtension};
use serde_json::{json, Map, Value};

use super::documented::Documented;
use crate::auth::Caller;
use crate::db::Tx;
use crate::error::{ApiError, ApiResult};
use crate::listing::{self, Entity, Kind, ListParams, Where};
use crate::openapi::{
    self as doc,
    Body::{List, Object, Record, SyncList},
};
use crate::state::AppState;

use Kind::{Flag, Number, Text};

const COLUMNS: &[(&str, Kind)] = &[
    ("internalid", Text),
    ("id", Text),
    ("title", Text),
    ("description", Text),
    ("type", Text),
    ("userid", Text),
    ("notificationdate", Text),
    ("notificationtime", Text),
    ("notificationstatus", Text),
    ("movimentationstatus", Number),
    ("deleted", Flag),
];

pub static NOTIFICATION: Entity = Entity {
    table: "notifications_view",
    columns: COLUMNS,
    fixed: &["id"],
    default_order: "notificationdate DESC, notificationtime DESC, id DESC",
    virtuals: &[],
};

/// The sync shape: `internalid` also carries the user (§12).
pub static NOTIFICATION_SYNC_ENTITY: Entity =
    Entity { table: "notifications_sync_view", columns: COLUMNS, fixed: &["id"], default_order: "id", virtuals: &[] };

fn own(caller: &Caller) -> Where {
    Where::new().and("deleted = 0 AND userid = ?", [SqlValue::Text(caller.user_id.clone())])
}

/// `GET /api/tgv/notifications/`
pub async fn list(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<ListParams>,
) -> ApiResult<Json<Value>> {
    listing::online_page(state, &NOTIFICATION, own(&caller), params, None, true).await
}

fn read_one(tx: &Tx, caller: &Caller, id: &str) -> ApiResult<Map<String, Value>> {
    let base = own(caller).and("id = ?", [SqlValue::Text(id.to_string())]);
    listing::one(tx, &NOTIFICATION, base, &listing::online_columns(&NOTIFICATION, None))?
        .ok_or_else(|| ApiError::not_found("Notificacao nao encontrada"))
}

/// `GET /api/tgv/notifications/:id`
pub async fn one(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> ApiResult<Json<Value>> {
    state.db.read(move |tx| read_one(tx, &caller, &id).map(|m| Json(Value::Object(m)))).await
}

/// `GET /api/tgv/notifications/sync[/diff/:dateSync]`: only the caller's.
pub async fn sync_read(
    state: AppState,
    caller: Caller,
    params: ListParams,
    since: mascate_domain::timestamp::DateSync,
) -> ApiResult<Json<Value>> {
    // The generic reader scopes by seller; notifications belong to the user instead.
    let user = caller.user_id.clone();
    state
        .db
        .read(move |tx| {
            let mut base = Where::new().and("userid = ?", [SqlValue::Text(user)]);
            let order = match since {
                mascate_domain::timestamp::DateSync::Full => {
                    base = base.and("deleted = 0", []);
                    "id".to_string()
                }
                mascate_domain::timestamp::DateSync::Since(stamp) => {
                    base = base.and("stamp > ?", [SqlValue::Integer(stamp)]);
                    "stamp, id".to_string()
                }
            };
            let sync_date = tx.sync_date();
            let columns = listing::selected_columns(&NOTIFICATION_SYNC_ENTITY, params.fields.as_deref());
            let page = listing::page_ordered(tx, &NOTIFICATION_SYNC_ENTITY, base, &params, &columns, &order)?;
            Ok(Json(listing::envelope(page, Some(sync_date))))
        })
        .await
}

/// `GET /api/tgv/notifications/sync`
pub async fn sync_full(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<ListParams>,
) -> ApiResult<Json<Value>> {
    sync_read(state, caller, params, mascate_domain::timestamp::DateSync::Full).await
}

/// `GET /api/tgv/notifications/sync/diff/:dateSync`
pub async fn sync_diff(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(date_sync): Path<String>,
    Query(params): Query<ListParams>,
) -> ApiResult<Json<Value>> {
    sync_read(state, caller, params, crate::sync::parse_date_sync(&date_sync)?).await
}

fn text_of(body: &Value, key: &str) -> Option<String> {
    body.get(key).map(|v| match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    })
}

/// `POST /api/tgv/notifications/`: creates one for the caller (or the `userid` given, when
/// the caller is an admin).
pub async fn create(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    body: axum::body::Bytes,
) -> ApiResult<Json<Value>> {
    let body: Value = serde_json::from_slice(&body).map_err(|_| ApiError::invalid_body())?;
    if !body.is_object() {
        return Err(ApiError::invalid_body());
    }
    state
        .db
        .write(move |tx| {
            let user = match text_of(&body, "userid") {
                Some(u) if caller.is_admin && !u.trim().is_empty() => u,
                _ => caller.user_id.clone(),
            };
            let movement = body.get("movimentationstatus").and_then(Value::as_i64).unwrap_or(0);
            let id = crate::erp::write_notification(
                tx,
                &user,
                &text_of(&body, "title").unwrap_or_default(),
                &text_of(&body, "description").unwrap_or_default(),
                &text_of(&body, "type").unwrap_or_else(|| "1".into()),
                movement,
            )?;
            let mut out = listing::one(
                tx,
                &NOTIFICATION,
                Where::new().and("id = ?", [SqlValue::Text(id)]),
                &listing::online_columns(&NOTIFICATION, None),
            )?
            .unwrap_or_default();
            out.insert("deleted".into(), Value::Bool(false));
            Ok(Json(Value::Object(out)))
        })
        .await
}

/// `PUT /api/tgv/notifications/:id`: usually `{"notificationstatus":"2"}` (read).
pub async fn update(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    body: axum::body::Bytes,
) -> ApiResult<Json<Value>> {
    let body: Value = serde_json::from_slice(&body).map_err(|_| ApiError::invalid_body())?;
    let Some(fields) = body.as_object().cloned() else { return Err(ApiError::invalid_body()) };
    state
        .db
        .write(move |tx| {
            read_one(tx, &caller, &id)?;
            for key in ["title", "description", "type", "notificationstatus"] {
                if let Some(v) = text_of(&Value::Object(fields.clone()), key) {
                    if key == "notificationstatus" && !matches!(v.as_str(), "1" | "2") {
                        return Err(ApiError::bad_request("notificationstatus deve ser 1 ou 2."));
                    }
                    tx.conn.execute(&format!("UPDATE notifications SET {key} = ?1 WHERE id = ?2"), params![v, id])?;
                }
            }
            if let Some(m) = fields.get("movimentationstatus").and_then(Value::as_i64) {
                tx.conn.execute("UPDATE notifications SET movimentationstatus = ?1 WHERE id = ?2", params![m, id])?;
            }
            tx.conn.execute("UPDATE notifications SET stamp = ?1 WHERE id = ?2", params![tx.stamp(), id])?;
            read_one(tx, &caller, &id).map(|m| Json(Value::Object(m)))
        })
        .await
}

/// `DELETE /api/tgv/notifications/:id`: leaves a tombstone for the diff.
pub async fn remove(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> ApiResult<Json<Value>> {
    state
        .db
        .write(move |tx| {
            let found: Option<String> = tx
                .conn
                .query_row(
                    "SELECT id FROM notifications WHERE id = ?1 AND userid = ?2 AND deleted = 0",
                    params![id, caller.user_id],
                    |r| r.get(0),
                )
                .optional()?;
            if found.is_none() {
                return Err(ApiError::not_found("Notificacao nao encontrada"));
            }
            tx.conn
                .execute("UPDATE notifications SET deleted = 1, stamp = ?1 WHERE id = ?2", params![tx.stamp(), id])?;
            Ok(Json(json!({"message": "Notificação excluída com sucesso."})))
        })
        .await
}

/// The notification routes and their OpenAPI entries.
pub fn routes() -> Documented {
    Documented::new()
        .route(
            "/api/tgv/notifications",
            get(list).post(create),
            &[
                doc::op("get", "The user's notifications", List(&NOTIFICATION)),
                doc::write("post", "Write a notification", false),
            ],
        )
        .route(
            "/api/tgv/notifications/sync",
            get(sync_full),
            &[doc::op("get", "The user's notifications, full load", SyncList(&NOTIFICATION_SYNC_ENTITY))],
        )
        .route(
            "/api/tgv/notifications/sync/diff/{date_sync}",
            get(sync_diff),
            &[doc::op("get", "Notifications changed since", SyncList(&NOTIFICATION_SYNC_ENTITY))],
        )
        .route(
            "/api/tgv/notifications/{id}",
            get(one).put(update).delete(remove),
            &[
                doc::op("get", "One notification", Record(&NOTIFICATION)),
                doc::write("put", "Mark as read (or change)", false),
                doc::op("delete", "Delete a notification", Object),
            ],
        )
}
