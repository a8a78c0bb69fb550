//! "Usar como seleção de hoje": the agenda's customers become today's seller filter of
//! customers (the same save as the configurator's, so the device downloads them next). What
//! it would download is shown in the dialog that asks first.

use leptos::prelude::*;
use mascate_domain::offline::Schema;

use crate::api::{use_api, ApiError};
use crate::components::api_error::ApiErrorBox;
use crate::components::dialog::Dialog;
use crate::connectivity::use_connectivity;
use crate::device::offline::use_offline;
use crate::i18n::{use_i18n, Msg, Plural};
use crate::pages::offline_configurator::DownloadSize;
use crate::pages::offline_selection::todays_selection;
use crate::session::use_session;

/// The button, its dialog and what came of it.
#[component]
pub fn UseAsSelection(
    /// The agenda's customers, as seller-filter entity ids (a signal: the agenda read again
    /// in the background leaves an open dialog as it is).
    #[prop(into)]
    customers: Signal<Vec<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let offline = use_offline();
    let session = use_session();
    let connectivity = use_connectivity();
    let open = RwSignal::new(false);
    let count = move || customers.with(Vec::len);
    let save = Action::new_local(move |_: &()| {
        let seller = session.seller().unwrap_or_default();
        let wanted = customers.get_untracked();
        async move {
            let current = todays_selection(api, Schema::Customers).await?;
            let existing = current.header.as_ref().map(|h| (h.uuid.as_str(), current.items.as_slice()));
            api.save_seller_filter(&seller, Schema::Customers, existing, &wanted).await?;
            offline.selection_changed();
            open.set(false);
            Ok::<(), ApiError>(())
        }
    });
    let saved = move || matches!(save.value().get(), Some(Ok(())));
    view! {
        <div class="agenda-actions">
            <span class="muted" data-testid="agenda-customers" data-count=move || count().to_string()>
                {move || i18n.count(Plural::AgendaCustomers, count())}
            </span>
            <button class="button primary" data-testid="agenda-use" disabled=move || count() == 0 || save.pending().get() || !connectivity.online()
                on:click=move |_| open.set(true)>
                {move || i18n.t(Msg::AgendaUseAsSelection)}
            </button>
        </div>
        <Show when=move || !connectivity.online()>
            <p class="hint" data-testid="agenda-use-needs-connection">{move || i18n.t(Msg::AgendaSelectionNeedsConnection)}</p>
        </Show>
        <Show when=saved>
            <p class="notice" role="status" data-testid="agenda-selection-saved">{move || i18n.t(Msg::AgendaSelectionSaved)}</p>
        </Show>
        <Dialog open title=Signal::derive(move || i18n.t(Msg::AgendaUseTitle).to_string()) testid="agenda-use-dialog">
            <p>{move || i18n.t(Msg::AgendaUseText)}</p>
            <p><strong>{move || i18n.count(Plural::AgendaCustomers, count())}</strong></p>
            <DownloadSize proposal=Signal::derive(move || Some((Schema::Customers, customers.get()))) active=Signal::from(open) />
            {move || save.value().get().and_then(Result::err).map(|e| view! { <ApiErrorBox error=e /> })}
            <div class="dialog-actions">
                <button class="button" data-testid="agenda-use-no" autofocus on:click=move |_| open.set(false)>
                    {move || i18n.t(Msg::Cancel)}
                </button>
                <button class="button primary" data-testid="agenda-use-yes" disabled=move || save.pending().get()
                    on:click=move |_| { save.dispatch_local(()); }>
                    {move || i18n.t(if save.pending().get() { Msg::Saving } else { Msg::AgendaUse })}
                </button>
            </div>
        </Dialog>
    }
}
