//! The quick-search box of the list pages.

use leptos::prelude::*;

use crate::i18n::{use_i18n, Msg};

/// A labelled search input bound to `value`.
#[component]
pub fn SearchBox(value: RwSignal<String>, hint: Msg, #[prop(into)] testid: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label class="grow">
            <span class="label">{move || i18n.t(Msg::Search)}</span>
            <input type="search" data-testid=testid placeholder=move || i18n.t(hint) bind:value=value />
        </label>
    }
}
