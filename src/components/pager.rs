//! Previous / page n / next, under the list pages.

use leptos::prelude::*;

use crate::i18n::{use_i18n, Msg};

/// The pager for a 1-based `page`; `prefix` names its test ids (`<prefix>-prev`,
/// `<prefix>-page-number`, `<prefix>-next`). `set_page` moves (the list keeps its page in
/// the address, or in a signal).
#[component]
pub fn Pager(
    #[prop(into)] page: Signal<usize>,
    set_page: impl Fn(usize) + Copy + Send + Sync + 'static,
    has_next: bool,
    prefix: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="pager">
            <button
                class="button"
                data-testid=format!("{prefix}-prev")
                disabled=move || page.get() <= 1
                on:click=move |_| set_page(page.get_untracked().saturating_sub(1).max(1))
            >
                {move || i18n.t(Msg::Previous)}
            </button>
            <span data-testid=format!("{prefix}-page-number")>{move || i18n.t_n(Msg::PageN, page.get())}</span>
            <button class="button" data-testid=format!("{prefix}-next") disabled=!has_next
                on:click=move |_| set_page(page.get_untracked() + 1)>
                {move || i18n.t(Msg::Next)}
            </button>
        </nav>
    }
}
