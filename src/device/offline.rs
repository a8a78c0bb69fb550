//! The device's copy of today's selection: priming (the first download of the day, with
//! progress, resumable), the pulls that keep it current, and whether it can be used today.
//!
//! Each table is downloaded page by page; every page is one IndexedDB transaction, and the
//! page that ends a table also writes its checkpoint (the `po_sync_date` the server gave
//! with the first page), so an interrupted download resumes at the table it was in and a
//! finished one is pulled as a diff from then on (see `docs/sync.md`).
//!
//! ```ignore
//! let offline = use_offline();
//! offline.prepare();                         // on sign-in, on reconnect, after saving a selection
//! view! { <p>{move || format!("{:?}", offline.readiness.get())}</p> }
//! ```

use leptos::prelude::*;
use mascate_domain::contract::answer_is_temporary;
use mascate_domain::offline::{readiness, Readiness, TABLES};
use mascate_domain::outbox::backoff_ms;

use crate::api::{use_api, Api, ApiError};
use crate::connectivity::{use_connectivity, Connectivity};
use crate::device::storage::{self, Storage};
use crate::session::{use_session, SessionContext};

mod counts;
mod download;
mod space;
mod vanished;

pub use space::{storage_space, SizeCheck, StorageSpace};

/// Meta keys.
pub mod keys {
    /// The ERP day (`YYYY-MM-DD`) of the selection the device holds.
    pub const DAY: &str = "selection:day";
    /// `1` once every table of that day finished downloading.
    pub const COMPLETE: &str = "selection:complete";
}

/// Pages of a table asked for at once while downloading (beside the one being written).
const PAGES_IN_FLIGHT: usize = 2;

/// Pulls follow sync passes, but not more often than this.
const PULL_EVERY_MS: f64 = 30_000.0;

fn primed_key(store: &str) -> String {
    format!("primed:{store}")
}

/// How far a download is.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Progress {
    /// Rows written so far.
    pub records: u32,
    /// Tables finished.
    pub tables_done: usize,
    /// Tables in all.
    pub tables: usize,
}

/// The offline data context.
#[derive(Clone, Copy)]
pub struct OfflineData {
    /// Whether the device's copy can be used today.
    pub readiness: RwSignal<Readiness>,
    /// The day of the selection on the device.
    pub day: RwSignal<Option<String>>,
    /// While downloading.
    pub progress: RwSignal<Option<Progress>>,
    /// The last download's failure, in words.
    pub error: RwSignal<Option<String>>,
    /// Bumped whenever the stored rows changed, so pages can reload.
    pub changes: RwSignal<u64>,
    running: RwSignal<bool>,
    /// Asked to run again while running.
    again: RwSignal<bool>,
    /// A new selection was saved and its download has not started yet.
    changing: RwSignal<bool>,
    /// The selection changed: the next round downloads the selected tables in full.
    reprime: RwSignal<bool>,
    /// Downloads in a row the ERP answered "not now" (tables locked, busy): while not 0, the
    /// next one starts by itself after a wait.
    pub retries: RwSignal<u32>,
    /// That next one is waiting to start (one at a time, however many runs ended).
    resume_waiting: RwSignal<bool>,
    /// When the last download or pull ended (ms since the epoch).
    pulled_ms: RwSignal<f64>,
    /// The device's state has been read once since start-up (until then `readiness` is
    /// only a placeholder).
    known: RwSignal<bool>,
    /// What the browser erased of this seller's data since the last visit (offline/vanished.rs).
    pub vanished: RwSignal<Option<mascate_domain::offline::vanished::DeviceMark>>,
    /// The seller whose database was compared with the mark at this start.
    marked_for: RwSignal<Option<String>>,
    api: Api,
    session: SessionContext,
    connectivity: Connectivity,
}

impl OfflineData {
    /// Whether offline pages may show the stored selection (it is today's).
    pub fn usable(&self) -> bool {
        matches!(self.readiness.get_untracked(), Readiness::Ready | Readiness::Incomplete)
    }

    /// Re-reads the device's state (after sign-in, or when the day may have changed). The
    /// selection's day is compared with the ERP's today, on the ERP's clock.
    pub async fn refresh(self) {
        let Some(db) = self.db().await else { return };
        let day = db.meta(keys::DAY).await.ok().flatten();
        let complete = db.meta(keys::COMPLETE).await.ok().flatten().as_deref() == Some("1");
        let now = readiness(day.as_deref(), complete, &crate::erp_clock::today());
        if self.readiness.get_untracked() != now {
            self.readiness.set(now);
        }
        if self.day.get_untracked() != day {
            self.day.set(day);
        }
        self.known.set(true);
    }

    /// Waits until the device's state has been read at least once (a page opened by its
    /// address, offline, asks before the start-up read has finished).
    pub async fn settled(self) {
        if !self.known.get_untracked() {
            self.refresh().await;
        }
    }

    /// Brings the device's copy up to date with today's selection: a full download when the
    /// day changed or the last one did not finish, a diff of every table otherwise. Returns
    /// at once when a download is already running or the app is offline.
    pub fn prepare(self) {
        leptos::task::spawn_local(self.run());
    }

    /// As [`OfflineData::prepare`], waiting for the end.
    pub async fn run(self) {
        if self.running.get_untracked() {
            // Something changed while downloading (a new selection): go round once more.
            self.again.set(true);
            return;
        }
        if !self.connectivity.online_untracked() {
            return;
        }
        self.running.set(true);
        let seller = self.session.seller().unwrap_or_default();
        loop {
            self.again.set(false);
            self.error.set(None);
            self.forget_selected_if_changed().await;
            // One tab downloads at a time; another tab's download is as good as this one's.
            let result = crate::device::tabs::exclusively(&format!("mascate-download-{seller}"), self.download())
                .await
                .unwrap_or(Ok(()));
            self.pulled_ms.set(crate::api::now_ms());
            match result {
                Ok(()) => {
                    self.retries.set(0);
                    crate::device::tabs::announce(&seller);
                    space::request_persistence();
                }
                Err(ApiError::Unreachable) | Err(ApiError::SignedOut) | Err(ApiError::NoExtension) => {}
                Err(ApiError::Server { status, message, .. }) => {
                    self.retries.update(|n| *n = if answer_is_temporary(status) { *n + 1 } else { 0 });
                    self.error.set(Some(message))
                }
                Err(ApiError::Malformed(message)) => self.error.set(Some(message)),
            }
            let go_on = || self.again.get_untracked() && self.connectivity.online_untracked();
            if go_on() {
                continue;
            }
            // The device's state is re-read before the download is said to be over, so the
            // status goes from downloading straight to ready (not through "incomplete").
            self.refresh().await;
            if !go_on() {
                break;
            }
        }
        self.running.set(false);
        self.progress.set(None);
        // "Not now" from the ERP: the download resumes by itself, with the sends' backoff.
        let retries = self.retries.get_untracked();
        if retries > 0 && !self.resume_waiting.get_untracked() {
            self.resume_waiting.set(true);
            let wait = std::time::Duration::from_millis(backoff_ms(retries, js_sys::Math::random()) as u64);
            let resume = move || {
                self.resume_waiting.set(false);
                self.prepare();
            };
            set_timeout(resume, wait);
        }
    }

    /// Brings the device's copy up to date now, however recent the last pull ("sync now", a
    /// contact saved): a diff of today's selection, or the rest of an unfinished download.
    pub fn pull_now(self) {
        if matches!(self.readiness.get_untracked(), Readiness::Ready | Readiness::Incomplete) {
            self.prepare();
        }
    }

    /// Removes this seller's data from the device. Refused while any document is still on its
    /// way (the caller offers it only then, and this checks again).
    pub async fn remove_device_data(self) -> Result<(), String> {
        let db = self.db().await.ok_or_else(String::new)?;
        let outbox = db.outbox().await.map_err(|e| e.to_string())?;
        let task_writes = db.task_writes().await.map_err(|e| e.to_string())?;
        if outbox.iter().any(|e| e.state.is_unfinished()) || !task_writes.is_empty() {
            return Err("pending".into());
        }
        db.wipe().await.map_err(|e| e.to_string())?;
        self.forget_mark();
        self.changes.update(|n| *n += 1);
        self.refresh().await;
        Ok(())
    }

    /// Whether a download is under way, or about to start (a new selection was saved), from
    /// its first request on: its progress only shows once the first table is asked for.
    pub fn downloading(&self) -> bool {
        self.running.get() || self.changing.get()
    }

    /// Whether the device's copy is today's, complete, and nothing is downloading.
    pub fn ready(&self) -> bool {
        self.readiness.get() == Readiness::Ready && !self.downloading()
    }

    /// The rep saved a new selection: the ERP sends no tombstones for records taken out of
    /// a filter, so the selected tables are downloaded again in full.
    pub fn selection_changed(self) {
        // Not ready from this moment, before anything is awaited (a refresh running now
        // would still read the old "complete").
        self.readiness.set(Readiness::Incomplete);
        self.changing.set(true);
        leptos::task::spawn_local(self.download_again());
    }

    async fn download_again(self) {
        // Forgotten by the download itself, between two rounds: a round already under way
        // would otherwise mark the tables done with the old filters when it ends, and the
        // round after it would only ask for what changed since (issue 25's finding: a
        // product chosen while the customers' download ran never came).
        self.reprime.set(true);
        // Starts a download, or makes the one under way go round again.
        self.run().await;
        self.changing.set(false);
    }

    /// Forgets that the selected tables were downloaded today, when the selection changed.
    async fn forget_selected_if_changed(self) {
        if !self.reprime.get_untracked() {
            return;
        }
        self.reprime.set(false);
        if let Some(db) = self.db().await {
            let mut forget: Vec<String> = TABLES.iter().filter(|t| t.selected).map(|t| primed_key(t.store)).collect();
            forget.push(keys::COMPLETE.into());
            let _ = db.clear(&[], &forget).await;
        }
    }

    async fn db(&self) -> Option<std::rc::Rc<Storage>> {
        let seller = self.session.seller()?;
        storage::for_seller(&seller).await.ok()
    }
}

/// Provides the context and keeps the copy current: on sign-in, whenever the connection
/// comes back, and after each sync pass.
pub fn provide_offline() -> OfflineData {
    let data = OfflineData {
        readiness: RwSignal::new(Readiness::NoSelection),
        day: RwSignal::new(None),
        progress: RwSignal::new(None),
        error: RwSignal::new(None),
        changes: RwSignal::new(0),
        running: RwSignal::new(false),
        again: RwSignal::new(false),
        changing: RwSignal::new(false),
        reprime: RwSignal::new(false),
        retries: RwSignal::new(0),
        resume_waiting: RwSignal::new(false),
        pulled_ms: RwSignal::new(0.0),
        known: RwSignal::new(false),
        vanished: RwSignal::new(None),
        marked_for: RwSignal::new(None),
        api: use_api(),
        session: use_session(),
        connectivity: use_connectivity(),
    };
    provide_context(data);
    let seller = Memo::new(move |_| data.session.identity.with(|i| i.as_ref().map(|i| i.seller_code.clone())));
    // Another tab downloaded or synced: re-read the device. One listener per seller.
    crate::device::tabs::follow_seller(seller, move |s| {
        crate::device::tabs::on_announce(s, move || {
            leptos::task::spawn_local(async move {
                data.refresh().await;
                data.changes.update(|n| *n += 1);
            });
        })
    });
    // On sign-in, and whenever the ERP can be reached again.
    Effect::new(move |was: Option<(bool, Option<String>)>| {
        let now = (data.connectivity.online(), seller.get());
        if was.as_ref().is_some_and(|w| w.1 != now.1) {
            // Another rep: nothing is known of their device state yet.
            data.known.set(false);
            data.marked_for.set(None);
            data.vanished.set(None);
        }
        if now.1.is_some() && was.as_ref() != Some(&now) {
            leptos::task::spawn_local(async move {
                data.refresh().await;
                // Before anything is downloaded into a database the browser may have erased.
                data.check_vanished().await;
                data.run().await;
            });
        }
        now
    });
    // After each sync pass (every minute while online): push first, then pull.
    let sync = crate::device::sync::use_sync();
    vanished::keep_mark(data, sync);
    Effect::watch(
        move || sync.last_run_ms.get(),
        move |_, _, _| {
            leptos::task::spawn_local(async move {
                // The day may have turned since the last pass.
                data.refresh().await;
                // The rep's "sync now" pulls whatever the time since the last pull.
                if sync.take_pull_request() {
                    data.pull_now();
                    return;
                }
                let due = crate::api::now_ms() - data.pulled_ms.get_untracked() >= PULL_EVERY_MS;
                if due && data.readiness.get_untracked() == Readiness::Ready {
                    data.run().await;
                }
            });
        },
        false,
    );
    data
}

pub fn use_offline() -> OfflineData {
    expect_context::<OfflineData>()
}
