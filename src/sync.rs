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

use leptos::prelude::*;
use mascate_domain::outbox::SendState;

use crate::api::{now_ms, use_api, Api, ApiError};
use crate::connectivity::{use_connectivity, Connectivity};
use crate::prefs;
use crate::session::{use_session, SessionContext};
use crate::storage;

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
    /// When the last pass ended (ms since the epoch).
    pub last_run_ms: RwSignal<Option<f64>>,
    /// Bumped after every pass that changed something, so pages can reload.
    pub changes: RwSignal<u64>,
    running: RwSignal<bool>,
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
        let Some(seller) = self.session.current.get_untracked().map(|s| s.seller_code) else { return };
        self.running.set(true);
        // One tab syncs at a time; the others only re-read the device.
        let outcome = crate::tabs::exclusively(&format!("mascate-sync-{seller}"), self.pass(&seller)).await;
        let changed = outcome.unwrap_or(false);
        if changed {
            crate::tabs::announce(&seller);
        }
        // Following documents the ERP has in hand is the syncing tab's job.
        let in_flight = self.recount(&seller).await && outcome.is_some();
        self.running.set(false);
        self.last_run_ms.set(Some(now_ms()));
        if changed {
            self.changes.update(|n| *n += 1);
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

    /// Returns whether anything changed.
    async fn pass(self, seller: &str) -> bool {
        let Ok(db) = storage::for_seller(seller).await else { return false };
        let entries = db.outbox().await.unwrap_or_default();
        let mut changed = false;
        for mut e in entries.into_iter().filter(|e| e.seller == seller) {
            if !self.connectivity.online_untracked() {
                break;
            }
            let now = now_ms();
            let mut dirty = false;
            if e.due(now) {
                match self.api.queue_draft(&e.draft).await {
                    Ok(_) => e.sent(now_ms()),
                    Err(ApiError::Unreachable) => e.unreachable(now_ms(), js_sys::Math::random()),
                    // The session is over: everything waits for the next sign-in.
                    Err(ApiError::SignedOut) => break,
                    Err(ApiError::Server { message, .. }) | Err(ApiError::Malformed(message)) => {
                        e.state = SendState::Error;
                        e.error = message;
                    }
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
        changed
    }

    /// Re-reads the pending and refused counts from the device; returns whether the ERP
    /// still has some of this seller's documents in hand.
    async fn recount(self, seller: &str) -> bool {
        let Ok(db) = storage::for_seller(seller).await else { return false };
        let all = db.outbox().await.unwrap_or_default();
        let mine = all.iter().filter(|e| e.seller == seller);
        self.pending.set(mine.clone().filter(|e| e.state.is_unfinished() && e.state != SendState::Error).count());
        self.errors.set(mine.clone().filter(|e| e.state == SendState::Error).count());
        mine.into_iter().any(|e| e.in_flight())
    }
}

/// Starts the engine and provides it.
pub fn provide_sync() -> SyncEngine {
    let engine = SyncEngine {
        pending: RwSignal::new(0),
        errors: RwSignal::new(0),
        last_run_ms: RwSignal::new(None),
        changes: RwSignal::new(0),
        running: RwSignal::new(false),
        api: use_api(),
        session: use_session(),
        connectivity: use_connectivity(),
    };
    provide_context(engine);
    // On sign-in: count what waits on the device; and when another tab synced, show what
    // it changed.
    Effect::new(move |_| {
        if let Some(seller) = engine.session.current.with(|s| s.as_ref().map(|s| s.seller_code.clone())) {
            // The counts of the device's documents, online or not, from the first screen.
            let first = seller.clone();
            leptos::task::spawn_local(async move {
                engine.recount(&first).await;
            });
            let me = seller.clone();
            crate::tabs::on_announce(&seller, move || {
                let me = me.clone();
                leptos::task::spawn_local(async move {
                    engine.recount(&me).await;
                    engine.changes.update(|n| *n += 1);
                });
            });
        }
    });
    // On sign-in and whenever the connection comes back.
    Effect::new(move |was_online: Option<bool>| {
        let online = engine.connectivity.online();
        let signed_in = engine.session.current.with(Option::is_some);
        if online && signed_in && was_online != Some(true) {
            engine.kick();
        }
        online
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
