//! A customer's last purchases (a Mascate extension): for each product the customer ever
//! ordered from the seller, the newest order line (date, quantity, price). Online per
//! customer, newest first; and a sync pair over today's customer selection, so the form can
//! offer them offline.

use axum::extract::{Path, Query, State};
use axum::routing::get;
use axum::{Extension, Json};
use mascate_domain::contract::schema;
use rusqlite::types::Value as SqlValue;
use serde_json::Value;

use super::documented::Documented;
use crate::auth::Caller;
use crate::error::ApiResult;
use crate::listing::{self, Entity, Kind, ListParams};
use crate::openapi::{
    self as doc,
    Body::{List, SyncList},
};
use crate::state::AppState;
use crate::sync::{diff_route, full_route, SyncSource};

use Kind::{Flag, Number, Stamp, Text};

pub static LAST_PURCHASE: Entity = Entity {
    table: "last_purchases_view",
    columns: &[
        ("internalid", Text),
        ("customerid", Text),
        ("customerstore", Text),
        ("productid", Text),
        ("description", Text),
        ("lastdate", Text),
        ("orderid", Text),
        ("quantity", Number),
        ("unitprice", Number),
        ("STAMP", Stamp),
        ("deleted", Flag),
    ],
    fixed: &["internalid"],
    default_order: "internalid",
    virtuals: &[],
};

/// The last purchases of today's selected customers, from the seller's own orders.
pub static LAST_PURCHASE_SYNC: SyncSource = SyncSource {
    entity: &LAST_PURCHASE,
    selection: Some((schema::CUSTOMERS, "customerid || customerstore")),
    seller_scope: Some("sellerid = ?"),
    diff_live_only: false,
};

/// `GET /api/mascate/v1/lastpurchases/:code/:store`: newest first (`SORT` may change it).
pub async fn of_customer(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path((code, store)): Path<(String, String)>,
    Query(mut params): Query<ListParams>,
) -> ApiResult<Json<Value>> {
    if params.sort.as_deref().is_none_or(|s| s.trim().is_empty()) {
        params.sort = Some("-lastdate,-orderid".into());
    }
    let base = listing::live_rows_of(&caller, "sellerid")?
        .and("customerid = ? AND customerstore = ?", [SqlValue::Text(code), SqlValue::Text(store)]);
    listing::online_page(state, &LAST_PURCHASE, base, params, None, true).await
}

/// The last-purchase routes and their OpenAPI entries.
pub fn routes() -> Documented {
    Documented::new()
        .route(
            "/api/mascate/v1/lastpurchases/sync",
            full_route(&LAST_PURCHASE_SYNC),
            &[doc::op(
                "get",
                "Last purchases of today's selected customers (Mascate extension)",
                SyncList(&LAST_PURCHASE),
            )],
        )
        .route(
            "/api/mascate/v1/lastpurchases/sync/diff/{date_sync}",
            diff_route(&LAST_PURCHASE_SYNC),
            &[doc::op("get", "Last purchases changed since (Mascate extension)", SyncList(&LAST_PURCHASE))],
        )
        .route(
            "/api/mascate/v1/lastpurchases/{code}/{store}",
            get(of_customer),
            &[doc::op("get", "A customer's last purchase of each product (Mascate extension)", List(&LAST_PURCHASE))],
        )
}
