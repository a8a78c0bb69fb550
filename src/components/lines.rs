//! A document's lines, read-only: a table where it fits, a card per line where it does not.
//! The review step, the document's page and the page of a document on the device share it.

use leptos::prelude::*;
use mascate_domain::document::DraftItem;
use mascate_domain::format;

use crate::components::money::use_money;
use crate::i18n::{use_i18n, Msg};

/// The lines with quantity, unit price, discount and amount.
#[component]
pub fn LinesTable(
    /// The lines to show (removed ones left out by the caller).
    #[prop(into)]
    lines: Signal<Vec<DraftItem>>,
    /// `data-testid` of the table; each row is `<testid>-line`… and `document-item`.
    testid: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let label = move |msg: Msg| move || i18n.t(msg);
    let money = use_money();
    view! {
        <div class="table-wrap">
            <table class="table stack lines" data-testid=testid>
                <thead>
                    <tr>
                        <th>{label(Msg::Product)}</th>
                        <th class="num">{label(Msg::Quantity)}</th>
                        <th class="num">{label(Msg::UnitPrice)}</th>
                        <th class="num">{label(Msg::DiscountPct)}</th>
                        <th class="num">{label(Msg::Amount)}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        lines
                            .get()
                            .into_iter()
                            .map(|i| {
                                let (q, u, disc, amt) = (i.quantity, i.unit_price, i.discount_pct, i.amount());
                                let locale = move || i18n.locale.get();
                                view! {
                                    <tr data-testid="document-item" data-product=i.product.clone()>
                                        <td class="wide">
                                            <div class="mono">{i.product.clone()}</div>
                                            <div class="muted small">{i.description.clone()}</div>
                                        </td>
                                        <td class="num" data-label=label(Msg::Quantity)>{move || format::number(q, 2, locale())}</td>
                                        <td class="num money" data-label=label(Msg::UnitPrice)>{move || money(u)}</td>
                                        <td class="num" data-label=label(Msg::DiscountPct)>{move || format::number(disc, 2, locale())}</td>
                                        <td class="num money" data-label=label(Msg::Amount)>{move || money(amt)}</td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
        </div>
    }
}
