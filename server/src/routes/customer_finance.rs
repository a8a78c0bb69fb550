//! A customer's finances beyond the contract (Mascate extensions, issue 25; online only):
//! the bills paid (SE1 written off by SE5 movements), the credit notes returns made (SE1
//! type `NCC`), the registration sheet (SA1's financial tab) and the credit sheet found by
//! CPF/CNPJ ([`sheet`]). Only the caller's customers: another seller's answers 404 exactly
//! as an unknown one.

mod sheet;

use axum::extract::{Path, Query, State};
use axum::routing::get;
use axum::{Extension, Json};
use serde_json::Value;

use super::customer_scope::customer_page;
use super::documented::Documented;
use crate::auth::Caller;
use crate::error::ApiResult;
use crate::listing::{Entity, Kind, ListParams};
use crate::openapi::{
    self as doc,
    Body::{List, Object},
    Doc,
};
use crate::state::AppState;

use Kind::{Number, Text};

/// One payment of a bill: the bill, and the movement that wrote it off (in full or in part).
pub static PAID_BILL: Entity = Entity {
    table: "paid_bills_view",
    columns: &[
        ("internalid", Text),
        ("prefix", Text),
        ("titlecode", Text),
        ("installment", Text),
        ("type", Text),
        ("sequence", Text),
        ("customerid", Text),
        ("customerstore", Text),
        ("issuedate", Text),
        ("duedate", Text),
        ("billvalue", Number),
        ("paiddate", Text),
        ("writeoff", Number),
        ("interest", Number),
        ("discount", Number),
        ("amountpaid", Number),
        ("balance", Number),
        ("delay", Number),
    ],
    fixed: &["internalid"],
    default_order: "paiddate DESC, internalid DESC",
    virtuals: &[],
};

const PAID_BILL_DATES: &[&str] = &["paiddate", "duedate", "issuedate"];

/// A credit note (NCC) a return made, and how much of it is left.
pub static CREDIT_NOTE: Entity = Entity {
    table: "credit_notes_view",
    columns: &[
        ("internalid", Text),
        ("prefix", Text),
        ("number", Text),
        ("type", Text),
        ("customerid", Text),
        ("customerstore", Text),
        ("issuedate", Text),
        ("amount", Number),
        ("balance", Number),
        ("used", Number),
        ("invoice", Text),
        ("invoiceserie", Text),
        ("orderid", Text),
    ],
    fixed: &["internalid"],
    default_order: "issuedate DESC, internalid DESC",
    virtuals: &[],
};

const CREDIT_NOTE_DATES: &[&str] = &["issuedate"];

/// `GET /api/mascate/v1/customers/:code/:store/paidbills`: newest payment first.
pub async fn paid_bills(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(key): Path<(String, String)>,
    Query(params): Query<ListParams>,
) -> ApiResult<Json<Value>> {
    customer_page(state, caller, key, &PAID_BILL, params, PAID_BILL_DATES).await
}

/// `GET /api/mascate/v1/customers/:code/:store/creditnotes`: newest first.
pub async fn credit_notes(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(key): Path<(String, String)>,
    Query(params): Query<ListParams>,
) -> ApiResult<Json<Value>> {
    customer_page(state, caller, key, &CREDIT_NOTE, params, CREDIT_NOTE_DATES).await
}

/// The customer finance routes and their OpenAPI entries.
pub fn routes() -> Documented {
    Documented::new()
        .route(
            "/api/mascate/v1/customers/{code}/{store}/paidbills",
            get(paid_bills),
            &[doc::op("get", "A customer's paid bills (Mascate extension)", List(&PAID_BILL))],
        )
        .route(
            "/api/mascate/v1/customers/{code}/{store}/creditnotes",
            get(credit_notes),
            &[doc::op("get", "A customer's credit notes, NCC (Mascate extension)", List(&CREDIT_NOTE))],
        )
        .route(
            "/api/mascate/v1/customers/{code}/{store}/financialsheet",
            get(sheet::financial_sheet),
            &[doc::op("get", "A customer's registration sheet, financial tab (Mascate extension)", Object)],
        )
        .route(
            "/api/mascate/v1/creditsheet/{taxid}",
            get(sheet::credit_sheet_by_path),
            &[doc::op("get", "Credit sheet of a customer by CPF/CNPJ (Mascate extension)", Object)],
        )
        .route(
            "/api/mascate/v1/creditsheet",
            get(sheet::credit_sheet_by_query),
            &[Doc {
                query: &["taxid"],
                ..doc::op("get", "Credit sheet by CPF/CNPJ given as ?taxid= (Mascate extension)", Object)
            }],
        )
}
