//! One customer: registration data, commercial terms, address and contact. Online it asks
//! the ERP (and refreshes the saved copy); offline it shows the saved copy.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use mascate_domain::contract::Customer;
use mascate_domain::customer_query::ListSource;
use mascate_domain::{format, tax_id};

use crate::api::{use_api, ApiError};
use crate::components::field::Field;
use crate::connectivity::use_connectivity;
use crate::i18n::{use_i18n, Msg};
use crate::session::use_session;
use crate::storage;

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
    let api = use_api();
    let connectivity = use_connectivity();
    let params = use_params_map();
    let seller = use_session().current.get_untracked().map(|s| s.seller_code).unwrap_or_default();

    let data = LocalResource::new(move || {
        let code = params.read().get("code").unwrap_or_default();
        let store = params.read().get("store").unwrap_or_default();
        let online = connectivity.online();
        let seller = seller.clone();
        async move {
            let db = storage::for_seller(&seller).await.ok();
            if ListSource::choose(online) == ListSource::Server {
                match api.customer(&code, &store).await {
                    Ok(c) => {
                        if let Some(db) = &db {
                            let _ = db.put_customers(std::slice::from_ref(&c)).await;
                        }
                        return Loaded::Found(Box::new(c));
                    }
                    Err(ApiError::Server { status: 404, .. }) => return Loaded::Missing(Msg::CustomerNotFound),
                    Err(ApiError::Server { message, detail, .. }) => return Loaded::Failed(message, detail),
                    Err(ApiError::Malformed(m)) => return Loaded::Failed(m, None),
                    Err(ApiError::Unreachable | ApiError::SignedOut) => {}
                }
            }
            let saved = match &db {
                Some(db) => db.customer(&code, &store).await.ok().flatten(),
                None => None,
            };
            match saved {
                Some(c) => Loaded::Found(Box::new(c)),
                None => Loaded::Missing(Msg::NotSavedOffline),
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
                Some(Loaded::Found(c)) => view! { <CustomerDetails customer=*c /> }.into_any(),
            }}
        </section>
    }
}

/// The details of a loaded customer.
#[component]
fn CustomerDetails(customer: Customer) -> impl IntoView {
    let i18n = use_i18n();
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
                <section class="card">
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
