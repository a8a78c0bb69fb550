//! Who a draft is for: choosing a customer (whose terms become the defaults) or, for a
//! quotation, a prospect; and whose prices apply.

use super::Draft;

/// The ERP's default quotation customer (`MV_ORCLIPD`, §4.2): a quotation for a prospect is
/// priced and taxed as this customer until the prospect becomes one.
pub const DEFAULT_QUOTATION_CUSTOMER: (&str, &str) = ("000001", "01");

/// The price list a prospect's quotation starts with (a prospect has no terms of its own).
pub const DEFAULT_PRICE_LIST: &str = "001";

impl Draft {
    /// Chooses a customer: the prospect (if any) goes, and the customer's own terms become
    /// the draft's defaults (a term the customer has not keeps what the draft had). Codes
    /// lose the ERP's padding.
    pub fn choose_customer(&mut self, c: &crate::contract::Customer) {
        (self.customer_code, self.customer_store) = (c.code.trim().to_string(), c.store.trim().to_string());
        self.prospect_code.clear();
        self.prospect_store.clear();
        for (mine, theirs) in [
            (&mut self.price_list, &c.price_list),
            (&mut self.payment_condition, &c.payment_condition),
            (&mut self.carrier, &c.carrier),
            (&mut self.freight_type, &c.freight_type),
        ] {
            if !theirs.trim().is_empty() {
                *mine = theirs.trim().to_string();
            }
        }
    }

    /// Chooses a prospect (quotations): the customer goes; the price list, if none was
    /// chosen, is [`DEFAULT_PRICE_LIST`].
    pub fn choose_prospect(&mut self, code: &str, store: &str) {
        (self.prospect_code, self.prospect_store) = (code.to_string(), store.to_string());
        self.customer_code.clear();
        self.customer_store.clear();
        if self.price_list.trim().is_empty() {
            self.price_list = DEFAULT_PRICE_LIST.to_string();
        }
    }

    /// Whose prices apply: the customer, or for a prospect (or no one yet) the ERP's default
    /// quotation customer.
    pub fn pricing_customer(&self) -> (String, String) {
        if self.customer_code.trim().is_empty() {
            (DEFAULT_QUOTATION_CUSTOMER.0.to_string(), DEFAULT_QUOTATION_CUSTOMER.1.to_string())
        } else {
            (self.customer_code.clone(), self.customer_store.clone())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::DocumentKind;
    use super::*;

    #[test]
    fn choosing_a_customer_or_a_prospect() {
        use crate::contract::Customer;
        let mut d = Draft::new(DocumentKind::Quotation, "x");
        assert_eq!(d.pricing_customer(), ("000001".to_string(), "01".to_string()), "the default quotation customer");
        d.choose_prospect("000004", "01");
        assert_eq!((d.prospect_code.as_str(), d.price_list.as_str()), ("000004", "001"));
        let c = Customer {
            code: "000002".into(),
            store: "01".into(),
            price_list: "002".into(),
            payment_condition: "001".into(),
            ..Default::default()
        };
        d.choose_customer(&c);
        assert!(d.prospect_code.is_empty());
        assert_eq!((d.price_list.as_str(), d.payment_condition.as_str(), d.freight_type.as_str()), ("002", "001", "C"));
        assert_eq!(d.pricing_customer(), ("000002".to_string(), "01".to_string()));
        d.choose_prospect("000005", "01");
        assert_eq!(d.price_list, "002", "a list already chosen stays");
        assert_eq!(
            d.pricing_customer(),
            ("000001".to_string(), "01".to_string()),
            "a prospect is priced as the default"
        );
    }

    #[test]
    fn a_customer_s_codes_lose_the_padding_and_terms_they_lack_stay() {
        use crate::contract::Customer;
        let mut d = Draft::new(DocumentKind::Order, "e");
        d.carrier = "T9".into();
        let c = Customer {
            code: "000002 ".into(),
            store: "01".into(),
            price_list: "002".into(),
            payment_condition: "010".into(),
            ..Default::default()
        };
        d.choose_customer(&c);
        assert_eq!(
            (d.customer_code.as_str(), d.price_list.as_str(), d.payment_condition.as_str()),
            ("000002", "002", "010")
        );
        assert_eq!(d.carrier, "T9", "a term the customer has not is kept");
        assert_eq!(d.pricing_customer(), ("000002".to_string(), "01".to_string()));
    }
}
