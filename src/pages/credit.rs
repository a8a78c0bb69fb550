//! The credit sheet by CPF/CNPJ (`/credit?taxid=…`, from the customers list): the rep types
//! or pastes the number with or without its mask; one that cannot be a CPF or CNPJ (its
//! length, its characters, its check digits) is refused beside the field before the ERP is
//! asked; an unknown one is said plainly; a found one shows the sheet with a link to the
//! customer. Online only (the ERP's figures).

mod sheet;

use leptos::prelude::*;
use leptos_router::components::A;
use mascate_domain::contract::CreditSheet;
use mascate_domain::tax_id::{mask, only_mask_characters, validate, TaxIdError};
use mascate_domain::text::digits;

use crate::api::{use_api, ApiError};
use crate::components::api_error::ApiErrorBox;
use crate::components::loaded::Ready;
use crate::connectivity::use_connectivity;
use crate::i18n::{use_i18n, Msg};
use crate::url_query::use_url_query;
use sheet::SheetCard;

/// Why a typed number is not asked for, if it is not.
fn problem(typed: &str) -> Option<Msg> {
    if typed.trim().is_empty() {
        return Some(Msg::ProblemRequired);
    }
    if !only_mask_characters(typed) {
        return Some(Msg::ProblemTaxIdCharacters);
    }
    match validate(typed) {
        Ok(_) => None,
        Err(TaxIdError::Length) => Some(Msg::ProblemTaxIdLength),
        Err(TaxIdError::Repeated | TaxIdError::CheckDigits) => Some(Msg::ProblemTaxIdDigits),
    }
}

/// How the lookup went.
#[derive(Clone)]
enum Lookup {
    /// Nothing asked yet (or what was asked cannot be a CPF/CNPJ).
    Idle,
    /// No connection: the sheet is the ERP's.
    Offline,
    Found(Box<CreditSheet>),
    /// None of the rep's customers has it.
    Unknown,
    Failed(ApiError),
}

/// The credit sheet page.
#[component]
pub fn CreditPage() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let connectivity = use_connectivity();
    let url = use_url_query();
    let asked = url.text("taxid");
    let typed = RwSignal::new(mask(&asked.get_untracked()));
    let said = RwSignal::new(None::<Msg>);
    let lookup = LocalResource::new(move || {
        let (asked, online) = (asked.get(), connectivity.online());
        async move {
            if asked.is_empty() || problem(&asked).is_some() {
                Lookup::Idle
            } else if !online {
                Lookup::Offline
            } else {
                match api.credit_sheet(&digits(&asked)).await {
                    Ok(Some(sheet)) => Lookup::Found(Box::new(sheet)),
                    Ok(None) => Lookup::Unknown,
                    Err(e) => Lookup::Failed(e),
                }
            }
        }
    });
    let submit = move || {
        let value = typed.get_untracked();
        let p = problem(&value);
        said.set(p);
        if p.is_none() {
            typed.set(mask(&value));
            if digits(&value) == asked.get_untracked() {
                lookup.refetch();
            } else {
                url.set(&[("taxid", digits(&value))]);
            }
        } else {
            focus_field();
        }
    };
    view! {
        <section class="page credit">
            <A href="/customers" attr:class="button ghost" attr:data-testid="credit-back">
                {move || format!("← {}", i18n.t(Msg::NavCustomers))}
            </A>
            <h1>{move || i18n.t(Msg::NavCredit)}</h1>
            <form class="card credit-form" role="search" novalidate data-testid="credit-form"
                on:submit=move |ev| { ev.prevent_default(); submit(); }>
                <label for="credit-taxid" class="label">{move || i18n.t(Msg::CreditTaxIdLabel)}</label>
                <div class="credit-row">
                    <input id="credit-taxid" type="text" inputmode="numeric" autocomplete="off" data-testid="credit-taxid"
                        prop:value=move || typed.get() aria-invalid=move || said.with(Option::is_some).to_string()
                        aria-describedby="credit-taxid-hint credit-taxid-problem"
                        on:input=move |ev| {
                            typed.set(event_target_value(&ev));
                            if said.with_untracked(Option::is_some) {
                                said.set(problem(&typed.get_untracked()));
                            }
                        }
                        on:blur=move |_| {
                            let value = typed.get_untracked();
                            if !value.trim().is_empty() {
                                said.set(problem(&value));
                            }
                        } />
                    <button type="submit" class="button primary" data-testid="credit-lookup">{move || i18n.t(Msg::CreditLookup)}</button>
                </div>
                <p class="hint" id="credit-taxid-hint">{move || i18n.t(Msg::CreditTaxIdHint)}</p>
                <p class="field-error" id="credit-taxid-problem" data-testid="credit-taxid-problem">
                    {move || said.get().map(|m| i18n.t(m))}
                </p>
            </form>
            <Ready resource=lookup let:value>{match value {
                Lookup::Idle => ().into_any(),
                Lookup::Offline => view! {
                    <p class="notice offline" data-testid="credit-offline">{move || i18n.t(Msg::NeedsConnection)}</p>
                }.into_any(),
                Lookup::Unknown => view! {
                    <p class="empty" role="status" data-testid="credit-unknown">{move || i18n.t(Msg::CreditUnknown)}</p>
                }.into_any(),
                Lookup::Failed(e) => view! { <ApiErrorBox error=e /> }.into_any(),
                Lookup::Found(sheet) => view! { <SheetCard sheet=*sheet /> }.into_any(),
            }}</Ready>
        </section>
    }
}

/// Moves focus back to the number's field (after a refusal).
fn focus_field() {
    let el = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("credit-taxid"));
    if let Some(el) = el.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()) {
        let _ = el.focus();
    }
}
