//! The offline banner of the list pages: what is shown without the ERP, or why nothing is.

use leptos::prelude::*;
use leptos_router::components::A;
use mascate_domain::offline::Readiness;

use crate::connectivity::use_connectivity;
use crate::device::offline::use_offline;
use crate::i18n::{use_i18n, Arg, Msg};

/// Shown only offline: "today's selection on this device", or that there is no usable
/// selection (none, or another day's), with the way to the configurator.
#[component]
pub fn OfflineNotice() -> impl IntoView {
    let i18n = use_i18n();
    let connectivity = use_connectivity();
    let offline = use_offline();
    move || {
        if connectivity.online() {
            return ().into_any();
        }
        let text = match offline.readiness.get() {
            Readiness::Ready | Readiness::Incomplete => i18n.t(Msg::OfflineCustomers).to_string(),
            Readiness::Stale { day } => {
                i18n.fill(Msg::SelectionStale, &[(Arg::Day, &mascate_domain::format::date(&day, i18n.locale.get()))])
            }
            Readiness::NoSelection => i18n.t(Msg::NoSelectionToday).to_string(),
        };
        view! {
            <p class="notice offline" data-testid="offline-banner">
                {text}
                " "
                <A href="/offline" attr:class="button">{move || i18n.t(Msg::NavOfflineConfigurator)}</A>
            </p>
        }
        .into_any()
    }
}
