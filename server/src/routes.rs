//! The HTTP surface: one file per route family, each bringing its routes with their OpenAPI
//! entries ([`documented`]), all behind the bearer check except the token calls, Mascate's
//! `about` and CSP reports, the OpenAPI document and the static app.

pub mod about;
pub mod account;
pub mod agenda;
pub mod catalog;
pub mod contacts;
pub mod csp_reports;
pub mod currencies;
pub mod customer_finance;
pub mod customer_scope;
pub mod customers;
pub mod document_writes;
pub mod documented;
pub mod documents;
pub mod financial;
pub mod indicators;
pub mod industry;
pub mod invoice_detail;
pub mod invoices;
pub mod last_purchases;
pub mod notifications;
pub mod offline_estimate;
pub mod order_releases;
pub mod product_groups;
pub mod prospects;
pub mod queue;
pub mod schemas;
pub mod seller_filters;
pub mod sellers;
pub mod static_files;
pub mod statistics;
pub mod tasks;
pub mod taxes;
pub mod tokens;

use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::middleware::from_fn_with_state;
use axum::routing::{get, post};
use axum::{Json, Router};

use crate::openapi::{self as doc, Body::Object, Doc};
use crate::state::AppState;
use crate::{access_log, compression, openapi};
use documented::Documented;

/// Every route behind the bearer check, family by family.
fn protected() -> Documented {
    sellers::routes()
        .merge(customers::routes())
        .merge(catalog::routes())
        .merge(product_groups::routes())
        .merge(prospects::routes())
        .merge(documents::routes())
        .merge(financial::routes())
        .merge(notifications::routes())
        .merge(contacts::routes())
        .merge(invoices::routes())
        .merge(last_purchases::routes())
        .merge(statistics::routes())
        .merge(schemas::routes())
        .merge(indicators::routes())
        .merge(taxes::routes())
        .merge(order_releases::routes())
        .merge(queue::routes())
        .merge(seller_filters::routes())
        .merge(tasks::routes())
        .merge(agenda::routes())
        .merge(account::routes())
        .merge(currencies::routes())
        .merge(customer_finance::routes())
        .merge(invoice_detail::routes())
        .merge(industry::routes())
}

/// The documented routes open to everyone: the token and Mascate's discovery.
fn public() -> Documented {
    Documented::new()
        .route(
            "/api/oauth2/v1/token",
            post(tokens::token),
            &[Doc {
                query: &["grant_type", "username", "password", "refresh_token"],
                created: true,
                ..doc::op("post", "Token (password or refresh_token grant)", Object)
            }],
        )
        .route(
            "/api/mascate/v1/about",
            get(about::about),
            &[doc::op("get", "Demo server discovery (Mascate only)", Object)],
        )
}

/// Builds the routes. Trailing slashes are trimmed before routing (see [`crate::http`])
/// because the contract spells most paths with one (`/api/tgv/customers/`) and clients
/// send both.
pub fn router(state: AppState) -> Router {
    let (protected, mut operations) = protected()
        .map_router(|r| r.route_layer(from_fn_with_state(state.clone(), tokens::require_token)))
        .into_parts();
    let (public, public_operations) = public().into_parts();
    operations.splice(0..0, public_operations);
    let document = Arc::new(openapi::document(&operations));
    let access_log = state.access_log.clone();
    // Outside the document: revoking a token, the browser's CSP reports and the document itself.
    let mut app = Router::new()
        .route("/api/oauth2/v1/revoke", post(tokens::revoke))
        .route(
            "/api/mascate/v1/csp-report",
            post(csp_reports::report).layer(DefaultBodyLimit::max(csp_reports::MAX_REPORT)),
        )
        .route("/api/openapi.json", get(move || async move { Json(document.as_ref().clone()) }))
        .merge(public)
        .merge(protected)
        .fallback(static_files::serve)
        .with_state(state);
    if let Some(log) = access_log {
        app = app.layer(from_fn_with_state(log, access_log::record));
    }
    compression::wrap(app)
}
