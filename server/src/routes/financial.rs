//! Financial reads (§4.2–4.5): financial status with its sync pair, open bills, the
//! delinquency percentage and the credit-limit balance.
//!
//! Going beyond Protheus, which serves these without a seller filter, a seller reads only
//! the finances of their own customers (admins: all).

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Extension, Json};
use rusqlite::types::Value as SqlValue;
use serde::Deserialize;
use serde_json::{json, Value};

use super::documented::Documented;
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::listing::{self, Entity, Kind, ListParams};
use crate::openapi::{
    self as doc,
    Body::{List, Object, Record, SyncList},
    Doc,
};
use crate::state::AppState;
use crate::sync::{diff_route, full_route, SyncSource};

use Kind::{Flag, Number, Text};

pub static FINANCIAL_STATUS: Entity = Entity {
    table: "financial_status_view",
    columns: &[("id", Text), ("branch", Text), ("code", Text), ("store", Text), ("oldestdue", Text), ("deleted", Flag)],
    fixed: &["id"],
    default_order: "code, store",
    virtuals: &[],
};

pub static FINANCIAL_STATUS_SYNC: SyncSource =
    SyncSource { entity: &FINANCIAL_STATUS, selection: None, seller_scope: Some("vendor = ?"), diff_live_only: false };

pub static BILL: Entity = Entity {
    table: "bills_view",
    columns: &[
        ("id", Text),
        ("branchid", Text),
        ("prefix", Text),
        ("titlecode", Text),
        ("installment", Text),
        ("type", Text),
        ("customerid", Text),
        ("customerstore", Text),
        ("billvalue", Number),
        ("titlebalance", Number),
        ("writeoffnetvalue", Number),
        ("installmentmaturity", Text),
        ("issuedate", Text),
        ("status", Text),
        ("deleted", Flag),
    ],
    fixed: &["id"],
    default_order: "installmentmaturity, titlecode, installment",
    virtuals: &[],
};

/// `GET /api/tgv/financialstatus`
pub async fn statuses(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<ListParams>,
) -> ApiResult<Json<Value>> {
    let base = listing::live_rows_of(&caller, "vendor")?;
    listing::online_page(state, &FINANCIAL_STATUS, base, params, None, true).await
}

/// `GET /api/tgv/financialstatus/:id/:store`
pub async fn status(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path((code, store)): Path<(String, String)>,
) -> ApiResult<Json<Value>> {
    let base = listing::live_rows_of(&caller, "vendor")?
        .and("code = ? AND store = ?", [SqlValue::Text(code), SqlValue::Text(store)]);
    listing::online_record(state, &FINANCIAL_STATUS, base, "Cliente nao encontrado").await
}

/// The query of `financialsecurities` (lower case, as the server reads it).
#[derive(Debug, Default, Deserialize)]
pub struct BillParams {
    #[serde(flatten)]
    pub list: ListParams,
    pub customerid: Option<String>,
    pub customerstore: Option<String>,
    pub filter: Option<String>,
}

/// A `filter` that parses as `yyyy-m-d` also matches due and issue dates (§4.4).
fn as_date(s: &str) -> Option<String> {
    let mut p = s.trim().split('-');
    let (y, m, d) = (p.next()?.parse::<u32>().ok()?, p.next()?.parse::<u32>().ok()?, p.next()?.parse::<u32>().ok()?);
    (p.next().is_none() && (1..=12).contains(&m) && (1..=31).contains(&d)).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// `GET /api/tgv/financialsecurities/?customerid=&customerstore=&filter=`: open bills.
pub async fn bills(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<BillParams>,
) -> ApiResult<Json<Value>> {
    let mut base = listing::live_rows_of(&caller, "vendor")?.and("titlebalance > 0", []).and(
        "customerid = ? AND customerstore = ?",
        [
            SqlValue::Text(params.customerid.clone().unwrap_or_default()),
            SqlValue::Text(params.customerstore.clone().unwrap_or_default()),
        ],
    );
    if let Some(f) = params.filter.as_deref().map(str::trim).filter(|f| !f.is_empty()) {
        let prefix = listing::search_pattern("filter", f, false)?;
        base = match as_date(f) {
            Some(d) => base.and(
                "(fold(titlecode) LIKE ? ESCAPE '\\' OR installmentmaturity = ? OR issuedate = ?)",
                [SqlValue::Text(prefix), SqlValue::Text(d.clone()), SqlValue::Text(d)],
            ),
            None => base.and("fold(titlecode) LIKE ? ESCAPE '\\'", [SqlValue::Text(prefix)]),
        };
    }
    state
        .db
        .read(move |tx| {
            let columns = listing::selected_columns(&BILL, params.list.fields.as_deref());
            let page = listing::page(tx, &BILL, base, &params.list, &columns)?;
            Ok(Json(listing::envelope(page, Some(tx.sync_date()))))
        })
        .await
}

/// Whether the caller may read this customer's finances.
fn may_read(tx: &crate::db::Tx, caller: &Caller, code: &str, store: &str) -> ApiResult<bool> {
    Ok(caller.is_admin
        || tx.conn.query_row(
            "SELECT count(*) > 0 FROM customers WHERE code = ?1 AND store = ?2 AND vendor = ?3",
            rusqlite::params![code, store, caller.seller.clone().unwrap_or_default()],
            |r| r.get(0),
        )?)
}

/// `GET /api/tgv/financialsecurities/financialdefault/:customer/:store`: overdue ÷ open × 100.
pub async fn delinquency(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path((code, store)): Path<(String, String)>,
) -> ApiResult<Response> {
    if code.trim().is_empty() || store.trim().is_empty() {
        return Err(ApiError::ErrorCode("Codigo do Cliente invalido".into()));
    }
    let pct = state
        .db
        .read(move |tx| {
            if !may_read(tx, &caller, &code, &store)? {
                return Ok(0.0);
            }
            let (total, overdue): (f64, f64) = tx.conn.query_row(
                "SELECT coalesce(sum(titlebalance), 0),
                        coalesce(sum(CASE WHEN installmentmaturity < ?3 THEN titlebalance ELSE 0 END), 0)
                 FROM bills WHERE customerid = ?1 AND customerstore = ?2 AND titlebalance > 0 AND deleted = 0",
                rusqlite::params![code, store, tx.today()],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            Ok(if total > 0.0 { (overdue / total * 10000.0).round() / 100.0 } else { 0.0 })
        })
        .await?;
    Ok(Json(json!({ "financialdefault": pct })).into_response())
}

/// `GET /api/tgv/customers/creditlimit/:customer/:store`: credit limit − open receivables −
/// orders not yet invoiced (0 when the customer is not found).
pub async fn credit_limit(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path((code, store)): Path<(String, String)>,
) -> ApiResult<Json<Value>> {
    let balance = state
        .db
        .read(move |tx| {
            if !may_read(tx, &caller, &code, &store)? {
                return Ok(0.0);
            }
            Ok(crate::erp::credit::balance(tx, &code, &store)?)
        })
        .await?;
    Ok(Json(json!({ "creditLimitBalance": balance })))
}

/// Financial reads and their OpenAPI entries.
pub fn routes() -> Documented {
    Documented::new()
        .route(
            "/api/tgv/financialstatus",
            get(statuses),
            &[doc::op("get", "Financial status of the seller's customers", List(&FINANCIAL_STATUS))],
        )
        .route(
            "/api/tgv/financialstatus/sync",
            full_route(&FINANCIAL_STATUS_SYNC),
            &[doc::op("get", "Financial status, full load", SyncList(&FINANCIAL_STATUS))],
        )
        .route(
            "/api/tgv/financialstatus/sync/diff/{date_sync}",
            diff_route(&FINANCIAL_STATUS_SYNC),
            &[doc::op("get", "Financial status changed since", SyncList(&FINANCIAL_STATUS))],
        )
        .route(
            "/api/tgv/financialstatus/{code}/{store}",
            get(status),
            &[doc::op("get", "One customer's financial status", Record(&FINANCIAL_STATUS))],
        )
        .route(
            "/api/tgv/financialsecurities",
            get(bills),
            &[Doc {
                query: &["customerid", "customerstore", "filter"],
                ..doc::op("get", "Open bills of a customer", SyncList(&BILL))
            }],
        )
        .route(
            "/api/tgv/financialsecurities/financialdefault/{code}/{store}",
            get(delinquency),
            &[doc::op("get", "Delinquency percentage", Object)],
        )
        .route(
            "/api/tgv/customers/creditlimit/{code}/{store}",
            get(credit_limit),
            &[doc::op("get", "Available credit", Object)],
        )
}
