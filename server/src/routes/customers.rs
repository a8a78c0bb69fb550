//! Customers (§4.1–4.2): the online list and record, and the sync pair that follows the
//! seller's offline selection for today.

use axum::extract::{Path, Query, State};
use axum::routing::get;
use axum::{Extension, Json};
use mascate_domain::contract::schema;
use rusqlite::types::Value as SqlValue;
use serde_json::Value;

use super::documented::Documented;
use crate::auth::Caller;
use crate::erp::default_quotation_customer_key;
use crate::error::{ApiError, ApiResult};
use crate::listing::{self, ListParams, Where};
use crate::openapi::{
    self as doc,
    Body::{List, Record, SyncList},
};
use crate::state::AppState;
use crate::sync::{diff_route, full_route, SyncSource};

pub use crate::tables::CUSTOMER;

/// `GET /api/tgv/customers/`
pub async fn list(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<ListParams>,
) -> ApiResult<Json<Value>> {
    listing::online_page(state, &CUSTOMER, listing::live_rows_of(&caller, "vendor")?, params, None, true).await
}

/// `GET /api/tgv/customers/:code/:store`
pub async fn one(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path((code, store)): Path<(String, String)>,
    Query(params): Query<ListParams>,
) -> ApiResult<Json<Value>> {
    let mut base =
        Where::new().and("code = ? AND store = ? AND deleted = 0", [SqlValue::Text(code), SqlValue::Text(store)]);
    if !caller.is_admin {
        base = base.and(
            "vendor = ? OR code || store = ?",
            [SqlValue::Text(caller.seller()?.to_string()), SqlValue::Text(default_quotation_customer_key())],
        );
    }
    state
        .db
        .read(move |tx| {
            let columns = listing::online_columns(&CUSTOMER, params.fields.as_deref());
            listing::one(tx, &CUSTOMER, base, &columns)?
                .map(|m| Json(Value::Object(m)))
                .ok_or_else(|| ApiError::not_found("Cliente nao encontrada"))
        })
        .await
}

/// Sync reads: today's selection of this seller, and (going beyond Protheus) only
/// customers the seller owns, or the default quotation customer, whatever the selection names.
pub static CUSTOMER_SYNC: SyncSource = SyncSource {
    entity: &CUSTOMER,
    selection: Some((schema::CUSTOMERS, "code || store")),
    seller_scope: Some("(vendor = ? OR code || store = default_quotation_customer())"),
    diff_live_only: false,
};

/// The customer routes and their OpenAPI entries.
pub fn routes() -> Documented {
    Documented::new()
        .route("/api/tgv/customers", get(list), &[doc::op("get", "The seller's customers", List(&CUSTOMER))])
        .route(
            "/api/tgv/customers/sync",
            full_route(&CUSTOMER_SYNC),
            &[doc::op("get", "Customers of today's selection", SyncList(&CUSTOMER))],
        )
        .route(
            "/api/tgv/customers/sync/diff/{date_sync}",
            diff_route(&CUSTOMER_SYNC),
            &[doc::op("get", "Customers changed since a sync date", SyncList(&CUSTOMER))],
        )
        .route("/api/tgv/customers/{code}/{store}", get(one), &[doc::op("get", "One customer", Record(&CUSTOMER))])
}
