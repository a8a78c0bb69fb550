//! A failed call, in plain words, with the ERP's own detail one click away.

use leptos::prelude::*;

use crate::api::ApiError;
use crate::i18n::{use_i18n, Msg};

/// Shows an [`ApiError`]; nothing for a signed-out session (the shell takes over).
#[component]
pub fn ApiErrorBox(error: ApiError) -> impl IntoView {
    let i18n = use_i18n();
    let (message, detail) = match error {
        ApiError::SignedOut => return ().into_any(),
        ApiError::Unreachable => (i18n.t(Msg::ServerUnreachable).to_string(), None),
        ApiError::Server { message, detail, .. } => (message, detail),
        ApiError::Malformed(m) => (m, None),
        ApiError::NoExtension => (i18n.t(Msg::NeedsMascateServer).to_string(), None),
    };
    view! {
        <div class="error" role="alert" data-testid="api-error">
            <p data-testid="api-error-message">{message}</p>
            {detail
                .map(|d| {
                    view! {
                        <details>
                            <summary>{move || i18n.t(Msg::ErrorDetail)}</summary>
                            <p data-testid="api-error-detail">{d}</p>
                        </details>
                    }
                })}
        </div>
    }
    .into_any()
}
