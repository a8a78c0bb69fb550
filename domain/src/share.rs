//! A quotation or order as it is printed and shared: the parts the A4 layout shows, and the
//! text summary sent through the Web Share API (or copied), written to read well in
//! WhatsApp (`*bold*` headings, one line per item, no tables).
//!
//! The words come from the app in the rep's language ([`Labels`]); numbers, money and dates
//! follow the locale. Of the ERP's taxes, only those added on top of the prices count in the
//! total with taxes ([`TaxSummary`]); those already inside the prices are said, not added.

mod taxes;

use std::collections::HashMap;

pub use taxes::{is_added, with_names, TaxSummary};

use crate::contract::{Customer, Prospect, Taxes};
use crate::document::{Draft, Totals};
use crate::format::{date, money, number, zipcode};
use crate::Locale;

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
}

/// The quantity as people write it: no decimals when whole.
fn quantity(q: f64, locale: Locale) -> String {
    let decimals = if (q - q.round()).abs() < 1e-9 { 0 } else { 3 };
    let s = number(q, decimals, locale);
    if decimals > 0 {
        s.trim_end_matches('0').to_string()
    } else {
        s
    }
}

/// The text summary.
pub fn summary(p: &Presented, l: &Labels, locale: Locale) -> String {
    let mut out = Vec::new();
    let number = if p.number.trim().is_empty() { l.no_number.clone() } else { p.number.trim().to_string() };
    out.push(format!("*{} {}* · {}", p.title, number, date(&p.issue_date, locale)));
    let mut customer = format!("{}: {}", l.customer, p.customer_name.trim());
    if !p.customer_code.is_empty() {
        customer.push_str(&format!(" ({})", p.customer_code));
    }
    out.push(customer);
    if !p.tax_id.is_empty() {
        out.push(format!("{}: {}", l.tax_id, p.tax_id));
    }
    if !p.payment.is_empty() {
        out.push(format!("{}: {}", l.payment, p.payment));
    }
    out.push(String::new());
    out.push(format!("*{}*", l.items));
    for (i, line) in p.lines.iter().enumerate() {
        let unit = if line.unit.is_empty() { String::new() } else { format!(" {}", line.unit) };
        out.push(format!(
            "{}. {} — {}{} × {} = {}",
            i + 1,
            line.description.trim(),
            quantity(line.quantity, locale),
            unit,
            money(line.unit_price, locale),
            money(line.amount, locale)
        ));
    }
    out.push(String::new());
    let t = &p.totals;
    out.push(format!("{}: {}", l.subtotal, money(t.net, locale)));
    if t.header_discount > 0.0 {
        out.push(format!("{}: -{}", l.discount, money(t.header_discount, locale)));
    }
    if t.charges > 0.0 {
        out.push(format!("{}: {}", l.charges, money(t.charges, locale)));
    }
    out.push(format!("*{}: {}*", l.total, money(t.total, locale)));
    match &p.taxes {
        Some(s) => {
            out.push(format!("{}: {}", with_names(&l.taxes_added, &s.added_lines), money(s.added, locale)));
            if s.has_difference() {
                out.push(format!("{}: {}", l.taxes_difference, money(s.difference, locale)));
            }
            out.push(format!("*{}: {}*", l.total_with_taxes, money(s.grand_total, locale)));
            let included = with_names(&l.taxes_included, &s.included_lines);
            out.push(format!("_{}: {}_", included, money(s.included, locale)));
        }
        None => out.push(format!("_{}_", l.taxes_by_erp)),
    }
    if !p.notes.trim().is_empty() {
        out.push(format!("{}: {}", l.notes, p.notes.trim()));
    }
    out.push(String::new());
    out.push(format!("{}: {}", l.seller, p.seller_name.trim()));
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::TaxLine;

    fn labels() -> Labels {
        Labels {
            customer: "Cliente".into(),
            tax_id: "CNPJ/CPF".into(),
            seller: "Vendedor".into(),
            payment: "Pagamento".into(),
            items: "Itens".into(),
            subtotal: "Subtotal".into(),
            discount: "Desconto".into(),
            charges: "Frete e despesas".into(),
            total: "Total".into(),
            taxes_included: "Impostos já inclusos no preço".into(),
            taxes_added: "Impostos adicionados".into(),
            taxes_difference: "Diferença no total do ERP".into(),
            total_with_taxes: "Total com impostos".into(),
            taxes_by_erp: "impostos calculados pelo ERP".into(),
            no_number: "(sem número)".into(),
            notes: "Observações".into(),
        }
    }

    fn order() -> Presented {
        Presented {
            title: "Pedido".into(),
            number: "000123".into(),
            issue_date: "2026-11-30".into(),
            seller_name: "Ana Paula Ribeiro".into(),
            customer_name: "Padaria São João".into(),
            customer_code: "000002/01".into(),
            tax_id: "11.222.333/0001-81".into(),
            payment: "30/60 dias".into(),
            lines: vec![
                PresentedLine {
                    description: "Café torrado 500 g".into(),
                    unit: "UN".into(),
                    quantity: 10.0,
                    unit_price: 12.5,
                    amount: 125.0,
                    ..Default::default()
                },
                PresentedLine {
                    description: "Farinha".into(),
                    unit: "KG".into(),
                    quantity: 2.5,
                    unit_price: 1234.56,
                    amount: 3086.4,
                    ..Default::default()
                },
            ],
            totals: Totals { net: 3211.4, header_discount: 0.0, charges: 50.0, total: 3261.4, ..Default::default() },
            ..Default::default()
        }
    }

    #[test]
    fn reads_well_in_whatsapp_in_pt_br() {
        let text = summary(&order(), &labels(), Locale::PtBr);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "*Pedido 000123* · 30/11/2026");
        assert_eq!(lines[1], "Cliente: Padaria São João (000002/01)");
        assert!(text.contains("1. Café torrado 500 g — 10 UN × R$ 12,50 = R$ 125,00"), "{text}");
        assert!(text.contains("2. Farinha — 2,5 KG × R$ 1.234,56 = R$ 3.086,40"), "{text}");
        assert!(text.contains("Frete e despesas: R$ 50,00"));
        assert!(text.contains("*Total: R$ 3.261,40*"));
        assert!(text.contains("_impostos calculados pelo ERP_"));
        assert!(!text.contains("Desconto"), "no zero lines");
        assert!(text.ends_with("Vendedor: Ana Paula Ribeiro"));
    }

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

    #[test]
    fn with_the_erps_taxes_and_without_a_number() {
        let line = |code: &str, name: &str, value| TaxLine {
            code: code.into(),
            name: name.into(),
            value,
            ..Default::default()
        };
        let taxes = Taxes {
            grand_total: 3582.4,
            included: 300.0,
            added: 321.0,
            lines: vec![line("ICM", "ICMS", 300.0), line("IPI", "IPI", 121.0), line("SOL", "ICMS-ST", 200.0)],
            ..Default::default()
        };
        let p = Presented { number: String::new(), taxes: Some(TaxSummary::of(3261.4, &taxes)), ..order() };
        let text = summary(&p, &labels(), Locale::PtBr);
        assert!(text.starts_with("*Pedido (sem número)*"));
        assert!(
            text.contains(
                "*Total: R$ 3.261,40*\nImpostos adicionados (IPI, ICMS-ST): R$ 321,00\n\
                 *Total com impostos: R$ 3.582,40*\n_Impostos já inclusos no preço (ICMS): R$ 300,00_"
            ),
            "the total, plus the added taxes, makes the total with taxes: {text}"
        );
        assert!(!text.contains("Diferença"));
        assert!(!text.contains("calculados pelo ERP"));
        let en = summary(&order(), &labels(), Locale::En);
        assert!(en.contains("× R$12.50 = R$125.00") && en.contains("11/30/2026"), "{en}");
    }
}
