//! One customer: registration data, commercial terms, address and contact. Online it asks
//! the ERP, with finances and documents; offline it shows today's selection on the device,
//! registration data and address only. Its contacts are on both (read-only offline).

mod contacts;
mod details;
mod finance_group;
mod industry;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use mascate_domain::contract::Customer;
use mascate_domain::format;

use crate::api::{use_api, ApiError};
use crate::components::field::Field;
use crate::components::loaded::Loaded;
use crate::components::loaded::Ready;
use crate::connectivity::use_connectivity;
use crate::device::catalog::use_catalog;
use crate::i18n::{use_i18n, Msg};
use details::CustomerDetails;

#[derive(Clone, PartialEq)]
enum Outcome {
    Found(Box<Customer>),
    Missing(Msg),
    Failed(String, Option<String>),
}

/// The customer details page (`/customers/:code/:store`).
#[component]
pub fn CustomerPage() -> impl IntoView {
    let i18n = use_i18n();
    let catalog = use_catalog();
    let connectivity = use_connectivity();
    let params = use_params_map();

    let data = LocalResource::new(move || {
        let code = params.read().get("code").unwrap_or_default();
        let store = params.read().get("store").unwrap_or_default();
        connectivity.online();
        async move {
            match catalog.customer(&code, &store).await {
                Ok(c) => Outcome::Found(Box::new(c)),
                Err(ApiError::Server { status: 404, .. }) if catalog.online() => {
                    Outcome::Missing(Msg::CustomerNotFound)
                }
                Err(ApiError::Server { status: 404, .. } | ApiError::Unreachable | ApiError::SignedOut) => {
                    Outcome::Missing(Msg::NotSavedOffline)
                }
                Err(ApiError::Server { message, detail, .. }) => Outcome::Failed(message, detail),
                Err(ApiError::Malformed(m)) => Outcome::Failed(m, None),
                Err(ApiError::NoExtension) => Outcome::Missing(Msg::NeedsMascateServer),
            }
        }
    });

    view! {
        <section class="page customer">
            <A href="/customers" attr:class="button ghost" attr:data-testid="customer-back">
                {move || format!("← {}", i18n.t(Msg::Back))}
            </A>
            <Ready resource=data let:value>{match value {
                Outcome::Missing(msg) => {
                    view! { <p class="empty" data-testid="customer-missing">{move || i18n.t(msg)}</p> }.into_any()
                }
                Outcome::Failed(message, detail) => {
                    view! {
                        <div class="error" role="alert">
                            <p>{message}</p>
                            {detail.map(|d| view! { <p class="muted small">{d}</p> })}
                        </div>
                    }
                        .into_any()
                }
                Outcome::Found(c) => {
                    let (code, store) = (c.code.clone(), c.store.clone());
                    let (c2, s2) = (code.clone(), store.clone());
                    view! {
                        <CustomerDetails customer=*c />
                        <contacts::ContactsCard code=c2 store=s2 />
                        // Finances and industry live in the ERP: shown online only, and said so offline.
                        <Show when=move || connectivity.online() fallback=move || view! {
                            <p class="notice offline" data-testid="customer-finances-offline">{move || i18n.t(Msg::CustomerOfflineHidden)}</p>
                        }>
                            <CustomerFinances code=code.clone() store=store.clone() />
                            <finance_group::FinanceGroup code=code.clone() store=store.clone() />
                            <industry::Industry code=code.clone() store=store.clone() />
                            <CustomerDocuments code=code.clone() store=store.clone() />
                        </Show>
                    }
                        .into_any()
                }
            }}</Ready>
        </section>
    }
}

/// Credit, open bills (with the ERP's prefix search), delinquency and the oldest due date.
#[component]
fn CustomerFinances(code: String, store: String) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let search = RwSignal::new(String::new());
    let summary = {
        let (code, store) = (code.clone(), store.clone());
        LocalResource::new(move || {
            let (code, store) = (code.clone(), store.clone());
            async move {
                let credit = api.credit_balance(&code, &store).await?;
                let late = api.delinquency(&code, &store).await?;
                let status = api.financial_status(&code, &store).await.ok();
                Ok::<_, ApiError>((credit, late, status.map(|s| s.oldest_due).unwrap_or_default()))
            }
        })
    };
    let bills = LocalResource::new(move || {
        let (code, store) = (code.clone(), store.clone());
        // A date is typed the rep's way (dd/mm/aaaa) and asked for the contract's way.
        let typed = search.get();
        let s = format::parse_date(&typed, i18n.locale.get()).unwrap_or(typed);
        async move { api.bills(&code, &store, &s).await }
    });
    let money = move |v: f64| format::money(v, i18n.locale.get());
    view! {
        <section class="card finances" data-testid="customer-finances">
            <h2>{move || i18n.t(Msg::Finances)}</h2>
            <Loaded resource=summary let:value>
                {
                    let (credit, late, oldest) = value;
                    view! {
                    <dl>
                        <Field label=Msg::AvailableCredit value=Signal::derive(move || money(credit)) testid="customer-available-credit" />
                        <Field label=Msg::Delinquency value=Signal::derive(move || format!("{} %", format::number(late, 2, i18n.locale.get()))) testid="customer-delinquency" />
                        <Field label=Msg::OldestDue value=Signal::derive(move || format::date(&oldest, i18n.locale.get())) testid="customer-oldest-due" />
                    </dl>
                }
                }
            </Loaded>
            <h3>{move || i18n.t(Msg::OpenBills)}</h3>
            <crate::components::search_box::SearchBox value=search on_search=move |s| search.set(s) hint=Msg::BillSearchHint testid="bills-search" />
            <Loaded resource=bills let:value>
                {
                    let list = value;
                    if list.is_empty() {
                        view! { <p class="muted" data-testid="bills-empty">{move || i18n.t(Msg::NoOpenBills)}</p> }.into_any()
                    } else {
                        view! {
                    <div class="table-wrap">
                        <table class="table stack" data-testid="bills-table">
                            <thead>
                                <tr>
                                    <th>{move || i18n.t(Msg::Number)}</th>
                                    <th>{move || i18n.t(Msg::DueDate)}</th>
                                    <th class="num">{move || i18n.t(Msg::Amount)}</th>
                                    <th class="num">{move || i18n.t(Msg::Balance)}</th>
                                    <th>{move || i18n.t(Msg::Status)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {list
                                    .into_iter()
                                    .map(|b| {
                                        let (value, balance, due) = (b.value, b.balance, b.due_date.clone());
                                        let partial = b.status.trim() == "P";
                                        view! {
                                            <tr data-testid="bill-row" data-number=b.number.clone()>
                                                <td class="mono nowrap" data-label=move || i18n.t(Msg::Number)>{format!("{}-{}{}", b.prefix, b.number, if b.installment.is_empty() { String::new() } else { format!("/{}", b.installment) })}</td>
                                                <td class="nowrap" data-label=move || i18n.t(Msg::DueDate)>{move || format::date(&due, i18n.locale.get())}</td>
                                                <td class="num money" data-label=move || i18n.t(Msg::Amount)>{move || format::money(value, i18n.locale.get())}</td>
                                                <td class="num money" data-label=move || i18n.t(Msg::Balance)>{move || format::money(balance, i18n.locale.get())}</td>
                                                <td><span class=if partial { "chip warn" } else { "chip" }>{move || i18n.t(if partial { Msg::PartlyPaid } else { Msg::StatusOpen })}</span></td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
                    }
                }
            </Loaded>
        </section>
    }
}

/// The customer's latest orders and quotations.
#[component]
fn CustomerDocuments(code: String, store: String) -> impl IntoView {
    use crate::api::documents::DocumentQuery;
    let i18n = use_i18n();
    let api = use_api();
    let data = LocalResource::new(move || {
        let q = DocumentQuery { customer: Some((code.clone(), store.clone())), ..Default::default() };
        async move {
            let orders = api.orders(&q, 1, 5).await?;
            let quotations = api.quotations(&q, 1, 5).await?;
            // Each amount in the currency it was sold in.
            let currencies = orders.items.iter().map(|o| o.currency).chain(quotations.items.iter().map(|q| q.currency));
            let symbols = api.currency_symbols(currencies.collect::<Vec<_>>()).await;
            Ok::<_, ApiError>((orders.items, quotations.items, symbols))
        }
    });
    view! {
        <section class="card" data-testid="customer-documents">
            <h2>{move || format!("{} · {}", i18n.t(Msg::NavOrders), i18n.t(Msg::NavQuotations))}</h2>
            <Loaded resource=data let:value>
                {
                    let (orders, quotations, symbols) = value;
                    let symbol = move |id: i64| symbols.iter().find(|(c, _)| *c == id).map(|(_, s)| s.clone()).unwrap_or_default();
                    view! {
                    <ul class="plain">
                        {orders
                            .into_iter()
                            .map(|o| {
                                let (amount, date, symbol) = (o.amount, o.issue_date.clone(), symbol(o.currency));
                                view! {
                                    <li class="doc-line" data-testid="customer-order">
                                        <A href=format!("/orders/{}", o.number)>{format!("{} {}", i18n.t(Msg::Order), o.number)}</A>
                                        <span class="nowrap">{move || format::date(&date, i18n.locale.get())}</span>
                                        <span class="money">{move || format::money_in(amount, &symbol, i18n.locale.get())}</span>
                                    </li>
                                }
                            })
                            .collect_view()}
                        {quotations
                            .into_iter()
                            .map(|q| {
                                let (amount, date, symbol) = (q.amount, q.issue_date.clone(), symbol(q.currency));
                                view! {
                                    <li class="doc-line" data-testid="customer-quotation">
                                        <A href=format!("/quotations/{}", q.number)>{format!("{} {}", i18n.t(Msg::Quotation), q.number)}</A>
                                        <span class="nowrap">{move || format::date(&date, i18n.locale.get())}</span>
                                        <span class="money">{move || format::money_in(amount, &symbol, i18n.locale.get())}</span>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                }
            </Loaded>
        </section>
    }
}
