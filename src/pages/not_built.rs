//! Pages that later versions fill in say so plainly instead of showing a blank screen.

use leptos::prelude::*;

use crate::i18n::{use_i18n, Msg};

/// A titled "not built yet" notice.
#[component]
pub fn NotBuilt(
    /// The page's title.
    title: Msg,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page">
            <h1>{move || i18n.t(title)}</h1>
            <p class="notice" data-testid="not-built-yet">{move || i18n.t(Msg::NotBuiltYet)}</p>
        </section>
    }
}
