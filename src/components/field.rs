//! A label/value pair for read-only details.

use leptos::prelude::*;

use crate::i18n::{use_i18n, Msg};

/// One detail line; an empty value shows a dash instead of nothing.
#[component]
pub fn Field(
    /// The label's message.
    label: Msg,
    /// The value, already formatted.
    #[prop(into)]
    value: Signal<String>,
    /// A `data-testid` for the value.
    #[prop(optional)]
    testid: &'static str,
    /// Keep the value on one line (money, CNPJ/CPF, phone numbers).
    #[prop(optional)]
    nowrap: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field">
            <dt>{move || i18n.t(label)}</dt>
            <dd data-testid=(!testid.is_empty()).then_some(testid) class=nowrap.then_some("nowrap")>
                {move || {
                    let v = value.get();
                    if v.trim().is_empty() { i18n.t(Msg::None).to_string() } else { v }
                }}
            </dd>
        </div>
    }
}
