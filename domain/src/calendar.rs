//! Month names in each of the app's languages, and reading the ERP's (server-language)
//! month names back into month numbers.

use crate::text::fold;
use crate::Locale;

const PT: [&str; 12] = [
    "Janeiro",
    "Fevereiro",
    "Março",
    "Abril",
    "Maio",
    "Junho",
    "Julho",
    "Agosto",
    "Setembro",
    "Outubro",
    "Novembro",
    "Dezembro",
];
const EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const ES: [&str; 12] = [
    "Enero",
    "Febrero",
    "Marzo",
    "Abril",
    "Mayo",
    "Junio",
    "Julio",
    "Agosto",
    "Septiembre",
    "Octubre",
    "Noviembre",
    "Diciembre",
];

fn names(locale: Locale) -> &'static [&'static str; 12] {
    match locale {
        Locale::PtBr => &PT,
        Locale::En => &EN,
        Locale::Es => &ES,
    }
}

/// The name of month `month` (1–12) in `locale`.
/// ```
/// use mascate_domain::{calendar::month_name, Locale};
/// assert_eq!(month_name(3, Locale::PtBr), Some("Março"));
/// assert_eq!(month_name(3, Locale::En), Some("March"));
/// assert_eq!(month_name(13, Locale::Es), None);
/// ```
pub fn month_name(month: u32, locale: Locale) -> Option<&'static str> {
    names(locale).get(month.checked_sub(1)? as usize).copied()
}

/// The short name (three letters) of month `month` in `locale`: `Mar`, `Set`, `Sep`.
pub fn month_short(month: u32, locale: Locale) -> Option<String> {
    month_name(month, locale).map(|n| n.chars().take(3).collect())
}

/// The month a name stands for, in any of the app's languages, with or without accents
/// or capitals: `"MARCO"`, `"março"` and `"March"` are all 3.
pub fn month_of(name: &str) -> Option<u32> {
    let folded = fold(name.trim());
    Locale::ALL.iter().find_map(|l| names(*l).iter().position(|n| fold(n) == folded)).map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_names_round_trip_in_every_language() {
        for l in Locale::ALL {
            for m in 1..=12 {
                assert_eq!(month_of(month_name(m, l).unwrap()), Some(m), "{m} in {l:?}");
            }
        }
        assert_eq!(month_of("MARCO"), Some(3));
        assert_eq!(month_of("2026"), None);
        assert_eq!(month_short(9, Locale::PtBr).as_deref(), Some("Set"));
        assert_eq!(month_name(0, Locale::PtBr), None);
    }
}
