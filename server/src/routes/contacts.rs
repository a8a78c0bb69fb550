//! A customer's contacts (schema 000003, SU5 related to SA1 through AC8): the online list
//! (`FILTER` on `codeentity` or `customerid`/`customerstore` gives one customer's), one
//! contact, adding and editing them, and the sync pair that follows today's customer
//! selection, so the selected customers' contacts are on the device.
//!
//! The contract leaves the contact record out of scope; this is a reading of the portal's
//! `api/tgv/contacts` service (its controller answers 404 "Contato nao localizado" and keys
//! a contact by `contactid`), flattened to one customer per contact. Every read and write is
//! limited to the caller's own customers.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Extension, Json};
use mascate_domain::contact::{ContactDraft, ContactField};
use mascate_domain::contract::schema;
use rusqlite::types::Value as SqlValue;
use rusqlite::OptionalExtension;
use serde_json::{json, Value};

use super::documented::Documented;
use crate::auth::Caller;
use crate::db::Tx;
use crate::error::{ApiError, ApiResult, Message};
use crate::listing::{self, Entity, Kind, ListParams, Where};
use crate::openapi::{
    self as doc,
    Body::{List, Record, SyncList},
};
use crate::state::AppState;
use crate::sync::{diff_route, full_route, SyncSource};

use Kind::{Flag, Text};

pub static CONTACT: Entity = Entity {
    table: "contacts_view",
    columns: &[
        ("internalid", Text),
        ("branch", Text),
        ("contactid", Text),
        ("name", Text),
        ("role", Text),
        ("ddi", Text),
        ("ddd", Text),
        ("phone", Text),
        ("cellphone", Text),
        ("email", Text),
        ("entity", Text),
        ("codeentity", Text),
        ("customerid", Text),
        ("customerstore", Text),
        ("deleted", Flag),
    ],
    fixed: &["internalid", "contactid"],
    default_order: "contactid",
    virtuals: &[],
};

/// The contacts of the selected customers, only the seller's own.
pub static CONTACT_SYNC: SyncSource = SyncSource {
    entity: &CONTACT,
    selection: Some((schema::CUSTOMERS, "codeentity")),
    seller_scope: Some("vendor = ?"),
    diff_live_only: false,
};

const NOT_FOUND: &str = "Contato nao localizado";

/// `GET /api/tgv/contacts/`
pub async fn list(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<ListParams>,
) -> ApiResult<Json<Value>> {
    listing::online_page(state, &CONTACT, listing::live_rows_of(&caller, "vendor")?, params, Some(NOT_FOUND), true)
        .await
}

/// `GET /api/tgv/contacts/:contactId`
pub async fn one(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> ApiResult<Json<Value>> {
    let base = listing::live_rows_of(&caller, "vendor")?.and("contactid = ?", [SqlValue::Text(id)]);
    listing::online_record(state, &CONTACT, base, NOT_FOUND).await
}

fn field_name(f: ContactField) -> &'static str {
    match f {
        ContactField::Name => "Nome",
        ContactField::Role => "Cargo",
        ContactField::Ddd => "DDD",
        ContactField::Phone => "Telefone",
        ContactField::CellPhone => "Celular",
        ContactField::Email => "E-mail",
    }
}

/// Reads and checks a body: the contract's 403 when it is not JSON, 400 naming the first
/// field that cannot be saved.
fn checked(body: &[u8]) -> ApiResult<ContactDraft> {
    let draft: ContactDraft = serde_json::from_slice(body).map_err(|_| ApiError::invalid_body())?;
    let d = &draft;
    let values = [&d.name, &d.role, &d.email, &d.ddd, &d.phone, &d.cell_phone, &d.customer_code, &d.customer_store];
    for (f, value) in mascate_domain::dictionary::CONTACT.iter().zip(values) {
        f.check(value.trim()).map_err(|p| ApiError::bad_request(p.message))?;
    }
    if let Some((field, code)) = draft.validate().first() {
        return Err(ApiError::BadRequest(Message::detailed(format!("{} inválido.", field_name(*field)), *code)));
    }
    Ok(draft.normalized())
}

fn record(tx: &Tx, id: &str) -> ApiResult<Value> {
    let base = Where::new().and("contactid = ?", [SqlValue::Text(id.into())]);
    let columns = listing::online_columns(&CONTACT, None);
    listing::one(tx, &CONTACT, base, &columns)?.map(Value::Object).ok_or_else(|| ApiError::not_found(NOT_FOUND))
}

/// Whether the caller may touch contacts of this customer (its seller, or an admin).
fn owns_customer(tx: &Tx, caller: &Caller, code: &str, store: &str) -> ApiResult<bool> {
    let vendor: Option<String> = tx
        .conn
        .query_row(
            "SELECT vendor FROM customers WHERE code = ?1 AND store = ?2 AND deleted = 0",
            rusqlite::params![code, store],
            |r| r.get(0),
        )
        .optional()?;
    Ok(vendor.is_some_and(|v| caller.is_admin || caller.seller.as_deref() == Some(v.as_str())))
}

/// `POST /api/tgv/contacts/`: adds a contact to one of the caller's customers. 201 with the
/// contact in `items`.
pub async fn create(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    body: axum::body::Bytes,
) -> ApiResult<(StatusCode, Json<Value>)> {
    let d = checked(&body)?;
    state
        .db
        .write(move |tx| {
            if !owns_customer(tx, &caller, &d.customer_code, &d.customer_store)? {
                return Err(ApiError::not_found("Cliente nao encontrada"));
            }
            let id = tx.next_number("contact", 6)?;
            tx.conn.execute(
                "INSERT INTO contacts(contactid, name, role, ddi, ddd, phone, cellphone, email, customerid,
                    customerstore, stamp)
                 VALUES (?1, ?2, ?3, '55', ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                rusqlite::params![
                    id,
                    d.name,
                    d.role,
                    d.ddd,
                    d.phone,
                    d.cell_phone,
                    d.email,
                    d.customer_code,
                    d.customer_store,
                    tx.stamp()
                ],
            )?;
            let contact = record(tx, &id)?;
            Ok((
                StatusCode::CREATED,
                Json(json!({"messageSuccess": "Contato incluído com sucesso", "status": "OK", "items": [contact]})),
            ))
        })
        .await
}

/// `PUT /api/tgv/contacts/:contactId`: changes a contact of one of the caller's customers
/// (the customer it belongs to stays). 200 with the contact in `items`.
pub async fn update(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    body: axum::body::Bytes,
) -> ApiResult<Json<Value>> {
    let d = checked(&body)?;
    state
        .db
        .write(move |tx| {
            let owner: Option<(String, String)> = tx
                .conn
                .query_row(
                    "SELECT customerid, customerstore FROM contacts WHERE contactid = ?1 AND deleted = 0",
                    [&id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            let Some((code, store)) = owner.filter(|(c, s)| owns_customer(tx, &caller, c, s).unwrap_or(false)) else {
                return Err(ApiError::not_found(NOT_FOUND));
            };
            tx.conn.execute(
                "UPDATE contacts SET name = ?2, role = ?3, ddd = ?4, phone = ?5, cellphone = ?6, email = ?7, stamp = ?8
                 WHERE contactid = ?1 AND customerid = ?9 AND customerstore = ?10",
                rusqlite::params![id, d.name, d.role, d.ddd, d.phone, d.cell_phone, d.email, tx.stamp(), code, store],
            )?;
            let contact = record(tx, &id)?;
            Ok(Json(json!({"messageSuccess": "Contato alterado com sucesso", "status": "OK", "items": [contact]})))
        })
        .await
}

/// The contact routes and their OpenAPI entries.
pub fn routes() -> Documented {
    Documented::new()
        .route(
            "/api/tgv/contacts",
            get(list).post(create),
            &[
                doc::op("get", "Contacts of the seller's customers", List(&CONTACT)),
                doc::write("post", "Add a contact to a customer", true).with_request(doc::contact_body),
            ],
        )
        .route(
            "/api/tgv/contacts/sync",
            full_route(&CONTACT_SYNC),
            &[doc::op("get", "Contacts of today's selected customers", SyncList(&CONTACT))],
        )
        .route(
            "/api/tgv/contacts/sync/diff/{date_sync}",
            diff_route(&CONTACT_SYNC),
            &[doc::op("get", "Contacts changed since", SyncList(&CONTACT))],
        )
        .route(
            "/api/tgv/contacts/{id}",
            get(one).put(update),
            &[
                doc::op("get", "One contact", Record(&CONTACT)),
                doc::write("put", "Change a contact", false).with_request(doc::contact_body),
            ],
        )
}
