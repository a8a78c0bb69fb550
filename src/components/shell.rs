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

const NAV: [(&str, Msg, &str, &str); 9] = [
    ("/", Msg::NavHome, "nav-home", "⌂"),
    ("/customers", Msg::NavCustomers, "nav-customers", "☺"),
    ("/products", Msg::NavProducts, "nav-products", "▦"),
    ("/quotations", Msg::NavQuotations, "nav-quotations", "✎"),
    ("/orders", Msg::NavOrders, "nav-orders", "▤"),
    ("/invoices", Msg::NavInvoices, "nav-invoices", "▧"),
    ("/statistics", Msg::NavStatistics, "nav-statistics", "▥"),
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
    let offline = crate::offline::use_offline();
    // Only who is signed in is read here: renewing the tokens changes nothing on screen.
    let who = Memo::new(move |_| session.identity.get().map(|i| i.seller_name));
    // The unread count follows the connection and the signed-in seller; and every minute.
    Effect::new(move |_| {
        if connectivity.online() && who.with(Option::is_some) {
            refresh_unread(api, unread);
        }
    });
    if let Ok(handle) = set_interval_with_handle(
        move || {
            if connectivity.online_untracked() && who.with_untracked(Option::is_some) {
                refresh_unread(api, unread);
            }
        },
        std::time::Duration::from_secs(60),
    ) {
        on_cleanup(move || handle.clear());
    }
    let has_unread = move || connectivity.online() && unread.0.get() != 0;
    let sync = crate::sync::use_sync();
    let confirm_logout = RwSignal::new(false);
    // Documents still on the device are never dropped by signing out: warn first.
    let ask_logout = move || {
        if sync.pending.get_untracked() + sync.errors.get_untracked() == 0 {
            session.sign_out(SignOutReason::User);
        } else {
            confirm_logout.set(true);
        }
    };
    move || {
        match who.get() {
        None => view! { <Redirect path="/login" /> }.into_any(),
        Some(seller_name) => view! {
            <div class="shell">
                <header class="topbar">
                    <span class="brand">"Mascate"</span>
                    <span class="seller" data-testid="seller-name">{seller_name.clone()}</span>
                    <ConnectivityBadge />
                    <crate::components::sync_status::SyncStatus />
                    <LocalePicker />
                    <button class="button ghost" data-testid="logout" on:click=move |_| ask_logout()>
                        {move || i18n.t(Msg::Logout)}
                    </button>
                </header>
                <Show when=move || confirm_logout.get()>
                    <LogoutWarning on_close=move || confirm_logout.set(false) />
                </Show>
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
                    <crate::components::session_expired::SessionExpired />
                    {move || match offline.readiness.get() {
                        mascate_domain::offline::Readiness::Stale { day } => view! {
                            <p class="notice" data-testid="selection-stale">
                                {i18n.t(Msg::SelectionStale).replace("{day}", &day)}" "
                                <A href="/offline">{move || i18n.t(Msg::NavOfflineConfigurator)}</A>
                            </p>
                        }.into_any(),
                        _ => ().into_any(),
                    }}
                    <Outlet />
                </main>
            </div>
        }
        .into_any(),
    }
    }
}

/// The sign-out warning when documents are still on the device: they stay there (in this
/// seller's own database) and go out after the next sign-in; syncing first is offered.
#[component]
fn LogoutWarning(on_close: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let sync = crate::sync::use_sync();
    let connectivity = use_connectivity();
    let count = move || sync.pending.get() + sync.errors.get();
    view! {
        <div class="card confirm logout-warning" role="alertdialog" data-testid="logout-warning">
            <p data-testid="logout-pending" data-count=move || count().to_string()>
                {move || i18n.t_n(Msg::LogoutPending, count())}
            </p>
            <div class="actions">
                <button class="button primary" data-testid="logout-sync-first" disabled=move || !connectivity.online()
                    on:click=move |_| {
                        sync.kick();
                        on_close();
                    }>
                    {move || i18n.t(Msg::SyncNow)}
                </button>
                <button class="button" data-testid="logout-anyway" on:click=move |_| session.sign_out(SignOutReason::User)>
                    {move || i18n.t(Msg::LogoutKeepOnDevice)}
                </button>
                <button class="button ghost" data-testid="logout-cancel" on:click=move |_| on_close()>
                    {move || i18n.t(Msg::Cancel)}
                </button>
            </div>
        </div>
    }
}
