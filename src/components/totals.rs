//! A document's totals: gross, discounts, charges, the total before taxes, and (when the
//! ERP has computed them) each tax and the grand total.

use leptos::prelude::*;
use mascate_domain::contract::Taxes;
use mascate_domain::document::Totals;
use mascate_domain::format;

use crate::components::money::use_money;
use crate::i18n::{use_i18n, Msg};

/// The totals table; `taxes` is `None` offline or before they are asked for.
#[component]
pub fn TotalsTable(#[prop(into)] totals: Signal<Totals>, #[prop(into)] taxes: Signal<Option<Taxes>>) -> impl IntoView {
    let i18n = use_i18n();
    let money = use_money();
    let row = move |label: Msg, testid: &'static str, value: Signal<f64>| {
        view! {
            <tr>
                <th scope="row">{move || i18n.t(label)}</th>
                <td class="num mono" data-testid=testid>{move || money(value.get())}</td>
            </tr>
        }
    };
    let t = move |f: fn(&Totals) -> f64| Signal::derive(move || f(&totals.get()));
    view! {
        <table class="totals" data-testid="totals">
            <tbody>
                {row(Msg::Gross, "total-gross", t(|t| t.gross))}
                {row(Msg::ItemDiscounts, "total-item-discounts", t(|t| t.item_discounts))}
                {row(Msg::HeaderDiscount, "total-header-discount", t(|t| t.header_discount))}
                {row(Msg::Charges, "total-charges", t(|t| t.charges))}
                {row(Msg::TotalBeforeTaxes, "total-before-taxes", t(|t| t.total))}
                {move || {
                    taxes
                        .get()
                        .map(|tx| {
                            let lines = tx.lines.clone();
                            view! {
                                {lines
                                    .into_iter()
                                    .map(|l| {
                                        let code = l.code.clone();
                                        view! {
                                            <tr class="tax" data-testid="tax-line" data-tax=code>
                                                <th scope="row">{format!("{} ({}%)", l.name, format::number(l.rate, 2, i18n.locale.get_untracked()))}</th>
                                                <td class="num mono">{money(l.value)}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                                <tr>
                                    <th scope="row">{move || i18n.t(Msg::TaxesAdded)}</th>
                                    <td class="num mono" data-testid="taxes-added">{money(tx.added)}</td>
                                </tr>
                                <tr class="grand">
                                    <th scope="row">{move || i18n.t(Msg::GrandTotal)}</th>
                                    <td class="num mono" data-testid="total-with-taxes">{money(tx.grand_total)}</td>
                                </tr>
                            }
                        })
                }}
            </tbody>
        </table>
    }
}
