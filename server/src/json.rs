//! Reading loose JSON the way Protheus does, for the bodies that have no type of their own
//! (the queue's envelope, the tax simulation): text may come as a number, numbers as
//! numeric strings. Numbers read as [`Num`] does, so `"NaN"` or `"inf"` is no number.

use mascate_domain::contract::Num;
use serde_json::Value;

/// A text property, numbers accepted too; trailing padding dropped.
pub fn text(v: &Value, key: &str) -> String {
    match v.get(key) {
        Some(Value::String(s)) => s.trim_end().to_string(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Bool(b)) => b.to_string(),
        _ => String::new(),
    }
}

/// A finite number property; numeric strings are converted (§10.2). `None` when absent or
/// not a number.
pub fn number(v: &Value, key: &str) -> Option<f64> {
    v.get(key).cloned().and_then(|n| serde_json::from_value::<Num>(n).ok()).and_then(|n| n.value())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn lenient_values() {
        let v = json!({"q": "2,5", "n": 3, "t": "ABC   ", "nan": "NaN", "inf": "inf"});
        assert_eq!(number(&v, "q"), Some(2.5));
        assert_eq!(number(&v, "n"), Some(3.0));
        assert_eq!(number(&v, "t"), None);
        assert_eq!(number(&v, "nan"), None);
        assert_eq!(number(&v, "inf"), None);
        assert_eq!(text(&v, "t"), "ABC");
        assert_eq!(text(&v, "n"), "3");
    }
}
