//! Step 4: every line, the totals, the ERP's taxes when online, and sending.

use leptos::prelude::*;
use mascate_domain::contract::Taxes;
use mascate_domain::document::{Draft, Totals};

use crate::api::ApiError;
use crate::components::api_error::ApiErrorBox;
use crate::components::lines::LinesTable;
use crate::components::totals::TotalsTable;
use crate::i18n::{use_i18n, Msg};

/// The review step; `taxes` is the last answer of the ERP's tax simulation (an action run
/// by the page, so a double tap asks once).
#[component]
pub fn ReviewStep(
    draft: RwSignal<Draft>,
    totals: Signal<Totals>,
    taxes: Action<(), Result<Taxes, ApiError>>,
    online: Signal<bool>,
    customer_name: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let current = move || taxes.value().get();
    view! {
        <div class="card step-body" data-testid="step-review">
            <h2 class="step-title" tabindex="-1" data-testid="step-heading">{move || i18n.t(Msg::StepReview)}</h2>
            <p><strong>{move || i18n.t(Msg::Customer)}": "</strong>{move || customer_name.get()}</p>
            <LinesTable lines=Signal::derive(move || draft.with(|d| d.live_items().cloned().collect())) testid="review-items" />
            <TotalsTable totals taxes=Signal::derive(move || current().and_then(Result::ok)) />
            <Show
                when=move || online.get()
                fallback=move || view! { <p class="notice" data-testid="taxes-offline">{move || i18n.t(Msg::TaxesNeedConnection)}</p> }
            >
                <button type="button" class="button" data-testid="calculate-taxes" disabled=move || taxes.pending().get()
                    on:click=move |_| {
                        if !taxes.pending().get_untracked() {
                            taxes.dispatch(());
                        }
                    }>
                    {move || i18n.t(Msg::CalculateTaxes)}
                </button>
            </Show>
            {move || match current() {
                Some(Err(e)) => view! { <ApiErrorBox error=e /> }.into_any(),
                _ => ().into_any(),
            }}
        </div>
    }
}
