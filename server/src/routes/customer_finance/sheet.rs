//! The registration sheet (SA1's financial tab: `A1_LC`, `A1_RISCO`, `A1_MCOMPRA`,
//! `A1_MSALDO`, `A1_PRICOM`, `A1_ULTCOM`, `A1_NROCOM`, `A1_NROPAG`, `A1_METR`, `A1_MATR`),
//! computed from the invoices (SF2), receivables (SE1) and their payments (SE5) rather than
//! kept as counters; and the credit sheet found by CPF/CNPJ, which adds what is owed now.

use axum::extract::{Path, Query, State};
use axum::{Extension, Json};
use mascate_domain::contract::{CreditSheet, FinancialSheet};
use mascate_domain::tax_id::{validate, TaxIdError};
use rusqlite::{params, OptionalExtension};
use serde::Deserialize;

use super::super::customer_scope::{customer_key, owns_customer, seller_of, UNKNOWN_CUSTOMER};
use crate::auth::Caller;
use crate::db::Tx;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// The customer's invoices: (count, first, last, largest amount, its date).
fn purchases(tx: &Tx, code: &str, store: &str, sheet: &mut FinancialSheet) -> ApiResult<()> {
    let mut stmt = tx.conn.prepare_cached(
        "SELECT n.amount, n.issuedate FROM invoices n JOIN orders o ON o.orderid = n.orderid
         WHERE o.clientid = ?1 AND o.storeid = ?2 AND o.deleted = 0 ORDER BY n.issuedate, n.invoice",
    )?;
    let rows: Vec<(f64, String)> =
        stmt.query_map(params![code, store], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    sheet.purchases = rows.len() as u32;
    sheet.first_purchase = rows.first().map(|r| r.1.clone()).unwrap_or_default();
    sheet.last_purchase = rows.last().map(|r| r.1.clone()).unwrap_or_default();
    for (amount, date) in rows {
        // The latest of equal amounts, as the counter would have kept it.
        if amount >= sheet.largest_purchase && amount > 0.0 {
            sheet.largest_purchase = round2(amount);
            sheet.largest_purchase_date = date;
        }
    }
    Ok(())
}

/// Payments: count, mean and largest delay (early payments count 0).
fn payments(tx: &Tx, code: &str, store: &str, sheet: &mut FinancialSheet) -> ApiResult<()> {
    let (count, average, largest): (u32, f64, i64) = tx.conn.query_row(
        "SELECT count(*), coalesce(avg(max(delay, 0)), 0), coalesce(max(max(delay, 0)), 0)
         FROM paid_bills_view WHERE customerid = ?1 AND customerstore = ?2 AND deleted = 0",
        params![code, store],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    sheet.payments = count;
    sheet.average_delay = round2(average);
    sheet.largest_delay = largest;
    Ok(())
}

/// The most owed at once: bills add on their issue date, payments take off on theirs.
fn largest_balance(tx: &Tx, code: &str, store: &str) -> ApiResult<f64> {
    let mut stmt = tx.conn.prepare_cached(
        "SELECT issuedate AS day, 0 AS credit, billvalue FROM bills
         WHERE customerid = ?1 AND customerstore = ?2 AND deleted = 0
         UNION ALL
         SELECT paiddate, 1, -writeoff FROM paid_bills_view WHERE customerid = ?1 AND customerstore = ?2 AND deleted = 0
         ORDER BY day, credit",
    )?;
    let moves: Vec<f64> = stmt.query_map(params![code, store], |r| r.get(2))?.collect::<rusqlite::Result<_>>()?;
    let (mut balance, mut largest) = (0.0f64, 0.0f64);
    for m in moves {
        balance += m;
        largest = largest.max(balance);
    }
    Ok(round2(largest))
}

/// The sheet of a customer known to exist.
pub fn financial(tx: &Tx, code: &str, store: &str) -> ApiResult<FinancialSheet> {
    let mut sheet = tx.conn.query_row(
        "SELECT name, cgc, creditlimit, risk FROM customers WHERE code = ?1 AND store = ?2",
        params![code, store],
        |r| {
            Ok(FinancialSheet {
                customer_code: code.to_string(),
                customer_store: store.to_string(),
                name: r.get(0)?,
                tax_id: r.get(1)?,
                credit_limit: r.get(2)?,
                risk: r.get(3)?,
                ..FinancialSheet::default()
            })
        },
    )?;
    purchases(tx, code, store, &mut sheet)?;
    payments(tx, code, store, &mut sheet)?;
    sheet.largest_balance = largest_balance(tx, code, store)?;
    Ok(sheet)
}

/// `GET /api/mascate/v1/customers/:code/:store/financialsheet`
pub async fn financial_sheet(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path((code, store)): Path<(String, String)>,
) -> ApiResult<Json<FinancialSheet>> {
    let (code, store) = customer_key(&code, &store)?;
    state
        .db
        .read(move |tx| {
            if !owns_customer(tx, &caller, &code, &store)? {
                return Err(ApiError::not_found(UNKNOWN_CUSTOMER));
            }
            Ok(Json(financial(tx, &code, &store)?))
        })
        .await
}

/// The longest tax id accepted as typed (a mask with spaces around it).
const MAX_TAX_ID_LEN: usize = 32;

/// A CPF or CNPJ as typed (digits, with or without its mask), checked: its digits, or a
/// 400 saying what is wrong.
pub fn tax_id_digits(input: &str) -> ApiResult<String> {
    let t = input.trim();
    if t.is_empty() {
        return Err(ApiError::bad_request("taxid: informe o CPF ou o CNPJ."));
    }
    if t.chars().count() > MAX_TAX_ID_LEN || !t.chars().all(|c| c.is_ascii_digit() || ".-/ ".contains(c)) {
        return Err(ApiError::bad_request("taxid: apenas dígitos, com ou sem a máscara (pontos, barra e hífen)."));
    }
    match validate(t) {
        Ok(_) => Ok(t.chars().filter(char::is_ascii_digit).collect()),
        Err(TaxIdError::Length) => Err(ApiError::bad_request("taxid: o CPF tem 11 dígitos e o CNPJ 14.")),
        Err(TaxIdError::Repeated | TaxIdError::CheckDigits) => {
            Err(ApiError::bad_request("taxid: CPF/CNPJ inválido (dígito verificador não confere)."))
        }
    }
}

/// The credit sheet of the caller's customer with this tax id; 404 when none is the caller's.
async fn credit_sheet(state: AppState, caller: Caller, input: &str) -> ApiResult<Json<CreditSheet>> {
    let digits = tax_id_digits(input)?;
    state
        .db
        .read(move |tx| {
            let found: Option<(String, String)> = tx
                .conn
                .query_row(
                    "SELECT code, store FROM customers WHERE cgc = ?1 AND deleted = 0 AND (?2 OR vendor = ?3)
                     ORDER BY code, store LIMIT 1",
                    params![digits, caller.is_admin, seller_of(&caller)?],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            let Some((code, store)) = found else { return Err(ApiError::not_found(UNKNOWN_CUSTOMER)) };
            let (open, overdue): (f64, f64) = tx.conn.query_row(
                "SELECT coalesce(sum(titlebalance), 0),
                        coalesce(sum(CASE WHEN installmentmaturity < ?3 THEN titlebalance ELSE 0 END), 0)
                 FROM bills WHERE customerid = ?1 AND customerstore = ?2 AND titlebalance > 0 AND deleted = 0",
                params![code, store, tx.today()],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            Ok(Json(CreditSheet {
                sheet: financial(tx, &code, &store)?,
                open_bills: round2(open),
                overdue_bills: round2(overdue),
                available_credit: crate::erp::credit::balance(tx, &code, &store)?,
            }))
        })
        .await
}

/// `GET /api/mascate/v1/creditsheet/:taxid` (a mask's `/` sent as `%2F`).
pub async fn credit_sheet_by_path(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(taxid): Path<String>,
) -> ApiResult<Json<CreditSheet>> {
    credit_sheet(state, caller, &taxid).await
}

#[derive(Debug, Default, Deserialize)]
pub struct TaxIdQuery {
    taxid: Option<String>,
}

/// `GET /api/mascate/v1/creditsheet?taxid=`: the same, for a mask kept whole.
pub async fn credit_sheet_by_query(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(q): Query<TaxIdQuery>,
) -> ApiResult<Json<CreditSheet>> {
    credit_sheet(state, caller, q.taxid.as_deref().unwrap_or("")).await
}
