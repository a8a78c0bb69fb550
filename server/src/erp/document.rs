//! One flow for orders and quotations: find the document a body means, refuse what the
//! ERP refuses, then delete it, or write its header and lines, and put it in today's filter.

use mascate_domain::contract::{DocumentBody, DocumentLine};
use rusqlite::{named_params, ToSql};

use super::kind::Kind;
use super::{checks, credit, lines, Done, Failure, Operation, Refused, DEFAULT_QUOTATION_CUSTOMER};
use crate::db::Tx;
use crate::selection::add_to_todays_filter;

/// Who asks, under which external id, and (through the queue) since when.
pub struct Request<'a> {
    pub seller: &'a str,
    pub external_id: &'a str,
    /// When the seller's own queue row for this id first arrived; `None` off the queue.
    pub queued_at: Option<i64>,
}

fn refuse<T>(message: String) -> Result<T, Failure> {
    Err(Failure::Refused(Refused(message)))
}

/// The document the body means: the number it asks for (which must be the seller's), or
/// the seller's live document made under this external id (a re-sent insert becomes an
/// update, so one id never makes two documents).
fn target(tx: &Tx, kind: &Kind, body: &DocumentBody, req: &Request) -> Result<Option<String>, Failure> {
    let asked = kind.asked(&body.header);
    if !asked.is_empty() {
        if !owned(tx, kind, req.seller, asked)? {
            return refuse(format!("{} {asked} não localizado para o vendedor {}.", kind.noun, req.seller));
        }
        return Ok(Some(asked.to_string()));
    }
    if req.external_id.is_empty() {
        return Ok(None);
    }
    Ok(made_by(tx, kind, req.seller, req.external_id)?)
}

/// Why a document cannot change any more (invoiced order, quotation no longer open).
fn frozen(tx: &Tx, kind: &Kind, number: &str, operation: Operation) -> Result<(), Failure> {
    let sql = if kind.is_order() {
        "SELECT invoice FROM orders WHERE orderid = :number"
    } else {
        "SELECT status FROM quotations WHERE budgetid = :number"
    };
    let state: String = tx.conn.prepare_cached(sql)?.query_row(named_params! {":number": number}, |r| r.get(0))?;
    let what = if operation == Operation::Delete { "excluído" } else { "alterado" };
    match (kind.is_order(), state.as_str()) {
        (true, "") | (false, "A") => Ok(()),
        (true, invoice) => refuse(format!("Pedido {number} já faturado (nota {invoice}) não pode ser {what}.")),
        (false, status) => refuse(format!("Orçamento {number} com status {status} não pode ser {what}.")),
    }
}

/// Runs one operation of `kind` for the request.
pub fn apply(tx: &Tx, kind: &Kind, operation: Operation, req: &Request, body: &DocumentBody) -> Result<Done, Failure> {
    let target = target(tx, kind, body, req)?;
    if let Some(number) = &target {
        frozen(tx, kind, number, operation)?;
    }
    if operation == Operation::Delete {
        let Some(number) = target else {
            return refuse(format!("{} com identificador {} não localizado.", kind.noun, req.external_id));
        };
        lines::delete_document(tx, kind, &number, tx.stamp())?;
        return Ok(Done { number, operation, credit_blocked: false });
    }
    let h = &body.header;
    checks::external_id_free(
        tx,
        req.seller,
        req.external_id,
        target.as_deref().map(|n| (kind.table, n)),
        req.queued_at,
    )?;
    let (mut code, mut store) = (h.customer.clone(), h.customer_store.clone());
    if !kind.is_order() && !h.prospect.is_empty() {
        checks::prospect(tx, req.seller, &h.prospect, &h.prospect_store)?;
        if code.is_empty() {
            (code, store) = (DEFAULT_QUOTATION_CUSTOMER.0.to_string(), DEFAULT_QUOTATION_CUSTOMER.1.to_string());
        }
    }
    checks::customer(tx, req.seller, &code, &store, !kind.is_order())?;
    if !kind.is_order() && super::is_default_quotation_customer(&code, &store) && h.prospect.is_empty() {
        return refuse("Informe o prospect do orçamento para o cliente padrão.".into());
    }
    checks::references(tx, h, kind.help)?;
    let (live, removed): (Vec<&DocumentLine>, Vec<&DocumentLine>) = body.items.iter().partition(|i| !i.deleted);
    let last = match &target {
        Some(number) => lines::last_item(tx, kind, number)?,
        None => String::new(),
    };
    let checked = lines::check(tx, kind, &live, &last)?;
    if checked.is_empty() && target.is_none() {
        let what = if kind.is_order() { "O pedido" } else { "O orçamento" };
        return refuse(format!("{} - {what} não possui itens.", kind.help));
    }

    let stamp = tx.stamp();
    let (number, done) = match target {
        Some(number) => (number, Operation::Update),
        None => (tx.next_number(kind.sequence, 6)?, Operation::Insert),
    };
    // A date that is no day was refused on reading (`read`): only an absent one is today.
    let issue_date = lines::date(&h.issue_date).unwrap_or_else(|| tx.today());
    let values: &[(&str, &dyn ToSql)] = &[
        (":number", &number),
        (":external", &req.external_id),
        (":seller", &req.seller),
        (":price_list", &h.price_list),
        (":payment", &h.payment_condition),
        (":issue_date", &issue_date),
        (":customer", &code),
        (":store", &store),
        (":prospect", &h.prospect),
        (":prospect_store", &h.prospect_store),
        (":freight_type", &h.freight_type),
        (":freight", &h.freight.or(0.0)),
        (":insurance", &h.insurance.or(0.0)),
        (":expenses", &h.expenses.or(0.0)),
        (":discount", &h.discount.or(0.0)),
        (":currency", &h.currency.or(1.0)),
        (":carrier", &h.carrier),
        (":release_type", &h.release_type),
        (":note", &h.note),
        (":comment", &h.comment),
        (":customer_type", &h.customer_type),
        (":stamp", &stamp),
    ];
    tx.execute_named(if done == Operation::Insert { kind.insert } else { kind.update }, values)?;
    lines::write(tx, kind, &number, &checked, &removed, &h.operation_type, stamp)?;
    let mut credit_blocked = false;
    if kind.is_order() {
        // The customer's available balance already counts this order (it is not invoiced).
        credit_blocked = credit::balance(tx, &code, &store)? < 0.0;
        tx.conn
            .prepare_cached("UPDATE orders SET liberok = 'S', creditblock = :block WHERE orderid = :number")?
            .execute(named_params! {":block": if credit_blocked { "01" } else { "" }, ":number": number})?;
    }
    add_accepted_to_filter(tx, kind, req.seller, &number)?;
    Ok(Done { number, operation: done, credit_blocked })
}

/// The ERP puts a document it accepted, and its live lines, into the seller's filter for
/// today, so the next documents sync returns them (§10.4).
fn add_accepted_to_filter(tx: &Tx, kind: &Kind, seller: &str, number: &str) -> Result<(), Failure> {
    add_to_todays_filter(tx, seller, kind.header_schema, number)?;
    let sql =
        format!("SELECT {0} || itemid || productid FROM {1} WHERE {0} = :number AND deleted = 0", kind.key, kind.items);
    let keys: Vec<String> = tx
        .conn
        .prepare_cached(&sql)?
        .query_map(named_params! {":number": number}, |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for k in keys {
        add_to_todays_filter(tx, seller, kind.item_schema, &k)?;
    }
    Ok(())
}

/// Whether the live document `number` of `kind` is the seller's to change.
fn owned(tx: &Tx, kind: &Kind, seller: &str, number: &str) -> rusqlite::Result<bool> {
    tx.exists_named(
        kind.owned,
        &[(":number", &number), (":seller", &seller), (":default_customer", &super::default_quotation_customer_key())],
    )
}

/// The live document of `kind` this seller made under `external_id`, if any.
pub fn made_by(tx: &Tx, kind: &Kind, seller: &str, external_id: &str) -> rusqlite::Result<Option<String>> {
    let sql = format!(
        "SELECT {} FROM {} WHERE externalid = :external AND externalid <> '' AND deleted = 0",
        kind.key, kind.table
    );
    let numbers: Vec<String> = tx
        .conn
        .prepare_cached(&sql)?
        .query_map(named_params! {":external": external_id}, |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for number in numbers {
        if owned(tx, kind, seller, &number)? {
            return Ok(Some(number));
        }
    }
    Ok(None)
}
