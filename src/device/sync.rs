//! The sync engine's push side: documents written on this device go to the ERP's queue
//! under their own external id, and are followed until the ERP accepts or refuses them
//! (see `docs/sync.md`). It runs every minute while online, right after a document is
//! saved, when the connection comes back, and when the rep asks ("sync now").
//!
//! ```ignore
//! let sync = use_sync();
//! sync.run().await;           // one pass; a pass already running makes this a no-op
//! view! { <p>{move || sync.pending.get()}</p> }
//! ```

mod documents;
mod safety_net;
mod tasks;

use leptos::prelude::*;
use mascate_domain::outbox::SendState;

pub use safety_net::ImportFailure;

use crate::api::{now_ms, use_api, Api, ApiError};
use crate::connectivity::{use_connectivity, Connectivity};
use crate::device::storage;
use crate::prefs;
use crate::session::{use_session, SessionContext};

/// How often the engine runs while online, unless `mascate.sync.interval_s` says otherwise.
pub const DEFAULT_INTERVAL_S: u64 = 60;
/// How soon to ask again about documents the ERP is processing.
const FOLLOW_MS: u64 = 1_500;

/// The engine's state, shared with the pages.
#[derive(Clone, Copy)]
pub struct SyncEngine {
    /// Documents still on their way (not yet accepted, not refused).
    pub pending: RwSignal<usize>,
    /// Documents the ERP refused, waiting for the rep.
    pub errors: RwSignal<usize>,
    /// Task writes (a task, a status, a note) still on their way.
    pub task_pending: RwSignal<usize>,
    /// Task writes the ERP refused, kept with its words until the rep writes again.
    pub task_errors: RwSignal<usize>,
    /// When the last pass ended (ms since the epoch).
    pub last_run_ms: RwSignal<Option<f64>>,
    /// Bumped after every pass that changed something, so pages can reload.
    pub changes: RwSignal<u64>,
    running: RwSignal<bool>,
    /// The next pass is a fresh start (sign-in, reconnection): pending documents go at once,
    /// whatever their wait after earlier failures.
    fresh: RwSignal<bool>,
    /// The rep asked while a pass was running: another one follows it.
    rerun: RwSignal<bool>,
    /// The rep asked: the pull after this pass does not wait for its minimum interval.
    pull_asked: RwSignal<bool>,
    api: Api,
    session: SessionContext,
    connectivity: Connectivity,
}

impl SyncEngine {
    /// One pass over this seller's outbox. Returns at once if a pass is already running.
    pub async fn run(self) {
        if self.running.get_untracked() {
            return;
        }
        let Some(seller) = self.session.seller() else { return };
        self.running.set(true);
        // One tab syncs at a time; the others only re-read the device.
        let outcome = crate::device::tabs::exclusively(&format!("mascate-sync-{seller}"), self.pass(&seller)).await;
        let changed = outcome.unwrap_or(false);
        if changed {
            crate::device::tabs::announce(&seller);
        }
        // Following documents the ERP has in hand is the syncing tab's job.
        let in_flight = self.recount(&seller).await && outcome.is_some();
        self.running.set(false);
        self.last_run_ms.set(Some(now_ms()));
        if changed {
            self.changes.update(|n| *n += 1);
        }
        if self.rerun.get_untracked() {
            self.rerun.set(false);
            self.kick();
            return;
        }
        // The ERP is working on some: ask again soon rather than at the next minute.
        if in_flight && self.connectivity.online_untracked() {
            set_timeout(move || self.kick(), std::time::Duration::from_millis(FOLLOW_MS));
        }
    }

    /// Starts a pass without waiting for it.
    pub fn kick(self) {
        leptos::task::spawn_local(self.run());
    }

    /// A write was just saved on the device: a pass sends it now, or the one that follows
    /// the pass under way.
    pub async fn send_saved(self) {
        if self.running.get_untracked() {
            self.rerun.set(true);
        } else {
            self.run().await;
        }
    }

    /// Starts a pass that sends every pending document now (see `OutboxEntry::due_on`).
    pub fn kick_fresh(self) {
        self.fresh.set(true);
        self.kick();
    }

    /// The rep's "sync now": every pending document goes now and the device's copy is pulled,
    /// however recent the last pass. Asked during a pass, another one follows it, so a tap is
    /// never lost.
    pub fn sync_now(self) {
        self.pull_asked.set(true);
        self.fresh.set(true);
        if self.running.get_untracked() {
            self.rerun.set(true);
        } else {
            self.kick();
        }
    }

    /// Everything of the rep's still on its way: documents and task writes (tracked).
    pub fn waiting(&self) -> usize {
        self.pending.get() + self.task_pending.get()
    }

    /// Everything the ERP refused and the rep has to look at (tracked).
    pub fn refused(&self) -> usize {
        self.errors.get() + self.task_errors.get()
    }

    /// Whatever exists only on this device, waiting or refused: signing out warns and the
    /// device's data cannot be removed while it is not zero (tracked).
    pub fn on_device(&self) -> usize {
        self.waiting() + self.refused()
    }

    /// [`Self::on_device`] without tracking.
    pub fn on_device_untracked(&self) -> usize {
        leptos::prelude::untrack(|| self.on_device())
    }

    /// Whether a pass is running (the "sync now" button says so).
    pub fn busy(&self) -> bool {
        self.running.get() || self.rerun.get()
    }

    /// Whether the rep asked for a pull with the last pass (asked once: this clears it).
    pub fn take_pull_request(self) -> bool {
        let asked = self.pull_asked.get_untracked();
        if asked {
            self.pull_asked.set(false);
        }
        asked
    }

    /// Returns whether anything changed.
    async fn pass(self, seller: &str) -> bool {
        let Ok(db) = storage::for_seller(seller).await else { return false };
        let entries = db.outbox().await.unwrap_or_default();
        let fresh = self.fresh.get_untracked();
        self.fresh.set(false);
        let mut changed = false;
        for mut e in entries.into_iter().filter(|e| e.seller == seller) {
            if !self.connectivity.online_untracked() {
                break;
            }
            let now = now_ms();
            let mut dirty = false;
            if e.due_on(now, fresh) {
                match self.api.queue_draft(&e.draft).await {
                    Ok(_) => e.sent(now_ms()),
                    Err(ApiError::Unreachable) => e.unreachable(now_ms(), js_sys::Math::random()),
                    // The session is over: everything waits for the next sign-in.
                    Err(ApiError::SignedOut) => break,
                    // "Not now" (busy, locked, out of space) goes again by itself; a refusal waits.
                    Err(ApiError::Server { status, message, .. }) => {
                        e.answered(now_ms(), js_sys::Math::random(), status, message)
                    }
                    Err(ApiError::Malformed(message)) => e.rejected(now_ms(), None, message),
                    // Not a Mascate path: never answered so.
                    Err(ApiError::NoExtension) => e.unreachable(now_ms(), js_sys::Math::random()),
                }
                dirty = true;
            }
            if e.in_flight() {
                if let Ok(Some(row)) = self.api.queue_row(&e.external_id).await {
                    dirty |= e.follow(&row, now_ms());
                }
            }
            if dirty {
                changed = true;
                let _ = db.put_outbox(&e).await;
            }
        }
        changed | self.send_task_writes(&db, seller, fresh).await
    }

    /// Re-reads the pending and refused counts from the device; returns whether the ERP
    /// still has some of this seller's documents in hand.
    async fn recount(self, seller: &str) -> bool {
        let Ok(db) = storage::for_seller(seller).await else { return false };
        let all = db.outbox().await.unwrap_or_default();
        let mine = all.iter().filter(|e| e.seller == seller);
        self.pending.set(mine.clone().filter(|e| e.state.is_unfinished() && e.state != SendState::Error).count());
        self.errors.set(mine.clone().filter(|e| e.state == SendState::Error).count());
        let writes = db.task_writes().await.unwrap_or_default();
        let (refused, waiting): (Vec<_>, Vec<_>) =
            writes.iter().filter(|w| w.seller == seller).partition(|w| !w.error.is_empty());
        self.task_pending.set(waiting.len());
        self.task_errors.set(refused.len());
        mine.into_iter().any(|e| e.in_flight())
    }
}

impl SyncEngine {
    /// Saves a draft on the device (before anything else: from here on nothing is lost),
    /// then runs a pass that sends it when the ERP can be reached. Offline it simply waits.
    /// `customer_name` is kept with the device's copy (the device's documents list by name;
    /// an empty one keeps the name saved before). Returns the saved entry's external id.
    pub async fn submit(
        self,
        draft: mascate_domain::document::Draft,
        customer_name: String,
    ) -> Result<String, SubmitError> {
        let seller = self.session.seller().ok_or(SubmitError::SignedOut)?;
        let db = storage::for_seller(&seller).await.map_err(SubmitError::Storage)?;
        let entry = match db.outbox_entry(&draft.external_id).await {
            Ok(Some(mut existing)) => {
                existing.edited(draft, now_ms());
                existing
            }
            _ => mascate_domain::outbox::OutboxEntry::new(&seller, draft, now_ms()),
        };
        let mut entry = entry;
        entry.written_offline |= !self.connectivity.online_untracked();
        if !customer_name.trim().is_empty() {
            entry.customer_name = customer_name;
        }
        db.put_outbox(&entry).await.map_err(SubmitError::Storage)?;
        self.run().await;
        Ok(entry.external_id)
    }
}

/// A new external id for a draft: a UUID made on the device, its identity for life
/// (`docs/sync.md`, rule 1).
pub fn new_external_id() -> String {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.random_uuid())
        .unwrap_or_else(|| format!("mascate-{}", now_ms() as u64))
}

/// Why a draft could not be saved.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SubmitError {
    #[error("no one is signed in")]
    SignedOut,
    #[error("the device refused the write: {0}")]
    Storage(storage::StorageError),
}

/// Starts the engine and provides it.
pub fn provide_sync() -> SyncEngine {
    let engine = SyncEngine {
        pending: RwSignal::new(0),
        errors: RwSignal::new(0),
        task_pending: RwSignal::new(0),
        task_errors: RwSignal::new(0),
        last_run_ms: RwSignal::new(None),
        changes: RwSignal::new(0),
        running: RwSignal::new(false),
        fresh: RwSignal::new(false),
        rerun: RwSignal::new(false),
        pull_asked: RwSignal::new(false),
        api: use_api(),
        session: use_session(),
        connectivity: use_connectivity(),
    };
    provide_context(engine);
    let seller = Memo::new(move |_| engine.session.identity.with(|i| i.as_ref().map(|i| i.seller_code.clone())));
    // On sign-in: the counts of the device's documents, online or not, from the first screen.
    Effect::new(move |_| {
        if let Some(seller) = seller.get() {
            leptos::task::spawn_local(async move {
                engine.recount(&seller).await;
            });
        }
    });
    // When another tab synced, show what it changed. One listener per seller.
    crate::device::tabs::follow_seller(seller, move |me| {
        let me = me.to_string();
        crate::device::tabs::on_announce(&me.clone(), move || {
            let me = me.clone();
            leptos::task::spawn_local(async move {
                engine.recount(&me).await;
                engine.changes.update(|n| *n += 1);
            });
        })
    });
    // Whenever the ERP can be reached by a signed-in seller again: after a sign-in (also the
    // one that ends an expired session), and when the connection comes back.
    Effect::new(move |was: Option<(bool, Option<String>)>| {
        let now = (engine.connectivity.online(), seller.get());
        if now.0 && now.1.is_some() && was.as_ref() != Some(&now) {
            engine.kick_fresh();
        }
        now
    });
    let every =
        prefs::get(prefs::keys::SYNC_INTERVAL).and_then(|s| s.parse().ok()).unwrap_or(DEFAULT_INTERVAL_S).max(5);
    let _ = set_interval_with_handle(
        move || {
            if engine.connectivity.online_untracked() {
                engine.kick();
            }
        },
        std::time::Duration::from_secs(every),
    );
    engine
}

pub fn use_sync() -> SyncEngine {
    expect_context::<SyncEngine>()
}
