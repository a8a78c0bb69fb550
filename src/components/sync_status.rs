//! The sync panel in the top bar: documents and task writes still on their way, those
//! refused, when the last pass ran, and "sync now".

use leptos::prelude::*;
use leptos_router::components::A;

use crate::connectivity::use_connectivity;
use crate::device::sync::use_sync;
use crate::i18n::{use_i18n, Msg, Plural};

/// Pending and refused counts with a button to run a pass now.
#[component]
pub fn SyncStatus() -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let connectivity = use_connectivity();
    let offline = crate::device::offline::use_offline();
    // A pass or a pull under way: the button says so, and a tap still asks for another.
    let busy = move || sync.busy() || offline.downloading();
    let last = move || {
        sync.last_run_ms.get().map(|ms| {
            let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
            format!("{}: {:02}:{:02}", i18n.t(Msg::LastSync), d.get_hours(), d.get_minutes())
        })
    };
    let counts_href = move || {
        let tasks_only =
            sync.pending.get() + sync.errors.get() == 0 && sync.task_pending.get() + sync.task_errors.get() > 0;
        if tasks_only { "/tasks" } else { "/orders" }.to_string()
    };
    view! {
        <div class="sync-status" data-testid="sync-status" title=last>
            // The counts open where the rep can act: the documents, or the tasks when only
            // task writes wait.
            <A href=counts_href attr:class="sync-counts">
                <span data-testid="sync-pending" data-count=move || sync.waiting().to_string()>
                    {move || i18n.t_n(Msg::PendingN, sync.waiting())}
                </span>
                <Show when=move || sync.refused() != 0>
                    <span class="chip blocked" data-icon="!" data-testid="sync-errors">{move || i18n.count(Plural::Refused, sync.refused())}</span>
                </Show>
            </A>
            <button
                type="button"
                class="button ghost sync-now"
                data-testid="sync-now"
                disabled=move || !connectivity.online()
                aria-busy=move || busy().to_string()
                on:click=move |_| sync.sync_now()
            >
                <span aria-hidden="true">"⟳"</span>
                // On a phone only the icon shows; the words stay for screen readers.
                <span class="sync-now-label">{move || i18n.t(if busy() { Msg::Syncing } else { Msg::SyncNow })}</span>
            </button>
        </div>
    }
}
