//! A document's lines and totals, as the ERP or the device holds them.

use leptos::prelude::*;
use mascate_domain::contract::Taxes;
use mascate_domain::document::Draft;

use crate::components::lines::LinesTable;
use crate::components::totals::TotalsTable;
use crate::i18n::{use_i18n, Msg};

/// The lines (the shared lines table), the totals, and the taxes when the ERP computed them
/// (`taxes_offline`: say they need the connection).
#[component]
pub fn ItemsCard(draft: Draft, taxes: Option<Taxes>, taxes_offline: bool) -> impl IntoView {
    let i18n = use_i18n();
    let totals = draft.totals();
    let lines: Vec<_> = draft.live_items().cloned().collect();
    view! {
        <div class="card">
            <h2>{move || i18n.t(Msg::Items)}</h2>
            <LinesTable lines=Signal::derive(move || lines.clone()) testid="document-items" />
            <TotalsTable totals=Signal::derive(move || totals) taxes=Signal::derive(move || taxes.clone()) />
            {taxes_offline.then(|| view! { <p class="notice" data-testid="taxes-offline">{move || i18n.t(Msg::TaxesNeedConnection)}</p> })}
        </div>
    }
}
