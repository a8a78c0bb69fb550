//! `GET /api/tgv/sellers/codeuser` (§2.2): the seller linked to the token's user.

use axum::extract::State;
use axum::routing::get;
use axum::{Extension, Json};
use rusqlite::{params, OptionalExtension};
use serde_json::{json, Value};

use super::documented::Documented;
use crate::auth::Caller;
use crate::error::ApiResult;
use crate::openapi::{self as doc, Body::Object};
use crate::state::AppState;

pub async fn code_user(State(state): State<AppState>, Extension(caller): Extension<Caller>) -> ApiResult<Json<Value>> {
    state
        .db
        .read(move |tx| {
            let seller = tx
                .conn
                .query_row(
                    "SELECT branchid, code, name, shortname, email, intercallcode, areacode, phone, cellphone
                     FROM sellers WHERE user_id = ?1",
                    params![caller.user_id],
                    |r| {
                        let s = |i: usize| r.get::<_, String>(i);
                        Ok(json!({
                            "branchid": s(0)?, "code": s(1)?, "name": s(2)?, "shortname": s(3)?, "email": s(4)?,
                            "intercallcode": s(5)?, "areacode": s(6)?, "phone": s(7)?, "cellphone": s(8)?,
                            "internalid": format!("{}{}", s(0)?, s(1)?),
                            "isseller": true,
                        }))
                    },
                )
                .optional()?;
            // A user with no seller gets the source's fallback item (§2.2).
            let mut item = seller.unwrap_or_else(|| {
                json!({"branchid": "", "code": "", "internalid": "", "name": caller.name, "shortname": caller.name,
                       "email": caller.email, "isseller": false})
            });
            item["canaccessprotecteddata"] = json!(true);
            item["isadmin"] = json!(caller.is_admin);
            item["userid"] = json!(caller.user_id);
            Ok(Json(json!({"items": [item], "hasNext": false, "po_sync_date": tx.sync_date()})))
        })
        .await
}

/// `codeuser` and its OpenAPI entry.
pub fn routes() -> Documented {
    Documented::new().route(
        "/api/tgv/sellers/codeuser",
        get(code_user),
        &[doc::op("get", "The seller linked to the token's user", Object)],
    )
}
