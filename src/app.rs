//! The root component: contexts, then routes.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::api::provide_api;
use crate::connectivity::provide_connectivity;
use crate::i18n::provide_i18n;
use crate::pages::login::LoginPage;
use crate::session::provide_session;
use crate::workspace::{provide_app_owner, Workspace};

/// Mascate.
#[component]
pub fn App() -> impl IntoView {
    provide_i18n();
    provide_session();
    provide_connectivity();
    provide_api();
    crate::focus_clearance::provide_focus_clearance();
    // The engines (sync, offline data, catalog) start with the workspace's code, in this
    // owner, so they outlive a visit to the login page.
    provide_app_owner();
    crate::service_worker::register();
    crate::panic::probe();
    view! {
        <Router>
            <crate::components::route_announcer::RouteAnnouncer />
            // The login page is all of the first load; every other page comes with the
            // workspace's code (a wasm module of its own, fetched after the first paint).
            <Routes fallback=|| ()>
                <Route path=path!("/login") view=LoginPage />
                <Route path=path!("/*any") view=Workspace />
            </Routes>
        </Router>
    }
}
