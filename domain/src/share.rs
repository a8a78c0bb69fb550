//! A quotation or order as it is printed and shared: the parts the A4 layout shows, and the
//! text summary sent through the Web Share API (or copied), written to read well in
//! WhatsApp (`*bold*` headings, one line per item, no tables).
//!
//! The words come from the app in the rep's language ([`Labels`]); numbers, money and dates
//! follow the locale. Of the ERP's taxes, only those added on top of the prices count in the
//! total with taxes ([`TaxSummary`]); those already inside the prices are said, not added.

mod summary;
mod taxes;

use std::collections::HashMap;

pub use summary::summary;
pub use taxes::{is_added, with_names, TaxSummary};

use crate::contract::{Customer, Prospect, Taxes};
use crate::document::{Draft, Totals};
use crate::format::zipcode;

/// Who and what, as read from the ERP or the device.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Presented {
    /// "Pedido", "Orçamento"…
    pub title: String,
    /// The ERP's number; empty while only the device has it.
    pub number: String,
    /// `YYYY-MM-DD`.
    pub issue_date: String,
    pub seller_name: String,
    pub customer_name: String,
    /// `code/store`.
    pub customer_code: String,
    /// CNPJ or CPF, masked.
    pub tax_id: String,
    /// Street, number, district, city/UF, ZIP, on one line.
    pub address: String,
    pub payment: String,
    pub lines: Vec<PresentedLine>,
    pub totals: Totals,
    /// The ERP's taxes, when it computed them (online).
    pub taxes: Option<TaxSummary>,
    pub notes: String,
    /// The symbol of the currency it was sold in (`US$`); empty for the real's `R$`.
    pub symbol: String,
}

/// One item.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PresentedLine {
    pub product: String,
    pub description: String,
    pub unit: String,
    pub quantity: f64,
    pub unit_price: f64,
    pub amount: f64,
}

/// The words of the summary, in the rep's language.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Labels {
    pub customer: String,
    pub tax_id: String,
    pub seller: String,
    pub payment: String,
    pub items: String,
    pub subtotal: String,
    pub discount: String,
    pub charges: String,
    pub total: String,
    /// "Impostos já inclusos no preço": said, not added.
    pub taxes_included: String,
    /// "Impostos adicionados": IPI and ICMS-ST, added to the total.
    pub taxes_added: String,
    /// What the ERP's grand total holds beyond the total and the added taxes.
    pub taxes_difference: String,
    pub total_with_taxes: String,
    /// "impostos calculados pelo ERP": said when the ERP has not computed them.
    pub taxes_by_erp: String,
    /// Shown instead of a number the ERP has not given yet.
    pub no_number: String,
    pub notes: String,
}

/// A customer's address on one line: street and complement, district, city/UF, ZIP.
pub fn address_line(c: &Customer) -> String {
    let street = [c.address.trim(), c.address_complement.trim()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" - ");
    let city = match (c.city.trim(), c.uf.trim()) {
        ("", uf) => uf.to_string(),
        (city, "") => city.to_string(),
        (city, uf) => format!("{city}/{uf}"),
    };
    let zip = if c.zip_code.trim().is_empty() { String::new() } else { format!("CEP {}", zipcode(&c.zip_code)) };
    [street, c.neighborhood.trim().to_string(), city, zip]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

/// A prospect as the sheet shows a customer: name, CNPJ/CPF, city/UF (the ERP has no more).
pub fn prospect_card(p: &Prospect) -> Customer {
    Customer {
        name: p.name.clone(),
        tax_id: p.tax_id.clone(),
        city: p.city.clone(),
        uf: p.uf.clone(),
        ..Default::default()
    }
}

impl Presented {
    /// A draft as presented: `customer` (or a prospect's [`prospect_card`]) when it could be
    /// read, else `known_name` (the ERP's header or the device's copy has it) and the code;
    /// `taxes` when the ERP computed them.
    pub fn of(
        draft: &Draft,
        title: &str,
        customer: Option<&Customer>,
        known_name: &str,
        seller_name: &str,
        payment: &str,
        taxes: Option<&Taxes>,
    ) -> Presented {
        let code = if draft.prospect_code.is_empty() {
            format!("{}/{}", draft.customer_code, draft.customer_store)
        } else {
            format!("{}/{}", draft.prospect_code, draft.prospect_store)
        };
        Presented {
            title: title.into(),
            number: draft.erp_number.clone(),
            issue_date: draft.issue_date.clone(),
            seller_name: seller_name.into(),
            customer_name: customer
                .map(|c| c.name.trim())
                .filter(|n| !n.is_empty())
                .unwrap_or(known_name.trim())
                .to_string(),
            customer_code: code,
            tax_id: customer.map(|c| crate::tax_id::mask(&c.tax_id)).unwrap_or_default(),
            address: customer.map(address_line).unwrap_or_default(),
            payment: payment.into(),
            lines: draft
                .live_items()
                .map(|i| PresentedLine {
                    product: i.product.clone(),
                    description: i.description.clone(),
                    unit: i.unit.clone(),
                    quantity: i.quantity,
                    unit_price: i.unit_price,
                    amount: i.amount(),
                })
                .collect(),
            totals: draft.totals(),
            taxes: taxes.map(|t| TaxSummary::of(draft.totals().total, t)),
            notes: draft.notes.clone(),
            symbol: String::new(),
        }
    }

    /// Fills the unit of the lines that came without one (the ERP's items have none) from
    /// `units`: product code → its unit of measure.
    pub fn with_units(mut self, units: &HashMap<String, String>) -> Presented {
        for line in self.lines.iter_mut().filter(|l| l.unit.trim().is_empty()) {
            if let Some(u) = units.get(line.product.trim()) {
                line.unit = u.trim().to_string();
            }
        }
        self
    }

    /// Its amounts in the currency with `symbol` (empty: reais).
    pub fn in_currency(mut self, symbol: &str) -> Presented {
        self.symbol = symbol.trim().to_string();
        self
    }

    /// `value` in its currency, the locale's way.
    pub fn money(&self, value: f64, locale: crate::Locale) -> String {
        crate::format::money_in(value, &self.symbol, locale)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_is_presented_with_its_customer() {
        use crate::document::{DocumentKind, DraftItem};
        let mut d = Draft::new(DocumentKind::Order, "x");
        (d.customer_code, d.customer_store, d.issue_date) = ("000002".into(), "01".into(), "2026-11-30".into());
        let mut i = DraftItem {
            product: "P1".into(),
            description: "Café".into(),
            quantity: 2.0,
            list_price: 5.0,
            ..Default::default()
        };
        i.set_discount(0.0);
        d.add_item(i);
        let c = Customer {
            name: "PADARIA".into(),
            tax_id: "11222333000181".into(),
            address: "Rua Direita, 100".into(),
            neighborhood: "Centro".into(),
            city: "São Paulo".into(),
            uf: "SP".into(),
            zip_code: "01001000".into(),
            ..Default::default()
        };
        let p = Presented::of(&d, "Pedido", Some(&c), "", "Ana", "À vista", None);
        assert_eq!(p.tax_id, "11.222.333/0001-81");
        assert_eq!(p.address, "Rua Direita, 100 · Centro · São Paulo/SP · CEP 01001-000");
        assert_eq!((p.lines.len(), p.totals.total, p.customer_code.as_str()), (1, 10.0, "000002/01"));
        let bare = Presented::of(&d, "Pedido", None, "", "Ana", "", None);
        assert!(bare.customer_name.is_empty() && bare.address.is_empty());
        assert_eq!(bare.lines[0].unit, "", "the ERP's items come without a unit");
        let units = HashMap::from([("P1".to_string(), "CX".to_string())]);
        assert_eq!(bare.with_units(&units).lines[0].unit, "CX", "the product's unit");
    }

    #[test]
    fn a_prospects_quotation_is_presented_with_its_name() {
        use crate::document::DocumentKind;
        let mut d = Draft::new(DocumentKind::Quotation, "x");
        d.choose_prospect("000007", "01");
        let known = Presented::of(&d, "Orçamento", None, "Bar do Zé (Prospect)", "Ana", "", None);
        assert_eq!((known.customer_name.as_str(), known.customer_code.as_str()), ("Bar do Zé (Prospect)", "000007/01"));
        let prospect = Prospect {
            name: "BAR DO ZE".into(),
            tax_id: "34028316000103".into(),
            city: "Santos".into(),
            uf: "SP".into(),
            ..Default::default()
        };
        let read = Presented::of(&d, "Orçamento", Some(&prospect_card(&prospect)), "", "Ana", "", None);
        assert_eq!((read.customer_name.as_str(), read.tax_id.as_str()), ("BAR DO ZE", "34.028.316/0001-03"));
        assert_eq!(read.address, "Santos/SP");
    }
}
