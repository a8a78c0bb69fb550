//! A document's lines and totals, as the ERP or the device holds them.

use leptos::prelude::*;
use mascate_domain::contract::Taxes;
use mascate_domain::document::Draft;
use mascate_domain::format;

use crate::components::totals::TotalsTable;
use crate::i18n::{use_i18n, Msg};

/// The lines, the totals, and the taxes when the ERP computed them (`taxes_offline`: say
/// they need the connection).
#[component]
pub fn ItemsCard(draft: Draft, taxes: Option<Taxes>, taxes_offline: bool) -> impl IntoView {
    let i18n = use_i18n();
    let totals = draft.totals();
    view! {
        <div class="card">
            <h2>{move || i18n.t(Msg::Items)}</h2>
            <div class="table-wrap">
                <table class="table" data-testid="document-items">
                    <thead>
                        <tr>
                            <th>"#"</th>
                            <th>{move || i18n.t(Msg::Product)}</th>
                            <th class="num">{move || i18n.t(Msg::Quantity)}</th>
                            <th class="num">{move || i18n.t(Msg::UnitPrice)}</th>
                            <th class="num">{move || i18n.t(Msg::DiscountPct)}</th>
                            <th class="num">{move || i18n.t(Msg::Amount)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {draft
                            .live_items()
                            .map(|i| {
                                let (q, u, disc, amt) = (i.quantity, i.unit_price, i.discount_pct, i.amount());
                                view! {
                                    <tr data-testid="document-item">
                                        <td class="mono">{i.item_id.clone()}</td>
                                        <td><div class="mono">{i.product.clone()}</div><div class="muted small">{i.description.clone()}</div></td>
                                        <td class="num">{move || format::number(q, 2, i18n.locale.get())}</td>
                                        <td class="num mono">{move || format::money(u, i18n.locale.get())}</td>
                                        <td class="num">{move || format::number(disc, 2, i18n.locale.get())}</td>
                                        <td class="num mono">{move || format::money(amt, i18n.locale.get())}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
            <TotalsTable totals=Signal::derive(move || totals) taxes=Signal::derive(move || taxes.clone()) />
            {taxes_offline.then(|| view! { <p class="notice" data-testid="taxes-offline">{move || i18n.t(Msg::TaxesNeedConnection)}</p> })}
        </div>
    }
}
