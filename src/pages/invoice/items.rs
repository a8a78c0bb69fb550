//! The invoice's items: product, quantity, prices, discount, each tax (base, rate, value)
//! and the line's total; a table that turns into cards on a narrow container.

use leptos::prelude::*;
use mascate_domain::contract::{InvoiceItem, ItemTaxes, Tax};
use mascate_domain::format;

use crate::i18n::{use_i18n, Msg};

/// The five taxes with their names, in the DANFE's order.
pub fn named(taxes: ItemTaxes) -> [(Msg, Tax); 5] {
    [
        (Msg::TaxIcms, taxes.icms),
        (Msg::TaxIpi, taxes.ipi),
        (Msg::TaxIcmsSt, taxes.icmsst),
        (Msg::TaxPis, taxes.pis),
        (Msg::TaxCofins, taxes.cofins),
    ]
}

/// The items card.
#[component]
pub fn InvoiceItems(
    /// The invoice's lines, in order.
    items: Vec<InvoiceItem>,
) -> impl IntoView {
    let i18n = use_i18n();
    let label = move |m: Msg| move || i18n.t(m);
    view! {
        <section class="card" data-testid="invoice-items">
            <h2>{label(Msg::Items)}</h2>
            <div class="table-wrap">
                <table class="table stack stack-wide">
                    <thead>
                        <tr>
                            <th>{label(Msg::Product)}</th>
                            <th class="num">{label(Msg::Quantity)}</th>
                            <th class="num">{label(Msg::UnitPrice)}</th>
                            <th class="num">{label(Msg::Discount)}</th>
                            <th>{label(Msg::Taxes)}</th>
                            <th class="num">{label(Msg::Total)}</th>
                        </tr>
                    </thead>
                    <tbody>{items.into_iter().map(|item| view! { <ItemRow item /> }).collect_view()}</tbody>
                </table>
            </div>
        </section>
    }
}

/// One line.
#[component]
fn ItemRow(item: InvoiceItem) -> impl IntoView {
    let i18n = use_i18n();
    let locale = move || i18n.locale.get();
    let label = move |m: Msg| move || i18n.t(m);
    let money = move |v: f64| move || format::money(v, locale());
    let (quantity, unit) = (item.quantity, item.unit.clone());
    view! {
        <tr data-testid="invoice-item" data-product=item.product.clone() data-total=item.total.to_string()
            data-quantity=item.quantity.to_string()>
            <td class="wide" data-label=label(Msg::Product)>
                <div>{item.description.clone()}</div>
                <div class="muted small mono">{format!("{} · {} {}", item.item, item.product, item.cfop)}</div>
            </td>
            <td class="num nowrap" data-label=label(Msg::Quantity)>{move || format!("{} {unit}", format::number(quantity, 2, locale()))}</td>
            <td class="num money" data-label=label(Msg::UnitPrice)>{money(item.unit_price)}</td>
            <td class="num money" data-label=label(Msg::Discount)>{money(item.discount)}</td>
            <td data-label=label(Msg::Taxes)><TaxList taxes=item.taxes /></td>
            <td class="num money" data-label=label(Msg::Total)>{money(item.total)}</td>
        </tr>
    }
}

/// The taxes that apply (value or base not zero): name, rate, value and base.
#[component]
pub fn TaxList(
    /// The item's (or the invoice's) taxes.
    taxes: ItemTaxes,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = move || i18n.locale.get();
    view! {
        <ul class="plain tax-list">
            {named(taxes).into_iter().filter(|(_, t)| t.value != 0.0 || t.base != 0.0).map(|(name, t)| view! {
                // The list may wrap between its parts, never inside an amount or a rate.
                <li>
                    {move || i18n.t(name)}" "<span class="nowrap">{move || format!("{} %", format::number(t.rate, 2, locale()))}</span>
                    " · "<span class="money">{move || format::money(t.value, locale())}</span>
                    <span class="muted small">
                        {move || format!(" ({} ", i18n.t(Msg::TaxBase))}<span class="money">{move || format::money(t.base, locale())}</span>")"
                    </span>
                </li>
            }).collect_view()}
        </ul>
    }
}
