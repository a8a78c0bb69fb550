//! Writing a filter's items: checking the entities a seller picked, numbering them, and
//! the customers a prospects filter brings into today's customer filter.

use mascate_domain::contract::{schema, SellerFilterItem};
use rusqlite::{named_params, params, OptionalExtension};

use super::write_error;
use crate::db::Tx;
use crate::error::ApiResult;
use crate::selection::{self, new_uuid, Numbering, SelectionError};

/// Checks that every entity may be selected by this seller: customers must be theirs.
pub(super) fn check_entities(
    tx: &Tx,
    seller: &str,
    schema_id: &str,
    items: &[SellerFilterItem],
    verb: &str,
) -> ApiResult<()> {
    // Going beyond Protheus: a seller can only select what they may see.
    // Keys are code (6) + store (2), as Protheus concatenates them; looked up by the primary
    // key, so a selection of thousands stays fast.
    let (sql, what) = match schema_id {
        schema::CUSTOMERS => (
            "SELECT 1 FROM customers WHERE code = substr(:entity, 1, 6) AND store = substr(:entity, 7)
               AND vendor = :seller AND deleted = 0",
            "Cliente",
        ),
        schema::PROSPECTS => (
            "SELECT 1 FROM prospects WHERE code = substr(:entity, 1, 6) AND store = substr(:entity, 7)
               AND vendor = :seller AND deleted = 0",
            "Prospect",
        ),
        _ => ("SELECT 1 FROM products WHERE code = :entity AND deleted = 0", "Produto"),
    };
    for it in items.iter().filter(|i| !i.is_deleted) {
        let entity = it.entity_id.trim_end();
        if !tx.exists_named(sql, &[(":entity", &entity), (":seller", &seller)])? {
            let detail = if what == "Produto" {
                format!("Produto {entity} não encontrado.")
            } else {
                format!("{what} {entity} não pertence à carteira do vendedor {seller}.")
            };
            return Err(write_error(verb, detail));
        }
    }
    Ok(())
}

/// Saving a prospects filter also puts each prospect's customer (or the default quotation
/// customer, for a prospect not yet a customer) into today's customer filter (§3.2).
pub(super) fn extend_customer_filter(tx: &Tx, seller: &str, prospects_filter: &str) -> ApiResult<()> {
    let keys: Vec<String> = tx
        .conn
        .prepare_cached(
            "SELECT CASE WHEN p.customercode <> '' THEN p.customercode || p.customerstore ELSE ?2 END
             FROM seller_filter_items i JOIN prospects p ON p.code || p.store = i.entityid
             WHERE i.filter_uuid = ?1",
        )?
        .query_map(params![prospects_filter, crate::erp::default_quotation_customer_key()], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for key in keys {
        selection::add_to_todays_filter(tx, seller, schema::CUSTOMERS, &key).map_err(|e| match e {
            SelectionError::Full => write_error("incluir", e.to_string()),
            SelectionError::Db(e) => e,
        })?;
    }
    Ok(())
}

/// Applies items to a filter: add, change entity by `itemid`, or remove with `isDeleted`.
/// Items without a number are numbered after every number stored or named in the body, so
/// a new item never replaces another (see [`crate::selection`]).
pub(super) fn apply_items(tx: &Tx, uuid: &str, items: &[SellerFilterItem], verb: &str) -> ApiResult<()> {
    let bad_item = |raw: &str| {
        write_error(
            verb,
            format!("itemid inválido: '{raw}' (AQ5_ITEM: até {} caracteres, 0-9 e A-Z).", selection::ITEM_WIDTH),
        )
    };
    let full = |e: SelectionError| match e {
        SelectionError::Full => write_error(verb, e.to_string()),
        SelectionError::Db(e) => e,
    };
    let mut numbering = Numbering::of(uuid);
    let mut chosen = Vec::with_capacity(items.len());
    for it in items {
        let raw = it.item_id.trim();
        let id = if raw.is_empty() { None } else { Some(selection::item_id(raw).ok_or_else(|| bad_item(raw))?) };
        if let Some(id) = &id {
            numbering.saw(tx, id).map_err(full)?;
        }
        chosen.push(id);
    }
    let mut remove =
        tx.conn.prepare_cached("DELETE FROM seller_filter_items WHERE filter_uuid = :filter AND itemid = :item")?;
    let mut holder = tx
        .conn
        .prepare_cached("SELECT itemid FROM seller_filter_items WHERE filter_uuid = :filter AND entityid = :entity")?;
    let mut upsert = tx.conn.prepare_cached(
        "INSERT INTO seller_filter_items(filter_uuid, uuid, itemid, entityid) VALUES (:filter, :uuid, :item, :entity)
         ON CONFLICT(filter_uuid, itemid) DO UPDATE SET entityid = excluded.entityid",
    )?;
    for (it, id) in items.iter().zip(chosen) {
        if it.is_deleted {
            if let Some(id) = id {
                remove.execute(named_params! {":filter": uuid, ":item": id})?;
            }
            continue;
        }
        let entity = it.entity_id.trim_end();
        if entity.is_empty() {
            return Err(write_error(verb, "entityid não informado."));
        }
        let existing: Option<String> =
            holder.query_row(named_params! {":filter": uuid, ":entity": entity}, |r| r.get(0)).optional()?;
        // AQ5_CODENT is unique in a filter: an entity can only stay on its own item.
        if existing.as_ref().is_some_and(|other| id.as_ref() != Some(other)) {
            return Err(write_error(verb, format!("A entidade {entity} já está no filtro.")));
        }
        let id = match id {
            Some(id) => id,
            None => numbering.next(tx).map_err(full)?,
        };
        upsert.execute(named_params! {":filter": uuid, ":uuid": new_uuid(), ":item": id, ":entity": entity})?;
    }
    Ok(())
}
