//! `GET /api/mascate/v1/invoices/:number/:series` (a Mascate extension, issue 25): one
//! invoice as its DANFE shows it — header (SF2), items with their taxes (SD2), totals and
//! the receivables it made (SE1). Values in reais: an order sold in another currency was
//! converted at `rate` when invoiced.

use serde::{Deserialize, Serialize};

/// A state and city.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Place {
    pub uf: String,
    pub city: String,
}

/// What the carrier took (`F2_VOLUME1`, `F2_ESPECI1`, `F2_PBRUTO`, `F2_PLIQUI`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Volumes {
    pub quantity: f64,
    pub kind: String,
    /// kg.
    #[serde(rename = "grossweight")]
    pub gross_weight: f64,
    #[serde(rename = "netweight")]
    pub net_weight: f64,
}

/// One tax of an item or of the invoice: base, rate (%) and value.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Tax {
    pub base: f64,
    pub rate: f64,
    pub value: f64,
}

/// The four taxes the invoice shows per item.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ItemTaxes {
    pub icms: Tax,
    pub ipi: Tax,
    /// ICMS-ST (substituição tributária).
    pub icmsst: Tax,
    pub pis: Tax,
    pub cofins: Tax,
}

/// One line of the invoice.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct InvoiceItem {
    #[serde(rename = "itemid")]
    pub item: String,
    #[serde(rename = "productid")]
    pub product: String,
    pub description: String,
    pub unit: String,
    pub cfop: String,
    pub quantity: f64,
    #[serde(rename = "unitprice")]
    pub unit_price: f64,
    /// Quantity × unit price.
    pub value: f64,
    pub discount: f64,
    pub taxes: ItemTaxes,
    /// Value − discount + charges + IPI + ST.
    pub total: f64,
}

/// The invoice's totals.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct InvoiceTotals {
    pub goods: f64,
    pub discount: f64,
    pub freight: f64,
    pub insurance: f64,
    pub expenses: f64,
    pub taxes: ItemTaxes,
    /// What the customer pays: goods − discount + charges + IPI + ST.
    pub total: f64,
}

/// One receivable of the invoice.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Installment {
    pub installment: String,
    #[serde(rename = "duedate")]
    pub due_date: String,
    pub value: f64,
    pub balance: f64,
}

/// The whole invoice.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct InvoiceDetail {
    pub invoice: String,
    pub serie: String,
    #[serde(rename = "issuedate")]
    pub issue_date: String,
    #[serde(rename = "invoicekey")]
    pub key: String,
    #[serde(rename = "orderid")]
    pub order: String,
    #[serde(rename = "customerid")]
    pub customer_code: String,
    #[serde(rename = "customerstore")]
    pub customer_store: String,
    #[serde(rename = "customername")]
    pub customer_name: String,
    #[serde(rename = "taxid")]
    pub tax_id: String,
    pub origin: Place,
    pub destination: Place,
    /// The CFOP of the first item (all items share it in the demo).
    pub cfop: String,
    /// Operation type (`C6_OPER`) and its description.
    pub operation: String,
    #[serde(rename = "operationdescription")]
    pub operation_description: String,
    pub carrier: String,
    #[serde(rename = "carriername")]
    pub carrier_name: String,
    #[serde(rename = "freighttype")]
    pub freight_type: String,
    pub volumes: Volumes,
    /// The order's currency (`C5_MOEDA`) and the rate it was invoiced at (`F2_TXMOEDA`).
    #[serde(rename = "currencyid")]
    pub currency: i64,
    pub rate: f64,
    pub items: Vec<InvoiceItem>,
    pub totals: InvoiceTotals,
    pub installments: Vec<Installment>,
}
