//! An expression evaluated in memory on a stored JSON record, for offline search, as the
//! server's SQL would: `contains` and `startswith` ignore case and accents, `eq` is exact.

use serde_json::Value as Json;

use super::{Expr, Op, Value};
use crate::text::fold;

impl Expr {
    /// Evaluates the expression on a JSON record (offline search). A missing field is empty text.
    pub fn matches(&self, record: &Json) -> bool {
        match self {
            Expr::And(v) => v.iter().all(|e| e.matches(record)),
            Expr::Or(v) => v.iter().any(|e| e.matches(record)),
            Expr::Not(e) => !e.matches(record),
            Expr::Contains { field, value } => fold(&text_of(record, field)).contains(&fold(value)),
            Expr::StartsWith { field, value } => fold(&text_of(record, field)).starts_with(&fold(value)),
            Expr::Compare { field, op, value } => {
                let ord = match (value, record.get(field)) {
                    (Value::Number(n), Some(Json::Number(m))) => m.as_f64().and_then(|m| m.partial_cmp(n)),
                    (Value::Bool(b), Some(Json::Bool(c))) => Some(c.cmp(b)),
                    (Value::Text(t), _) => Some(text_of(record, field).trim_end().cmp(t.trim_end())),
                    _ => None,
                };
                let Some(ord) = ord else { return *op == Op::Ne };
                use std::cmp::Ordering::*;
                match op {
                    Op::Eq => ord == Equal,
                    Op::Ne => ord != Equal,
                    Op::Gt => ord == Greater,
                    Op::Ge => ord != Less,
                    Op::Lt => ord == Less,
                    Op::Le => ord != Greater,
                }
            }
        }
    }
}

fn text_of(record: &Json, field: &str) -> String {
    match record.get(field) {
        Some(Json::String(s)) => s.clone(),
        Some(Json::Null) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn evaluates_on_records_like_the_server() {
        let r = json!({"name": "JOSÉ DA SILVA LTDA", "uf": "SP", "creditlimit": 5000.0, "code": "000123"});
        assert!(Expr::contains("name", "jose da").matches(&r));
        assert!(Expr::starts_with("code", "0001").matches(&r));
        assert!(!Expr::starts_with("code", "1").matches(&r));
        assert!(Expr::eq("uf", "SP").matches(&r));
        assert!(!Expr::eq("uf", "sp").matches(&r), "eq is exact, as in SQL");
        assert!(Expr::compare("creditlimit", Op::Gt, 4999.0).matches(&r));
        assert!(!Expr::compare("creditlimit", Op::Lt, 10.0).matches(&r));
        assert!(Expr::parse("uf eq 'RJ' or contains(name,'silva')").unwrap().matches(&r));
        assert!(!Expr::parse("not uf eq 'SP'").unwrap().matches(&r));
        assert!(Expr::eq("missing", "").matches(&r));
    }
}
