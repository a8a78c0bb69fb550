//! Noticing at start that the browser erased this seller's database since the last visit
//! (the rule and its limits: `mascate_domain::offline::vanished`): a mark of what the device
//! held is kept in `localStorage` and compared with the database once per seller and start,
//! before anything is downloaded into it.

use leptos::prelude::*;
use mascate_domain::offline::vanished::{vanished, DeviceMark};

use super::{keys as meta, OfflineData};
use crate::prefs::{self, keys};

impl OfflineData {
    /// Compares the mark with the database, once per seller and start; what vanished is
    /// then in [`OfflineData::vanished`]. Marks are written only after this has run, so the
    /// mark compared is the last visit's.
    pub(super) async fn check_vanished(self) {
        let Some(seller) = self.session.seller() else { return };
        if self.marked_for.get_untracked().as_deref() == Some(seller.as_str()) {
            return;
        }
        let Some(db) = self.db().await else { return };
        let mark = prefs::get(&keys::device_mark(&seller)).and_then(|m| DeviceMark::decode(&m));
        let day = db.meta(meta::DAY).await.ok().flatten();
        let Ok(outbox) = db.outbox().await else { return };
        let lost = vanished(mark.as_ref(), day.as_deref(), outbox.len());
        if lost.is_some() {
            tracing_vanished(&seller);
        }
        self.vanished.set(lost);
        self.marked_for.set(Some(seller));
    }

    /// The rep read the notice.
    pub fn dismiss_vanished(self) {
        self.vanished.set(None);
    }

    /// Forgets the mark (the rep removed the device's data on purpose).
    pub(super) fn forget_mark(self) {
        if let Some(seller) = self.session.seller() {
            prefs::remove(&keys::device_mark(&seller));
        }
    }
}

/// Keeps the mark in step with the device: its copy's day and the documents not yet accepted.
pub(super) fn keep_mark(data: OfflineData, sync: crate::device::sync::SyncEngine) {
    Effect::new(move |_| {
        let Some(seller) = data.marked_for.get() else { return };
        let mark = DeviceMark { day: data.day.get(), unsent: sync.on_device() };
        prefs::set(&keys::device_mark(&seller), &mark.encode());
    });
}

fn tracing_vanished(seller: &str) {
    web_sys::console::warn_1(
        &format!("Mascate: seller {seller}'s data on this device was erased since the last visit").into(),
    );
}
