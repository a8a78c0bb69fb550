//! Quotations and sales orders as the rep writes them: the draft the form edits, its totals,
//! its validation, and the integration-queue body that carries it to the ERP (§10.2). The
//! same draft is written online and offline; only the transport differs.
//!
//! ```
//! use mascate_domain::document::{Draft, DraftItem, DocumentKind};
//! let mut d = Draft::new(DocumentKind::Order, "2b9c…");
//! d.items.push(DraftItem { product: "P00001".into(), quantity: 2.0, list_price: 10.0, ..Default::default() });
//! d.items[0].set_discount(10.0);
//! assert_eq!(d.items[0].unit_price, 9.0);
//! assert_eq!(d.totals().net, 18.0);
//! ```

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

mod customer;
mod erp;
pub mod range;
mod repeat;
mod validation;

use crate::contract::{DocumentBody, DocumentHeader, DocumentLine, Num};
pub use customer::{DEFAULT_PRICE_LIST, DEFAULT_QUOTATION_CUSTOMER};
pub use validation::{first_step_with_problem, validate, validate_step, Field, Problem, Step};

/// Which document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum DocumentKind {
    #[default]
    Order,
    Quotation,
}

impl DocumentKind {
    /// The ERP routine (`source` in the queue).
    pub fn source(self) -> &'static str {
        match self {
            DocumentKind::Order => "MATA410",
            DocumentKind::Quotation => "MATA415",
        }
    }
}

/// One line of a draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct DraftItem {
    /// The ERP's item number once known (`01`…); empty for a new line.
    pub item_id: String,
    pub product: String,
    pub description: String,
    pub unit: String,
    pub quantity: f64,
    /// The price-list price.
    pub list_price: f64,
    /// The net unit price (list price less the discount).
    pub unit_price: f64,
    /// Discount on the list price, in %.
    pub discount_pct: f64,
    /// `YYYY-MM-DD` or empty.
    pub delivery_date: String,
    /// The customer's own order number for this line.
    pub customer_order: String,
    /// Removed in an edit: sent as `isDeleted` so the ERP drops it.
    pub removed: bool,
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// A figure as the totals count it: zero when negative or not a number.
fn counted(x: f64) -> f64 {
    x.max(0.0)
}

impl DraftItem {
    /// Sets the discount and derives the unit price from the list price.
    pub fn set_discount(&mut self, pct: f64) {
        self.discount_pct = pct;
        self.unit_price = round2(self.list_price * (1.0 - pct / 100.0));
    }

    /// Sets the unit price and derives the discount (0 when priced above the list).
    pub fn set_unit_price(&mut self, price: f64) {
        self.unit_price = price;
        self.discount_pct = if self.list_price > 0.0 && price < self.list_price {
            round2((1.0 - price / self.list_price) * 100.0)
        } else {
            0.0
        };
    }

    /// Quantity × unit price; a negative or unreadable figure counts as nothing (it is
    /// refused by [`validate`], never summed into a negative total).
    pub fn amount(&self) -> f64 {
        round2(counted(self.quantity) * counted(self.unit_price))
    }
}

/// A quotation or order being written or edited.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Draft {
    pub kind: DocumentKind,
    /// Made on the device when the draft is created; the queue key, never changed (see
    /// `docs/sync.md`).
    pub external_id: String,
    /// The ERP's number (`orderid` or `budgetid`) once known; empty until then.
    pub erp_number: String,
    pub customer_code: String,
    pub customer_store: String,
    /// Quotations only: a prospect instead of a customer.
    pub prospect_code: String,
    pub prospect_store: String,
    pub price_list: String,
    pub payment_condition: String,
    pub carrier: String,
    /// `C` CIF, `F` FOB, `T` third party, `S` none.
    pub freight_type: String,
    pub operation_type: String,
    pub freight: f64,
    pub insurance: f64,
    pub expenses: f64,
    /// Header discount in %, after the item prices.
    pub discount_pct: f64,
    pub notes: String,
    /// `YYYY-MM-DD`.
    pub issue_date: String,
    pub items: Vec<DraftItem>,
}

/// The money side of a draft (taxes come from the ERP, online only).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Totals {
    /// Σ quantity × list price.
    pub gross: f64,
    /// Σ quantity × (list − unit price).
    pub item_discounts: f64,
    /// Σ quantity × unit price.
    pub net: f64,
    /// The header discount on `net`.
    pub header_discount: f64,
    /// Freight + insurance + expenses.
    pub charges: f64,
    /// `net − header_discount + charges`: the total before taxes.
    pub total: f64,
}

/// The item number after `last` (`01`…`99`, then `A0`…, as Protheus's `Soma1`).
pub fn next_item_id(last: &str) -> String {
    const DIGITS: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut chars: Vec<u8> = if last.is_empty() { b"00".to_vec() } else { last.as_bytes().to_vec() };
    for i in (0..chars.len()).rev() {
        let pos = DIGITS.iter().position(|c| *c == chars[i]).unwrap_or(0);
        if pos + 1 < DIGITS.len() {
            chars[i] = DIGITS[pos + 1];
            return String::from_utf8(chars).unwrap_or_default();
        }
        chars[i] = b'0';
    }
    String::from_utf8(chars).unwrap_or_default()
}

impl Draft {
    /// The notes as the ERP's one-line field (`C5_MENNOTA`) takes them: lines joined by a space.
    pub fn note_message(&self) -> String {
        self.notes.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ")
    }

    /// Adds a line numbered after the highest line so far. The number is chosen on the
    /// device and never changes, so an update sent later (even from offline, before the
    /// device has read the document back) changes this line instead of adding one.
    pub fn add_item(&mut self, mut item: DraftItem) {
        let last = self.items.iter().map(|i| i.item_id.as_str()).max().unwrap_or("").to_string();
        item.item_id = next_item_id(&last);
        self.items.push(item);
    }

    /// A new, empty draft with its external id (made by the caller: a UUID on the device).
    pub fn new(kind: DocumentKind, external_id: impl Into<String>) -> Draft {
        Draft { kind, external_id: external_id.into(), freight_type: "C".into(), ..Default::default() }
    }

    /// The lines that are not removed.
    pub fn live_items(&self) -> impl Iterator<Item = &DraftItem> {
        self.items.iter().filter(|i| !i.removed)
    }

    pub fn totals(&self) -> Totals {
        // Bad figures are refused by `validate`; until they are fixed they count as zero, so
        // no total is ever negative.
        let gross = round2(self.live_items().map(|i| counted(i.quantity) * counted(i.list_price)).sum());
        let net = round2(self.live_items().map(DraftItem::amount).sum());
        let header_discount = round2(net * counted(self.discount_pct).min(100.0) / 100.0);
        let charges = round2(counted(self.freight) + counted(self.insurance) + counted(self.expenses));
        Totals {
            gross,
            item_discounts: round2((gross - net).max(0.0)),
            net,
            header_discount,
            charges,
            total: round2(net - header_discount + charges),
        }
    }

    /// Whether the ERP already knows this document (an edit must carry its number).
    pub fn is_known_to_erp(&self) -> bool {
        !self.erp_number.trim().is_empty()
    }

    /// The document as the ERP reads it (§10.2): the write spellings (`paymentconditionid`
    /// with a small c, `customerid` the code only), lines removed in an edit sent by number.
    pub fn document_body(&self) -> DocumentBody {
        let number = Some(self.erp_number.clone());
        let (order_id, budget_id) = match self.kind {
            DocumentKind::Order => (number, None),
            DocumentKind::Quotation => (None, number),
        };
        let order = self.kind == DocumentKind::Order;
        let quotation_only = |s: &str| if order { String::new() } else { s.to_string() };
        let header = DocumentHeader {
            order_id,
            budget_id,
            external_id: self.external_id.clone(),
            customer: self.customer_code.clone(),
            customer_store: self.customer_store.clone(),
            prospect: quotation_only(&self.prospect_code),
            prospect_store: if self.prospect_code.is_empty() {
                String::new()
            } else {
                quotation_only(&self.prospect_store)
            },
            price_list: self.price_list.clone(),
            payment_condition: self.payment_condition.clone(),
            freight_type: self.freight_type.clone(),
            freight: self.freight.into(),
            insurance: self.insurance.into(),
            expenses: self.expenses.into(),
            discount: self.discount_pct.into(),
            currency: Num::Value(1.0),
            issue_date: self.issue_date.clone(),
            carrier: self.carrier.clone(),
            operation_type: self.operation_type.clone(),
            order_type: if order { "N".into() } else { String::new() },
            note: if order { self.note_message() } else { String::new() },
            ..Default::default()
        };
        let items = self
            .items
            .iter()
            .filter(|i| !i.removed || !i.item_id.is_empty())
            .map(|i| {
                if i.removed {
                    return DocumentLine { item_id: i.item_id.clone(), deleted: true, ..Default::default() };
                }
                DocumentLine {
                    item_id: i.item_id.clone(),
                    product: i.product.clone(),
                    description: i.description.clone(),
                    quantity: i.quantity.into(),
                    list_price: i.list_price.into(),
                    unit_price: i.unit_price.into(),
                    // The ERP wants the discount only when there is one (§10.2).
                    discount: if i.discount_pct > 0.0 { i.discount_pct.into() } else { Num::Absent },
                    delivery_date: if order { i.delivery_date.clone() } else { String::new() },
                    customer_order: if order { i.customer_order.clone() } else { String::new() },
                    deleted: false,
                }
            })
            .collect();
        DocumentBody { header, items }
    }

    /// The integration-queue body (§10.2): `{id, source, json: {header, items}}`.
    pub fn queue_body(&self) -> Value {
        json!({"id": self.external_id, "source": self.kind.source(), "json": self.document_body()})
    }
}

/// An order's state: see [`crate::release`], which owns the mapping.
pub use crate::release::OrderState;

/// A quotation's state (`CJ_STATUS`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuotationState {
    Open,
    Converted,
    Cancelled,
    Other,
}

impl QuotationState {
    pub fn of(status: &str) -> QuotationState {
        match status.trim() {
            "A" => QuotationState::Open,
            "B" => QuotationState::Converted,
            "C" => QuotationState::Cancelled,
            _ => QuotationState::Other,
        }
    }

    pub const FILTERS: [(&'static str, QuotationState); 3] =
        [("A", QuotationState::Open), ("B", QuotationState::Converted), ("C", QuotationState::Cancelled)];
}

#[cfg(test)]
mod tests;
