//! The HTTP surface: one file per route family, all behind the bearer check except the
//! token call, Mascate's `about`, and the static app.

pub mod about;
pub mod customers;
pub mod seller_filters;
pub mod sellers;
pub mod static_files;

use axum::middleware::from_fn_with_state;
use axum::routing::{get, post};
use axum::Router;
use tower::Layer;
use tower_http::normalize_path::{NormalizePath, NormalizePathLayer};

use crate::auth;
use crate::AppState;

/// Builds the application. Trailing slashes are trimmed before routing because the
/// contract spells most paths with one (`/api/tgv/customers/`) and clients send both.
pub fn router(state: AppState) -> NormalizePath<Router> {
    let protected = Router::new()
        .route("/api/tgv/sellers/codeuser", get(sellers::code_user))
        .route("/api/tgv/customers", get(customers::list))
        .route("/api/tgv/customers/sync", get(customers::sync_full))
        .route("/api/tgv/customers/sync/diff/{date_sync}", get(customers::sync_diff))
        .route("/api/tgv/customers/{code}/{store}", get(customers::one))
        .route("/api/pgv/sellerfilters", get(seller_filters::list).post(seller_filters::create))
        .route(
            "/api/pgv/sellerfilters/{uuid}",
            get(seller_filters::one).put(seller_filters::update).delete(seller_filters::remove),
        )
        .route("/api/pgv/sellerfilters/{uuid}/items", get(seller_filters::items))
        .route("/api/pgv/sellerfilters/{uuid}/items/{item_id}", get(seller_filters::item))
        .route_layer(from_fn_with_state(state.clone(), auth::require_token));
    let app = Router::new()
        .route("/api/oauth2/v1/token", post(auth::token))
        .route("/api/mascate/v1/about", get(about::about))
        .merge(protected)
        .fallback(static_files::serve)
        .with_state(state);
    NormalizePathLayer::trim_trailing_slash().layer(app)
}
