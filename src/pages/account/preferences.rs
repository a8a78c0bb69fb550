//! The account's e-mail and language (`PATCH account`); the language saved also becomes the
//! app's own.

use leptos::prelude::*;
use mascate_domain::contact::looks_like_email;
use mascate_domain::contract::{Account, AccountPatch};
use mascate_domain::Locale;

use crate::api::{use_api, ApiError};
use crate::components::api_error::ApiErrorBox;
use crate::i18n::{use_i18n, Msg};

/// The e-mail's problem, if any: empty or not an e-mail.
fn email_problem(email: &str) -> Option<Msg> {
    let email = email.trim();
    if email.is_empty() {
        Some(Msg::ProblemRequired)
    } else if !looks_like_email(email) {
        Some(Msg::ProblemBadEmail)
    } else {
        None
    }
}

/// The form: e-mail (checked as the rep leaves it) and language, saved together.
#[component]
pub fn PreferencesForm(
    /// The account as read.
    account: Account,
    /// Whether the ERP can be reached (the form is disabled otherwise).
    online: Signal<bool>,
    /// Called with the account as the ERP answered after saving.
    on_saved: impl Fn(Account) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let email = RwSignal::new(account.email.clone());
    let language = RwSignal::new(Locale::from_tag(&account.language).unwrap_or_default());
    let problem = RwSignal::new(None::<Msg>);
    let save = Action::new_local(move |patch: &AccountPatch| {
        let patch = patch.clone();
        async move {
            let saved = api.update_account(&patch).await?;
            if let Some(l) = Locale::from_tag(&saved.language) {
                i18n.set(l);
            }
            on_saved(saved.clone());
            Ok::<Account, ApiError>(saved)
        }
    });
    let submit = move || {
        let p = email_problem(&email.get_untracked());
        problem.set(p);
        if p.is_none() && !save.pending().get_untracked() {
            let patch = AccountPatch {
                email: Some(email.get_untracked().trim().to_string()),
                language: Some(language.get_untracked().tag().to_string()),
            };
            save.dispatch_local(patch);
        }
    };
    // A 400 of the ERP names the field: an e-mail's goes beside the e-mail.
    let refusal = move || save.value().get().and_then(Result::err);
    let email_refused = move || match refusal() {
        Some(ApiError::Server { status: 400, message, .. }) if message.contains("email") => Some(message),
        _ => None,
    };
    view! {
        <form class="card account-form" novalidate data-testid="preferences-form" on:submit=move |ev| { ev.prevent_default(); submit(); }>
            <h2>{move || i18n.t(Msg::AccountPreferences)}</h2>
            <fieldset disabled=move || !online.get()>
                <label>
                    <span class="label">{move || i18n.t(Msg::Email)}</span>
                    <input type="email" autocomplete="email" data-testid="account-email" prop:value=move || email.get()
                        aria-invalid=move || (problem.get().is_some() || email_refused().is_some()).to_string()
                        aria-describedby="account-email-hint account-email-problem"
                        on:input=move |ev| email.set(event_target_value(&ev))
                        on:blur=move |_| problem.set(email_problem(&email.get_untracked())) />
                </label>
                <p class="hint" id="account-email-hint">{move || i18n.t(Msg::AccountEmailHint)}</p>
                <p class="field-error" id="account-email-problem" data-testid="account-email-problem">
                    {move || problem.get().map(|m| i18n.t(m).to_string()).or_else(email_refused)}
                </p>
                <label>
                    <span class="label">{move || i18n.t(Msg::Language)}</span>
                    <select data-testid="account-language" on:change=move |ev| {
                        if let Some(l) = Locale::from_tag(&event_target_value(&ev)) {
                            language.set(l);
                        }
                    }>
                        {Locale::ALL.iter().map(|l| {
                            let l = *l;
                            view! { <option value=l.tag() selected=move || language.get() == l>{l.native_name()}</option> }
                        }).collect_view()}
                    </select>
                </label>
                {move || match refusal() {
                    Some(e) if email_refused().is_none() => Some(view! { <ApiErrorBox error=e /> }),
                    _ => None,
                }}
                <Show when=move || matches!(save.value().get(), Some(Ok(_)))>
                    <p class="notice ok" role="status" data-testid="preferences-saved">{move || i18n.t(Msg::PreferencesSaved)}</p>
                </Show>
                <div class="form-actions">
                    <button type="submit" class="button primary" data-testid="preferences-save" disabled=move || save.pending().get()>
                        {move || i18n.t(if save.pending().get() { Msg::Saving } else { Msg::Save })}
                    </button>
                </div>
            </fieldset>
        </form>
    }
}
