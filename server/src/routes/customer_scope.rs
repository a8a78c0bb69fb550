//! What the Mascate reads of one customer (or one order) share (issue 25): the key checked
//! (a 400 naming it), the caller's ownership (another seller's customer answers exactly as an
//! unknown one, 404), list parameters checked strictly (page, page size, dates a `FILTER`
//! compares), and the page itself.

use axum::Json;
use mascate_domain::filter::{Expr, Value as FilterValue};
use mascate_domain::statistics::parse_day;
use rusqlite::types::Value as SqlValue;
use rusqlite::OptionalExtension;
use serde_json::Value;

use crate::auth::Caller;
use crate::db::Tx;
use crate::error::{ApiError, ApiResult};
use crate::listing::{self, Entity, ListParams, Where, MAX_PAGE, MAX_PAGE_SIZE};
use crate::state::AppState;

/// The 404 of a customer the caller does not have (unknown or another seller's).
pub const UNKNOWN_CUSTOMER: &str = "Cliente nao encontrado";

/// `text` as a code of exactly `width` letters or digits, or a 400 naming `name`.
pub fn code(name: &str, text: &str, width: usize) -> ApiResult<String> {
    let t = text.trim();
    if t.chars().count() != width || !t.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(ApiError::bad_request(format!("{name}: {width} letras ou dígitos.")));
    }
    Ok(t.to_string())
}

/// A customer key (`A1_COD`, 6; `A1_LOJA`, 2), checked.
pub fn customer_key(code_text: &str, store: &str) -> ApiResult<(String, String)> {
    Ok((code("Código do cliente", code_text, 6)?, code("Loja do cliente", store, 2)?))
}

/// The caller's seller code for a visibility check: empty for an admin (who sees every
/// seller's), the contract's 403 for a user who is neither admin nor seller.
pub fn seller_of(caller: &Caller) -> ApiResult<String> {
    Ok(if caller.is_admin { String::new() } else { caller.seller()?.to_string() })
}

/// Whether the caller has this live customer (admins: any live customer).
pub fn owns_customer(tx: &Tx, caller: &Caller, code: &str, store: &str) -> ApiResult<bool> {
    let seller = seller_of(caller)?;
    Ok(tx
        .conn
        .query_row(
            "SELECT 1 FROM customers WHERE code = ?1 AND store = ?2 AND deleted = 0 AND (?3 OR vendor = ?4)",
            rusqlite::params![code, store, caller.is_admin, seller],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// Refuses a page or page size that is not a number in range (other lists fall back to the
/// defaults; these say what was wrong).
fn check_paging(params: &ListParams) -> ApiResult<()> {
    let check = |name: &str, v: &Option<String>, max: usize| -> ApiResult<()> {
        match v.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => Ok(()),
            Some(s) => match s.parse::<usize>() {
                Ok(n) if (1..=max).contains(&n) => Ok(()),
                _ => Err(ApiError::bad_request(format!("{name}: um número de 1 a {max}."))),
            },
        }
    };
    check("page", &params.page, MAX_PAGE)?;
    check("pageSize", &params.page_size, MAX_PAGE_SIZE)
}

/// Refuses a `FILTER` comparing one of `dates` with anything but a real `YYYY-MM-DD`.
fn check_dates(expr: &Expr, dates: &[&str]) -> ApiResult<()> {
    match expr {
        Expr::And(v) | Expr::Or(v) => v.iter().try_for_each(|e| check_dates(e, dates)),
        Expr::Not(e) => check_dates(e, dates),
        Expr::Compare { field, value, .. } if dates.iter().any(|d| d.eq_ignore_ascii_case(field)) => {
            let ok = match value {
                FilterValue::Text(t) => parse_day(t).is_some_and(|d| d == t.trim()),
                _ => false,
            };
            if ok {
                Ok(())
            } else {
                Err(ApiError::bad_request(format!("FILTER: {field} espera uma data AAAA-MM-DD.")))
            }
        }
        _ => Ok(()),
    }
}

/// Checks the list parameters: paging, bounds, the `FILTER` (parsed, its `dates` real dates).
pub fn check_list(params: &ListParams, dates: &[&str]) -> ApiResult<()> {
    check_paging(params)?;
    params.check_bounds()?;
    match params.filter_expr()? {
        Some(expr) => check_dates(&expr, dates),
        None => Ok(()),
    }
}

/// A page of `entity` rows of one of the caller's customers (the view has `customerid`,
/// `customerstore`, `vendor` and `deleted`); 404 when the customer is not the caller's.
pub async fn customer_page(
    state: AppState,
    caller: Caller,
    (code, store): (String, String),
    entity: &'static Entity,
    params: ListParams,
    dates: &'static [&'static str],
) -> ApiResult<Json<Value>> {
    let (code, store) = customer_key(&code, &store)?;
    check_list(&params, dates)?;
    let base = listing::live_rows_of(&caller, "vendor")?
        .and("customerid = ? AND customerstore = ?", [SqlValue::Text(code.clone()), SqlValue::Text(store.clone())]);
    state
        .db
        .read(move |tx| {
            if !owns_customer(tx, &caller, &code, &store)? {
                return Err(ApiError::not_found(UNKNOWN_CUSTOMER));
            }
            page(tx, entity, base, &params)
        })
        .await
}

/// One page of `entity` rows matching `base`, with `po_sync_date`.
pub fn page(tx: &Tx, entity: &'static Entity, base: Where, params: &ListParams) -> ApiResult<Json<Value>> {
    let columns = listing::online_columns(entity, params.fields.as_deref());
    let page = listing::page(tx, entity, base, params, &columns)?;
    Ok(Json(listing::envelope(page, Some(tx.sync_date()))))
}
