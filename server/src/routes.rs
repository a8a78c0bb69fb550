//! The HTTP surface: one file per route family, all behind the bearer check except the
//! token call, Mascate's `about`, and the static app.

pub mod about;
pub mod catalog;
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
use crate::sync::{diff_route, full_route};
use crate::AppState;

/// Builds the application. Trailing slashes are trimmed before routing because the
/// contract spells most paths with one (`/api/tgv/customers/`) and clients send both.
pub fn router(state: AppState) -> NormalizePath<Router> {
    let protected = Router::new()
        .route("/api/tgv/sellers/codeuser", get(sellers::code_user))
        .route("/api/tgv/customers", get(customers::list))
        .route("/api/tgv/customers/sync", full_route(&customers::CUSTOMER_SYNC))
        .route("/api/tgv/customers/sync/diff/{date_sync}", diff_route(&customers::CUSTOMER_SYNC))
        .route("/api/tgv/customers/{code}/{store}", get(customers::one))
        .merge(catalog_routes())
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

/// Products, stock, price lists, payment conditions, carriers, operation types, prospects.
fn catalog_routes() -> Router<AppState> {
    use catalog::*;
    Router::new()
        .route("/api/tgv/products", get(products))
        .route("/api/tgv/products/sync", full_route(&PRODUCT_SYNC))
        .route("/api/tgv/products/sync/diff/{date_sync}", diff_route(&PRODUCT_SYNC))
        .route("/api/tgv/products/{price_list}/{customer}/{store}", get(products_for_price_list))
        .route("/api/tgv/productBalance", full_route(&PRODUCT_BALANCE_SYNC))
        .route("/api/tgv/productBalance/diff/{date_sync}", diff_route(&PRODUCT_BALANCE_SYNC))
        .route("/api/tgv/productBalance/{product}", get(product_balance))
        .route("/api/tgv/priceList", full_route(&PRICE_LIST_SYNC))
        .route("/api/tgv/priceList/diff/{date_sync}", diff_route(&PRICE_LIST_SYNC))
        .route("/api/tgv/priceList/items", full_route(&PRICE_LIST_ITEM_SYNC))
        .route("/api/tgv/priceList/items/diff/{date_sync}", diff_route(&PRICE_LIST_ITEM_SYNC))
        .route("/api/tgv/paymentconditions", full_route(&PAYMENT_CONDITION_SYNC))
        .route("/api/tgv/paymentconditions/diff/{date_sync}", diff_route(&PAYMENT_CONDITION_SYNC))
        .route("/api/tgv/carriers", full_route(&CARRIER_SYNC))
        .route("/api/tgv/carriers/diff/{date_sync}", diff_route(&CARRIER_SYNC))
        .route("/api/tgv/typesofoperation", get(types_of_operation))
        .route("/api/tgv/prospects", get(prospects))
        .route("/api/tgv/prospects/sync", full_route(&PROSPECT_SYNC))
        .route("/api/tgv/prospects/sync/diff/{date_sync}", diff_route(&PROSPECT_SYNC))
        .route("/api/tgv/prospects/{code}/{store}", get(prospect))
}
