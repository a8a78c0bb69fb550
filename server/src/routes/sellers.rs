//! `GET /api/tgv/sellers/codeuser` (§2.2): the seller linked to the token's user; and
//! `GET /api/mascate/v1/sellers/me` (a Mascate extension): the rep's own seller record (SA3)
//! with the region and commission the contract's answer lacks.

use axum::extract::State;
use axum::routing::get;
use axum::{Extension, Json};
use rusqlite::{params, OptionalExtension};
use serde_json::{json, Value};

use super::documented::Documented;
use mascate_domain::contract::SellerProfile;

use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
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

/// `GET /api/mascate/v1/sellers/me`: the caller's seller; 403 for a user with none.
pub async fn me(State(state): State<AppState>, Extension(caller): Extension<Caller>) -> ApiResult<Json<SellerProfile>> {
    let code = caller.seller()?.to_string();
    state
        .db
        .read(move |tx| {
            tx.conn
                .query_row(
                    "SELECT code, name, shortname, email, areacode, phone, cellphone, region, commission
                     FROM sellers WHERE code = ?1",
                    params![code],
                    |r| {
                        Ok(SellerProfile {
                            code: r.get(0)?,
                            name: r.get(1)?,
                            short_name: r.get(2)?,
                            email: r.get(3)?,
                            area_code: r.get(4)?,
                            phone: r.get(5)?,
                            cell_phone: r.get(6)?,
                            region: r.get(7)?,
                            commission: r.get(8)?,
                        })
                    },
                )
                .optional()?
                .map(Json)
                .ok_or(ApiError::NoSeller)
        })
        .await
}

/// `codeuser`, `me` and their OpenAPI entries.
pub fn routes() -> Documented {
    Documented::new()
        .route(
            "/api/tgv/sellers/codeuser",
            get(code_user),
            &[doc::op("get", "The seller linked to the token's user", Object)],
        )
        .route(
            "/api/mascate/v1/sellers/me",
            get(me),
            &[doc::op("get", "The caller's seller record: region, commission (Mascate extension)", Object)],
        )
}
