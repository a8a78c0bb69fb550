//! The integration queue's HTTP side (§10.2–10.4): documents written offline are queued
//! here and applied by the engine in [`crate::queue`]. A document's body is at most
//! [`BODY_LIMIT`] and [`MAX_ITEMS`] lines, a seller holds at most their [`Quota`] (507
//! beyond, nothing written), and the listing comes in pages of at most [`MAX_PAGE_SIZE`].

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
use crate::queue::{document_of, upsert, Quota, BODY_LIMIT, MAX_ID_LEN, MAX_ITEMS, MAX_PAGE_SIZE, QUEUE, QUEUE_SYNC};
use crate::state::AppState;
use crate::sync::parse_date_sync;

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
        let Some(document) = document_of(&body).filter(|d| d.get("header").is_some_and(Value::is_object)) else {
            return Err(ApiError::bad_request("json.header não informado."));
        };
        let items = document.get("items").and_then(Value::as_array).map_or(0, Vec::len);
        if items > MAX_ITEMS {
            return Err(ApiError::bad_request(format!(
                "O documento tem {items} itens: o ERP numera no máximo {MAX_ITEMS} itens por documento \
                 (C6_ITEM/CK_ITEM)."
            )));
        }
        Ok(QueuedBody { id, body })
    }

    /// Queues the document and wakes the job; answers with the body, 201 if the row is new.
    async fn queue(self, state: &AppState, caller: Caller, operation: Operation) -> ApiResult<Response> {
        let QueuedBody { id, body } = self;
        let echo_body = body.clone();
        let quota = Quota::of(&state.config);
        let created = state.db.write(move |tx| upsert(tx, &caller, &id, &body, operation, quota)).await?;
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
    let quota = Quota::of(&state.config);
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
            let created = upsert(tx, &caller, &id, &body, Operation::Delete, quota)?;
            Ok((created, body))
        })
        .await?;
    state.queue_wake.notify_one();
    Ok(echo(created, body))
}

/// `params` with `pageSize` at most [`MAX_PAGE_SIZE`] (a queue row may be half a megabyte).
fn bounded(mut params: ListParams) -> ListParams {
    let (_, size) = params.paging();
    params.page_size = Some(size.min(MAX_PAGE_SIZE).to_string());
    params
}

/// `GET /api/tgv/integrationqueue/diff/:dateSync`, in pages of at most [`MAX_PAGE_SIZE`].
pub async fn diff(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(date_sync): Path<String>,
    Query(params): Query<ListParams>,
) -> ApiResult<Json<Value>> {
    crate::sync::read(state, caller, bounded(params), &QUEUE_SYNC, parse_date_sync(&date_sync)?).await
}

/// `GET /api/tgv/integrationqueue/`: the caller's rows, by status and arrival, in pages of
/// at most [`MAX_PAGE_SIZE`].
pub async fn list(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<ListParams>,
) -> ApiResult<Json<Value>> {
    let params = bounded(params);
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
            get(diff),
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
