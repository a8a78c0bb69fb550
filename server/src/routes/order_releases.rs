//! The order-tracking dashboard list (§9.5): `GET /api/pgv/salesorderslist` and
//! `/api/pgv/salesorderslist/:from/:to`, one row per order item with its release (SC9) and
//! invoice (SD2), filtered by `STATUSFILTER` (`OPN`, `RLS`, `BLQ`, `BIL`).
//!
//! The stand-in keeps no SC9 table: each item's release is derived from what it does keep,
//! as MATA440 would have left it. An invoiced order's items are released and invoiced (`10`
//! in stock and credit); a business-rule or budget block (`C5_BLQ`) holds every item with no
//! release; a released order's items carry its credit block, or else a stock block (`02`)
//! when the product's standard warehouse has less available than the item asks for; an
//! order not released is in the portfolio. The state of each row is computed by the same
//! rule the app uses ([`mascate_domain::release`]), so the filter and the row agree.

use axum::extract::{Path, Query, State};
use axum::routing::get;
use axum::{Extension, Json};
use mascate_domain::contract::ReleaseRow;
use mascate_domain::release::{OrderState, ReleaseFilter};
use mascate_domain::timestamp::{add_days, days_from_civil};
use rusqlite::params_from_iter;
use rusqlite::types::Value as SqlValue;
use serde::Deserialize;
use serde_json::{json, Value};

use super::documented::Documented;
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::listing::{MAX_PAGE, MAX_PAGE_SIZE};
use crate::openapi::{self as doc, Body::Object, Doc};
use crate::state::AppState;

/// The list's query parameters.
#[derive(Debug, Default, Deserialize)]
pub struct ReleaseParams {
    #[serde(rename = "STATUSFILTER")]
    status_filter: Option<String>,
    page: Option<String>,
    #[serde(rename = "pageSize")]
    page_size: Option<String>,
}

/// Reads a path date: `DD/MM/YYYY` (what `CTOD` reads, sent percent-encoded), `YYYY-MM-DD`
/// or `YYYYMMDD`. Returns `YYYY-MM-DD`.
pub fn parse_date(segment: &str) -> Option<String> {
    let s = segment.trim();
    let (y, m, d) = if let Some((d, rest)) = s.split_once('/') {
        let (m, y) = rest.split_once('/')?;
        (y, m, d)
    } else if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        (&s[0..4], &s[4..6], &s[6..8])
    } else {
        let mut p = s.splitn(3, '-');
        (p.next()?, p.next()?, p.next()?)
    };
    let (y, m, d): (i64, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    if !(1..=9999).contains(&y) {
        return None;
    }
    let date = format!("{y:04}-{m:02}-{d:02}");
    // Rejects 31/02 and friends: the day must survive a round trip.
    (add_days(&date, 0).as_deref() == Some(date.as_str()) && days_from_civil(y, m, d) > 0).then_some(date)
}

/// One stored item, with what its release depends on.
struct Item {
    order: String,
    branch: String,
    item: String,
    client: String,
    store: String,
    name: String,
    uf: String,
    product: String,
    product_name: String,
    quantity: f64,
    unit_price: f64,
    amount: f64,
    delivery: String,
    issue_date: String,
    released: bool,
    rule_block: String,
    credit_block: String,
    invoice: String,
    serie: String,
    available: f64,
    kind: String,
}

impl Item {
    /// The release row as the ERP would list it.
    fn row(&self) -> ReleaseRow {
        let invoiced = !self.invoice.is_empty();
        let mut r = ReleaseRow {
            internal_id: format!("{}{}{}", self.branch, self.order, self.item),
            order: self.order.clone(),
            item: self.item.clone(),
            client: self.client.clone(),
            store: self.store.clone(),
            name: self.name.clone(),
            product: self.product.clone(),
            product_name: self.product_name.clone(),
            quantity_ordered: self.quantity,
            unit_price: self.unit_price,
            amount: self.amount,
            delivery_date: self.delivery.clone(),
            rule_block: self.rule_block.clone(),
            ..Default::default()
        };
        if !self.rule_block.is_empty() {
            // Held by a rule: MATA440 makes no release.
        } else if invoiced {
            r.quantity_released = self.quantity;
            (r.stock_block, r.credit_block) = ("10".into(), "10".into());
            (r.invoice, r.invoice_serie, r.invoiced_value) = (self.invoice.clone(), self.serie.clone(), self.amount);
            r.released_on = self.issue_date.clone();
        } else if self.released {
            r.quantity_released = self.quantity;
            r.released_on = self.issue_date.clone();
            if !self.credit_block.is_empty() {
                r.credit_block = self.credit_block.clone();
            } else if self.available < self.quantity {
                r.stock_block = "02".into();
            }
        }
        r.status = OrderState::of_row(&r).filter().map(ReleaseFilter::code).unwrap_or_default().to_string();
        r
    }
}

const ITEMS: &str = "
    SELECT o.orderid, o.branchid, i.itemid, o.clientid, o.storeid, coalesce(c.name, ''), coalesce(c.uf, ''),
           i.productid, coalesce(p.description, i.description), i.quantity, i.unitprice, i.amount, i.deliverydate,
           o.issuedate, o.liberok <> '', o.block, o.creditblock, o.invoice, coalesce(n.serie, ''),
           coalesce((SELECT s.onhand - s.reserved - s.allocatedquantity FROM stock s
                      WHERE s.code = i.productid AND s.warehouse = coalesce(p.standardwarehouse, '01')), 0),
           o.ordertype
    FROM orders o
    JOIN order_items i ON i.orderid = o.orderid AND i.deleted = 0
    LEFT JOIN customers c ON c.code = o.clientid AND c.store = o.storeid
    LEFT JOIN products p ON p.code = i.productid
    LEFT JOIN invoices n ON n.orderid = o.orderid AND n.invoice = o.invoice
    WHERE o.deleted = 0 AND o.ordertype IN ('N', 'C')
      AND (o.issuedate BETWEEN ?1 AND ?2 OR coalesce(n.issuedate, '') BETWEEN ?1 AND ?2)";

fn items(tx: &crate::db::Tx, from: &str, to: &str, seller: Option<&str>) -> ApiResult<Vec<Item>> {
    let mut sql = ITEMS.to_string();
    let mut values = vec![SqlValue::Text(from.into()), SqlValue::Text(to.into())];
    if let Some(s) = seller {
        sql.push_str(" AND o.sellerid = ?3");
        values.push(SqlValue::Text(s.into()));
    }
    sql.push_str(" ORDER BY o.issuedate DESC, o.orderid DESC, i.itemid");
    let mut stmt = tx.conn.prepare(&sql)?;
    let rows = stmt.query_map(params_from_iter(values), |r| {
        Ok(Item {
            order: r.get(0)?,
            branch: r.get(1)?,
            item: r.get(2)?,
            client: r.get(3)?,
            store: r.get(4)?,
            name: r.get(5)?,
            uf: r.get(6)?,
            product: r.get(7)?,
            product_name: r.get(8)?,
            quantity: r.get(9)?,
            unit_price: r.get(10)?,
            amount: r.get(11)?,
            delivery: r.get(12)?,
            issue_date: r.get(13)?,
            released: r.get(14)?,
            rule_block: r.get(15)?,
            credit_block: r.get(16)?,
            invoice: r.get(17)?,
            serie: r.get(18)?,
            available: r.get(19)?,
            kind: r.get(20)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn to_json(item: &Item) -> Value {
    let row = item.row();
    let mut v = serde_json::to_value(&row).unwrap_or(Value::Null);
    v["orderid"] = json!(format!("{}{}", item.branch, item.order));
    v["state"] = json!(item.uf);
    v["type"] = json!(item.kind);
    v["vlr.BrutoSD2"] = json!(row.invoiced_value);
    v
}

async fn list(
    state: AppState,
    caller: Caller,
    from: String,
    to: String,
    params: ReleaseParams,
) -> ApiResult<Json<Value>> {
    let seller = if caller.is_admin { None } else { Some(caller.seller()?.to_string()) };
    // An unknown STATUSFILTER narrows nothing, as the ERP's query builder ignores it.
    let wanted = params.status_filter.as_deref().and_then(ReleaseFilter::from_code);
    let num = |v: &Option<String>| v.as_deref().and_then(|s| s.trim().parse::<usize>().ok());
    let page = num(&params.page).filter(|p| *p >= 1).unwrap_or(1).min(MAX_PAGE);
    let size = num(&params.page_size).filter(|s| *s >= 1).unwrap_or(10).min(MAX_PAGE_SIZE);
    let all = state.db.write(move |tx| items(tx, &from, &to, seller.as_deref())).await?;
    let mut matching = all.iter().filter(|i| wanted.is_none_or(|w| OrderState::of_row(&i.row()).filter() == Some(w)));
    let rows: Vec<Value> = matching.by_ref().skip((page - 1).saturating_mul(size)).take(size).map(to_json).collect();
    let has_next = matching.next().is_some();
    if rows.is_empty() && page == 1 {
        return Err(ApiError::not_found("Nenhum pedido encontrado para os filtros informados."));
    }
    Ok(Json(json!({"items": rows, "hasNext": has_next})))
}

/// `GET /api/pgv/salesorderslist`: the current month.
pub async fn this_month(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<ReleaseParams>,
) -> ApiResult<Json<Value>> {
    let today = state.clock.today();
    let first = format!("{}-01", today.get(..7).unwrap_or_default());
    let next_month = add_days(&first, 32).map(|d| format!("{}-01", d.get(..7).unwrap_or_default()));
    let last = next_month.and_then(|n| add_days(&n, -1)).unwrap_or(today);
    list(state, caller, first, last, params).await
}

/// `GET /api/pgv/salesorderslist/:from/:to`
pub async fn between(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path((from, to)): Path<(String, String)>,
    Query(params): Query<ReleaseParams>,
) -> ApiResult<Json<Value>> {
    let bad = || ApiError::bad_request("Data inválida: use DD/MM/AAAA.");
    let (from, to) = (parse_date(&from).ok_or_else(bad)?, parse_date(&to).ok_or_else(bad)?);
    list(state, caller, from, to, params).await
}

/// The order-tracking list and its OpenAPI entries.
pub fn routes() -> Documented {
    Documented::new()
        .route(
            "/api/pgv/salesorderslist",
            get(this_month),
            &[Doc {
                query: &["STATUSFILTER", "page", "pageSize"],
                ..doc::op("get", "Order items and their releases, this month", Object)
            }],
        )
        .route(
            "/api/pgv/salesorderslist/{from}/{to}",
            get(between),
            &[Doc {
                query: &["STATUSFILTER", "page", "pageSize"],
                ..doc::op("get", "Order items and their releases, between dates", Object)
            }],
        )
}

#[cfg(test)]
mod tests {
    use super::parse_date;

    #[test]
    fn path_dates_in_the_erps_spellings() {
        assert_eq!(parse_date("05/11/2026").as_deref(), Some("2026-11-05"));
        assert_eq!(parse_date("2026-11-05").as_deref(), Some("2026-11-05"));
        assert_eq!(parse_date("20261105").as_deref(), Some("2026-11-05"));
        assert_eq!(parse_date("31/02/2026"), None);
        assert_eq!(parse_date("2026-13-01"), None);
        assert_eq!(parse_date("x"), None);
        assert_eq!(parse_date("0/0/0"), None);
    }
}
