//! The catalogue and reference tables (§5–7): products (online, per price list, sync),
//! stock per warehouse, price lists and their items, payment conditions, carriers and
//! operation types (prospects: [`super::prospects`]).
//!
//! Beyond the contract, products also carry `productgroup`, `groupdescription`,
//! `outflowtype` (the TES), `ipi` and `icmsst`, and payment conditions carry `condition`
//! (the instalment days); clients ignore properties they do not know.

use axum::extract::{Path, Query, State};
use axum::routing::get;
use axum::{Extension, Json};
use rusqlite::types::Value as SqlValue;
use serde::Deserialize;
use serde_json::{json, Value};

use super::documented::Documented;
use crate::auth::Caller;
use crate::db::Tx;
use crate::error::{ApiError, ApiResult};
use crate::listing::{self, ListParams, Where};
use crate::openapi::{
    self as doc,
    Body::{List, Object, SyncList},
    Doc,
};
use crate::state::AppState;
use crate::sync::{diff_route, full_route};

mod tables;

pub use tables::*;

/// The list parameters plus the catalogue's quick filters.
#[derive(Debug, Default, Deserialize)]
pub struct CatalogParams {
    #[serde(flatten)]
    pub list: ListParams,
    #[serde(rename = "QUICKFILTER")]
    pub quick_filter: Option<String>,
    #[serde(rename = "FILTERPRICELIST")]
    pub filter_price_list: Option<String>,
}

/// Available in the product's standard warehouse (§6.2 `HASSTOCK`).
const HAS_STOCK_SQL: &str = "code IN (SELECT s.code FROM stock s JOIN products p2 ON p2.code = s.code
    WHERE s.warehouse = p2.standardwarehouse AND s.onhand - s.reserved - s.allocatedquantity > 0)";

fn quick_filter(base: Where, quick: Option<&str>, caller: &Caller, today: &str) -> ApiResult<Where> {
    match quick.map(|q| q.trim().to_ascii_uppercase()).as_deref() {
        None | Some("") => Ok(base),
        Some("HASSTOCK") => Ok(base.and(HAS_STOCK_SQL, [])),
        Some("SALESONLASTTHREEMONTHS") => {
            let since = mascate_domain::timestamp::add_days(today, -90).unwrap_or_default();
            let mut sql = String::from(
                "code IN (SELECT i.productid FROM order_items i JOIN orders o ON o.orderid = i.orderid
                 WHERE o.deleted = 0 AND i.deleted = 0 AND o.issuedate >= ?",
            );
            let mut values = vec![SqlValue::Text(since)];
            if !caller.is_admin {
                sql.push_str(" AND o.sellerid = ?");
                values.push(SqlValue::Text(caller.seller()?.to_string()));
            }
            sql.push(')');
            Ok(base.and(&sql, values))
        }
        Some(other) => Err(ApiError::bad_request(format!("QUICKFILTER desconhecido: {other}"))),
    }
}

/// Items of a product list, with the blank `pricetable` property when the FILTER named it.
fn product_envelope(page: listing::Page, params: &ListParams, sync_date: String) -> ApiResult<Json<Value>> {
    let mentions_pricetable =
        params.filter_expr()?.is_some_and(|e| e.fields().iter().any(|f| f.eq_ignore_ascii_case("pricetable")));
    let mut page = page;
    if mentions_pricetable {
        for item in &mut page.items {
            item.insert("pricetable".into(), Value::String(String::new()));
        }
    }
    Ok(Json(listing::envelope(page, Some(sync_date))))
}

fn no_product_found(page: &listing::Page, params: &ListParams) -> ApiResult<()> {
    // The ERP answers 404 when a FILTER matched nothing (§6.2, §14).
    if page.items.is_empty() && params.filter_expr()?.is_some() {
        return Err(ApiError::not_found("Produto nao localizado"));
    }
    Ok(())
}

/// `GET /api/tgv/products/`
pub async fn products(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<CatalogParams>,
) -> ApiResult<Json<Value>> {
    state
        .db
        .read(move |tx| {
            let base = quick_filter(
                Where::new().and("deleted = 0", []),
                params.quick_filter.as_deref(),
                &caller,
                &tx.today(),
            )?;
            let columns = listing::online_columns(&PRODUCT, params.list.fields.as_deref());
            let page = listing::page(tx, &PRODUCT, base, &params.list, &columns)?;
            no_product_found(&page, &params.list)?;
            product_envelope(page, &params.list, tx.sync_date())
        })
        .await
}

/// `GET /api/tgv/products/:priceListId/:customerId/:storeId`: `price` is the list's price
/// (0 when the product is not in it); `FILTERPRICELIST=true` keeps only the list's products.
pub async fn products_for_price_list(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path((price_list, customer, store)): Path<(String, String, String)>,
    Query(params): Query<CatalogParams>,
) -> ApiResult<Json<Value>> {
    let only_listed = params.filter_price_list.as_deref().is_some_and(|v| v.trim().eq_ignore_ascii_case("true"));
    state
        .db
        .read(move |tx| {
            // The customer must be one the caller may sell to.
            let visible: bool = tx.conn.query_row(
                "SELECT count(*) > 0 FROM customers WHERE code = ?1 AND store = ?2 AND deleted = 0
                   AND (?3 OR vendor = ?4 OR code || store = ?5)",
                rusqlite::params![
                    customer,
                    store,
                    caller.is_admin,
                    caller.seller.clone().unwrap_or_default(),
                    crate::erp::default_quotation_customer_key()
                ],
                |r| r.get(0),
            )?;
            if !visible {
                return Err(ApiError::not_found("Cliente nao encontrado"));
            }
            let columns: Vec<String> = PRODUCT_COLUMNS
                .iter()
                .map(|(c, _)| match *c {
                    "price" => "coalesce(i.salesprice, 0) AS price".to_string(),
                    other => format!("p.{other} AS {other}"),
                })
                .collect();
            let join = if only_listed { "JOIN" } else { "LEFT JOIN" };
            let source = format!(
                "(SELECT {} FROM products_view p {join} price_list_items i
                   ON i.product = p.code AND i.pricelist = ? AND i.deleted = 0)",
                columns.join(", ")
            );
            let base = Where::new().and("deleted = 0", []).from_source(source, vec![SqlValue::Text(price_list)]);
            let columns = listing::online_columns(&PRODUCT, params.list.fields.as_deref());
            let page = listing::page(tx, &PRODUCT, base, &params.list, &columns)?;
            no_product_found(&page, &params.list)?;
            product_envelope(page, &params.list, tx.sync_date())
        })
        .await
}

/// `GET /api/tgv/productBalance/:product`: that product's warehouses, as a list.
pub async fn product_balance(
    State(state): State<AppState>,
    Path(product): Path<String>,
    Query(params): Query<ListParams>,
) -> ApiResult<Json<Value>> {
    state
        .db
        .read(move |tx| {
            let base = Where::new().and("deleted = 0 AND code = ?", [SqlValue::Text(product)]);
            let columns = listing::online_columns(&PRODUCT_BALANCE, params.fields.as_deref());
            let page = listing::page(tx, &PRODUCT_BALANCE, base, &params, &columns)?;
            Ok(Json(listing::envelope(page, Some(tx.sync_date()))))
        })
        .await
}

/// `GET /api/tgv/typesofoperation/`: `{items}` only, no paging (§7).
pub async fn types_of_operation(State(state): State<AppState>) -> ApiResult<Json<Value>> {
    let items = state.db.read(|tx| Ok(operation_types(tx)?)).await?;
    Ok(Json(json!({ "items": items })))
}

/// The operation types (SX5 table DJ), as `GET /api/tgv/typesofoperation` lists them.
pub fn operation_types(tx: &Tx) -> rusqlite::Result<Vec<Value>> {
    let mut stmt = tx.conn.prepare_cached("SELECT operationtypeid, description FROM operation_types ORDER BY 1")?;
    let rows = stmt.query_map([], |r| {
        Ok(json!({"operationtypeid": r.get::<_, String>(0)?, "description": r.get::<_, String>(1)?}))
    })?;
    rows.collect()
}

/// Products, stock, price lists, payment conditions, carriers and operation types, with
/// their OpenAPI entries.
pub fn routes() -> Documented {
    Documented::new()
        .route(
            "/api/tgv/products",
            get(products),
            &[Doc { query: &["QUICKFILTER"], ..doc::op("get", "Products", List(&PRODUCT)) }],
        )
        .route(
            "/api/tgv/products/sync",
            full_route(&PRODUCT_SYNC),
            &[doc::op("get", "Products of today's selection", SyncList(&PRODUCT))],
        )
        .route(
            "/api/tgv/products/sync/diff/{date_sync}",
            diff_route(&PRODUCT_SYNC),
            &[doc::op("get", "Products changed since", SyncList(&PRODUCT))],
        )
        .route(
            "/api/tgv/products/{price_list}/{customer}/{store}",
            get(products_for_price_list),
            &[Doc {
                query: &["FILTERPRICELIST"],
                ..doc::op("get", "Products priced by a list for a customer", List(&PRODUCT))
            }],
        )
        .route(
            "/api/tgv/productBalance",
            full_route(&PRODUCT_BALANCE_SYNC),
            &[doc::op("get", "Stock per warehouse", SyncList(&PRODUCT_BALANCE))],
        )
        .route(
            "/api/tgv/productBalance/diff/{date_sync}",
            diff_route(&PRODUCT_BALANCE_SYNC),
            &[doc::op("get", "Stock changed since", SyncList(&PRODUCT_BALANCE))],
        )
        .route(
            "/api/tgv/productBalance/{product}",
            get(product_balance),
            &[doc::op("get", "One product's stock per warehouse", List(&PRODUCT_BALANCE))],
        )
        .route(
            "/api/tgv/priceList",
            full_route(&PRICE_LIST_SYNC),
            &[doc::op("get", "Price lists", SyncList(&PRICE_LIST))],
        )
        .route(
            "/api/tgv/priceList/diff/{date_sync}",
            diff_route(&PRICE_LIST_SYNC),
            &[doc::op("get", "Price lists changed since", SyncList(&PRICE_LIST))],
        )
        .route(
            "/api/tgv/priceList/items",
            full_route(&PRICE_LIST_ITEM_SYNC),
            &[doc::op("get", "Price-list items of today's products", SyncList(&PRICE_LIST_ITEM))],
        )
        .route(
            "/api/tgv/priceList/items/diff/{date_sync}",
            diff_route(&PRICE_LIST_ITEM_SYNC),
            &[doc::op("get", "Price-list items changed since", SyncList(&PRICE_LIST_ITEM))],
        )
        .route(
            "/api/tgv/paymentconditions",
            full_route(&PAYMENT_CONDITION_SYNC),
            &[doc::op("get", "Payment conditions", SyncList(&PAYMENT_CONDITION))],
        )
        .route(
            "/api/tgv/paymentconditions/diff/{date_sync}",
            diff_route(&PAYMENT_CONDITION_SYNC),
            &[doc::op("get", "Payment conditions changed since", SyncList(&PAYMENT_CONDITION))],
        )
        .route("/api/tgv/carriers", full_route(&CARRIER_SYNC), &[doc::op("get", "Carriers", SyncList(&CARRIER))])
        .route(
            "/api/tgv/carriers/diff/{date_sync}",
            diff_route(&CARRIER_SYNC),
            &[doc::op("get", "Carriers changed since", SyncList(&CARRIER))],
        )
        .route("/api/tgv/typesofoperation", get(types_of_operation), &[doc::op("get", "Operation types", Object)])
}
