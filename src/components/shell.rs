//! The frame around every signed-in page: top bar with the indicator, language and sign-out,
//! and the navigation (a side rail on tablets in landscape and desktops, a bottom bar on
//! narrow screens).

use leptos::prelude::*;
use leptos_router::components::{Outlet, Redirect, A};

use crate::api::use_api;
use crate::components::connectivity_badge::ConnectivityBadge;
use crate::components::locale_picker::LocalePicker;
use crate::connectivity::use_connectivity;
use crate::i18n::{use_i18n, Msg};
use crate::pages::notifications::{refresh_unread, use_unread_count};
use crate::session::{use_session, SignOutReason};

const NAV: [(&str, Msg, &str, &str); 7] = [
    ("/", Msg::NavHome, "nav-home", "⌂"),
    ("/customers", Msg::NavCustomers, "nav-customers", "☺"),
    ("/products", Msg::NavProducts, "nav-products", "▦"),
    ("/quotations", Msg::NavQuotations, "nav-quotations", "✎"),
    ("/orders", Msg::NavOrders, "nav-orders", "▤"),
    ("/notifications", Msg::NavNotifications, "nav-notifications", "✉"),
    ("/offline", Msg::NavOfflineConfigurator, "nav-offline-configurator", "⇩"),
];

/// Signed-in frame; sends a signed-out visitor to the login page.
#[component]
pub fn Shell() -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let unread = use_unread_count();
    let api = use_api();
    let connectivity = use_connectivity();
    // The unread count follows the connection and the signed-in seller; and every minute.
    Effect::new(move |_| {
        if connectivity.online() && session.current.with(Option::is_some) {
            refresh_unread(api, unread);
        }
    });
    if let Ok(handle) = set_interval_with_handle(
        move || {
            if connectivity.online_untracked() && session.current.with_untracked(Option::is_some) {
                refresh_unread(api, unread);
            }
        },
        std::time::Duration::from_secs(60),
    ) {
        on_cleanup(move || handle.clear());
    }
    let has_unread = move || connectivity.online() && unread.0.get() != 0;
    move || {
        match session.current.get() {
        None => view! { <Redirect path="/login" /> }.into_any(),
        Some(s) => view! {
            <div class="shell">
                <header class="topbar">
                    <span class="brand">"Mascate"</span>
                    <span class="seller" data-testid="seller-name">{s.seller_name.clone()}</span>
                    <ConnectivityBadge />
                    <crate::components::sync_status::SyncStatus />
                    <LocalePicker />
                    <button
                        class="button ghost"
                        data-testid="logout"
                        on:click=move |_| session.sign_out(SignOutReason::User)
                    >
                        {move || i18n.t(Msg::Logout)}
                    </button>
                </header>
                <nav class="nav" aria-label=move || i18n.t(Msg::Menu)>
                    {NAV
                        .iter()
                        .map(|(href, msg, testid, icon)| {
                            let msg = *msg;
                            view! {
                                <A href=*href attr:data-testid=*testid exact=*href == "/">
                                    <span class="nav-icon" aria-hidden="true">{*icon}</span>
                                    <span class="nav-label">{move || i18n.t(msg)}</span>
                                    {(*testid == "nav-notifications").then(|| view! {
                                        <Show when=has_unread>
                                            <span class="nav-badge" data-testid="unread-badge">{move || unread.0.get()}</span>
                                        </Show>
                                    })}
                                </A>
                            }
                        })
                        .collect_view()}
                </nav>
                <main class="content">
                    <Outlet />
                </main>
            </div>
        }
        .into_any(),
    }
    }
}
