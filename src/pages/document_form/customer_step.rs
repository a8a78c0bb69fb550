//! Step 1: the customer (or, for a quotation, a prospect, found or registered here).

use leptos::prelude::*;
use mascate_domain::contract::{Customer, Prospect};
use mascate_domain::customer_query::CustomerQuery;
use mascate_domain::document::{DocumentKind, Draft, Field};

use super::fields::{FieldProblem, Problems};
use super::prospect_form::NewProspectForm;
use crate::api::ApiError;
use crate::components::api_error::ApiErrorBox;
use crate::components::search_box::debounced;
use crate::i18n::{use_i18n, Msg};

/// The customer step; `customer_name` and `customer_type` are kept for the review and the
/// taxes.
#[component]
pub fn CustomerStep(
    kind: Signal<DocumentKind>,
    draft: RwSignal<Draft>,
    customer_name: RwSignal<String>,
    customer_type: RwSignal<String>,
    problems: Problems,
) -> impl IntoView {
    let i18n = use_i18n();
    let catalog = crate::device::catalog::use_catalog();
    let search = RwSignal::new(String::new());
    // Asked once the rep pauses typing, not at every key.
    let asked: Signal<String> = debounced(search.into());
    let found = LocalResource::new(move || {
        let q = CustomerQuery { search: asked.get(), ..Default::default() };
        async move {
            if q.search.trim().len() < 2 {
                Ok(Vec::new())
            } else {
                catalog.customers(&q, 1, 12).await.map(|l| l.items)
            }
        }
    });
    let prospects = LocalResource::new(move || {
        let s = asked.get();
        async move {
            if kind.get_untracked() == DocumentKind::Quotation && s.trim().len() >= 2 {
                catalog.prospects(&s).await.unwrap_or_default()
            } else {
                Vec::new()
            }
        }
    });
    let choose = move |c: Customer| {
        customer_name.set(c.name.clone());
        customer_type.set(c.customer_type.clone());
        draft.update(|d| d.choose_customer(&c));
    };
    let choose_prospect = move |code: String, store: String, name: String| {
        customer_name.set(format!("{name} ({})", i18n.t(Msg::Prospect)));
        customer_type.set("F".into());
        draft.update(|d| d.choose_prospect(&code, &store));
    };
    let problem = problems.of(Field::Customer);
    view! {
        <div class="card step-body" data-testid="step-customer">
            <h2 class="step-title" tabindex="-1" data-testid="step-heading">{move || i18n.t(Msg::StepCustomer)}</h2>
            <p data-testid="chosen-customer">
                <strong>{move || i18n.t(Msg::Customer)}": "</strong>
                {move || {
                    let name = customer_name.get();
                    draft.with(|d| {
                        let code = if d.prospect_code.is_empty() { &d.customer_code } else { &d.prospect_code };
                        if code.is_empty() { i18n.t(Msg::ChooseCustomer).to_string() } else { format!("{code} — {name}") }
                    })
                }}
            </p>
            <label class="label" for="customer-search">{move || i18n.t(Msg::Search)}</label>
            <input id="customer-search" type="search" data-testid="customer-search" placeholder=move || i18n.t(Msg::SearchHint)
                bind:value=search aria-invalid=move || problem.get().is_some().to_string() aria-describedby="problem-customer" />
            <FieldProblem problem testid="problem-customer" id="problem-customer" />
            <Show when=move || kind.get() == DocumentKind::Quotation>
                <details class="new-prospect" data-testid="new-prospect">
                    <summary>{move || format!("+ {}", i18n.t(Msg::NewProspect))}</summary>
                    <NewProspectForm on_saved=move |(code, store, name): (String, String, String)| choose_prospect(code, store, name) />
                </details>
            </Show>
            <ul class="picker" data-testid="customer-results">
                <CustomerOptions found choose />
                <ProspectOptions prospects choose=choose_prospect />
            </ul>
        </div>
    }
}

/// The customers found, each a button choosing it (a blocked one disabled, and saying so).
#[component]
fn CustomerOptions(
    /// The customers found for the search.
    found: LocalResource<Result<Vec<Customer>, ApiError>>,
    /// Chooses a customer.
    choose: impl Fn(Customer) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        found.get().map(|r| match r {
            Err(e) => view! { <li><ApiErrorBox error=e /></li> }.into_any(),
            Ok(list) => list
                .into_iter()
                .map(|c| {
                    let label = format!("{} / {} — {} ({} / {})", c.code, c.store, c.name, c.city, c.uf);
                    let blocked = c.is_blocked();
                    let code = c.code.clone();
                    view! {
                        <li>
                            <button type="button" class="pick" data-testid="customer-option" data-code=code disabled=blocked
                                on:click=move |_| choose(c.clone())>
                                {label}
                                {blocked.then(|| view! { " · " {move || i18n.t(Msg::Blocked)} })}
                            </button>
                        </li>
                    }
                })
                .collect_view()
                .into_any(),
        })
    }
}

/// The prospects found (a quotation's), each a button choosing it.
#[component]
fn ProspectOptions(
    /// The prospects found for the search.
    prospects: LocalResource<Vec<Prospect>>,
    /// Chooses a prospect by code, store and name.
    choose: impl Fn(String, String, String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        prospects
            .get()
            .unwrap_or_default()
            .into_iter()
            .map(|p: Prospect| {
                let label = format!("{} — {} ({}) · {}", p.code, p.name, p.uf, i18n.t(Msg::Prospect));
                let code = p.code.clone();
                view! {
                    <li>
                        <button type="button" class="pick" data-testid="prospect-option" data-code=code
                            on:click=move |_| choose(p.code.clone(), p.store.clone(), p.name.clone())>
                            {label}
                        </button>
                    </li>
                }
            })
            .collect_view()
    }
}
