//! Home: a greeting and what is on the device. The dashboard comes with a later issue.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::{use_i18n, Msg};
use crate::session::use_session;
use crate::storage;

/// The start page.
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let seller = session.current.get_untracked().map(|s| s.seller_code).unwrap_or_default();
    let saved = LocalResource::new(move || {
        let seller = seller.clone();
        async move {
            match storage::for_seller(&seller).await {
                Ok(db) => db.customer_count().await.unwrap_or(0),
                Err(_) => 0,
            }
        }
    });
    let name = move || session.current.get().map(|s| s.seller_name).unwrap_or_default();
    view! {
        <section class="page">
            <h1 data-testid="home-welcome">{move || i18n.t_n(Msg::Welcome, name())}</h1>
            <p>{move || i18n.t(Msg::HomeIntro)}</p>
            <p data-testid="saved-count">{move || saved.get().map(|n| i18n.t_n(Msg::SavedOnDevice, n))}</p>
            <A href="/customers" attr:class="button">{move || i18n.t(Msg::NavCustomers)}</A>
        </section>
    }
}
