//! Serde models of the sales-portal REST contract (`shared/tgv-api.md`).
//!
//! Field names in Rust are plain English; the ERP's property spellings live only in the
//! `#[serde(rename)]` attributes. Every model tolerates missing and unknown keys, because a
//! real Protheus may leave columns out or add custom ones.

use serde::{Deserialize, Serialize};

use crate::text::decode_entities;

pub mod account;
pub mod agenda;
mod catalog;
mod customer_extras;
mod customer_sheets;
pub mod document_body;
mod documents;
mod finance;
mod invoice_detail;
mod releases;
mod sales;

pub use account::{Account, AccountPatch, PasswordChange, PasswordPolicy, PolicyText, SellerProfile};
pub use agenda::{Agenda, AgendaEntry, Task, TaskBody, TaskNote, TaskNoteBody, Visit};
pub use catalog::{Carrier, OperationType, PaymentCondition, PriceList, PriceListItem, Product, Prospect, Stock};
pub use customer_extras::{CreditNote, Currency, HeldStock, PaidBill, ProductionOrder};
pub use customer_sheets::{CreditSheet, FinancialSheet};
pub use document_body::{DocumentBody, DocumentHeader, DocumentLine, Num};
pub use documents::{DocumentItem, Invoice, Order, QueueRow, Quotation};
pub use finance::{Bill, FinancialStatus, HomeCard, HomeChart, Notification, TaxLine, Taxes};
pub use invoice_detail::{Installment, InvoiceDetail, InvoiceItem, InvoiceTotals, ItemTaxes, Place, Tax, Volumes};
pub use releases::ReleaseRow;
pub use sales::{Contact, Figures, InvoiceRow, LastPurchase, Statistics, StatisticsMonth, StatisticsRow};

/// Whether the ERP's error `status` says "not now" rather than "no": nothing was done, and
/// the same request may well succeed later. Too soon or too many (408, 425,
/// 429), and the server's own trouble (5xx: 503 is Protheus's tables locked for a routine,
/// 507 a full disk, 502 and 504 a gateway) but 501, which waiting does not change. Sending a
/// document again is safe: the queue makes one per external id (§10).
pub fn answer_is_temporary(status: u16) -> bool {
    matches!(status, 408 | 425 | 429) || ((500..600).contains(&status) && status != 501)
}

/// `POST /api/oauth2/v1/token` success (§2.1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TokenResponse {
    pub access_token: String,
    #[serde(default)]
    pub refresh_token: String,
    #[serde(default)]
    pub scope: String,
    #[serde(default)]
    pub token_type: String,
    /// Seconds the access token lives.
    #[serde(default)]
    pub expires_in: u64,
}

/// The list, sync and diff envelope (§1.3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListEnvelope<T> {
    #[serde(default = "Vec::new")]
    pub items: Vec<T>,
    #[serde(rename = "hasNext", default)]
    pub has_next: bool,
    /// Server time of the read; the next `dateSync`. Absent on some lists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub po_sync_date: Option<String>,
}

/// Any of the contract's error shapes (§1.7), read tolerantly.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ErrorBody {
    /// A number in most shapes, a string in FWAPIManager's.
    #[serde(default, skip_serializing_if = "serde_json::Value::is_null")]
    pub code: serde_json::Value,
    #[serde(default, skip_serializing_if = "Option::is_none", rename = "type")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none", rename = "detailedMessage")]
    pub detailed_message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none", rename = "helpUrl")]
    pub help_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none", rename = "errorMessage")]
    pub error_message: Option<String>,
}

impl ErrorBody {
    /// The error in the contract's common shape.
    pub fn new(code: u16, message: impl Into<String>) -> Self {
        ErrorBody { code: code.into(), message: Some(message.into()), ..Default::default() }
    }

    /// The TGV helper shape with `type: "error"` and a detail.
    pub fn detailed(code: u16, message: impl Into<String>, detail: impl Into<String>) -> Self {
        ErrorBody { kind: Some("error".into()), detailed_message: Some(detail.into()), ..Self::new(code, message) }
    }

    /// The message people should read, entities decoded.
    pub fn text(&self) -> String {
        let raw = self.message.as_deref().or(self.error_message.as_deref()).unwrap_or("");
        decode_entities(raw)
    }

    /// The ERP's detail, if any, entities decoded.
    pub fn detail(&self) -> Option<String> {
        self.detailed_message.as_deref().filter(|d| !d.is_empty()).map(decode_entities)
    }
}

/// `GET /api/tgv/sellers/codeuser` item (§2.2).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Seller {
    #[serde(rename = "branchid")]
    pub branch: String,
    pub code: String,
    pub name: String,
    #[serde(rename = "shortname")]
    pub short_name: String,
    pub email: String,
    #[serde(rename = "intercallcode")]
    pub country_calling_code: String,
    #[serde(rename = "areacode")]
    pub area_code: String,
    pub phone: String,
    #[serde(rename = "cellphone")]
    pub cell_phone: String,
    #[serde(rename = "internalid")]
    pub internal_id: String,
    #[serde(rename = "isseller")]
    pub is_seller: bool,
    #[serde(rename = "canaccessprotecteddata")]
    pub can_access_protected_data: bool,
    #[serde(rename = "isadmin")]
    pub is_admin: bool,
    #[serde(rename = "userid")]
    pub user_id: String,
}

/// A customer (SA1, §4.1).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Customer {
    /// Opaque `branch+code+store`; may start with spaces.
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deleted: Option<bool>,
    pub branch: String,
    pub code: String,
    pub store: String,
    pub name: String,
    #[serde(rename = "fantasy")]
    pub trade_name: String,
    #[serde(rename = "municipalregistration")]
    pub municipal_registration: String,
    #[serde(rename = "estadualregistration")]
    pub state_registration: String,
    /// F final consumer, L rural producer, R reseller, S solidary, X export.
    #[serde(rename = "customertype")]
    pub customer_type: String,
    /// F person, J company.
    #[serde(rename = "persontype")]
    pub person_type: String,
    /// CNPJ or CPF, digits only.
    #[serde(rename = "cgc")]
    pub tax_id: String,
    #[serde(rename = "paymentconditioninternalid")]
    pub payment_condition_internal_id: String,
    #[serde(rename = "paymentconditions")]
    pub payment_condition: String,
    #[serde(rename = "pricelistinternalid")]
    pub price_list_internal_id: String,
    #[serde(rename = "pricelist")]
    pub price_list: String,
    pub cnae: String,
    /// The seller who owns the customer.
    #[serde(rename = "vendor")]
    pub seller_code: String,
    /// That seller's name (`A3_NOME`), a Mascate extension: absent from a plain Protheus.
    #[serde(rename = "sellername", default, skip_serializing_if = "String::is_empty")]
    pub seller_name: String,
    #[serde(rename = "citycode")]
    pub city_code: String,
    pub city: String,
    pub neighborhood: String,
    pub address: String,
    #[serde(rename = "addresscomplement")]
    pub address_complement: String,
    #[serde(rename = "zipcode")]
    pub zip_code: String,
    /// The state (unidade federativa), e.g. `SP`.
    pub uf: String,
    #[serde(rename = "ufdescription")]
    pub uf_name: String,
    pub ddi: String,
    pub ddd: String,
    pub phone: String,
    pub email: String,
    pub country: String,
    #[serde(rename = "countrydescription")]
    pub country_name: String,
    pub contact: String,
    /// A (best) to E.
    pub risk: String,
    #[serde(rename = "creditlimit")]
    pub credit_limit: f64,
    #[serde(rename = "lastpurchase")]
    pub last_purchase: String,
    #[serde(rename = "inclusiondate")]
    pub inclusion_date: String,
    /// `1` blocked, `2` active.
    pub status: String,
    #[serde(rename = "freighttype")]
    pub freight_type: String,
    pub carrier: String,
    #[serde(rename = "carrierinternalid")]
    pub carrier_internal_id: String,
}

impl Customer {
    pub fn is_blocked(&self) -> bool {
        self.status.trim() == "1"
    }

    /// The key the seller filters use (`code+store`, §3.2).
    pub fn entity_id(&self) -> String {
        format!("{}{}", self.code, self.store)
    }
}

/// A seller filter header (AQ4, §3.2).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SellerFilterHeader {
    #[serde(rename = "branchid")]
    pub branch: String,
    pub uuid: String,
    #[serde(rename = "sellerid")]
    pub seller_code: String,
    #[serde(rename = "schemaid")]
    pub schema_id: String,
    #[serde(rename = "inclusiondate")]
    pub date: String,
}

/// A seller filter item (AQ5, §3.2).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SellerFilterItem {
    #[serde(rename = "branchid", skip_serializing_if = "String::is_empty")]
    pub branch: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub uuid: String,
    #[serde(rename = "itemid", skip_serializing_if = "String::is_empty")]
    pub item_id: String,
    #[serde(rename = "entityid")]
    pub entity_id: String,
    #[serde(rename = "isDeleted", skip_serializing_if = "std::ops::Not::not")]
    pub is_deleted: bool,
}

/// `POST/PUT /api/pgv/sellerfilters` body.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SellerFilterBody {
    pub header: SellerFilterHeader,
    pub items: Vec<SellerFilterItem>,
}

/// Schema codes (A1V_CODIGO) the seller filters are keyed by.
pub mod schema {
    pub const NOTIFICATIONS: &str = "000001";
    pub const CUSTOMERS: &str = "000002";
    pub const CONTACTS: &str = "000003";
    pub const FINANCIAL_STATUS: &str = "000005";
    pub const PRICE_LIST_HEADERS: &str = "000006";
    pub const PRICE_LIST_ITEMS: &str = "000007";
    pub const PAYMENT_CONDITIONS: &str = "000008";
    pub const ORDERS: &str = "000009";
    pub const ORDER_ITEMS: &str = "000010";
    pub const CARRIERS: &str = "000011";
    pub const PRODUCTS: &str = "000012";
    pub const PRODUCT_BALANCE: &str = "000013";
    pub const INTEGRATION_QUEUE: &str = "000014";
    pub const PROSPECTS: &str = "000016";
    pub const QUOTATIONS: &str = "000017";
    pub const QUOTATION_ITEMS: &str = "000018";
}

/// Mascate's own discovery endpoint (`GET /api/mascate/v1/about`), served only by the
/// stand-in server; a real Protheus answers 404 and the app simply shows no demo logins.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ServerAbout {
    pub demo: bool,
    pub logins: Vec<DemoLogin>,
}

/// A demo seller's credentials, shown on the login page in demo mode.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DemoLogin {
    pub username: String,
    pub password: String,
    pub name: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn envelope_tolerates_missing_and_unknown_keys() {
        let e: ListEnvelope<Customer> =
            serde_json::from_value(json!({"items":[{"id":"  00000101","cgc":"1","x_custom":1}],"remainingRecords":3}))
                .unwrap();
        assert!(!e.has_next);
        assert_eq!(e.po_sync_date, None);
        assert_eq!(e.items[0].id, "  00000101");
        assert_eq!(e.items[0].tax_id, "1");
    }

    #[test]
    fn customer_uses_contract_spellings_on_the_wire() {
        let c = Customer { trade_name: "Fantasia".into(), seller_code: "000001".into(), ..Default::default() };
        let v = serde_json::to_value(&c).unwrap();
        assert_eq!(v["fantasy"], "Fantasia");
        assert_eq!(v["vendor"], "000001");
        assert!(v.get("deleted").is_none());
        assert_eq!(v["paymentconditions"], "");
    }

    #[test]
    fn error_shapes_all_read() {
        let a: ErrorBody = serde_json::from_value(json!({"code":401,"message":"Usu&#225;rio inv&#225;lido"})).unwrap();
        assert_eq!(a.text(), "Usuário inválido");
        let b: ErrorBody =
            serde_json::from_value(json!({"errorCode":400,"errorMessage":"Codigo do Cliente invalido"})).unwrap();
        assert_eq!(b.text(), "Codigo do Cliente invalido");
        let c: ErrorBody =
            serde_json::from_value(json!({"code":"400","message":"x","detailedMessage":"A410VZ"})).unwrap();
        assert_eq!(c.detail().as_deref(), Some("A410VZ"));
        assert_eq!(
            serde_json::to_value(ErrorBody::detailed(403, "m", "d")).unwrap(),
            json!({"code":403,"type":"error","message":"m","detailedMessage":"d"})
        );
    }
}
