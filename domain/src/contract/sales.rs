//! What the stand-in serves beyond the contract, as Mascate extensions a real Protheus may
//! lack (the app tells the rep so): a customer's contacts (schema 000003, whose record the
//! contract leaves out of scope), the seller's invoices, each customer's last purchases, and
//! the sales statistics.

use serde::{Deserialize, Serialize};

/// A contact of a customer (SU5, related through AC8). `internalid` is the schema's idField.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Contact {
    #[serde(rename = "internalid")]
    pub internal_id: String,
    #[serde(rename = "contactid")]
    pub contact_id: String,
    pub name: String,
    /// What the person does at the customer (buyer, finance…).
    pub role: String,
    pub ddi: String,
    pub ddd: String,
    pub phone: String,
    #[serde(rename = "cellphone")]
    pub cell_phone: String,
    pub email: String,
    /// The customer's code (`A1_COD`).
    #[serde(rename = "customerid")]
    pub customer_code: String,
    #[serde(rename = "customerstore")]
    pub customer_store: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deleted: Option<bool>,
}

/// An invoice of the seller (SF2, with its order and customer).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct InvoiceRow {
    pub invoice: String,
    pub serie: String,
    #[serde(rename = "orderid")]
    pub order_number: String,
    #[serde(rename = "issuedate")]
    pub issue_date: String,
    /// The latest delivery date of its order's items.
    #[serde(rename = "deliverydate")]
    pub delivery_date: String,
    pub amount: f64,
    pub quantity: f64,
    #[serde(rename = "customerid")]
    pub customer_code: String,
    #[serde(rename = "customerstore")]
    pub customer_store: String,
    #[serde(rename = "customername")]
    pub customer_name: String,
    #[serde(rename = "invoicekey")]
    pub key: String,
}

/// A customer's last purchase of one product: its newest order line.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LastPurchase {
    /// Customer code + store + product: the sync key.
    #[serde(rename = "internalid")]
    pub internal_id: String,
    #[serde(rename = "customerid")]
    pub customer_code: String,
    #[serde(rename = "customerstore")]
    pub customer_store: String,
    #[serde(rename = "productid")]
    pub product: String,
    pub description: String,
    /// The order's issue date, `YYYY-MM-DD`.
    #[serde(rename = "lastdate")]
    pub last_date: String,
    #[serde(rename = "orderid")]
    pub order_number: String,
    pub quantity: f64,
    #[serde(rename = "unitprice")]
    pub unit_price: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deleted: Option<bool>,
}

/// The five figures of a sales statistic.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Figures {
    /// Quantity invoiced.
    #[serde(rename = "soldquantity")]
    pub sold: f64,
    /// Quantity that came back (returns against invoices).
    #[serde(rename = "returnedquantity")]
    pub returned: f64,
    /// Value invoiced (goods, after discounts, before taxes).
    #[serde(rename = "grossvalue")]
    pub gross: f64,
    /// Gross value less the value returned.
    #[serde(rename = "netvalue")]
    pub net: f64,
    /// Value ordered and not invoiced yet.
    pub balance: f64,
}

/// One row of the statistics table: a product, type, description or group.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct StatisticsRow {
    pub key: String,
    pub description: String,
    #[serde(flatten)]
    pub figures: Figures,
}

/// The total of one month (`YYYY-MM`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct StatisticsMonth {
    pub month: String,
    #[serde(flatten)]
    pub figures: Figures,
}

/// `GET /api/mascate/v1/salesstatistics`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Statistics {
    pub items: Vec<StatisticsRow>,
    /// Every month of the range, in order, empty ones included.
    pub months: Vec<StatisticsMonth>,
    pub total: Figures,
}
