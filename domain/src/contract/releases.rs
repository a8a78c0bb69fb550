//! The dashboard list of order items with their releases (§9.5,
//! `GET /api/pgv/salesorderslist`): one row per order item, joined to its release (SC9) and
//! invoice (SD2).

use serde::{Deserialize, Serialize};

/// One order item and where its release stands. The blocks are the ERP's raw codes: blank
/// (none), `10` (done: invoiced) or a reason code.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReleaseRow {
    /// `C5_FILIAL+C5_NUM+C6_ITEM`.
    #[serde(rename = "internalid")]
    pub internal_id: String,
    /// The order's number (`C5_NUM`).
    pub order: String,
    pub item: String,
    /// The customer's code and store (`C5_CLIENTE`, `C5_LOJACLI`) and name.
    pub client: String,
    pub store: String,
    pub name: String,
    pub product: String,
    #[serde(rename = "productName")]
    pub product_name: String,
    /// `C9_QTDLIB`: what the release covers (zero when there is no release yet).
    #[serde(rename = "quantityReleased")]
    pub quantity_released: f64,
    /// `C6_QTDVEN`: what was ordered.
    #[serde(rename = "quantitySaleOrder")]
    pub quantity_ordered: f64,
    #[serde(rename = "prcSale")]
    pub unit_price: f64,
    pub amount: f64,
    /// `C9_NFISCAL`, `C9_SERIENF`.
    pub invoice: String,
    #[serde(rename = "NFSerie")]
    pub invoice_serie: String,
    #[serde(rename = "deliveryDate")]
    pub delivery_date: String,
    #[serde(rename = "dtRelease")]
    pub released_on: String,
    /// `C9_BLEST`, `C9_BLCRED`, `C6_BLOQUEI`, `C9_BLWMS`.
    #[serde(rename = "stockBlock")]
    pub stock_block: String,
    #[serde(rename = "creditBlock")]
    pub credit_block: String,
    #[serde(rename = "businessRuleBlock")]
    pub rule_block: String,
    #[serde(rename = "wmsLock")]
    pub wms_lock: String,
    /// `D2_VALBRUT`: the invoiced gross value (non-zero once invoiced).
    #[serde(rename = "vlr.totalSD2")]
    pub invoiced_value: f64,
    /// `OPN`, `RLS`, `BLQ` or `BIL`, as the ERP computed it.
    pub status: String,
}
