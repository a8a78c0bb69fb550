//! The ERP's refusals before anything is written: the customer, the prospect, the
//! reference tables, and the external id, each with Protheus-like words.

use mascate_domain::contract::DocumentHeader;
use rusqlite::{named_params, OptionalExtension};

use super::{Failure, Refused};
use crate::db::Tx;

/// The customer of a body: exists, live, not blocked, and the seller's own (the default
/// quotation customer is everyone's, for quotations).
pub fn customer(tx: &Tx, seller: &str, code: &str, store: &str, quotation: bool) -> Result<(), Failure> {
    let found: Option<(String, String)> = tx
        .conn
        .query_row(
            "SELECT status, vendor FROM customers WHERE code = :code AND store = :store AND deleted = 0",
            named_params! {":code": code, ":store": store},
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((status, vendor)) = found else {
        return Err(Refused(format!("Cliente {code}/{store} não cadastrado (REGNOIS).")).into());
    };
    let default_customer = super::is_default_quotation_customer(code, store);
    if vendor != seller && !(quotation && default_customer) {
        return Err(Refused(format!("Cliente {code}/{store} não pertence à carteira do vendedor {seller}.")).into());
    }
    if status == "1" {
        return Err(Refused(format!("Registro bloqueado para uso: Cliente {code}/{store} (REGBLOQ).")).into());
    }
    Ok(())
}

/// A quotation's prospect: exists and is the seller's.
pub fn prospect(tx: &Tx, seller: &str, code: &str, store: &str) -> Result<(), Failure> {
    let owner: Option<String> = tx
        .conn
        .query_row(
            "SELECT vendor FROM prospects WHERE code = :code AND store = :store AND deleted = 0",
            named_params! {":code": code, ":store": store},
            |r| r.get(0),
        )
        .optional()?;
    match owner {
        Some(v) if v == seller => Ok(()),
        Some(_) => Err(Refused(format!("Prospect {code}/{store} não pertence ao vendedor {seller}.")).into()),
        None => Err(Refused(format!("Prospect {code}/{store} não cadastrado (REGNOIS).")).into()),
    }
}

/// The payment condition (mandatory), price list and carrier exist and are usable.
pub fn references(tx: &Tx, header: &DocumentHeader, help: &str) -> Result<(), Failure> {
    let payment = header.payment_condition.as_str();
    if payment.is_empty() {
        return Err(
            Refused(format!("{help} - Existem campos obrigatórios em branco: Cond. Pagto (C5_CONDPAG).")).into()
        );
    }
    let status: Option<String> = tx
        .conn
        .query_row(
            "SELECT status FROM payment_conditions WHERE paymentcode = :code AND deleted = 0",
            named_params! {":code": payment},
            |r| r.get(0),
        )
        .optional()?;
    match status.as_deref() {
        None => return Err(Refused(format!("Condição de pagamento {payment} não cadastrada (REGNOIS).")).into()),
        Some("1") => {
            return Err(
                Refused(format!("Registro bloqueado para uso: Condição de pagamento {payment} (REGBLOQ).")).into()
            )
        }
        _ => {}
    }
    let list = header.price_list.as_str();
    let exists = |sql: &str, code: &str| tx.exists_named(sql, &[(":code", &code)]);
    if !list.is_empty() && !exists("SELECT 1 FROM price_lists WHERE code = :code AND deleted = 0", list)? {
        return Err(Refused(format!("Tabela de preço {list} não cadastrada (REGNOIS).")).into());
    }
    let carrier = header.carrier.as_str();
    if !carrier.is_empty() && !exists("SELECT 1 FROM carriers WHERE code = :code AND deleted = 0", carrier)? {
        return Err(Refused(format!("Transportadora {carrier} não cadastrada (REGNOIS).")).into());
    }
    Ok(())
}

/// Whether `external_id` may name a document of `seller` (the one numbered `target`, or a
/// new one): no other live order or quotation holds it, and no other seller's queue row
/// took it first (before `queued_at`, the arrival of the seller's own row, when the
/// document comes through the queue). The refusal says the id is taken, never by whom.
pub fn external_id_free(
    tx: &Tx,
    seller: &str,
    external_id: &str,
    target: Option<(&str, &str)>,
    queued_at: Option<i64>,
) -> Result<(), Failure> {
    if external_id.is_empty() {
        return Ok(());
    }
    let (table, number) = target.unwrap_or(("", ""));
    let held = tx.exists_named(
        // `externalid <> ''` lets SQLite use the partial indexes on the external id.
        "SELECT 1 FROM orders WHERE externalid = :external AND externalid <> '' AND deleted = 0
            AND NOT (:table = 'orders' AND orderid = :number)
         UNION ALL
         SELECT 1 FROM quotations WHERE externalid = :external AND externalid <> '' AND deleted = 0
            AND NOT (:table = 'quotations' AND budgetid = :number)
         UNION ALL
         SELECT 1 FROM integration_queue WHERE id = :external AND sellerid <> :seller
            AND (:queued_at IS NULL OR created_at < :queued_at)",
        &[
            (":external", &external_id),
            (":table", &table),
            (":number", &number),
            (":seller", &seller),
            (":queued_at", &queued_at),
        ],
    )?;
    if held {
        return Err(Refused(format!("Identificador externo {external_id} já utilizado por outro documento.")).into());
    }
    Ok(())
}
