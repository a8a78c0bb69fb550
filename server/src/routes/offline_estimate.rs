//! `POST /api/mascate/v1/offline/estimate` (a Mascate extension): how many records, and how
//! many bytes of JSON, the day's download would bring — for today's selection, or with one
//! schema's selection replaced by the one the rep is about to save — so the Offline
//! Configurator can tell before saving whether it fits on the device.
//!
//! Body (every key optional): `{"schemaid":"000002","entities":["00000101", …]}`. Answer:
//! `{"items":[{"path":"/api/tgv/customers/sync","records":115,"bytes":108175}, …],
//! "records":…, "bytes":…}`, one item per table the app primes (`offline::TABLES`), counted
//! by the same rules as their full loads.

use axum::extract::State;
use axum::{Extension, Json};
use mascate_domain::contract::schema;
use mascate_domain::download_size::{DownloadEstimate, TableSize};
use mascate_domain::offline::TABLES;
use serde::Deserialize;

use crate::auth::Caller;
use crate::db::Tx;
use crate::error::{ApiError, ApiResult};
use crate::listing;
use crate::routes::{agenda, catalog, contacts, customers, last_purchases, prospects, tasks};
use crate::state::AppState;
use crate::sync::{scope, Proposal, SyncSource};

/// The schemas a rep selects in the configurator.
const SELECTABLE: [&str; 3] = [schema::CUSTOMERS, schema::PRODUCTS, schema::PROSPECTS];
/// As many entities as a selection can hold (`AQ5_ITEM`'s 4 base-36 characters, rounded down).
pub const MAX_ENTITIES: usize = 1_000_000;
/// The widest entity id (code and store, with room to spare).
const MAX_ENTITY_LEN: usize = 64;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Body {
    schemaid: Option<String>,
    entities: Option<Vec<String>>,
}

/// Where a table's rows come from.
enum Source {
    Sync(&'static SyncSource),
    /// Operation types: a short reference list with no sync pair.
    OperationTypes,
}

/// The source behind a table's full load; `None` for a table this server does not serve.
fn source_of(full: &str) -> Option<Source> {
    Some(Source::Sync(match full {
        "/api/tgv/customers/sync" => &customers::CUSTOMER_SYNC,
        "/api/tgv/contacts/sync" => &contacts::CONTACT_SYNC,
        "/api/mascate/v1/lastpurchases/sync" => &last_purchases::LAST_PURCHASE_SYNC,
        "/api/tgv/prospects/sync" => &prospects::PROSPECT_SYNC,
        "/api/tgv/products/sync" => &catalog::PRODUCT_SYNC,
        "/api/tgv/priceList/items" => &catalog::PRICE_LIST_ITEM_SYNC,
        "/api/tgv/priceList" => &catalog::PRICE_LIST_SYNC,
        "/api/tgv/paymentconditions" => &catalog::PAYMENT_CONDITION_SYNC,
        "/api/tgv/carriers" => &catalog::CARRIER_SYNC,
        "/api/tgv/productBalance" => &catalog::PRODUCT_BALANCE_SYNC,
        "/api/mascate/v1/tasks/sync" => &tasks::TASK_SYNC,
        "/api/mascate/v1/tasknotes/sync" => &tasks::TASK_NOTE_SYNC,
        "/api/mascate/v1/visits/sync" => &agenda::VISIT_SYNC,
        "/api/tgv/typesofoperation" => return Some(Source::OperationTypes),
        _ => return None,
    }))
}

fn proposal(body: Body) -> ApiResult<Option<Proposal>> {
    let Some(schema) = body.schemaid else {
        return match body.entities {
            Some(_) => Err(ApiError::bad_request("entities sem schemaid: diga de qual esquema é a seleção.")),
            None => Ok(None),
        };
    };
    if !SELECTABLE.contains(&schema.as_str()) {
        return Err(ApiError::bad_request(format!(
            "schemaid inválido: use {} (clientes), {} (produtos) ou {} (prospects).",
            schema::CUSTOMERS,
            schema::PRODUCTS,
            schema::PROSPECTS
        )));
    }
    let entities = body.entities.unwrap_or_default();
    if entities.len() > MAX_ENTITIES {
        return Err(ApiError::bad_request(format!("Seleção grande demais: no máximo {MAX_ENTITIES} registros.")));
    }
    if entities.iter().any(|e| e.is_empty() || e.chars().count() > MAX_ENTITY_LEN) {
        return Err(ApiError::bad_request(format!("entities: cada id tem de 1 a {MAX_ENTITY_LEN} caracteres.")));
    }
    Ok(Some(Proposal { schema, entities }))
}

fn measure(tx: &Tx, seller: &str, proposal: Option<&Proposal>) -> ApiResult<DownloadEstimate> {
    let mut answer = DownloadEstimate::default();
    for table in TABLES.iter() {
        let (n, b) = match source_of(table.full) {
            Some(Source::Sync(src)) => {
                let base = scope(tx, src, Some(seller), proposal).and("deleted = 0", []);
                listing::measure(tx, src.entity, &base, &listing::selected_columns(src.entity, None))?
            }
            Some(Source::OperationTypes) => {
                let rows = catalog::operation_types(tx)?;
                (rows.len() as u64, rows.iter().map(|r| r.to_string().len() as u64).sum())
            }
            None => {
                tracing::error!(path = table.full, "offline estimate: a primed table with no source here");
                (0, 0)
            }
        };
        answer.records += n;
        answer.bytes += b;
        answer.items.push(TableSize { path: table.full.to_string(), records: n, bytes: b });
    }
    Ok(answer)
}

/// `POST /api/mascate/v1/offline/estimate`
pub async fn estimate(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    body: axum::body::Bytes,
) -> ApiResult<Json<DownloadEstimate>> {
    let seller = caller.seller()?.to_string();
    let body: Body = if body.iter().all(u8::is_ascii_whitespace) {
        Body::default()
    } else {
        serde_json::from_slice(&body).map_err(|e| ApiError::bad_request(format!("JSON inválido: {e}")))?
    };
    let proposal = proposal(body)?;
    let answer = state.db.read(move |tx| measure(tx, &seller, proposal.as_ref())).await?;
    Ok(Json(answer))
}
