//! What the home page's indicators are, as the contract defines them (§13), so the app can
//! name them in the rep's language instead of showing the ERP's Portuguese titles.

use crate::calendar::{month_name, month_of};
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

/// A bucket label of the chart in `locale`: the ERP sends month names in its own language
/// (or years, which stay as they are).
/// ```
/// use mascate_domain::{dashboard::bucket_label, Locale};
/// assert_eq!(bucket_label("Novembro", Locale::En), "November");
/// assert_eq!(bucket_label("2026", Locale::En), "2026");
/// ```
pub fn bucket_label(label: &str, locale: Locale) -> String {
    month_of(label).and_then(|m| month_name(m, locale)).map(str::to_string).unwrap_or_else(|| label.to_string())
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
        assert_eq!(bucket_label("Março", Locale::Es), "Marzo");
    }
}
