//! The always-visible online/offline indicator.

use leptos::prelude::*;

use crate::connectivity::use_connectivity;
use crate::i18n::{use_i18n, Msg};

/// Shows "Online" or "Offline"; `data-state` carries the same for tests and styles.
#[component]
pub fn ConnectivityBadge() -> impl IntoView {
    let c = use_connectivity();
    let i18n = use_i18n();
    let state = move || if c.online() { "online" } else { "offline" };
    view! {
        <span class="badge" data-testid="connectivity" data-state=state role="status" aria-live="polite">
            <span class="badge-dot" aria-hidden="true"></span>
            {move || i18n.t(if c.online() { Msg::Online } else { Msg::Offline })}
        </span>
    }
}
