//! When the ERP refuses the refresh token: the rep is told why and chooses to sign in again
//! (right here, with the page and any draft left as they are) or to go on offline with
//! today's selection. While the session stays expired a banner says that sending waits for a
//! sign-in; the sign-in itself sends what waits (the sync engine wakes when the ERP can be
//! reached again). The question is a real dialog ([`Dialog`]): named, focus in, Escape
//! closes it (= go on offline), outside the shell's grid.

use leptos::prelude::*;

use crate::api::auth::{sign_in, SignInError};
use crate::components::dialog::Dialog;
use crate::i18n::{use_i18n, Msg};
use crate::session::use_session;

/// The words for a failed sign-in, and the server's own when it gave some.
pub fn sign_in_error_msg(e: &SignInError) -> (Msg, Option<String>) {
    match e {
        SignInError::Unreachable => (Msg::ServerUnreachable, None),
        SignInError::Refused => (Msg::LoginFailed, None),
        SignInError::NotASeller(detail) => (Msg::NotASeller, detail.clone()),
        SignInError::Other(detail) => (Msg::ServerUnreachable, Some(detail.clone())),
    }
}

/// The question, the banner, and the sign-in form they open.
#[component]
pub fn SessionExpired() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    // The password form is open (inside the question).
    let form = RwSignal::new(false);
    let open_form = move || {
        session.asking.set(true);
        form.set(true);
    };
    // Closed any way (Escape included): the next time it asks first.
    Effect::watch(
        move || session.asking.get(),
        move |asking, _, _| {
            if !asking {
                form.set(false)
            }
        },
        false,
    );
    view! {
        <Show when=move || session.expired.get() && !session.asking.get()>
            <p class="notice offline session-banner" role="status" data-testid="session-expired-banner">
                {move || i18n.t(Msg::SendingWaitsForSignIn)}" "
                <button type="button" class="button" data-testid="session-banner-sign-in" on:click=move |_| open_form()>
                    {move || i18n.t(Msg::SignInAgain)}
                </button>
            </p>
        </Show>
        // Mounted only while asked, so a closed question leaves nothing behind.
        <Show when=move || session.asking.get()>
            <Dialog open=session.asking title=Signal::derive(move || i18n.t(Msg::SessionExpiredTitle).to_string())
                testid="session-expired-dialog" alert=true class="session-expired">
                <p>{move || i18n.t(Msg::SessionExpiredChoice)}</p>
                <Show
                    when=move || form.get()
                    fallback=move || view! {
                        <div class="dialog-actions">
                            <button type="button" class="button primary" data-testid="session-sign-in-again"
                                on:click=move |_| form.set(true)>
                                {move || i18n.t(Msg::SignInAgain)}
                            </button>
                            <button type="button" class="button" data-testid="session-continue-offline"
                                on:click=move |_| session.asking.set(false)>
                                {move || i18n.t(Msg::ContinueOffline)}
                            </button>
                        </div>
                    }
                >
                    <SignInAgainForm on_cancel=move || session.asking.set(false) />
                </Show>
            </Dialog>
        </Show>
    }
}

/// The password of the same rep; on success the session is live again and nothing else
/// on screen changes.
#[component]
fn SignInAgainForm(on_cancel: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let password = RwSignal::new(String::new());
    // The password box takes the focus as soon as it shows.
    let input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(el) = input.get() {
            let _ = el.focus();
        }
    });
    let username = session.identity.get_untracked().map(|i| i.username).unwrap_or_default();
    let attempt = Action::new_local(move |(user, pass): &(String, String)| {
        let (user, pass) = (user.clone(), pass.clone());
        async move { sign_in(&user, &pass).await }
    });
    // The same rep again: tokens back, the identity untouched, sending resumes.
    Effect::new(move |_| {
        if let Some(Ok((identity, tokens))) = attempt.value().get() {
            if session.seller().as_deref() == Some(identity.seller_code.as_str()) {
                session.sign_in(identity, tokens);
            }
        }
    });
    let error = move || match attempt.value().get() {
        Some(Err(e)) => Some(i18n.t(sign_in_error_msg(&e).0)),
        Some(Ok((identity, _))) if session.seller().as_deref() != Some(identity.seller_code.as_str()) => {
            Some(i18n.t(Msg::NotTheSameSeller))
        }
        _ => None,
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let pass = password.get_untracked();
        if pass.is_empty() || attempt.pending().get_untracked() {
            return;
        }
        attempt.dispatch((username.clone(), pass));
    };
    view! {
        <form class="reauth" data-testid="reauth-form" on:submit=submit novalidate>
            <label class="label" for="reauth-password">{move || i18n.t(Msg::Password)}</label>
            <input id="reauth-password" type="password" data-testid="reauth-password" autocomplete="current-password" autofocus node_ref=input
                bind:value=password aria-invalid=move || error().is_some().to_string()
                aria-describedby="reauth-error" />
            <p class="field-error" id="reauth-error" data-testid="reauth-error">{error}</p>
            <div class="dialog-actions">
                <button type="submit" class="button primary" data-testid="reauth-submit"
                    disabled=move || attempt.pending().get()>
                    {move || i18n.t(if attempt.pending().get() { Msg::SigningIn } else { Msg::SignIn })}
                </button>
                <button type="button" class="button ghost" data-testid="reauth-cancel" on:click=move |_| on_cancel()>
                    {move || i18n.t(Msg::ContinueOffline)}
                </button>
            </div>
        </form>
    }
}
