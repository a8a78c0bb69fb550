//! The frame around every signed-in page: a skip link, the top bar with the indicator,
//! language and sign-out, and the navigation (a side rail on tablets in landscape and
//! desktops, a bottom bar on narrow screens; on a phone four entries and "more").

use leptos::prelude::*;
use leptos_router::components::{Outlet, Redirect, A};

use crate::components::connectivity_badge::ConnectivityBadge;
use crate::components::dialog::Dialog;
use crate::components::locale_picker::LocalePicker;
use crate::connectivity::use_connectivity;
use crate::i18n::{use_i18n, Arg, Msg, Plural};
use crate::session::use_session;
use crate::unread::{keep_unread_fresh, use_unread_count};
use mascate_domain::format;

const NAV: [(&str, Msg, &str, &str); 11] = [
    ("/", Msg::NavHome, "nav-home", "⌂"),
    ("/agenda", Msg::NavAgenda, "nav-agenda", "◷"),
    ("/customers", Msg::NavCustomers, "nav-customers", "☺"),
    ("/tasks", Msg::NavTasks, "nav-tasks", "✓"),
    ("/products", Msg::NavProducts, "nav-products", "▦"),
    ("/quotations", Msg::NavQuotations, "nav-quotations", "✎"),
    ("/orders", Msg::NavOrders, "nav-orders", "▤"),
    ("/invoices", Msg::NavInvoices, "nav-invoices", "▧"),
    ("/statistics", Msg::NavStatistics, "nav-statistics", "▥"),
    ("/notifications", Msg::NavNotifications, "nav-notifications", "✉"),
    ("/offline", Msg::NavOfflineConfigurator, "nav-offline-configurator", "⇩"),
];

/// The entries a phone keeps behind "more" (its bottom bar has room for four and "more").
const EXTRA: [&str; 7] = [
    "nav-agenda",
    "nav-tasks",
    "nav-quotations",
    "nav-invoices",
    "nav-statistics",
    "nav-notifications",
    "nav-offline-configurator",
];

/// The entries that go behind "more" on a tablet's bottom bar too.
const SECOND: [&str; 4] = ["nav-agenda", "nav-tasks", "nav-invoices", "nav-statistics"];

/// Signed-in frame; sends a signed-out visitor to the login page.
#[component]
pub fn Shell() -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let unread = use_unread_count();
    let connectivity = use_connectivity();
    // Only who is signed in is read here: renewing the tokens changes nothing on screen.
    let who = Memo::new(move |_| session.identity.get().map(|i| i.seller_name));
    keep_unread_fresh(who);
    let has_unread = Signal::derive(move || connectivity.online() && unread.0.get() != 0);
    let sync = crate::device::sync::use_sync();
    let confirm_logout = RwSignal::new(false);
    // Documents still on the device are never dropped by signing out: warn first.
    let ask_logout = move || {
        if sync.on_device_untracked() == 0 {
            crate::api::auth::sign_out(session);
        } else {
            confirm_logout.set(true);
        }
    };
    let more_open = RwSignal::new(false);
    // Moving on closes the "more" menu.
    let location = leptos_router::hooks::use_location();
    Effect::watch(move || location.pathname.track(), move |_, _, _| more_open.set(false), false);
    move || {
        match who.get() {
        None => view! { <Redirect path="/login" /> }.into_any(),
        Some(seller_name) => view! {
            <a class="skip-link" href="#main" data-testid="skip-link" on:click=skip_to_main>
                {move || i18n.t(Msg::SkipToContent)}
            </a>
            <div class="shell">
                <header class="topbar">
                    <span class="brand">"Mascate"</span>
                    <A href="/account" attr:class="seller" attr:data-testid="seller-name" attr:title=move || i18n.t(Msg::NavAccount)>
                        {seller_name.clone()}
                    </A>
                    <ConnectivityBadge />
                    <crate::components::sync_status::SyncStatus />
                    // On a phone these two live in the "more" menu.
                    <div class="topbar-wide">
                        <LocalePicker />
                        <button class="button ghost" data-testid="logout" on:click=move |_| ask_logout()>
                            {move || i18n.t(Msg::Logout)}
                        </button>
                    </div>
                </header>
                <nav class="nav" aria-label=move || i18n.t(Msg::Menu)>
                    {NAV.iter().map(|entry| view! { <NavLink entry=*entry in_menu=false has_unread /> }).collect_view()}
                    <button type="button" class="nav-more" data-testid="nav-more" aria-haspopup="dialog"
                        on:click=move |_| more_open.set(true)>
                        <span class="nav-icon" aria-hidden="true">"☰"</span>
                        <span class="nav-label">{move || i18n.t(Msg::More)}</span>
                        <Show when=move || has_unread.get()>
                            <span class="nav-badge" aria-hidden="true">{move || unread.0.get()}</span>
                        </Show>
                    </button>
                </nav>
                <main class="content" id="main" tabindex="-1">
                    <crate::components::session_expired::SessionExpired />
                    <crate::components::device_notices::DeviceNotices />
                    <StaleNotice />
                    <Outlet />
                </main>
            </div>
            // Dialogs live outside the shell's grid (and open in the browser's top layer).
            <MoreMenu open=more_open has_unread on_logout=ask_logout />
            <LogoutWarning open=confirm_logout />
        }
        .into_any(),
    }
    }
}

/// Moves focus to the page's content (the skip link's target), past the top bar and menu.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    let main = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("main"));
    if let Some(main) = main.and_then(|m| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(m).ok()) {
        let _ = main.focus();
    }
}

/// The sign-out warning when documents are still on the device: they stay there (in this
/// seller's own database) and go out after the next sign-in; syncing first is offered.
#[component]
fn LogoutWarning(open: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let sync = crate::device::sync::use_sync();
    let connectivity = use_connectivity();
    let count = move || sync.on_device();
    view! {
        <Dialog open title=Signal::derive(move || i18n.t(Msg::LogoutTitle).to_string()) testid="logout-warning" alert=true>
            <p data-testid="logout-pending" data-count=move || count().to_string()>
                {move || i18n.count(Plural::LogoutPending, count())}
            </p>
            <div class="dialog-actions">
                <button class="button" data-testid="logout-cancel" autofocus on:click=move |_| open.set(false)>
                    {move || i18n.t(Msg::Cancel)}
                </button>
                <button class="button" data-testid="logout-anyway" on:click=move |_| crate::api::auth::sign_out(session)>
                    {move || i18n.t(Msg::LogoutKeepOnDevice)}
                </button>
                <button class="button primary" data-testid="logout-sync-first" disabled=move || !connectivity.online()
                    on:click=move |_| {
                        sync.sync_now();
                        open.set(false);
                    }>
                    {move || i18n.t(Msg::SyncNow)}
                </button>
            </div>
        </Dialog>
    }
}

/// One entry of the navigation, in the bar or (`in_menu`) in the "more" menu; the
/// notifications' entry carries the unread count.
#[component]
fn NavLink(
    /// `(href, words, data-testid, icon)`, as in [`NAV`].
    entry: (&'static str, Msg, &'static str, &'static str),
    /// Whether it is drawn in the "more" menu (its test id then starts with `more-`).
    in_menu: bool,
    /// Whether there are unread notifications to show (online only).
    has_unread: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let unread = use_unread_count();
    let (href, msg, testid, icon) = entry;
    let (extra, second) = (EXTRA.contains(&testid), SECOND.contains(&testid));
    let testid = if in_menu { testid.replacen("nav-", "more-", 1) } else { testid.to_string() };
    // The agenda, tasks, invoices and statistics also leave the tablet's bottom bar (it holds seven).
    let class = match (extra && !in_menu, second) {
        (true, true) => "nav-extra nav-second",
        (true, false) => "nav-extra",
        _ => "",
    };
    view! {
        <A href=href attr:data-testid=testid attr:class=class exact=href == "/">
            <span class="nav-icon" aria-hidden="true">{icon}</span>
            <span class="nav-label">{move || i18n.t(msg)}</span>
            {(msg == Msg::NavNotifications).then(|| view! {
                <Show when=move || has_unread.get()>
                    <span class="nav-badge" data-testid=if in_menu { "more-unread-badge" } else { "unread-badge" }>{move || unread.0.get()}</span>
                </Show>
            })}
        </A>
    }
}

/// The notice that the device's selection is not today's, with the way to the configurator.
#[component]
fn StaleNotice() -> impl IntoView {
    let i18n = use_i18n();
    let offline = crate::device::offline::use_offline();
    move || match offline.readiness.get() {
        mascate_domain::offline::Readiness::Stale { day } => view! {
            <p class="notice" data-testid="selection-stale">
                {i18n.fill(Msg::SelectionStale, &[(Arg::Day, &format::date(&day, i18n.locale.get()))])}" "
                <A href="/offline" attr:class="button">{move || i18n.t(Msg::NavOfflineConfigurator)}</A>
            </p>
        }
        .into_any(),
        _ => ().into_any(),
    }
}

/// The "more" menu: the entries the bar has no room for, the language and sign-out.
#[component]
fn MoreMenu(
    /// Whether the menu is open.
    open: RwSignal<bool>,
    /// Whether there are unread notifications to show (online only).
    has_unread: Signal<bool>,
    /// Signs out (or first warns of documents still on the device).
    on_logout: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Dialog open title=Signal::derive(move || i18n.t(Msg::More).to_string()) testid="more-menu" class="sheet">
            <nav class="more-links" aria-label=move || i18n.t(Msg::More)>
                {NAV.iter().filter(|e| EXTRA.contains(&e.2)).map(|entry| view! { <NavLink entry=*entry in_menu=true has_unread /> }).collect_view()}
            </nav>
            <div class="more-tools">
                <A href="/account" attr:class="button" attr:data-testid="more-account">{move || i18n.t(Msg::NavAccount)}</A>
                <LocalePicker testid="more-locale-select" />
                <button class="button" data-testid="more-logout" on:click=move |_| { open.set(false); on_logout(); }>
                    {move || i18n.t(Msg::Logout)}
                </button>
                <button class="button ghost" data-testid="more-close" on:click=move |_| open.set(false)>
                    {move || i18n.t(Msg::Close)}
                </button>
            </div>
        </Dialog>
    }
}
