//! A customer's credit as the ERP computes it for the credit block and the finance screens.

use rusqlite::{named_params, OptionalExtension};

use crate::db::Tx;

/// The customer's available credit (`A1_LC − A1_SALDUPM − A1_SALPEDL`): the limit less open
/// bills and orders not yet invoiced, to the cent; 0 for an unknown customer.
pub fn balance(tx: &Tx, code: &str, store: &str) -> rusqlite::Result<f64> {
    let balance: Option<f64> = tx
        .conn
        .query_row(
            "SELECT c.creditlimit
                - coalesce((SELECT sum(b.titlebalance) FROM bills b WHERE b.customerid = c.code
                     AND b.customerstore = c.store AND b.deleted = 0), 0)
                - coalesce((SELECT sum(i.amount) FROM orders o JOIN order_items i ON i.orderid = o.orderid
                     WHERE o.clientid = c.code AND o.storeid = c.store AND o.deleted = 0 AND i.deleted = 0
                       AND o.invoice = ''), 0)
             FROM customers c WHERE c.code = :code AND c.store = :store AND c.deleted = 0",
            named_params! {":code": code, ":store": store},
            |r| r.get(0),
        )
        .optional()?;
    Ok(balance.map(|b| (b * 100.0).round() / 100.0).unwrap_or(0.0))
}
