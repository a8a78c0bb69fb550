//! Taxes (§11): `POST /api/fat/v1/SalesTaxes` simulates an order, `GET
//! /api/fat/v1/SalesTaxes/:order` and `GET /api/tgv/salesorders/total/:order` compute a
//! stored one. Errors use the FWAPIManager shape, whose `code` is a string.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Json};
use rusqlite::{params, OptionalExtension};
use serde_json::Value;

use super::documented::Documented;
use crate::auth::Caller;
use crate::db::Tx;
use crate::error::{ApiError, ApiResult};
use crate::json::{number, text};
use crate::openapi::{self as doc, Body::Object};
use crate::state::AppState;
use crate::taxes::{calculate, ItemIn, OrderIn};

/// The customer's state and type, if the caller may sell to them.
fn customer(tx: &Tx, caller: &Caller, code: &str, store: &str) -> ApiResult<Option<(String, String)>> {
    Ok(tx
        .conn
        .query_row(
            "SELECT uf, customertype FROM customers WHERE code = ?1 AND store = ?2 AND deleted = 0
               AND (?3 OR vendor = ?4 OR code || store = ?5)",
            params![
                code,
                store,
                caller.is_admin,
                caller.seller.clone().unwrap_or_default(),
                crate::erp::default_quotation_customer_key()
            ],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// A product's (IPI rate, has ST, TES).
fn product(tx: &Tx, code: &str) -> ApiResult<Option<(f64, bool, String)>> {
    Ok(tx
        .conn
        .query_row(
            "SELECT ipi, icmsst = 'S', outflowtype FROM products WHERE code = ?1 AND deleted = 0",
            params![code],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?)
}

/// The simulation's texts and numbers against the dictionary (the order's own fields and
/// widths), the first problem a 400 naming the property.
fn check_simulation(body: &Value) -> ApiResult<()> {
    use mascate_domain::contract::document_body::{check_number, width};
    use mascate_domain::contract::Num;
    use mascate_domain::dictionary::{self as dict, Field, Kind};
    let refuse = |message: String| ApiError::TaxRequest(message);
    let num = |v: &Value, key: &str| v.get(key).cloned().and_then(|n| serde_json::from_value::<Num>(n).ok());
    let texts: [(&str, Field); 3] = [
        ("CustomerId", dict::CUSTOMER_ID),
        ("CustomerUnit", dict::CUSTOMER_STORE),
        ("CustomerType", dict::CUSTOMER_TYPE),
    ];
    for (key, f) in texts {
        f.check_as(key, &text(body, key)).map_err(|p| refuse(p.message))?;
    }
    for (key, w) in [
        ("Freight", width::CHARGE),
        ("Insurance", width::CHARGE),
        ("Expense", width::CHARGE),
        ("DiscountPercentage1", width::PERCENT),
    ] {
        check_number(key.into(), &num(body, key).unwrap_or_default(), w).map_err(|p| refuse(p.message))?;
    }
    let tes = Field { name: "TES", erp: "C6_TES", size: 3, kind: Kind::Code };
    for line in body.get("ListofProducts").and_then(Value::as_array).into_iter().flatten() {
        for (key, f) in [("ProductId", dict::PRODUCT_ID), ("TES", tes)] {
            f.check_as(key, &text(line, key)).map_err(|p| refuse(p.message))?;
        }
        for (key, w) in
            [("Quantity", width::QUANTITY), ("UnitaryValue", width::PRICE), ("ItemDiscountPercentage", width::PERCENT)]
        {
            check_number(key.into(), &num(line, key).unwrap_or_default(), w).map_err(|p| refuse(p.message))?;
        }
    }
    Ok(())
}

/// `POST /api/fat/v1/SalesTaxes`: a flat SC5-like body with `ListofProducts`.
pub async fn simulate(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    body: axum::body::Bytes,
) -> ApiResult<Response> {
    let Ok(body) = serde_json::from_slice::<Value>(&body) else {
        return Err(ApiError::TaxRequest("Não foi possível tratar o Json recebido.".into()));
    };
    check_simulation(&body)?;
    state
        .db
        .read(move |tx| {
            let (code, store) = (text(&body, "CustomerId"), text(&body, "CustomerUnit"));
            let Some((uf, customer_type)) = customer(tx, &caller, &code, &store)? else {
                return Err(ApiError::TaxRequest(format!("Cliente {code}/{store} não cadastrado (REGNOIS).")));
            };
            let lines = body.get("ListofProducts").and_then(Value::as_array).cloned().unwrap_or_default();
            if lines.is_empty() {
                return Err(ApiError::TaxRequest("ListofProducts não informado.".into()));
            }
            let mut items = Vec::new();
            for line in &lines {
                let code = text(line, "ProductId");
                let Some((ipi, st, product_tes)) = product(tx, &code)? else {
                    return Err(ApiError::TaxRequest(format!("Produto {code} não cadastrado (REGNOIS).")));
                };
                let tes = match text(line, "TES") {
                    t if t.is_empty() => product_tes,
                    t => t,
                };
                let quantity = number(line, "Quantity").unwrap_or(0.0);
                let unit_price = number(line, "UnitaryValue").unwrap_or(0.0);
                if quantity <= 0.0 || unit_price <= 0.0 || tes.is_empty() {
                    return Err(ApiError::TaxRequest(format!(
                        "A410VZ - Existem campos obrigatórios em branco ou inválidos no produto {code}."
                    )));
                }
                items.push(ItemIn {
                    product: code,
                    tes,
                    quantity,
                    unit_price,
                    discount_pct: number(line, "ItemDiscountPercentage").unwrap_or(0.0),
                    ipi_rate: ipi,
                    has_st: st,
                });
            }
            let order = OrderIn {
                customer_uf: uf,
                customer_type: match text(&body, "CustomerType") {
                    t if t.is_empty() => customer_type,
                    t => t,
                },
                header_discount_pct: number(&body, "DiscountPercentage1").unwrap_or(0.0),
                freight: number(&body, "Freight").unwrap_or(0.0),
                insurance: number(&body, "Insurance").unwrap_or(0.0),
                expenses: number(&body, "Expense").unwrap_or(0.0),
                items,
            };
            Ok(Json(calculate(&order)).into_response())
        })
        .await
}

/// The taxes of a stored order of the caller's.
fn of_order(tx: &Tx, caller: &Caller, order_id: &str) -> ApiResult<Option<Value>> {
    let header: Option<(String, String, f64, f64, f64, f64, String)> = tx
        .conn
        .query_row(
            "SELECT clientid, storeid, discount, freight, insurance, expenses, sellerid FROM orders
             WHERE orderid = ?1 AND deleted = 0",
            params![order_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?)),
        )
        .optional()?;
    let Some((code, store, discount, freight, insurance, expenses, seller)) = header else { return Ok(None) };
    if !caller.is_admin && caller.seller.as_deref() != Some(seller.as_str()) {
        return Ok(None);
    }
    let (uf, customer_type): (String, String) = tx.conn.query_row(
        "SELECT uf, customertype FROM customers WHERE code = ?1 AND store = ?2",
        params![code, store],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let items: Vec<ItemIn> = tx
        .conn
        .prepare_cached(
            "SELECT i.productid, i.outflowtype, i.quantity, i.unitprice, i.discount, coalesce(p.ipi, 0),
                    coalesce(p.icmsst, 'N') = 'S'
             FROM order_items i LEFT JOIN products p ON p.code = i.productid
             WHERE i.orderid = ?1 AND i.deleted = 0 ORDER BY i.itemid",
        )?
        .query_map(params![order_id], |r| {
            Ok(ItemIn {
                product: r.get(0)?,
                tes: r.get(1)?,
                quantity: r.get(2)?,
                unit_price: r.get(3)?,
                discount_pct: r.get(4)?,
                ipi_rate: r.get(5)?,
                has_st: r.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let order =
        OrderIn { customer_uf: uf, customer_type, header_discount_pct: discount, freight, insurance, expenses, items };
    Ok(Some(calculate(&order)))
}

/// `GET /api/fat/v1/SalesTaxes/:order`: the id must be exactly C5_NUM's length (6).
pub async fn of_stored(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(order): Path<String>,
) -> ApiResult<Response> {
    if order.chars().count() != 6 {
        return Err(ApiError::TaxRequest("O código do pedido deve ter 6 caracteres.".into()));
    }
    state
        .db
        .read(move |tx| {
            Ok(match of_order(tx, &caller, &order)? {
                Some(v) => Json(v).into_response(),
                None => return Err(ApiError::TaxOrderNotFound(format!("Pedido {order} não encontrado."))),
            })
        })
        .await
}

/// `GET /api/tgv/salesorders/total/:order`: the same figures, TGV errors.
pub async fn order_total(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(order): Path<String>,
) -> ApiResult<Json<Value>> {
    state
        .db
        .read(move |tx| {
            of_order(tx, &caller, &order)?
                .map(Json)
                .ok_or_else(|| crate::error::ApiError::not_found("Pedido de Venda não localizado"))
        })
        .await
}

/// The tax routes and their OpenAPI entries.
pub fn routes() -> Documented {
    Documented::new()
        .route("/api/fat/v1/SalesTaxes", post(simulate), &[doc::write("post", "Simulate an order's taxes", false)])
        .route("/api/fat/v1/SalesTaxes/{order}", get(of_stored), &[doc::op("get", "A stored order's taxes", Object)])
        .route(
            "/api/tgv/salesorders/total/{order}",
            get(order_total),
            &[doc::op("get", "An order's taxes and totals", Object)],
        )
}
