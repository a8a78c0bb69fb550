//! `GET /api/mascate/v1/invoices` (a Mascate extension, like the portal's fiscal documents):
//! the seller's invoices with their order and customer, filtered by the list `FILTER`
//! (`issuedate ge '…' and issuedate le '…'`, `deliverydate`, `customerid`…), newest first by
//! default; and `GET /api/mascate/v1/returns`, the goods customers sent back against them
//! (SD1 returns), filtered the same way. The contract only reads invoices per order (§9.4).

use axum::extract::{Query, State};
use axum::routing::get;
use axum::{Extension, Json};
use serde_json::Value;

use super::documented::Documented;
use crate::auth::Caller;
use crate::error::ApiResult;
use crate::listing::{self, Entity, Kind, ListParams};
use crate::openapi::{self as doc, Body::List};
use crate::state::AppState;

use Kind::{Flag, Number, Text};

pub static INVOICE: Entity = Entity {
    table: "invoices_view",
    columns: &[
        ("internalid", Text),
        ("branch", Text),
        ("invoice", Text),
        ("serie", Text),
        ("orderid", Text),
        ("issuedate", Text),
        ("deliverydate", Text),
        ("amount", Number),
        ("quantity", Number),
        ("invoicetype", Text),
        ("invoicecele", Text),
        ("invoicekey", Text),
        ("customerid", Text),
        ("customerstore", Text),
        ("customer", Text),
        ("customername", Text),
        ("deleted", Flag),
    ],
    fixed: &["internalid", "invoice"],
    default_order: "issuedate DESC, invoice DESC, serie",
    virtuals: &[],
};

/// `GET /api/mascate/v1/invoices`
pub async fn list(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<ListParams>,
) -> ApiResult<Json<Value>> {
    listing::online_page(state, &INVOICE, listing::live_rows_of(&caller, "sellerid")?, params, None, true).await
}

pub static RETURN: Entity = Entity {
    table: "returns_view",
    columns: &[
        ("internalid", Text),
        ("branch", Text),
        ("document", Text),
        ("serie", Text),
        ("itemid", Text),
        ("invoice", Text),
        ("invoiceserie", Text),
        ("orderid", Text),
        ("productid", Text),
        ("quantity", Number),
        ("amount", Number),
        ("issuedate", Text),
        ("customerid", Text),
        ("customerstore", Text),
        ("deleted", Flag),
    ],
    fixed: &["internalid"],
    default_order: "issuedate DESC, document DESC, serie, itemid",
    virtuals: &[],
};

/// `GET /api/mascate/v1/returns`
pub async fn returns(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<ListParams>,
) -> ApiResult<Json<Value>> {
    listing::online_page(state, &RETURN, listing::live_rows_of(&caller, "sellerid")?, params, None, true).await
}

/// The invoice and return lists and their OpenAPI entries.
pub fn routes() -> Documented {
    Documented::new()
        .route(
            "/api/mascate/v1/invoices",
            get(list),
            &[doc::op("get", "The seller's invoices (Mascate extension)", List(&INVOICE))],
        )
        .route(
            "/api/mascate/v1/returns",
            get(returns),
            &[doc::op("get", "Goods returned against them (Mascate extension)", List(&RETURN))],
        )
}
