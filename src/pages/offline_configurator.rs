//! The Offline Configurator: what is on this device for today (per schema), the download's
//! progress, the storage used, and the way into each schema's selection editor.

mod download_size;
mod safety_net;

pub use download_size::DownloadSize;

use leptos::prelude::*;
use leptos_router::components::A;
use mascate_domain::format;
use mascate_domain::offline::{prepared, Prepared, Readiness, Schema};

use crate::components::dialog::ConfirmDialog;
use crate::connectivity::use_connectivity;
use crate::device::offline::{storage_space, use_offline};
use crate::i18n::{use_i18n, Arg, Msg, Plural};

/// The schema's title.
pub fn schema_msg(s: Schema) -> Msg {
    match s {
        Schema::Customers => Msg::NavCustomers,
        Schema::Products => Msg::NavProducts,
        Schema::Prospects => Msg::Prospects,
    }
}

/// The configurator's overview page.
#[component]
pub fn OfflineConfiguratorPage() -> impl IntoView {
    let i18n = use_i18n();
    let offline = use_offline();
    let sync = crate::device::sync::use_sync();
    let confirm_remove = RwSignal::new(false);
    let remove = Action::new_local(move |_: &()| async move {
        let _ = offline.remove_device_data().await;
    });
    let connectivity = use_connectivity();
    // Recounted when a table finishes, not on every page of a download.
    let tables_done = Memo::new(move |_| offline.progress.with(|p| p.as_ref().map(|p| p.tables_done)));
    let counts = LocalResource::new(move || {
        offline.changes.track();
        tables_done.track();
        offline.counts()
    });
    let count = move |s: Schema| count_in(counts, s);
    // "Ready" only with something to sell and someone to sell it to.
    let state = move || prepared(&offline.readiness.get(), count(Schema::Customers), count(Schema::Products));
    let day = move |d: &str| format::date(d, i18n.locale.get());
    let status = move || match state() {
        Prepared::Ready => i18n.fill(Msg::ReadyForOffline, &[(Arg::Day, &day(&offline.day.get().unwrap_or_default()))]),
        Prepared::NoCustomers => i18n.t(Msg::ReadyNoCustomers).to_string(),
        Prepared::NoProducts => i18n.t(Msg::ReadyNoProducts).to_string(),
        // Online the download is under way or can be finished now; offline it waits.
        Prepared::NotReady(Readiness::Incomplete) if !connectivity.online() => {
            i18n.t(Msg::OfflineIncomplete).to_string()
        }
        Prepared::NotReady(Readiness::Incomplete) if offline.progress.with(Option::is_some) => {
            i18n.t(Msg::OfflineDownloading).to_string()
        }
        // The ERP said "not now": nothing for the rep to do, it goes on by itself.
        Prepared::NotReady(Readiness::Incomplete) if offline.retries.get() > 0 => {
            i18n.t(Msg::DownloadResumes).to_string()
        }
        Prepared::NotReady(Readiness::Incomplete) => i18n.t(Msg::OfflineIncompleteOnline).to_string(),
        Prepared::NotReady(Readiness::Stale { day: d }) => i18n.fill(Msg::SelectionStale, &[(Arg::Day, &day(&d))]),
        Prepared::NotReady(_) => i18n.t(Msg::NoSelectionToday).to_string(),
    };
    let ready = move || offline.ready() && state() == Prepared::Ready;
    view! {
        <section class="page offline-configurator">
            <h1>{move || i18n.t(Msg::NavOfflineConfigurator)}</h1>
            <p class="status-line" class:ok=ready data-testid="offline-readiness" data-ready=move || ready().to_string()>
                {status}
            </p>
            <PrimingProgress />
            {move || offline.error.get().map(|e| view! { <p class="error" role="alert" data-testid="priming-error">{e}</p> })}
            // Today's selection as saved, once there is one; counted online and not while
            // downloading: the count would compete with the download for the ERP (it was asked
            // in the moment between the download's start and its first progress).
            <Show when=move || matches!(offline.readiness.get(), Readiness::Incomplete | Readiness::Ready)>
                <DownloadSize proposal=Signal::derive(|| None)
                    active=Signal::derive(move || connectivity.online() && !offline.downloading()) />
            </Show>
            <Show when=move || connectivity.online() && !offline.downloading()>
                <button class="button primary" data-testid="prime-now" on:click=move |_| offline.prepare()>
                    {move || i18n.t(Msg::DownloadNow)}
                </button>
            </Show>
            <SchemaCards counts />
            // Only with nothing on its way: a pending document is never thrown away.
            <Show when=move || sync.on_device() == 0>
                <button class="button ghost" data-testid="remove-device-data" on:click=move |_| confirm_remove.set(true)>
                    {move || i18n.t(Msg::RemoveDeviceData)}
                </button>
            </Show>
            <safety_net::SafetyNet />
            <ConfirmDialog open=confirm_remove title=Msg::RemoveDeviceDataTitle text=Msg::RemoveDeviceDataConfirm action=Msg::Remove
                on_confirm=move || { remove.dispatch_local(()); }
                testid="confirm-remove" />
            <StorageUsage />
        </section>
    }
}

/// Today's records of `s` on this device, as last counted (0 until counted).
fn count_in(counts: LocalResource<Option<Vec<(Schema, u32)>>>, s: Schema) -> u32 {
    counts.get().flatten().and_then(|c| c.iter().find(|(x, _)| *x == s).map(|(_, n)| *n)).unwrap_or(0)
}

/// The download's progress while it runs: records so far, tables done of all.
#[component]
fn PrimingProgress() -> impl IntoView {
    let i18n = use_i18n();
    let offline = use_offline();
    move || {
        offline.progress.get().map(|p| {
            view! {
                <div class="progress" data-testid="priming-progress">
                    <progress max=p.tables value=p.tables_done></progress>
                    <span>
                        {i18n.fill(Msg::PrimingProgress, &[
                            (Arg::Records, &i18n.count(Plural::Records, p.records)),
                            (Arg::Done, &p.tables_done.to_string()),
                            (Arg::Tables, &p.tables.to_string()),
                        ])}
                    </span>
                </div>
            }
        })
    }
}

/// A card per schema: how many of its records are on this device, and (online) the way
/// into its selection editor.
#[component]
fn SchemaCards(
    /// The device's records per schema, as counted.
    counts: LocalResource<Option<Vec<(Schema, u32)>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let connectivity = use_connectivity();
    view! {
        <ul class="cards schemas">
            {Schema::ALL.into_iter().map(|s| view! {
                <li class="card schema-card" data-testid=format!("schema-{}", s.slug())>
                    <h2 class="card-title">{move || i18n.t(schema_msg(s))}</h2>
                    <p data-testid=format!("schema-{}-count", s.slug())>
                        {move || i18n.t_n(Msg::OnThisDevice, format::number(count_in(counts, s) as f64, 0, i18n.locale.get()))}
                    </p>
                    <Show
                        when=move || connectivity.online()
                        fallback=move || view! { <p class="hint">{move || i18n.t(Msg::SelectionNeedsConnection)}</p> }
                    >
                        <A href=format!("/offline/{}", s.slug()) attr:class="button" attr:data-testid=format!("edit-{}", s.slug())>
                            {move || i18n.t(Msg::EditSelection)}
                        </A>
                    </Show>
                </li>
            }).collect_view()}
        </ul>
    }
}

/// The browser's storage: used, free, and whether it is kept (persisted) for the app.
#[component]
fn StorageUsage() -> impl IntoView {
    let i18n = use_i18n();
    let offline = use_offline();
    let usage = LocalResource::new(move || {
        offline.changes.track();
        storage_space()
    });
    view! {
        <p class="hint" data-testid="storage-usage">
            {move || usage.get().flatten().map(|space| {
                let locale = i18n.locale.get();
                let text = i18n.fill(Msg::StorageUsage, &[
                    (Arg::Used, &format::bytes(space.used, locale)),
                    (Arg::Free, &format::bytes(space.free(), locale)),
                ]);
                if space.persisted { format!("{text} · {}", i18n.t(Msg::StoragePersistent)) } else { text }
            })}
        </p>
    }
}
