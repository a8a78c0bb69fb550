//! The synchronous writes (§9.4, §10.1): POST/PUT/DELETE of orders and quotations, and a
//! quotation's implement (→ order) and cancel. They go through the same engine as the
//! queue, so both paths accept and refuse the same documents.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, post, put, MethodRouter};
use axum::{Extension, Json};
use mascate_domain::contract::{DocumentBody, DocumentLine, Num};
use rusqlite::{named_params, OptionalExtension};
use serde_json::{json, Value};

use crate::auth::Caller;
use crate::erp::{self, Operation, Routine};
use crate::error::{ApiError, ApiResult};
use crate::json::text;
use crate::state::AppState;

fn parse(body: &[u8]) -> ApiResult<Value> {
    let v: Value = serde_json::from_slice(body).map_err(|_| ApiError::invalid_body())?;
    if !v.get("header").is_some_and(Value::is_object) {
        return Err(ApiError::invalid_body());
    }
    Ok(v)
}

/// Runs the engine, writes the ERP's notification, and answers in the contract's shape.
async fn write(
    state: AppState,
    caller: Caller,
    routine: Routine,
    operation: Operation,
    body: DocumentBody,
) -> ApiResult<Response> {
    let seller = caller.seller()?.to_string();
    let (status, out) = state
        .db
        .write(move |tx| {
            let external = body.header.external_id.trim().to_string();
            let request = erp::Request { seller: &seller, external_id: &external, queued_at: None };
            let outcome = erp::run(tx, routine, operation, &request, &body)?;
            let (title, description, movement) = erp::notice(routine, operation, &external, &outcome);
            let kind = if routine == Routine::Order { "1" } else { "3" };
            let done = match outcome {
                Ok(done) => done,
                // A refusal writes nothing: the caller gets the ERP's words right away.
                Err(erp::Refused(reason)) => return Err(ApiError::bad_request(reason)),
            };
            erp::write_notification(tx, &caller.user_id, &title, &description, kind, movement)?;
            let (noun, key) = match routine {
                Routine::Order => ("Pedido de venda", "orderid"),
                Routine::Quotation => ("Orçamento", "budgetid"),
            };
            let verb = match operation {
                Operation::Insert => "incluído",
                Operation::Update => "alterado",
                Operation::Delete => "excluído",
            };
            let mut out = json!({"messageSuccess": format!("{noun} {verb} com sucesso."), "status": "OK"});
            if operation != Operation::Delete {
                out["items"] = json!([{key: done.number, "externalid": external, "sellerid": seller}]);
            }
            let status = if operation == Operation::Insert { StatusCode::CREATED } else { StatusCode::OK };
            Ok((status, out))
        })
        .await?;
    Ok((status, Json(out)).into_response())
}

/// Reads a write's body as the engine does (a 400 naming an impossible number), with the
/// document's number set as the route says (`None`: a new document).
fn document(routine: Routine, raw: &[u8], number: Option<String>) -> ApiResult<DocumentBody> {
    let mut body = erp::read(&parse(raw)?).map_err(|erp::Refused(reason)| ApiError::bad_request(reason))?;
    let number = Some(number.unwrap_or_default());
    match routine {
        Routine::Order => body.header.order_id = number,
        Routine::Quotation => body.header.budget_id = number,
    }
    Ok(body)
}

/// `POST /api/tgv/salesorders/` and `POST /api/tgv/salesbudgets/`.
pub fn create(routine: Routine) -> MethodRouter<AppState> {
    post(move |State(state): State<AppState>, Extension(caller): Extension<Caller>, body: Bytes| async move {
        write(state, caller, routine, Operation::Insert, document(routine, &body, None)?).await
    })
}

/// `PUT /api/tgv/salesorders/:orderId` and `PUT /api/tgv/salesbudgets/:id`.
pub fn update(routine: Routine) -> MethodRouter<AppState> {
    put(
        move |State(state): State<AppState>,
              Extension(caller): Extension<Caller>,
              Path(number): Path<String>,
              body: Bytes| async move {
            write(state, caller, routine, Operation::Update, document(routine, &body, Some(number))?).await
        },
    )
}

/// `DELETE /api/tgv/salesorders/:orderId` and `DELETE /api/tgv/salesbudgets/:id`.
pub fn remove(routine: Routine) -> MethodRouter<AppState> {
    delete(move |State(state): State<AppState>, Extension(caller): Extension<Caller>, Path(number): Path<String>| {
        let mut body = DocumentBody::default();
        match routine {
            Routine::Order => body.header.order_id = Some(number),
            Routine::Quotation => body.header.budget_id = Some(number),
        }
        write(state, caller, routine, Operation::Delete, body)
    })
}

/// An open quotation of the caller's: (customer, store, prospect, price list, payment, external id).
type OpenQuotation = (String, String, String, String, String, String);

fn open_quotation(tx: &crate::db::Tx, seller: &str, id: &str) -> ApiResult<OpenQuotation> {
    let row: Option<(String, String, String, String, String, String, String)> = tx
        .conn
        .query_row(
            "SELECT customerid, customerstore, prospectid, pricelistid, paymentconditionid, externalid, status
             FROM quotations_view WHERE budgetid = :id AND deleted = 0
               AND :seller IN (customervendor, CASE WHEN customerid || customerstore = :default_customer
                                                    THEN prospectvendor END)",
            named_params! {":id": id, ":seller": seller, ":default_customer": erp::default_quotation_customer_key()},
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?)),
        )
        .optional()?;
    let Some((c, s, p, l, pay, ext, status)) = row else {
        return Err(ApiError::not_found(format!("Orçamento {id} não localizado.")));
    };
    if status != "A" {
        return Err(ApiError::bad_request(format!("Orçamento {id} não está em aberto (status {status}).")));
    }
    Ok((c, s, p, l, pay, ext))
}

/// The quotation's live lines, those named in `wanted` (all when empty), as order lines.
fn lines_to_convert(tx: &crate::db::Tx, id: &str, wanted: &[String]) -> ApiResult<Vec<DocumentLine>> {
    let lines = tx
        .conn
        .prepare_cached(
            "SELECT itemid, productid, description, quantity, pricelist, unitprice, discount
             FROM quotation_items WHERE budgetid = :id AND deleted = 0 ORDER BY itemid",
        )?
        .query_map(named_params! {":id": id}, |r| {
            Ok(DocumentLine {
                item_id: r.get(0)?,
                product: r.get(1)?,
                description: r.get(2)?,
                quantity: Num::Value(r.get(3)?),
                list_price: Num::Value(r.get(4)?),
                unit_price: Num::Value(r.get(5)?),
                discount: Num::Value(r.get(6)?),
                ..Default::default()
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(lines.into_iter().filter(|l| wanted.is_empty() || wanted.contains(&l.item_id)).collect())
}

/// `POST /api/tgv/salesbudgets/implement/`: the quotation becomes an order (MATA416).
pub async fn implement(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    body: Bytes,
) -> ApiResult<Response> {
    let body = parse(&body)?;
    let id = text(&body["header"], "budgetid");
    // The items to convert: those named in the body, or all of them.
    let wanted: Vec<String> = body
        .get("items")
        .and_then(Value::as_array)
        .map(|v| v.iter().map(|i| text(i, "itemid")).filter(|i| !i.is_empty()).collect())
        .unwrap_or_default();
    let seller = caller.seller()?.to_string();
    let out = state
        .db
        .write(move |tx| {
            let (customer, store, prospect, list, payment, external) = open_quotation(tx, &seller, &id)?;
            if erp::is_default_quotation_customer(&customer, &store) {
                return Err(ApiError::bad_request(format!(
                    "O prospect {prospect} precisa ser convertido em cliente antes de efetivar o orçamento."
                )));
            }
            let mut order = DocumentBody { items: lines_to_convert(tx, &id, &wanted)?, ..Default::default() };
            order.header.customer = customer;
            order.header.customer_store = store;
            order.header.price_list = list;
            order.header.payment_condition = payment;
            let request = erp::Request { seller: &seller, external_id: "", queued_at: None };
            let outcome = erp::run(tx, Routine::Order, Operation::Insert, &request, &order)?;
            let done = outcome.map_err(|erp::Refused(reason)| ApiError::bad_request(reason))?;
            tx.conn.execute(
                "UPDATE quotations SET status = 'B', orderid = :order, stamp = :stamp WHERE budgetid = :id",
                named_params! {":order": done.number, ":stamp": tx.stamp(), ":id": id},
            )?;
            let (title, description, movement) = erp::notice(Routine::Order, Operation::Insert, "", &Ok(done.clone()));
            erp::write_notification(tx, &caller.user_id, &title, &description, "1", movement)?;
            Ok(json!({"messageSuccess": "Orçamento efetivado com sucesso.", "status": "OK",
                "items": [{"budgetid": id, "externalid": external, "sellerid": seller, "orderid": done.number}]}))
        })
        .await?;
    Ok((StatusCode::CREATED, Json(out)).into_response())
}

/// `POST /api/tgv/salesbudgets/cancel/`
pub async fn cancel(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    body: Bytes,
) -> ApiResult<Response> {
    let body = parse(&body)?;
    let id = text(&body["header"], "budgetid");
    let seller = caller.seller()?.to_string();
    let out = state
        .db
        .write(move |tx| {
            let (.., external) = open_quotation(tx, &seller, &id)?;
            tx.conn.execute(
                "UPDATE quotations SET status = 'C', stamp = :stamp WHERE budgetid = :id",
                named_params! {":stamp": tx.stamp(), ":id": id},
            )?;
            Ok(json!({"messageSuccess": "Orçamento cancelado com sucesso.", "status": "OK",
                "items": [{"budgetid": id, "externalid": external, "sellerid": seller}]}))
        })
        .await?;
    Ok((StatusCode::CREATED, Json(out)).into_response())
}
