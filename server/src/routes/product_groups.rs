//! `GET /api/tgv/productgroups`: the product groups (Protheus `SBM`) as a reference list, so
//! a client fills its group filter without downloading products. Beyond the contract, like
//! the `productgroup`/`groupdescription` properties of products; shaped as the contract's
//! other unpaged reference list (`typesofoperation`, §7): `{items}` only.

use axum::extract::State;
use axum::routing::get;
use axum::Json;
use serde_json::{json, Value};

use super::documented::Documented;
use crate::error::ApiResult;
use crate::openapi::{self as doc, Body::Object};
use crate::state::AppState;

pub async fn list(State(state): State<AppState>) -> ApiResult<Json<Value>> {
    state
        .db
        .write(|tx| {
            let mut stmt = tx.conn.prepare_cached("SELECT code, description FROM product_groups ORDER BY code")?;
            let items: Vec<Value> = stmt
                .query_map([], |r| Ok(json!({"code": r.get::<_, String>(0)?, "description": r.get::<_, String>(1)?})))?
                .collect::<rusqlite::Result<_>>()?;
            Ok(Json(json!({ "items": items })))
        })
        .await
}

/// The product groups and their OpenAPI entry.
pub fn routes() -> Documented {
    Documented::new().route(
        "/api/tgv/productgroups",
        get(list),
        &[doc::op("get", "Product groups (Mascate's reference list, beyond the contract)", Object)],
    )
}
