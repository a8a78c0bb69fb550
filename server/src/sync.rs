//! The PO-Sync pair every syncable entity shares (§1.5): a full load (live rows only) and a
//! diff (`stamp > dateSync`, tombstones included), scoped by today's seller filter and the
//! caller's seller where the entity asks for it.
//!
//! ```ignore
//! static PRODUCTS: SyncSource = SyncSource { entity: &PRODUCT, selection: Some((schema::PRODUCTS, "code")), seller_scope: None, diff_live_only: false };
//! router.route("/api/tgv/products/sync", sync::full_route(&PRODUCTS))
//!       .route("/api/tgv/products/sync/diff/{date_sync}", sync::diff_route(&PRODUCTS))
//! ```

use axum::extract::{Path, Query, State};
use axum::routing::{get, MethodRouter};
use axum::{Extension, Json};
use mascate_domain::timestamp::DateSync;
use rusqlite::types::Value as SqlValue;
use serde_json::Value;

use crate::auth::Caller;
use crate::db::Tx;
use crate::error::{ApiError, ApiResult};
use crate::listing::{self, Entity, ListParams, Where};
use crate::selection::in_todays_filter;
use crate::state::AppState;

/// How one entity is synced.
#[derive(Debug)]
pub struct SyncSource {
    pub entity: &'static Entity,
    /// `(schema, key SQL)`: only rows whose key is in today's filter of that schema for the
    /// caller's seller (§1.5). `None`: every row of the branch.
    pub selection: Option<(&'static str, &'static str)>,
    /// SQL with one `?` (the caller's seller) that rows must also satisfy, going beyond
    /// Protheus where it only trusts the selection: a selection naming another seller's
    /// row returns nothing.
    pub seller_scope: Option<&'static str>,
    /// Diffs leave tombstones out (quotations: "deleted quotations never come back", §1.5).
    pub diff_live_only: bool,
}

/// Reads one page of a full load or a diff.
pub async fn read(
    state: AppState,
    caller: Caller,
    params: ListParams,
    src: &'static SyncSource,
    since: DateSync,
) -> ApiResult<Json<Value>> {
    let seller =
        if src.selection.is_some() || src.seller_scope.is_some() { Some(caller.seller()?.to_string()) } else { None };
    state
        .db
        .read(move |tx| {
            let mut base = scope(tx, src, seller.as_deref(), None);
            let order = match since {
                DateSync::Full => {
                    base = base.and("deleted = 0", []);
                    src.entity.default_order.to_string()
                }
                DateSync::Since(stamp) => {
                    base = base.and("stamp > ?", [SqlValue::Integer(stamp)]);
                    if src.diff_live_only {
                        base = base.and("deleted = 0", []);
                    }
                    format!("stamp, {}", src.entity.default_order)
                }
            };
            let sync_date = tx.sync_date();
            let columns = listing::selected_columns(src.entity, params.fields.as_deref());
            let page = listing::page_ordered(tx, src.entity, base, &params, &columns, &order)?;
            Ok(Json(listing::envelope(page, Some(sync_date))))
        })
        .await
}

/// A selection not saved yet: the entity ids one schema's filter would hold.
#[derive(Debug, Clone)]
pub struct Proposal {
    pub schema: String,
    pub entities: Vec<String>,
}

/// The rows of `src` a seller's download brings: the seller's own where the entity is scoped,
/// and those in today's filter of the entity's schema — or in `proposal` when it is that
/// schema's. A sync by a caller without a seller (`None`) is not scoped.
pub fn scope(tx: &Tx, src: &SyncSource, seller: Option<&str>, proposal: Option<&Proposal>) -> Where {
    let mut base = Where::new();
    let Some(seller) = seller else { return base };
    if let Some(scope) = src.seller_scope {
        base = base.and(scope, [SqlValue::Text(seller.to_string())]);
    }
    if let Some((schema, key)) = src.selection {
        base = match proposal.filter(|p| p.schema == schema) {
            Some(p) => base.and(
                &format!("{key} IN (SELECT value FROM json_each(?))"),
                [SqlValue::Text(serde_json::to_string(&p.entities).unwrap_or_else(|_| "[]".into()))],
            ),
            None => base.and(
                &in_todays_filter(key),
                [SqlValue::Text(seller.to_string()), SqlValue::Text(schema.into()), SqlValue::Text(tx.today())],
            ),
        };
    }
    base
}

/// Parses the `:dateSync` path segment.
pub fn parse_date_sync(raw: &str) -> ApiResult<DateSync> {
    DateSync::parse(raw).ok_or_else(|| ApiError::bad_request(format!("dateSync inválida: {raw}")))
}

/// `GET …/sync` (or the plain GET of reference tables): the full load.
pub fn full_route(src: &'static SyncSource) -> MethodRouter<AppState> {
    get(move |State(state): State<AppState>, Extension(caller): Extension<Caller>, Query(params): Query<ListParams>| {
        read(state, caller, params, src, DateSync::Full)
    })
}

/// `GET …/diff/:dateSync`.
pub fn diff_route(src: &'static SyncSource) -> MethodRouter<AppState> {
    get(
        move |State(state): State<AppState>,
              Extension(caller): Extension<Caller>,
              Path(date_sync): Path<String>,
              Query(params): Query<ListParams>| async move {
            read(state, caller, params, src, parse_date_sync(&date_sync)?).await
        },
    )
}
