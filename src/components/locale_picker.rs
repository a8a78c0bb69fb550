//! The language switch.

use leptos::prelude::*;

use crate::i18n::{use_i18n, Locale, Msg};

/// A select listing each language in its own name.
#[component]
pub fn LocalePicker(
    /// `data-testid` of the select (`locale-select` unless given: the phone menu's differs).
    #[prop(optional)]
    testid: Option<&'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label class="locale-picker">
            <span class="visually-hidden">{move || i18n.t(Msg::Language)}</span>
            <select
                data-testid=testid.unwrap_or("locale-select")
                on:change=move |ev| {
                    if let Some(l) = Locale::from_tag(&event_target_value(&ev)) {
                        i18n.set(l);
                    }
                }
            >
                {Locale::ALL
                    .iter()
                    .map(|l| {
                        let l = *l;
                        view! {
                            <option value=l.tag() selected=move || i18n.locale.get() == l>
                                {l.native_name()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}
