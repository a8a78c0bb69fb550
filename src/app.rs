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
use crate::pages::document::DocumentPage;
use crate::pages::document_form::{DocumentFormPage, FormSource};
use crate::pages::documents::DocumentsPage;
use crate::pages::home::HomePage;
use crate::pages::invoices::InvoicesPage;
use crate::pages::login::LoginPage;
use crate::pages::not_built::NotBuilt;
use crate::pages::notifications::{provide_unread_count, NotificationsPage};
use crate::pages::offline_configurator::OfflineConfiguratorPage;
use crate::pages::offline_selection::OfflineSelectionPage;
use crate::pages::products::ProductsPage;
use crate::pages::sent::SentPage;
use crate::pages::statistics::StatisticsPage;
use crate::session::provide_session;
use mascate_domain::document::DocumentKind::{Order, Quotation};

/// Mascate.
#[component]
pub fn App() -> impl IntoView {
    provide_i18n();
    provide_session();
    provide_connectivity();
    provide_api();
    provide_unread_count();
    crate::sync::provide_sync();
    crate::offline::provide_offline();
    crate::catalog::provide_catalog();
    crate::service_worker::register();
    view! {
        <Router>
            <crate::components::route_announcer::RouteAnnouncer />
            <Routes fallback=|| view! { <NotBuilt title=Msg::NavHome /> }>
                <Route path=path!("/login") view=LoginPage />
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
                    <Route path=path!("statistics") view=StatisticsPage />
                    <Route path=path!("notifications") view=NotificationsPage />
                    <Route path=path!("products") view=ProductsPage />
                    <Route path=path!("offline") view=OfflineConfiguratorPage />
                    <Route path=path!("offline/:schema") view=OfflineSelectionPage />
                </ParentRoute>
            </Routes>
        </Router>
    }
}
