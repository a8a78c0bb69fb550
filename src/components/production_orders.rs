//! Production orders as a table (cards on a narrow container): number, product, quantity,
//! produced, dates and status, each linked to the sales order it serves. Shown on the
//! customer's page and on a sales order's (issue 25).

use leptos::prelude::*;
use leptos_router::components::A;
use mascate_domain::contract::ProductionOrder;
use mascate_domain::format;

use crate::i18n::{use_i18n, Msg};

/// The status's words and chip tone.
fn status(code: &str) -> (Msg, &'static str) {
    match code {
        "finished" => (Msg::Finished, "chip ok"),
        "started" => (Msg::ProductionStarted, "chip warn"),
        _ => (Msg::ProductionOpen, "chip"),
    }
}

/// The table; `with_order` adds the column of the sales order served.
#[component]
pub fn ProductionOrdersTable(
    /// The production orders, in the ERP's order.
    rows: Vec<ProductionOrder>,
    /// Show (and link) the sales order each one serves.
    with_order: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let label = move |m: Msg| move || i18n.t(m);
    view! {
        <div class="table-wrap">
            <table class="table stack stack-wide" data-testid="production-orders-table">
                <thead>
                    <tr>
                        <th>{label(Msg::Number)}</th>
                        <th>{label(Msg::Product)}</th>
                        <th class="num">{label(Msg::Quantity)}</th>
                        <th class="num">{label(Msg::Produced)}</th>
                        <th>{label(Msg::StartDate)}</th>
                        <th>{label(Msg::PlannedEnd)}</th>
                        <th>{label(Msg::Status)}</th>
                        {with_order.then(|| view! { <th>{label(Msg::Order)}</th> })}
                    </tr>
                </thead>
                <tbody>{rows.into_iter().map(|p| view! { <ProductionRow p with_order /> }).collect_view()}</tbody>
            </table>
        </div>
    }
}

/// One production order.
#[component]
fn ProductionRow(p: ProductionOrder, with_order: bool) -> impl IntoView {
    let i18n = use_i18n();
    let locale = move || i18n.locale.get();
    let label = move |m: Msg| move || i18n.t(m);
    let (quantity, produced, unit) = (p.quantity, p.produced, p.unit.clone());
    let (start, end) = (p.start_date.clone(), p.end_date.clone());
    let (words, chip) = status(&p.status);
    let order = (p.order.clone(), p.order_item.clone());
    view! {
        <tr data-testid="production-order-row" data-id=p.id.clone() data-quantity=p.quantity.to_string()
            data-produced=p.produced.to_string()>
            <td class="mono nowrap" data-label=label(Msg::Number)>{format!("{}-{}-{}", p.number, p.item, p.sequence)}</td>
            <td class="wide" data-label=label(Msg::Product)>
                <div>{p.description.clone()}</div>
                <div class="muted small mono">{p.product.clone()}</div>
            </td>
            <td class="num nowrap" data-label=label(Msg::Quantity)>{
                let unit = unit.clone();
                move || format!("{} {unit}", format::number(quantity, 2, locale()))
            }</td>
            <td class="num nowrap" data-label=label(Msg::Produced)>{move || format!("{} {unit}", format::number(produced, 2, locale()))}</td>
            <td class="nowrap" data-label=label(Msg::StartDate)>{move || format::date(&start, locale())}</td>
            <td class="nowrap" data-label=label(Msg::PlannedEnd)>{move || format::date(&end, locale())}</td>
            <td data-label=label(Msg::Status)><span class=chip data-testid="production-status">{move || i18n.t(words)}</span></td>
            {with_order.then(|| view! {
                <td class="mono" data-label=label(Msg::Order)>
                    <A href=format!("/orders/{}", order.0) attr:class="row-link">{format!("{}/{}", order.0, order.1)}</A>
                </td>
            })}
        </tr>
    }
}
