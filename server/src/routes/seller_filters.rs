//! Seller filters (§3.2, AQ4 header + AQ5 items): the Offline Configurator's selections.
//! One filter per seller, schema and day; sync endpoints read only today's.

use axum::extract::DefaultBodyLimit;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Json};
use mascate_domain::contract::{schema, SellerFilterBody};
use rusqlite::types::Value as SqlValue;
use rusqlite::{named_params, params, OptionalExtension};
use serde_json::{json, Value};

use super::documented::Documented;
use crate::auth::Caller;
use crate::db::Tx;
use crate::error::{ApiError, ApiResult, Message};
use crate::listing::{self, Entity, Kind, ListParams, Where};
use crate::openapi::{self as doc, Body::Object};
use crate::selection::new_uuid;
use crate::state::AppState;

mod items;

use items::{apply_items, check_entities, extend_customer_filter};

static HEADER: Entity = Entity {
    table: "seller_filters",
    columns: &[
        ("branchid", Kind::Text),
        ("uuid", Kind::Text),
        ("sellerid", Kind::Text),
        ("schemaid", Kind::Text),
        ("inclusiondate", Kind::Text),
    ],
    fixed: &["uuid"],
    default_order: "inclusiondate DESC, schemaid, uuid",
    virtuals: &[],
};

/// The largest selection body accepted: 100,000 customers are about 2.5 MB as the app sends
/// them, and a PUT that swaps them all about 8 MB.
pub const SELECTION_BODY_LIMIT: usize = 16 * 1024 * 1024;

/// Schemas a seller may select records for.
const SELECTABLE: [&str; 3] = [schema::CUSTOMERS, schema::PRODUCTS, schema::PROSPECTS];

fn write_error(verb: &str, detail: impl Into<String>) -> ApiError {
    ApiError::BadRequest(Message::detailed(format!("Não foi possivel {verb} o filtro do vendedor"), detail))
}

fn owned(caller: &Caller) -> ApiResult<Where> {
    Ok(Where::new().and("deleted = 0 AND sellerid = ?", [SqlValue::Text(caller.seller()?.to_string())]))
}

/// `GET /api/pgv/sellerfilters/`
pub async fn list(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<ListParams>,
) -> ApiResult<Json<Value>> {
    let base = owned(&caller)?;
    state
        .db
        .read(move |tx| {
            let columns = listing::selected_columns(&HEADER, params.fields.as_deref());
            let page = listing::page(tx, &HEADER, base, &params, &columns)?;
            Ok(Json(listing::envelope(page, Some(tx.sync_date()))))
        })
        .await
}

fn header_of(tx: &Tx, caller: &Caller, uuid: &str) -> ApiResult<Value> {
    let base = owned(caller)?.and("uuid = ?", [SqlValue::Text(uuid.to_string())]);
    listing::one(tx, &HEADER, base, HEADER.columns)?
        .map(Value::Object)
        .ok_or_else(|| ApiError::NotFound(Message::detailed("Nenhum filtro localizado para o UUID informado", uuid)))
}

/// `GET /api/pgv/sellerfilters/:uuid`
pub async fn one(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(uuid): Path<String>,
) -> ApiResult<Json<Value>> {
    state.db.read(move |tx| header_of(tx, &caller, &uuid).map(Json)).await
}

/// Items of a filter in number order: one (`item_id`), or a page of `limit` from `offset`.
fn item_rows(tx: &Tx, uuid: &str, item_id: Option<&str>, limit: usize, offset: usize) -> ApiResult<Vec<Value>> {
    let mut stmt = tx.conn.prepare_cached(
        "SELECT f.branchid, i.uuid, i.itemid, i.entityid FROM seller_filter_items i
         JOIN seller_filters f ON f.uuid = i.filter_uuid
         WHERE i.filter_uuid = :filter AND (:item IS NULL OR i.itemid = :item) ORDER BY i.itemid
         LIMIT :limit OFFSET :offset",
    )?;
    let rows = stmt
        .query_map(
            named_params! {":filter": uuid, ":item": item_id, ":limit": limit as i64, ":offset": offset as i64},
            |r| {
                Ok(json!({"branchid": r.get::<_, String>(0)?, "uuid": r.get::<_, String>(1)?,
                          "itemid": r.get::<_, String>(2)?, "entityid": r.get::<_, String>(3)?}))
            },
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// `GET /api/pgv/sellerfilters/:uuid/items/` — `{items, hasNext}`, 404 when empty.
pub async fn items(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(uuid): Path<String>,
    Query(params): Query<ListParams>,
) -> ApiResult<Json<Value>> {
    state
        .db
        .read(move |tx| {
            header_of(tx, &caller, &uuid)?;
            let (page, size) = params.paging();
            let mut items = item_rows(tx, &uuid, None, size + 1, (page - 1) * size)?;
            if items.is_empty() && page == 1 {
                return Err(ApiError::not_found("Nenhum item localizado para o filtro informado"));
            }
            let has_next = items.len() > size;
            items.truncate(size);
            Ok(Json(json!({"items": items, "hasNext": has_next})))
        })
        .await
}

/// `GET /api/pgv/sellerfilters/:uuid/items/:itemid`
pub async fn item(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path((uuid, item_id)): Path<(String, String)>,
) -> ApiResult<Json<Value>> {
    state
        .db
        .read(move |tx| {
            header_of(tx, &caller, &uuid)?;
            item_rows(tx, &uuid, Some(&item_id), 1, 0)?
                .pop()
                .map(Json)
                .ok_or_else(|| ApiError::not_found("Item do filtro não localizado"))
        })
        .await
}

fn parse_body(body: &[u8], verb: &str) -> ApiResult<SellerFilterBody> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::invalid_body());
    }
    serde_json::from_slice(body).map_err(|e| write_error(verb, format!("JSON inválido: {e}")))
}

fn insert(tx: &Tx, caller: &Caller, body: &SellerFilterBody) -> ApiResult<String> {
    let verb = "incluir";
    let seller = caller.seller()?;
    let h = &body.header;
    if !h.seller_code.trim().is_empty() && h.seller_code.trim() != seller {
        return Err(write_error(verb, "sellerid difere do vendedor do usuário autenticado."));
    }
    if !SELECTABLE.contains(&h.schema_id.trim()) {
        return Err(write_error(verb, format!("schemaid inválido: '{}'", h.schema_id)));
    }
    let today = tx.today();
    let taken: bool = tx.conn.query_row(
        "SELECT count(*) FROM seller_filters WHERE sellerid = ?1 AND schemaid = ?2 AND inclusiondate = ?3 AND deleted = 0",
        params![seller, h.schema_id.trim(), today],
        |r| r.get::<_, i64>(0),
    )? > 0;
    if taken {
        return Err(write_error(verb, "O Vendedor já possui um filtro cadastrado para a data informada!"));
    }
    check_entities(tx, seller, h.schema_id.trim(), &body.items, verb)?;
    let uuid = new_uuid();
    tx.conn.execute(
        "INSERT INTO seller_filters(uuid, sellerid, schemaid, inclusiondate, stamp) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![uuid, seller, h.schema_id.trim(), today, tx.stamp()],
    )?;
    apply_items(tx, &uuid, &body.items, verb)?;
    if h.schema_id.trim() == schema::PROSPECTS {
        extend_customer_filter(tx, seller, &uuid)?;
    }
    Ok(uuid)
}

fn success(status: StatusCode, message: &str, uuid: Option<&str>) -> Response {
    let mut body = json!({"messageSuccess": message, "status": "OK"});
    if let Some(u) = uuid {
        body["items"] = json!([{"uuid": u}]);
    }
    (status, Json(body)).into_response()
}

/// `POST /api/pgv/sellerfilters/`
pub async fn create(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    body: axum::body::Bytes,
) -> ApiResult<Response> {
    let body = parse_body(&body, "incluir")?;
    let uuid = state.db.write(move |tx| insert(tx, &caller, &body)).await?;
    Ok(success(StatusCode::CREATED, "Filtro incluído com sucesso.", Some(&uuid)))
}

/// `PUT /api/pgv/sellerfilters/:uuid` — an unknown uuid becomes an insert (201).
pub async fn update(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(uuid): Path<String>,
    body: axum::body::Bytes,
) -> ApiResult<Response> {
    let body = parse_body(&body, "alterar")?;
    let (created, uuid) = state
        .db
        .write(move |tx| {
            let seller = caller.seller()?.to_string();
            let found: Option<(String, String)> = tx
                .conn
                .query_row(
                    "SELECT sellerid, schemaid FROM seller_filters WHERE uuid = ?1 AND deleted = 0",
                    params![uuid],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            match found {
                None => insert(tx, &caller, &body).map(|u| (true, u)),
                Some((owner, _)) if owner != seller => {
                    Err(ApiError::NotFound(Message::detailed("Nenhum filtro localizado para o UUID informado", uuid)))
                }
                Some((_, schema_id)) => {
                    check_entities(tx, &seller, &schema_id, &body.items, "alterar")?;
                    apply_items(tx, &uuid, &body.items, "alterar")?;
                    if schema_id == schema::PROSPECTS {
                        extend_customer_filter(tx, &seller, &uuid)?;
                    }
                    tx.conn
                        .execute("UPDATE seller_filters SET stamp = ?1 WHERE uuid = ?2", params![tx.stamp(), uuid])?;
                    Ok((false, uuid))
                }
            }
        })
        .await?;
    Ok(if created {
        success(StatusCode::CREATED, "Filtro incluído com sucesso.", Some(&uuid))
    } else {
        success(StatusCode::OK, "Filtro alterado com sucesso.", Some(&uuid))
    })
}

/// `DELETE /api/pgv/sellerfilters/:uuid`
pub async fn remove(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(uuid): Path<String>,
) -> ApiResult<Response> {
    state
        .db
        .write(move |tx| {
            header_of(tx, &caller, &uuid)?;
            tx.conn.execute("DELETE FROM seller_filter_items WHERE filter_uuid = ?1", params![uuid])?;
            tx.conn.execute(
                "UPDATE seller_filters SET deleted = 1, stamp = ?1 WHERE uuid = ?2",
                params![tx.stamp(), uuid],
            )?;
            Ok(())
        })
        .await?;
    Ok(success(StatusCode::OK, "Filtro excluído com sucesso.", None))
}

/// Today's selections and their OpenAPI entries. A selection of 100,000 records is a few
/// megabytes of JSON, so these writes (and the estimate, which takes a selection as large
/// as a filter's body) may carry more than the default body limit.
pub fn routes() -> Documented {
    use super::offline_estimate::estimate;
    Documented::new()
        .route(
            "/api/pgv/sellerfilters",
            get(list).post(create),
            &[
                doc::op("get", "The seller's offline filters", Object),
                doc::write("post", "Create today's filter for a schema", true),
            ],
        )
        .route(
            "/api/pgv/sellerfilters/{uuid}",
            get(one).put(update).delete(remove),
            &[
                doc::op("get", "One filter", Object),
                doc::write("put", "Change a filter's items", false),
                doc::op("delete", "Delete a filter", Object),
            ],
        )
        .route("/api/pgv/sellerfilters/{uuid}/items", get(items), &[doc::op("get", "A filter's items", Object)])
        .route(
            "/api/pgv/sellerfilters/{uuid}/items/{item_id}",
            get(item),
            &[doc::op("get", "One item of a filter", Object)],
        )
        .route(
            "/api/mascate/v1/offline/estimate",
            post(estimate),
            &[doc::write(
                "post",
                "Records and JSON bytes of the day's download, with a selection about to be saved (Mascate extension)",
                false,
            )],
        )
        .map_router(|r| r.layer(DefaultBodyLimit::max(SELECTION_BODY_LIMIT)))
}
