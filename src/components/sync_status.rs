//! The sync panel in the top bar: documents still on their way, documents refused, when the
//! last pass ran, and "sync now".

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
    view! {
        <div class="sync-status" data-testid="sync-status" title=last>
            <A href="/orders" attr:class="sync-counts">
                <span data-testid="sync-pending" data-count=move || sync.pending.get().to_string()>
                    {move || i18n.t_n(Msg::PendingN, sync.pending.get())}
                </span>
                <Show when=move || sync.errors.get() != 0>
                    <span class="chip blocked" data-icon="!" data-testid="sync-errors">{move || i18n.count(Plural::Refused, sync.errors.get())}</span>
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
