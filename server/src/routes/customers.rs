//! Customers (§4.1–4.2): the online list and record, and the sync pair that follows the
//! seller's offline selection for today.

use axum::extract::{Path, Query, State};
use axum::{Extension, Json};
use mascate_domain::contract::schema;
use mascate_domain::timestamp::DateSync;
use rusqlite::types::Value as SqlValue;
use serde_json::Value;

use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::listing::{self, Entity, Kind, ListParams, Where};
use crate::routes::seller_filters::in_todays_filter;
use crate::AppState;

use Kind::{Flag, Number, Text};

/// The customer table, columns named as the contract's properties.
pub static CUSTOMER: Entity = Entity {
    table: "customers",
    columns: &[
        ("id", Text),
        ("branch", Text),
        ("code", Text),
        ("store", Text),
        ("name", Text),
        ("fantasy", Text),
        ("municipalregistration", Text),
        ("estadualregistration", Text),
        ("customertype", Text),
        ("persontype", Text),
        ("cgc", Text),
        ("paymentconditioninternalid", Text),
        ("paymentconditions", Text),
        ("pricelistinternalid", Text),
        ("pricelist", Text),
        ("cnae", Text),
        ("vendor", Text),
        ("citycode", Text),
        ("city", Text),
        ("neighborhood", Text),
        ("address", Text),
        ("addresscomplement", Text),
        ("zipcode", Text),
        ("uf", Text),
        ("ufdescription", Text),
        ("ddi", Text),
        ("ddd", Text),
        ("phone", Text),
        ("email", Text),
        ("country", Text),
        ("countrydescription", Text),
        ("contact", Text),
        ("risk", Text),
        ("creditlimit", Number),
        ("lastpurchase", Text),
        ("inclusiondate", Text),
        ("status", Text),
        ("freighttype", Text),
        ("carrier", Text),
        ("carrierinternalid", Text),
        ("deleted", Flag),
    ],
    fixed: &["id"],
    default_order: "code, store",
};

/// `MV_ORCLIPD`: the default quotation customer, readable by every seller (§4.2).
pub const DEFAULT_QUOTATION_CUSTOMER: &str = "00000101";

fn online_columns(fields: Option<&str>) -> Vec<(&'static str, Kind)> {
    listing::selected_columns(&CUSTOMER, fields).into_iter().filter(|(c, _)| *c != "deleted").collect()
}

/// Online rows the caller may see: their own live customers (admins: all).
fn visible_to(caller: &Caller) -> ApiResult<Where> {
    let live = Where::new().and("deleted = 0", []);
    if caller.is_admin {
        return Ok(live);
    }
    Ok(live.and("vendor = ?", [SqlValue::Text(caller.seller()?.to_string())]))
}

/// `GET /api/tgv/customers/`
pub async fn list(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<ListParams>,
) -> ApiResult<Json<Value>> {
    let base = visible_to(&caller)?;
    state
        .db
        .run(move |tx| {
            let columns = online_columns(params.fields.as_deref());
            let page = listing::page(tx, &CUSTOMER, base, &params, &columns)?;
            Ok(Json(listing::envelope(page, Some(tx.sync_date()))))
        })
        .await
}

/// `GET /api/tgv/customers/:code/:store`
pub async fn one(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path((code, store)): Path<(String, String)>,
    Query(params): Query<ListParams>,
) -> ApiResult<Json<Value>> {
    let mut base =
        Where::new().and("code = ? AND store = ? AND deleted = 0", [SqlValue::Text(code), SqlValue::Text(store)]);
    if !caller.is_admin {
        base = base.and(
            "vendor = ? OR code || store = ?",
            [SqlValue::Text(caller.seller()?.to_string()), SqlValue::Text(DEFAULT_QUOTATION_CUSTOMER.into())],
        );
    }
    state
        .db
        .run(move |tx| {
            let columns = online_columns(params.fields.as_deref());
            listing::one(tx, &CUSTOMER, base, &columns)?
                .map(|m| Json(Value::Object(m)))
                .ok_or_else(|| ApiError::not_found("Cliente nao encontrada"))
        })
        .await
}

/// Sync reads: today's selection of this seller, and (going beyond Protheus) only
/// customers the seller owns, whatever the selection names.
async fn sync(state: AppState, caller: Caller, params: ListParams, since: DateSync) -> ApiResult<Json<Value>> {
    let seller = caller.seller()?.to_string();
    state
        .db
        .run(move |tx| {
            let mut base = Where::new()
                .and("vendor = ?", [SqlValue::Text(seller.clone())])
                .and(&in_todays_filter("code || store"), in_todays_filter_values(&seller, tx.today()));
            let order = match since {
                DateSync::Full => {
                    base = base.and("deleted = 0", []);
                    "code, store".to_string()
                }
                DateSync::Since(stamp) => {
                    base = base.and("stamp > ?", [SqlValue::Integer(stamp)]);
                    "stamp, code, store".to_string()
                }
            };
            let sync_date = tx.sync_date();
            let columns = listing::selected_columns(&CUSTOMER, params.fields.as_deref());
            let page = listing::page_ordered(tx, &CUSTOMER, base, &params, &columns, &order)?;
            Ok(Json(listing::envelope(page, Some(sync_date))))
        })
        .await
}

fn in_todays_filter_values(seller: &str, today: String) -> [SqlValue; 3] {
    [SqlValue::Text(seller.into()), SqlValue::Text(schema::CUSTOMERS.into()), SqlValue::Text(today)]
}

/// `GET /api/tgv/customers/sync`
pub async fn sync_full(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<ListParams>,
) -> ApiResult<Json<Value>> {
    sync(state, caller, params, DateSync::Full).await
}

/// `GET /api/tgv/customers/sync/diff/:dateSync`
pub async fn sync_diff(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(date_sync): Path<String>,
    Query(params): Query<ListParams>,
) -> ApiResult<Json<Value>> {
    let since =
        DateSync::parse(&date_sync).ok_or_else(|| ApiError::bad_request(format!("dateSync inválida: {date_sync}")))?;
    sync(state, caller, params, since).await
}
