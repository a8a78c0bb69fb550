//! Orders and quotations as the ERP reads them back (§9–10), and the queue rows (§10.3).

use serde::{Deserialize, Serialize};

/// An order header (§9.1). `status`: `A` open, `L` released, `E` closed/invoiced, `BR`/`BV`
/// blocked; `block_reason` (a Mascate server extension) says `credit` or `rule`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Order {
    #[serde(rename = "orderid")]
    pub number: String,
    #[serde(rename = "externalid")]
    pub external_id: String,
    #[serde(rename = "issuedate")]
    pub issue_date: String,
    #[serde(rename = "clientid")]
    pub customer_code: String,
    #[serde(rename = "storeid")]
    pub customer_store: String,
    #[serde(rename = "customername")]
    pub customer_name: String,
    #[serde(rename = "pricelistid")]
    pub price_list: String,
    /// Read with a capital C (§14).
    #[serde(rename = "paymentConditionid", alias = "paymentconditionid")]
    pub payment_condition: String,
    #[serde(rename = "carriercode")]
    pub carrier: String,
    #[serde(rename = "freighttype")]
    pub freight_type: String,
    pub freight: f64,
    pub insurance: f64,
    pub expenses: f64,
    pub discount: f64,
    pub amount: f64,
    /// The currency it was sold in (`C5_MOEDA`/`CJ_MOEDA`; 1 or absent: the real).
    #[serde(rename = "currencyid")]
    pub currency: i64,
    pub status: String,
    #[serde(rename = "blockreason")]
    pub block_reason: String,
    #[serde(rename = "typeofoperation")]
    pub operation_type: String,
    #[serde(rename = "notemessage")]
    pub notes: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deleted: Option<bool>,
}

/// An order or quotation line (§9.3, §10.1).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DocumentItem {
    #[serde(rename = "externalitemid")]
    pub external_item_id: String,
    #[serde(rename = "externalid")]
    pub external_id: String,
    #[serde(rename = "orderid", alias = "budgetid")]
    pub number: String,
    #[serde(rename = "itemid")]
    pub item_id: String,
    #[serde(rename = "productid")]
    pub product: String,
    pub description: String,
    pub quantity: f64,
    #[serde(rename = "pricelist")]
    pub list_price: f64,
    #[serde(rename = "unitprice")]
    pub unit_price: f64,
    pub amount: f64,
    pub discount: f64,
    #[serde(rename = "quantitydelivered")]
    pub delivered: f64,
    #[serde(rename = "deliverydate")]
    pub delivery_date: String,
    #[serde(rename = "customerorder")]
    pub customer_order: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deleted: Option<bool>,
}

/// A quotation header (§10.1). `status`: `A` open, `B` converted, `C` cancelled, `D` not
/// quoted, `F` blocked.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Quotation {
    #[serde(rename = "budgetid")]
    pub number: String,
    #[serde(rename = "externalid")]
    pub external_id: String,
    #[serde(rename = "issuedate")]
    pub issue_date: String,
    #[serde(rename = "customerid")]
    pub customer_code: String,
    #[serde(rename = "customerstore")]
    pub customer_store: String,
    #[serde(rename = "customername")]
    pub customer_name: String,
    #[serde(rename = "prospectid")]
    pub prospect_code: String,
    #[serde(rename = "prospectstore")]
    pub prospect_store: String,
    #[serde(rename = "pricelistid")]
    pub price_list: String,
    #[serde(rename = "paymentconditionid")]
    pub payment_condition: String,
    #[serde(rename = "freighttype")]
    pub freight_type: String,
    pub freight: f64,
    pub insurance: f64,
    pub expenses: f64,
    pub discount: f64,
    pub amount: f64,
    /// The currency it was sold in (`C5_MOEDA`/`CJ_MOEDA`; 1 or absent: the real).
    #[serde(rename = "currencyid")]
    pub currency: i64,
    pub status: String,
    /// The order a converted quotation became (a Mascate server extension).
    #[serde(rename = "orderid")]
    pub order_number: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deleted: Option<bool>,
}

/// An invoice of an order (§9.4).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Invoice {
    pub invoice: String,
    pub serie: String,
    pub amount: f64,
    #[serde(rename = "invoicekey")]
    pub key: String,
    #[serde(rename = "issuedate")]
    pub issue_date: String,
}

/// A row of the integration queue (§10.3). `status`: 0 waiting, 1 processing, 2 done, 3 error.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct QueueRow {
    pub id: String,
    pub status: String,
    /// The stored request, as a string.
    pub json: String,
    #[serde(rename = "jsonerror")]
    pub error: String,
    pub source: String,
    /// The ERP number this row made (a Mascate server extension; a real Protheus tells it
    /// through the documents' sync instead).
    #[serde(rename = "documentnumber")]
    pub document_number: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deleted: Option<bool>,
}
