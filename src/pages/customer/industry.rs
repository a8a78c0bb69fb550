//! The customer's industrial side (issue 25): the goods of the customer the company holds
//! for industrialisation, and the production orders serving the customer's sales orders
//! (each linked to its order). Online only, like the finances.

use leptos::prelude::*;
use mascate_domain::contract::HeldStock;
use mascate_domain::format;

use crate::api::use_api;
use crate::components::loaded::Loaded;
use crate::components::production_orders::ProductionOrdersTable;
use crate::i18n::{use_i18n, Msg};

/// Held stock and production orders of one customer.
#[component]
pub fn Industry(
    /// The customer's code (`A1_COD`).
    code: String,
    /// The customer's store (`A1_LOJA`).
    store: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let held = {
        let (code, store) = (code.clone(), store.clone());
        LocalResource::new(move || {
            let (code, store) = (code.clone(), store.clone());
            async move { api.held_stock(&code, &store).await }
        })
    };
    let production = LocalResource::new(move || {
        let (code, store) = (code.clone(), store.clone());
        async move { api.customer_production_orders(&code, &store).await }
    });
    view! {
        <section class="card" data-testid="held-stock">
            <h2>{move || i18n.t(Msg::HeldStock)}</h2>
            <Loaded resource=held let:rows>
                {if rows.is_empty() {
                    view! { <p class="muted" data-testid="held-stock-empty">{move || i18n.t(Msg::NoHeldStock)}</p> }.into_any()
                } else {
                    view! { <HeldStockTable rows /> }.into_any()
                }}
            </Loaded>
        </section>
        <section class="card" data-testid="customer-production-orders">
            <h2>{move || i18n.t(Msg::ProductionOrders)}</h2>
            <Loaded resource=production let:rows>
                {if rows.is_empty() {
                    view! { <p class="muted" data-testid="production-orders-empty">{move || i18n.t(Msg::NoProductionOrders)}</p> }.into_any()
                } else {
                    view! { <ProductionOrdersTable rows with_order=true /> }.into_any()
                }}
            </Loaded>
        </section>
    }
}

/// The goods held, with what came in and the customer's invoice they came with.
#[component]
fn HeldStockTable(rows: Vec<HeldStock>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = move || i18n.locale.get();
    let label = move |m: Msg| move || i18n.t(m);
    view! {
        <div class="table-wrap">
            <table class="table stack" data-testid="held-stock-table">
                <thead>
                    <tr>
                        <th>{label(Msg::Product)}</th>
                        <th class="num">{label(Msg::Quantity)}</th>
                        <th class="num">{label(Msg::Received)}</th>
                        <th>{label(Msg::Invoice)}</th>
                        <th>{label(Msg::IssueDate)}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|h| {
                        let (quantity, received, unit, issued) = (h.quantity, h.received, h.unit.clone(), h.issue_date.clone());
                        let unit2 = unit.clone();
                        view! {
                            <tr data-testid="held-stock-row" data-id=h.id.clone() data-quantity=h.quantity.to_string()>
                                <td class="wide" data-label=label(Msg::Product)>
                                    <div>{h.description.clone()}</div>
                                    <div class="muted small mono">{h.product.clone()}</div>
                                </td>
                                <td class="num nowrap" data-label=label(Msg::Quantity)>{move || format!("{} {unit}", format::number(quantity, 2, locale()))}</td>
                                <td class="num nowrap" data-label=label(Msg::Received)>{move || format!("{} {unit2}", format::number(received, 2, locale()))}</td>
                                <td class="mono nowrap" data-label=label(Msg::Invoice)>{format!("{}-{}", h.document, h.serie)}</td>
                                <td class="nowrap" data-label=label(Msg::IssueDate)>{move || format::date(&issued, locale())}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
