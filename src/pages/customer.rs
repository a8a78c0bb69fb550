//! One customer: registration data, commercial terms, address and contact. Online it asks
//! the ERP, with finances and documents; offline it shows today's selection on the device,
//! registration data and address only. Its contacts are on both (read-only offline).

mod contacts;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use mascate_domain::contract::Customer;
use mascate_domain::{format, tax_id};

use crate::api::{use_api, ApiError};
use crate::catalog::use_catalog;
use crate::components::field::Field;
use crate::connectivity::use_connectivity;
use crate::i18n::{use_i18n, Msg};

#[derive(Clone, PartialEq)]
enum Loaded {
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
                Ok(c) => Loaded::Found(Box::new(c)),
                Err(ApiError::Server { status: 404, .. }) if catalog.online() => Loaded::Missing(Msg::CustomerNotFound),
                Err(ApiError::Server { status: 404, .. } | ApiError::Unreachable | ApiError::SignedOut) => {
                    Loaded::Missing(Msg::NotSavedOffline)
                }
                Err(ApiError::Server { message, detail, .. }) => Loaded::Failed(message, detail),
                Err(ApiError::Malformed(m)) => Loaded::Failed(m, None),
            }
        }
    });

    view! {
        <section class="page customer">
            <A href="/customers" attr:class="button ghost" attr:data-testid="customer-back">
                {move || format!("← {}", i18n.t(Msg::Back))}
            </A>
            {move || match data.get() {
                None => view! { <p class="muted">{i18n.t(Msg::Loading)}</p> }.into_any(),
                Some(Loaded::Missing(msg)) => {
                    view! { <p class="empty" data-testid="customer-missing">{move || i18n.t(msg)}</p> }.into_any()
                }
                Some(Loaded::Failed(message, detail)) => {
                    view! {
                        <div class="error" role="alert">
                            <p>{message}</p>
                            {detail.map(|d| view! { <p class="muted small">{d}</p> })}
                        </div>
                    }
                        .into_any()
                }
                Some(Loaded::Found(c)) => {
                    let (code, store) = (c.code.clone(), c.store.clone());
                    let (c2, s2) = (code.clone(), store.clone());
                    view! {
                        <CustomerDetails customer=*c />
                        <contacts::ContactsCard code=c2 store=s2 />
                        // Finances live in the ERP: shown online only.
                        <Show when=move || connectivity.online()>
                            <CustomerFinances code=code.clone() store=store.clone() />
                            <CustomerDocuments code=code.clone() store=store.clone() />
                        </Show>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

/// The details of a loaded customer.
#[component]
fn CustomerDetails(customer: Customer) -> impl IntoView {
    let i18n = use_i18n();
    let connectivity = use_connectivity();
    let c = StoredValue::new(customer);
    let text = move |f: fn(&Customer) -> String| Signal::derive(move || c.with_value(f));
    let locale = move || i18n.locale.get();
    let date = move |f: fn(&Customer) -> &str| Signal::derive(move || c.with_value(|c| format::date(f(c), locale())));
    let blocked = c.with_value(Customer::is_blocked);
    view! {
        <article data-testid="customer-details">
            <header class="details-head">
                <h1 data-testid="customer-name">{c.with_value(|c| c.name.clone())}</h1>
                <p class="muted">{c.with_value(|c| c.trade_name.clone())}</p>
                <span class=if blocked { "chip blocked" } else { "chip active" } data-testid="customer-status">
                    {move || i18n.t(if blocked { Msg::Blocked } else { Msg::Active })}
                </span>
            </header>
            <div class="details-grid">
                <section class="card">
                    <h2>{move || i18n.t(Msg::Registration)}</h2>
                    <dl>
                        <Field label=Msg::Code value=text(|c| format!("{} / {}", c.code, c.store)) />
                        <Field label=Msg::TaxId value=text(|c| tax_id::mask(&c.tax_id)) testid="customer-taxid" />
                        <Field
                            label=Msg::PersonType
                            value=Signal::derive(move || {
                                let company = c.with_value(|c| c.person_type.trim() == "J");
                                i18n.t(if company { Msg::Company } else { Msg::Person }).to_string()
                            })
                        />
                        <Field label=Msg::StateRegistration value=text(|c| c.state_registration.clone()) />
                        <Field label=Msg::MunicipalRegistration value=text(|c| c.municipal_registration.clone()) />
                        <Field label=Msg::Cnae value=text(|c| c.cnae.clone()) />
                        <Field label=Msg::CustomerSince value=date(|c| &c.inclusion_date) />
                    </dl>
                </section>
                // Credit and risk are financial status: the ERP's, online only.
                <Show when=move || connectivity.online()>
                <section class="card" data-testid="customer-commercial">
                    <h2>{move || i18n.t(Msg::Commercial)}</h2>
                    <dl>
                        <Field
                            label=Msg::CreditLimit
                            value=Signal::derive(move || c.with_value(|c| format::money(c.credit_limit, locale())))
                            testid="customer-credit-limit"
                        />
                        <Field label=Msg::Risk value=text(|c| c.risk.clone()) />
                        <Field label=Msg::PaymentCondition value=text(|c| c.payment_condition.clone()) />
                        <Field label=Msg::PriceList value=text(|c| c.price_list.clone()) />
                        <Field label=Msg::Carrier value=text(|c| c.carrier.clone()) />
                        <Field label=Msg::LastPurchase value=date(|c| &c.last_purchase) testid="customer-last-purchase" />
                    </dl>
                </section>
                </Show>
                <section class="card" data-testid="customer-address">
                    <h2>{move || i18n.t(Msg::Address)}</h2>
                    <dl>
                        <Field label=Msg::Address value=text(|c| c.address.clone()) />
                        <Field label=Msg::Complement value=text(|c| c.address_complement.clone()) />
                        <Field label=Msg::Neighborhood value=text(|c| c.neighborhood.clone()) />
                        <Field label=Msg::City value=text(|c| format!("{} / {}", c.city, c.uf)) />
                        <Field label=Msg::ZipCode value=text(|c| format::zipcode(&c.zip_code)) />
                        <Field label=Msg::Country value=text(|c| c.country_name.clone()) />
                    </dl>
                </section>
                <section class="card">
                    <h2>{move || i18n.t(Msg::Contact)}</h2>
                    <dl>
                        <Field label=Msg::Contact value=text(|c| c.contact.clone()) />
                        <Field
                            label=Msg::Phone
                            value=text(|c| {
                                if c.phone.trim().is_empty() { String::new() } else { format!("({}) {}", c.ddd.trim(), c.phone.trim()) }
                            })
                        />
                        <Field label=Msg::Email value=text(|c| c.email.clone()) />
                    </dl>
                </section>
            </div>
        </article>
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
        let (code, store, s) = (code.clone(), store.clone(), search.get());
        async move { api.bills(&code, &store, &s).await }
    });
    let money = move |v: f64| format::money(v, i18n.locale.get());
    view! {
        <section class="card finances" data-testid="customer-finances">
            <h2>{move || i18n.t(Msg::Finances)}</h2>
            {move || match summary.get() {
                None => view! { <p class="muted">{i18n.t(Msg::Loading)}</p> }.into_any(),
                Some(Err(e)) => view! { <crate::components::api_error::ApiErrorBox error=e /> }.into_any(),
                Some(Ok((credit, late, oldest))) => view! {
                    <dl>
                        <Field label=Msg::AvailableCredit value=Signal::derive(move || money(credit)) testid="customer-available-credit" />
                        <Field label=Msg::Delinquency value=Signal::derive(move || format!("{} %", format::number(late, 2, i18n.locale.get()))) testid="customer-delinquency" />
                        <Field label=Msg::OldestDue value=Signal::derive(move || format::date(&oldest, i18n.locale.get())) testid="customer-oldest-due" />
                    </dl>
                }
                    .into_any(),
            }}
            <h3>{move || i18n.t(Msg::OpenBills)}</h3>
            <crate::components::search_box::SearchBox value=search on_search=move |s| search.set(s) hint=Msg::BillSearchHint testid="bills-search" />
            {move || match bills.get() {
                None => view! { <p class="muted">{i18n.t(Msg::Loading)}</p> }.into_any(),
                Some(Err(e)) => view! { <crate::components::api_error::ApiErrorBox error=e /> }.into_any(),
                Some(Ok(list)) if list.is_empty() => view! { <p class="muted" data-testid="bills-empty">{i18n.t(Msg::NoOpenBills)}</p> }.into_any(),
                Some(Ok(list)) => view! {
                    <div class="table-wrap">
                        <table class="table" data-testid="bills-table">
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
                                                <td class="mono">{format!("{}-{}{}", b.prefix, b.number, if b.installment.is_empty() { String::new() } else { format!("/{}", b.installment) })}</td>
                                                <td>{move || format::date(&due, i18n.locale.get())}</td>
                                                <td class="num mono">{move || format::money(value, i18n.locale.get())}</td>
                                                <td class="num mono">{move || format::money(balance, i18n.locale.get())}</td>
                                                <td><span class="chip">{move || i18n.t(if partial { Msg::PartlyPaid } else { Msg::StatusOpen })}</span></td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
                    .into_any(),
            }}
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
            Ok::<_, ApiError>((orders.items, quotations.items))
        }
    });
    view! {
        <section class="card" data-testid="customer-documents">
            <h2>{move || format!("{} · {}", i18n.t(Msg::NavOrders), i18n.t(Msg::NavQuotations))}</h2>
            {move || match data.get() {
                None => view! { <p class="muted">{i18n.t(Msg::Loading)}</p> }.into_any(),
                Some(Err(e)) => view! { <crate::components::api_error::ApiErrorBox error=e /> }.into_any(),
                Some(Ok((orders, quotations))) => view! {
                    <ul class="plain">
                        {orders
                            .into_iter()
                            .map(|o| {
                                let (amount, date) = (o.amount, o.issue_date.clone());
                                view! {
                                    <li data-testid="customer-order">
                                        <A href=format!("/orders/{}", o.number)>{format!("{} {}", i18n.t(Msg::Order), o.number)}</A>
                                        " · "{move || format::date(&date, i18n.locale.get())}" · "{move || format::money(amount, i18n.locale.get())}
                                    </li>
                                }
                            })
                            .collect_view()}
                        {quotations
                            .into_iter()
                            .map(|q| {
                                let (amount, date) = (q.amount, q.issue_date.clone());
                                view! {
                                    <li data-testid="customer-quotation">
                                        <A href=format!("/quotations/{}", q.number)>{format!("{} {}", i18n.t(Msg::Quotation), q.number)}</A>
                                        " · "{move || format::date(&date, i18n.locale.get())}" · "{move || format::money(amount, i18n.locale.get())}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any(),
            }}
        </section>
    }
}
