//! The body of an order or quotation write (§10.2): `{header, items}`, as the app's draft
//! writes it into the integration queue and as the stand-in ERP's engine reads it, from the
//! queue or from the synchronous routes. One type for both ends, so they cannot drift.
//!
//! Reading is as lenient as Protheus: text may come as a number, numbers as numeric strings
//! (`"2,5"`), blanks count as absent. What is not a number at all — `"NaN"`, `"inf"`, a list —
//! is kept as [`Num::Invalid`], so [`DocumentBody::check_numbers`] can refuse it naming the
//! field, as can a value past the ERP's field widths ([`width`]).

use serde::de::Deserializer;
use serde::{Deserialize, Serialize, Serializer};
use serde_json::Value;

use crate::format;
use crate::Locale;

/// A number as the ERP reads it.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Num {
    /// Missing, null or blank.
    #[default]
    Absent,
    /// A finite number.
    Value(f64),
    /// Anything else, as it came (`NaN`, `inf`, `abc`, `[1]`).
    Invalid(String),
}

impl Num {
    /// The value, `None` when absent or invalid.
    pub fn value(&self) -> Option<f64> {
        match self {
            Num::Value(v) => Some(*v),
            _ => None,
        }
    }

    /// The value, or `default` when absent or invalid.
    pub fn or(&self, default: f64) -> f64 {
        self.value().unwrap_or(default)
    }

    pub fn is_absent(&self) -> bool {
        matches!(self, Num::Absent)
    }

    fn from_text(raw: &str) -> Num {
        let t = raw.trim();
        if t.is_empty() {
            return Num::Absent;
        }
        // Only digits, signs, separators and exponents: Rust would also read "NaN" and "inf".
        let plain = t.chars().all(|c| c.is_ascii_digit() || matches!(c, '-' | '+' | '.' | ',' | 'e' | 'E'));
        match t.replace(',', ".").parse::<f64>() {
            Ok(v) if plain && v.is_finite() => Num::Value(v),
            _ => Num::Invalid(raw.to_string()),
        }
    }
}

impl From<f64> for Num {
    fn from(v: f64) -> Num {
        if v.is_finite() {
            Num::Value(v)
        } else {
            Num::Invalid(v.to_string())
        }
    }
}

impl Serialize for Num {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Num::Absent => s.serialize_none(),
            Num::Value(v) => s.serialize_f64(*v),
            Num::Invalid(raw) => s.serialize_str(raw),
        }
    }
}

impl<'de> Deserialize<'de> for Num {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Num, D::Error> {
        Ok(match Value::deserialize(d)? {
            Value::Null => Num::Absent,
            Value::Number(n) => n.as_f64().map(Num::from).unwrap_or_else(|| Num::Invalid(n.to_string())),
            Value::String(s) => Num::from_text(&s),
            other => Num::Invalid(other.to_string()),
        })
    }
}

/// Text that may come as a number or a boolean; trailing padding dropped.
fn text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::String(s) => s.trim_end().to_string(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        _ => String::new(),
    })
}

/// [`text`], present.
fn some_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    text(d).map(Some)
}

/// `true` or `"true"`.
fn flag<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Bool(b) => b,
        Value::String(s) => s.trim().eq_ignore_ascii_case("true"),
        _ => false,
    })
}

fn is_false(b: &bool) -> bool {
    !b
}

/// The header (`SC5`/`SCJ`), with the write spellings.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct DocumentHeader {
    /// The ERP's order number, on an update of an order.
    #[serde(rename = "orderid", deserialize_with = "some_text", skip_serializing_if = "Option::is_none")]
    pub order_id: Option<String>,
    /// The ERP's quotation number, on an update of a quotation.
    #[serde(rename = "budgetid", deserialize_with = "some_text", skip_serializing_if = "Option::is_none")]
    pub budget_id: Option<String>,
    #[serde(rename = "externalid", deserialize_with = "text")]
    pub external_id: String,
    /// The customer's code only (`A1_COD`).
    #[serde(rename = "customerid", deserialize_with = "text")]
    pub customer: String,
    #[serde(rename = "customerstore", deserialize_with = "text")]
    pub customer_store: String,
    #[serde(rename = "prospectid", deserialize_with = "text", skip_serializing_if = "String::is_empty")]
    pub prospect: String,
    #[serde(rename = "prospectstore", deserialize_with = "text", skip_serializing_if = "String::is_empty")]
    pub prospect_store: String,
    #[serde(rename = "pricelistid", deserialize_with = "text")]
    pub price_list: String,
    #[serde(rename = "paymentconditionid", deserialize_with = "text")]
    pub payment_condition: String,
    #[serde(rename = "freighttype", deserialize_with = "text")]
    pub freight_type: String,
    #[serde(skip_serializing_if = "Num::is_absent")]
    pub freight: Num,
    #[serde(skip_serializing_if = "Num::is_absent")]
    pub insurance: Num,
    #[serde(skip_serializing_if = "Num::is_absent")]
    pub expenses: Num,
    /// The header discount, in %.
    #[serde(skip_serializing_if = "Num::is_absent")]
    pub discount: Num,
    #[serde(rename = "currencyid", skip_serializing_if = "Num::is_absent")]
    pub currency: Num,
    /// `YYYY-MM-DD` (`yyyy-M-d` accepted).
    #[serde(rename = "issuedate", deserialize_with = "text")]
    pub issue_date: String,
    #[serde(rename = "carriercode", deserialize_with = "text", skip_serializing_if = "String::is_empty")]
    pub carrier: String,
    #[serde(rename = "typeofoperation", deserialize_with = "text", skip_serializing_if = "String::is_empty")]
    pub operation_type: String,
    /// Orders: `N`.
    #[serde(rename = "ordertype", deserialize_with = "text", skip_serializing_if = "String::is_empty")]
    pub order_type: String,
    #[serde(rename = "notemessage", deserialize_with = "text", skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(rename = "ordercomment", deserialize_with = "text", skip_serializing_if = "String::is_empty")]
    pub comment: String,
    #[serde(rename = "releasetype", deserialize_with = "text", skip_serializing_if = "String::is_empty")]
    pub release_type: String,
    #[serde(rename = "customertype", deserialize_with = "text", skip_serializing_if = "String::is_empty")]
    pub customer_type: String,
}

/// One line (`SC6`/`SCK`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct DocumentLine {
    /// The item number (`01`…), chosen on the device; empty lets the ERP number it.
    #[serde(rename = "itemid", deserialize_with = "text", skip_serializing_if = "String::is_empty")]
    pub item_id: String,
    #[serde(rename = "productid", deserialize_with = "text", skip_serializing_if = "String::is_empty")]
    pub product: String,
    #[serde(deserialize_with = "text", skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(skip_serializing_if = "Num::is_absent")]
    pub quantity: Num,
    /// The price-list price.
    #[serde(rename = "pricelist", skip_serializing_if = "Num::is_absent")]
    pub list_price: Num,
    #[serde(rename = "unitprice", skip_serializing_if = "Num::is_absent")]
    pub unit_price: Num,
    /// In %; sent only when there is one (§10.2).
    #[serde(skip_serializing_if = "Num::is_absent")]
    pub discount: Num,
    #[serde(rename = "deliverydate", deserialize_with = "text", skip_serializing_if = "String::is_empty")]
    pub delivery_date: String,
    #[serde(rename = "customerorder", deserialize_with = "text", skip_serializing_if = "String::is_empty")]
    pub customer_order: String,
    /// Removes the line on an update (AUTDELETA).
    #[serde(rename = "isDeleted", deserialize_with = "flag", skip_serializing_if = "is_false")]
    pub deleted: bool,
}

/// `{header, items}`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct DocumentBody {
    pub header: DocumentHeader,
    pub items: Vec<DocumentLine>,
}

/// The widths of the ERP's numeric fields (`SX3`), as this stand-in defines them.
pub mod width {
    /// A numeric field: its dictionary name and the largest value it holds.
    #[derive(Debug, Clone, Copy, PartialEq)]
    pub struct Width {
        pub field: &'static str,
        pub max: f64,
    }

    /// `C6_QTDVEN`/`CK_QTDVEN`, N(9,2).
    pub const QUANTITY: Width = Width { field: "QTDVEN", max: 999_999.99 };
    /// `C6_PRCVEN`/`C6_PRUNIT`, N(12,2): unit and list prices.
    pub const PRICE: Width = Width { field: "PRCVEN", max: 999_999_999.99 };
    /// `C6_VALOR`, N(12,2): quantity × unit price.
    pub const AMOUNT: Width = Width { field: "VALOR", max: 999_999_999.99 };
    /// `C6_DESCONT`, `C5_DESC1`, N(5,2): a percentage below 100.
    pub const PERCENT: Width = Width { field: "DESCONT", max: 99.99 };
    /// `C5_FRETE`, `C5_SEGURO`, `C5_DESPESA`, N(12,2).
    pub const CHARGE: Width = Width { field: "FRETE", max: 999_999_999.99 };
    /// `C5_MOEDA`, N(2,0).
    pub const CURRENCY: Width = Width { field: "MOEDA", max: 99.0 };
}

/// A number the ERP cannot take, with the field it came in, for the refusal.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberProblem {
    /// The property (`quantity`), with the item number for a line (`quantity do item 02`).
    pub field: String,
    pub message: String,
}

impl std::fmt::Display for NumberProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// `n` as the field `w` holds it: a finite value, not negative, within the width; the
/// problem named `field`.
pub fn check_number(field: String, n: &Num, w: width::Width) -> Result<(), NumberProblem> {
    let message = match n {
        Num::Absent => return Ok(()),
        Num::Invalid(raw) => format!("Valor inválido em {field}: '{raw}' não é um número."),
        Num::Value(v) if v.abs() > w.max => format!(
            "Valor fora do tamanho do campo em {field}: {} (máximo {}).",
            format::number(*v, 2, Locale::PtBr),
            format::number(w.max, 2, Locale::PtBr)
        ),
        Num::Value(v) if *v < 0.0 => format!("Valor negativo em {field}."),
        Num::Value(_) => return Ok(()),
    };
    Err(NumberProblem { field, message })
}

impl DocumentBody {
    /// Every number is a finite value within its field's width (`NaN`, `±inf` and `1e308`
    /// refused), the first problem named with its field.
    pub fn check_numbers(&self) -> Result<(), NumberProblem> {
        let h = &self.header;
        check_number("freight".into(), &h.freight, width::CHARGE)?;
        check_number("insurance".into(), &h.insurance, width::CHARGE)?;
        check_number("expenses".into(), &h.expenses, width::CHARGE)?;
        check_number("discount".into(), &h.discount, width::PERCENT)?;
        check_number("currencyid".into(), &h.currency, width::CURRENCY)?;
        for (n, line) in self.items.iter().enumerate().filter(|(_, l)| !l.deleted) {
            let name = |field: &str| match line.item_id.as_str() {
                "" => format!("{field} da linha {}", n + 1),
                id => format!("{field} do item {id}"),
            };
            check_number(name("quantity"), &line.quantity, width::QUANTITY)?;
            check_number(name("unitprice"), &line.unit_price, width::PRICE)?;
            check_number(name("pricelist"), &line.list_price, width::PRICE)?;
            check_number(name("discount"), &line.discount, width::PERCENT)?;
            if let (Some(q), Some(p)) = (line.quantity.value(), line.unit_price.value()) {
                check_number(name("quantity × unitprice"), &Num::Value(q * p), width::AMOUNT)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn body(line: Value) -> DocumentBody {
        serde_json::from_value(json!({"header": {"customerid": 2, "freight": "1,5"}, "items": [line]})).unwrap()
    }

    #[test]
    fn reads_leniently_and_keeps_what_is_not_a_number() {
        let b = body(json!({"itemid": "01", "quantity": "2,5", "unitprice": 10, "isDeleted": "false", "x": 1}));
        assert_eq!(b.header.customer, "2");
        assert_eq!(b.header.freight, Num::Value(1.5));
        assert_eq!(b.items[0].quantity, Num::Value(2.5));
        assert_eq!(b.items[0].discount, Num::Absent);
        assert!(b.check_numbers().is_ok());
        for raw in ["NaN", "inf", "-Infinity", "1e999", "abc"] {
            let b = body(json!({"quantity": raw, "unitprice": 1}));
            assert_eq!(b.items[0].quantity, Num::Invalid(raw.into()));
            let p = b.check_numbers().unwrap_err();
            assert_eq!(p.field, "quantity da linha 1", "{raw}");
        }
    }

    #[test]
    fn refuses_past_the_field_widths_naming_the_field() {
        let p = body(json!({"itemid": "02", "quantity": 1, "unitprice": 1e308})).check_numbers().unwrap_err();
        assert_eq!(p.field, "unitprice do item 02");
        assert!(p.message.contains("máximo 999.999.999,99"), "{}", p.message);
        let p = body(json!({"quantity": 999_999, "unitprice": 999_999})).check_numbers().unwrap_err();
        assert!(p.field.starts_with("quantity × unitprice"));
        let p = body(json!({"quantity": 1, "unitprice": 1, "discount": 100})).check_numbers().unwrap_err();
        assert!(p.field.starts_with("discount"));
        let removed = body(json!({"itemid": "03", "isDeleted": true, "quantity": "NaN"}));
        assert!(removed.check_numbers().is_ok(), "a removed line's numbers do not matter");
    }

    #[test]
    fn writes_the_spellings_the_erp_reads() {
        let b = DocumentBody {
            header: DocumentHeader { order_id: Some(String::new()), freight: Num::Value(0.0), ..Default::default() },
            items: vec![DocumentLine { item_id: "03".into(), deleted: true, ..Default::default() }],
        };
        let v = serde_json::to_value(&b).unwrap();
        assert_eq!(v["header"]["orderid"], "");
        assert!(v["header"].get("budgetid").is_none());
        assert_eq!(v["items"][0], json!({"itemid": "03", "isDeleted": true}));
        assert_eq!(serde_json::from_value::<DocumentBody>(v).unwrap().items, b.items);
    }
}
