//! A document written on this device, followed until the ERP decides: waiting, processing,
//! accepted with its number, or refused with the reason (then fixed and sent again under
//! the same external id). Everything shown is read from the device first, so it survives
//! reloads and works offline.

mod log;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use mascate_domain::document::DocumentKind;
use mascate_domain::format;
use mascate_domain::outbox::{OutboxEntry, SendState};

use crate::components::lines::LinesTable;
use crate::components::send_state::SendStateChip;
use crate::components::totals::TotalsTable;
use crate::device::sync::use_sync;
use crate::i18n::{use_i18n, Msg, Plural};
use crate::pages::document::print::PrintAndShare;
use crate::pages::documents::segment;

/// How often to ask the ERP while it works.
const POLL_MS: u64 = 1_000;

/// The tracking page (`/sent/:external_id`).
#[component]
pub fn SentPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let (entry, missing) = follow(move || params.read().get("external_id").unwrap_or_default());

    view! {
        <section class="page sent" data-testid="sent-page">
            {move || {
                if missing.get() {
                    return view! { <p class="empty">{move || i18n.t(Msg::NoDocuments)}</p> }.into_any();
                }
                let Some(e) = entry.get() else { return view! { <p class="muted">{move || i18n.t(Msg::Loading)}</p> }.into_any() };
                view! { <SentDocument entry=e /> }.into_any()
            }}
        </section>
    }
}

/// Follows the document `external_id` names until the ERP decides: its entry on the device
/// (once read), and whether the device has none.
fn follow(external_id: impl Fn() -> String + Copy + 'static) -> (RwSignal<Option<OutboxEntry>>, RwSignal<bool>) {
    let sync = use_sync();
    let entry = RwSignal::new(None::<OutboxEntry>);
    let missing = RwSignal::new(false);

    // One step: a pass of the sync engine (which sends and follows every document of this
    // seller), then what the device now knows of this one.
    let step = move || {
        let ext = external_id();
        leptos::task::spawn_local(async move {
            sync.run().await;
            match sync.entry(&ext).await {
                Some(e) => entry.set(Some(e)),
                None => missing.set(true),
            }
        });
    };
    step();
    let handle = {
        set_interval_with_handle(
            move || {
                let busy = entry.with_untracked(|e| {
                    e.as_ref().is_none_or(|e| e.state != SendState::Synced && e.state != SendState::Error)
                });
                if busy {
                    step();
                }
            },
            std::time::Duration::from_millis(POLL_MS),
        )
        .ok()
    };
    // Stop asking when the page goes.
    on_cleanup(move || {
        if let Some(h) = handle {
            h.clear();
        }
    });
    (entry, missing)
}

/// The document as the device knows it: who and when, its state, printing and sharing, its
/// items and totals, and its sending history.
#[component]
fn SentDocument(entry: OutboxEntry) -> impl IntoView {
    let i18n = use_i18n();
    let connectivity = crate::connectivity::use_connectivity();
    let e = entry;
    let noun = if e.draft.kind == DocumentKind::Order { Msg::Order } else { Msg::Quotation };
    let totals = e.draft.totals();
    let who = if e.customer_name.trim().is_empty() {
        format!("{} / {}", e.draft.customer_code, e.draft.customer_store)
    } else {
        e.customer_name.clone()
    };
    let (date, count) = (e.draft.issue_date.clone(), e.draft.live_items().count());
    let lines: Vec<_> = e.draft.live_items().cloned().collect();
    view! {
        <h1>{move || i18n.t(noun)}" · "{who}</h1>
        <p class="muted" data-testid="sent-meta">
            <span class="nowrap">{move || format::date(&date, i18n.locale.get())}</span>" · "
            <span class="nowrap">{move || i18n.count(Plural::ItemsN, count)}</span>
        </p>
        <SentState entry=e.clone() />
        // The device's copy prints and shares offline too.
        <PrintAndShare draft=e.draft.clone() taxes=None customer_name=e.customer_name.clone() />
        <div class="card">
            <h2>{move || i18n.t(Msg::Items)}</h2>
            <LinesTable lines=Signal::derive(move || lines.clone()) testid="sent-items" />
            <TotalsTable totals=Signal::derive(move || totals) taxes=Signal::derive(|| None) />
            // Taxes are the ERP's: online they are on the order's page.
            <Show when=move || !connectivity.online()>
                <p class="hint" data-testid="taxes-offline">{move || i18n.t(Msg::TaxesNeedConnection)}</p>
            </Show>
        </div>
        <log::SyncLog log=e.log.clone() attempts=e.attempts />
    }
}

/// Where the document stands, and what can be done from there: fix and resend a refused
/// one, open (online) or edit (offline) an accepted one.
#[component]
fn SentState(entry: OutboxEntry) -> impl IntoView {
    let i18n = use_i18n();
    let connectivity = crate::connectivity::use_connectivity();
    let e = entry;
    let seg = segment(e.draft.kind);
    let number = e.draft.erp_number.clone();
    let synced = e.state == SendState::Synced;
    let errored = e.state == SendState::Error;
    // The ERP's last answer was "not now": say so, and that nothing is asked of the rep.
    let deferred = e.deferred_answer().map(str::to_string);
    let ext = e.external_id.clone();
    view! {
        <div class="card" data-testid="sent-state" data-state=format!("{:?}", e.state).to_lowercase()>
            <SendStateChip state=e.state error=e.error.clone() number=number.clone() />
            {deferred.map(|answer| view! {
                <p class="hint" data-testid="send-deferred">
                    {move || i18n.t(Msg::SendDeferred)}" "<span class="muted">{answer}</span>
                </p>
            })}
            {errored.then(|| view! {
                <p class="notice">{move || i18n.t(Msg::FixAndResend)}</p>
                <A href=format!("/sent/{ext}/edit") attr:class="button primary" attr:data-testid="sent-fix">
                    {move || i18n.t(Msg::Edit)}
                </A>
            })}
            {synced.then(|| {
                let label = number.clone();
                let (open_href, edit_href) = (format!("/{seg}/{number}"), format!("/sent/{ext}/edit"));
                // Online the ERP's page has every action; offline the device's copy
                // may still be edited (it goes out as an update under its number).
                move || if connectivity.online() {
                    let label = label.clone();
                    view! {
                        <A href=open_href.clone() attr:class="button primary" attr:data-testid="sent-open">
                            {move || i18n.t_n(Msg::OpenOrder, &label)}
                        </A>
                    }.into_any()
                } else {
                    view! {
                        <A href=edit_href.clone() attr:class="button primary" attr:data-testid="sent-edit">
                            {move || i18n.t(Msg::Edit)}
                        </A>
                    }.into_any()
                }
            })}
        </div>
    }
}
