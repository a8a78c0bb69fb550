//! The industrial side of a customer (Mascate extensions, issue 25; online only): goods of
//! the customer the company holds for industrialisation (SB6, third-party stock "em nosso
//! poder") and the production orders (SC2) serving the customer's sales orders, per
//! customer and per sales order (`C2_PEDIDO`), so the app links them from the order.

use axum::extract::{Path, Query, State};
use axum::routing::get;
use axum::{Extension, Json};
use rusqlite::types::Value as SqlValue;
use rusqlite::OptionalExtension;
use serde_json::Value;

use super::customer_scope::{self, customer_page};
use super::documented::Documented;
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::listing::{Entity, Kind, ListParams, Where};
use crate::openapi::{self as doc, Body::List};
use crate::state::AppState;

use Kind::{Number, Text};

/// A customer's goods held: what is left (`quantity`, `B6_SALDO`) of what came in
/// (`received`, `B6_QUANT`) with the customer's invoice (`document`/`serie`, `B6_DOC`).
pub static HELD_STOCK: Entity = Entity {
    table: "held_stock_view",
    columns: &[
        ("internalid", Text),
        ("customerid", Text),
        ("customerstore", Text),
        ("productid", Text),
        ("description", Text),
        ("unit", Text),
        ("quantity", Number),
        ("received", Number),
        ("unitprice", Number),
        ("document", Text),
        ("serie", Text),
        ("itemid", Text),
        ("issuedate", Text),
    ],
    fixed: &["internalid"],
    default_order: "issuedate DESC, internalid",
    virtuals: &[],
};

/// A production order (`C2_NUM` + `C2_ITEM` + `C2_SEQUEN`) and the sales order item it serves.
pub static PRODUCTION_ORDER: Entity = Entity {
    table: "production_orders_view",
    columns: &[
        ("internalid", Text),
        ("number", Text),
        ("item", Text),
        ("sequence", Text),
        ("productid", Text),
        ("description", Text),
        ("unit", Text),
        ("quantity", Number),
        ("produced", Number),
        ("startdate", Text),
        ("enddate", Text),
        ("finishdate", Text),
        ("status", Text),
        ("orderid", Text),
        ("orderitem", Text),
        ("customerid", Text),
        ("customerstore", Text),
    ],
    fixed: &["internalid"],
    default_order: "startdate DESC, internalid DESC",
    virtuals: &[],
};

const HELD_DATES: &[&str] = &["issuedate"];
const PRODUCTION_DATES: &[&str] = &["startdate", "enddate", "finishdate"];

/// `GET /api/mascate/v1/customers/:code/:store/heldstock`
pub async fn held_stock(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(key): Path<(String, String)>,
    Query(params): Query<ListParams>,
) -> ApiResult<Json<Value>> {
    customer_page(state, caller, key, &HELD_STOCK, params, HELD_DATES).await
}

/// `GET /api/mascate/v1/customers/:code/:store/productionorders`
pub async fn of_customer(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(key): Path<(String, String)>,
    Query(params): Query<ListParams>,
) -> ApiResult<Json<Value>> {
    customer_page(state, caller, key, &PRODUCTION_ORDER, params, PRODUCTION_DATES).await
}

/// `GET /api/mascate/v1/orders/:number/productionorders`: 404 when the sales order is not
/// the caller's (or does not exist); an order without production answers an empty list.
pub async fn of_order(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(number): Path<String>,
    Query(params): Query<ListParams>,
) -> ApiResult<Json<Value>> {
    let number = customer_scope::code("Número do pedido", &number, 6)?;
    customer_scope::check_list(&params, PRODUCTION_DATES)?;
    // The order is checked to be the caller's below; its production orders follow it.
    let base = Where::new().and("deleted = 0 AND orderid = ?", [SqlValue::Text(number.clone())]);
    state
        .db
        .read(move |tx| {
            let mine = tx
                .conn
                .query_row(
                    "SELECT 1 FROM orders WHERE orderid = ?1 AND deleted = 0 AND (?2 OR sellerid = ?3)",
                    rusqlite::params![number, caller.is_admin, customer_scope::seller_of(&caller)?],
                    |_| Ok(()),
                )
                .optional()?
                .is_some();
            if !mine {
                return Err(ApiError::not_found("Pedido de Venda não localizado"));
            }
            customer_scope::page(tx, &PRODUCTION_ORDER, base, &params)
        })
        .await
}

/// The industrial routes and their OpenAPI entries.
pub fn routes() -> Documented {
    Documented::new()
        .route(
            "/api/mascate/v1/customers/{code}/{store}/heldstock",
            get(held_stock),
            &[doc::op(
                "get",
                "Goods of the customer held for industrialisation, SB6 (Mascate extension)",
                List(&HELD_STOCK),
            )],
        )
        .route(
            "/api/mascate/v1/customers/{code}/{store}/productionorders",
            get(of_customer),
            &[doc::op("get", "A customer's production orders, SC2 (Mascate extension)", List(&PRODUCTION_ORDER))],
        )
        .route(
            "/api/mascate/v1/orders/{number}/productionorders",
            get(of_order),
            &[doc::op(
                "get",
                "The production orders serving a sales order (Mascate extension)",
                List(&PRODUCTION_ORDER),
            )],
        )
}
