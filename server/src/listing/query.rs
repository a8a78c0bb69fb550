//! The SQL a list query compiles to: conditions with their bound values ([`Where`]), a
//! `FILTER` (every value a parameter, every name a listed column) and a `SORT`.

use mascate_domain::filter::{Expr, Value as FilterValue};
use rusqlite::types::Value as SqlValue;

use super::{Entity, Kind, MAX_SORT_KEYS};
use crate::error::{ApiError, ApiResult};

/// A SQL condition with its bound values.
#[derive(Debug, Clone, Default)]
pub struct Where {
    pub parts: Vec<String>,
    pub values: Vec<SqlValue>,
    /// A row source replacing the entity's table (a subquery), with its own bound values.
    pub source: Option<(String, Vec<SqlValue>)>,
}

impl Where {
    pub fn new() -> Where {
        Where::default()
    }

    /// Adds `sql` (with `?` placeholders) and its values, joined with AND.
    pub fn and(mut self, sql: &str, values: impl IntoIterator<Item = SqlValue>) -> Where {
        self.parts.push(format!("({sql})"));
        self.values.extend(values);
        self
    }

    /// Reads rows from `sql` (a parenthesised subquery) instead of the entity's table.
    pub fn from_source(mut self, sql: String, values: Vec<SqlValue>) -> Where {
        self.source = Some((sql, values));
        self
    }

    pub(super) fn source_sql<'a>(&'a self, entity: &'a Entity) -> &'a str {
        self.source.as_ref().map(|(sql, _)| sql.as_str()).unwrap_or(entity.table)
    }

    /// Every bound value in SQL order: the source's, then the condition's.
    pub(super) fn all_values(&self) -> impl Iterator<Item = &SqlValue> {
        self.source.iter().flat_map(|(_, v)| v.iter()).chain(self.values.iter())
    }

    pub(super) fn sql(&self) -> String {
        if self.parts.is_empty() {
            "1".into()
        } else {
            self.parts.join(" AND ")
        }
    }
}

fn escape_like(s: &str) -> String {
    s.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}

/// The longest free-text search honoured (a product, a bill number): longer is a 400.
pub const MAX_SEARCH_LEN: usize = 200;

/// A `LIKE … ESCAPE '\'` pattern for what a client typed in `name`, folded (case and
/// accents) and escaped, `%text%` or `text%`; a 400 past [`MAX_SEARCH_LEN`].
pub fn search_pattern(name: &str, text: &str, anywhere: bool) -> ApiResult<String> {
    if text.chars().count() > MAX_SEARCH_LEN {
        return Err(ApiError::bad_request(format!("{name}: no máximo {MAX_SEARCH_LEN} caracteres.")));
    }
    let folded = escape_like(&mascate_domain::text::fold(text));
    Ok(if anywhere { format!("%{folded}%") } else { format!("{folded}%") })
}

/// Turns a parsed `FILTER` into SQL over the entity's columns.
pub fn compile_filter(entity: &Entity, expr: &Expr, out: &mut Vec<SqlValue>) -> ApiResult<String> {
    let unknown = |f: &str| ApiError::bad_request(format!("FILTER: propriedade desconhecida '{f}'"));
    Ok(match expr {
        Expr::And(v) | Expr::Or(v) => {
            let sep = if matches!(expr, Expr::And(_)) { " AND " } else { " OR " };
            let parts: ApiResult<Vec<String>> = v.iter().map(|e| compile_filter(entity, e, out)).collect();
            format!("({})", parts?.join(sep))
        }
        Expr::Not(e) => format!("(NOT {})", compile_filter(entity, e, out)?),
        Expr::Contains { field, value } | Expr::StartsWith { field, value } => {
            let col = entity.column(field).ok_or_else(|| unknown(field))?;
            let folded = escape_like(&mascate_domain::text::fold(value));
            let pattern =
                if matches!(expr, Expr::Contains { .. }) { format!("%{folded}%") } else { format!("{folded}%") };
            out.push(SqlValue::Text(pattern));
            format!("fold(CAST({col} AS TEXT)) LIKE ? ESCAPE '\\'")
        }
        Expr::Compare { field, op, value } if entity.virtual_sql(field).is_some() => {
            let sql = entity.virtual_sql(field).expect("checked");
            match (op, value) {
                (mascate_domain::filter::Op::Eq, FilterValue::Text(t)) => out.push(SqlValue::Text(t.trim().into())),
                _ => return Err(ApiError::bad_request(format!("FILTER: {field} aceita apenas eq com texto"))),
            }
            format!("({sql})")
        }
        Expr::Compare { field, op, value } => {
            let col = entity.column(field).ok_or_else(|| unknown(field))?;
            let kind = entity.kind(field).expect("column exists");
            let bound = match (kind, value) {
                (Kind::Flag, FilterValue::Bool(b)) => SqlValue::Integer(*b as i64),
                (Kind::Number, FilterValue::Number(n)) => SqlValue::Real(*n),
                (Kind::Number, FilterValue::Text(t)) => SqlValue::Real(
                    t.trim().parse().map_err(|_| ApiError::bad_request(format!("FILTER: {field} espera um número")))?,
                ),
                (Kind::Text, FilterValue::Text(t)) => SqlValue::Text(t.trim_end().to_string()),
                (Kind::Text, FilterValue::Number(n)) => SqlValue::Text(n.to_string()),
                _ => return Err(ApiError::bad_request(format!("FILTER: valor incompatível com {field}"))),
            };
            out.push(bound);
            format!("{col} {} ?", op.sql())
        }
    })
}

/// `SORT=name,-code` as `ORDER BY`, with the entity's default order appended as a tiebreak.
pub fn order_by(entity: &Entity, sort: Option<&str>) -> ApiResult<String> {
    let mut parts = Vec::new();
    let keys: Vec<&str> = sort.unwrap_or("").split(',').map(str::trim).filter(|s| !s.is_empty()).collect();
    if keys.len() > MAX_SORT_KEYS {
        return Err(ApiError::bad_request(format!("SORT: no máximo {MAX_SORT_KEYS} propriedades.")));
    }
    for item in keys {
        let (field, desc) = match item.strip_prefix('-') {
            Some(f) => (f, true),
            None => (item.strip_prefix('+').unwrap_or(item), false),
        };
        let col = entity
            .column(field)
            .ok_or_else(|| ApiError::bad_request(format!("SORT: propriedade desconhecida '{field}'")))?;
        // Text sorts as people read it (case and accents folded), the same order the app
        // gives the device's copy offline.
        let key = if entity.kind(col) == Some(Kind::Text) { format!("fold({col})") } else { col.to_string() };
        parts.push(format!("{key}{}", if desc { " DESC" } else { "" }));
    }
    parts.push(entity.default_order.to_string());
    Ok(parts.join(", "))
}
