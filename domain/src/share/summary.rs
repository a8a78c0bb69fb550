//! The text summary of a quotation or order, sent through the Web Share API (or copied):
//! written to read well in WhatsApp (`*bold*` headings, one line per item, no tables).

use super::{with_names, Labels, Presented};
use crate::format::{date, number};
use crate::Locale;

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
    let money = |v: f64, locale: Locale| p.money(v, locale);
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
    use crate::contract::{TaxLine, Taxes};
    use crate::document::Totals;
    use crate::share::{PresentedLine, TaxSummary};

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

    #[test]
    fn a_document_sold_in_dollars_is_summed_up_in_dollars() {
        let text = summary(&order().in_currency("US$"), &labels(), Locale::PtBr);
        assert!(text.contains("× US$ 12,50 = US$ 125,00"), "{text}");
        assert!(text.contains("*Total: US$ 3.261,40*"), "{text}");
        assert!(!text.contains("R$"), "{text}");
    }
}
