//! Sign-in: user and password against the ERP's token endpoint, then the seller behind it.

use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_navigate;

use crate::api::{self, auth};
use crate::components::connectivity_badge::ConnectivityBadge;
use crate::components::locale_picker::LocalePicker;
use crate::components::session_expired::sign_in_error_msg;
use crate::connectivity::use_connectivity;
use crate::i18n::{use_i18n, Msg};
use crate::session::{use_session, SignOutReason};
use mascate_domain::Locale;

/// The language saved in the account follows the rep to this device (a Protheus without the
/// extension answers none: the device's stays).
fn follow_account_language(api: api::Api, i18n: crate::i18n::I18n) {
    i18n.adopt_later(async move { api.account().await.ok().and_then(|a| Locale::from_tag(&a.language)) });
}

/// Signs in and remembers the session; shows the demo logins when the server is a demo.
#[component]
pub fn LoginPage() -> impl IntoView {
    // Drawn in the same task: the static shell's sign-in card gives way to this one.
    crate::static_shell::remove();
    let i18n = use_i18n();
    let session = use_session();
    let connectivity = use_connectivity();
    let navigate = use_navigate();
    let api = api::use_api();

    // An expired session keeps who it was: the user name is filled in.
    let username = RwSignal::new(session.identity.get_untracked().map(|i| i.username).unwrap_or_default());
    let password = RwSignal::new(String::new());
    let user_error = RwSignal::new(None::<Msg>);
    let password_error = RwSignal::new(None::<Msg>);
    let error = RwSignal::new(None::<(Msg, Option<String>)>);

    // The sign-in is the page's one write: its pending state disables the button.
    let sign_in = Action::new_local(move |(user, pass): &(String, String)| {
        let (user, pass, navigate) = (user.clone(), pass.clone(), navigate.clone());
        async move {
            match auth::sign_in(&user, &pass).await {
                Ok((identity, tokens)) => {
                    session.sign_in(identity, tokens);
                    follow_account_language(api, i18n);
                    navigate("/", Default::default());
                }
                Err(e) => error.set(Some(sign_in_error_msg(&e))),
            }
        }
    });
    let busy = sign_in.pending();

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (user, pass) = (username.get_untracked().trim().to_string(), password.get_untracked());
        user_error.set(user.is_empty().then_some(Msg::Required));
        password_error.set(pass.is_empty().then_some(Msg::Required));
        if user.is_empty() || pass.is_empty() || busy.get_untracked() {
            return;
        }
        if !connectivity.has_network() {
            error.set(Some((Msg::FirstSignInNeedsNetwork, None)));
            return;
        }
        error.set(None);
        sign_in.dispatch_local((user, pass));
    };

    let expired = move || session.signed_out.get() == Some(SignOutReason::Expired) || session.expired.get();

    view! {
        <Show when=move || session.identity.with(Option::is_some) && !session.expired.get()>
            <Redirect path="/" />
        </Show>
        // The page's one landmark: screen readers jump to it (issue 26).
        <main class="login" id="main">
            <div class="login-top">
                <ConnectivityBadge />
                <LocalePicker />
            </div>
            <form class="card login-card" data-testid="login-form" on:submit=submit on:focusin=|_| crate::workspace::prefetch() novalidate>
                <h1 class="brand-large">"Mascate"</h1>
                <p class="muted">{move || i18n.t(Msg::Tagline)}</p>
                <Show when=expired>
                    <p class="notice" data-testid="session-expired">{move || i18n.t(Msg::SessionExpired)}</p>
                </Show>
                <label class="label" for="login-username">{move || i18n.t(Msg::Username)}</label>
                <input
                    id="login-username"
                    data-testid="login-username"
                    autocomplete="username"
                    autocapitalize="none"
                    bind:value=username
                    aria-invalid=move || user_error.get().is_some().to_string()
                />
                <p class="field-error" data-testid="login-username-error">
                    {move || user_error.get().map(|m| i18n.t(m))}
                </p>
                <label class="label" for="login-password">{move || i18n.t(Msg::Password)}</label>
                <input
                    id="login-password"
                    type="password"
                    data-testid="login-password"
                    autocomplete="current-password"
                    bind:value=password
                    aria-invalid=move || password_error.get().is_some().to_string()
                />
                <p class="field-error" data-testid="login-password-error">
                    {move || password_error.get().map(|m| i18n.t(m))}
                </p>
                <button class="button primary" type="submit" data-testid="login-submit" disabled=busy>
                    {move || i18n.t(if busy.get() { Msg::SigningIn } else { Msg::SignIn })}
                </button>
                <SignInError error />
                <ServerAddress />
            </form>
            <DemoLogins username password />
        </main>
    }
}

/// Why the sign-in failed, and the ERP's words when it gave some.
#[component]
fn SignInError(
    /// The failure's words, and the detail shown under them.
    error: RwSignal<Option<(Msg, Option<String>)>>,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        error.get().map(|(msg, detail)| {
            view! {
                <div class="error" role="alert" data-testid="login-error">
                    <p>{i18n.t(msg)}</p>
                    {detail.map(|d| view! { <p class="muted small">{d}</p> })}
                </div>
            }
        })
    }
}

/// The ERP's REST root, under "advanced" (empty: this app's origin); a change is kept.
#[component]
fn ServerAddress() -> impl IntoView {
    let i18n = use_i18n();
    let base_url = RwSignal::new(api::base_url());
    view! {
        <details class="advanced">
            <summary>{move || i18n.t(Msg::Advanced)}</summary>
            <label class="label" for="login-base-url">{move || i18n.t(Msg::ServerAddress)}</label>
            <input
                id="login-base-url"
                data-testid="login-base-url"
                inputmode="url"
                placeholder="https://erp.empresa.com.br:8400/rest"
                bind:value=base_url
                on:change=move |_| api::set_base_url(&base_url.get_untracked())
            />
            <p class="muted small">{move || i18n.t(Msg::ServerAddressHint)}</p>
        </details>
    }
}

/// The demo server's logins, each with a button that fills the form with it; nothing when
/// the server is not a demo.
#[component]
fn DemoLogins(
    /// The form's user name.
    username: RwSignal<String>,
    /// The form's password.
    password: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let about = LocalResource::new(auth::about);
    move || {
        about.get().flatten().filter(|a| a.demo && !a.logins.is_empty()).map(|a| {
            view! {
                <section class="card demo-logins" data-testid="demo-logins">
                    <h2>{move || i18n.t(Msg::DemoLogins)}</h2>
                    <ul>
                        {a
                            .logins
                            .into_iter()
                            .map(|l| {
                                let (u, p) = (l.username.clone(), l.password.clone());
                                view! {
                                    <li>
                                        <span>{l.name.clone()}</span>
                                        <code>{format!("{} / {}", l.username, l.password)}</code>
                                        <button
                                            type="button"
                                            class="button ghost"
                                            data-testid=format!("demo-login-{}", l.username)
                                            on:click=move |_| {
                                                username.set(u.clone());
                                                password.set(p.clone());
                                            }
                                        >
                                            {move || i18n.t(Msg::UseLogin)}
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
