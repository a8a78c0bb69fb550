//! Everything behind the login page, loaded as a wasm module of its own.
//!
//! The first load is the login page and what it needs (the framework, the session, the API
//! client, the messages). The workspace — every other page and the engines that keep the
//! device's copy (sync, offline data, catalog) — sits behind one split point
//! ([`load_workspace`]): the release build (`scripts/split_wasm.py`) cuts the code only it
//! reaches into a second module, fetched when a signed-in page is first shown and kept on
//! the device by the service worker like every other file of the build.
//!
//! While the workspace's module is on its way, index.html's static shell (the app's frame)
//! stays on screen; a module that cannot be fetched (no network before the service worker
//! had it) is said in words with a way to try again, never a blank page.

use std::cell::Cell;

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use leptos_router::components::{ParentRoute, Redirect, Route, Routes};
use leptos_router::path;
use mascate_domain::document::DocumentKind::{Order, Quotation};

use crate::components::shell::Shell;
use crate::i18n::{use_i18n, Msg};
use crate::pages::account::AccountPage;
use crate::pages::agenda::AgendaPage;
use crate::pages::credit::CreditPage;
use crate::pages::customer::CustomerPage;
use crate::pages::customers::CustomersPage;
use crate::pages::document::DocumentPage;
use crate::pages::document_form::{DocumentFormPage, FormSource};
use crate::pages::documents::DocumentsPage;
use crate::pages::home::HomePage;
use crate::pages::invoice::InvoicePage;
use crate::pages::invoices::InvoicesPage;
use crate::pages::not_built::NotBuilt;
use crate::pages::notifications::NotificationsPage;
use crate::pages::offline_configurator::OfflineConfiguratorPage;
use crate::pages::offline_selection::OfflineSelectionPage;
use crate::pages::products::ProductsPage;
use crate::pages::sent::SentPage;
use crate::pages::statistics::StatisticsPage;
use crate::pages::task::TaskPage;
use crate::pages::task_form::TaskFormPage;
use crate::pages::tasks::TasksPage;
use crate::session::use_session;
use crate::unread::provide_unread_count;

/// The root component's owner: the engines are started in it, once, so that they live as
/// long as the app and not as long as the workspace's view.
#[derive(Clone)]
struct AppOwner(Owner);

/// Called by the root component.
pub fn provide_app_owner() {
    if let Some(owner) = Owner::current() {
        provide_context(AppOwner(owner));
    }
}

/// The workspace's view, once its module is here.
type View = fn() -> AnyView;

thread_local! {
    /// Set once the module is loaded: later visits draw at once.
    static LOADED: Cell<Option<View>> = const { Cell::new(None) };
}

/// The split point: calling it fetches and instantiates the workspace's module the first
/// time (a failed fetch is not remembered: the next call tries again). Release builds are
/// split (`--cfg mascate_split`, see `scripts/env.sh`); a dev build is one module.
#[cfg(mascate_split)]
#[leptos::wasm_split::wasm_split(mascate_workspace, wasm_split_path = ::leptos::wasm_split, fallible)]
fn load_workspace() -> Result<View, SplitLoaderError> {
    Ok(workspace)
}

#[cfg(not(mascate_split))]
async fn load_workspace() -> Result<View, SplitLoaderError> {
    Ok(workspace)
}

/// Starts fetching the workspace's module without waiting for it (the login page asks when
/// the rep starts typing, so it is usually here when the password is accepted). Once only.
pub fn prefetch() {
    thread_local!(static ASKED: Cell<bool> = const { Cell::new(false) });
    if LOADED.get().is_none() && !ASKED.replace(true) {
        #[cfg(mascate_split)]
        leptos::task::spawn_local(async {
            let _ = __wasm_split_preload_load_workspace().await;
        });
    }
}

/// Every signed-in page: draws the workspace, loading its module first if needed.
#[component]
pub fn Workspace() -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let loaded = RwSignal::new(LOADED.get());
    let failed = RwSignal::new(false);
    let load = move || {
        failed.set(false);
        leptos::task::spawn_local(async move {
            match load_workspace().await {
                Ok(view) => {
                    LOADED.set(Some(view));
                    loaded.set(Some(view));
                    // Drawn in this task's microtasks, before the shell goes: no frame shows
                    // neither of them.
                    leptos::task::tick().await;
                }
                Err(_) => failed.set(true),
            }
            crate::static_shell::remove();
        });
    };
    let signed_in = session.identity.with_untracked(Option::is_some);
    if !signed_in || loaded.get_untracked().is_some() {
        // Drawn now (or sent to the login page, which removes it too).
        crate::static_shell::remove();
    } else {
        load();
    }
    move || match (loaded.get(), failed.get()) {
        // The shell sends a signed-out visitor to the login page too; here no module is
        // fetched for them.
        (None, _) if session.identity.with(Option::is_none) => view! { <Redirect path="/login" /> }.into_any(),
        (Some(view), _) => view(),
        (None, false) => ().into_any(),
        (None, true) => view! {
            <main class="page workspace-failed" id="main">
                <h1>"Mascate"</h1>
                <p class="notice" role="alert" data-testid="workspace-failed">{move || i18n.t(Msg::WorkspaceFailed)}</p>
                <button class="button primary" data-testid="workspace-retry" on:click=move |_| load()>
                    {move || i18n.t(Msg::TryAgain)}
                </button>
            </main>
        }
        .into_any(),
    }
}

/// Starts the engines in the app's owner, the first time only.
fn start_engines() {
    thread_local!(static STARTED: Cell<bool> = const { Cell::new(false) });
    if STARTED.replace(true) {
        return;
    }
    let owner = use_context::<AppOwner>().map(|o| o.0).or_else(Owner::current);
    let start = || {
        provide_unread_count();
        crate::device::sync::provide_sync();
        crate::device::offline::provide_offline();
        crate::device::catalog::provide_catalog();
        crate::device::tasks::provide_tasks();
    };
    match owner {
        Some(owner) => owner.with(start),
        None => start(),
    }
}

/// The workspace: the engines, then the signed-in pages (only reached through
/// [`load_workspace`], so all of this is in the workspace's module).
fn workspace() -> AnyView {
    start_engines();
    view! {
        <Routes fallback=|| view! { <NotBuilt title=Msg::NavHome /> }>
            <ParentRoute path=path!("") view=Shell>
                <Route path=path!("") view=HomePage />
                <Route path=path!("customers") view=CustomersPage />
                <Route path=path!("customers/:code/:store") view=CustomerPage />
                <Route path=path!("quotations") view=|| view! { <DocumentsPage kind=Quotation /> } />
                <Route path=path!("quotations/new") view=|| view! { <DocumentFormPage kind=Quotation source=FormSource::New /> } />
                <Route path=path!("quotations/:number") view=|| view! { <DocumentPage kind=Quotation /> } />
                <Route path=path!("quotations/:number/edit") view=|| view! { <DocumentFormPage kind=Quotation source=FormSource::Erp /> } />
                <Route path=path!("orders") view=|| view! { <DocumentsPage kind=Order /> } />
                <Route path=path!("orders/new") view=|| view! { <DocumentFormPage kind=Order source=FormSource::New /> } />
                <Route path=path!("orders/:number") view=|| view! { <DocumentPage kind=Order /> } />
                <Route path=path!("orders/:number/edit") view=|| view! { <DocumentFormPage kind=Order source=FormSource::Erp /> } />
                <Route path=path!("orders/:number/repeat") view=|| view! { <DocumentFormPage kind=Order source=FormSource::Repeat /> } />
                <Route path=path!("sent/:external_id") view=SentPage />
                <Route path=path!("sent/:external_id/edit") view=|| view! { <DocumentFormPage kind=Order source=FormSource::Device /> } />
                <Route path=path!("invoices") view=InvoicesPage />
                <Route path=path!("invoices/:number/:series") view=InvoicePage />
                <Route path=path!("statistics") view=StatisticsPage />
                <Route path=path!("notifications") view=NotificationsPage />
                <Route path=path!("products") view=ProductsPage />
                <Route path=path!("tasks") view=TasksPage />
                <Route path=path!("tasks/new") view=TaskFormPage />
                <Route path=path!("tasks/:id") view=TaskPage />
                <Route path=path!("agenda") view=AgendaPage />
                <Route path=path!("offline") view=OfflineConfiguratorPage />
                <Route path=path!("offline/:schema") view=OfflineSelectionPage />
                <Route path=path!("account") view=AccountPage />
                <Route path=path!("credit") view=CreditPage />
            </ParentRoute>
        </Routes>
    }
    .into_any()
}
