//! Prospects (§4.5): the seller's own, online with the quick filters on recent quotations,
//! one by code and store, registered from the app (a Mascate extension), and synced with
//! today's prospect selection.

use axum::extract::{Path, Query, State};
use axum::routing::get;
use axum::{Extension, Json};
use mascate_domain::contract::schema;
use rusqlite::types::Value as SqlValue;
use serde_json::{json, Value};

use super::catalog::CatalogParams;
use super::documented::Documented;
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult, Message};
use crate::listing::{self, Entity, Kind, ListParams};
use crate::openapi::{
    self as doc,
    Body::{List, Record, SyncList},
    Doc,
};
use crate::state::AppState;
use crate::sync::{diff_route, full_route, SyncSource};

use Kind::{Flag, Number, Text};

pub static PROSPECT: Entity = Entity {
    table: "prospects",
    columns: &[
        ("internalid", Text),
        ("branch", Text),
        ("code", Text),
        ("store", Text),
        ("name", Text),
        ("fantasy", Text),
        ("prospecttype", Text),
        ("cgc", Text),
        ("cnae", Text),
        ("vendor", Text),
        ("citycode", Text),
        ("persontype", Text),
        ("estadualregistration", Text),
        ("city", Text),
        ("neighborhood", Text),
        ("address", Text),
        ("zipcode", Text),
        ("uf", Text),
        ("ddi", Text),
        ("ddd", Text),
        ("phone", Text),
        ("email", Text),
        ("country", Text),
        ("creditlimit", Number),
        ("inclusiondate", Text),
        ("status", Text),
        ("currentstatus", Text),
        ("customercode", Text),
        ("customerstore", Text),
        ("deleted", Flag),
    ],
    fixed: &["internalid"],
    default_order: "code, store",
    virtuals: &[],
};

pub static PROSPECT_SYNC: SyncSource = SyncSource {
    entity: &PROSPECT,
    selection: Some((schema::PROSPECTS, "code || store")),
    seller_scope: Some("vendor = ?"),
    diff_live_only: false,
};

/// `GET /api/tgv/prospects/`, with the quick filters on recent quotations (§1.2).
pub async fn prospects(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<CatalogParams>,
) -> ApiResult<Json<Value>> {
    let mut base = listing::live_rows_of(&caller, "vendor")?;
    let today = state.clock.today();
    let quoted_since = |days: i64| {
        let since = mascate_domain::timestamp::add_days(&today, -days).unwrap_or_default();
        (
            "code || store IN (SELECT prospectid || prospectstore FROM quotations WHERE deleted = 0 AND issuedate >= ?)",
            [SqlValue::Text(since)],
        )
    };
    match params.quick_filter.as_deref().map(|q| q.trim().to_ascii_uppercase()).as_deref() {
        None | Some("") => {}
        Some("BUDGETONLASTMONTH") => {
            let (sql, v) = quoted_since(30);
            base = base.and(sql, v);
        }
        Some("BUDGETONLASTTHREEMONTH") => {
            let (sql, v) = quoted_since(90);
            base = base.and(sql, v);
        }
        Some("WITHOUTBUDGETONLASTTHREEMONTH") => {
            let (sql, v) = quoted_since(90);
            base = base.and(&format!("NOT ({sql})"), v);
        }
        Some(other) => return Err(ApiError::bad_request(format!("QUICKFILTER desconhecido: {other}"))),
    }
    listing::online_page(state, &PROSPECT, base, params.list, None, true).await
}

/// `GET /api/tgv/prospects/:code/:store`
pub async fn prospect(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path((code, store)): Path<(String, String)>,
    Query(params): Query<ListParams>,
) -> ApiResult<Json<Value>> {
    let base = listing::live_rows_of(&caller, "vendor")?
        .and("code = ? AND store = ?", [SqlValue::Text(code), SqlValue::Text(store)]);
    state
        .db
        .read(move |tx| {
            let columns = listing::online_columns(&PROSPECT, params.fields.as_deref());
            listing::one(tx, &PROSPECT, base, &columns)?
                .map(|m| Json(Value::Object(m)))
                .ok_or_else(|| ApiError::not_found("Prospect nao encontrado"))
        })
        .await
}

/// `POST /api/tgv/prospects/`: registers a prospect for the caller (a Mascate extension:
/// the contract only reads prospects). The same checks as the app, run again here.
pub async fn create_prospect(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    body: axum::body::Bytes,
) -> ApiResult<(axum::http::StatusCode, Json<Value>)> {
    use mascate_domain::prospect::{NewProspect, ProspectField};
    let p: NewProspect = serde_json::from_slice(&body).map_err(|_| ApiError::invalid_body())?;
    if let Some((field, code)) = p.validate().first() {
        let what = match field {
            ProspectField::Name => "Nome",
            ProspectField::TaxId => "CNPJ/CPF",
            ProspectField::Uf => "UF",
            ProspectField::City => "Município",
            ProspectField::Email => "E-mail",
        };
        return Err(ApiError::BadRequest(Message::detailed(format!("{what} inválido."), *code)));
    }
    let seller = caller.seller()?.to_string();
    state
        .db
        .write(move |tx| {
            let cgc = p.tax_id_digits();
            let taken = tx
                .conn
                .prepare_cached(
                    "SELECT 1 FROM prospects WHERE cgc = ?1 AND deleted = 0 AND vendor = ?2
                     UNION SELECT 1 FROM customers WHERE cgc = ?1 AND deleted = 0 AND vendor = ?2",
                )?
                .exists(rusqlite::params![cgc, seller])?;
            if taken {
                return Err(ApiError::bad_request("CNPJ/CPF já cadastrado para este vendedor."));
            }
            let next: i64 =
                tx.conn
                    .query_row("SELECT coalesce(max(CAST(code AS INTEGER)), 0) + 1 FROM prospects", [], |r| r.get(0))?;
            let code = format!("{next:06}");
            tx.conn.execute(
                "INSERT INTO prospects(code, store, name, fantasy, cgc, persontype, vendor, uf, city, phone, email,
                    country, inclusiondate, status, currentstatus, stamp)
                 VALUES (?1, '01', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, '105', ?11, '2', '1', ?12)",
                rusqlite::params![
                    code,
                    p.name.trim().to_uppercase(),
                    p.trade_name.trim(),
                    cgc,
                    p.person_type(),
                    seller,
                    p.uf.trim().to_uppercase(),
                    p.city.trim(),
                    p.phone.trim(),
                    p.email.trim(),
                    tx.today(),
                    tx.stamp()
                ],
            )?;
            Ok((
                axum::http::StatusCode::CREATED,
                Json(json!({"messageSuccess": "Prospect incluído com sucesso.", "status": "OK",
                    "items": [{"code": code, "store": "01", "internalid": format!("{code}01")}]})),
            ))
        })
        .await
}

/// The prospect routes and their OpenAPI entries.
pub fn routes() -> Documented {
    Documented::new()
        .route(
            "/api/tgv/prospects",
            get(prospects).post(create_prospect),
            &[
                Doc { query: &["QUICKFILTER"], ..doc::op("get", "The seller's prospects", List(&PROSPECT)) },
                doc::write("post", "Register a prospect (Mascate extension)", true),
            ],
        )
        .route(
            "/api/tgv/prospects/sync",
            full_route(&PROSPECT_SYNC),
            &[doc::op("get", "Prospects of today's selection", SyncList(&PROSPECT))],
        )
        .route(
            "/api/tgv/prospects/sync/diff/{date_sync}",
            diff_route(&PROSPECT_SYNC),
            &[doc::op("get", "Prospects changed since", SyncList(&PROSPECT))],
        )
        .route("/api/tgv/prospects/{code}/{store}", get(prospect), &[doc::op("get", "One prospect", Record(&PROSPECT))])
}
