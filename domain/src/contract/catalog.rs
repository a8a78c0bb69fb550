//! Products, stock, price lists and the reference tables (§6–7).

use serde::{Deserialize, Serialize};

/// A product (§6.1); `price` is the base price, or the list's on the per-list endpoint.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Product {
    #[serde(rename = "internalid")]
    pub id: String,
    pub code: String,
    pub description: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub price: f64,
    pub active: String,
    /// `1` blocked.
    pub status: String,
    #[serde(rename = "standardwarehouse")]
    pub standard_warehouse: String,
    #[serde(rename = "measureunit")]
    pub unit: String,
    #[serde(rename = "productgroup")]
    pub group: String,
    #[serde(rename = "groupdescription")]
    pub group_name: String,
    #[serde(rename = "outflowtype")]
    pub outflow_type: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deleted: Option<bool>,
}

impl Product {
    pub fn is_blocked(&self) -> bool {
        self.status.trim() == "1"
    }
}

/// Stock of a product in one warehouse (§6.3).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Stock {
    pub code: String,
    pub warehouse: String,
    #[serde(rename = "warehousedescription")]
    pub warehouse_name: String,
    #[serde(rename = "availablequantity")]
    pub available: f64,
    #[serde(rename = "orderquantity")]
    pub on_order: f64,
    #[serde(rename = "expectedinflow")]
    pub expected_inflow: f64,
}

/// A price list header (§6.4).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PriceList {
    #[serde(rename = "internalid")]
    pub id: String,
    pub code: String,
    pub description: String,
    /// `1` active.
    pub status: String,
    #[serde(rename = "inicialdate")]
    pub valid_from: String,
    #[serde(rename = "finaldate")]
    pub valid_to: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deleted: Option<bool>,
}

impl PriceList {
    /// Active and valid on `today` (`YYYY-MM-DD`).
    pub fn is_valid_on(&self, today: &str) -> bool {
        self.status.trim() != "2"
            && (self.valid_from.is_empty() || self.valid_from.as_str() <= today)
            && (self.valid_to.is_empty() || today <= self.valid_to.as_str())
    }
}

/// A price-list item (§6.4).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PriceListItem {
    #[serde(rename = "internalid")]
    pub id: String,
    #[serde(rename = "pricelist")]
    pub price_list: String,
    pub item: String,
    pub product: String,
    #[serde(rename = "baseprice")]
    pub base_price: f64,
    #[serde(rename = "salesprice")]
    pub price: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deleted: Option<bool>,
}

/// A payment condition (§7).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PaymentCondition {
    #[serde(rename = "internalid")]
    pub id: String,
    #[serde(rename = "paymentcode")]
    pub code: String,
    #[serde(rename = "paymentdescription")]
    pub description: String,
    pub status: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deleted: Option<bool>,
}

/// A carrier (§7).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Carrier {
    #[serde(rename = "internalid")]
    pub id: String,
    pub code: String,
    pub name: String,
    pub status: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deleted: Option<bool>,
}

/// An operation type (§7).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OperationType {
    #[serde(rename = "operationtypeid")]
    pub id: String,
    pub description: String,
}

/// A prospect (§5).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prospect {
    #[serde(rename = "internalid")]
    pub id: String,
    pub code: String,
    pub store: String,
    pub name: String,
    #[serde(rename = "fantasy")]
    pub trade_name: String,
    #[serde(rename = "cgc")]
    pub tax_id: String,
    #[serde(rename = "vendor")]
    pub seller_code: String,
    pub city: String,
    pub uf: String,
    /// `US_STATUS`: 1 classified … 6 became a customer.
    #[serde(rename = "currentstatus")]
    pub stage: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deleted: Option<bool>,
}
