//! The stand-in ERP's tax calculation (§11): a simplified but consistent Brazilian model,
//! the same for a simulated order (`POST SalesTaxes`) and a stored one (`GET`).
//!
//! - The company ships from São Paulo (SP).
//! - **ICMS**: 18 % inside SP; to other states 12 % (South and Southeast but Espírito Santo)
//!   or 7 % (North, Northeast, Centre-West and ES). Base: goods after discounts plus the
//!   item's share of freight, insurance and expenses; for a final consumer (customer type
//!   `F`) IPI is in the base too. Included in the price ("embutido").
//! - **IPI**: the product's rate on the goods after discounts, added on top.
//! - **ICMS-ST**, for products flagged `icmsst = S`: base = (goods + charges + IPI) × 1.40
//!   (MVA 40 %), tax = base × 18 % − the item's own ICMS, added on top.
//! - **PIS** 1.65 % and **COFINS** 7.6 % (assessed, non-cumulative regime) on the goods
//!   after discounts; included in the price.
//! - Freight, insurance and expenses are spread over the items in proportion to their value;
//!   the header discount applies after the item discounts.

use serde_json::{json, Value};

/// The state the goods leave from.
pub const ORIGIN_UF: &str = "SP";
pub const PIS_RATE: f64 = 1.65;
pub const COFINS_RATE: f64 = 7.6;
pub const ST_MVA: f64 = 40.0;
pub const ST_INTERNAL_RATE: f64 = 18.0;

/// The ICMS rate from [`ORIGIN_UF`] to `uf`.
pub fn icms_rate(uf: &str) -> f64 {
    match uf.trim().to_ascii_uppercase().as_str() {
        ORIGIN_UF => 18.0,
        "RJ" | "MG" | "PR" | "SC" | "RS" => 12.0,
        _ => 7.0,
    }
}

/// One item to tax.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemIn {
    pub product: String,
    pub tes: String,
    pub quantity: f64,
    pub unit_price: f64,
    /// Item discount in %.
    pub discount_pct: f64,
    pub ipi_rate: f64,
    pub has_st: bool,
}

/// The order around the items.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OrderIn {
    pub customer_uf: String,
    /// `F` final consumer, `R` reseller, …
    pub customer_type: String,
    pub header_discount_pct: f64,
    pub freight: f64,
    pub insurance: f64,
    pub expenses: f64,
    pub items: Vec<ItemIn>,
}

fn r2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Per-item figures, kept for the totals (and shown per item by the invoice detail).
#[derive(Debug, Default, Clone)]
pub struct ItemFigures {
    pub goods: f64,
    pub discount: f64,
    pub freight: f64,
    pub insurance: f64,
    pub expenses: f64,
    pub icms_base: f64,
    pub icms: f64,
    pub ipi: f64,
    pub st_base: f64,
    pub st: f64,
    pub pis: f64,
    pub cofins: f64,
    pub total: f64,
}

impl ItemFigures {
    /// Goods after discounts: the PIS and COFINS base.
    pub fn net(&self) -> f64 {
        r2(self.goods - self.discount)
    }

    /// The IPI base: goods after discounts plus charges (0 when there is no IPI).
    pub fn ipi_base(&self) -> f64 {
        if self.ipi > 0.0 {
            r2(self.goods - self.discount + self.freight + self.insurance + self.expenses)
        } else {
            0.0
        }
    }
}

/// Each item's figures, in the order's item order.
pub fn per_item(order: &OrderIn) -> Vec<ItemFigures> {
    let goods: Vec<f64> = order.items.iter().map(|i| r2(i.quantity * i.unit_price)).collect();
    let gross: f64 = goods.iter().sum();
    let icms_rate = icms_rate(&order.customer_uf);
    let final_consumer = order.customer_type.trim().eq_ignore_ascii_case("F");
    let share = |value: f64, i: usize| if gross > 0.0 { r2(value * goods[i] / gross) } else { 0.0 };
    let mut outs = Vec::new();
    for (i, item) in order.items.iter().enumerate() {
        let mut o = ItemFigures { goods: goods[i], ..Default::default() };
        // The unit price is already net of the item discount; the header discount comes on top.
        let after_item = goods[i];
        o.discount = r2(after_item * order.header_discount_pct / 100.0);
        let net = after_item - o.discount;
        o.freight = share(order.freight, i);
        o.insurance = share(order.insurance, i);
        o.expenses = share(order.expenses, i);
        let charges = o.freight + o.insurance + o.expenses;
        o.ipi = r2((net + charges) * item.ipi_rate / 100.0);
        o.icms_base = r2(net + charges + if final_consumer { o.ipi } else { 0.0 });
        o.icms = r2(o.icms_base * icms_rate / 100.0);
        if item.has_st {
            o.st_base = r2((net + charges + o.ipi) * (1.0 + ST_MVA / 100.0));
            o.st = r2((o.st_base * ST_INTERNAL_RATE / 100.0 - o.icms).max(0.0));
        }
        o.pis = r2(net * PIS_RATE / 100.0);
        o.cofins = r2(net * COFINS_RATE / 100.0);
        o.total = r2(net + charges + o.ipi + o.st);
        outs.push(o);
    }
    outs
}

/// Computes the contract's tax JSON for an order.
pub fn calculate(order: &OrderIn) -> Value {
    let gross: f64 = order.items.iter().map(|i| r2(i.quantity * i.unit_price)).sum();
    let icms_rate = icms_rate(&order.customer_uf);
    let outs = per_item(order);
    let sum = |f: fn(&ItemFigures) -> f64| r2(outs.iter().map(f).sum());
    let (icms, ipi, st, pis, cofins) =
        (sum(|o| o.icms), sum(|o| o.ipi), sum(|o| o.st), sum(|o| o.pis), sum(|o| o.cofins));
    let mut detail = Vec::new();
    let mut add = |code: &str, name: &str, base: f64, rate: f64, value: f64| {
        if base > 0.0 {
            detail.push(
                json!({"imposto": code, "descricao": name, "base_calculo": base, "aliquota": rate, "valor": value}),
            );
        }
    };
    let goods_net = sum(|o| o.goods - o.discount);
    add("ICM", "ICMS", sum(|o| o.icms_base), icms_rate, icms);
    if ipi > 0.0 {
        add(
            "IPI",
            "IPI",
            sum(|o| if o.ipi > 0.0 { o.goods - o.discount + o.freight + o.insurance + o.expenses } else { 0.0 }),
            0.0,
            ipi,
        );
    }
    if st > 0.0 {
        add("SOL", "ICMS Solidário", sum(|o| o.st_base), ST_INTERNAL_RATE, st);
    }
    add("PS2", "PIS Apuração", goods_net, PIS_RATE, pis);
    add("CF2", "COFINS Apuração", goods_net, COFINS_RATE, cofins);
    // IPI's rate differs per item; the summary shows the effective one.
    if let Some(d) = detail.iter_mut().find(|d| d["imposto"] == "IPI") {
        let base = d["base_calculo"].as_f64().unwrap_or(0.0);
        d["aliquota"] = json!(if base > 0.0 { r2(ipi / base * 100.0) } else { 0.0 });
    }
    let total_taxes = r2(detail.iter().map(|d| d["valor"].as_f64().unwrap_or(0.0)).sum());
    let items: Vec<Value> = order
        .items
        .iter()
        .zip(&outs)
        .map(|(i, o)| {
            let ipi_rate = if o.ipi > 0.0 { i.ipi_rate } else { 0.0 };
            json!({"produto": {
                "codigo_produto": i.product, "tes": i.tes, "quantidade": i.quantity, "valor_unitario": i.unit_price,
                "valor_mercadoria": o.goods, "valor_total": o.total,
                "aliquota_icms": icms_rate, "valor_icms": o.icms,
                "aliquota_ipi": ipi_rate, "valor_ipi": o.ipi,
                "aliquota_st": if i.has_st { ST_INTERNAL_RATE } else { 0.0 }, "valor_st": o.st,
                "aliquota_pis": PIS_RATE, "valor_pis": 0.0, "valor_pis_apur": o.pis, "valor_pis_st": 0.0,
                "aliquota_cofins": COFINS_RATE, "valor_cofins": 0.0, "valor_cofins_apur": o.cofins, "valor_cofins_st": 0.0,
                "aliquota_csll": 0.0, "valor_csll": 0.0,
                "desconto": o.discount, "frete": o.freight, "seguro": o.insurance, "despesas_acessorias": o.expenses,
            }})
        })
        .collect();
    let total = sum(|o| o.total);
    json!({
        "valor_contabil": total,
        "valor_mercadoria": r2(gross),
        "total_impostos_embutidos": r2(icms + pis + cofins),
        "total_impostos_sem_incidencia": r2(ipi + st),
        "total_impostos": total_taxes,
        "desconto": sum(|o| o.discount),
        "base_duplicada": total,
        "seguro": sum(|o| o.insurance),
        "frete": sum(|o| o.freight),
        "despesas_acessorias": sum(|o| o.expenses),
        "TaxesDetail": detail,
        "itens": items,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(price: f64, qty: f64, ipi: f64, st: bool) -> ItemIn {
        ItemIn {
            product: "P1".into(),
            tes: "501".into(),
            quantity: qty,
            unit_price: price,
            discount_pct: 0.0,
            ipi_rate: ipi,
            has_st: st,
        }
    }

    fn n(v: &Value, k: &str) -> f64 {
        v[k].as_f64().unwrap()
    }

    #[test]
    fn intra_state_plain_goods() {
        let v = calculate(&OrderIn {
            customer_uf: ORIGIN_UF.into(),
            customer_type: "R".into(),
            items: vec![item(10.0, 10.0, 0.0, false)],
            ..Default::default()
        });
        assert_eq!(n(&v, "valor_mercadoria"), 100.0);
        assert_eq!(n(&v, "valor_contabil"), 100.0, "ICMS, PIS and COFINS are included in the price");
        let icms = &v["TaxesDetail"][0];
        assert_eq!((icms["imposto"].as_str().unwrap(), n(icms, "aliquota"), n(icms, "valor")), ("ICM", 18.0, 18.0));
        assert_eq!(n(&v, "total_impostos_embutidos"), 27.25);
        assert_eq!(n(&v, "total_impostos"), 27.25);
    }

    #[test]
    fn interstate_ipi_st_charges_and_discount() {
        let order = OrderIn {
            customer_uf: "BA".into(),
            customer_type: "F".into(),
            header_discount_pct: 10.0,
            freight: 20.0,
            items: vec![item(50.0, 2.0, 10.0, true), item(100.0, 1.0, 0.0, false)],
            ..Default::default()
        };
        let v = calculate(&order);
        // Goods 200, discount 20, freight split 10/10.
        assert_eq!(n(&v, "desconto"), 20.0);
        assert_eq!(n(&v, "frete"), 20.0);
        let first = &v["itens"][0]["produto"];
        // IPI on (90 + 10) = 10; final consumer: ICMS base 110 at 7 % = 7.7.
        assert_eq!(n(first, "valor_ipi"), 10.0);
        assert_eq!(n(first, "valor_icms"), 7.7);
        // ST base (100 + 10) × 1.4 = 154; 154 × 18 % − 7.7 = 20.02.
        assert_eq!(n(first, "valor_st"), 20.02);
        assert_eq!(n(first, "valor_total"), 90.0 + 10.0 + 10.0 + 20.02);
        assert_eq!(n(&v, "total_impostos_sem_incidencia"), 30.02);
        assert_eq!(n(&v, "valor_contabil"), 180.0 + 20.0 + 30.02);
        let sum: f64 = v["TaxesDetail"].as_array().unwrap().iter().map(|d| n(d, "valor")).sum();
        assert!((sum - n(&v, "total_impostos")).abs() < 1e-9);
    }
}
