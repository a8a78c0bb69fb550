//! What the home page's indicators are, as the contract defines them (§13), so the app can
//! name them in the rep's language instead of showing the ERP's Portuguese titles.

use crate::calendar::{month_name, month_of, month_short};
use crate::Locale;

/// One of the four cards of `cardsHome` (§13.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Card {
    /// "Total de Itens".
    TotalItems,
    /// "Itens a Faturar".
    ToInvoice,
    /// "Itens Pendentes".
    Pending,
    /// "Itens Finalizados".
    Finished,
}

impl Card {
    /// The card a title names; `None` for a title the contract does not define (shown as it came).
    /// ```
    /// use mascate_domain::dashboard::Card;
    /// assert_eq!(Card::of_title("Itens a Faturar"), Some(Card::ToInvoice));
    /// assert_eq!(Card::of_title("Something else"), None);
    /// ```
    pub fn of_title(title: &str) -> Option<Card> {
        match crate::text::fold(title.trim()).as_str() {
            "total de itens" => Some(Card::TotalItems),
            "itens a faturar" => Some(Card::ToInvoice),
            "itens pendentes" => Some(Card::Pending),
            "itens finalizados" => Some(Card::Finished),
            _ => None,
        }
    }
}

/// The two series of `chartsHome` (§13.2), always in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Series {
    Billed,
    Unbilled,
}

impl Series {
    /// The series at `index` of the dataset.
    pub fn at(index: usize) -> Option<Series> {
        match index {
            0 => Some(Series::Billed),
            1 => Some(Series::Unbilled),
            _ => None,
        }
    }
}

/// A bucket label of the chart in `locale`: the ERP sends month names in its own language,
/// with the year when the period spans two (`Dezembro/2025`), or years, which stay as they
/// are. `short` gives three letters and two digits (`Dec/25`), for many buckets.
/// ```
/// use mascate_domain::{dashboard::bucket_label, Locale};
/// assert_eq!(bucket_label("Novembro", Locale::En, false), "November");
/// assert_eq!(bucket_label("Dezembro/2025", Locale::En, false), "December/2025");
/// assert_eq!(bucket_label("Dezembro/2025", Locale::En, true), "Dec/25");
/// assert_eq!(bucket_label("2026", Locale::En, true), "2026");
/// ```
pub fn bucket_label(label: &str, locale: Locale, short: bool) -> String {
    let (name, year) = match label.split_once('/') {
        Some((name, year)) => (name, Some(year.trim())),
        None => (label, None),
    };
    let Some(month) = month_of(name) else { return label.to_string() };
    let name = match (short, month_name(month, locale)) {
        (true, _) => month_short(month, locale).unwrap_or_default(),
        (false, Some(n)) => n.to_string(),
        (false, None) => name.to_string(),
    };
    match year {
        Some(y) if short && y.len() == 4 => format!("{name}/{}", &y[2..]),
        Some(y) => format!("{name}/{y}"),
        None => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_contract_titles_are_known() {
        assert_eq!(Card::of_title("Total de Itens"), Some(Card::TotalItems));
        assert_eq!(Card::of_title(" ITENS PENDENTES "), Some(Card::Pending));
        assert_eq!(Card::of_title("Itens Finalizados"), Some(Card::Finished));
        assert_eq!(Series::at(1), Some(Series::Unbilled));
        assert_eq!(Series::at(2), None);
        assert_eq!(bucket_label("Março", Locale::Es, false), "Marzo");
        assert_eq!(bucket_label("Fevereiro/2026", Locale::PtBr, true), "Fev/26");
        assert_eq!(bucket_label("Something", Locale::En, true), "Something");
    }
}
