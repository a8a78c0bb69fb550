//! Amounts in the currency a document was sold in (issue 25): the ERP's symbol of its
//! `currencyid` (`MV_SIMB1`…), the real's `R$` when it is unknown.

use super::number;
use crate::Locale;

/// `value` with `symbol` written the locale's way (`US$ 1.234,56`, `US$1,234.56`); an empty
/// symbol is the real's.
/// ```
/// use mascate_domain::{format::money_in, Locale};
/// assert_eq!(money_in(1234.56, "US$", Locale::PtBr), "US$ 1.234,56");
/// assert_eq!(money_in(-2.5, "€", Locale::En), "-€2.50");
/// assert_eq!(money_in(10.0, "", Locale::Es), "R$ 10,00");
/// ```
pub fn money_in(value: f64, symbol: &str, locale: Locale) -> String {
    let symbol = if symbol.trim().is_empty() { "R$" } else { symbol.trim() };
    let n = number(value.abs(), 2, locale);
    let sign = if value < 0.0 && n.chars().any(|c| c.is_ascii_digit() && c != '0') { "-" } else { "" };
    match locale {
        Locale::En => format!("{sign}{symbol}{n}"),
        Locale::PtBr | Locale::Es => format!("{sign}{symbol} {n}"),
    }
}

/// A weight in kilograms, three decimals (`1.234,500 kg`).
/// ```
/// use mascate_domain::{format::weight, Locale};
/// assert_eq!(weight(1234.5, Locale::PtBr), "1.234,500 kg");
/// ```
pub fn weight(kg: f64, locale: Locale) -> String {
    format!("{} kg", number(kg, 3, locale))
}
