//! The list machinery the contract's GETs share (§1.2–1.3): `FILTER`, `FIELDS`, `SORT`,
//! `page`/`pageSize`, and the `{items, hasNext, po_sync_date}` envelope.
//!
//! Each entity names its columns; the table's column names are the contract's JSON property
//! names, so a `FILTER` can only ever reach a listed column, and every value is bound as a
//! parameter (nothing a client sends is spliced into SQL).

use mascate_domain::filter::Expr;
use rusqlite::params_from_iter;
use rusqlite::types::Value as SqlValue;
use serde::Deserialize;
use serde_json::{Map, Value as Json};

use crate::auth::Caller;
use crate::db::Tx;
use crate::error::{ApiError, ApiResult};

mod query;

pub use query::{compile_filter, order_by, search_pattern, Where, MAX_SEARCH_LEN};

/// How a column is carried in JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Number,
    /// An integer 0/1 column shown as a JSON boolean (`deleted`).
    Flag,
    /// A row stamp (microseconds) shown as the ISO string of `po_sync_date` (`STAMP`).
    Stamp,
}

/// A listable table.
#[derive(Debug)]
pub struct Entity {
    pub table: &'static str,
    /// Contract property (= column) names and their kinds, in output order.
    pub columns: &'static [(&'static str, Kind)],
    /// Properties always returned whatever `FIELDS` says.
    pub fixed: &'static [&'static str],
    /// `ORDER BY` when no `SORT` is given; must make the order total (ends with the key).
    pub default_order: &'static str,
    /// Properties a `FILTER` may name that are not columns: `(name, SQL with one ?)`, used
    /// for `name eq 'value'` only (the products' `pricetable`, §6.2).
    pub virtuals: &'static [(&'static str, &'static str)],
}

impl Entity {
    fn kind(&self, field: &str) -> Option<Kind> {
        self.columns.iter().find(|(c, _)| c.eq_ignore_ascii_case(field)).map(|(_, k)| *k)
    }

    fn column(&self, field: &str) -> Option<&'static str> {
        self.columns.iter().find(|(c, _)| c.eq_ignore_ascii_case(field)).map(|(c, _)| *c)
    }

    fn virtual_sql(&self, field: &str) -> Option<&'static str> {
        self.virtuals.iter().find(|(c, _)| c.eq_ignore_ascii_case(field)).map(|(_, sql)| *sql)
    }
}

/// The query parameters every list accepts, spelled as the server reads them.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ListParams {
    pub page: Option<String>,
    #[serde(rename = "pageSize")]
    pub page_size: Option<String>,
    #[serde(rename = "FILTER")]
    pub filter: Option<String>,
    #[serde(rename = "FIELDS")]
    pub fields: Option<String>,
    #[serde(rename = "SORT")]
    pub sort: Option<String>,
}

/// Largest page served; the schemas advertise 500 for sync.
pub const MAX_PAGE_SIZE: usize = 1000;

/// Highest page number honoured; later pages are simply empty.
pub const MAX_PAGE: usize = 10_000_000;

impl ListParams {
    /// 1-based page and its size, bad values falling back to the defaults (1 and 10).
    pub fn paging(&self) -> (usize, usize) {
        let num = |v: &Option<String>| v.as_deref().and_then(|s| s.trim().parse::<usize>().ok());
        // Capped so `(page - 1) * size` can never overflow into a bad OFFSET.
        let page = num(&self.page).filter(|p| *p >= 1).unwrap_or(1).min(MAX_PAGE);
        let size = num(&self.page_size).filter(|s| *s >= 1).unwrap_or(10).min(MAX_PAGE_SIZE);
        (page, size)
    }

    /// The parsed `FILTER`; past a bound of [`mascate_domain::filter`], a 400 naming it.
    pub fn filter_expr(&self) -> ApiResult<Option<Expr>> {
        use mascate_domain::filter::Limit;
        match self.filter.as_deref().map(str::trim).filter(|f| !f.is_empty()) {
            None => Ok(None),
            Some(f) => Expr::parse(f).map(Some).map_err(|e| {
                ApiError::bad_request(match e.limit {
                    Some(Limit::Length) => format!("FILTER: no máximo {} caracteres.", Limit::Length.value()),
                    Some(Limit::Nodes) => {
                        format!("FILTER: no máximo {} condições e operadores.", Limit::Nodes.value())
                    }
                    Some(Limit::Depth) => {
                        format!("FILTER: no máximo {} níveis de parênteses ou not.", Limit::Depth.value())
                    }
                    None => format!("FILTER inválido na posição {}: {}", e.at, e.message),
                })
            }),
        }
    }

    /// Refuses a `SORT` or `FIELDS` past its bounds (see [`MAX_SORT_KEYS`], [`MAX_FIELDS`]).
    pub fn check_bounds(&self) -> ApiResult<()> {
        let bounded = |name: &str, value: Option<&str>, max_items: usize| -> ApiResult<()> {
            let value = value.unwrap_or("");
            if value.chars().count() > MAX_LIST_PARAM_LEN || value.split(',').count() > max_items {
                return Err(ApiError::bad_request(format!(
                    "{name}: no máximo {max_items} propriedades e {MAX_LIST_PARAM_LEN} caracteres."
                )));
            }
            Ok(())
        };
        bounded("SORT", self.sort.as_deref(), MAX_SORT_KEYS)?;
        bounded("FIELDS", self.fields.as_deref(), MAX_FIELDS)
    }
}

/// The most `SORT` keys honoured.
pub const MAX_SORT_KEYS: usize = 10;
/// The most `FIELDS` names (no entity has half as many columns).
pub const MAX_FIELDS: usize = 100;
/// The longest `SORT` or `FIELDS` value, in characters.
pub const MAX_LIST_PARAM_LEN: usize = 2_048;

/// The columns to select for a `FIELDS` list (unknown names ignored, fixed ones kept).
pub fn selected_columns(entity: &Entity, fields: Option<&str>) -> Vec<(&'static str, Kind)> {
    let wanted: Vec<String> =
        fields.unwrap_or("").split(',').map(|f| f.trim().to_ascii_lowercase()).filter(|f| !f.is_empty()).collect();
    entity
        .columns
        .iter()
        .copied()
        .filter(|(c, _)| {
            wanted.is_empty() || wanted.iter().any(|w| w == &c.to_ascii_lowercase()) || entity.fixed.contains(c)
        })
        .collect()
}

fn row_to_json(row: &rusqlite::Row, columns: &[(&'static str, Kind)]) -> rusqlite::Result<Map<String, Json>> {
    let mut map = Map::with_capacity(columns.len());
    for (i, (name, kind)) in columns.iter().enumerate() {
        let v: SqlValue = row.get(i)?;
        let json = match (kind, v) {
            (Kind::Flag, SqlValue::Integer(n)) => Json::Bool(n != 0),
            (Kind::Stamp, SqlValue::Integer(n)) => Json::String(mascate_domain::timestamp::format_iso(n)),
            (Kind::Number, SqlValue::Integer(n)) => Json::from(n),
            // Whole numbers go out as integers, as the ERP writes them (`10`, not `10.0`).
            (Kind::Number, SqlValue::Real(f)) if f.fract() == 0.0 && f.abs() < 1e15 => Json::from(f as i64),
            (Kind::Number, SqlValue::Real(f)) => {
                serde_json::Number::from_f64(f).map(Json::Number).unwrap_or(Json::Null)
            }
            (_, SqlValue::Text(s)) => Json::String(s),
            (_, SqlValue::Null) => Json::String(String::new()),
            (_, SqlValue::Integer(n)) => Json::String(n.to_string()),
            (_, SqlValue::Real(f)) => Json::String(f.to_string()),
            (_, SqlValue::Blob(_)) => Json::Null,
        };
        map.insert((*name).to_string(), json);
    }
    Ok(map)
}

/// One page of rows.
pub struct Page {
    pub items: Vec<Map<String, Json>>,
    pub has_next: bool,
}

/// Reads one page of `entity` rows matching `base` plus the client's `FILTER`.
pub fn page(
    tx: &Tx,
    entity: &Entity,
    base: Where,
    params: &ListParams,
    columns: &[(&'static str, Kind)],
) -> ApiResult<Page> {
    page_ordered(tx, entity, base, params, columns, &order_by(entity, params.sort.as_deref())?)
}

/// As [`page`], with an explicit `ORDER BY` (diffs order by stamp).
pub fn page_ordered(
    tx: &Tx,
    entity: &Entity,
    mut base: Where,
    params: &ListParams,
    columns: &[(&'static str, Kind)],
    order: &str,
) -> ApiResult<Page> {
    params.check_bounds()?;
    if let Some(expr) = params.filter_expr()? {
        let mut values = Vec::new();
        let sql = compile_filter(entity, &expr, &mut values)?;
        base = base.and(&sql, values);
    }
    let (page, size) = params.paging();
    let cols: Vec<&str> = columns.iter().map(|(c, _)| *c).collect();
    let sql = format!(
        "SELECT {} FROM {} WHERE {} ORDER BY {} LIMIT {} OFFSET {}",
        cols.join(", "),
        base.source_sql(entity),
        base.sql(),
        order,
        size + 1,
        (page - 1) * size
    );
    let mut stmt = tx.conn.prepare_cached(&sql)?;
    let mut items: Vec<Map<String, Json>> = stmt
        .query_map(params_from_iter(base.all_values()), |r| row_to_json(r, columns))?
        .collect::<rusqlite::Result<_>>()?;
    let has_next = items.len() > size;
    items.truncate(size);
    Ok(Page { items, has_next })
}

/// How many rows of `entity` match `base`, and the bytes of their JSON as a sync page serves
/// them (compact, one object per row): what a download of them brings.
pub fn measure(tx: &Tx, entity: &Entity, base: &Where, columns: &[(&'static str, Kind)]) -> ApiResult<(u64, u64)> {
    let cols: Vec<&str> = columns.iter().map(|(c, _)| *c).collect();
    let sql = format!("SELECT {} FROM {} WHERE {}", cols.join(", "), base.source_sql(entity), base.sql());
    let mut stmt = tx.conn.prepare_cached(&sql)?;
    let mut rows = stmt.query(params_from_iter(base.all_values()))?;
    let (mut count, mut bytes) = (0u64, 0u64);
    while let Some(row) = rows.next()? {
        let json = Json::Object(row_to_json(row, columns)?);
        count += 1;
        bytes += serde_json::to_vec(&json).map(|v| v.len() as u64).unwrap_or(0);
    }
    Ok((count, bytes))
}

/// Reads a single row, or `None`.
pub fn one(
    tx: &Tx,
    entity: &Entity,
    base: Where,
    columns: &[(&'static str, Kind)],
) -> ApiResult<Option<Map<String, Json>>> {
    let cols: Vec<&str> = columns.iter().map(|(c, _)| *c).collect();
    let sql = format!("SELECT {} FROM {} WHERE {} LIMIT 1", cols.join(", "), base.source_sql(entity), base.sql());
    let mut stmt = tx.conn.prepare_cached(&sql)?;
    let mut rows = stmt.query_map(params_from_iter(base.all_values()), |r| row_to_json(r, columns))?;
    Ok(rows.next().transpose()?)
}

/// The list envelope with `po_sync_date`.
pub fn envelope(page: Page, sync_date: Option<String>) -> Json {
    let mut m = Map::new();
    m.insert("items".into(), Json::Array(page.items.into_iter().map(Json::Object).collect()));
    m.insert("hasNext".into(), Json::Bool(page.has_next));
    if let Some(d) = sync_date {
        m.insert("po_sync_date".into(), Json::String(d));
    }
    Json::Object(m)
}

/// Live rows whose `seller_column` holds the caller's seller (admins: every live row), the
/// visibility rule of the online lists.
pub fn live_rows_of(caller: &Caller, seller_column: &str) -> ApiResult<Where> {
    let live = Where::new().and("deleted = 0", []);
    if caller.is_admin {
        return Ok(live);
    }
    Ok(live.and(&format!("{seller_column} = ?"), [SqlValue::Text(caller.seller()?.to_string())]))
}

/// The columns an online read returns: as [`selected_columns`], without `deleted` and
/// `STAMP` (they belong to sync and diff only, §1.4, §9.1).
pub fn online_columns(entity: &Entity, fields: Option<&str>) -> Vec<(&'static str, Kind)> {
    selected_columns(entity, fields).into_iter().filter(|(c, k)| *c != "deleted" && *k != Kind::Stamp).collect()
}

/// A list read; `not_found` is the 404 message when a FILTER matched nothing (None: 200).
pub async fn online_page(
    state: crate::state::AppState,
    entity: &'static Entity,
    base: Where,
    params: ListParams,
    not_found: Option<&'static str>,
    with_sync_date: bool,
) -> ApiResult<axum::Json<Json>> {
    state
        .db
        .read(move |tx| {
            let columns = online_columns(entity, params.fields.as_deref());
            let page = page(tx, entity, base, &params, &columns)?;
            if let Some(message) = not_found {
                if page.items.is_empty() && params.filter_expr()?.is_some() {
                    return Err(ApiError::not_found(message));
                }
            }
            Ok(axum::Json(envelope(page, with_sync_date.then(|| tx.sync_date()))))
        })
        .await
}

/// A single-record read: the bare object, or 404 with `message`.
pub async fn online_record(
    state: crate::state::AppState,
    entity: &'static Entity,
    base: Where,
    message: &'static str,
) -> ApiResult<axum::Json<Json>> {
    state
        .db
        .read(move |tx| {
            let columns = online_columns(entity, None);
            one(tx, entity, base, &columns)?
                .map(|m| axum::Json(Json::Object(m)))
                .ok_or_else(|| ApiError::not_found(message))
        })
        .await
}
