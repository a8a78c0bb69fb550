//! Home indicators (§13): item counts by state (`cardsHome`) and billed vs unbilled per
//! month or year (`chartsHome`), for the caller's orders (admins: all).

use axum::extract::{Query, State};
use axum::routing::get;
use axum::{Extension, Json};
use rusqlite::params;
use serde::Deserialize;
use serde_json::{json, Value};

use super::documented::Documented;
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::openapi::{self as doc, Body::Object, Doc};
use crate::state::AppState;
use mascate_domain::{calendar, Locale};

#[derive(Debug, Default, Deserialize)]
pub struct Period {
    #[serde(rename = "initialDate")]
    pub initial: Option<String>,
    #[serde(rename = "finalDate")]
    pub final_: Option<String>,
    #[serde(rename = "type")]
    pub kind: Option<String>,
}

/// `YYYYMMDD` → (year, month); blank → today's.
fn year_month(raw: Option<&str>, today: &str) -> ApiResult<(i64, u32)> {
    let s = raw.map(str::trim).filter(|s| !s.is_empty()).unwrap_or(today);
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    let bad = || ApiError::bad_request(format!("Data inválida: {s} (use AAAAMMDD)"));
    if digits.len() != 8 {
        return Err(bad());
    }
    let y: i64 = digits[0..4].parse().map_err(|_| bad())?;
    let m: u32 = digits[4..6].parse().map_err(|_| bad())?;
    let d: u32 = digits[6..8].parse().map_err(|_| bad())?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) || !(1900..=9999).contains(&y) {
        return Err(bad());
    }
    Ok((y, m))
}

fn last_day(y: i64, m: u32) -> u32 {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    let next = mascate_domain::timestamp::days_from_civil(ny, nm, 1);
    mascate_domain::timestamp::civil_from_days(next - 1).2
}

/// A (year, month).
type Month = (i64, u32);

/// The widened range: the 1st of the initial month to the last day of the final month, as
/// dates and as months.
fn range(p: &Period, today: &str) -> ApiResult<(String, String, Month, Month)> {
    let today_compact = today.replace('-', "");
    let from = year_month(p.initial.as_deref(), &today_compact)?;
    let to = year_month(p.final_.as_deref(), &today_compact)?;
    if from > to {
        return Err(ApiError::bad_request("initialDate posterior a finalDate"));
    }
    Ok((
        format!("{:04}-{:02}-01", from.0, from.1),
        format!("{:04}-{:02}-{:02}", to.0, to.1, last_day(to.0, to.1)),
        from,
        to,
    ))
}

fn seller_of(caller: &Caller) -> ApiResult<Option<String>> {
    Ok(if caller.is_admin { None } else { Some(caller.seller()?.to_string()) })
}

/// `GET /api/tgv/cardsHome/`
pub async fn cards(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(p): Query<Period>,
) -> ApiResult<Json<Value>> {
    let seller = seller_of(&caller)?;
    state
        .db
        .read(move |tx| {
            let (from, to, ..) = range(&p, &tx.today())?;
            let (total, to_bill, pending, done): (i64, i64, i64, i64) = tx.conn.query_row(
                "SELECT count(*),
                        coalesce(sum(o.liberok <> '' AND o.block = '' AND o.creditblock = '' AND o.invoice = ''), 0),
                        coalesce(sum(o.invoice = '' AND (o.liberok = '' OR o.block <> '' OR o.creditblock <> '')), 0),
                        coalesce(sum(o.invoice <> ''), 0)
                 FROM order_items i JOIN orders o ON o.orderid = i.orderid
                 WHERE o.deleted = 0 AND i.deleted = 0 AND o.issuedate BETWEEN ?1 AND ?2
                   AND (?3 IS NULL OR o.sellerid = ?3)",
                params![from, to, seller],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )?;
            Ok(Json(json!({"hasNext": false, "po_sync_date": tx.sync_date(), "items": [
                {"titulo": "Total de Itens", "total": total, "tipo": 0},
                {"titulo": "Itens a Faturar", "total": to_bill, "tipo": 0},
                {"titulo": "Itens Pendentes", "total": pending, "tipo": 1},
                {"titulo": "Itens Finalizados", "total": done, "tipo": 2},
            ]})))
        })
        .await
}

/// The ERP's (Portuguese) name of month `m`.
fn month(m: u32) -> &'static str {
    calendar::month_name(m, Locale::PtBr).unwrap_or_default()
}

fn dataset(label: &str, data: &[f64], color: &str) -> Value {
    json!({"label": label, "data": data, "backgroundColor": "rgba(0, 0, 0, 0.0)", "borderColor": color,
        "pointStyle": "circle", "borderWidth": 2, "pointBorderColor": color,
        "pointBackgroundColor": "rgba(255, 255, 255)", "pointBorderWidth": 2})
}

/// `GET /api/tgv/chartsHome/?type=1|2`: yearly buckets for type 1, monthly otherwise.
pub async fn charts(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(p): Query<Period>,
) -> ApiResult<Json<Value>> {
    let seller = seller_of(&caller)?;
    let yearly = p.kind.as_deref().map(str::trim) == Some("1");
    state
        .db
        .read(move |tx| {
            let (from, to, (fy, fm), (ty, tm)) = range(&p, &tx.today())?;
            // Buckets as (key prefix of an ISO date, label).
            let mut buckets: Vec<(String, String)> = Vec::new();
            if yearly {
                for y in fy..=ty {
                    buckets.push((format!("{y:04}"), format!("{y}")));
                }
            } else {
                let (mut y, mut m) = (fy, fm);
                while (y, m) <= (ty, tm) && buckets.len() < 240 {
                    let label = if fy == ty { month(m).to_string() } else { format!("{}/{y}", month(m)) };
                    buckets.push((format!("{y:04}-{m:02}"), label));
                    (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
                }
            }
            let width = if yearly { 4 } else { 7 };
            let mut billed_value = vec![0.0; buckets.len()];
            let mut billed_qty = vec![0.0; buckets.len()];
            let mut open_value = vec![0.0; buckets.len()];
            let mut open_qty = vec![0.0; buckets.len()];
            let index = |key: &str| buckets.iter().position(|(k, _)| k == key);
            let mut stmt = tx.conn.prepare_cached(
                "SELECT substr(n.issuedate, 1, ?3), sum(n.amount), sum(n.quantity)
                 FROM invoices n JOIN orders o ON o.orderid = n.orderid
                 WHERE n.issuedate BETWEEN ?1 AND ?2 AND (?4 IS NULL OR o.sellerid = ?4) GROUP BY 1",
            )?;
            for row in stmt.query_map(params![from, to, width, seller], |r| Ok((r.get::<_, String>(0)?, r.get(1)?, r.get(2)?)))? {
                let (key, v, q): (String, f64, f64) = row?;
                if let Some(i) = index(&key) {
                    (billed_value[i], billed_qty[i]) = ((v * 100.0).round() / 100.0, q);
                }
            }
            let mut stmt = tx.conn.prepare_cached(
                "SELECT substr(o.issuedate, 1, ?3), sum(i.unitprice * (i.quantity - i.quantitydelivered)),
                        sum(i.quantity - i.quantitydelivered)
                 FROM order_items i JOIN orders o ON o.orderid = i.orderid
                 WHERE o.issuedate BETWEEN ?1 AND ?2 AND o.deleted = 0 AND i.deleted = 0 AND o.ordertype = 'N'
                   AND i.blockstatus <> 'R' AND i.quantity - i.quantitydelivered > 0
                   AND (?4 IS NULL OR o.sellerid = ?4) GROUP BY 1",
            )?;
            for row in stmt.query_map(params![from, to, width, seller], |r| Ok((r.get::<_, String>(0)?, r.get(1)?, r.get(2)?)))? {
                let (key, v, q): (String, f64, f64) = row?;
                if let Some(i) = index(&key) {
                    (open_value[i], open_qty[i]) = ((v * 100.0).round() / 100.0, q);
                }
            }
            let labels: Vec<&str> = buckets.iter().map(|(_, l)| l.as_str()).collect();
            let chart = |billed: &[f64], open: &[f64]| {
                json!({"labels": labels, "datasets": [dataset("Faturado", billed, "#00b28e"), dataset("Não faturado", open, "#29b6c5")]})
                    .to_string()
            };
            let option = |title: &str| {
                json!({"responsive": true, "plugins": {"title": {"display": true, "text": title}},
                    "scales": {"y": {"ticks": {"callback": "formatValue"}}}})
                .to_string()
            };
            Ok(Json(json!({"hasNext": false, "po_sync_date": tx.sync_date(), "items": [
                {"titulo": "billingValue", "chart_dataset": chart(&billed_value, &open_value), "chart_option": option("Faturamento (Valor)")},
                {"titulo": "Faturamento (Quantidade)", "chart_dataset": chart(&billed_qty, &open_qty), "chart_option": option("Faturamento (Quantidade)")},
            ]})))
        })
        .await
}

/// The home's cards and charts and their OpenAPI entries.
pub fn routes() -> Documented {
    Documented::new()
        .route(
            "/api/tgv/cardsHome",
            get(cards),
            &[Doc { query: &["initialDate", "finalDate"], ..doc::op("get", "Item counts by state", Object) }],
        )
        .route(
            "/api/tgv/chartsHome",
            get(charts),
            &[Doc { query: &["type", "initialDate", "finalDate"], ..doc::op("get", "Billed vs unbilled", Object) }],
        )
}
