//! The HTTP surface: one file per route family, all behind the bearer check except the
//! token call, Mascate's `about`, and the static app.

pub mod about;
pub mod catalog;
pub mod contacts;
pub mod csp_reports;
pub mod customers;
pub mod document_writes;
pub mod documents;
pub mod financial;
pub mod indicators;
pub mod invoices;
pub mod last_purchases;
pub mod notifications;
pub mod offline_estimate;
pub mod order_releases;
pub mod product_groups;
pub mod prospects;
pub mod schemas;
pub mod seller_filters;
pub mod sellers;
pub mod static_files;
pub mod statistics;
pub mod taxes;

use axum::middleware::from_fn_with_state;
use axum::routing::{get, post};
use axum::Router;

use crate::auth;
use crate::state::AppState;
use crate::sync::{diff_route, full_route};

/// Builds the routes. Trailing slashes are trimmed before routing (see [`crate::http`])
/// because the contract spells most paths with one (`/api/tgv/customers/`) and clients
/// send both.
pub fn router(state: AppState) -> Router {
    let protected = Router::new()
        .route("/api/tgv/sellers/codeuser", get(sellers::code_user))
        .route("/api/tgv/customers", get(customers::list))
        .route("/api/tgv/customers/sync", full_route(&customers::CUSTOMER_SYNC))
        .route("/api/tgv/customers/sync/diff/{date_sync}", diff_route(&customers::CUSTOMER_SYNC))
        .route("/api/tgv/customers/{code}/{store}", get(customers::one))
        .merge(catalog_routes())
        .merge(document_routes())
        .merge(finance_and_notification_routes())
        .merge(sales_views_routes())
        .route("/api/tgv/schemas", get(schemas::list))
        .route("/api/tgv/cardsHome", get(indicators::cards))
        .route("/api/tgv/chartsHome", get(indicators::charts))
        .route("/api/fat/v1/SalesTaxes", post(taxes::simulate))
        .route("/api/fat/v1/SalesTaxes/{order}", get(taxes::of_stored))
        .route("/api/tgv/salesorders/total/{order}", get(taxes::order_total))
        .route("/api/pgv/salesorderslist", get(order_releases::this_month))
        .route("/api/pgv/salesorderslist/{from}/{to}", get(order_releases::between))
        .merge(queue_routes())
        .merge(seller_filter_routes())
        .route_layer(from_fn_with_state(state.clone(), auth::require_token));
    let access_log = state.access_log.clone();
    let mut app = Router::new()
        .route("/api/oauth2/v1/token", post(auth::token))
        .route("/api/oauth2/v1/revoke", post(auth::revoke))
        .route("/api/mascate/v1/about", get(about::about))
        .route(
            "/api/mascate/v1/csp-report",
            post(csp_reports::report).layer(axum::extract::DefaultBodyLimit::max(csp_reports::MAX_REPORT)),
        )
        .route("/api/openapi.json", get(crate::openapi::serve))
        .merge(protected)
        .fallback(static_files::serve)
        .with_state(state);
    if let Some(log) = access_log {
        app = app.layer(from_fn_with_state(log, crate::access_log::record));
    }
    crate::compression::wrap(app)
}

/// The integration queue; a document's body is at most [`crate::queue::BODY_LIMIT`].
fn queue_routes() -> Router<AppState> {
    use crate::queue::{delete, list, post, put, BODY_LIMIT, QUEUE_SYNC};
    Router::new()
        .route("/api/tgv/integrationqueue", get(list).post(post))
        .route("/api/tgv/integrationqueue/diff/{date_sync}", diff_route(&QUEUE_SYNC))
        .route("/api/tgv/integrationqueue/{id}", axum::routing::put(put).delete(delete))
        .layer(axum::extract::DefaultBodyLimit::max(BODY_LIMIT))
}

/// Today's selections. A selection of 100,000 records is a few megabytes of JSON, so these
/// writes may carry more than the default body limit.
fn seller_filter_routes() -> Router<AppState> {
    use seller_filters::*;
    Router::new()
        .route("/api/pgv/sellerfilters", get(list).post(create))
        .route("/api/pgv/sellerfilters/{uuid}", get(one).put(update).delete(remove))
        .route("/api/pgv/sellerfilters/{uuid}/items", get(items))
        .route("/api/pgv/sellerfilters/{uuid}/items/{item_id}", get(item))
        // Takes a selection as large as a seller filter's body.
        .route("/api/mascate/v1/offline/estimate", post(offline_estimate::estimate))
        .layer(axum::extract::DefaultBodyLimit::max(SELECTION_BODY_LIMIT))
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
        .route("/api/tgv/productgroups", get(product_groups::list))
        .route("/api/tgv/prospects", get(prospects::prospects).post(prospects::create_prospect))
        .route("/api/tgv/prospects/sync", full_route(&prospects::PROSPECT_SYNC))
        .route("/api/tgv/prospects/sync/diff/{date_sync}", diff_route(&prospects::PROSPECT_SYNC))
        .route("/api/tgv/prospects/{code}/{store}", get(prospects::prospect))
}

/// Orders and quotations: reads, sync pairs and the PO-Sync mocks.
fn document_routes() -> Router<AppState> {
    use crate::erp::Routine;
    use axum::routing::any;
    use document_writes::{cancel, create, implement, remove, update};
    use documents::*;
    Router::new()
        .route("/api/tgv/salesorders", list(&ORDER_READS).merge(create(Routine::Order)))
        .route(
            "/api/tgv/salesorders/{order}",
            record(&ORDER_READS).merge(update(Routine::Order)).merge(remove(Routine::Order)),
        )
        .route("/api/tgv/salesorders/{order}/items", items(&ORDER_READS))
        .route("/api/tgv/salesorders/{order}/items/{item}", item(&ORDER_READS))
        .route("/api/tgv/salesorders/product/{product}", with_product(&ORDER_READS))
        .route("/api/tgv/salesorders/invoices/{order}", get(order_invoices))
        .route("/api/tgv/salesorders/sync", full_route(&ORDER_SYNC).post(sync_mock))
        .route("/api/tgv/salesorders/sync/{id}", any(sync_mock))
        .route("/api/tgv/salesorders/sync/diff/{date_sync}", diff_route(&ORDER_SYNC))
        .route("/api/tgv/salesorders/sync/items", full_route(&ORDER_ITEM_SYNC).post(sync_mock))
        .route("/api/tgv/salesorders/sync/items/{id}", any(sync_mock))
        .route("/api/tgv/salesorders/sync/items/diff/{date_sync}", diff_route(&ORDER_ITEM_SYNC))
        .route("/api/tgv/salesbudgets", list(&QUOTATION_READS).merge(create(Routine::Quotation)))
        .route(
            "/api/tgv/salesbudgets/{id}",
            record(&QUOTATION_READS).merge(update(Routine::Quotation)).merge(remove(Routine::Quotation)),
        )
        .route("/api/tgv/salesbudgets/implement", post(implement))
        .route("/api/tgv/salesbudgets/cancel", post(cancel))
        .route("/api/tgv/salesbudgets/{id}/items", items(&QUOTATION_READS))
        .route("/api/tgv/salesbudgets/{id}/items/{item}", item(&QUOTATION_READS))
        .route("/api/tgv/salesbudgets/product/{product}", with_product(&QUOTATION_READS))
        .route("/api/tgv/salesbudgets/sync", full_route(&QUOTATION_SYNC).post(sync_mock))
        .route("/api/tgv/salesbudgets/sync/{id}", any(sync_mock))
        .route("/api/tgv/salesbudgets/sync/diff/{date_sync}", diff_route(&QUOTATION_SYNC))
        .route("/api/tgv/salesbudgets/sync/items", full_route(&QUOTATION_ITEM_SYNC).post(sync_mock))
        .route("/api/tgv/salesbudgets/sync/items/{id}", any(sync_mock))
        .route("/api/tgv/salesbudgets/sync/items/diff/{date_sync}", diff_route(&QUOTATION_ITEM_SYNC))
}

/// Financial reads and notifications.
fn finance_and_notification_routes() -> Router<AppState> {
    Router::new()
        .route("/api/tgv/financialstatus", get(financial::statuses))
        .route("/api/tgv/financialstatus/sync", full_route(&financial::FINANCIAL_STATUS_SYNC))
        .route("/api/tgv/financialstatus/sync/diff/{date_sync}", diff_route(&financial::FINANCIAL_STATUS_SYNC))
        .route("/api/tgv/financialstatus/{code}/{store}", get(financial::status))
        .route("/api/tgv/financialsecurities", get(financial::bills))
        .route("/api/tgv/financialsecurities/financialdefault/{code}/{store}", get(financial::delinquency))
        .route("/api/tgv/customers/creditlimit/{code}/{store}", get(financial::credit_limit))
        .route("/api/tgv/notifications", get(notifications::list).post(notifications::create))
        .route("/api/tgv/notifications/sync", get(notifications::sync_full))
        .route("/api/tgv/notifications/sync/diff/{date_sync}", get(notifications::sync_diff))
        .route(
            "/api/tgv/notifications/{id}",
            get(notifications::one).put(notifications::update).delete(notifications::remove),
        )
}

/// Contacts (schema 000003) and the Mascate extensions over sales: invoices, returns, last
/// purchases, statistics.
fn sales_views_routes() -> Router<AppState> {
    Router::new()
        .route("/api/tgv/contacts", get(contacts::list).post(contacts::create))
        .route("/api/tgv/contacts/sync", full_route(&contacts::CONTACT_SYNC))
        .route("/api/tgv/contacts/sync/diff/{date_sync}", diff_route(&contacts::CONTACT_SYNC))
        .route("/api/tgv/contacts/{id}", get(contacts::one).put(contacts::update))
        .route("/api/mascate/v1/invoices", get(invoices::list))
        .route("/api/mascate/v1/returns", get(invoices::returns))
        .route("/api/mascate/v1/lastpurchases/sync", full_route(&last_purchases::LAST_PURCHASE_SYNC))
        .route("/api/mascate/v1/lastpurchases/sync/diff/{date_sync}", diff_route(&last_purchases::LAST_PURCHASE_SYNC))
        .route("/api/mascate/v1/lastpurchases/{code}/{store}", get(last_purchases::of_customer))
        .route("/api/mascate/v1/salesstatistics", get(statistics::statistics))
}
