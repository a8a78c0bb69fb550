//! Who a document is for: choosing a customer (whose terms become the defaults) or, for a
//! quotation, a prospect; and which customer prices are asked for.

use crate::contract::Customer;
use crate::document::Draft;

/// The ERP's default quotation customer (`MV_ORCLIPD`, `00000101` unless a company changes
/// it, §4.2): a prospect's quotation is priced, and filed, under it.
pub const DEFAULT_QUOTATION_CUSTOMER: (&str, &str) = ("000001", "01");

/// The price list a prospect's quotation starts with when none was chosen.
pub const DEFAULT_PRICE_LIST: &str = "001";

/// Makes `customer` the document's party; their own terms become the defaults.
pub fn choose_customer(d: &mut Draft, customer: &Customer) {
    d.customer_code = customer.code.trim().to_string();
    d.customer_store = customer.store.trim().to_string();
    d.prospect_code.clear();
    d.prospect_store.clear();
    for (mine, theirs) in [
        (&mut d.price_list, &customer.price_list),
        (&mut d.payment_condition, &customer.payment_condition),
        (&mut d.carrier, &customer.carrier),
        (&mut d.freight_type, &customer.freight_type),
    ] {
        if !theirs.trim().is_empty() {
            *mine = theirs.trim().to_string();
        }
    }
}

/// Makes a prospect the (quotation's) party.
pub fn choose_prospect(d: &mut Draft, code: &str, store: &str) {
    d.prospect_code = code.trim().to_string();
    d.prospect_store = store.trim().to_string();
    d.customer_code.clear();
    d.customer_store.clear();
    if d.price_list.is_empty() {
        d.price_list = DEFAULT_PRICE_LIST.to_string();
    }
}

/// The (price list, customer, store) to price products for: the document's customer, or
/// the default quotation customer for a prospect. `None` until a price list is chosen.
/// ```
/// use mascate_domain::{document::{Draft, DocumentKind}, party::pricing_for};
/// let mut d = Draft::new(DocumentKind::Quotation, "x");
/// assert_eq!(pricing_for(&d), None);
/// d.price_list = "002".into();
/// assert_eq!(pricing_for(&d), Some(("002".into(), "000001".into(), "01".into())));
/// ```
pub fn pricing_for(d: &Draft) -> Option<(String, String, String)> {
    if d.price_list.is_empty() {
        return None;
    }
    let (code, store) = if d.customer_code.is_empty() {
        (DEFAULT_QUOTATION_CUSTOMER.0.to_string(), DEFAULT_QUOTATION_CUSTOMER.1.to_string())
    } else {
        (d.customer_code.clone(), d.customer_store.clone())
    };
    Some((d.price_list.clone(), code, store))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::DocumentKind;

    #[test]
    fn a_customer_brings_their_terms_and_a_prospect_takes_their_place() {
        let mut d = Draft::new(DocumentKind::Quotation, "e");
        d.carrier = "T9".into();
        let c = Customer {
            code: "000002 ".into(),
            store: "01".into(),
            price_list: "002".into(),
            payment_condition: "010".into(),
            ..Default::default()
        };
        choose_customer(&mut d, &c);
        assert_eq!(
            (d.customer_code.as_str(), d.price_list.as_str(), d.payment_condition.as_str()),
            ("000002", "002", "010")
        );
        assert_eq!(d.carrier, "T9", "a term the customer has not is kept");
        assert_eq!(pricing_for(&d), Some(("002".into(), "000002".into(), "01".into())));

        choose_prospect(&mut d, "P00003", "01");
        assert!(d.customer_code.is_empty());
        assert_eq!(d.prospect_code, "P00003");
        assert_eq!(pricing_for(&d).unwrap().1, "000001", "a prospect is priced as the default quotation customer");

        let mut fresh = Draft::new(DocumentKind::Quotation, "f");
        choose_prospect(&mut fresh, "P1", "01");
        assert_eq!(fresh.price_list, DEFAULT_PRICE_LIST);
    }
}
