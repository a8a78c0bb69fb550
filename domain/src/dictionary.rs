//! The ERP's data dictionary (SX3) for every text a client writes: each property's ERP
//! field, size, type and allowed characters, as this stand-in defines them. The server
//! refuses what does not fit with a 400 naming the property; the app's forms check the same
//! rules as the rep types; the OpenAPI document states them (`maxLength`, `pattern`).
//!
//! ```
//! use mascate_domain::dictionary::{self, Problem};
//! assert_eq!(dictionary::ITEM_ID.problem("ZZZZ"), Some(Problem::TooLong));
//! assert_eq!(dictionary::NOTE_MESSAGE.problem("a\u{202e}b"), Some(Problem::BadChars));
//! assert_eq!(dictionary::ISSUE_DATE.problem("31/02/2026"), Some(Problem::BadDate));
//! ```

use crate::contract::DocumentBody;

/// What a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Text in one line: no control characters, no bidirectional overrides.
    Text,
    /// Text that may break lines and hold tabs (a memo).
    Memo,
    /// A key: ASCII letters, digits, `.`, `-`, `_`.
    Code,
    /// An item number: digits and capital letters (`01`…`99`, `9A`…`ZZ`, Protheus's Soma1).
    Sequence,
    /// A day: `YYYY-MM-DD` (`yyyy-M-d` read too), a real one, years 1900 to 2199.
    Date,
}

/// One property and its ERP field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    /// The JSON property.
    pub name: &'static str,
    /// The ERP field(s), for the message.
    pub erp: &'static str,
    /// Most characters.
    pub size: usize,
    pub kind: Kind,
}

/// Why a value does not fit its field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    TooLong,
    BadChars,
    BadDate,
}

impl Problem {
    /// The code the forms translate: `too_long`, `bad_chars`, `bad_date`.
    pub fn code(self) -> &'static str {
        match self {
            Problem::TooLong => "too_long",
            Problem::BadChars => "bad_chars",
            Problem::BadDate => "bad_date",
        }
    }
}

/// A value refused, with the property it came in (`itemid do item 2`), for a 400.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    pub field: String,
    pub message: String,
}

impl std::fmt::Display for FieldProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// Characters no text may hold: controls (but line breaks and tabs in a memo) and the
/// bidirectional marks and overrides that make text read other than it is stored.
pub fn forbidden(c: char, multiline: bool) -> bool {
    let bidi = matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    bidi || (c.is_control() && !(multiline && matches!(c, '\n' | '\r' | '\t')))
}

/// A day as `YYYY-MM-DD` from `YYYY-MM-DD` or `yyyy-M-d`, if it is a real one (1900–2199).
pub fn read_date(raw: &str) -> Option<String> {
    let mut p = raw.trim().split('-');
    let (y, m, d) = (p.next()?, p.next()?, p.next()?);
    let digits =
        |s: &str, n: std::ops::RangeInclusive<usize>| n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    if p.next().is_some() || !digits(y, 4..=4) || !digits(m, 1..=2) || !digits(d, 1..=2) {
        return None;
    }
    let iso = format!("{y}-{:0>2}-{:0>2}", m, d);
    (("1900".."2200").contains(&y) && crate::timestamp::add_days(&iso, 0).as_deref() == Some(iso.as_str()))
        .then_some(iso)
}

impl Field {
    /// What is wrong with `value` (trailing spaces are padding); `None` when it fits. Empty
    /// always fits: whether a field is required is the form's and the ERP's business.
    pub fn problem(&self, value: &str) -> Option<Problem> {
        let value = value.trim_end();
        if value.is_empty() {
            return None;
        }
        if self.kind == Kind::Date {
            return read_date(value).is_none().then_some(Problem::BadDate);
        }
        if value.chars().count() > self.size {
            return Some(Problem::TooLong);
        }
        let fits = match self.kind {
            Kind::Text => !value.chars().any(|c| forbidden(c, false)),
            Kind::Memo => !value.chars().any(|c| forbidden(c, true)),
            Kind::Code => value.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_')),
            Kind::Sequence => value.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_uppercase()),
            Kind::Date => true,
        };
        (!fits).then_some(Problem::BadChars)
    }

    /// The refusal's words, in pt-BR, naming `label` (the property, maybe with its line).
    pub fn message(&self, label: &str, problem: Problem) -> String {
        let (name, erp, size) = (label, self.erp, self.size);
        match (problem, self.kind) {
            (Problem::TooLong, _) => format!("Campo {name} ({erp}): no máximo {size} caracteres."),
            (Problem::BadDate, _) => format!("Campo {name} ({erp}): uma data real no formato AAAA-MM-DD."),
            (Problem::BadChars, Kind::Code) => format!("Campo {name} ({erp}): só letras, dígitos, '.', '-' e '_'."),
            (Problem::BadChars, Kind::Sequence) => format!("Campo {name} ({erp}): só dígitos e letras maiúsculas."),
            (Problem::BadChars, _) => {
                format!("Campo {name} ({erp}): caracteres de controle ou de direção do texto não são aceitos.")
            }
        }
    }

    /// `value` checked, the refusal naming `label`.
    pub fn check_as(&self, label: &str, value: &str) -> Result<(), FieldProblem> {
        match self.problem(value) {
            None => Ok(()),
            Some(p) => Err(FieldProblem { field: label.to_string(), message: self.message(label, p) }),
        }
    }

    /// `value` checked, the refusal naming the property.
    pub fn check(&self, value: &str) -> Result<(), FieldProblem> {
        self.check_as(self.name, value)
    }

    /// The rule as a regular expression (for OpenAPI's `pattern`; ECMA and Python alike).
    pub fn pattern(&self) -> &'static str {
        match self.kind {
            Kind::Text => r"^[^\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]*$",
            Kind::Memo => r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]*$",
            Kind::Code => r"^[A-Za-z0-9._-]*\s*$",
            Kind::Sequence => r"^[0-9A-Z]*\s*$",
            Kind::Date => r"^(\d{4}-\d{1,2}-\d{1,2})?\s*$",
        }
    }
}

const fn field(name: &'static str, erp: &'static str, size: usize, kind: Kind) -> Field {
    Field { name, erp, size, kind }
}

// Orders (SC5/SC6) and quotations (SCJ/SCK).
pub const ORDER_ID: Field = field("orderid", "C5_NUM", 6, Kind::Code);
pub const BUDGET_ID: Field = field("budgetid", "CJ_NUM", 6, Kind::Code);
pub const EXTERNAL_ID: Field = field("externalid", "C5_NUMEXT/CJ_NUMEXT", 50, Kind::Text);
pub const CUSTOMER_ID: Field = field("customerid", "C5_CLIENTE/CJ_CLIENTE", 6, Kind::Code);
pub const CUSTOMER_STORE: Field = field("customerstore", "C5_LOJACLI/CJ_LOJA", 2, Kind::Code);
pub const PROSPECT_ID: Field = field("prospectid", "CJ_PROSPE", 6, Kind::Code);
pub const PROSPECT_STORE: Field = field("prospectstore", "CJ_LOJPRO", 2, Kind::Code);
pub const PRICE_LIST: Field = field("pricelistid", "C5_TABELA/CJ_TABELA", 3, Kind::Code);
pub const PAYMENT_CONDITION: Field = field("paymentconditionid", "C5_CONDPAG/CJ_CONDPAG", 3, Kind::Code);
pub const FREIGHT_TYPE: Field = field("freighttype", "C5_TPFRETE/CJ_TPFRETE", 1, Kind::Code);
pub const ISSUE_DATE: Field = field("issuedate", "C5_EMISSAO/CJ_EMISSAO", 10, Kind::Date);
pub const CARRIER: Field = field("carriercode", "C5_TRANSP", 6, Kind::Code);
pub const OPERATION_TYPE: Field = field("typeofoperation", "C6_OPER/CK_OPER", 2, Kind::Code);
pub const ORDER_TYPE: Field = field("ordertype", "C5_TIPO", 1, Kind::Code);
pub const NOTE_MESSAGE: Field = field("notemessage", "C5_MENNOTA", 120, Kind::Text);
pub const ORDER_COMMENT: Field = field("ordercomment", "C5_COMENT", 2000, Kind::Memo);
pub const RELEASE_TYPE: Field = field("releasetype", "C5_TIPLIB/CJ_TIPLIB", 1, Kind::Code);
pub const CUSTOMER_TYPE: Field = field("customertype", "C5_TIPOCLI/CJ_TIPOCLI", 1, Kind::Code);
pub const ITEM_ID: Field = field("itemid", "C6_ITEM/CK_ITEM", 2, Kind::Sequence);
pub const PRODUCT_ID: Field = field("productid", "C6_PRODUTO/CK_PRODUTO", 15, Kind::Code);
pub const DESCRIPTION: Field = field("description", "C6_DESCRI/CK_DESCRI", 60, Kind::Text);
pub const DELIVERY_DATE: Field = field("deliverydate", "C6_ENTREG/CK_ENTREG", 10, Kind::Date);
pub const CUSTOMER_ORDER: Field = field("customerorder", "C6_PEDCLI/CK_PEDCLI", 9, Kind::Text);

/// A document's header fields, in the body's order.
pub const DOCUMENT_HEADER: [Field; 18] = [
    ORDER_ID,
    BUDGET_ID,
    EXTERNAL_ID,
    CUSTOMER_ID,
    CUSTOMER_STORE,
    PROSPECT_ID,
    PROSPECT_STORE,
    PRICE_LIST,
    PAYMENT_CONDITION,
    FREIGHT_TYPE,
    ISSUE_DATE,
    CARRIER,
    OPERATION_TYPE,
    ORDER_TYPE,
    NOTE_MESSAGE,
    ORDER_COMMENT,
    RELEASE_TYPE,
    CUSTOMER_TYPE,
];
/// A document line's fields.
pub const DOCUMENT_LINE: [Field; 5] = [ITEM_ID, PRODUCT_ID, DESCRIPTION, DELIVERY_DATE, CUSTOMER_ORDER];

// A customer's contacts (SU5 through AC8).
pub const CONTACT_NAME: Field = field("name", "U5_CONTAT", crate::contact::NAME_MAX, Kind::Text);
pub const CONTACT_ROLE: Field = field("role", "U5_FUNCAO", crate::contact::ROLE_MAX, Kind::Text);
pub const CONTACT_EMAIL: Field = field("email", "U5_EMAIL", crate::contact::EMAIL_MAX, Kind::Text);
pub const CONTACT_DDD: Field = field("ddd", "U5_DDD", 3, Kind::Text);
pub const CONTACT_PHONE: Field = field("phone", "U5_FONE", 15, Kind::Text);
pub const CONTACT_CELL: Field = field("cellphone", "U5_CELULAR", 15, Kind::Text);
pub const CONTACT_CUSTOMER: Field = field("customerid", "AC8_CODENT", 6, Kind::Code);
pub const CONTACT_STORE: Field = field("customerstore", "AC8_CODENT", 2, Kind::Code);
pub const CONTACT: [Field; 8] = [
    CONTACT_NAME,
    CONTACT_ROLE,
    CONTACT_EMAIL,
    CONTACT_DDD,
    CONTACT_PHONE,
    CONTACT_CELL,
    CONTACT_CUSTOMER,
    CONTACT_STORE,
];

// The rep's tasks (AOF) and their notes.
pub const TASK_CUSTOMER: Field = field("customerid", "AOF_CODENT", 6, Kind::Code);
pub const TASK_STORE: Field = field("customerstore", "AOF_LOJENT", 2, Kind::Code);
pub const TASK_SUBJECT: Field = field("subject", "AOF_ASSUNT", crate::task::SUBJECT_MAX, Kind::Text);
pub const TASK_DUE_DATE: Field = field("duedate", "AOF_DTFIM", 10, Kind::Date);
pub const TASK_NOTES: Field = field("notes", "AOF_DESCRI", crate::task::NOTES_MAX, Kind::Memo);
pub const TASK: [Field; 5] = [TASK_CUSTOMER, TASK_STORE, TASK_SUBJECT, TASK_DUE_DATE, TASK_NOTES];
pub const TASK_NOTE_TEXT: Field = field("text", "AOF_DESCRI", crate::task::NOTES_MAX, Kind::Memo);

/// Every text of a document body against the dictionary, the first problem named with its
/// property (and its line: `itemid da linha 2`). Removed lines are checked too: their
/// `itemid` still goes to the ERP.
pub fn check_document(body: &DocumentBody) -> Result<(), FieldProblem> {
    let h = &body.header;
    let header = [
        h.order_id.as_deref().unwrap_or(""),
        h.budget_id.as_deref().unwrap_or(""),
        &h.external_id,
        &h.customer,
        &h.customer_store,
        &h.prospect,
        &h.prospect_store,
        &h.price_list,
        &h.payment_condition,
        &h.freight_type,
        &h.issue_date,
        &h.carrier,
        &h.operation_type,
        &h.order_type,
        &h.note,
        &h.comment,
        &h.release_type,
        &h.customer_type,
    ];
    for (f, value) in DOCUMENT_HEADER.iter().zip(header) {
        f.check(value)?;
    }
    for (n, l) in body.items.iter().enumerate() {
        let line = [&l.item_id, &l.product, &l.description, &l.delivery_date, &l.customer_order];
        for (f, value) in DOCUMENT_LINE.iter().zip(line) {
            f.check_as(&format!("{} da linha {}", f.name, n + 1), value)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_refuses_what_the_erp_would() {
        assert_eq!(NOTE_MESSAGE.problem(&"x".repeat(120)), None);
        assert_eq!(NOTE_MESSAGE.problem(&"é".repeat(121)), Some(Problem::TooLong));
        for bad in ["a\0b", "a\u{1b}[31mb", "a\u{202e}b", "a\nb", "\u{2066}x"] {
            assert_eq!(NOTE_MESSAGE.problem(bad), Some(Problem::BadChars), "{bad:?}");
        }
        assert_eq!(ORDER_COMMENT.problem("linha 1\r\nlinha 2\tfim"), None);
        assert_eq!(ORDER_COMMENT.problem("a\0"), Some(Problem::BadChars));
        assert_eq!(CUSTOMER_ID.problem("000002"), None);
        assert_eq!(CUSTOMER_ID.problem("00 02"), Some(Problem::BadChars));
        assert_eq!(ITEM_ID.problem("9A"), None);
        assert_eq!(ITEM_ID.problem("9a"), Some(Problem::BadChars));
        assert_eq!(ITEM_ID.problem(&"1".repeat(4000)), Some(Problem::TooLong));
        assert_eq!(CUSTOMER_ID.problem("000002  "), None, "trailing padding is no character");
    }

    #[test]
    fn dates_are_real_days() {
        assert_eq!(read_date("2026-2-3").as_deref(), Some("2026-02-03"));
        assert_eq!(read_date("2028-02-29").as_deref(), Some("2028-02-29"));
        for bad in ["2026-02-29", "31/12/2026", "2026-13-01", "hoje", "1899-12-31", "2026-01-01x", "+2026-1-1"] {
            assert_eq!(read_date(bad), None, "{bad}");
            assert_eq!(ISSUE_DATE.problem(bad), Some(Problem::BadDate), "{bad}");
        }
        assert_eq!(ISSUE_DATE.problem(""), None, "absent: the ERP's today");
    }

    #[test]
    fn a_document_names_the_field_and_its_line() {
        let mut body = DocumentBody::default();
        body.items.push(Default::default());
        body.items.push(crate::contract::DocumentLine { item_id: "ZZZZ".into(), ..Default::default() });
        let p = check_document(&body).unwrap_err();
        assert_eq!(p.field, "itemid da linha 2");
        assert!(p.message.contains("C6_ITEM") && p.message.contains('2'), "{}", p.message);
        body.items.clear();
        body.header.issue_date = "amanhã".into();
        assert_eq!(check_document(&body).unwrap_err().field, "issuedate");
    }
}
