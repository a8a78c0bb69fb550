//! Where a document written on this device is: an icon and words, and the ERP's reason when
//! it refused it.

use leptos::prelude::*;
use mascate_domain::outbox::SendState;

use crate::i18n::{use_i18n, Msg};

/// The chip for a [`SendState`]; `number` is shown once the ERP accepted the document.
#[component]
pub fn SendStateChip(
    state: SendState,
    #[prop(into, optional)] error: String,
    #[prop(into, optional)] number: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let (icon, class, msg, code) = match state {
        SendState::Pending => ("●", "chip pending", Msg::StatePending, "pending"),
        SendState::Queued => ("⧗", "chip pending", Msg::StateQueued, "queued"),
        SendState::Processing => ("⟳", "chip pending", Msg::StateProcessing, "processing"),
        SendState::Synced => ("✓", "chip active", Msg::StateSynced, "synced"),
        SendState::Error => ("!", "chip blocked", Msg::StateError, "error"),
    };
    view! {
        <span class=class data-testid="send-state" data-state=code>
            <span aria-hidden="true">{icon}" "</span>
            {move || i18n.t_n(msg, &number)}
        </span>
        {(state == SendState::Error && !error.is_empty())
            .then(|| view! { <p class="field-error" data-testid="send-error">{error.clone()}</p> })}
    }
}
