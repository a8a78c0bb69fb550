//! The quick-search box of the list pages, and the debounce every search-as-you-type uses:
//! the list asks once the rep pauses, not at every keystroke.

use leptos::prelude::*;

use crate::i18n::{use_i18n, Msg};

/// How long typing must pause before a search goes out.
pub const DEBOUNCE_MS: u64 = 300;

/// A signal that follows `source` once it has stopped changing for [`DEBOUNCE_MS`].
pub fn debounced<T: Clone + PartialEq + Send + Sync + 'static>(source: Signal<T>) -> Signal<T> {
    let settled = RwSignal::new(source.get_untracked());
    let timer: StoredValue<Option<TimeoutHandle>, LocalStorage> = StoredValue::new_local(None);
    Effect::new(move |_| {
        let value = source.get();
        if let Some(t) = timer.get_value() {
            t.clear();
        }
        let handle = set_timeout_with_handle(
            move || {
                if settled.get_untracked() != value {
                    settled.set(value.clone());
                }
            },
            std::time::Duration::from_millis(DEBOUNCE_MS),
        );
        timer.set_value(handle.ok());
    });
    on_cleanup(move || {
        if let Some(Some(t)) = timer.try_get_value() {
            t.clear();
        }
    });
    settled.into()
}

/// A labelled search input. `value` is the search in force (from the address, say); what
/// is typed reaches `on_search` once typing pauses. A new `value` from elsewhere (Back)
/// shows in the box.
#[component]
pub fn SearchBox(
    #[prop(into)] value: Signal<String>,
    on_search: impl Fn(String) + Copy + Send + Sync + 'static,
    hint: Msg,
    #[prop(into)] testid: String,
    /// The label (default "Search").
    #[prop(optional)]
    label: Option<Msg>,
) -> impl IntoView {
    let i18n = use_i18n();
    let label = label.unwrap_or(Msg::Search);
    let typed = RwSignal::new(value.get_untracked());
    Effect::watch(
        move || value.get(),
        move |v, _, _| {
            if typed.get_untracked() != *v {
                typed.set(v.clone());
            }
        },
        false,
    );
    let settled: Signal<String> = debounced(typed.into());
    Effect::watch(
        move || settled.get(),
        move |s, _, _| {
            if value.get_untracked() != *s {
                on_search(s.clone());
            }
        },
        false,
    );
    view! {
        <label class="grow">
            <span class="label">{move || i18n.t(label)}</span>
            <input type="search" data-testid=testid placeholder=move || i18n.t(hint) bind:value=typed />
        </label>
    }
}
