//! Sales orders (§9) and quotations (§10.1) as the ERP shows them: online lists and records,
//! items, invoices, the sync pairs that follow today's filter, and the PO-Sync mock writes.
//!
//! Beyond the contract, order headers carry `blockreason` (`credit`, `rule` or empty: why a
//! released or blocked order cannot go on) and quotations carry `customername` and
//! `orderid` (the order a converted quotation became).

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, post, MethodRouter};
use axum::{Extension, Json};
use rusqlite::types::Value as SqlValue;
use serde_json::Value;

use super::documented::Documented;
use crate::auth::Caller;
use crate::erp::Routine;
use crate::error::{ApiError, ApiResult};
use crate::listing::{self, Entity, ListParams, Where};
use crate::openapi::{
    self as doc,
    Body::{List, Object, Record, SyncList},
};
use crate::state::AppState;
use crate::sync::{diff_route, full_route};

mod tables;

pub use tables::*;

fn order_scope(caller: &Caller) -> ApiResult<Where> {
    Ok(listing::live_rows_of(caller, "sellerid")?.and("ordertype = 'N'", []))
}

fn order_items_scope(caller: &Caller, order: String) -> ApiResult<Where> {
    Ok(listing::live_rows_of(caller, "sellerid")?.and("orderid = ?", [SqlValue::Text(order)]))
}

fn quotation_scope(caller: &Caller) -> ApiResult<Where> {
    let live = Where::new().and("deleted = 0", []);
    if caller.is_admin {
        return Ok(live);
    }
    Ok(live.and(QUOTATION_SCOPE, [SqlValue::Text(caller.seller()?.to_string())]))
}

fn quotation_items_scope(caller: &Caller, id: String) -> ApiResult<Where> {
    let visible = quotation_scope(caller)?;
    let mut values = visible.values.clone();
    values.push(SqlValue::Text(id));
    Ok(Where::new().and("deleted = 0", []).and(
        &format!(
            "budgetid IN (SELECT budgetid FROM quotations_view WHERE {}) AND budgetid = ?",
            visible.parts.join(" AND ")
        ),
        values,
    ))
}

/// What an empty item list answers.
#[derive(Debug, Clone, Copy)]
enum EmptyItems {
    /// 404 with this message when a `FILTER` matched nothing; an envelope with `po_sync_date`.
    NotFoundWhenFiltered(&'static str),
    /// 404 with this message whenever empty; an envelope without `po_sync_date`.
    NotFound(&'static str),
}

/// The online reads of orders or quotations (§9.1, §9.3, §10.1), as data: one set of
/// handlers serves both, as [`Entity`] does for listings.
pub struct Reads {
    header: &'static Entity,
    items: &'static Entity,
    /// The number column.
    key: &'static str,
    /// The documents the caller may read.
    scope: fn(&Caller) -> ApiResult<Where>,
    /// The lines of one document the caller may read.
    items_scope: fn(&Caller, String) -> ApiResult<Where>,
    /// 404 for a list whose `FILTER` matched nothing, if the contract says so.
    list_not_found: Option<&'static str>,
    not_found: &'static str,
    empty_items: EmptyItems,
    item_not_found: &'static str,
    /// The name the product search reports its bound under, and its condition (two `?`).
    product_search: (&'static str, &'static str),
}

pub static ORDER_READS: Reads = Reads {
    header: &ORDER,
    items: &ORDER_ITEM,
    key: "orderid",
    scope: order_scope,
    items_scope: order_items_scope,
    list_not_found: Some("Pedido de Venda não localizado"),
    not_found: "Pedido de Venda não localizado",
    empty_items: EmptyItems::NotFoundWhenFiltered("Itens não localizados"),
    item_not_found: "Item do pedido não localizado",
    // Orders whose first item's product code or description contains the text.
    product_search: (
        "productId",
        "orderid IN (SELECT i.orderid FROM order_items i WHERE i.itemid = (SELECT min(j.itemid) FROM order_items j
           WHERE j.orderid = i.orderid) AND (fold(i.productid) LIKE ? ESCAPE '\\' OR fold(i.description) LIKE ? ESCAPE '\\'))",
    ),
};

pub static QUOTATION_READS: Reads = Reads {
    header: &QUOTATION,
    items: &QUOTATION_ITEM,
    key: "budgetid",
    scope: quotation_scope,
    items_scope: quotation_items_scope,
    list_not_found: None,
    not_found: "Orçamento não localizado",
    empty_items: EmptyItems::NotFound("Itens do orçamento não localizados"),
    item_not_found: "Item do orçamento não localizado",
    // Quotations with the product on any live line.
    product_search: (
        "product",
        "budgetid IN (SELECT budgetid FROM quotation_items WHERE deleted = 0
           AND (fold(productid) LIKE ? ESCAPE '\\' OR fold(description) LIKE ? ESCAPE '\\'))",
    ),
};

/// `GET /api/tgv/salesorders/`, `GET /api/tgv/salesbudgets/`
pub fn list(r: &'static Reads) -> MethodRouter<AppState> {
    get(
        move |State(state): State<AppState>, Extension(caller): Extension<Caller>, Query(params): Query<ListParams>| async move {
            listing::online_page(state, r.header, (r.scope)(&caller)?, params, r.list_not_found, true).await
        },
    )
}

/// `GET /api/tgv/salesorders/:orderId`, `GET /api/tgv/salesbudgets/:id`
pub fn record(r: &'static Reads) -> MethodRouter<AppState> {
    get(
        move |State(state): State<AppState>, Extension(caller): Extension<Caller>, Path(number): Path<String>| async move {
            let base = (r.scope)(&caller)?.and(&format!("{} = ?", r.key), [SqlValue::Text(number)]);
            listing::online_record(state, r.header, base, r.not_found).await
        },
    )
}

/// `GET …/:number/items`
pub fn items(r: &'static Reads) -> MethodRouter<AppState> {
    get(
        move |State(state): State<AppState>,
              Extension(caller): Extension<Caller>,
              Path(number): Path<String>,
              Query(params): Query<ListParams>| async move {
            let base = (r.items_scope)(&caller, number)?;
            match r.empty_items {
                EmptyItems::NotFoundWhenFiltered(message) => {
                    listing::online_page(state, r.items, base, params, Some(message), true).await
                }
                EmptyItems::NotFound(message) => {
                    state
                        .db
                        .read(move |tx| {
                            let columns = listing::online_columns(r.items, params.fields.as_deref());
                            let page = listing::page(tx, r.items, base, &params, &columns)?;
                            if page.items.is_empty() {
                                return Err(ApiError::not_found(message));
                            }
                            Ok(Json(listing::envelope(page, None)))
                        })
                        .await
                }
            }
        },
    )
}

/// `GET …/:number/items/:itemId`
pub fn item(r: &'static Reads) -> MethodRouter<AppState> {
    get(
        move |State(state): State<AppState>,
              Extension(caller): Extension<Caller>,
              Path((number, item)): Path<(String, String)>| async move {
            let base = (r.items_scope)(&caller, number)?.and("itemid = ?", [SqlValue::Text(item)]);
            listing::online_record(state, r.items, base, r.item_not_found).await
        },
    )
}

/// `GET /api/tgv/salesorders/product/:productId`, `GET /api/tgv/salesbudgets/product/:product`
pub fn with_product(r: &'static Reads) -> MethodRouter<AppState> {
    get(
        move |State(state): State<AppState>,
              Extension(caller): Extension<Caller>,
              Path(product): Path<String>,
              Query(params): Query<ListParams>| async move {
            let (name, condition) = r.product_search;
            let pattern = listing::search_pattern(name, &product, true)?;
            let base = (r.scope)(&caller)?.and(condition, [SqlValue::Text(pattern.clone()), SqlValue::Text(pattern)]);
            listing::online_page(state, r.header, base, params, None, true).await
        },
    )
}

/// `GET /api/tgv/salesorders/invoices/:orderId`: `{items, hasNext}`, 404 when none.
pub async fn order_invoices(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(order): Path<String>,
) -> ApiResult<Json<Value>> {
    let seller = if caller.is_admin { None } else { Some(caller.seller()?.to_string()) };
    state
        .db
        .read(move |tx| {
            let mut stmt = tx.conn.prepare_cached(
                "SELECT n.branch, n.invoice, n.amount, n.serie, n.invoicetype, n.invoicecele, n.invoicekey,
                        o.clientid, o.storeid, coalesce(c.fantasy, ''), n.issuedate
                 FROM invoices n JOIN orders o ON o.orderid = n.orderid
                 LEFT JOIN customers c ON c.code = o.clientid AND c.store = o.storeid
                 WHERE n.orderid = ?1 AND o.deleted = 0 AND (?2 IS NULL OR o.sellerid = ?2)
                 ORDER BY n.invoice",
            )?;
            let items: Vec<Value> = stmt
                .query_map(rusqlite::params![order, seller], |r| {
                    Ok(serde_json::json!({
                        "branch": r.get::<_, String>(0)?, "invoice": r.get::<_, String>(1)?,
                        "amount": r.get::<_, f64>(2)?, "serie": r.get::<_, String>(3)?,
                        "invoicetype": r.get::<_, String>(4)?, "invoicecele": r.get::<_, String>(5)?,
                        "invoicekey": r.get::<_, String>(6)?, "customerid": r.get::<_, String>(7)?,
                        "customerstore": r.get::<_, String>(8)?, "customer": r.get::<_, String>(9)?,
                        "issuedate": r.get::<_, String>(10)?,
                    }))
                })?
                .collect::<rusqlite::Result<_>>()?;
            if items.is_empty() {
                return Err(ApiError::not_found("Nenhuma nota fiscal localizada para o pedido"));
            }
            Ok(Json(serde_json::json!({"items": items, "hasNext": false})))
        })
        .await
}

/// The PO-Sync write URLs are mocks (§8): they echo the body, 201 on POST, 200 otherwise;
/// an empty body is the contract's 403.
pub async fn sync_mock(method: axum::http::Method, body: axum::body::Bytes) -> ApiResult<Response> {
    let json: Value = serde_json::from_slice(&body).map_err(|_| ApiError::invalid_body())?;
    if json.is_null() || json.as_object().is_some_and(|o| o.is_empty()) {
        return Err(ApiError::invalid_body());
    }
    let status = if method == axum::http::Method::POST { StatusCode::CREATED } else { StatusCode::OK };
    Ok((status, Json(json)).into_response())
}

/// Orders and quotations: reads, writes, sync pairs and the PO-Sync mocks, with their
/// OpenAPI entries.
pub fn routes() -> Documented {
    orders().merge(quotations())
}

fn orders() -> Documented {
    use super::document_writes::{create, remove, update};
    let r = &ORDER_READS;
    Documented::new()
        .route(
            "/api/tgv/salesorders",
            list(r).merge(create(Routine::Order)),
            &[
                doc::op("get", "The seller's orders", List(&ORDER)),
                doc::write("post", "Create an order now (MATA410)", true).with_request(doc::document_body),
            ],
        )
        .route(
            "/api/tgv/salesorders/{order}",
            record(r).merge(update(Routine::Order)).merge(remove(Routine::Order)),
            &[
                doc::op("get", "One order", Record(&ORDER)),
                doc::write("put", "Change an order now", false).with_request(doc::document_body),
                doc::op("delete", "Delete an order now", Object),
            ],
        )
        .route("/api/tgv/salesorders/{order}/items", items(r), &[doc::op("get", "An order's items", List(&ORDER_ITEM))])
        .route(
            "/api/tgv/salesorders/{order}/items/{item}",
            item(r),
            &[doc::op("get", "One order item", Record(&ORDER_ITEM))],
        )
        .route(
            "/api/tgv/salesorders/product/{product}",
            with_product(r),
            &[doc::op("get", "Orders whose first item is a product", List(&ORDER))],
        )
        .route(
            "/api/tgv/salesorders/invoices/{order}",
            get(order_invoices),
            &[doc::op("get", "An order's invoices", Object)],
        )
        .merge(order_sync())
}

fn quotations() -> Documented {
    use super::document_writes::{cancel, create, implement, remove, update};
    let r = &QUOTATION_READS;
    let routine = Routine::Quotation;
    Documented::new()
        .route(
            "/api/tgv/salesbudgets",
            list(r).merge(create(routine)),
            &[
                doc::op("get", "The seller's quotations", List(&QUOTATION)),
                doc::write("post", "Create a quotation now (MATA415)", true).with_request(doc::document_body),
            ],
        )
        .route(
            "/api/tgv/salesbudgets/{id}",
            record(r).merge(update(routine)).merge(remove(routine)),
            &[
                doc::op("get", "One quotation", Record(&QUOTATION)),
                doc::write("put", "Change a quotation now", false).with_request(doc::document_body),
                doc::op("delete", "Delete a quotation now", Object),
            ],
        )
        .route(
            "/api/tgv/salesbudgets/implement",
            post(implement),
            &[doc::write("post", "Turn a quotation into an order", true)],
        )
        .route("/api/tgv/salesbudgets/cancel", post(cancel), &[doc::write("post", "Cancel a quotation", true)])
        .route(
            "/api/tgv/salesbudgets/{id}/items",
            items(r),
            &[doc::op("get", "A quotation's items", List(&QUOTATION_ITEM))],
        )
        .route(
            "/api/tgv/salesbudgets/{id}/items/{item}",
            item(r),
            &[doc::op("get", "One quotation item", Record(&QUOTATION_ITEM))],
        )
        .route(
            "/api/tgv/salesbudgets/product/{product}",
            with_product(r),
            &[doc::op("get", "Quotations with a product", List(&QUOTATION))],
        )
        .merge(quotation_sync())
}

/// The sync reads of orders and their items, and the PO-Sync mock writes beside them.
fn order_sync() -> Documented {
    let (post_mock, put_mock, delete_mock) = (doc::mock("post"), doc::mock("put"), doc::mock("delete"));
    Documented::new()
        .route(
            "/api/tgv/salesorders/sync",
            full_route(&ORDER_SYNC).post(sync_mock),
            &[doc::op("get", "Orders of today's selection", SyncList(&ORDER)), post_mock],
        )
        .route("/api/tgv/salesorders/sync/{id}", any(sync_mock), &[put_mock, delete_mock])
        .route(
            "/api/tgv/salesorders/sync/diff/{date_sync}",
            diff_route(&ORDER_SYNC),
            &[doc::op("get", "Orders changed since", SyncList(&ORDER))],
        )
        .route(
            "/api/tgv/salesorders/sync/items",
            full_route(&ORDER_ITEM_SYNC).post(sync_mock),
            &[doc::op("get", "Order items of today's selection", SyncList(&ORDER_ITEM)), post_mock],
        )
        .route("/api/tgv/salesorders/sync/items/{id}", any(sync_mock), &[put_mock, delete_mock])
        .route(
            "/api/tgv/salesorders/sync/items/diff/{date_sync}",
            diff_route(&ORDER_ITEM_SYNC),
            &[doc::op("get", "Order items changed since", SyncList(&ORDER_ITEM))],
        )
}

/// The sync reads of quotations and their items, and the PO-Sync mock writes beside them.
fn quotation_sync() -> Documented {
    let (post_mock, put_mock, delete_mock) = (doc::mock("post"), doc::mock("put"), doc::mock("delete"));
    Documented::new()
        .route(
            "/api/tgv/salesbudgets/sync",
            full_route(&QUOTATION_SYNC).post(sync_mock),
            &[doc::op("get", "Quotations of today's selection", SyncList(&QUOTATION)), post_mock],
        )
        .route("/api/tgv/salesbudgets/sync/{id}", any(sync_mock), &[put_mock, delete_mock])
        .route(
            "/api/tgv/salesbudgets/sync/diff/{date_sync}",
            diff_route(&QUOTATION_SYNC),
            &[doc::op("get", "Quotations changed since", SyncList(&QUOTATION))],
        )
        .route(
            "/api/tgv/salesbudgets/sync/items",
            full_route(&QUOTATION_ITEM_SYNC).post(sync_mock),
            &[doc::op("get", "Quotation items of today's selection", SyncList(&QUOTATION_ITEM)), post_mock],
        )
        .route("/api/tgv/salesbudgets/sync/items/{id}", any(sync_mock), &[put_mock, delete_mock])
        .route(
            "/api/tgv/salesbudgets/sync/items/diff/{date_sync}",
            diff_route(&QUOTATION_ITEM_SYNC),
            &[doc::op("get", "Quotation items changed since", SyncList(&QUOTATION_ITEM))],
        )
}
