//! A loaded customer's details: the header (name, status, new order or quotation), then
//! registration, commercial terms, address and contact.

use leptos::prelude::*;
use leptos_router::components::A;
use mascate_domain::contract::Customer;
use mascate_domain::{format, tax_id};

use crate::components::field::Field;
use crate::connectivity::use_connectivity;
use crate::device::catalog::use_catalog;
use crate::i18n::{use_i18n, I18n, Msg};

/// A code with the name the reference table gives it (`À vista (001)`), or the code alone.
fn named(code: &str, table: &[(String, String)]) -> String {
    let code = code.trim();
    match table.iter().find(|(c, _)| c.trim() == code) {
        Some((_, name)) if !code.is_empty() => format!("{} ({code})", name.trim()),
        _ => code.to_string(),
    }
}

/// The customer's terms by name: payment conditions, price lists and carriers come from the
/// reference tables (the device's copy offline).
#[derive(Clone, Default, PartialEq)]
struct Terms {
    payment_conditions: Vec<(String, String)>,
    price_lists: Vec<(String, String)>,
    carriers: Vec<(String, String)>,
}

/// One of the customer's values, as text.
fn text(c: StoredValue<Customer>, f: fn(&Customer) -> String) -> Signal<String> {
    Signal::derive(move || c.with_value(f))
}

/// One of the customer's dates, in the locale of the moment.
fn date(i18n: I18n, c: StoredValue<Customer>, f: fn(&Customer) -> &str) -> Signal<String> {
    Signal::derive(move || c.with_value(|c| format::date(f(c), i18n.locale.get())))
}

/// The details of a loaded customer.
#[component]
pub fn CustomerDetails(
    /// The customer, as read.
    customer: Customer,
) -> impl IntoView {
    let i18n = use_i18n();
    let c = StoredValue::new(customer);
    view! {
        <article data-testid="customer-details">
            <DetailsHead c />
            <div class="details-grid">
                <section class="card">
                    <h2>{move || i18n.t(Msg::Registration)}</h2>
                    <dl>
                        <Field label=Msg::Code value=text(c, |c| format!("{} / {}", c.code, c.store)) />
                        <Field label=Msg::TaxId value=text(c, |c| tax_id::mask(&c.tax_id)) testid="customer-taxid" nowrap=true />
                        <Field
                            label=Msg::PersonType
                            value=Signal::derive(move || {
                                let company = c.with_value(|c| c.person_type.trim() == "J");
                                i18n.t(if company { Msg::Company } else { Msg::Person }).to_string()
                            })
                        />
                        <Field label=Msg::StateRegistration value=text(c, |c| c.state_registration.clone()) />
                        <Field label=Msg::MunicipalRegistration value=text(c, |c| c.municipal_registration.clone()) />
                        <Field label=Msg::Cnae value=text(c, |c| c.cnae.clone()) />
                        <Field label=Msg::CustomerSince value=date(i18n, c, |c| &c.inclusion_date) />
                    </dl>
                </section>
                <CommercialCard c />
                <section class="card" data-testid="customer-address">
                    <h2>{move || i18n.t(Msg::Address)}</h2>
                    <dl>
                        <Field label=Msg::Address value=text(c, |c| c.address.clone()) />
                        <Field label=Msg::Complement value=text(c, |c| c.address_complement.clone()) />
                        <Field label=Msg::Neighborhood value=text(c, |c| c.neighborhood.clone()) />
                        <Field label=Msg::City value=text(c, |c| format!("{} / {}", c.city, c.uf)) />
                        <Field label=Msg::ZipCode value=text(c, |c| format::zipcode(&c.zip_code)) />
                        <Field label=Msg::Country value=text(c, |c| c.country_name.clone()) />
                    </dl>
                </section>
                <section class="card">
                    <h2>{move || i18n.t(Msg::Contact)}</h2>
                    <dl>
                        <Field label=Msg::Contact value=text(c, |c| c.contact.clone()) />
                        <Field
                            label=Msg::Phone
                            value=text(c, |c| format::phone(&c.ddd, &c.phone))
                            testid="customer-phone"
                            nowrap=true
                        />
                        <Field label=Msg::Email value=text(c, |c| c.email.clone()) />
                    </dl>
                </section>
            </div>
        </article>
    }
}

/// The customer's name, trade name and status, and (unless blocked) a new order or
/// quotation for them.
#[component]
fn DetailsHead(
    /// The customer.
    c: StoredValue<Customer>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (code, store) = c.with_value(|c| (c.code.trim().to_string(), c.store.trim().to_string()));
    let new_href = move |seg: &str| format!("/{seg}/new?customer={code}&store={store}");
    let blocked = c.with_value(Customer::is_blocked);
    view! {
        <header class="details-head">
            <h1 data-testid="customer-name">{c.with_value(|c| c.name.clone())}</h1>
            <p class="muted">{c.with_value(|c| c.trade_name.clone())}</p>
            <span class=if blocked { "chip blocked" } else { "chip active" } data-icon=if blocked { "✕" } else { "✓" } data-testid="customer-status">
                {move || i18n.t(if blocked { Msg::Blocked } else { Msg::Active })}
            </span>
            // A blocked customer cannot buy: the form would refuse it anyway.
            {(!blocked).then(|| view! {
                <div class="actions new-documents">
                    <A href=new_href("orders") attr:class="button primary" attr:data-testid="customer-new-order">
                        {move || format!("+ {}", i18n.t(Msg::NewOrder))}
                    </A>
                    <A href=new_href("quotations") attr:class="button" attr:data-testid="customer-new-quotation">
                        {move || format!("+ {}", i18n.t(Msg::NewQuotation))}
                    </A>
                </div>
            })}
        </header>
    }
}

/// Credit and risk (online), and the customer's terms by name.
#[component]
fn CommercialCard(
    /// The customer.
    c: StoredValue<Customer>,
) -> impl IntoView {
    let i18n = use_i18n();
    let connectivity = use_connectivity();
    let catalog = use_catalog();
    let terms = LocalResource::new(move || {
        connectivity.online();
        async move {
            Terms {
                payment_conditions: catalog
                    .payment_conditions()
                    .await
                    .unwrap_or_default()
                    .into_iter()
                    .map(|p| (p.code, p.description))
                    .collect(),
                price_lists: catalog
                    .price_lists()
                    .await
                    .unwrap_or_default()
                    .into_iter()
                    .map(|l| (l.code, l.description))
                    .collect(),
                carriers: catalog.carriers().await.unwrap_or_default().into_iter().map(|k| (k.code, k.name)).collect(),
            }
        }
    });
    let term = move |code: fn(&Customer) -> String, table: fn(&Terms) -> &[(String, String)]| {
        Signal::derive(move || {
            let code = c.with_value(code);
            terms.with(|t| t.as_ref().map(|t| named(&code, table(t)))).unwrap_or(code)
        })
    };
    view! {
        <section class="card" data-testid="customer-commercial">
            <h2>{move || i18n.t(Msg::Commercial)}</h2>
            <dl>
                // Credit and risk are financial status: the ERP's, online only.
                <Show when=move || connectivity.online()>
                    <Field
                        label=Msg::CreditLimit
                        value=Signal::derive(move || c.with_value(|c| format::money(c.credit_limit, i18n.locale.get())))
                        testid="customer-credit-limit"
                        nowrap=true
                    />
                    <Field label=Msg::Risk value=text(c, |c| c.risk.clone()) />
                </Show>
                <Field label=Msg::PaymentCondition value=term(|c| c.payment_condition.clone(), |t| &t.payment_conditions) testid="customer-payment-condition" />
                <Field label=Msg::PriceList value=term(|c| c.price_list.clone(), |t| &t.price_lists) testid="customer-price-list" />
                <Field label=Msg::Carrier value=term(|c| c.carrier.clone(), |t| &t.carriers) testid="customer-carrier" />
                <Field label=Msg::CustomerRep value=text(c, rep) testid="customer-rep" />
                <Field label=Msg::LastPurchase value=date(i18n, c, |c| &c.last_purchase) testid="customer-last-purchase" />
            </dl>
        </section>
    }
}

/// The customer's rep: the seller's name (a Mascate extension) with the code beside it; the
/// code alone from an ERP that does not name them.
fn rep(c: &Customer) -> String {
    let (name, code) = (c.seller_name.trim(), c.seller_code.trim());
    match (name.is_empty(), code.is_empty()) {
        (false, false) => format!("{name} ({code})"),
        (false, true) => name.to_string(),
        _ => code.to_string(),
    }
}
