//! Where an order stands, in the ERP's own release terms: the header's status (§9.2) and,
//! item by item, the release list's blocks (§9.5). One mapping serves the list's filter, its
//! chip and the order page, in the app and in the stand-in server alike, so they can never
//! disagree.
//!
//! ```
//! use mascate_domain::contract::ReleaseRow;
//! use mascate_domain::release::{OrderState, ReleaseFilter};
//! // Released by the ERP (status L) but held for credit: blocked, not released.
//! let row = ReleaseRow { quantity_ordered: 5.0, quantity_released: 5.0, credit_block: "01".into(), ..Default::default() };
//! assert_eq!(OrderState::of_row(&row), OrderState::BlockedCredit);
//! assert_eq!(OrderState::BlockedCredit.filter(), Some(ReleaseFilter::Blocked));
//! assert_eq!(ReleaseFilter::Blocked.code(), "BLQ");
//! ```

pub mod billing;

use crate::contract::ReleaseRow;

/// The `STATUSFILTER` of the release list (§9.5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReleaseFilter {
    /// `OPN`: in the portfolio, not released yet.
    Open,
    /// `RLS`: released with no block.
    Released,
    /// `BLQ`: held by credit, stock or a business rule.
    Blocked,
    /// `BIL`: invoiced.
    Invoiced,
}

impl ReleaseFilter {
    /// In the order a list offers them.
    pub const ALL: [ReleaseFilter; 4] =
        [ReleaseFilter::Open, ReleaseFilter::Released, ReleaseFilter::Blocked, ReleaseFilter::Invoiced];

    pub fn code(self) -> &'static str {
        match self {
            ReleaseFilter::Open => "OPN",
            ReleaseFilter::Released => "RLS",
            ReleaseFilter::Blocked => "BLQ",
            ReleaseFilter::Invoiced => "BIL",
        }
    }

    /// Reads a code, in any case and with spaces around.
    pub fn from_code(code: &str) -> Option<ReleaseFilter> {
        let code = code.trim();
        ReleaseFilter::ALL.into_iter().find(|f| f.code().eq_ignore_ascii_case(code))
    }
}

/// An order's (or an item's) state in words the rep understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OrderState {
    /// In the portfolio ("em carteira"): not released yet.
    Open,
    Released,
    BlockedCredit,
    BlockedStock,
    /// Blocked by a business rule (`C5_BLQ=1`, or an item block).
    BlockedRule,
    /// Blocked by budget ("verba", `C5_BLQ=2`).
    BlockedBudget,
    Invoiced,
    /// A status this app does not know.
    Other,
}

/// A release block code that holds the item (blank is none, `10` is done).
fn holds(code: &str) -> bool {
    let c = code.trim();
    !c.is_empty() && c != "10"
}

fn done(code: &str) -> bool {
    code.trim() == "10"
}

impl OrderState {
    /// From the header alone: the ERP's computed `status` (§9.2) and the block reason the
    /// stand-in adds (`credit`, `stock`, `rule`). A header says `L` for a credit-held order;
    /// the reason (or the releases, [`OrderState::of_rows`]) tells it apart.
    pub fn of(status: &str, block_reason: &str) -> OrderState {
        let invoiced = status.trim() == "E";
        match block_reason.trim() {
            "credit" if !invoiced => return OrderState::BlockedCredit,
            "stock" if !invoiced => return OrderState::BlockedStock,
            _ => {}
        }
        match status.trim() {
            "A" => OrderState::Open,
            "L" => OrderState::Released,
            "E" => OrderState::Invoiced,
            "BR" => OrderState::BlockedRule,
            "BV" => OrderState::BlockedBudget,
            _ => OrderState::Other,
        }
    }

    /// One item of the release list, by the rules of §9.5: a business-rule block holds it
    /// whatever else; `10` in both stock and credit (or an invoiced value) is invoiced; a
    /// release with a credit or stock code is blocked; a release without one is released; no
    /// release is the portfolio.
    pub fn of_row(row: &ReleaseRow) -> OrderState {
        let rule = row.rule_block.trim();
        if !rule.is_empty() {
            return if matches!(rule, "2" | "02") { OrderState::BlockedBudget } else { OrderState::BlockedRule };
        }
        if done(&row.stock_block) && done(&row.credit_block) || row.invoiced_value != 0.0 {
            return OrderState::Invoiced;
        }
        if row.quantity_released > 0.0 {
            if holds(&row.credit_block) {
                return OrderState::BlockedCredit;
            }
            if holds(&row.stock_block) {
                return OrderState::BlockedStock;
            }
            return OrderState::Released;
        }
        OrderState::Open
    }

    /// The whole order from its items: any hold makes it blocked (credit first, then stock,
    /// then rules); all invoiced is invoiced; anything released or invoiced is released;
    /// otherwise it is open. `None` when there are no rows.
    pub fn of_rows<'a>(rows: impl IntoIterator<Item = &'a ReleaseRow>) -> Option<OrderState> {
        let states: Vec<OrderState> = rows.into_iter().map(OrderState::of_row).collect();
        if states.is_empty() {
            return None;
        }
        let has = |s: OrderState| states.contains(&s);
        Some(
            [OrderState::BlockedCredit, OrderState::BlockedStock, OrderState::BlockedRule, OrderState::BlockedBudget]
                .into_iter()
                .find(|s| has(*s))
                .unwrap_or(if states.iter().all(|s| *s == OrderState::Invoiced) {
                    OrderState::Invoiced
                } else if has(OrderState::Released) || has(OrderState::Invoiced) {
                    OrderState::Released
                } else {
                    OrderState::Open
                }),
        )
    }

    /// The list filter this state belongs to.
    pub fn filter(self) -> Option<ReleaseFilter> {
        match self {
            OrderState::Open => Some(ReleaseFilter::Open),
            OrderState::Released => Some(ReleaseFilter::Released),
            OrderState::BlockedCredit
            | OrderState::BlockedStock
            | OrderState::BlockedRule
            | OrderState::BlockedBudget => Some(ReleaseFilter::Blocked),
            OrderState::Invoiced => Some(ReleaseFilter::Invoiced),
            OrderState::Other => None,
        }
    }

    /// A short code for pages and tests (`open`, `released`, `blocked-credit`…).
    pub fn code(self) -> &'static str {
        match self {
            OrderState::Open => "open",
            OrderState::Released => "released",
            OrderState::BlockedCredit => "blocked-credit",
            OrderState::BlockedStock => "blocked-stock",
            OrderState::BlockedRule => "blocked-rule",
            OrderState::BlockedBudget => "blocked-budget",
            OrderState::Invoiced => "invoiced",
            OrderState::Other => "other",
        }
    }
}

/// How much of an order is where: the customer portal's tracking (portfolio, released,
/// credit block, stock block, invoiced), plus what a business rule holds.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ReleaseTotals {
    pub portfolio: f64,
    pub released: f64,
    pub credit_blocked: f64,
    pub stock_blocked: f64,
    pub rule_blocked: f64,
    pub invoiced: f64,
}

impl ReleaseTotals {
    /// Adds up the items: a release's quantity goes to its state, what no release covers
    /// stays in the portfolio; an item held by a rule is held whole.
    pub fn of<'a>(rows: impl IntoIterator<Item = &'a ReleaseRow>) -> ReleaseTotals {
        let mut t = ReleaseTotals::default();
        for row in rows {
            let ordered = row.quantity_ordered.max(0.0);
            let released = row.quantity_released.clamp(0.0, ordered.max(row.quantity_released));
            match OrderState::of_row(row) {
                OrderState::BlockedRule | OrderState::BlockedBudget => {
                    t.rule_blocked += ordered;
                    continue;
                }
                // Invoiced with no release quantity given: the whole item.
                OrderState::Invoiced if released == 0.0 => {
                    t.invoiced += ordered;
                    continue;
                }
                OrderState::Invoiced => t.invoiced += released,
                OrderState::BlockedCredit => t.credit_blocked += released,
                OrderState::BlockedStock => t.stock_blocked += released,
                OrderState::Released => t.released += released,
                OrderState::Open | OrderState::Other => {}
            }
            t.portfolio += (ordered - released).max(0.0);
        }
        t
    }
}

/// One order's rows of the release list, in the order the list gave them.
#[derive(Debug, Clone, PartialEq)]
pub struct OrderReleases {
    pub number: String,
    pub client: String,
    pub store: String,
    pub name: String,
    pub rows: Vec<ReleaseRow>,
}

impl OrderReleases {
    /// The order's state from its rows (see [`OrderState::of_rows`]).
    pub fn state(&self) -> Option<OrderState> {
        OrderState::of_rows(&self.rows)
    }

    /// The documents list's quick search: the number or the customer's code starts with it,
    /// or the customer's name contains it (accents and case aside).
    pub fn matches(&self, search: &str) -> bool {
        let s = search.trim();
        if s.is_empty() {
            return true;
        }
        let folded = crate::text::fold(s);
        self.number.starts_with(s) || self.client.starts_with(s) || crate::text::fold(&self.name).contains(&folded)
    }
}

/// Groups release rows by order, keeping the list's order (newest first, as the ERP sorts).
pub fn by_order(rows: Vec<ReleaseRow>) -> Vec<OrderReleases> {
    let mut out: Vec<OrderReleases> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for row in rows {
        match index.get(row.order.trim()) {
            Some(&i) => out[i].rows.push(row),
            None => {
                index.insert(row.order.trim().to_string(), out.len());
                out.push(OrderReleases {
                    number: row.order.trim().to_string(),
                    client: row.client.clone(),
                    store: row.store.clone(),
                    name: row.name.clone(),
                    rows: vec![row],
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(ordered: f64, released: f64, stock: &str, credit: &str, rule: &str) -> ReleaseRow {
        ReleaseRow {
            quantity_ordered: ordered,
            quantity_released: released,
            stock_block: stock.into(),
            credit_block: credit.into(),
            rule_block: rule.into(),
            ..Default::default()
        }
    }

    #[test]
    fn each_item_by_the_release_rules() {
        assert_eq!(OrderState::of_row(&row(5.0, 0.0, "", "", "")), OrderState::Open);
        assert_eq!(OrderState::of_row(&row(5.0, 5.0, "", "", "")), OrderState::Released);
        assert_eq!(OrderState::of_row(&row(5.0, 5.0, "", "01", "")), OrderState::BlockedCredit);
        assert_eq!(OrderState::of_row(&row(5.0, 5.0, "02", "", "")), OrderState::BlockedStock);
        assert_eq!(OrderState::of_row(&row(5.0, 0.0, "", "", "01")), OrderState::BlockedRule);
        assert_eq!(OrderState::of_row(&row(5.0, 0.0, "", "", "2")), OrderState::BlockedBudget);
        assert_eq!(OrderState::of_row(&row(5.0, 5.0, "10", "10", "")), OrderState::Invoiced);
        let mut billed = row(5.0, 0.0, "", "", "");
        billed.invoiced_value = 12.5;
        assert_eq!(OrderState::of_row(&billed), OrderState::Invoiced, "an invoiced value counts");
        assert_eq!(OrderState::of_row(&row(5.0, 5.0, "10", "", "")), OrderState::Released, "stock done, credit free");
    }

    #[test]
    fn every_state_has_one_filter() {
        use OrderState::*;
        for (s, f) in [
            (Open, "OPN"),
            (Released, "RLS"),
            (BlockedCredit, "BLQ"),
            (BlockedStock, "BLQ"),
            (BlockedRule, "BLQ"),
            (BlockedBudget, "BLQ"),
            (Invoiced, "BIL"),
        ] {
            assert_eq!(s.filter().map(ReleaseFilter::code), Some(f), "{s:?}");
        }
        assert_eq!(Other.filter(), None);
        assert_eq!(ReleaseFilter::from_code(" blq "), Some(ReleaseFilter::Blocked));
        assert_eq!(ReleaseFilter::from_code("L"), None);
    }

    #[test]
    fn a_header_released_but_held_for_credit_is_blocked() {
        assert_eq!(OrderState::of("L", "credit"), OrderState::BlockedCredit);
        assert_eq!(OrderState::of("L", "stock"), OrderState::BlockedStock);
        assert_eq!(OrderState::of("L", ""), OrderState::Released);
        assert_eq!(OrderState::of("E", "credit"), OrderState::Invoiced, "invoiced wins");
        assert_eq!(OrderState::of("BR", "rule"), OrderState::BlockedRule);
        assert_eq!(OrderState::of(" ", ""), OrderState::Other);
    }

    #[test]
    fn the_order_is_held_when_any_item_is() {
        let released = row(2.0, 2.0, "", "", "");
        let stock = row(3.0, 3.0, "02", "", "");
        let invoiced = row(1.0, 1.0, "10", "10", "");
        assert_eq!(OrderState::of_rows([&released, &stock]), Some(OrderState::BlockedStock));
        assert_eq!(OrderState::of_rows([&released, &invoiced]), Some(OrderState::Released));
        assert_eq!(OrderState::of_rows([&invoiced, &invoiced]), Some(OrderState::Invoiced));
        assert_eq!(OrderState::of_rows([&row(1.0, 0.0, "", "", "")]), Some(OrderState::Open));
        assert_eq!(OrderState::of_rows(std::iter::empty()), None);
    }

    #[test]
    fn rows_group_into_orders_in_list_order() {
        let mk = |order: &str, item: &str, name: &str| ReleaseRow {
            order: order.into(),
            item: item.into(),
            client: "000002".into(),
            name: name.into(),
            quantity_ordered: 1.0,
            ..Default::default()
        };
        let orders =
            by_order(vec![mk("000470", "01", "João"), mk("000468", "01", "Maria"), mk("000470", "02", "João")]);
        assert_eq!(orders.iter().map(|o| o.number.as_str()).collect::<Vec<_>>(), ["000470", "000468"]);
        assert_eq!(orders[0].rows.len(), 2);
        assert_eq!(orders[0].state(), Some(OrderState::Open));
        assert!(orders[0].matches("0004") && orders[0].matches("joao") && orders[0].matches("00000"));
        assert!(!orders[1].matches("joão"));
        assert!(orders[1].matches(" "));
    }

    #[test]
    fn quantities_per_release_state() {
        let rows = [
            row(10.0, 6.0, "", "01", ""), // 6 held for credit, 4 still in the portfolio
            row(3.0, 3.0, "02", "", ""),
            row(4.0, 0.0, "", "", "1"),
            row(2.0, 2.0, "10", "10", ""),
            row(5.0, 5.0, "", "", ""),
            row(7.0, 0.0, "", "", ""),
        ];
        let t = ReleaseTotals::of(&rows);
        assert_eq!(
            t,
            ReleaseTotals {
                portfolio: 11.0,
                released: 5.0,
                credit_blocked: 6.0,
                stock_blocked: 3.0,
                rule_blocked: 4.0,
                invoiced: 2.0
            }
        );
    }
}
