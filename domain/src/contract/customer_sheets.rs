//! Mascate extensions over a customer's finances (issue 25): the registration sheet (SA1's
//! financial tab, computed from the receivables and invoices) and the credit sheet found by
//! CPF/CNPJ (the same, with what is open and overdue).

use serde::{Deserialize, Serialize};

/// `GET /api/mascate/v1/customers/:code/:store/financialsheet`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FinancialSheet {
    #[serde(rename = "customerid")]
    pub customer_code: String,
    #[serde(rename = "customerstore")]
    pub customer_store: String,
    pub name: String,
    /// CPF or CNPJ, digits only (`A1_CGC`).
    #[serde(rename = "taxid")]
    pub tax_id: String,
    /// `A1_LC`.
    #[serde(rename = "creditlimit")]
    pub credit_limit: f64,
    /// Risk class `A`…`E` (`A1_RISCO`).
    pub risk: String,
    /// The largest invoice, in reais (`A1_MCOMPRA`), and its date.
    #[serde(rename = "largestpurchase")]
    pub largest_purchase: f64,
    #[serde(rename = "largestpurchasedate")]
    pub largest_purchase_date: String,
    /// The most the customer ever owed at once (`A1_MSALDO`).
    #[serde(rename = "largestbalance")]
    pub largest_balance: f64,
    /// First and last invoice dates (`A1_PRICOM`, `A1_ULTCOM`), `YYYY-MM-DD` or empty.
    #[serde(rename = "firstpurchase")]
    pub first_purchase: String,
    #[serde(rename = "lastpurchase")]
    pub last_purchase: String,
    /// Invoices issued to the customer (`A1_NROCOM`).
    pub purchases: u32,
    /// Payments received (`A1_NROPAG`).
    pub payments: u32,
    /// Mean days paid after the due date, early payments counting 0 (`A1_METR`).
    #[serde(rename = "averagedelay")]
    pub average_delay: f64,
    /// The longest delay, days (`A1_MATR`).
    #[serde(rename = "largestdelay")]
    pub largest_delay: i64,
}

/// `GET /api/mascate/v1/creditsheet/:taxid`: the sheet plus what is owed now.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CreditSheet {
    #[serde(flatten)]
    pub sheet: FinancialSheet,
    /// Balance of the open receivables.
    #[serde(rename = "openbills")]
    pub open_bills: f64,
    /// The part of it past its due date.
    #[serde(rename = "overduebills")]
    pub overdue_bills: f64,
    /// Credit limit − open receivables − orders not invoiced yet.
    #[serde(rename = "availablecredit")]
    pub available_credit: f64,
}
