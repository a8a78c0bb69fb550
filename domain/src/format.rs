//! Money, numbers and dates written the way each locale's readers expect.

use crate::Locale;

mod currency;
pub use currency::{money_in, weight};

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
    money_in(value, "R$", locale)
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

/// A Brazilian phone number with its area code, as people write it: `(11) 3210-1234`, or
/// `(11) 98765-4321` for a mobile. The number may already hold the area code (10 or 11
/// digits); anything else is shown as it came.
/// ```
/// use mascate_domain::format::phone;
/// assert_eq!(phone("11", "32101234"), "(11) 3210-1234");
/// assert_eq!(phone("011", "987654321"), "(11) 98765-4321");
/// assert_eq!(phone("", "1132101234"), "(11) 3210-1234");
/// ```
pub fn phone(area: &str, number: &str) -> String {
    let as_it_came = || format!("{} {}", area.trim(), number.trim()).trim().to_string();
    if number.trim().starts_with('+') {
        return as_it_came(); // an international number is written its own way
    }
    let (area, number) = (crate::text::digits(area), crate::text::digits(number));
    let area = area.trim_start_matches('0');
    let (area, local) = match (area.len(), number.len()) {
        (2, 8 | 9) => (area.to_string(), number),
        (0, 10 | 11) => (number[..2].to_string(), number[2..].to_string()),
        (0, 8 | 9) => (String::new(), number),
        _ => return as_it_came(),
    };
    let split = local.len() - 4;
    let local = format!("{}-{}", &local[..split], &local[split..]);
    if area.is_empty() {
        local
    } else {
        format!("({area}) {local}")
    }
}

/// A size in bytes for people: `2,6 MB`, `10 GB`, in the locale's decimal separator.
/// ```
/// use mascate_domain::{format::bytes, Locale};
/// assert_eq!(bytes(2_726_298.0, Locale::PtBr), "2,6 MB");
/// assert_eq!(bytes(10_737_418_240.0, Locale::PtBr), "10 GB");
/// assert_eq!(bytes(1_610_612_736.0, Locale::En), "1.5 GB");
/// ```
pub fn bytes(value: f64, locale: Locale) -> String {
    const KB: f64 = 1024.0;
    let (v, unit) = if value >= KB * KB * KB {
        (value / (KB * KB * KB), "GB")
    } else if value >= KB * KB {
        (value / (KB * KB), "MB")
    } else {
        (value / KB, "KB")
    };
    let decimals = if (v * 10.0).round() % 10.0 == 0.0 { 0 } else { 1 };
    format!("{} {unit}", number(v, decimals, locale))
}

/// How a date is typed in `locale`: `dd/mm/aaaa` (pt-BR), `mm/dd/yyyy` (en), `dd/mm/aaaa` (es).
pub fn date_pattern(locale: Locale) -> &'static str {
    match locale {
        Locale::PtBr | Locale::Es => "dd/mm/aaaa",
        Locale::En => "mm/dd/yyyy",
    }
}

/// Puts the slashes in as a date is typed: `0211` → `02/11`, `02112026` → `02/11/2026`.
/// A slash the rep types closes a one-digit day or month: `1/10/2026` → `01/10/2026`.
/// Only digits and separators count; at most eight digits.
/// ```
/// use mascate_domain::format::date_typing;
/// assert_eq!(date_typing("1/10/2026"), "01/10/2026");
/// assert_eq!(date_typing("1/"), "01/");
/// ```
pub fn date_typing(typed: &str) -> String {
    let mut closed: Vec<String> = Vec::new();
    let mut open = String::new();
    for c in typed.chars() {
        if c.is_ascii_digit() {
            if closed.len() < 2 && open.len() == 2 {
                closed.push(std::mem::take(&mut open));
            }
            if closed.len() < 2 || open.len() < 4 {
                open.push(c);
            }
        } else if matches!(c, '/' | '-' | '.') && closed.len() < 2 && !open.is_empty() {
            closed.push(format!("{open:0>2}"));
            open.clear();
        }
    }
    let mut out = closed.join("/");
    if !closed.is_empty() && (closed.len() == 2 || !open.is_empty() || typed.trim_end().ends_with(['/', '-', '.'])) {
        out.push('/');
    }
    out.push_str(&open);
    out
}

/// What a date box holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypedDate {
    /// Nothing.
    Empty,
    /// A calendar date, `YYYY-MM-DD`.
    Date(String),
    /// Not all of it yet (`01/10`, `01/10/20`).
    Incomplete,
    /// Whole, but no such day (`31/02/2026`, `00/13/2026`).
    Impossible,
}

/// Reads a date box in `locale`'s order.
/// ```
/// use mascate_domain::{format::{read_date, TypedDate}, Locale};
/// assert_eq!(read_date("01/10/2026", Locale::PtBr), TypedDate::Date("2026-10-01".into()));
/// assert_eq!(read_date("31/02/2026", Locale::PtBr), TypedDate::Impossible);
/// assert_eq!(read_date("01/10/20", Locale::PtBr), TypedDate::Incomplete);
/// assert_eq!(read_date(" ", Locale::PtBr), TypedDate::Empty);
/// ```
pub fn read_date(typed: &str, locale: Locale) -> TypedDate {
    if typed.trim().is_empty() {
        return TypedDate::Empty;
    }
    if let Some(iso) = parse_date(typed, locale) {
        return TypedDate::Date(iso);
    }
    let parts: Vec<&str> = typed.trim().split(['/', '-', '.']).collect();
    let whole = parts.len() == 3 && parts.iter().all(|p| !p.is_empty()) && parts.iter().any(|p| p.len() == 4);
    if whole || crate::text::digits(typed).len() >= 8 {
        TypedDate::Impossible
    } else {
        TypedDate::Incomplete
    }
}

/// A typed date in `locale`'s order (`02/11/2026`, or `11/02/2026` in English; `2/11/2026`
/// and `02112026` too) as the contract's `YYYY-MM-DD`; `None` when it is no calendar date.
/// ```
/// use mascate_domain::{format::parse_date, Locale};
/// assert_eq!(parse_date("02/11/2026", Locale::PtBr).as_deref(), Some("2026-11-02"));
/// assert_eq!(parse_date("11/02/2026", Locale::En).as_deref(), Some("2026-11-02"));
/// assert_eq!(parse_date("31/02/2026", Locale::PtBr), None);
/// ```
pub fn parse_date(typed: &str, locale: Locale) -> Option<String> {
    let s = typed.trim();
    let parts: Vec<&str> = if s.contains(['/', '-', '.']) {
        s.split(['/', '-', '.']).collect()
    } else if s.len() == 8 && s.chars().all(|c| c.is_ascii_digit()) {
        vec![&s[0..2], &s[2..4], &s[4..8]]
    } else {
        return None;
    };
    let [a, b, y] = parts.as_slice() else { return None };
    let num = |t: &str| t.parse::<u32>().ok().filter(|_| !t.is_empty() && t.len() <= 4);
    let (a, b, y) = (num(a)?, num(b)?, num(y)?);
    // An ISO date typed as is (`2026-11-02`) reads as such.
    let (y, m, d) = if a >= 1000 {
        (a, b, y)
    } else {
        match locale {
            Locale::En => (y, a, b),
            Locale::PtBr | Locale::Es => (y, b, a),
        }
    };
    if !(1900..=9999).contains(&y) || !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
        return None;
    }
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        2 if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// An NF-e access key (44 digits) in groups of four, as the DANFE prints it: read aloud and
/// typed group by group, and it breaks between groups on a narrow screen, never inside one.
/// ```
/// use mascate_domain::format::access_key;
/// assert_eq!(access_key("35260000000000000000000000000000000000000462"),
///     "3526 0000 0000 0000 0000 0000 0000 0000 0000 0000 0462");
/// assert_eq!(access_key(" 123 "), "123");
/// ```
pub fn access_key(raw: &str) -> String {
    let digits: Vec<char> = raw.chars().filter(|c| !c.is_whitespace()).collect();
    digits.chunks(4).map(|g| g.iter().collect::<String>()).collect::<Vec<_>>().join(" ")
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

    #[test]
    fn phones_get_the_brazilian_mask() {
        assert_eq!(phone("11", "3210-1234"), "(11) 3210-1234");
        assert_eq!(phone("21", "99876 5432"), "(21) 99876-5432");
        assert_eq!(phone("", "32101234"), "3210-1234");
        assert_eq!(phone("", "+55 11 3210"), "+55 11 3210", "international: as it came");
        assert_eq!(phone("11", "123"), "11 123", "not a number we know: as it came");
        assert_eq!(phone("", ""), "");
    }

    #[test]
    fn sizes_in_bytes() {
        assert_eq!(bytes(0.0, Locale::PtBr), "0 KB");
        assert_eq!(bytes(512.0 * 1024.0, Locale::PtBr), "512 KB");
        assert_eq!(bytes(2.5 * 1024.0 * 1024.0, Locale::Es), "2,5 MB");
    }

    #[test]
    fn typed_dates() {
        assert_eq!(date_typing("0211"), "02/11");
        assert_eq!(date_typing("02/11/2026x9"), "02/11/2026");
        assert_eq!(date_typing("021"), "02/1");
        // Typed one key at a time, as the box hands each value back.
        let mut shown = String::new();
        for c in "1/10/2026".chars() {
            shown = date_typing(&format!("{shown}{c}"));
        }
        assert_eq!(shown, "01/10/2026");
        let mut shown = String::new();
        for c in "5/3/2026".chars() {
            shown = date_typing(&format!("{shown}{c}"));
        }
        assert_eq!(shown, "05/03/2026");
        assert_eq!(date_typing("02/"), "02/");
        assert_eq!(date_typing("02//"), "02/");
        assert_eq!(date_typing("02/1"), "02/1");
        assert_eq!(date_typing("02/11/"), "02/11/");
        assert_eq!(date_typing("01/10/20261"), "01/10/2026");
        assert_eq!(read_date("1/10/2026", Locale::PtBr), TypedDate::Date("2026-10-01".into()));
        assert_eq!(read_date("10/01/2026", Locale::En), TypedDate::Date("2026-10-01".into()));
        assert_eq!(read_date("29/02/2027", Locale::PtBr), TypedDate::Impossible);
        assert_eq!(read_date("13/13/2026", Locale::PtBr), TypedDate::Impossible);
        assert_eq!(read_date("01/10/", Locale::PtBr), TypedDate::Incomplete);
        assert_eq!(read_date("01", Locale::PtBr), TypedDate::Incomplete);
        assert_eq!(parse_date("2/1/2026", Locale::PtBr).as_deref(), Some("2026-01-02"));
        assert_eq!(parse_date("02012026", Locale::Es).as_deref(), Some("2026-01-02"));
        assert_eq!(parse_date("2026-01-02", Locale::En).as_deref(), Some("2026-01-02"));
        assert_eq!(parse_date("29/02/2028", Locale::PtBr).as_deref(), Some("2028-02-29"));
        assert_eq!(parse_date("29/02/2027", Locale::PtBr), None);
        assert_eq!(parse_date("13/13/2026", Locale::PtBr), None);
        assert_eq!(parse_date("02/11", Locale::PtBr), None);
        assert_eq!(parse_date("", Locale::PtBr), None);
        assert_eq!(date_pattern(Locale::PtBr), "dd/mm/aaaa");
    }
}
