//! The production orders serving a sales order (issue 25): online only, read from the ERP's
//! Mascate extension; an order without production says so.

use leptos::prelude::*;

use crate::api::use_api;
use crate::components::loaded::Loaded;
use crate::components::production_orders::ProductionOrdersTable;
use crate::connectivity::use_connectivity;
use crate::i18n::{use_i18n, Msg};

/// The card of a sales order's production orders (online only).
#[component]
pub fn ProductionCard(
    /// The sales order's number (`C5_NUM`).
    number: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let connectivity = use_connectivity();
    let data = LocalResource::new(move || {
        let number = number.clone();
        async move { api.order_production_orders(&number).await }
    });
    view! {
        <Show when=move || connectivity.online()>
        <section class="card" data-testid="order-production-orders">
            <h2>{move || i18n.t(Msg::ProductionOrders)}</h2>
            <Loaded resource=data let:rows>
                {if rows.is_empty() {
                    view! { <p class="muted" data-testid="production-orders-empty">{move || i18n.t(Msg::NoProductionOrders)}</p> }.into_any()
                } else {
                    view! { <ProductionOrdersTable rows with_order=false /> }.into_any()
                }}
            </Loaded>
        </section>
        </Show>
    }
}
