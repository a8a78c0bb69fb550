//! A draft from a document the ERP already has (to change it), with the read spellings of
//! §9.1, §9.3 and §10.1.

use super::{DocumentKind, Draft, DraftItem};
use crate::contract::{DocumentItem, Order, Quotation};

fn lines(items: Vec<DocumentItem>) -> Vec<DraftItem> {
    items
        .into_iter()
        .filter(|i| i.deleted != Some(true))
        .map(|i| DraftItem {
            item_id: i.item_id,
            product: i.product,
            description: i.description,
            quantity: i.quantity,
            list_price: i.list_price,
            unit_price: i.unit_price,
            discount_pct: i.discount,
            delivery_date: i.delivery_date,
            customer_order: i.customer_order,
            ..Default::default()
        })
        .collect()
}

impl Draft {
    /// The draft an ERP order makes. Its external id is the ERP's `externalid`, or, for an
    /// order written elsewhere, `new_id()` (a fresh UUID on the device).
    pub fn from_order(o: &Order, items: Vec<DocumentItem>, new_id: impl FnOnce() -> String) -> Draft {
        let id = if o.external_id.trim().is_empty() { new_id() } else { o.external_id.clone() };
        let mut d = Draft::new(DocumentKind::Order, id);
        (d.erp_number, d.customer_code, d.customer_store) =
            (o.number.clone(), o.customer_code.clone(), o.customer_store.clone());
        (d.price_list, d.payment_condition, d.carrier, d.freight_type) =
            (o.price_list.clone(), o.payment_condition.clone(), o.carrier.clone(), o.freight_type.clone());
        (d.freight, d.insurance, d.expenses, d.discount_pct) = (o.freight, o.insurance, o.expenses, o.discount);
        (d.notes, d.issue_date, d.operation_type) = (o.notes.clone(), o.issue_date.clone(), o.operation_type.clone());
        d.items = lines(items);
        d
    }

    /// The draft an ERP quotation makes (see [`Draft::from_order`]).
    pub fn from_quotation(q: &Quotation, items: Vec<DocumentItem>, new_id: impl FnOnce() -> String) -> Draft {
        let id = if q.external_id.trim().is_empty() { new_id() } else { q.external_id.clone() };
        let mut d = Draft::new(DocumentKind::Quotation, id);
        (d.erp_number, d.customer_code, d.customer_store) =
            (q.number.clone(), q.customer_code.clone(), q.customer_store.clone());
        (d.prospect_code, d.prospect_store) = (q.prospect_code.clone(), q.prospect_store.clone());
        (d.price_list, d.payment_condition, d.freight_type) =
            (q.price_list.clone(), q.payment_condition.clone(), q.freight_type.clone());
        (d.freight, d.insurance, d.expenses, d.discount_pct, d.issue_date) =
            (q.freight, q.insurance, q.expenses, q.discount, q.issue_date.clone());
        d.items = lines(items);
        d
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_erp_order_becomes_an_update_of_itself() {
        let o = Order {
            number: "000123".into(),
            external_id: "ext-9".into(),
            customer_code: "000002".into(),
            customer_store: "01".into(),
            price_list: "001".into(),
            payment_condition: "002".into(),
            freight: 10.0,
            issue_date: "2026-11-20".into(),
            ..Default::default()
        };
        let items = vec![
            DocumentItem {
                item_id: "01".into(),
                product: "P1".into(),
                quantity: 2.0,
                unit_price: 5.0,
                ..Default::default()
            },
            DocumentItem { item_id: "02".into(), deleted: Some(true), ..Default::default() },
        ];
        let d = Draft::from_order(&o, items, || unreachable!("the ERP's external id is kept"));
        assert_eq!((d.external_id.as_str(), d.erp_number.as_str()), ("ext-9", "000123"));
        assert!(d.is_known_to_erp());
        assert_eq!(d.items.len(), 1, "deleted lines are not brought back");
        assert_eq!(d.totals().net, 10.0);
        assert_eq!(d.queue_body()["json"]["header"]["orderid"], "000123");

        let q = Quotation { number: "000050".into(), prospect_code: "000004".into(), ..Default::default() };
        let d = Draft::from_quotation(&q, vec![], || "fresh".into());
        assert_eq!(
            (d.kind, d.external_id.as_str(), d.prospect_code.as_str()),
            (DocumentKind::Quotation, "fresh", "000004")
        );
    }
}
