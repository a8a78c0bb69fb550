//! `GET /api/mascate/v1/salesstatistics` (a Mascate extension, like the portal's "estatísticas
//! de vendas"): the seller's sales by product, type, description or group, over a date range
//! and in one currency, with five figures per row and the same five per month.
//!
//! - sold quantity and gross value: the items of the seller's invoices issued in the range
//!   (goods after discounts, before taxes);
//! - returned quantity: returns (SD1) issued in the range against those invoices; the net value
//!   is the gross less the value returned;
//! - balance: what the seller's orders issued in the range still have to invoice.
//!
//! Query: `groupby` (`product`, `type`, `description`, `group`; default product), `from`/`to`
//! (`YYYY-MM-DD` or `YYYYMMDD`; default this month so far), `currency` (the documents'
//! `C5_MOEDA`, 1–99, default 1: only documents sold in it count, in its values), optionally
//! `productgroup`, `producttype`, `product` (a code) or `description` (a fragment of the
//! product's description, case and accents ignored) to narrow to, and `sort` (`key`,
//! `description`, or a figure — `sold`/`quantity`, `returned`, `gross`/`value`, `net`,
//! `balance` — with `-` before it for descending; default by key).

use axum::routing::get;
use std::collections::BTreeMap;

use axum::extract::{Query, State};
use axum::{Extension, Json};
use mascate_domain::contract::{Figures, Statistics, StatisticsMonth, StatisticsRow};
use mascate_domain::statistics::{add, months_between, parse_day, rounded, sort, GroupBy, Line, Measure, SortBy};
use serde::Deserialize;

use super::documented::Documented;
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::listing;
use crate::openapi::{self as doc, Body::Object, Doc};
use crate::state::AppState;

/// Longest range served, in months (ten years of history).
pub const MAX_MONTHS: usize = 120;

/// The longest product group, type or code accepted (`B1_COD` is 15).
pub const MAX_CODE_LEN: usize = 30;

#[derive(Debug, Default, Deserialize)]
pub struct StatisticsParams {
    groupby: Option<String>,
    from: Option<String>,
    to: Option<String>,
    currency: Option<String>,
    productgroup: Option<String>,
    producttype: Option<String>,
    product: Option<String>,
    description: Option<String>,
    sort: Option<String>,
}

/// `sort` read: by what, which figure, and whether descending.
fn sort_order(sort: Option<&str>) -> ApiResult<(SortBy, Measure, bool)> {
    let s = sort.map(str::trim).unwrap_or("");
    let (name, descending) = match s.strip_prefix('-') {
        Some(rest) => (rest.trim(), true),
        None => (s.strip_prefix('+').unwrap_or(s).trim(), false),
    };
    Ok(match name {
        "" | "key" | "code" => (SortBy::Key, Measure::Gross, descending),
        "description" => (SortBy::Description, Measure::Gross, descending),
        "value" => (SortBy::Figure, Measure::Gross, descending),
        "quantity" => (SortBy::Figure, Measure::Sold, descending),
        other => match Measure::from_code(other) {
            Some(m) => (SortBy::Figure, m, descending),
            None => return Err(ApiError::bad_request(
                "sort: key, description, sold, returned, gross, net, balance, value ou quantity (- antes: decrescente)",
            )),
        },
    })
}

/// Every line that counts, with its product's fields: (code, type, description, group,
/// group description, month, line). `?1` seller, `?2`/`?3` the range, `?4` currency,
/// `?5`/`?6`/`?7` group, type and product (empty: any), `?8` a folded `LIKE` pattern of the
/// description (empty: any).
const LINES: &str = "
    WITH lines AS (
        SELECT i.productid AS code, n.issuedate AS day, i.quantity AS sold, 0.0 AS returned, i.amount AS gross,
               0.0 AS returnvalue, 0.0 AS balance
        FROM invoices n JOIN orders o ON o.orderid = n.orderid JOIN order_items i ON i.orderid = o.orderid
        WHERE o.deleted = 0 AND i.deleted = 0 AND o.sellerid = ?1 AND o.currencyid = ?4
          AND n.issuedate BETWEEN ?2 AND ?3
        UNION ALL
        SELECT r.productid, r.issuedate, 0.0, r.quantity, 0.0, r.amount, 0.0
        FROM returns r JOIN orders o ON o.orderid = r.orderid
        WHERE o.deleted = 0 AND o.sellerid = ?1 AND o.currencyid = ?4 AND r.issuedate BETWEEN ?2 AND ?3
        UNION ALL
        SELECT i.productid, o.issuedate, 0.0, 0.0, 0.0, 0.0, (i.quantity - i.quantitydelivered) * i.unitprice
        FROM orders o JOIN order_items i ON i.orderid = o.orderid
        WHERE o.deleted = 0 AND i.deleted = 0 AND o.sellerid = ?1 AND o.currencyid = ?4 AND o.ordertype = 'N'
          AND o.invoice = '' AND i.quantity > i.quantitydelivered AND o.issuedate BETWEEN ?2 AND ?3
    )
    SELECT p.code, p.type, p.description, p.productgroup, coalesce(g.description, ''), substr(l.day, 1, 7),
           l.sold, l.returned, l.gross, l.returnvalue, l.balance
    FROM lines l JOIN products p ON p.code = l.code LEFT JOIN product_groups g ON g.code = p.productgroup
    WHERE (?5 = '' OR p.productgroup = ?5) AND (?6 = '' OR p.type = ?6) AND (?7 = '' OR p.code = ?7)
      AND (?8 = '' OR fold(p.description) LIKE ?8 ESCAPE '\\')";

/// `GET /api/mascate/v1/salesstatistics`
pub async fn statistics(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(q): Query<StatisticsParams>,
) -> ApiResult<Json<Statistics>> {
    let seller = caller.seller()?.to_string();
    let group_by = match q.groupby.as_deref().filter(|g| !g.is_empty()) {
        None => GroupBy::Product,
        Some(g) => GroupBy::from_code(g)
            .ok_or_else(|| ApiError::bad_request("groupby: product, type, description ou group"))?,
    };
    let today = state.clock.today();
    let day = |v: &Option<String>, default: String, name: &str| match v.as_deref().filter(|s| !s.trim().is_empty()) {
        None => Ok(default),
        Some(s) => parse_day(s).ok_or_else(|| ApiError::bad_request(format!("{name}: data inválida (AAAA-MM-DD)"))),
    };
    let from = day(&q.from, format!("{}-01", &today[0..7]), "from")?;
    let to = day(&q.to, today, "to")?;
    let months = months_between(&from, &to).ok_or_else(|| ApiError::bad_request("from depois de to"))?;
    if months.len() > MAX_MONTHS {
        return Err(ApiError::bad_request(format!("Período maior que {MAX_MONTHS} meses")));
    }
    // C5_MOEDA is N(2,0): a whole number 1–99.
    let currency: f64 = match q.currency.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        None => 1.0,
        Some(c) => c
            .parse::<u8>()
            .ok()
            .filter(|n| (1..=99).contains(n))
            .map(f64::from)
            .ok_or_else(|| ApiError::bad_request("currency: número da moeda, de 1 a 99"))?,
    };
    let (sort_by, measure, descending) = sort_order(q.sort.as_deref())?;
    let text = |v: Option<String>| v.map(|s| s.trim().to_string()).unwrap_or_default();
    let (group, kind, product) = (text(q.productgroup), text(q.producttype), text(q.product));
    let description = match text(q.description) {
        d if d.is_empty() => d,
        d => listing::search_pattern("description", &d, true)?,
    };
    for (name, value) in [("productgroup", &group), ("producttype", &kind), ("product", &product)] {
        if value.chars().count() > MAX_CODE_LEN {
            return Err(ApiError::bad_request(format!("{name}: no máximo {MAX_CODE_LEN} caracteres.")));
        }
    }
    state
        .db
        .write(move |tx| {
            let mut rows: BTreeMap<String, (String, Figures)> = BTreeMap::new();
            let mut per_month: BTreeMap<String, Figures> =
                months.iter().map(|m| (m.clone(), Figures::default())).collect();
            let mut total = Figures::default();
            let mut stmt = tx.conn.prepare_cached(LINES)?;
            let mut found =
                stmt.query(rusqlite::params![seller, from, to, currency, group, kind, product, description])?;
            while let Some(r) = found.next()? {
                let (code, ptype, desc, pgroup, gdesc): (String, String, String, String, String) =
                    (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?);
                let month: String = r.get(5)?;
                let line = Line {
                    sold: r.get(6)?,
                    returned: r.get(7)?,
                    gross: r.get(8)?,
                    returned_value: r.get(9)?,
                    balance: r.get(10)?,
                };
                let (key, label) = match group_by {
                    GroupBy::Product => (code, desc),
                    GroupBy::Type => (ptype.clone(), ptype),
                    GroupBy::Description => (desc.clone(), desc),
                    GroupBy::Group => (pgroup, gdesc),
                };
                add(&mut rows.entry(key).or_insert_with(|| (label, Figures::default())).1, &line);
                if let Some(m) = per_month.get_mut(&month) {
                    add(m, &line);
                }
                add(&mut total, &line);
            }
            let mut items: Vec<StatisticsRow> = rows
                .into_iter()
                .map(|(key, (description, f))| StatisticsRow { key, description, figures: rounded(f) })
                .collect();
            sort(&mut items, sort_by, measure, descending);
            Ok(Json(Statistics {
                items,
                months: per_month
                    .into_iter()
                    .map(|(month, f)| StatisticsMonth { month, figures: rounded(f) })
                    .collect(),
                total: rounded(total),
            }))
        })
        .await
}

/// The sales statistics and their OpenAPI entry.
pub fn routes() -> Documented {
    Documented::new().route(
        "/api/mascate/v1/salesstatistics",
        get(statistics),
        &[Doc {
            query: &[
                "groupby",
                "from",
                "to",
                "currency",
                "productgroup",
                "producttype",
                "product",
                "description",
                "sort",
            ],
            ..doc::op(
                "get",
                "Sales statistics per product, type, description or group, per month (Mascate extension)",
                Object,
            )
        }],
    )
}
