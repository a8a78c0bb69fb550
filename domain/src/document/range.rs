//! From/to ranges of the document lists: issue date and number for orders and quotations,
//! issue date for invoices. Kept in the address like the other filters, sent to the ERP as
//! `FILTER` comparisons, and checked here when a list is narrowed on the device (the release
//! list, the documents written offline).

use crate::filter::{Expr, Op};

/// The width of the ERP's document numbers (`C5_NUM`, `CJ_NUM`).
pub const NUMBER_WIDTH: usize = 6;

/// The width of the ERP's invoice numbers (`F2_DOC`).
pub const INVOICE_WIDTH: usize = 9;

/// The ranges a rep typed; an empty side is open.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocumentRange {
    /// `YYYY-MM-DD`.
    pub from: String,
    pub to: String,
    pub number_from: String,
    pub number_to: String,
}

/// Why a range cannot be searched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RangeProblem {
    /// The first date is after the last.
    DatesReversed,
    /// The first number is after the last.
    NumbersReversed,
}

/// A number as the ERP stores it: digits padded with zeros to [`NUMBER_WIDTH`] (`123` →
/// `000123`); anything else as typed, trimmed.
pub fn padded_number(typed: &str) -> String {
    padded_to(typed, NUMBER_WIDTH)
}

/// Digits padded with zeros to `width` (`123`, 9 → `000000123`); anything else as typed.
pub fn padded_to(typed: &str, width: usize) -> String {
    let t = typed.trim();
    if !t.is_empty() && t.len() < width && t.bytes().all(|b| b.is_ascii_digit()) {
        format!("{t:0>width$}")
    } else {
        t.to_string()
    }
}

/// `field ge from and field le to`, each side only when given.
pub fn between(field: &str, from: &str, to: &str) -> Vec<Expr> {
    let mut parts = Vec::new();
    if !from.trim().is_empty() {
        parts.push(Expr::compare(field, Op::Ge, from.trim()));
    }
    if !to.trim().is_empty() {
        parts.push(Expr::compare(field, Op::Le, to.trim()));
    }
    parts
}

fn inside(v: &str, from: &str, to: &str) -> bool {
    (from.is_empty() || v >= from) && (to.is_empty() || v <= to)
}

impl DocumentRange {
    pub fn is_empty(&self) -> bool {
        [&self.from, &self.to, &self.number_from, &self.number_to].iter().all(|s| s.trim().is_empty())
    }

    pub fn problem(&self) -> Option<RangeProblem> {
        self.problem_at(NUMBER_WIDTH)
    }

    /// [`Self::problem`] for numbers `width` digits wide (invoices: [`INVOICE_WIDTH`]).
    pub fn problem_at(&self, width: usize) -> Option<RangeProblem> {
        let (from, to) = (self.from.trim(), self.to.trim());
        if !from.is_empty() && !to.is_empty() && from > to {
            return Some(RangeProblem::DatesReversed);
        }
        let (a, b) = (padded_to(&self.number_from, width), padded_to(&self.number_to, width));
        if !a.is_empty() && !b.is_empty() && a > b {
            return Some(RangeProblem::NumbersReversed);
        }
        None
    }

    /// The comparisons for the ERP's `FILTER` (`number_field`: `orderid` or `budgetid`).
    pub fn exprs(&self, number_field: &str) -> Vec<Expr> {
        let mut parts = between("issuedate", &self.from, &self.to);
        parts.extend(between(number_field, &padded_number(&self.number_from), &padded_number(&self.number_to)));
        parts
    }

    /// Whether a document issued on `issue_date` (`YYYY-MM-DD`) with `number` is in range; a
    /// document without a number yet is outside any number range.
    pub fn contains(&self, issue_date: &str, number: &str) -> bool {
        inside(issue_date.trim(), self.from.trim(), self.to.trim()) && self.contains_number(number)
    }

    /// Whether `number` is in the number range (dates aside).
    pub fn contains_number(&self, number: &str) -> bool {
        let (a, b) = (padded_number(&self.number_from), padded_number(&self.number_to));
        let number = number.trim();
        (a.is_empty() && b.is_empty()) || (!number.is_empty() && inside(number, &a, &b))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_compare_dates_and_padded_numbers() {
        let r = DocumentRange {
            from: "2026-01-01".into(),
            to: "2026-03-31".into(),
            number_from: "120".into(),
            number_to: "000200".into(),
        };
        assert_eq!(r.problem(), None);
        assert_eq!(
            r.exprs("orderid").iter().map(|e| e.to_string()).collect::<Vec<_>>(),
            ["issuedate ge '2026-01-01'", "issuedate le '2026-03-31'", "orderid ge '000120'", "orderid le '000200'"]
        );
        assert!(r.contains("2026-01-01", "000120") && r.contains("2026-03-31", "000200"), "both ends included");
        assert!(!r.contains("2025-12-31", "000150") && !r.contains("2026-02-01", "000201"));
        assert!(!r.contains("2026-02-01", ""), "no number yet: outside a number range");
        let dates_only = DocumentRange { from: "2026-02-01".into(), ..Default::default() };
        assert!(dates_only.contains("2026-02-02", "") && !dates_only.contains("2026-01-31", "000001"));
        assert!(DocumentRange::default().is_empty() && DocumentRange::default().contains("", ""));
        assert_eq!(
            DocumentRange { from: "2026-02-01".into(), to: "2026-01-01".into(), ..Default::default() }.problem(),
            Some(RangeProblem::DatesReversed)
        );
        assert_eq!(
            DocumentRange { number_from: "300".into(), number_to: "000200".into(), ..Default::default() }.problem(),
            Some(RangeProblem::NumbersReversed)
        );
        assert_eq!(padded_number(" 42 "), "000042");
        assert_eq!(padded_number("A1"), "A1");
        assert_eq!(padded_to("123", INVOICE_WIDTH), "000000123");
        let invoices =
            DocumentRange { number_from: "9999999".into(), number_to: "10000000".into(), ..Default::default() };
        assert_eq!(invoices.problem_at(INVOICE_WIDTH), None, "compared as nine-digit numbers");
    }
}
