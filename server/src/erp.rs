//! The ERP's document engine, as MATA410 (orders) and MATA415 (quotations) behave through
//! ExecAuto: validate a `{header, items}` body ([`DocumentBody`], the type the app writes)
//! like Protheus, then insert, update or delete the document, all inside the caller's
//! transaction. The integration queue and the synchronous endpoints both come through here,
//! so they agree.
//!
//! Validation mirrors the ERP's refusals with Protheus-like messages: a number that is not
//! one or does not fit its field, an unknown or blocked customer or product, a product
//! without an outflow type (TES), blank quantity or price (the A410VZ help), an unknown
//! payment condition, an external id another document holds. A customer over their credit
//! limit does not refuse the order: it is created with a credit block, as Protheus does.
//! One flow serves both routines; what differs is data in [`kind`].

mod checks;
pub mod credit;
mod document;
mod kind;
mod lines;
mod notices;

use mascate_domain::contract::DocumentBody;
use serde_json::Value;

use crate::db::Tx;
use crate::error::{ApiError, ApiResult};
use crate::selection::SelectionError;
pub use document::Request;
pub use notices::{notice, write_notification};

/// `MV_ORCLIPD`: the default quotation customer (code, store), everyone's for quotations
/// of prospects (§4.2, §10.1); SQL reads it as `default_quotation_customer()` (see
/// [`crate::db`]).
pub use mascate_domain::document::DEFAULT_QUOTATION_CUSTOMER;

/// The default quotation customer as the tables compare it, `code || store`.
pub fn default_quotation_customer_key() -> String {
    let (code, store) = DEFAULT_QUOTATION_CUSTOMER;
    format!("{code}{store}")
}

/// Whether `code`/`store` is the default quotation customer.
pub fn is_default_quotation_customer(code: &str, store: &str) -> bool {
    (code, store) == DEFAULT_QUOTATION_CUSTOMER
}

/// Which routine a body is for (`source` in the queue).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Routine {
    /// MATA410, sales orders.
    Order,
    /// MATA415, quotations.
    Quotation,
}

impl Routine {
    pub fn from_source(source: &str) -> Option<Routine> {
        match source.trim().to_ascii_uppercase().as_str() {
            "MATA410" => Some(Routine::Order),
            "MATA415" => Some(Routine::Quotation),
            _ => None,
        }
    }

    fn noun(self) -> &'static str {
        match self {
            Routine::Order => "PEDIDO",
            Routine::Quotation => "ORÇAMENTO",
        }
    }

    fn kind(self) -> &'static kind::Kind {
        match self {
            Routine::Order => &kind::ORDER,
            Routine::Quotation => &kind::QUOTATION,
        }
    }
}

/// What the caller asked for (`A1T_TPOPER`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operation {
    Insert,
    Update,
    Delete,
}

impl Operation {
    pub fn code(self) -> &'static str {
        match self {
            Operation::Insert => "3",
            Operation::Update => "4",
            Operation::Delete => "5",
        }
    }

    pub fn from_code(code: &str) -> Operation {
        match code {
            "4" => Operation::Update,
            "5" => Operation::Delete,
            _ => Operation::Insert,
        }
    }
}

/// A successful run: the document's number and what actually happened.
#[derive(Debug, Clone, PartialEq)]
pub struct Done {
    pub number: String,
    pub operation: Operation,
    /// The order was created or changed, but is held by a credit block.
    pub credit_blocked: bool,
}

/// A refusal, with the ERP's words.
#[derive(Debug, Clone, PartialEq)]
pub struct Refused(pub String);

pub(crate) type Outcome = Result<Done, Refused>;

/// A database failure is not a business refusal; it aborts the transaction.
#[derive(Debug)]
pub enum Failure {
    Refused(Refused),
    Db(ApiError),
}

impl From<rusqlite::Error> for Failure {
    fn from(e: rusqlite::Error) -> Self {
        Failure::Db(e.into())
    }
}

impl From<ApiError> for Failure {
    fn from(e: ApiError) -> Self {
        Failure::Db(e)
    }
}

impl From<SelectionError> for Failure {
    fn from(e: SelectionError) -> Self {
        match e {
            SelectionError::Full => Failure::Refused(Refused(e.to_string())),
            SelectionError::Db(e) => Failure::Db(e),
        }
    }
}

impl From<Refused> for Failure {
    fn from(r: Refused) -> Self {
        Failure::Refused(r)
    }
}

/// Reads a `{header, items}` document, refusing one whose shape is wrong or whose numbers
/// are impossible (`NaN`, `±inf`, past the field widths), naming the field.
pub fn read(document: &Value) -> Result<DocumentBody, Refused> {
    if !document.get("header").is_some_and(Value::is_object) {
        return Err(Refused("Falha ao converter campo JsonRecebido: header não informado.".into()));
    }
    let body: DocumentBody = serde_json::from_value(document.clone())
        .map_err(|e| Refused(format!("Falha ao converter campo JsonRecebido: {e}.")))?;
    body.check_numbers().map_err(|p| Refused(p.message))?;
    mascate_domain::dictionary::check_document(&body).map_err(|p| Refused(p.message))?;
    Ok(body)
}

/// Runs an order or quotation operation for the request. Business refusals come back as
/// `Ok(Err(Refused))`, so the caller can record them inside the same transaction;
/// database failures are `Err`.
pub fn run(
    tx: &Tx,
    routine: Routine,
    operation: Operation,
    request: &Request,
    body: &DocumentBody,
) -> ApiResult<Outcome> {
    match document::apply(tx, routine.kind(), operation, request, body) {
        Ok(done) => Ok(Ok(done)),
        Err(Failure::Refused(r)) => Ok(Err(r)),
        Err(Failure::Db(e)) => Err(e),
    }
}

/// The live document this seller made under `external_id` (`MATA410` or `MATA415`), if any.
pub fn made_by(tx: &Tx, seller: &str, external_id: &str) -> rusqlite::Result<Option<Routine>> {
    for routine in [Routine::Order, Routine::Quotation] {
        if document::made_by(tx, routine.kind(), seller, external_id)?.is_some() {
            return Ok(Some(routine));
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item_numbers_follow_soma1() {
        assert_eq!(mascate_domain::document::next_item_id(""), "01");
        assert_eq!(mascate_domain::document::next_item_id("09"), "0A");
        assert_eq!(mascate_domain::document::next_item_id("0Z"), "10");
        assert_eq!(mascate_domain::document::next_item_id("98"), "99");
        assert_eq!(mascate_domain::document::next_item_id("99"), "9A");
    }

    #[test]
    fn dates_are_read_leniently() {
        assert_eq!(lines::date("2026-1-5").as_deref(), Some("2026-01-05"));
        assert_eq!(lines::date("2026-13-01"), None);
    }

    #[test]
    fn bodies_with_impossible_numbers_are_refused_naming_the_field() {
        let body = serde_json::json!({"header": {}, "items": [{"productid": "P1", "quantity": "NaN"}]});
        assert!(read(&body).unwrap_err().0.contains("quantity"));
        assert!(read(&serde_json::json!({"items": []})).is_err(), "no header");
    }

    #[test]
    fn notices_read_like_protheus() {
        use super::notices::notice;
        let ok = Ok(Done { number: "000123".into(), operation: Operation::Insert, credit_blocked: false });
        let (title, desc, mov) = notice(Routine::Order, Operation::Insert, "X-1", &ok);
        assert_eq!((title.as_str(), mov), ("Pedido incluído com sucesso: 000123", 7));
        assert_eq!(desc, "Pedido 000123 foi integrado com sucesso.");
        let bad = Err(Refused("A410VZ - ...".into()));
        let (title, desc, mov) = notice(Routine::Quotation, Operation::Insert, "X-2", &bad);
        assert_eq!((title.as_str(), mov), ("Falha ao incluir Orçamento", 14));
        assert_eq!(desc, "ORÇAMENTO X-2\r\nA410VZ - ...");
    }
}
