//! What the ERP tells the seller after a run (§10.4, §12): the notification's words and
//! writing it.

use rusqlite::named_params;

use super::{Operation, Outcome, Refused, Routine};
use crate::db::Tx;
use crate::error::ApiResult;

/// The notification the ERP writes after a run (§10.4, §12): title, description, movement.
pub fn notice(routine: Routine, asked: Operation, external_id: &str, outcome: &Outcome) -> (String, String, i64) {
    let (doc, doc_title, base) = match routine {
        Routine::Order => ("Pedido", "Pedido de venda", 7),
        Routine::Quotation => ("Orçamento", "Orçamento", 11),
    };
    match outcome {
        Ok(done) => {
            let (verb, offset) = match done.operation {
                Operation::Insert => ("incluído", 0),
                Operation::Update => ("alterado", 1),
                Operation::Delete => ("excluído", 2),
            };
            let mut description = format!("{doc} {} foi integrado com sucesso.", done.number);
            if done.credit_blocked {
                description.push_str(" Bloqueado por crédito: aguarda liberação financeira.");
            }
            (format!("{doc} {verb} com sucesso: {}", done.number), description, base + offset)
        }
        Err(Refused(reason)) => {
            let title = match asked {
                Operation::Insert => format!("Falha ao incluir {doc_title}"),
                Operation::Update => format!("Falha ao Alterar {doc_title}: {external_id}"),
                Operation::Delete => format!("Falha ao Excluir {doc_title}: {external_id}"),
            };
            (title, format!("{} {external_id}\r\n{reason}", routine.noun()), base + 3)
        }
    }
}

/// Writes a notification for `userid` (the queue's success and failure messages).
pub fn write_notification(
    tx: &Tx,
    userid: &str,
    title: &str,
    description: &str,
    kind: &str,
    movement: i64,
) -> ApiResult<String> {
    let id = tx.next_number("notification", 6)?;
    let now = tx.clock.now_micros();
    let iso = mascate_domain::timestamp::format_iso(now);
    tx.conn
        .prepare_cached(
            "INSERT INTO notifications(id, title, description, type, userid, notificationdate, notificationtime,
            notificationstatus, movimentationstatus, stamp)
         VALUES (:id, :title, :description, :kind, :user, :date, :time, '1', :movement, :stamp)",
        )?
        .execute(
            named_params! {":id": id, ":title": title, ":description": description, ":kind": kind, ":user": userid,
            ":date": &iso[0..10], ":time": &iso[11..16], ":movement": movement, ":stamp": tx.stamp()},
        )?;
    Ok(id)
}
