//! The chosen customer's last purchases (product, last date, quantity, price), each one tap
//! from being added to the draft with its last quantity at today's price. Online they come
//! from the ERP; offline from the device, downloaded with today's selection.

use leptos::prelude::*;
use mascate_domain::contract::LastPurchase;
use mascate_domain::document::{Draft, DraftItem};
use mascate_domain::format;

use crate::api::catalog::ProductQuery;
use crate::i18n::{use_i18n, Msg};

/// How many are shown (the newest).
const SHOWN: usize = 12;

/// The panel; nothing while no customer is chosen.
#[component]
pub fn LastPurchases(draft: RwSignal<Draft>) -> impl IntoView {
    let i18n = use_i18n();
    let catalog = crate::device::catalog::use_catalog();
    let customer = Memo::new(move |_| draft.with(|d| (d.customer_code.clone(), d.customer_store.clone())));
    let found = LocalResource::new(move || {
        let (code, store) = customer.get();
        async move {
            if code.is_empty() {
                return Vec::new();
            }
            let mut all = catalog.last_purchases(&code, &store).await.unwrap_or_default();
            all.truncate(SHOWN);
            all
        }
    });
    // A write to the draft (after a read of today's price): one at a time, the add buttons
    // disabled while it is on its way.
    let add = Action::new_local(move |lp: &LastPurchase| {
        let lp = lp.clone();
        let priced_for = draft.with_untracked(|d| {
            let (customer, store) = d.pricing_customer();
            (!d.price_list.is_empty()).then(|| (d.price_list.clone(), customer, store))
        });
        async move {
            let q = ProductQuery { search: lp.product.clone(), priced_for, ..Default::default() };
            let today = catalog
                .products(&q, 1, 10)
                .await
                .ok()
                .and_then(|l| l.items.into_iter().find(|p| p.code.trim() == lp.product.trim()));
            let mut item = DraftItem {
                product: lp.product.clone(),
                description: today.as_ref().map(|p| p.description.clone()).unwrap_or(lp.description.clone()),
                unit: today.as_ref().map(|p| p.unit.clone()).unwrap_or_default(),
                quantity: lp.quantity,
                // Today's price; the last one only when the product cannot be priced today.
                list_price: today.as_ref().map(|p| p.price).filter(|p| *p > 0.0).unwrap_or(lp.unit_price),
                ..Default::default()
            };
            item.set_discount(0.0);
            draft.update(|d| d.add_item(item));
            super::items_step::focus_quantity(&lp.product);
        }
    });
    let in_draft = move |product: &str| draft.with(|d| d.live_items().any(|i| i.product.trim() == product.trim()));
    view! {
        {move || {
            let list = found.get().unwrap_or_default();
            let n = list.len();
            (!customer.get().0.is_empty()).then(|| view! {
                <details class="last-purchases" data-testid="last-purchases">
                    <summary data-testid="last-purchases-toggle">{move || format!("{} ({})", i18n.t(Msg::LastPurchases), format::number(n as f64, 0, i18n.locale.get()))}</summary>
                    {if list.is_empty() {
                        view! { <p class="muted" data-testid="last-purchases-none">{move || i18n.t(Msg::NoLastPurchases)}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="plain">
                                {list.into_iter().map(|lp| {
                                    let (date, q, price) = (lp.last_date.clone(), lp.quantity, lp.unit_price);
                                    let product = lp.product.clone();
                                    let (p2, p3, p4) = (product.clone(), product.clone(), product.clone());
                                    view! {
                                        <li class="last-purchase" data-testid="last-purchase" data-product=p3>
                                            <span><span class="mono">{p4}</span>" "{lp.description.clone()}</span>
                                            <span class="muted">
                                                {move || format!("{} {} · {} × {}", i18n.t(Msg::LastDate), format::date(&date, i18n.locale.get()),
                                                    format::number(q, if q.fract() == 0.0 { 0 } else { 3 }, i18n.locale.get()),
                                                    format::money(price, i18n.locale.get()))}
                                            </span>
                                            <button type="button" class="button" data-testid="last-purchase-add"
                                                disabled=move || in_draft(&p2) || add.pending().get()
                                                on:click=move |_| { add.dispatch(lp.clone()); }>
                                                {move || i18n.t(if in_draft(&product) { Msg::Added } else { Msg::AddThis })}
                                            </button>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                </details>
            })
        }}
    }
}
