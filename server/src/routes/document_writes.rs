//! The synchronous writes (§9.4, §10.1): POST/PUT/DELETE of orders and quotations, and a
//! quotation's implement (→ order) and cancel. They go through the same engine as the
//! queue, so both paths accept and refuse the same documents.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use rusqlite::{params, OptionalExtension};
use serde_json::{json, Value};

use crate::auth::Caller;
use crate::erp::{self, Operation, Routine};
use crate::error::{ApiError, ApiResult};
use crate::AppState;

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
    body: Value,
) -> ApiResult<Response> {
    let seller = caller.seller()?.to_string();
    let (status, out) = state
        .db
        .run(move |tx| {
            let external = erp::text(&body["header"], "externalid");
            let outcome = erp::run(tx, routine, operation, &seller, &external, &body)?;
            let (title, description, movement) = erp::notice(routine, operation, &external, &outcome);
            let kind = if routine == Routine::Order { "1" } else { "3" };
            let done = match outcome {
                Ok(done) => done,
                // A refusal writes nothing: the caller gets the ERP's words right away.
                Err(erp::Refused(reason)) => return Err(ApiError::bad_request(reason)),
            };
            crate::routes::notifications::write(tx, &caller.user_id, &title, &description, kind, movement)?;
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

/// `POST /api/tgv/salesorders/`
pub async fn create_order(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    body: axum::body::Bytes,
) -> ApiResult<Response> {
    let mut body = parse(&body)?;
    body["header"]["orderid"] = Value::String(String::new());
    write(state, caller, Routine::Order, Operation::Insert, body).await
}

/// `PUT /api/tgv/salesorders/:orderId`
pub async fn update_order(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    body: axum::body::Bytes,
) -> ApiResult<Response> {
    let mut body = parse(&body)?;
    body["header"]["orderid"] = Value::String(id);
    write(state, caller, Routine::Order, Operation::Update, body).await
}

/// `DELETE /api/tgv/salesorders/:orderId`
pub async fn delete_order(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> ApiResult<Response> {
    write(state, caller, Routine::Order, Operation::Delete, json!({"header": {"orderid": id}})).await
}

/// `POST /api/tgv/salesbudgets/`
pub async fn create_quotation(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    body: axum::body::Bytes,
) -> ApiResult<Response> {
    let mut body = parse(&body)?;
    body["header"]["budgetid"] = Value::String(String::new());
    write(state, caller, Routine::Quotation, Operation::Insert, body).await
}

/// `PUT /api/tgv/salesbudgets/:id`
pub async fn update_quotation(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    body: axum::body::Bytes,
) -> ApiResult<Response> {
    let mut body = parse(&body)?;
    body["header"]["budgetid"] = Value::String(id);
    write(state, caller, Routine::Quotation, Operation::Update, body).await
}

/// `DELETE /api/tgv/salesbudgets/:id`
pub async fn delete_quotation(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> ApiResult<Response> {
    write(state, caller, Routine::Quotation, Operation::Delete, json!({"header": {"budgetid": id}})).await
}

/// An open quotation of the caller's: (customer, store, prospect, price list, payment, external id).
type OpenQuotation = (String, String, String, String, String, String);

fn open_quotation(tx: &crate::db::Tx, seller: &str, id: &str) -> ApiResult<OpenQuotation> {
    let row: Option<(String, String, String, String, String, String, String)> = tx
        .conn
        .query_row(
            "SELECT customerid, customerstore, prospectid, pricelistid, paymentconditionid, externalid, status
             FROM quotations_view WHERE budgetid = ?1 AND deleted = 0
               AND ?2 IN (customervendor, CASE WHEN customerid || customerstore = '00000101' THEN prospectvendor END)",
            params![id, seller],
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

/// `POST /api/tgv/salesbudgets/implement/`: the quotation becomes an order (MATA416).
pub async fn implement(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    body: axum::body::Bytes,
) -> ApiResult<Response> {
    let body = parse(&body)?;
    let id = erp::text(&body["header"], "budgetid");
    let seller = caller.seller()?.to_string();
    let out = state
        .db
        .run(move |tx| {
            let (customer, store, prospect, list, payment, external) = open_quotation(tx, &seller, &id)?;
            if format!("{customer}{store}") == crate::routes::customers::DEFAULT_QUOTATION_CUSTOMER {
                return Err(ApiError::bad_request(format!(
                    "O prospect {prospect} precisa ser convertido em cliente antes de efetivar o orçamento."
                )));
            }
            // The items to convert: those named in the body, or all of them.
            let wanted: Vec<String> = body
                .get("items")
                .and_then(Value::as_array)
                .map(|v| v.iter().map(|i| erp::text(i, "itemid")).filter(|i| !i.is_empty()).collect())
                .unwrap_or_default();
            let items: Vec<Value> = tx
                .conn
                .prepare_cached(
                    "SELECT itemid, productid, description, quantity, pricelist, unitprice, discount
                     FROM quotation_items WHERE budgetid = ?1 AND deleted = 0 ORDER BY itemid",
                )?
                .query_map(params![id], |r| {
                    Ok(json!({"itemid": r.get::<_, String>(0)?, "productid": r.get::<_, String>(1)?,
                        "description": r.get::<_, String>(2)?, "quantity": r.get::<_, f64>(3)?,
                        "pricelist": r.get::<_, f64>(4)?, "unitprice": r.get::<_, f64>(5)?,
                        "discount": r.get::<_, f64>(6)?}))
                })?
                .collect::<rusqlite::Result<Vec<Value>>>()?
                .into_iter()
                .filter(|i| wanted.is_empty() || wanted.contains(&erp::text(i, "itemid")))
                .collect();
            let order = json!({"header": {"customerid": customer, "customerstore": store, "pricelistid": list,
                "paymentconditionid": payment}, "items": items});
            let outcome = erp::run(tx, Routine::Order, Operation::Insert, &seller, "", &order)?;
            let done = outcome.map_err(|erp::Refused(reason)| ApiError::bad_request(reason))?;
            tx.conn.execute(
                "UPDATE quotations SET status = 'B', orderid = ?1, stamp = ?2 WHERE budgetid = ?3",
                params![done.number, tx.stamp(), id],
            )?;
            let (title, description, movement) = erp::notice(Routine::Order, Operation::Insert, "", &Ok(done.clone()));
            crate::routes::notifications::write(tx, &caller.user_id, &title, &description, "1", movement)?;
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
    body: axum::body::Bytes,
) -> ApiResult<Response> {
    let body = parse(&body)?;
    let id = erp::text(&body["header"], "budgetid");
    let seller = caller.seller()?.to_string();
    let out = state
        .db
        .run(move |tx| {
            let (.., external) = open_quotation(tx, &seller, &id)?;
            tx.conn.execute(
                "UPDATE quotations SET status = 'C', stamp = ?1 WHERE budgetid = ?2",
                params![tx.stamp(), id],
            )?;
            Ok(json!({"messageSuccess": "Orçamento cancelado com sucesso.", "status": "OK",
                "items": [{"budgetid": id, "externalid": external, "sellerid": seller}]}))
        })
        .await?;
    Ok((StatusCode::CREATED, Json(out)).into_response())
}
