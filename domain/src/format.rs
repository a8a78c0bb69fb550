//! Money, numbers and dates written the way each locale's readers expect.

use crate::Locale;

/// Groups the integer part and puts the decimal separator of the locale.
/// ```
/// use mascate_domain::{format::number, Locale};
/// assert_eq!(number(1234567.891, 2, Locale::PtBr), "1.234.567,89");
/// assert_eq!(number(1234567.891, 2, Locale::En), "1,234,567.89");
/// ```
pub fn number(value: f64, decimals: usize, locale: Locale) -> String {
    let (group, decimal) = match locale {
        Locale::PtBr | Locale::Es => ('.', ','),
        Locale::En => (',', '.'),
    };
    let fixed = format!("{:.*}", decimals, value.abs());
    let (int, frac) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(group);
        }
        grouped.push(c);
    }
    let negative = value < 0.0 && fixed.chars().any(|c| c.is_ascii_digit() && c != '0');
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.push_str(&grouped);
    if !frac.is_empty() {
        out.push(decimal);
        out.push_str(frac);
    }
    out
}

/// Brazilian reais, the currency of every Protheus amount here.
/// ```
/// use mascate_domain::{format::money, Locale};
/// assert_eq!(money(-1500.5, Locale::PtBr), "-R$ 1.500,50");
/// assert_eq!(money(1500.5, Locale::En), "R$1,500.50");
/// ```
pub fn money(value: f64, locale: Locale) -> String {
    let n = number(value.abs(), 2, locale);
    let sign = if value < 0.0 && n.chars().any(|c| c.is_ascii_digit() && c != '0') { "-" } else { "" };
    match locale {
        Locale::En => format!("{sign}R${n}"),
        Locale::PtBr | Locale::Es => format!("{sign}R$ {n}"),
    }
}

/// A contract date (`YYYY-MM-DD`, or Protheus's `YYYYMMDD`) for display; blank stays blank,
/// and anything unparseable is shown as it came.
/// ```
/// use mascate_domain::{format::date, Locale};
/// assert_eq!(date("2026-11-02", Locale::PtBr), "02/11/2026");
/// assert_eq!(date("20261102", Locale::En), "11/02/2026");
/// ```
pub fn date(iso: &str, locale: Locale) -> String {
    let s = iso.trim();
    let parts = if s.len() == 8 && s.chars().all(|c| c.is_ascii_digit()) {
        Some((&s[0..4], &s[4..6], &s[6..8]))
    } else if s.len() >= 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-' {
        Some((&s[0..4], &s[5..7], &s[8..10]))
    } else {
        None
    };
    match parts {
        Some((y, m, d)) => match locale {
            Locale::En => format!("{m}/{d}/{y}"),
            Locale::PtBr | Locale::Es => format!("{d}/{m}/{y}"),
        },
        None => s.to_string(),
    }
}

/// A Brazilian postal code as `01310-100`.
pub fn zipcode(raw: &str) -> String {
    let d = crate::text::digits(raw);
    if d.len() == 8 {
        format!("{}-{}", &d[..5], &d[5..])
    } else {
        raw.trim().to_string()
    }
}

/// A number as typed in any of the app's locales: `2,5`, `2.5`, `1.234,56` and `1,234.56`
/// all read right (the last separator is the decimal one). `None` for anything else.
/// ```
/// use mascate_domain::format::parse_number;
/// assert_eq!(parse_number("1.234,56"), Some(1234.56));
/// assert_eq!(parse_number("1,234.56"), Some(1234.56));
/// assert_eq!(parse_number(" 2,5 "), Some(2.5));
/// assert_eq!(parse_number("abc"), None);
/// ```
pub fn parse_number(s: &str) -> Option<f64> {
    let s = s.trim().replace(' ', "");
    if s.is_empty() {
        return None;
    }
    let decimal = match (s.rfind(','), s.rfind('.')) {
        (Some(c), Some(d)) => Some(if c > d { ',' } else { '.' }),
        (Some(_), None) => Some(','),
        (None, Some(_)) => Some('.'),
        (None, None) => None,
    };
    let normal: String = match decimal {
        Some(sep) => {
            let thousands = if sep == ',' { '.' } else { ',' };
            s.chars().filter(|c| *c != thousands).map(|c| if c == sep { '.' } else { c }).collect()
        }
        None => s,
    };
    normal.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// A number for an input box in `locale` (no thousands separator, so it reads back).
pub fn number_input(value: f64, locale: Locale) -> String {
    let s = if value.fract() == 0.0 { format!("{value:.0}") } else { format!("{}", (value * 100.0).round() / 100.0) };
    match locale {
        Locale::En => s,
        Locale::PtBr | Locale::Es => s.replace('.', ","),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_group_and_round() {
        assert_eq!(number(0.0, 2, Locale::PtBr), "0,00");
        assert_eq!(number(999.999, 2, Locale::PtBr), "1.000,00");
        assert_eq!(number(100.0, 0, Locale::En), "100");
        assert_eq!(number(-0.001, 2, Locale::En), "0.00");
        assert_eq!(number(-1234.5, 1, Locale::Es), "-1.234,5");
    }

    #[test]
    fn money_per_locale() {
        assert_eq!(money(1234.5, Locale::PtBr), "R$ 1.234,50");
        assert_eq!(money(1234.5, Locale::Es), "R$ 1.234,50");
        assert_eq!(money(1234.5, Locale::En), "R$1,234.50");
        assert_eq!(money(0.0, Locale::PtBr), "R$ 0,00");
    }

    #[test]
    fn dates_and_zip() {
        assert_eq!(date("", Locale::PtBr), "");
        assert_eq!(date("2026-01-31", Locale::Es), "31/01/2026");
        assert_eq!(date("soon", Locale::En), "soon");
        assert_eq!(zipcode("01310100"), "01310-100");
        assert_eq!(zipcode("123"), "123");
    }
}
