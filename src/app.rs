//! The root component: contexts, then routes.

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;

use crate::api::provide_api;
use crate::components::shell::Shell;
use crate::connectivity::provide_connectivity;
use crate::i18n::{provide_i18n, Msg};
use crate::pages::customer::CustomerPage;
use crate::pages::customers::CustomersPage;
use crate::pages::home::HomePage;
use crate::pages::login::LoginPage;
use crate::pages::not_built::NotBuilt;
use crate::session::provide_session;

/// Mascate.
#[component]
pub fn App() -> impl IntoView {
    provide_i18n();
    provide_session();
    provide_connectivity();
    provide_api();
    crate::service_worker::register();
    view! {
        <Router>
            <Routes fallback=|| view! { <NotBuilt title=Msg::NavHome /> }>
                <Route path=path!("/login") view=LoginPage />
                <ParentRoute path=path!("") view=Shell>
                    <Route path=path!("") view=HomePage />
                    <Route path=path!("customers") view=CustomersPage />
                    <Route path=path!("customers/:code/:store") view=CustomerPage />
                    <Route path=path!("quotations") view=|| view! { <NotBuilt title=Msg::NavQuotations /> } />
                    <Route path=path!("orders") view=|| view! { <NotBuilt title=Msg::NavOrders /> } />
                    <Route path=path!("notifications") view=|| view! { <NotBuilt title=Msg::NavNotifications /> } />
                    <Route path=path!("offline") view=|| view! { <NotBuilt title=Msg::NavOfflineConfigurator /> } />
                </ParentRoute>
            </Routes>
        </Router>
    }
}
