//! "Exportar pendentes" and "Importar": the device's unsent documents saved to a file (JSON
//! with a readable summary) and a file's documents put into this seller's outbox on another
//! device, under their own external ids, so the ERP still makes each document once.

use leptos::prelude::*;
use mascate_domain::document::DocumentKind;
use mascate_domain::format;
use mascate_domain::outbox::transfer::ImportError;
use mascate_domain::outbox::{OutboxEntry, SendState};
use wasm_bindgen::JsCast;

use crate::device::sync::{use_sync, ImportFailure};
use crate::i18n::{use_i18n, Arg, I18n, Msg};

/// One line of the file's summary, in the rep's language.
fn summary_line(i18n: I18n, e: &OutboxEntry) -> String {
    let l = i18n.locale.get_untracked();
    let noun = i18n.t(if e.draft.kind == DocumentKind::Order { Msg::Order } else { Msg::Quotation });
    let state = match e.state {
        SendState::Error => format!("{}: {}", i18n.t(Msg::LogRefused), e.error),
        SendState::Queued | SendState::Processing => i18n.t(Msg::LogWaiting).to_string(),
        _ => i18n.t(Msg::LogSaved).to_string(),
    };
    format!(
        "{noun} {} · {}/{} · {} · {} · {} · {state}",
        e.draft.erp_number,
        e.draft.customer_code,
        e.draft.customer_store,
        format::date(&e.draft.issue_date, l),
        i18n.t_n(Msg::ItemsN, e.draft.live_items().count()),
        format::money(e.draft.totals().total, l),
    )
    .replace("  ", " ")
}

/// Offers `text` as a file download named `name`.
fn download(name: &str, text: &str) -> Option<()> {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let document = web_sys::window()?.document()?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // Revoked once the browser has started the download, not before.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(60),
    );
    Some(())
}

/// What the last export or import said, kept as what happened (not as words) so that it is
/// read in the language the rep picks afterwards too.
#[derive(Clone, PartialEq)]
enum Outcome {
    NothingToExport,
    Exported(usize),
    Imported {
        added: usize,
        replaced: usize,
        unchanged: usize,
    },
    Refused(ImportError),
    /// The device's own trouble (signed out, storage), as it describes itself.
    Failed(String),
}

impl Outcome {
    fn is_failure(&self) -> bool {
        matches!(self, Outcome::Refused(_) | Outcome::Failed(_))
    }

    /// The outcome in the current locale (subscribes to locale changes).
    fn text(&self, i18n: I18n) -> String {
        match self {
            Outcome::NothingToExport => i18n.t(Msg::NothingToExport).into(),
            Outcome::Exported(n) => i18n.t_n(Msg::Exported, n),
            Outcome::Imported { added, replaced, unchanged } => i18n.fill(
                Msg::ImportDone,
                &[
                    (Arg::Added, &added.to_string()),
                    (Arg::Replaced, &replaced.to_string()),
                    (Arg::Unchanged, &unchanged.to_string()),
                ],
            ),
            Outcome::Refused(ImportError::NotAnExport) => i18n.t(Msg::ImportNotAFile).into(),
            Outcome::Refused(ImportError::NewerVersion(_)) => i18n.t(Msg::ImportNewer).into(),
            Outcome::Refused(ImportError::OtherSeller(s)) => i18n.t_n(Msg::ImportOtherSeller, s),
            Outcome::Refused(ImportError::Damaged(id)) => i18n.t_n(Msg::ImportDamaged, id),
            Outcome::Failed(text) => text.clone(),
        }
    }
}

/// The card.
#[component]
pub fn SafetyNet() -> impl IntoView {
    let i18n = use_i18n();
    let sync = use_sync();
    let outcome = RwSignal::new(None::<Outcome>);
    let seller = crate::session::use_session().seller().unwrap_or_default();
    // Export and import are the card's writes: each disables its control while it runs.
    let export = Action::new_local(move |_: &()| {
        let seller = seller.clone();
        async move {
            let Some((text, n)) = sync.export_unsent(move |e| summary_line(i18n, e)).await else { return };
            if n == 0 {
                outcome.set(Some(Outcome::NothingToExport));
                return;
            }
            let day = crate::erp_clock::today();
            download(&format!("mascate-pendentes-{seller}-{day}.json"), &text);
            outcome.set(Some(Outcome::Exported(n)));
        }
    });
    let import = Action::new_local(move |(file, input): &(web_sys::File, Option<web_sys::HtmlInputElement>)| {
        let (file, input) = (file.clone(), input.clone());
        async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|t| t.as_string())
                .unwrap_or_default();
            outcome.set(Some(match sync.import(&text).await {
                Ok(plan) => Outcome::Imported { added: plan.added, replaced: plan.replaced, unchanged: plan.unchanged },
                Err(ImportFailure::File(e)) => Outcome::Refused(e),
                Err(other) => Outcome::Failed(other.to_string()),
            }));
            if let Some(i) = input {
                // The same file may be chosen again (and changes nothing).
                i.set_value("");
            }
        }
    });
    let on_file = move |ev: leptos::ev::Event| {
        let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
        let Some(file) = input.as_ref().and_then(|i| i.files()).and_then(|f| f.get(0)) else { return };
        import.dispatch_local((file, input));
    };
    view! {
        <section class="card safety-net" data-testid="safety-net">
            <h2>{move || i18n.t(Msg::SafetyNet)}</h2>
            <p class="hint">{move || i18n.t(Msg::SafetyNetHint)}</p>
            <div class="actions">
                <button type="button" class="button" data-testid="export-unsent" disabled=export.pending()
                    on:click=move |_| { export.dispatch_local(()); }>{move || i18n.t(Msg::ExportUnsent)}</button>
                <label class="button file-button">
                    {move || i18n.t(Msg::Import)}
                    <input type="file" accept="application/json,.json" data-testid="import-file" disabled=import.pending() on:change=on_file />
                </label>
            </div>
            {move || outcome.get().map(|o| {
                let failure = o.is_failure();
                let text = move || o.text(i18n);
                if failure {
                    view! { <p class="error" role="alert" data-testid="safety-net-error">{text}</p> }.into_any()
                } else {
                    view! { <p class="notice" role="status" data-testid="safety-net-done">{text}</p> }.into_any()
                }
            })}
        </section>
    }
}
