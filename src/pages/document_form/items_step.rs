//! Step 3: products and their lines.

use leptos::prelude::*;
use mascate_domain::contract::Product;
use mascate_domain::document::{Draft, DraftItem, Field};
use mascate_domain::format;

use super::fields::{FieldProblem, NumberInput, Problems};
use crate::api::catalog::ProductQuery;
use crate::api::ApiError;
use crate::components::api_error::ApiErrorBox;
use crate::components::date_input::DateInput;
use crate::components::search_box::debounced;
use crate::i18n::{use_i18n, Msg};

/// The items step.
#[component]
pub fn ItemsStep(draft: RwSignal<Draft>, problems: Problems, online: Signal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let catalog = crate::device::catalog::use_catalog();
    let search = RwSignal::new(String::new());
    let asked: Signal<String> = debounced(search.into());
    let only_list = RwSignal::new(false);
    let offline = crate::device::offline::use_offline();
    let found = LocalResource::new(move || {
        let (s, only) = (asked.get(), only_list.get());
        // Asked again when the connection or the device's copy changes: a search made offline
        // (or before today's copy was there) is not left standing once the ERP answers again.
        online.track();
        offline.changes.track();
        let priced_for = draft.with_untracked(|d| {
            let (customer, store) = d.pricing_customer();
            (!d.price_list.is_empty()).then(|| (d.price_list.clone(), customer, store))
        });
        async move {
            if s.trim().len() < 2 {
                return Ok(Vec::<Product>::new());
            }
            let q = ProductQuery { search: s, priced_for, only_price_list: only, ..Default::default() };
            catalog.products(&q, 1, 15).await.map(|l| l.items)
        }
    });
    let add = move |p: Product| {
        draft.update(|d| {
            let mut item = DraftItem {
                product: p.code.clone(),
                description: p.description.clone(),
                unit: p.unit.clone(),
                quantity: 1.0,
                list_price: p.price,
                ..Default::default()
            };
            item.set_discount(0.0);
            d.add_item(item);
        });
        search.set(String::new());
        focus_quantity(&p.code);
    };
    let no_items = problems.of(Field::Items);
    view! {
        <div class="card step-body" data-testid="step-items">
            <h2 class="step-title" tabindex="-1" data-testid="step-heading">{move || i18n.t(Msg::StepItems)}</h2>
            <div class="toolbar">
                <label class="grow">
                    <span class="label">{move || i18n.t(Msg::AddProduct)}</span>
                    <input type="search" data-testid="product-search" placeholder=move || i18n.t(Msg::ProductSearchHint)
                        bind:value=search aria-invalid=move || no_items.get().is_some().to_string() aria-describedby="problem-items" />
                </label>
                // Filtering by price list needs the ERP: offline it is not offered.
                <Show when=move || online.get()>
                    <label class="check">
                        <input type="checkbox" data-testid="only-price-list" bind:checked=only_list />
                        {move || i18n.t(Msg::OnlyPriceList)}
                    </label>
                </Show>
            </div>
            <ul class="picker" data-testid="product-results">
                <ProductOptions found asked add />
            </ul>
            <FieldProblem problem=no_items testid="problem-items" id="problem-items" />
            // The lines being written come first, under the search; the customer's last
            // purchases follow, folded, one tap away (issue 26).
            <ItemsTable draft problems />
            <super::last_purchases::LastPurchases draft />
        </div>
    }
}

/// Moves the focus to the quantity of `product`'s line once it is drawn: the next thing to
/// type after adding a product.
pub fn focus_quantity(product: &str) {
    use wasm_bindgen::JsCast;
    if product.contains(['"', '\\']) {
        return;
    }
    let selector = format!("[data-testid=item-row][data-product=\"{product}\"] [data-testid=item-quantity]");
    request_animation_frame(move || {
        let found =
            web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector(&selector).ok().flatten());
        if let Some(input) = found.and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok()) {
            let _ = input.focus();
            input.select();
        }
    });
}

/// The products found, each a button adding it to the draft; a search that found nothing
/// says so.
#[component]
fn ProductOptions(
    /// The products found for the search.
    found: LocalResource<Result<Vec<Product>, ApiError>>,
    /// The search asked.
    asked: Signal<String>,
    /// Adds a product.
    add: impl Fn(Product) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        found
            .get()
            .map(|r| match r {
                Err(e) => view! { <li><ApiErrorBox error=e /></li> }.into_any(),
                // Asked, and nothing came: say so (the ERP's 404 is "none").
                Ok(list) if list.is_empty() && asked.with(|s| s.trim().len() >= 2) => view! {
                    <li class="muted" data-testid="product-none">{move || i18n.t(Msg::NoProducts)}</li>
                }
                    .into_any(),
                Ok(list) => list
                    .into_iter()
                    .map(|p| {
                        let price = p.price;
                        let label = format!("{} — {} ({})", p.code, p.description, p.unit);
                        let code = p.code.clone();
                        view! {
                            <li>
                                <button type="button" class="pick" data-testid="product-option" data-code=code on:click=move |_| add(p.clone())>
                                    {label}" · "<span class="money">{move || format::money(price, i18n.locale.get())}</span>
                                </button>
                            </li>
                        }
                    })
                    .collect_view()
                    .into_any(),
            })
    }
}

/// The draft's lines, one editable row each (removed lines left out).
#[component]
fn ItemsTable(
    /// The draft whose lines are edited.
    draft: RwSignal<Draft>,
    /// The problems on show, beside their boxes.
    problems: Problems,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="table-wrap">
            <table class="table items stack" data-testid="items-table">
                <thead>
                    <tr>
                        <th>{move || i18n.t(Msg::Product)}</th>
                        <th>{move || i18n.t(Msg::Quantity)}</th>
                        <th class="num">{move || i18n.t(Msg::ListPrice)}</th>
                        <th>{move || i18n.t(Msg::UnitPrice)}</th>
                        <th>{move || i18n.t(Msg::DiscountPct)}</th>
                        <th>{move || i18n.t(Msg::DeliveryDate)}</th>
                        <th>{move || i18n.t(Msg::CustomerOrder)}</th>
                        <th class="num">{move || i18n.t(Msg::Amount)}</th>
                        <th><span class="visually-hidden">{move || i18n.t(Msg::Remove)}</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For
                        each=move || draft.with(|d| d.items.iter().enumerate().filter(|(_, i)| !i.removed).map(|(n, i)| (n, i.product.clone())).collect::<Vec<_>>())
                        key=|(n, p)| format!("{n}-{p}")
                        children=move |(n, _)| view! { <ItemRow n draft problems /> }
                    />
                </tbody>
            </table>
        </div>
    }
}

/// One editable line: a table row where the table fits, a card where it does not. Every
/// box has a label (hidden in the table, whose header says it), is named with its line's
/// product for screen readers, and points at its problem.
#[component]
fn ItemRow(n: usize, draft: RwSignal<Draft>, problems: Problems) -> impl IntoView {
    let i18n = use_i18n();
    let item = move || draft.with(|d| d.items.get(n).cloned().unwrap_or_default());
    let edit = move |f: &dyn Fn(&mut DraftItem)| {
        draft.update(|d| {
            if let Some(i) = d.items.get_mut(n) {
                f(i)
            }
        })
    };
    // Seen above each box where lines are cards; the box's own name also says the product.
    let label = move |msg: Msg| view! { <span class="cell-label">{move || i18n.t(msg)}</span> };
    let name = move |msg: Msg| Signal::derive(move || format!("{} — {}", i18n.t(msg), item().product));
    let number = move |msg: Msg,
                       testid: &'static str,
                       class: &'static str,
                       field: Field,
                       get: fn(&DraftItem) -> f64,
                       set: fn(&mut DraftItem, f64)| {
        let error_id = format!("{testid}-problem-{n}");
        view! {
            <td>
                <label>
                    {label(msg)}
                    <NumberInput value=Signal::derive(move || get(&item())) on_change=move |v| edit(&|i| set(i, v)) testid=testid
                        class label=name(msg) problem=(problems.of(field), error_id.clone()) />
                </label>
                <FieldProblem problem=problems.of(field) testid=format!("problem-{testid}") id=error_id />
            </td>
        }
    };
    let delivery_problem = problems.of(Field::ItemDeliveryDate(n));
    let customer_order_problem = problems.of(Field::ItemCustomerOrder(n));
    view! {
        <tr data-testid="item-row" data-product=move || item().product>
            <td class="wide">
                <div class="mono">{move || item().product}</div>
                <div class="muted small">{move || item().description}</div>
            </td>
            {number(Msg::Quantity, "item-quantity", "qty", Field::ItemQuantity(n), |i| i.quantity, |i, v| i.quantity = v)}
            <td class="num money">{label(Msg::ListPrice)}{move || format::money(item().list_price, i18n.locale.get())}</td>
            {number(Msg::UnitPrice, "item-unit-price", "price", Field::ItemUnitPrice(n), |i| i.unit_price, |i, v| i.set_unit_price(v))}
            {number(Msg::DiscountPct, "item-discount", "pct", Field::ItemDiscount(n), |i| i.discount_pct, |i, v| i.set_discount(v))}
            <td>
                <label>
                    {label(Msg::DeliveryDate)}
                    <DateInput value=Signal::derive(move || item().delivery_date) on_change=move |v| edit(&|i| i.delivery_date = v.clone())
                        testid="item-delivery" label=name(Msg::DeliveryDate) invalid=Signal::derive(move || delivery_problem.get().is_some())
                        described_by=format!("item-delivery-problem-{n}") />
                </label>
                <FieldProblem problem=delivery_problem testid="problem-item-delivery" id=format!("item-delivery-problem-{n}") />
            </td>
            <td>
                <label>
                    {label(Msg::CustomerOrder)}
                    <input data-testid="item-customer-order" prop:value=move || item().customer_order aria-label=name(Msg::CustomerOrder)
                        maxlength=mascate_domain::dictionary::CUSTOMER_ORDER.size
                        aria-invalid=move || customer_order_problem.get().is_some().then_some("true")
                        aria-describedby=format!("item-customer-order-problem-{n}")
                        on:input=move |ev| { let v = event_target_value(&ev); edit(&|i| i.customer_order = v.clone()) } />
                </label>
                <FieldProblem problem=customer_order_problem testid="problem-item-customer-order" id=format!("item-customer-order-problem-{n}") />
            </td>
            <td class="num money" data-testid="item-amount">{label(Msg::Amount)}{move || format::money(item().amount(), i18n.locale.get())}</td>
            <td>
                <button type="button" class="button ghost" data-testid="item-remove"
                    aria-label=move || format!("{} {}", i18n.t(Msg::Remove), item().product)
                    on:click=move |_| {
                        draft.update(|d| {
                            // A line the ERP knows is sent as deleted; a new one just goes.
                            d.items[n].removed = true;
                            if d.items[n].item_id.is_empty() { d.items[n].product.clear(); }
                        })
                    }>
                    <span aria-hidden="true">"✕ "</span>{move || i18n.t(Msg::Remove)}
                </button>
            </td>
        </tr>
    }
}
