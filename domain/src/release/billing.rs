//! Whether an order can have an invoice yet. The ERP answers an order's invoices (§9.4) with a
//! 404 when there are none, and a browser logs every failed request in its console: the order
//! page asks only when the order can have one.

use super::OrderState;
use crate::contract::ReleaseRow;

/// True when the order may have an invoice: its header says closed or invoiced (`E`, §9.2:
/// `C5_NOTA` filled), or one of its release rows carries an invoice number (`C9_NFISCAL`) or is
/// invoiced by the rules of §9.5 (an order invoiced in part keeps its header's `L`). When its
/// release rows could not be read (`None`) there is no telling: it may.
/// ```
/// use mascate_domain::contract::ReleaseRow;
/// use mascate_domain::release::billing::may_have_invoices;
/// let waiting = ReleaseRow { quantity_ordered: 5.0, ..Default::default() };
/// assert!(!may_have_invoices("A", Some(&[waiting])));
/// assert!(may_have_invoices("E", Some(&[])));
/// assert!(may_have_invoices("L", None));
/// ```
pub fn may_have_invoices(status: &str, rows: Option<&[ReleaseRow]>) -> bool {
    let Some(rows) = rows else { return true };
    status.trim() == "E"
        || rows.iter().any(|r| !r.invoice.trim().is_empty() || OrderState::of_row(r) == OrderState::Invoiced)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(released: f64, stock: &str, credit: &str, invoice: &str) -> ReleaseRow {
        ReleaseRow {
            quantity_ordered: 5.0,
            quantity_released: released,
            stock_block: stock.into(),
            credit_block: credit.into(),
            invoice: invoice.into(),
            ..Default::default()
        }
    }

    #[test]
    fn an_order_not_invoiced_in_any_item_has_none_to_ask_for() {
        for status in ["A", "L", "BR", "BV", " "] {
            let rows = [row(0.0, "", "", ""), row(5.0, "", "", ""), row(5.0, "02", "01", "")];
            assert!(!may_have_invoices(status, Some(&rows)), "{status:?}");
            assert!(!may_have_invoices(status, Some(&[])), "{status:?} with no rows");
        }
    }

    #[test]
    fn an_invoiced_header_or_item_may_have_some() {
        assert!(may_have_invoices("E", Some(&[row(5.0, "", "", "")])), "the header says invoiced");
        let part = [row(5.0, "", "", ""), row(5.0, "10", "10", "")];
        assert!(may_have_invoices("L", Some(&part)), "one item invoiced: the order in part");
        assert!(may_have_invoices("L", Some(&[row(5.0, "", "", "000000462")])), "an invoice number");
        let mut billed = row(0.0, "", "", "");
        billed.invoiced_value = 610.58;
        assert!(may_have_invoices("A", Some(&[billed])), "an invoiced value");
    }

    #[test]
    fn without_the_release_rows_it_may() {
        for status in ["A", "L", "E"] {
            assert!(may_have_invoices(status, None), "{status:?}");
        }
    }
}
