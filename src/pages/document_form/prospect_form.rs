//! Registering a prospect inside a quotation, checking the CNPJ/CPF check digits and every
//! field beside it.

use leptos::prelude::*;

use crate::api::{use_api, ApiError};
use crate::components::api_error::ApiErrorBox;
use crate::i18n::{use_i18n, Msg};

/// Registers a prospect, checking the CNPJ/CPF check digits and every field beside it.
#[component]
pub fn NewProspectForm(on_saved: impl Fn((String, String, String)) + Copy + Send + Sync + 'static) -> impl IntoView {
    use mascate_domain::prospect::{NewProspect, ProspectField};
    let i18n = use_i18n();
    let api = use_api();
    let p = RwSignal::new(NewProspect::default());
    let shown = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let problem = move |field: ProspectField| {
        move || {
            shown
                .get()
                .then(|| p.with(|p| p.validate().into_iter().find(|(f, _)| *f == field).map(|(_, c)| c)))
                .flatten()
                .map(|code| {
                    i18n.t(match code {
                        "length" => Msg::ProblemTaxIdLength,
                        "repeated" | "check_digits" => Msg::ProblemTaxIdDigits,
                        "unknown_uf" => Msg::ProblemUf,
                        "bad_email" => Msg::ProblemEmail,
                        _ => Msg::ProblemRequired,
                    })
                })
        }
    };
    let input = move |label: Msg,
                      testid: &'static str,
                      get: fn(&NewProspect) -> String,
                      set: fn(&mut NewProspect, String),
                      field: Option<ProspectField>| {
        let error_id = format!("problem-{testid}");
        let invalid = move || field.is_some_and(|f| problem(f)().is_some());
        view! {
            <label>
                <span class="label">{move || i18n.t(label)}</span>
                <input data-testid=testid prop:value=move || p.with(get) on:input=move |ev| p.update(|p| set(p, event_target_value(&ev)))
                    aria-invalid=move || invalid().to_string() aria-describedby=field.map(|_| error_id.clone()) />
                {field.map(|f| view! { <p class="field-error" id=format!("problem-{testid}") data-testid=format!("problem-{testid}")>{problem(f)}</p> })}
            </label>
        }
    };
    // A write: one at a time, its button disabled while it is on its way.
    let saving = Action::new_local(move |prospect: &mascate_domain::prospect::NewProspect| {
        let prospect = prospect.clone();
        async move {
            match api.create_prospect(&prospect).await {
                Ok((code, store)) => {
                    error.set(None);
                    on_saved((code, store, prospect.name.to_uppercase()));
                }
                Err(e) => error.set(Some(e)),
            }
        }
    });
    let save = move |_| {
        shown.set(true);
        if !p.with(|p| p.validate().is_empty()) || saving.pending().get_untracked() {
            return;
        }
        saving.dispatch(p.get_untracked());
    };
    view! {
        <div class="grid-2" data-testid="new-prospect-form">
            {input(Msg::Name, "prospect-name", |p| p.name.clone(), |p, v| p.name = v, Some(ProspectField::Name))}
            {input(Msg::TradeName, "prospect-trade-name", |p| p.trade_name.clone(), |p, v| p.trade_name = v, None)}
            {input(Msg::TaxId, "prospect-taxid", |p| p.tax_id.clone(), |p, v| p.tax_id = v, Some(ProspectField::TaxId))}
            {input(Msg::State, "prospect-uf", |p| p.uf.clone(), |p, v| p.uf = v, Some(ProspectField::Uf))}
            {input(Msg::City, "prospect-city", |p| p.city.clone(), |p, v| p.city = v, Some(ProspectField::City))}
            {input(Msg::Phone, "prospect-phone", |p| p.phone.clone(), |p, v| p.phone = v, None)}
            {input(Msg::Email, "prospect-email", |p| p.email.clone(), |p, v| p.email = v, Some(ProspectField::Email))}
            <div class="span-2">
                <button type="button" class="button" data-testid="prospect-save" disabled=move || saving.pending().get() on:click=save>{move || i18n.t(Msg::SaveProspect)}</button>
                {move || error.get().map(|e| view! { <ApiErrorBox error=e /> })}
            </div>
        </div>
    }
}
