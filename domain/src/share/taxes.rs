//! What of the ERP's taxes (§11) adds up to what the customer pays. ICMS, PIS, COFINS, CSLL
//! and ISS are already inside the prices ("embutidos"): they are shown for information and
//! never added. IPI and ICMS-ST are added on top ("sem incidência" in the goods value): the
//! total with taxes is the total plus those. A print or a summary that put every tax beside
//! the grand total read as if the sums were wrong.

use crate::contract::{TaxLine, Taxes};

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Whether a tax of the ERP's summary (`TaxesDetail[].imposto`) is added on top of the
/// goods (IPI, and ICMS-ST under the code `SOL`); every other one is inside the price.
pub fn is_added(code: &str) -> bool {
    matches!(code.trim().to_ascii_uppercase().as_str(), "IPI" | "SOL")
}

/// The ERP's taxes split in the two kinds, with a grand total that adds up.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TaxSummary {
    /// Inside the prices (ICMS, PIS, COFINS…): informative, not added.
    pub included: f64,
    pub included_lines: Vec<TaxLine>,
    /// Added on top (IPI, ICMS-ST).
    pub added: f64,
    pub added_lines: Vec<TaxLine>,
    /// What the ERP's grand total holds beyond `total + added` (its own roundings, per
    /// item); zero when it adds up, and then not shown.
    pub difference: f64,
    /// What the customer pays: `total + added + difference`, the ERP's grand total.
    pub grand_total: f64,
}

impl TaxSummary {
    /// The summary of `taxes` for a document whose total before taxes is `total`. The kinds'
    /// totals are the ERP's (`total_impostos_embutidos`, `total_impostos_sem_incidencia`); an
    /// ERP that leaves one at zero while its lines have it gets the sum of its lines.
    pub fn of(total: f64, taxes: &Taxes) -> TaxSummary {
        let (added_lines, included_lines): (Vec<TaxLine>, Vec<TaxLine>) =
            taxes.lines.iter().cloned().partition(|l| is_added(&l.code));
        let sum = |lines: &[TaxLine]| round2(lines.iter().map(|l| l.value).sum());
        let or_lines = |field: f64, lines: &[TaxLine]| if field != 0.0 { round2(field) } else { sum(lines) };
        let included = or_lines(taxes.included, &included_lines);
        let added = or_lines(taxes.added, &added_lines);
        let grand_total = if taxes.grand_total > 0.0 { round2(taxes.grand_total) } else { round2(total + added) };
        let difference = round2(grand_total - total - added);
        TaxSummary { included, included_lines, added, added_lines, difference, grand_total }
    }

    /// Whether the ERP's grand total holds something beyond the total and the added taxes.
    pub fn has_difference(&self) -> bool {
        self.difference.abs() >= 0.005
    }
}

/// The names of `lines` in brackets after `label` ("Impostos adicionados (IPI, ICMS-ST)").
pub fn with_names(label: &str, lines: &[TaxLine]) -> String {
    let names: Vec<&str> = lines.iter().map(|l| l.name.trim()).filter(|n| !n.is_empty()).collect();
    if names.is_empty() {
        label.to_string()
    } else {
        format!("{label} ({})", names.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(code: &str, name: &str, value: f64) -> TaxLine {
        TaxLine { code: code.into(), name: name.into(), base: 0.0, rate: 0.0, value }
    }

    /// As the stand-in ERP answers for an order of 31,28 with IPI and ICMS-ST.
    fn with_ipi_and_st() -> Taxes {
        Taxes {
            grand_total: 35.10,
            goods: 31.28,
            included: 8.53,
            added: 3.82,
            total: 12.35,
            lines: vec![
                line("ICM", "ICMS", 5.63),
                line("IPI", "IPI", 1.25),
                line("SOL", "ICMS Solidário", 2.57),
                line("PS2", "PIS Apuração", 0.52),
                line("CF2", "COFINS Apuração", 2.38),
            ],
        }
    }

    #[test]
    fn ipi_and_st_are_added_the_rest_is_inside_the_price() {
        let s = TaxSummary::of(31.28, &with_ipi_and_st());
        assert_eq!((s.included, s.added, s.grand_total), (8.53, 3.82, 35.10));
        assert_eq!(round2(31.28 + s.added), s.grand_total, "total + added taxes = what the customer pays");
        assert!(!s.has_difference());
        let codes = |l: &[TaxLine]| l.iter().map(|l| l.code.clone()).collect::<Vec<_>>();
        assert_eq!(codes(&s.added_lines), ["IPI", "SOL"]);
        assert_eq!(codes(&s.included_lines), ["ICM", "PS2", "CF2"]);
    }

    #[test]
    fn taxes_all_inside_the_price_add_nothing() {
        let t = Taxes {
            grand_total: 610.58,
            goods: 610.58,
            included: 129.75,
            added: 0.0,
            total: 129.75,
            lines: vec![line("ICM", "ICMS", 73.27), line("PS2", "PIS", 10.07), line("CF2", "COFINS", 46.41)],
        };
        let s = TaxSummary::of(610.58, &t);
        assert_eq!((s.included, s.added, s.grand_total, s.difference), (129.75, 0.0, 610.58, 0.0));
        assert!(s.added_lines.is_empty());
        assert_eq!(with_names("Impostos adicionados", &s.added_lines), "Impostos adicionados");
        assert_eq!(with_names("Inclusos", &s.included_lines), "Inclusos (ICMS, PIS, COFINS)");
    }

    #[test]
    fn an_erp_that_rounds_per_item_shows_its_cent() {
        let s = TaxSummary::of(180.0, &Taxes { grand_total: 200.01, added: 20.0, ..Default::default() });
        assert_eq!(s.difference, 0.01);
        assert!(s.has_difference());
        assert_eq!(round2(180.0 + s.added + s.difference), s.grand_total);
    }

    #[test]
    fn kinds_missing_from_the_totals_come_from_the_lines() {
        let t = Taxes { lines: vec![line("ICM", "ICMS", 18.0), line("ipi ", "IPI", 5.0)], ..Default::default() };
        let s = TaxSummary::of(100.0, &t);
        assert_eq!((s.included, s.added, s.grand_total, s.difference), (18.0, 5.0, 105.0, 0.0));
        assert!(is_added("SOL") && !is_added("ISS") && !is_added("CF2"));
    }
}
