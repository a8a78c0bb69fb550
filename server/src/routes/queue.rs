//! The integration queue's HTTP side (§10.2–10.4): documents written offline are queued
//! here and applied by the engine in [`crate::queue`]. A document's body is at most
//! [`BODY_LIMIT`].

use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Extension, Json};
use serde_json::{json, Value};

use super::documented::Documented;
use crate::auth::Caller;
use crate::erp::{self, Operation, Routine};
use crate::error::{ApiError, ApiResult};
use crate::json;
use crate::listing::{self, ListParams, Where};
use crate::openapi::{
    self as doc,
    Body::{Object, SyncList},
};
use crate::queue::{document_of, upsert, BODY_LIMIT, MAX_ID_LEN, QUEUE, QUEUE_SYNC};
use crate::state::AppState;
use crate::sync::diff_route;

/// A queued document as posted: a JSON object with an id and a `json.header`, read once.
struct QueuedBody {
    id: String,
    body: Value,
}

impl QueuedBody {
    /// Reads the body; the path's id, when there is one, wins over the body's.
    fn parse(raw: &[u8], path_id: Option<String>) -> ApiResult<QueuedBody> {
        if let Some(id) = &path_id {
            check_id(id)?;
        }
        let mut body: Value = serde_json::from_slice(raw).map_err(|_| ApiError::invalid_body())?;
        if !body.is_object() {
            return Err(ApiError::invalid_body());
        }
        let id = match path_id {
            Some(id) => {
                body["id"] = Value::String(id.clone());
                id
            }
            None => {
                let id = json::text(&body, "id");
                check_id(&id)?;
                id
            }
        };
        if document_of(&body).is_none_or(|d| !d.get("header").is_some_and(Value::is_object)) {
            return Err(ApiError::bad_request("json.header não informado."));
        }
        Ok(QueuedBody { id, body })
    }

    /// Queues the document and wakes the job; answers with the body, 201 if the row is new.
    async fn queue(self, state: &AppState, caller: Caller, operation: Operation) -> ApiResult<Response> {
        let QueuedBody { id, body } = self;
        let echo_body = body.clone();
        let created = state.db.write(move |tx| upsert(tx, &caller, &id, &body, operation)).await?;
        state.queue_wake.notify_one();
        Ok(echo(created, echo_body))
    }
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

fn echo(created: bool, body: Value) -> Response {
    (if created { StatusCode::CREATED } else { StatusCode::OK }, Json(body)).into_response()
}

/// `POST /api/tgv/integrationqueue/`
pub async fn post(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    body: axum::body::Bytes,
) -> ApiResult<Response> {
    QueuedBody::parse(&body, None)?.queue(&state, caller, Operation::Insert).await
}

/// `PUT /api/tgv/integrationqueue/:externalId` (the path id wins).
pub async fn put(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    body: axum::body::Bytes,
) -> ApiResult<Response> {
    QueuedBody::parse(&body, Some(id))?.queue(&state, caller, Operation::Update).await
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
        .write(move |tx| {
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

/// The queue routes and their OpenAPI entries.
pub fn routes() -> Documented {
    Documented::new()
        .route(
            "/api/tgv/integrationqueue",
            get(list).post(post),
            &[
                doc::op("get", "The seller's queue rows", SyncList(&QUEUE)),
                doc::write("post", "Queue a document (insert)", true),
            ],
        )
        .route(
            "/api/tgv/integrationqueue/diff/{date_sync}",
            diff_route(&QUEUE_SYNC),
            &[doc::op("get", "Queue rows changed since", SyncList(&QUEUE))],
        )
        .route(
            "/api/tgv/integrationqueue/{id}",
            axum::routing::put(put).delete(delete),
            &[
                doc::write("put", "Queue a document (update)", false),
                doc::op("delete", "Queue a document's deletion", Object),
            ],
        )
        .map_router(|r| r.layer(DefaultBodyLimit::max(BODY_LIMIT)))
}
