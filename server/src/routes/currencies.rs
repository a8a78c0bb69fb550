//! `GET /api/mascate/v1/currencies` (a Mascate extension, issue 25): the currencies a document's
//! `currencyid` (`C5_MOEDA`/`CJ_MOEDA`) names — Protheus's `MV_MOEDA1`…`MV_MOEDA5` with their
//! symbols (`MV_SIMB1`…) and the rate to the real the demo converts at (`SM2`).

use axum::extract::{Query, State};
use axum::routing::get;
use axum::{Extension, Json};
use serde_json::Value;

use super::documented::Documented;
use crate::auth::Caller;
use crate::error::ApiResult;
use crate::listing::{self, Entity, Kind, ListParams, Where};
use crate::openapi::{self as doc, Body::List};
use crate::state::AppState;

pub static CURRENCY: Entity = Entity {
    table: "currencies",
    columns: &[("id", Kind::Number), ("name", Kind::Text), ("symbol", Kind::Text), ("rate", Kind::Number)],
    fixed: &["id"],
    default_order: "id",
    virtuals: &[],
};

/// `GET /api/mascate/v1/currencies`
pub async fn list(
    State(state): State<AppState>,
    Extension(_caller): Extension<Caller>,
    Query(params): Query<ListParams>,
) -> ApiResult<Json<Value>> {
    listing::online_page(state, &CURRENCY, Where::new(), params, None, true).await
}

/// The currency list and its OpenAPI entry.
pub fn routes() -> Documented {
    Documented::new().route(
        "/api/mascate/v1/currencies",
        get(list),
        &[doc::op("get", "Currencies, MV_MOEDA1..5 (Mascate extension)", List(&CURRENCY))],
    )
}
