//! An order's releases (§9.5): how much is in the portfolio, released, held for credit or
//! stock, held by a rule, and invoiced; and each item's release.

use leptos::prelude::*;
use mascate_domain::contract::ReleaseRow;
use mascate_domain::format;
use mascate_domain::release::{OrderState, ReleaseTotals};

use crate::i18n::{use_i18n, Msg};
use crate::pages::documents::{order_state_msg, order_tone, StateChip};

/// The releases card of the order page.
#[component]
pub fn Releases(rows: Vec<ReleaseRow>) -> impl IntoView {
    let i18n = use_i18n();
    let totals = ReleaseTotals::of(&rows);
    let qty = move |v: f64| format::number(v, 2, i18n.locale.get());
    let line = move |msg: Msg, testid: &'static str, value: f64| {
        view! {
            <div class="release-total" data-testid=testid data-quantity=value.to_string()>
                <dt>{move || i18n.t(msg)}</dt>
                <dd class="num mono">{move || qty(value)}</dd>
            </div>
        }
    };
    view! {
        <div class="card" data-testid="document-releases">
            <h2>{move || i18n.t(Msg::Releases)}</h2>
            {if rows.is_empty() {
                view! { <p class="muted" data-testid="releases-empty">{move || i18n.t(Msg::NoReleases)}</p> }.into_any()
            } else {
                view! {
                    <dl class="release-totals">
                        {line(Msg::ReleasePortfolio, "release-portfolio", totals.portfolio)}
                        {line(Msg::ReleaseReleased, "release-released", totals.released)}
                        {line(Msg::ReleaseCreditBlock, "release-credit-block", totals.credit_blocked)}
                        {line(Msg::ReleaseStockBlock, "release-stock-block", totals.stock_blocked)}
                        {(totals.rule_blocked > 0.0).then(|| line(Msg::ReleaseRuleBlock, "release-rule-block", totals.rule_blocked))}
                        {line(Msg::ReleaseInvoiced, "release-invoiced", totals.invoiced)}
                    </dl>
                    <div class="table-wrap">
                        <table class="table stack" data-testid="release-items">
                            <thead>
                                <tr>
                                    <th>"#"</th>
                                    <th>{move || i18n.t(Msg::Product)}</th>
                                    <th class="num">{move || i18n.t(Msg::QuantityOrdered)}</th>
                                    <th class="num">{move || i18n.t(Msg::QuantityReleased)}</th>
                                    <th>{move || i18n.t(Msg::Status)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {rows
                                    .into_iter()
                                    .map(|r| {
                                        let state = OrderState::of_row(&r);
                                        let (ordered, released) = (r.quantity_ordered, r.quantity_released);
                                        view! {
                                            <tr data-testid="release-item" data-state=state.code()>
                                                <td class="mono" data-label="#">{r.item.clone()}</td>
                                                <td class="wide" data-label=move || i18n.t(Msg::Product)><div class="mono">{r.product.clone()}</div><div class="muted small">{r.product_name.clone()}</div></td>
                                                <td class="num" data-label=move || i18n.t(Msg::QuantityOrdered)>{move || qty(ordered)}</td>
                                                <td class="num" data-label=move || i18n.t(Msg::QuantityReleased)>{move || qty(released)}</td>
                                                <td data-label=move || i18n.t(Msg::Status)><StateChip status=order_state_msg(state) tone=order_tone(state) /></td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
                    .into_any()
            }}
        </div>
    }
}
