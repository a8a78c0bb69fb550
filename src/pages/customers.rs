//! My Customers: the seller's customers with quick search, filters, sort, paging and a
//! table/cards switch. Online it reads the ERP; offline it reads today's selection on the
//! device (see the Offline Configurator), read-only, with the same query.

use leptos::prelude::*;
use leptos_router::components::A;
use mascate_domain::contract::Customer;
use mascate_domain::customer_query::{CustomerQuery, CustomerSort, ListSource, StatusFilter, STATES};
use mascate_domain::tax_id;

use crate::api::ApiError;
use crate::components::loaded::Ready;
use crate::components::offline_notice::OfflineNotice;
use crate::components::opens_on_tap::opens_on_tap;
use crate::components::pager::Pager;
use crate::components::search_box::SearchBox;
use crate::connectivity::use_connectivity;
use crate::device::catalog::{use_catalog, Catalog};
use crate::device::offline::use_offline;
use crate::i18n::{use_i18n, Msg};
use crate::prefs;
use crate::url_query::{use_url_query, UrlQuery};

const PAGE_SIZE: usize = 20;

/// What one load produced.
#[derive(Clone, PartialEq)]
enum Loaded {
    Page { items: Vec<Customer>, has_next: bool, source: ListSource },
    Failed { message: String, detail: Option<String> },
    SignedOut,
}

async fn load(catalog: Catalog, query: CustomerQuery, page: usize) -> Loaded {
    let result = catalog.customers(&query, page, PAGE_SIZE).await;
    // After the call: a server that did not answer has just turned the app offline.
    let source = ListSource::choose(catalog.online());
    match result {
        Ok(list) => Loaded::Page { items: list.items, has_next: list.has_next, source },
        Err(ApiError::SignedOut) => Loaded::SignedOut,
        Err(ApiError::Unreachable) => Loaded::Page { items: vec![], has_next: false, source: ListSource::Device },
        Err(ApiError::Server { message, detail, .. }) => Loaded::Failed { message, detail },
        Err(ApiError::Malformed(m)) => Loaded::Failed { message: m, detail: None },
        Err(ApiError::NoExtension) => Loaded::Failed { message: "HTTP 404".into(), detail: None },
    }
}

#[derive(Clone, Copy, PartialEq)]
enum ViewMode {
    Table,
    Cards,
}

/// The customer list page.
#[component]
pub fn CustomersPage() -> impl IntoView {
    let i18n = use_i18n();
    let catalog = use_catalog();
    let offline = use_offline();
    let connectivity = use_connectivity();

    // Search, filters, sort and page live in the address: Back from a customer finds them.
    let url = use_url_query();
    let (search, uf, city, page) = (url.text("q"), url.text("uf"), url.text("city"), url.page());
    let status_code = url.text("status");
    let sort_code = url.text("sort");
    let status = Signal::derive(move || match status_code.get().as_str() {
        "active" => StatusFilter::Active,
        "blocked" => StatusFilter::Blocked,
        _ => StatusFilter::All,
    });
    let sort = Signal::derive(move || match sort_code.get().as_str() {
        "code" => CustomerSort::Code,
        "city" => CustomerSort::City,
        _ => CustomerSort::Name,
    });
    let mode = RwSignal::new(match prefs::get(prefs::keys::CUSTOMER_VIEW).as_deref() {
        Some("cards") => ViewMode::Cards,
        _ => ViewMode::Table,
    });

    let query = Memo::new(move |_| CustomerQuery {
        search: search.get(),
        uf: uf.get(),
        city: city.get(),
        status: status.get(),
        sort: sort.get(),
    });

    let data = LocalResource::new(move || {
        let (q, p) = (query.get(), page.get());
        // Reload when the connection or the device's copy changes.
        connectivity.online();
        offline.changes.track();
        offline.readiness.track();
        load(catalog, q, p)
    });

    view! {
        <section class="page customers">
            <div class="page-head">
                <h1>{move || i18n.t(Msg::CustomersTitle)}</h1>
                <A href="/credit" attr:class="button" attr:data-testid="customers-credit">{move || i18n.t(Msg::NavCredit)}</A>
            </div>
            <CustomerFilters url search uf city status sort mode />
            <OfflineNotice />
            <Ready resource=data testid="customers-loading" let:value>{match value {
                Loaded::SignedOut => ().into_any(),
                Loaded::Failed { message, detail } => {
                    view! { <LoadFailed message detail retry=move || data.refetch() /> }.into_any()
                }
                Loaded::Page { items, has_next, source } => {
                    let empty_msg = if source == ListSource::Device && page.get_untracked() == 1
                        && query.get_untracked() == CustomerQuery::default()
                    {
                        Msg::NothingSavedYet
                    } else {
                        Msg::NoCustomers
                    };
                    view! {
                        <div data-testid="customers-list" data-source=if source == ListSource::Server { "server" } else { "device" }>
                            {if items.is_empty() {
                                view! { <p class="empty" data-testid="customers-empty">{move || i18n.t(empty_msg)}</p> }.into_any()
                            } else if mode.get() == ViewMode::Table {
                                view! { <CustomerTable items /> }.into_any()
                            } else {
                                view! { <CustomerCards items /> }.into_any()
                            }}
                            <Pager page set_page=move |p| url.go_to_page(p) has_next prefix="customers" />
                        </div>
                    }
                        .into_any()
                }
            }}</Ready>
        </section>
    }
}

/// The list's search, filters (state, city, status), sort, and the table/cards switch (kept
/// in the device's preferences).
#[component]
fn CustomerFilters(
    /// Where the search, filters and sort are kept.
    url: UrlQuery,
    /// The search typed.
    search: Signal<String>,
    /// The state (`""` for all).
    uf: Signal<String>,
    /// The city typed.
    city: Signal<String>,
    /// Active, blocked or all.
    status: Signal<StatusFilter>,
    /// The order of the list.
    sort: Signal<CustomerSort>,
    /// Table or cards.
    mode: RwSignal<ViewMode>,
) -> impl IntoView {
    let i18n = use_i18n();
    let set_mode = move |m: ViewMode| {
        prefs::set(prefs::keys::CUSTOMER_VIEW, if m == ViewMode::Cards { "cards" } else { "table" });
        mode.set(m);
    };
    let status_value = move || match status.get() {
        StatusFilter::All => "all",
        StatusFilter::Active => "active",
        StatusFilter::Blocked => "blocked",
    };
    let sort_value = move || match sort.get() {
        CustomerSort::Name => "name",
        CustomerSort::Code => "code",
        CustomerSort::City => "city",
    };
    // "all" and "name" are the defaults: left out of the address.
    let set_filter = move |key: &str, value: String| {
        url.filter(key, if value == "all" || value == "name" { String::new() } else { value })
    };
    view! {
        <div class="toolbar" role="search">
            <SearchBox value=search on_search=move |s| url.filter("q", s) hint=Msg::SearchHint testid="customers-search" />
            <label>
                <span class="label">{move || i18n.t(Msg::State)}</span>
                <select data-testid="customers-filter-uf" prop:value=move || uf.get()
                    on:change=move |ev| url.filter("uf", event_target_value(&ev))>
                    <option value="">{move || i18n.t(Msg::All)}</option>
                    {STATES.iter().map(|s| view! { <option value=*s selected=move || uf.get() == *s>{*s}</option> }).collect_view()}
                </select>
            </label>
            <SearchBox value=city on_search=move |c| url.filter("city", c) hint=Msg::City label=Msg::City
                testid="customers-filter-city" />
            <label>
                <span class="label">{move || i18n.t(Msg::Status)}</span>
                <select
                    data-testid="customers-filter-status"
                    prop:value=status_value
                    on:change=move |ev| set_filter("status", event_target_value(&ev))
                >
                    <option value="all">{move || i18n.t(Msg::All)}</option>
                    <option value="active">{move || i18n.t(Msg::Active)}</option>
                    <option value="blocked">{move || i18n.t(Msg::Blocked)}</option>
                </select>
            </label>
            <label>
                <span class="label">{move || i18n.t(Msg::SortBy)}</span>
                <select
                    data-testid="customers-sort"
                    prop:value=sort_value
                    on:change=move |ev| set_filter("sort", event_target_value(&ev))
                >
                    <option value="name">{move || i18n.t(Msg::Name)}</option>
                    <option value="code">{move || i18n.t(Msg::Code)}</option>
                    <option value="city">{move || i18n.t(Msg::City)}</option>
                </select>
            </label>
            <div class="segmented" role="group">
                <button
                    type="button"
                    data-testid="view-table"
                    aria-pressed=move || (mode.get() == ViewMode::Table).to_string()
                    on:click=move |_| set_mode(ViewMode::Table)
                >
                    {move || i18n.t(Msg::ViewTable)}
                </button>
                <button
                    type="button"
                    data-testid="view-cards"
                    aria-pressed=move || (mode.get() == ViewMode::Cards).to_string()
                    on:click=move |_| set_mode(ViewMode::Cards)
                >
                    {move || i18n.t(Msg::ViewCards)}
                </button>
            </div>
        </div>
    }
}

/// A load that failed: the ERP's message, its detail on demand, and a retry.
#[component]
fn LoadFailed(
    /// What the ERP said.
    message: String,
    /// More, for whoever looks into it.
    detail: Option<String>,
    /// Loads again.
    retry: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="error" role="alert" data-testid="customers-error">
            <p>{message}</p>
            {detail
                .map(|d| {
                    view! {
                        <details>
                            <summary>{i18n.t(Msg::ErrorDetail)}</summary>
                            <p>{d}</p>
                        </details>
                    }
                })}
            <button class="button" on:click=move |_| retry()>{i18n.t(Msg::TryAgain)}</button>
        </div>
    }
}

fn details_href(c: &Customer) -> String {
    format!("/customers/{}/{}", c.code.trim(), c.store.trim())
}

/// The blocked/active chip.
#[component]
fn StatusChip(blocked: bool) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class=if blocked { "chip blocked" } else { "chip active" } data-icon=if blocked { "✕" } else { "✓" }>
            {move || i18n.t(if blocked { Msg::Blocked } else { Msg::Active })}
        </span>
    }
}

/// Customers as table rows (desktop and landscape tablets).
#[component]
fn CustomerTable(items: Vec<Customer>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="table-wrap">
            <table class="table stack" data-testid="customers-table">
                <thead>
                    <tr>
                        <th>{move || i18n.t(Msg::Code)}</th>
                        <th>{move || i18n.t(Msg::Name)}</th>
                        <th>{move || i18n.t(Msg::TaxId)}</th>
                        <th>{move || i18n.t(Msg::City)}</th>
                        <th>{move || i18n.t(Msg::Status)}</th>
                    </tr>
                </thead>
                <tbody>
                    {items
                        .into_iter()
                        .map(|c| {
                            let (name, blocked) = (c.name.clone(), c.is_blocked());
                            let opens = opens_on_tap(details_href(&c));
                            view! {
                                <tr class="opens" on:click=opens data-testid="customer-row" data-code=c.code.clone() data-status=if blocked { "blocked" } else { "active" }>
                                    <td class="mono nowrap" data-label=move || i18n.t(Msg::Code)>{format!("{}/{}", c.code, c.store)}</td>
                                    <td class="wide">
                                        <A href=details_href(&c) attr:class="row-link" attr:data-testid="customer-link">
                                            {name.clone()}
                                        </A>
                                        <div class="muted small">{c.trade_name.clone()}</div>
                                    </td>
                                    <td class="mono taxid" data-label=move || i18n.t(Msg::TaxId)>{tax_id::mask(&c.tax_id)}</td>
                                    <td data-label=move || i18n.t(Msg::City)>{format!("{} / {}", c.city, c.uf)}</td>
                                    <td>
                                        <StatusChip blocked />
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// Customers as cards (portrait tablets and phones).
#[component]
fn CustomerCards(items: Vec<Customer>) -> impl IntoView {
    view! {
        <ul class="cards" data-testid="customers-cards">
            {items
                .into_iter()
                .map(|c| {
                    let (trade_name, blocked) = (c.trade_name.clone(), c.is_blocked());
                    let opens = opens_on_tap(details_href(&c));
                    view! {
                        <li class="card customer-card opens" on:click=opens data-testid="customer-card" data-code=c.code.clone()>
                            <A href=details_href(&c) attr:data-testid="customer-link">
                                <strong>{trade_name.clone()}</strong>
                            </A>
                            <div class="small">{c.name.clone()}</div>
                            <div class="muted small mono taxid">{tax_id::mask(&c.tax_id)}</div>
                            <div class="muted small">{format!("{} / {}", c.city, c.uf)}</div>
                            <StatusChip blocked />
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
