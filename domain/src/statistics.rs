//! Sales statistics: what the rep asks for (grouping, date range, currency, a group or type
//! to narrow to), the figures added up the same way by the stand-in, and the table's sort
//! and the chart's series in the app.
//!
//! ```
//! use mascate_domain::statistics::{months_between, GroupBy, Measure};
//! assert_eq!(months_between("2026-11-20", "2027-01-05").unwrap(), ["2026-11", "2026-12", "2027-01"]);
//! assert_eq!(GroupBy::from_code("group"), Some(GroupBy::Group));
//! assert_eq!(Measure::from_code("net"), Some(Measure::Net));
//! ```

use crate::contract::{Figures, StatisticsRow};

/// What a row of the table is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum GroupBy {
    #[default]
    Product,
    /// The product's type (`B1_TIPO`: PA, ME…).
    Type,
    /// The product's description (products with the same description together).
    Description,
    /// The product group.
    Group,
}

impl GroupBy {
    pub const ALL: [GroupBy; 4] = [GroupBy::Product, GroupBy::Type, GroupBy::Description, GroupBy::Group];

    /// The `groupby` query value.
    pub fn code(self) -> &'static str {
        match self {
            GroupBy::Product => "product",
            GroupBy::Type => "type",
            GroupBy::Description => "description",
            GroupBy::Group => "group",
        }
    }

    pub fn from_code(code: &str) -> Option<GroupBy> {
        GroupBy::ALL.into_iter().find(|g| g.code() == code.trim())
    }
}

/// One of the five figures; also what the chart draws and what the table sorts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Measure {
    Sold,
    Returned,
    #[default]
    Gross,
    Net,
    Balance,
}

impl Measure {
    pub const ALL: [Measure; 5] = [Measure::Sold, Measure::Returned, Measure::Gross, Measure::Net, Measure::Balance];

    pub fn code(self) -> &'static str {
        match self {
            Measure::Sold => "sold",
            Measure::Returned => "returned",
            Measure::Gross => "gross",
            Measure::Net => "net",
            Measure::Balance => "balance",
        }
    }

    pub fn from_code(code: &str) -> Option<Measure> {
        Measure::ALL.into_iter().find(|m| m.code() == code.trim())
    }

    /// Quantities (sold, returned) rather than money.
    pub fn is_quantity(self) -> bool {
        matches!(self, Measure::Sold | Measure::Returned)
    }

    pub fn of(self, f: &Figures) -> f64 {
        match self {
            Measure::Sold => f.sold,
            Measure::Returned => f.returned,
            Measure::Gross => f.gross,
            Measure::Net => f.net,
            Measure::Balance => f.balance,
        }
    }
}

/// What the table is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    /// The row's key (code, type, description or group), as read.
    Key,
    Description,
    #[default]
    Figure,
}

/// A line's contribution, before it is added to its row and month.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Line {
    pub sold: f64,
    pub returned: f64,
    pub gross: f64,
    /// Value returned (taken off the gross to make the net).
    pub returned_value: f64,
    pub balance: f64,
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Adds `line` to `f` (net = gross − returned value).
pub fn add(f: &mut Figures, line: &Line) {
    f.sold += line.sold;
    f.returned += line.returned;
    f.gross += line.gross;
    f.net += line.gross - line.returned_value;
    f.balance += line.balance;
}

/// Rounds sums to cents (quantities to three places), as the ERP shows them.
pub fn rounded(f: Figures) -> Figures {
    let q = |x: f64| (x * 1000.0).round() / 1000.0;
    Figures {
        sold: q(f.sold),
        returned: q(f.returned),
        gross: round2(f.gross),
        net: round2(f.net),
        balance: round2(f.balance),
    }
}

/// The months (`YYYY-MM`) from `from`'s to `to`'s, both `YYYY-MM-DD`; `None` when a date is
/// unreadable or `to` comes first.
pub fn months_between(from: &str, to: &str) -> Option<Vec<String>> {
    let ym = |d: &str| -> Option<(i32, u32)> {
        let y = d.get(0..4)?.parse().ok()?;
        let m: u32 = d.get(5..7)?.parse().ok()?;
        (1..=12).contains(&m).then_some((y, m))
    };
    let (mut y, mut m) = ym(from)?;
    let end = ym(to)?;
    if (y, m) > end {
        return None;
    }
    let mut out = Vec::new();
    while (y, m) <= end {
        out.push(format!("{y:04}-{m:02}"));
        (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    }
    Some(out)
}

/// A date typed as `YYYY-MM-DD` or `YYYYMMDD`, checked, as `YYYY-MM-DD`.
pub fn parse_day(s: &str) -> Option<String> {
    let s = s.trim();
    let iso = if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        format!("{}-{}-{}", &s[0..4], &s[4..6], &s[6..8])
    } else {
        s.to_string()
    };
    let (y, m, d) = (
        iso.get(0..4)?.parse::<i64>().ok()?,
        iso.get(5..7)?.parse::<u32>().ok()?,
        iso.get(8..10)?.parse::<u32>().ok()?,
    );
    let ok = iso.len() == 10 && &iso[4..5] == "-" && &iso[7..8] == "-" && (1..=12).contains(&m) && d >= 1;
    // The day exists when it survives a round trip through the day count.
    (ok && crate::timestamp::civil_from_days(crate::timestamp::days_from_civil(y, m, d)) == (y, m, d)).then_some(iso)
}

/// Sorts the table in place; ties keep the key order so the table never jitters.
pub fn sort(rows: &mut [StatisticsRow], by: SortBy, measure: Measure, descending: bool) {
    rows.sort_by(|a, b| {
        let primary = match by {
            SortBy::Key => a.key.cmp(&b.key),
            SortBy::Description => crate::text::fold(&a.description).cmp(&crate::text::fold(&b.description)),
            SortBy::Figure => measure.of(&a.figures).total_cmp(&measure.of(&b.figures)),
        };
        let primary = if descending { primary.reverse() } else { primary };
        primary.then_with(|| a.key.cmp(&b.key))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(key: &str, desc: &str, gross: f64, sold: f64) -> StatisticsRow {
        StatisticsRow {
            key: key.into(),
            description: desc.into(),
            figures: Figures { gross, sold, ..Default::default() },
        }
    }

    #[test]
    fn figures_add_up_and_net_takes_returns_off() {
        let mut f = Figures::default();
        add(&mut f, &Line { sold: 10.0, gross: 100.0, ..Default::default() });
        add(&mut f, &Line { returned: 2.0, returned_value: 20.004, ..Default::default() });
        add(&mut f, &Line { balance: 33.333, ..Default::default() });
        assert_eq!(rounded(f), Figures { sold: 10.0, returned: 2.0, gross: 100.0, net: 80.0, balance: 33.33 });
    }

    #[test]
    fn months_and_days() {
        assert_eq!(months_between("2026-01-31", "2026-01-01").unwrap(), ["2026-01"]);
        assert_eq!(months_between("2026-02-01", "2026-01-31"), None);
        assert_eq!(months_between("x", "2026-01-31"), None);
        assert_eq!(months_between("2025-12-01", "2026-02-01").unwrap().len(), 3);
        assert_eq!(parse_day("20260228").as_deref(), Some("2026-02-28"));
        assert_eq!(parse_day("2026-02-29"), None, "not a leap year");
        assert_eq!(parse_day("2024-02-29").as_deref(), Some("2024-02-29"));
        assert_eq!(parse_day("2026-13-01"), None);
        assert_eq!(parse_day("2026-1-1"), None);
        assert_eq!(parse_day("2026-01-01x"), None);
    }

    #[test]
    fn sorts_by_each_column_with_stable_ties() {
        let mut rows = vec![row("B", "café", 10.0, 5.0), row("A", "Água", 10.0, 1.0), row("C", "bala", 30.0, 2.0)];
        sort(&mut rows, SortBy::Figure, Measure::Gross, true);
        assert_eq!(rows.iter().map(|r| r.key.as_str()).collect::<Vec<_>>(), ["C", "A", "B"], "ties by key");
        sort(&mut rows, SortBy::Figure, Measure::Sold, false);
        assert_eq!(rows.iter().map(|r| r.key.as_str()).collect::<Vec<_>>(), ["A", "C", "B"]);
        sort(&mut rows, SortBy::Description, Measure::Gross, false);
        assert_eq!(rows.iter().map(|r| r.key.as_str()).collect::<Vec<_>>(), ["A", "C", "B"], "accents folded");
        sort(&mut rows, SortBy::Key, Measure::Gross, true);
        assert_eq!(rows.iter().map(|r| r.key.as_str()).collect::<Vec<_>>(), ["C", "B", "A"]);
    }
}
