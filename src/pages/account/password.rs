//! The password change: current, new and new again, each checked as the rep leaves it against
//! the ERP's policy (mirrored in `mascate_domain::password`), the policy said beside the new
//! one, and the ERP's refusals beside the field they concern.

use leptos::prelude::*;
use mascate_domain::contract::{Account, PasswordChange, PasswordPolicy};
use mascate_domain::password::{check_again, check_current, check_form, check_new, PasswordProblem};
use mascate_domain::Locale;

use crate::api::account::PasswordRefusal;
use crate::api::use_api;
use crate::components::api_error::ApiErrorBox;
use crate::i18n::{use_i18n, I18n, Msg};

/// What is said beside a field.
#[derive(Debug, Clone, PartialEq)]
enum Said {
    /// A rule checked on the device.
    Rule(PasswordProblem),
    /// 403: the current password does not match.
    WrongCurrent,
    /// 400: the ERP's own words on the new one.
    Erp(String),
}

impl Said {
    fn text(&self, i18n: I18n) -> String {
        match self {
            Said::Rule(p) => rule_text(*p, i18n),
            Said::WrongCurrent => i18n.t(Msg::WrongCurrentPassword).to_string(),
            Said::Erp(words) => words.clone(),
        }
    }
}

/// A rule's refusal in words.
fn rule_text(problem: PasswordProblem, i18n: I18n) -> String {
    match problem {
        PasswordProblem::Missing => i18n.t(Msg::ProblemRequired).to_string(),
        PasswordProblem::TooShort(n) => i18n.t_n(Msg::ProblemPasswordShort, n),
        PasswordProblem::TooLong(n) => i18n.t_n(Msg::ProblemPasswordLong, n),
        PasswordProblem::LetterAndDigit => i18n.t(Msg::ProblemPasswordLetterDigit).to_string(),
        PasswordProblem::UserName => i18n.t(Msg::ProblemPasswordUserName).to_string(),
        PasswordProblem::SameAsCurrent => i18n.t(Msg::ProblemPasswordSameAsCurrent).to_string(),
        PasswordProblem::Control => i18n.t(Msg::ProblemPasswordControl).to_string(),
        PasswordProblem::Mismatch => i18n.t(Msg::ProblemPasswordMismatch).to_string(),
    }
}

/// The policy's sentence in the app's language.
fn policy_text(policy: &PasswordPolicy, locale: Locale) -> String {
    match locale {
        Locale::PtBr => policy.text.pt_br.clone(),
        Locale::En => policy.text.en.clone(),
        Locale::Es => policy.text.es.clone(),
    }
}

/// One field of the form: its value and what is said beside it.
#[derive(Clone, Copy)]
struct Entry {
    value: RwSignal<String>,
    said: RwSignal<Option<Said>>,
}

impl Entry {
    fn new() -> Self {
        Entry { value: RwSignal::new(String::new()), said: RwSignal::new(None) }
    }

    fn judge(self, verdict: Result<(), PasswordProblem>) {
        self.said.set(verdict.err().map(Said::Rule));
    }
}

/// The three fields and their checks.
#[derive(Clone, Copy)]
struct Form {
    current: Entry,
    new: Entry,
    again: Entry,
    policy: StoredValue<PasswordPolicy>,
    user: StoredValue<String>,
}

impl Form {
    fn check_current(self) {
        self.current.judge(check_current(&self.current.value.get_untracked()));
    }

    fn check_new(self) {
        let (new, current) = (self.new.value.get_untracked(), self.current.value.get_untracked());
        self.new.judge(self.policy.with_value(|p| self.user.with_value(|u| check_new(p, &new, u, &current))));
    }

    fn check_again(self) {
        self.again.judge(check_again(&self.new.value.get_untracked(), &self.again.value.get_untracked()));
    }

    /// Judges every field; true when the form may be sent.
    fn check_all(self) -> bool {
        let (current, new, again) =
            (self.current.value.get_untracked(), self.new.value.get_untracked(), self.again.value.get_untracked());
        let (c, n, a) = self.policy.with_value(|p| self.user.with_value(|u| check_form(p, u, &current, &new, &again)));
        self.current.said.set(c.map(Said::Rule));
        self.new.said.set(n.map(Said::Rule));
        self.again.said.set(a.map(Said::Rule));
        c.is_none() && n.is_none() && a.is_none()
    }

    fn clear(self) {
        for e in [self.current, self.new, self.again] {
            e.value.set(String::new());
            e.said.set(None);
        }
    }
}

/// The change-password form.
#[component]
pub fn PasswordForm(
    /// The account as read: the user name and the ERP's password policy.
    account: Account,
    /// Whether the ERP can be reached (the form is disabled otherwise).
    online: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let form = Form {
        current: Entry::new(),
        new: Entry::new(),
        again: Entry::new(),
        policy: StoredValue::new(account.password_policy),
        user: StoredValue::new(account.username.clone()),
    };
    let change = Action::new_local(move |body: &PasswordChange| {
        let body = body.clone();
        async move {
            let out = api.change_password(&body).await;
            match &out {
                Ok(()) => form.clear(),
                Err(PasswordRefusal::WrongCurrent) => form.current.said.set(Some(Said::WrongCurrent)),
                Err(PasswordRefusal::Weak(words)) => form.new.said.set(Some(Said::Erp(words.clone()))),
                Err(_) => {}
            }
            out
        }
    });
    let submit = move || {
        if form.check_all() && !change.pending().get_untracked() {
            let body =
                PasswordChange { current: form.current.value.get_untracked(), new: form.new.value.get_untracked() };
            change.dispatch_local(body);
        } else {
            let first =
                [(form.current, "password-current"), (form.new, "password-new"), (form.again, "password-again")]
                    .into_iter()
                    .find(|(e, _)| e.said.with_untracked(Option::is_some));
            if let Some((_, testid)) = first {
                focus_testid(testid);
            }
        }
    };
    view! {
        <form class="card account-form" novalidate data-testid="password-form" on:submit=move |ev| { ev.prevent_default(); submit(); }>
            <h2>{move || i18n.t(Msg::ChangePassword)}</h2>
            <fieldset disabled=move || !online.get()>
                // For password managers: whose password this is.
                <input type="text" hidden autocomplete="username" prop:value=account.username readonly />
                <PasswordField entry=form.current label=Msg::CurrentPassword testid="password-current" autocomplete="current-password"
                    on_leave=move || form.check_current() />
                <PasswordField entry=form.new label=Msg::NewPassword testid="password-new" autocomplete="new-password"
                    on_leave=move || {
                        form.check_new();
                        if !form.again.value.get_untracked().is_empty() {
                            form.check_again();
                        }
                    }
                    hint=Signal::derive(move || form.policy.with_value(|p| policy_text(p, i18n.locale.get()))) />
                <PasswordField entry=form.again label=Msg::NewPasswordAgain testid="password-again" autocomplete="new-password"
                    on_leave=move || form.check_again() />
                {move || match change.value().get() {
                    Some(Ok(())) => view! {
                        <p class="notice ok" role="status" data-testid="password-changed">{move || i18n.t(Msg::PasswordChanged)}</p>
                    }.into_any(),
                    Some(Err(PasswordRefusal::Throttled(seconds))) => view! {
                        <p class="error" role="alert" data-testid="password-throttled">{move || i18n.t_n(Msg::PasswordThrottled, seconds)}</p>
                    }.into_any(),
                    Some(Err(PasswordRefusal::Other(e))) => view! { <ApiErrorBox error=e /> }.into_any(),
                    _ => ().into_any(),
                }}
                <div class="form-actions">
                    <button type="submit" class="button primary" data-testid="password-submit" disabled=move || change.pending().get()>
                        {move || i18n.t(if change.pending().get() { Msg::Saving } else { Msg::ChangePasswordSubmit })}
                    </button>
                </div>
            </fieldset>
        </form>
    }
}

/// One password field with its hint (optional) and what is said beside it.
#[component]
fn PasswordField(
    /// Its value and verdict.
    entry: Entry,
    /// The label's message.
    label: Msg,
    /// `data-testid` of the input; its verdict's is `{testid}-problem`.
    testid: &'static str,
    /// The browser's autofill purpose (`current-password`, `new-password`).
    autocomplete: &'static str,
    /// Checks the field (and those depending on it) as the rep leaves it.
    on_leave: impl Fn() + Copy + Send + Sync + 'static,
    /// A sentence beside the field (the policy, for the new one).
    #[prop(optional, into)]
    hint: Option<Signal<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (hint_id, problem_id) = (format!("{testid}-hint"), format!("{testid}-problem"));
    let described = if hint.is_some() { format!("{hint_id} {problem_id}") } else { problem_id.clone() };
    view! {
        <label>
            <span class="label">{move || i18n.t(label)}</span>
            <input type="password" autocomplete=autocomplete data-testid=testid prop:value=move || entry.value.get()
                aria-invalid=move || entry.said.with(Option::is_some).to_string() aria-describedby=described
                on:input=move |ev| {
                    entry.value.set(event_target_value(&ev));
                    // Once refused, the verdict follows the typing (it clears as soon as it is right).
                    if entry.said.with_untracked(Option::is_some) {
                        on_leave();
                    }
                }
                on:blur=move |_| on_leave() />
        </label>
        {hint.map(|h| view! { <p class="hint" id=hint_id.clone() data-testid=format!("{testid}-hint")>{move || h.get()}</p> })}
        <p class="field-error" id=problem_id data-testid=format!("{testid}-problem")>
            {move || entry.said.get().map(|s| s.text(i18n))}
        </p>
    }
}

/// Moves focus to the field with this `data-testid` (the first one said to be wrong).
fn focus_testid(testid: &str) {
    let doc = web_sys::window().and_then(|w| w.document());
    let el = doc.and_then(|d| d.query_selector(&format!("[data-testid=\"{testid}\"]")).ok().flatten());
    if let Some(el) = el.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()) {
        let _ = el.focus();
    }
}
