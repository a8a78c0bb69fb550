//! What the browser's own rules mean for the rep's data, said once and plainly: on an iPad
//! (Safari's engine) the hint to add Mascate to the home screen, and after the browser erased
//! this device's copy or unsent documents, what is gone and what to do.

use leptos::prelude::*;
use mascate_domain::format;
use mascate_domain::offline::home_screen::{apple_touch, hint_install};

use crate::device::offline::use_offline;
use crate::i18n::{use_i18n, Arg, Msg, Plural};
use crate::prefs::{self, keys};

/// Both notices, above the page's content.
#[component]
pub fn DeviceNotices() -> impl IntoView {
    view! {
        <VanishedNotice />
        <InstallHint />
    }
}

/// What the browser erased since the last visit, until the rep says they read it.
#[component]
fn VanishedNotice() -> impl IntoView {
    let i18n = use_i18n();
    let offline = use_offline();
    move || {
        offline.vanished.get().map(|lost| {
            let day = lost.day.clone();
            view! {
                <section class="notice warning" role="alert" data-testid="data-vanished" data-unsent=lost.unsent.to_string()>
                    <h2 class="notice-title">{move || i18n.t(Msg::DataVanishedTitle)}</h2>
                    {day.map(|day| view! {
                        <p>{move || i18n.fill(Msg::DataVanishedCopy, &[(Arg::Day, &format::date(&day, i18n.locale.get()))])}</p>
                    })}
                    {(lost.unsent > 0).then(|| view! {
                        <p data-testid="data-vanished-unsent">{move || i18n.count(Plural::DataVanishedUnsent, lost.unsent)}</p>
                    })}
                    <p class="small">{move || i18n.t(Msg::DataVanishedWhy)}</p>
                    <button type="button" class="button" data-testid="data-vanished-read" on:click=move |_| offline.dismiss_vanished()>
                        {move || i18n.t(Msg::Understood)}
                    </button>
                </section>
            }
        })
    }
}

/// On an iPad or iPhone in a browser tab: how to keep the data (add to the home screen).
#[component]
fn InstallHint() -> impl IntoView {
    let i18n = use_i18n();
    let show =
        RwSignal::new(hint_install(on_apple_touch(), standalone(), prefs::get(keys::INSTALL_HINT_READ).is_some()));
    let read = move |_| {
        prefs::set(keys::INSTALL_HINT_READ, "1");
        show.set(false);
    };
    move || {
        show.get().then(|| {
            view! {
                <section class="notice" role="note" data-testid="install-hint">
                    <h2 class="notice-title">{move || i18n.t(Msg::InstallHintTitle)}</h2>
                    <p>{move || i18n.t(Msg::InstallHint)}</p>
                    <button type="button" class="button" data-testid="install-hint-read" on:click=read>
                        {move || i18n.t(Msg::Understood)}
                    </button>
                </section>
            }
        })
    }
}

fn on_apple_touch() -> bool {
    let Some(window) = web_sys::window() else { return false };
    let navigator = window.navigator();
    apple_touch(&navigator.user_agent().unwrap_or_default(), navigator.max_touch_points().max(0) as u32)
}

/// Opened from the home screen (iOS's own flag, or the standard display mode).
fn standalone() -> bool {
    let Some(window) = web_sys::window() else { return false };
    let ios =
        js_sys::Reflect::get(&window.navigator(), &"standalone".into()).ok().and_then(|v| v.as_bool()).unwrap_or(false);
    let display_mode = window.match_media("(display-mode: standalone)").ok().flatten().is_some_and(|m| m.matches());
    ios || display_mode
}
