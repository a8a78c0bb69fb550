//! Sales orders (§9) and quotations (§10.1) as the ERP shows them: online lists and records,
//! items, invoices, the sync pairs that follow today's filter, and the PO-Sync mock writes.
//!
//! Beyond the contract, order headers carry `blockreason` (`credit`, `rule` or empty: why a
//! released or blocked order cannot go on) and quotations carry `customername` and
//! `orderid` (the order a converted quotation became).

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use mascate_domain::contract::schema;
use rusqlite::types::Value as SqlValue;
use serde_json::Value;

use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::listing::{self, Entity, Kind, ListParams, Where};
use crate::sync::SyncSource;
use crate::AppState;

use Kind::{Flag, Number, Stamp, Text};

pub static ORDER: Entity = Entity {
    table: "orders_view",
    columns: &[
        ("internalid", Text),
        ("externalid", Text),
        ("branchid", Text),
        ("orderid", Text),
        ("ordertype", Text),
        ("pricelistid", Text),
        ("paymentConditionid", Text),
        ("paymentinternalid", Text),
        ("issuedate", Text),
        ("customerinternalid", Text),
        ("customerid", Text),
        ("customername", Text),
        ("clientid", Text),
        ("storeid", Text),
        ("sellerid", Text),
        ("freighttype", Text),
        ("freight", Number),
        ("insurance", Number),
        ("expenses", Number),
        ("discount", Number),
        ("currencyid", Number),
        ("amount", Number),
        ("typeofoperation", Text),
        ("status", Text),
        ("blockreason", Text),
        ("carriercode", Text),
        ("releasetype", Text),
        ("carriername", Text),
        ("sellername", Text),
        ("selleremail", Text),
        ("amounttaxes", Number),
        ("notemessage", Text),
        ("ordercomment", Text),
        ("intermediaryid", Text),
        ("purchaserpresence", Text),
        ("STAMP", Stamp),
        ("deleted", Flag),
    ],
    fixed: &["internalid", "orderid"],
    default_order: "orderid",
    virtuals: &[],
};

pub static ORDER_ITEM: Entity = Entity {
    table: "order_items_view",
    columns: &[
        ("internalid", Text),
        ("orderinternalid", Text),
        ("externalitemid", Text),
        ("externalid", Text),
        ("branchid", Text),
        ("orderid", Text),
        ("itemid", Text),
        ("productid", Text),
        ("description", Text),
        ("quantity", Number),
        ("pricelist", Number),
        ("unitprice", Number),
        ("amount", Number),
        ("discount", Number),
        ("discountamount", Number),
        ("quantitydelivered", Number),
        ("blockstatus", Text),
        ("outflowtype", Text),
        ("fiscalcode", Text),
        ("customerorder", Text),
        ("deliverydate", Text),
        ("productimage", Text),
        ("deleted", Flag),
    ],
    fixed: &["internalid", "orderid"],
    default_order: "orderid, itemid",
    virtuals: &[],
};

pub static ORDER_SYNC: SyncSource = SyncSource {
    entity: &ORDER,
    selection: Some((schema::ORDERS, "orderid")),
    seller_scope: Some("sellerid = ?"),
    diff_live_only: false,
};

pub static ORDER_ITEM_SYNC: SyncSource = SyncSource {
    entity: &ORDER_ITEM,
    selection: Some((schema::ORDER_ITEMS, "orderid || itemid || productid")),
    seller_scope: Some("sellerid = ?"),
    diff_live_only: false,
};

pub static QUOTATION: Entity = Entity {
    table: "quotations_view",
    columns: &[
        ("internalid", Text),
        ("paymentinternalid", Text),
        ("branchid", Text),
        ("budgetid", Text),
        ("externalid", Text),
        ("pricelistid", Text),
        ("paymentconditionid", Text),
        ("customerid", Text),
        ("customerstore", Text),
        ("customername", Text),
        ("prospectid", Text),
        ("prospectstore", Text),
        ("issuedate", Text),
        ("freighttype", Text),
        ("freight", Number),
        ("insurance", Number),
        ("expenses", Number),
        ("discount", Number),
        ("currencyid", Number),
        ("amount", Number),
        ("releasetype", Text),
        ("customertype", Text),
        ("status", Text),
        ("businessproposal", Text),
        ("typeofoperation", Text),
        ("orderid", Text),
        ("STAMP", Stamp),
        ("deleted", Flag),
    ],
    fixed: &["internalid", "budgetid"],
    default_order: "budgetid",
    virtuals: &[],
};

pub static QUOTATION_ITEM: Entity = Entity {
    table: "quotation_items_view",
    columns: &[
        ("internalid", Text),
        ("budgetinternalid", Text),
        ("externalitemid", Text),
        ("externalid", Text),
        ("branchid", Text),
        ("branchheaderid", Text),
        ("budgetid", Text),
        ("budgetheaderid", Text),
        ("itemid", Text),
        ("productid", Text),
        ("description", Text),
        ("quantity", Number),
        ("pricelist", Number),
        ("unitprice", Number),
        ("amount", Number),
        ("discount", Number),
        ("discountamount", Number),
        ("outflowtype", Text),
        ("productimage", Text),
        ("deleted", Flag),
    ],
    fixed: &["internalid", "budgetid"],
    default_order: "budgetid, itemid",
    virtuals: &[],
};

/// A quotation belongs to the seller of its customer, or, for the default quotation
/// customer, to the seller of its prospect (§10.1). One `?`: the seller.
const QUOTATION_SCOPE: &str =
    "? IN (customervendor, CASE WHEN customerid || customerstore = '00000101' THEN prospectvendor END)";

pub static QUOTATION_SYNC: SyncSource = SyncSource {
    entity: &QUOTATION,
    selection: Some((schema::QUOTATIONS, "budgetid")),
    seller_scope: Some(QUOTATION_SCOPE),
    diff_live_only: true,
};

pub static QUOTATION_ITEM_SYNC: SyncSource = SyncSource {
    entity: &QUOTATION_ITEM,
    selection: Some((schema::QUOTATION_ITEMS, "budgetid || itemid || productid")),
    seller_scope: Some(
        "budgetid IN (SELECT budgetid FROM quotations_view
          WHERE ? IN (customervendor, CASE WHEN customerid || customerstore = '00000101' THEN prospectvendor END))",
    ),
    diff_live_only: true,
};

fn order_scope(caller: &Caller) -> ApiResult<Where> {
    Ok(listing::live_rows_of(caller, "sellerid")?.and("ordertype = 'N'", []))
}

fn quotation_scope(caller: &Caller) -> ApiResult<Where> {
    let live = Where::new().and("deleted = 0", []);
    if caller.is_admin {
        return Ok(live);
    }
    Ok(live.and(QUOTATION_SCOPE, [SqlValue::Text(caller.seller()?.to_string())]))
}

/// `GET /api/tgv/salesorders/`
pub async fn orders(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<ListParams>,
) -> ApiResult<Json<Value>> {
    listing::online_page(state, &ORDER, order_scope(&caller)?, params, Some("Pedido de Venda não localizado"), true)
        .await
}

/// `GET /api/tgv/salesorders/:orderId`
pub async fn order(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(order): Path<String>,
) -> ApiResult<Json<Value>> {
    let base = order_scope(&caller)?.and("orderid = ?", [SqlValue::Text(order)]);
    listing::online_record(state, &ORDER, base, "Pedido de Venda não localizado").await
}

fn order_items_scope(caller: &Caller, order: String) -> ApiResult<Where> {
    Ok(listing::live_rows_of(caller, "sellerid")?.and("orderid = ?", [SqlValue::Text(order)]))
}

/// `GET /api/tgv/salesorders/:orderId/items`
pub async fn order_items(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(order): Path<String>,
    Query(params): Query<ListParams>,
) -> ApiResult<Json<Value>> {
    listing::online_page(
        state,
        &ORDER_ITEM,
        order_items_scope(&caller, order)?,
        params,
        Some("Itens não localizados"),
        true,
    )
    .await
}

/// `GET /api/tgv/salesorders/:orderId/items/:itemId`
pub async fn order_item(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path((order, item)): Path<(String, String)>,
) -> ApiResult<Json<Value>> {
    let base = order_items_scope(&caller, order)?.and("itemid = ?", [SqlValue::Text(item)]);
    listing::online_record(state, &ORDER_ITEM, base, "Item do pedido não localizado").await
}

/// `GET /api/tgv/salesorders/product/:productId`: orders whose first item's product code or
/// description contains the text.
pub async fn orders_with_product(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(product): Path<String>,
    Query(params): Query<ListParams>,
) -> ApiResult<Json<Value>> {
    let pattern = listing::search_pattern("productId", &product, true)?;
    let base = order_scope(&caller)?.and(
        "orderid IN (SELECT i.orderid FROM order_items i WHERE i.itemid = (SELECT min(j.itemid) FROM order_items j
           WHERE j.orderid = i.orderid) AND (fold(i.productid) LIKE ? ESCAPE '\\' OR fold(i.description) LIKE ? ESCAPE '\\'))",
        [SqlValue::Text(pattern.clone()), SqlValue::Text(pattern)],
    );
    listing::online_page(state, &ORDER, base, params, None, true).await
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

/// `GET /api/tgv/salesbudgets/`
pub async fn quotations(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<ListParams>,
) -> ApiResult<Json<Value>> {
    listing::online_page(state, &QUOTATION, quotation_scope(&caller)?, params, None, true).await
}

/// `GET /api/tgv/salesbudgets/:id`
pub async fn quotation(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> ApiResult<Json<Value>> {
    let base = quotation_scope(&caller)?.and("budgetid = ?", [SqlValue::Text(id)]);
    listing::online_record(state, &QUOTATION, base, "Orçamento não localizado").await
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

/// `GET /api/tgv/salesbudgets/:id/items`: `{items, hasNext}` (no `po_sync_date`), 404 when empty.
pub async fn quotation_items(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Query(params): Query<ListParams>,
) -> ApiResult<Json<Value>> {
    let base = quotation_items_scope(&caller, id)?;
    state
        .db
        .read(move |tx| {
            let columns = listing::online_columns(&QUOTATION_ITEM, params.fields.as_deref());
            let page = listing::page(tx, &QUOTATION_ITEM, base, &params, &columns)?;
            if page.items.is_empty() {
                return Err(ApiError::not_found("Itens do orçamento não localizados"));
            }
            Ok(Json(listing::envelope(page, None)))
        })
        .await
}

/// `GET /api/tgv/salesbudgets/:id/items/:itemId`
pub async fn quotation_item(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path((id, item)): Path<(String, String)>,
) -> ApiResult<Json<Value>> {
    let base = quotation_items_scope(&caller, id)?.and("itemid = ?", [SqlValue::Text(item)]);
    listing::online_record(state, &QUOTATION_ITEM, base, "Item do orçamento não localizado").await
}

/// `GET /api/tgv/salesbudgets/product/:product`: quotations with that product (code or
/// description contains the text).
pub async fn quotations_with_product(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(product): Path<String>,
    Query(params): Query<ListParams>,
) -> ApiResult<Json<Value>> {
    let pattern = listing::search_pattern("product", &product, true)?;
    let base = quotation_scope(&caller)?.and(
        "budgetid IN (SELECT budgetid FROM quotation_items WHERE deleted = 0
           AND (fold(productid) LIKE ? ESCAPE '\\' OR fold(description) LIKE ? ESCAPE '\\'))",
        [SqlValue::Text(pattern.clone()), SqlValue::Text(pattern)],
    );
    listing::online_page(state, &QUOTATION, base, params, None, true).await
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
