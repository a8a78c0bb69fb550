//! Products: the catalogue with search, group and type filters, stock per warehouse, and
//! the price for a chosen customer and price list ("filter by price list" keeps only that
//! list's products; it needs the ERP, so offline it is not offered).

mod table;

use leptos::prelude::*;
use mascate_domain::contract::{Customer, PriceList};
use mascate_domain::customer_query::CustomerQuery;

use crate::api::catalog::ProductQuery;
use crate::components::api_error::ApiErrorBox;
use crate::components::loaded::Ready;
use crate::components::pager::Pager;
use crate::components::search_box::SearchBox;
use crate::connectivity::use_connectivity;
use crate::device::catalog::use_catalog;
use crate::i18n::{use_i18n, Arg, Msg};
use crate::url_query::{use_url_query, UrlQuery};
use table::ProductsTable;

const PAGE_SIZE: usize = 20;

/// The products page.
#[component]
pub fn ProductsPage() -> impl IntoView {
    let i18n = use_i18n();
    let catalog = use_catalog();
    let connectivity = use_connectivity();
    let offline = crate::device::offline::use_offline();
    // The list's state lives in the address (Back, a reload or a shared link shows the same
    // list): search, group, type, in stock, price list, the customer priced for, page.
    let url = use_url_query();
    let (search, group, kind, price_list) = (url.text("q"), url.text("group"), url.text("type"), url.text("plist"));
    let (in_stock, only_list, page) = (url.flag("stock"), url.flag("only"), url.page());
    // `cust` is `code/store`; the name shown is read through the catalog.
    let customer_key = url.text("cust");
    let customer_code = Memo::new(move |_| {
        customer_key.with(|k| k.split_once('/').map(|(c, s)| (c.trim().to_string(), s.trim().to_string())))
    });
    let open = RwSignal::new(None::<String>);

    let query = Memo::new(move |_| ProductQuery {
        search: search.get(),
        group: group.get(),
        kind: kind.get(),
        in_stock: in_stock.get(),
        // With no customer chosen, the list's own prices: the ERP's default quotation customer
        // has no terms of its own.
        priced_for: match (price_list.get(), customer_code.get()) {
            (l, _) if l.is_empty() => None,
            (l, Some((code, store))) => Some((l, code, store)),
            (l, None) => {
                let (code, store) = mascate_domain::document::DEFAULT_QUOTATION_CUSTOMER;
                Some((l, code.to_string(), store.to_string()))
            }
        },
        only_price_list: only_list.get() && connectivity.online(),
    });
    let data = LocalResource::new(move || {
        let (q, p) = (query.get(), page.get());
        // Reload when the connection or the device's copy changes (offline, a reload may ask
        // before the app has re-read whether the copy is today's).
        connectivity.online();
        offline.changes.track();
        offline.readiness.track();
        async move { catalog.products(&q, p, PAGE_SIZE).await }
    });

    view! {
        <section class="page products" data-testid="products-page">
            <h1>{move || i18n.t(Msg::ProductsTitle)}</h1>
            <crate::components::offline_notice::OfflineNotice />
            <ProductFilters url search group kind in_stock />
            <PricingBar url price_list only_list customer_code />
            <Ready resource=data let:value>{match value {
                Err(e) => view! { <ApiErrorBox error=e /> }.into_any(),
                Ok(list) => {
                    let has_next = list.has_next;
                    view! {
                        <div data-testid="products-list">
                            {if list.items.is_empty() {
                                view! { <p class="empty" data-testid="products-empty">{move || i18n.t(Msg::NoProducts)}</p> }.into_any()
                            } else {
                                view! { <ProductsTable items=list.items open /> }
                                    .into_any()
                            }}
                            <Pager page set_page=move |p| url.go_to_page(p) has_next prefix="products" />
                        </div>
                    }
                        .into_any()
                }
            }}</Ready>
        </section>
    }
}

/// Sets a flag of the address (`1`, or left out when off).
fn set_flag(url: UrlQuery, key: &'static str, on: bool) {
    url.filter(key, if on { "1".into() } else { String::new() })
}

/// What the list shows: the search, the group, the type and "in stock only".
#[component]
fn ProductFilters(
    /// Where the filters are kept.
    url: UrlQuery,
    /// The search typed.
    search: Signal<String>,
    /// The group's code (`""` for all).
    group: Signal<String>,
    /// The product type's code (`""` for all).
    kind: Signal<String>,
    /// Only products in stock.
    in_stock: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let catalog = use_catalog();
    let connectivity = use_connectivity();
    let offline = crate::device::offline::use_offline();
    // Groups for the filter: a reference list (today's products' groups offline).
    let group_list = LocalResource::new(move || {
        connectivity.online();
        offline.changes.track();
        offline.readiness.track();
        async move { catalog.product_groups().await.unwrap_or_default() }
    });
    view! {
        <div class="toolbar" role="search">
            <SearchBox value=search on_search=move |s| url.filter("q", s) hint=Msg::ProductSearchHint testid="products-search" />
            <label>
                <span class="label">{move || i18n.t(Msg::Group)}</span>
                <select data-testid="products-filter-group" prop:value=group on:change=move |ev| url.filter("group", event_target_value(&ev))>
                    <option value="">{move || i18n.t(Msg::All)}</option>
                    {move || group_list.get().unwrap_or_default().into_iter().map(|(c, n)| {
                        let code = c.clone();
                        view! { <option value=c.clone() selected=move || group.get() == code>{format!("{c} — {n}")}</option> }
                    }).collect_view()}
                </select>
            </label>
            <label>
                <span class="label">{move || i18n.t(Msg::ProductType)}</span>
                <select data-testid="products-filter-type" on:change=move |ev| url.filter("type", event_target_value(&ev))>
                    <option value="">{move || i18n.t(Msg::All)}</option>
                    <option value="ME" selected=move || kind.get() == "ME">{move || i18n.t(Msg::Merchandise)}</option>
                    <option value="PA" selected=move || kind.get() == "PA">{move || i18n.t(Msg::FinishedGood)}</option>
                </select>
            </label>
            <label class="check">
                <input type="checkbox" data-testid="products-in-stock" prop:checked=in_stock
                    on:change=move |ev| set_flag(url, "stock", event_target_checked(&ev)) />
                {move || i18n.t(Msg::InStock)}
            </label>
        </div>
    }
}

/// Whose prices the list shows: a price list, the customer priced for, and "only this
/// list's products".
#[component]
fn PricingBar(
    /// Where the choices are kept.
    url: UrlQuery,
    /// The price list's code (`""` for the base price).
    price_list: Signal<String>,
    /// Only the price list's products.
    only_list: Signal<bool>,
    /// The customer priced for, as code and store.
    customer_code: Memo<Option<(String, String)>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let catalog = use_catalog();
    let connectivity = use_connectivity();
    let lists = LocalResource::new(move || async move { catalog.price_lists().await.unwrap_or_default() });
    view! {
        <div class="toolbar pricing">
            <label>
                <span class="label">{move || i18n.t(Msg::PriceList)}</span>
                <select data-testid="products-price-list" on:change=move |ev| url.filter("plist", event_target_value(&ev))>
                    <option value="">{move || i18n.t(Msg::BasePrice)}</option>
                    {move || {
                        lists
                            .get()
                            .unwrap_or_default()
                            .into_iter()
                            .map(|l: PriceList| {
                                let code = l.code.clone();
                                view! { <option value=l.code.clone() selected=move || price_list.get() == code>{format!("{} — {}", l.code, l.description)}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            </label>
            <PricedCustomer url price_list customer_code />
            // Filtering by price list needs the ERP: offline it is not offered.
            <Show when=move || connectivity.online()>
                <label class="check">
                    <input type="checkbox" data-testid="products-only-price-list" prop:checked=only_list
                        on:change=move |ev| set_flag(url, "only", event_target_checked(&ev)) />
                    {move || i18n.t(Msg::OnlyPriceList)}
                </label>
            </Show>
        </div>
    }
}

/// The customer priced for: a search with its picks, the one chosen, and a hint when a
/// price list is chosen without a customer.
#[component]
fn PricedCustomer(
    /// Where the customer is kept (`cust`).
    url: UrlQuery,
    /// The price list's code.
    price_list: Signal<String>,
    /// The customer chosen, as code and store.
    customer_code: Memo<Option<(String, String)>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let catalog = use_catalog();
    let customer = LocalResource::new(move || {
        let key = customer_code.get();
        async move {
            match key {
                Some((code, store)) => catalog.customer(&code, &store).await.ok(),
                None => None,
            }
        }
    });
    let customer_search = RwSignal::new(String::new());
    let customers = LocalResource::new(move || {
        let s = customer_search.get();
        async move {
            if s.trim().len() < 2 {
                return Vec::new();
            }
            let q = CustomerQuery { search: s, ..Default::default() };
            catalog.customers(&q, 1, 8).await.map(|l| l.items).unwrap_or_default()
        }
    });
    view! {
        <label class="grow">
            <span class="label">{move || i18n.t(Msg::Customer)}</span>
            <input type="search" data-testid="products-customer" placeholder=move || i18n.t(Msg::SearchHint) bind:value=customer_search />
            <ul class="picker compact">
                {move || {
                    customers
                        .get()
                        .unwrap_or_default()
                        .into_iter()
                        .map(|c| {
                            let label = format!("{} / {} — {}", c.code, c.store, c.name);
                            let code = c.code.clone();
                            view! {
                                <li>
                                    <button type="button" class="pick" data-testid="products-customer-option" data-code=code on:click=move |_| {
                                        customer_search.set(String::new());
                                        url.filter("cust", format!("{}/{}", c.code.trim(), c.store.trim()));
                                    }>{label}</button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <span class="muted small" data-testid="products-chosen-customer">
                {move || customer.get().flatten().map(|c: Customer| format!("{} / {} — {}", c.code, c.store, c.name))}
            </span>
            <Show when=move || !price_list.get().is_empty() && customer_code.with(Option::is_none)>
                <span class="hint" data-testid="products-pricing-hint">
                    {move || i18n.fill(Msg::ListPricesNoCustomer, &[(Arg::List, &price_list.get())])}
                </span>
            </Show>
        </label>
    }
}
