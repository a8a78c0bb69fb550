//! One way to show a read from the ERP (or the device): "Carregando…" while it runs, the
//! error with "Tentar de novo" when it fails, the content when it comes. Pages use it
//! instead of matching each resource's states by hand.
//!
//! ```ignore
//! view! { <Loaded resource=bills let:list> <BillsTable list /> </Loaded> }
//! ```

use leptos::prelude::*;

use crate::api::ApiError;
use crate::components::api_error::ApiErrorBox;
use crate::i18n::{use_i18n, Msg};

/// The states of `resource`: loading, failed (with a retry), or its value through `children`.
/// A signed-out session shows nothing (the shell takes over).
#[component]
pub fn Loaded<T, V, F>(
    resource: LocalResource<Result<T, ApiError>>,
    children: F,
    /// `data-testid` of the loading line.
    #[prop(optional)]
    testid: Option<&'static str>,
) -> impl IntoView
where
    T: Clone + 'static,
    V: IntoView + 'static,
    F: Fn(T) -> V + Send + Sync + 'static,
{
    let i18n = use_i18n();
    move || match resource.get() {
        None => loading(testid).into_any(),
        Some(Err(e)) => {
            let retry = !matches!(e, ApiError::SignedOut);
            view! {
                <ApiErrorBox error=e />
                {retry.then(|| view! {
                    <button class="button" data-testid="retry" on:click=move |_| resource.refetch()>
                        {move || i18n.t(Msg::TryAgain)}
                    </button>
                })}
            }
            .into_any()
        }
        Some(Ok(value)) => children(value).into_any(),
    }
}

/// A read whose value says itself how it went (found, missing, failed): "Carregando…" while
/// it runs, then the value through `children`. For reads that are a `Result<_, ApiError>`,
/// [`Loaded`] also shows the error and a retry.
#[component]
pub fn Ready<T, V, F>(
    resource: LocalResource<T>,
    children: F,
    /// `data-testid` of the loading line.
    #[prop(optional)]
    testid: Option<&'static str>,
) -> impl IntoView
where
    T: Clone + 'static,
    V: IntoView + 'static,
    F: Fn(T) -> V + Send + Sync + 'static,
{
    move || match resource.get() {
        None => loading(testid).into_any(),
        Some(value) => children(value).into_any(),
    }
}

/// The one loading line.
fn loading(testid: Option<&'static str>) -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="muted" role="status" data-testid=testid>{move || i18n.t(Msg::Loading)}</p> }
}
