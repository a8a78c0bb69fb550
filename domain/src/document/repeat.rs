//! "Repetir pedido": a new draft with another document's customer, terms and items (same
//! products, quantities and item discounts), priced again at today's list prices. The item
//! discounts are kept (a customer's 2 % stays 2 %) and the form says so; a kept discount
//! today's rules refuse is named by the form's validation, as one typed.

use std::collections::HashMap;

use super::{Draft, DraftItem};

impl Draft {
    /// A new draft repeating this one: same kind, customer or prospect, price list, payment,
    /// carrier, freight type and operation type; the same products, quantities and item
    /// discount percentages, numbered afresh and not yet priced (see [`Draft::reprice`]).
    /// Charges, the header discount, notes, delivery dates and the customer's order numbers
    /// belong to the old one and are left out.
    pub fn repeat(&self, external_id: impl Into<String>, issue_date: &str) -> Draft {
        let mut d = Draft::new(self.kind, external_id);
        d.customer_code = self.customer_code.clone();
        d.customer_store = self.customer_store.clone();
        d.prospect_code = self.prospect_code.clone();
        d.prospect_store = self.prospect_store.clone();
        d.price_list = self.price_list.clone();
        d.payment_condition = self.payment_condition.clone();
        d.carrier = self.carrier.clone();
        d.freight_type = self.freight_type.clone();
        d.operation_type = self.operation_type.clone();
        d.issue_date = issue_date.to_string();
        for i in self.live_items().filter(|i| !i.product.trim().is_empty()) {
            d.add_item(DraftItem {
                product: i.product.clone(),
                description: i.description.clone(),
                unit: i.unit.clone(),
                quantity: i.quantity,
                discount_pct: i.discount_pct,
                ..Default::default()
            });
        }
        d
    }

    /// Prices every line at `prices` (product → today's list price), its discount percentage
    /// kept; returns the products with no price today, left at zero for the rep to see
    /// (validation refuses them).
    pub fn reprice(&mut self, prices: &HashMap<String, f64>) -> Vec<String> {
        let mut missing = Vec::new();
        for item in self.items.iter_mut().filter(|i| !i.removed) {
            item.list_price = match prices.get(item.product.trim()) {
                Some(p) if *p > 0.0 => *p,
                _ => {
                    missing.push(item.product.clone());
                    0.0
                }
            };
            item.set_discount(item.discount_pct);
        }
        missing
    }

    /// Whether a line has a discount of its own (a repeat says it kept them).
    pub fn has_item_discounts(&self) -> bool {
        self.live_items().any(|i| i.discount_pct > 0.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{DocumentKind, Field, Problem};

    #[test]
    fn repeats_products_quantities_and_item_discounts_at_todays_prices() {
        let mut old = Draft::new(DocumentKind::Order, "old");
        old.erp_number = "000123".into();
        (old.customer_code, old.customer_store, old.price_list, old.payment_condition) =
            ("000002".into(), "01".into(), "002".into(), "004".into());
        (old.freight, old.discount_pct, old.notes) = (50.0, 5.0, "entregar cedo".into());
        for (p, q, price) in [("P00001", 3.0, 10.0), ("P00002", 7.5, 4.0), ("P00003", 1.0, 9.0)] {
            let mut i = DraftItem { product: p.into(), quantity: q, list_price: price, ..Default::default() };
            i.set_discount(10.0);
            i.delivery_date = "2026-01-10".into();
            old.add_item(i);
        }
        old.items[2].removed = true;

        let mut new = old.repeat("new", "2026-11-30");
        assert_eq!((new.external_id.as_str(), new.erp_number.as_str()), ("new", ""), "a new document");
        assert_eq!(
            (new.customer_code.as_str(), new.price_list.as_str(), new.payment_condition.as_str()),
            ("000002", "002", "004")
        );
        assert_eq!(
            (new.freight, new.discount_pct, new.notes.as_str(), new.issue_date.as_str()),
            (0.0, 0.0, "", "2026-11-30")
        );
        let lines: Vec<(&str, f64, &str, f64)> =
            new.items.iter().map(|i| (i.product.as_str(), i.quantity, i.item_id.as_str(), i.discount_pct)).collect();
        assert_eq!(lines, [("P00001", 3.0, "01", 10.0), ("P00002", 7.5, "02", 10.0)], "removed lines stay out");
        assert!(new.has_item_discounts());
        assert!(new.items.iter().all(|i| i.delivery_date.is_empty()));

        let prices = HashMap::from([("P00001".to_string(), 12.0)]);
        assert_eq!(new.reprice(&prices), ["P00002"]);
        assert_eq!(
            (new.items[0].list_price, new.items[0].unit_price, new.items[0].discount_pct),
            (12.0, 10.8, 10.0),
            "the old 10 % on today's list price"
        );
        assert_eq!(new.items[1].unit_price, 0.0, "no price today: left for the rep, refused by validation");
        assert_eq!(new.totals().net, 32.4);
        assert_eq!(new.totals().item_discounts, 3.6);
    }

    #[test]
    fn a_kept_discount_todays_rules_refuse_is_named_by_validation() {
        let mut old = Draft::new(DocumentKind::Order, "old");
        (old.customer_code, old.customer_store, old.payment_condition) = ("000002".into(), "01".into(), "001".into());
        let mut i = DraftItem { product: "P00001".into(), quantity: 1.0, list_price: 10.0, ..Default::default() };
        // Written before the rule, or by the ERP's own screens.
        i.discount_pct = 100.0;
        old.add_item(i);
        let mut new = old.repeat("new", "2026-11-30");
        new.reprice(&HashMap::from([("P00001".to_string(), 12.0)]));
        let problems = crate::document::validate(&new, "2026-11-30");
        assert!(problems.contains(&(Field::ItemDiscount(0), Problem::PercentRange)), "{problems:?}");
        let plain = Draft::new(DocumentKind::Order, "x");
        assert!(!plain.has_item_discounts());
    }
}
