//! The day's download beside the device's free space: how many records, about how many MB,
//! and a warning when it would not fit — in the selection editor before saving, and on the
//! overview before "Baixar agora".

use leptos::prelude::*;
use mascate_domain::download_size::Fit;
use mascate_domain::format;
use mascate_domain::offline::Schema;

use crate::components::search_box::debounced;
use crate::device::offline::{use_offline, SizeCheck};
use crate::i18n::{use_i18n, Arg, Msg, Plural};

/// How big the day's download is and whether it fits. `proposal`: the selection being
/// edited (its schema and ids) instead of today's saved one; `None`: today's as saved.
/// Shows nothing when the ERP cannot count it (a Protheus without Mascate's estimate).
///
/// `active`: whether to count and show it now (offline, or while downloading, it is not
/// asked). The component stays mounted while inactive: a `<Transition>` taken down while
/// its count is on the way (the ERP stopping mid-request turns the app offline) panicked
/// when the count came back to a disposed boundary.
#[component]
pub fn DownloadSize(
    #[prop(into)] proposal: Signal<Option<(Schema, Vec<String>)>>,
    #[prop(into, optional)] active: Option<Signal<bool>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let offline = use_offline();
    let active = active.unwrap_or_else(|| Signal::stored(true));
    // Counted once the rep stops ticking boxes, not at every tick.
    let asked = debounced(proposal);
    let check = LocalResource::new(move || {
        let proposal = asked.get();
        let active = active.get();
        offline.changes.track();
        async move {
            if !active {
                return None;
            }
            offline.size_check(proposal).await.ok().flatten()
        }
    });
    view! {
        <Transition fallback=move || active.get().then(|| view! { <p class="hint">{move || i18n.t(Msg::DownloadSizeCounting)}</p> })>
            {move || active.get().then(|| check.get().flatten().map(|c| view! { <SizeLine check=c /> })).flatten()}
        </Transition>
    }
}

/// The line itself, and the warning under it.
#[component]
fn SizeLine(check: SizeCheck) -> impl IntoView {
    let i18n = use_i18n();
    let fit = check.fit();
    let SizeCheck { records, bytes, free } = check;
    let text = move || {
        let locale = i18n.locale.get();
        let records = i18n.count(Plural::Records, records as usize);
        let used = format::bytes(bytes as f64, locale);
        match free {
            Some(f) => i18n.fill(
                Msg::DownloadSize,
                &[(Arg::Records, &records), (Arg::Used, &used), (Arg::Free, &format::bytes(f as f64, locale))],
            ),
            None => i18n.fill(Msg::DownloadSizeNoFree, &[(Arg::Records, &records), (Arg::Used, &used)]),
        }
    };
    let fit_name = match fit {
        Some(Fit::Fits) => "fits",
        Some(Fit::Tight) => "tight",
        Some(Fit::DoesNotFit) => "does-not-fit",
        None => "unknown",
    };
    view! {
        <div class="download-size" data-testid="download-size" data-records=records data-bytes=bytes data-fit=fit_name>
            <p class="hint">{text}</p>
            {match fit {
                Some(Fit::DoesNotFit) => Some(view! {
                    <p class="error" role="alert" data-testid="download-too-big">{move || i18n.t(Msg::DownloadDoesNotFit)}</p>
                }.into_any()),
                Some(Fit::Tight) => Some(view! {
                    <p class="notice" role="status" data-testid="download-tight">{move || i18n.t(Msg::DownloadTight)}</p>
                }.into_any()),
                _ => None,
            }}
        </div>
    }
}
