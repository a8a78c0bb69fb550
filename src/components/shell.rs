//! The frame around every signed-in page: top bar with the indicator, language and sign-out,
//! and the navigation (a side rail on tablets in landscape and desktops, a bottom bar on
//! narrow screens).

use leptos::prelude::*;
use leptos_router::components::{Outlet, Redirect, A};

use crate::components::connectivity_badge::ConnectivityBadge;
use crate::components::locale_picker::LocalePicker;
use crate::i18n::{use_i18n, Msg};
use crate::session::{use_session, SignOutReason};

const NAV: [(&str, Msg, &str, &str); 6] = [
    ("/", Msg::NavHome, "nav-home", "⌂"),
    ("/customers", Msg::NavCustomers, "nav-customers", "☺"),
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
    move || match session.current.get() {
        None => view! { <Redirect path="/login" /> }.into_any(),
        Some(s) => view! {
            <div class="shell">
                <header class="topbar">
                    <span class="brand">"Mascate"</span>
                    <span class="seller" data-testid="seller-name">{s.seller_name.clone()}</span>
                    <ConnectivityBadge />
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
