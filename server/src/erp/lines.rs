//! A document's lines as MATA410/415 check and price them, and how they are written.

use mascate_domain::contract::DocumentLine;
use rusqlite::{named_params, OptionalExtension};

use super::kind::Kind;
use super::{Failure, Refused};
use crate::db::Tx;

/// One checked, priced line.
pub struct Line {
    pub item_id: String,
    pub product: String,
    pub description: String,
    pub quantity: f64,
    pub list_price: f64,
    pub unit_price: f64,
    pub discount: f64,
    pub outflow: String,
    pub customer_order: String,
    pub delivery: String,
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

impl Line {
    pub fn amount(&self) -> f64 {
        round2(self.quantity * self.unit_price)
    }

    fn discount_amount(&self) -> f64 {
        round2((self.list_price - self.unit_price).max(0.0) * self.quantity)
    }
}

/// A date as `YYYY-MM-DD` (`yyyy-M-d` accepted); `None` if it is no real day (the
/// dictionary's rule, [`mascate_domain::dictionary::read_date`]).
pub fn date(raw: &str) -> Option<String> {
    mascate_domain::dictionary::read_date(raw)
}

/// Checks the live lines like MATA410/415 and prices them; lines without a number are
/// numbered after `last` (the document's highest item so far).
pub fn check(tx: &Tx, kind: &Kind, live: &[&DocumentLine], last: &str) -> Result<Vec<Line>, Failure> {
    let mut out = Vec::with_capacity(live.len());
    let mut last = last.to_string();
    let mut missing: Vec<String> = Vec::new();
    let mut product_of = tx.conn.prepare_cached(
        "SELECT description, status, outflowtype, price FROM products WHERE code = :code AND deleted = 0",
    )?;
    let p = kind.item_prefix;
    for item in live {
        let item_id = match item.item_id.trim() {
            "" => {
                last = mascate_domain::document::next_item_id(&last);
                last.clone()
            }
            id => {
                if id > last.as_str() {
                    last = id.to_string();
                }
                id.to_string()
            }
        };
        let code = item.product.as_str();
        let found: Option<(String, String, String, f64)> = product_of
            .query_row(named_params! {":code": code}, |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .optional()?;
        let Some((description, status, outflow, base_price)) = found else {
            return Err(Refused(format!("Produto {code} não cadastrado (REGNOIS) no item {item_id}.")).into());
        };
        if status == "1" {
            return Err(
                Refused(format!("Registro bloqueado para uso: Produto {code} (REGBLOQ) no item {item_id}.")).into()
            );
        }
        let quantity = item.quantity.or(0.0);
        let unit_price = item.unit_price.or(0.0);
        let mut blank = Vec::new();
        if quantity <= 0.0 {
            blank.push(format!("Quantidade ({p}QTDVEN)"));
        }
        if unit_price <= 0.0 {
            blank.push(format!("Prc Unitario ({p}PRCVEN)"));
        }
        if outflow.trim().is_empty() {
            blank.push(format!("Tipo de Saida ({p}TES)"));
        }
        if !blank.is_empty() {
            missing.push(format!("item {item_id} ({code}): {}", blank.join(", ")));
        }
        let list_price = item.list_price.value().filter(|p| *p > 0.0).unwrap_or(base_price);
        out.push(Line {
            item_id,
            product: code.to_string(),
            description: if item.description.is_empty() { description } else { item.description.clone() },
            quantity,
            list_price,
            unit_price,
            discount: item.discount.or(0.0),
            outflow,
            customer_order: item.customer_order.clone(),
            delivery: date(&item.delivery_date).unwrap_or_default(),
        });
    }
    if !missing.is_empty() {
        return Err(Refused(format!(
            "{} - Existem campos obrigatórios em branco ou inválidos. {}.",
            kind.help,
            missing.join("; ")
        ))
        .into());
    }
    Ok(out)
}

/// The document's highest item number so far (`""` for a new document).
pub fn last_item(tx: &Tx, kind: &Kind, number: &str) -> rusqlite::Result<String> {
    let sql = format!("SELECT coalesce(max(itemid), '') FROM {} WHERE {} = :number", kind.items, kind.key);
    tx.conn.prepare_cached(&sql)?.query_row(named_params! {":number": number}, |r| r.get(0))
}

/// Writes the checked lines, removes the ones asked, all with `stamp`.
pub fn write(
    tx: &Tx,
    kind: &Kind,
    number: &str,
    lines: &[Line],
    removed: &[&DocumentLine],
    operation_type: &str,
    stamp: i64,
) -> rusqlite::Result<()> {
    let remove = format!(
        "UPDATE {} SET deleted = 1, stamp = :stamp WHERE {} = :number AND itemid = :item",
        kind.items, kind.key
    );
    for r in removed {
        tx.execute_named(&remove, &[(":stamp", &stamp), (":number", &number), (":item", &r.item_id.trim())])?;
    }
    for l in lines {
        tx.execute_named(
            kind.upsert_line,
            &[
                (":number", &number),
                (":item", &l.item_id),
                (":product", &l.product),
                (":description", &l.description),
                (":quantity", &l.quantity),
                (":list_price", &l.list_price),
                (":unit_price", &l.unit_price),
                (":amount", &l.amount()),
                (":discount", &l.discount),
                (":discount_amount", &l.discount_amount()),
                (":outflow", &l.outflow),
                (":customer_order", &l.customer_order),
                (":delivery", &l.delivery),
                (":operation_type", &operation_type),
                (":stamp", &stamp),
            ],
        )?;
    }
    Ok(())
}

/// Marks a whole document and its lines deleted.
pub fn delete_document(tx: &Tx, kind: &Kind, number: &str, stamp: i64) -> rusqlite::Result<()> {
    for table in [kind.table, kind.items] {
        let sql = format!("UPDATE {table} SET deleted = 1, stamp = :stamp WHERE {} = :number", kind.key);
        tx.execute_named(&sql, &[(":stamp", &stamp), (":number", &number)])?;
    }
    Ok(())
}
