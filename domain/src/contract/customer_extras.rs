//! Mascate extensions listing a customer's money and industry (issue 25): bills paid, credit
//! notes, goods held for industrialisation, production orders, and the currencies documents
//! are sold in. Online only; read by the customer, order and statistics pages.

use serde::{Deserialize, Serialize};

/// One payment of a bill (`…/paidbills`): a partial payment is a row of its own.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PaidBill {
    #[serde(rename = "internalid")]
    pub id: String,
    pub prefix: String,
    #[serde(rename = "titlecode")]
    pub number: String,
    pub installment: String,
    #[serde(rename = "duedate")]
    pub due_date: String,
    #[serde(rename = "billvalue")]
    pub bill_value: f64,
    #[serde(rename = "paiddate")]
    pub paid_date: String,
    /// Principal written off.
    #[serde(rename = "writeoff")]
    pub write_off: f64,
    pub interest: f64,
    pub discount: f64,
    /// Write-off + interest − discount.
    #[serde(rename = "amountpaid")]
    pub amount_paid: f64,
    pub balance: f64,
    /// Days paid after the due date (negative: early).
    pub delay: f64,
}

/// A credit note (NCC) a return made (`…/creditnotes`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CreditNote {
    #[serde(rename = "internalid")]
    pub id: String,
    pub prefix: String,
    pub number: String,
    #[serde(rename = "issuedate")]
    pub issue_date: String,
    pub amount: f64,
    pub balance: f64,
    pub used: f64,
    pub invoice: String,
    #[serde(rename = "invoiceserie")]
    pub invoice_serie: String,
    #[serde(rename = "orderid")]
    pub order: String,
}

/// The customer's goods held for industrialisation (`…/heldstock`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct HeldStock {
    #[serde(rename = "internalid")]
    pub id: String,
    #[serde(rename = "productid")]
    pub product: String,
    pub description: String,
    pub unit: String,
    /// Held now.
    pub quantity: f64,
    pub received: f64,
    pub document: String,
    pub serie: String,
    #[serde(rename = "issuedate")]
    pub issue_date: String,
}

/// A production order and the sales order item it serves (`…/productionorders`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProductionOrder {
    #[serde(rename = "internalid")]
    pub id: String,
    pub number: String,
    pub item: String,
    pub sequence: String,
    #[serde(rename = "productid")]
    pub product: String,
    pub description: String,
    pub unit: String,
    pub quantity: f64,
    pub produced: f64,
    #[serde(rename = "startdate")]
    pub start_date: String,
    #[serde(rename = "enddate")]
    pub end_date: String,
    #[serde(rename = "finishdate")]
    pub finish_date: String,
    /// `open`, `started` or `finished`.
    pub status: String,
    #[serde(rename = "orderid")]
    pub order: String,
    #[serde(rename = "orderitem")]
    pub order_item: String,
}

/// A currency documents are sold in (`/currencies`): 1 is the real.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Currency {
    pub id: i64,
    pub name: String,
    pub symbol: String,
    pub rate: f64,
}
