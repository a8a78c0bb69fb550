//! The seller's day (a Mascate extension; Protheus keeps the seller's agenda in AD7 and CRM
//! activities in AOF, with no TGV endpoint for either): the visits scheduled (a list and a
//! sync pair, so the device keeps them offline) and `GET /api/mascate/v1/agenda`, one day's
//! open tasks and visits in one list. Only the caller's own.

use axum::extract::{Query, State};
use axum::routing::get;
use axum::{Extension, Json};
use mascate_domain::contract::{Agenda, AgendaEntry};
use serde::Deserialize;
use serde_json::Value;

use super::documented::Documented;
use crate::auth::Caller;
use crate::error::ApiResult;
use crate::input;
use crate::listing::{self, Entity, Kind, ListParams};
use crate::openapi::{
    self as doc,
    Body::{List, Object, SyncList},
    Doc,
};
use crate::state::AppState;
use crate::sync::{diff_route, full_route, SyncSource};

use Kind::{Flag, Stamp, Text};

pub static VISIT: Entity = Entity {
    table: "visits_view",
    columns: &[
        ("internalid", Text),
        ("branch", Text),
        ("visitid", Text),
        ("customerid", Text),
        ("customerstore", Text),
        ("customer", Text),
        ("customername", Text),
        ("date", Text),
        ("time", Text),
        ("subject", Text),
        ("STAMP", Stamp),
        ("deleted", Flag),
    ],
    fixed: &["internalid", "visitid"],
    default_order: "date, time, visitid",
    virtuals: &[],
};

/// Every visit of the caller's.
pub static VISIT_SYNC: SyncSource =
    SyncSource { entity: &VISIT, selection: None, seller_scope: Some("sellerid = ?"), diff_live_only: false };

/// The most entries one agenda answer carries (`hasNext` says there were more).
pub const MAX_ENTRIES: usize = 500;

/// `GET /api/mascate/v1/visits`: date and time order; `FILTER` on `date`, `customerid`….
pub async fn visits(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<ListParams>,
) -> ApiResult<Json<Value>> {
    listing::online_page(state, &VISIT, listing::live_rows_of(&caller, "sellerid")?, params, None, true).await
}

#[derive(Debug, Default, Deserialize)]
pub struct AgendaParams {
    date: Option<String>,
}

/// A day's open tasks (no time: first) and visits by time. `?1` seller, `?2` day, `?3` limit.
const DAY: &str = "
    SELECT 'task' AS kind, taskid AS id, '' AS time, customerid, customerstore, customer, customername, subject,
           status
    FROM tasks_view WHERE sellerid = ?1 AND duedate = ?2 AND status = 'open' AND deleted = 0
    UNION ALL
    SELECT 'visit', visitid, time, customerid, customerstore, customer, customername, subject, ''
    FROM visits_view WHERE sellerid = ?1 AND date = ?2 AND deleted = 0
    ORDER BY time, kind, id LIMIT ?3";

/// `GET /api/mascate/v1/agenda?date=YYYY-MM-DD` (default: the server's today).
pub async fn agenda(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(q): Query<AgendaParams>,
) -> ApiResult<Json<Agenda>> {
    let seller = caller.seller()?.to_string();
    let date = match q.date.as_deref().filter(|d| !d.trim().is_empty()) {
        Some(d) => Some(input::date("date", d)?),
        None => None,
    };
    state
        .db
        .read(move |tx| {
            let date = date.unwrap_or_else(|| tx.today());
            let mut stmt = tx.conn.prepare_cached(DAY)?;
            let mut items = stmt
                .query_map(rusqlite::params![seller, date, (MAX_ENTRIES + 1) as i64], |r| {
                    Ok(AgendaEntry {
                        kind: r.get(0)?,
                        id: r.get(1)?,
                        time: r.get(2)?,
                        customer_code: r.get(3)?,
                        customer_store: r.get(4)?,
                        customer_trade_name: r.get(5)?,
                        customer_name: r.get(6)?,
                        subject: r.get(7)?,
                        status: r.get(8)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let has_next = items.len() > MAX_ENTRIES;
            items.truncate(MAX_ENTRIES);
            Ok(Json(Agenda { date, items, has_next }))
        })
        .await
}

/// The agenda and visit routes and their OpenAPI entries.
pub fn routes() -> Documented {
    Documented::new()
        .route(
            "/api/mascate/v1/agenda",
            get(agenda),
            &[Doc { query: &["date"], ..doc::op("get", "A day's open tasks and visits (Mascate extension)", Object) }],
        )
        .route(
            "/api/mascate/v1/visits",
            get(visits),
            &[doc::op("get", "The seller's scheduled visits (Mascate extension)", List(&VISIT))],
        )
        .route(
            "/api/mascate/v1/visits/sync",
            full_route(&VISIT_SYNC),
            &[doc::op("get", "The seller's visits, for offline use (Mascate extension)", SyncList(&VISIT))],
        )
        .route(
            "/api/mascate/v1/visits/sync/diff/{date_sync}",
            diff_route(&VISIT_SYNC),
            &[doc::op("get", "The seller's visits changed since (Mascate extension)", SyncList(&VISIT))],
        )
}
