//! The ERP's clock on this device: the offset between the ERP's time (the `po_sync_date` of
//! its answers) and the device's, learned at each answer and kept in `localStorage`, so the
//! ERP's day is known offline too. Today's selection, a new document's issue date and "not
//! in the past" are all judged on this one clock (`docs/sync.md`, rule 10).
//!
//! ```ignore
//! erp_clock::learn(&page.po_sync_date.unwrap_or_default());
//! let today = erp_clock::today(); // YYYY-MM-DD on the ERP's calendar
//! ```

use mascate_domain::offline::ErpClock;

use crate::api::now_ms;
use crate::prefs;

fn current() -> ErpClock {
    let offset_ms = prefs::get(prefs::keys::ERP_CLOCK_OFFSET).and_then(|v| v.parse().ok()).unwrap_or(0.0);
    ErpClock { offset_ms }
}

/// Learns the offset from an answer's `po_sync_date` (ignored if it does not parse).
pub fn learn(po_sync_date: &str) {
    if let Some(clock) = ErpClock::learn(po_sync_date, now_ms()) {
        // Whole seconds: the trip's milliseconds are noise, and a steady value is not rewritten.
        let offset = (clock.offset_ms / 1000.0).round() * 1000.0;
        if (offset - current().offset_ms).abs() >= 1000.0 {
            prefs::set(prefs::keys::ERP_CLOCK_OFFSET, &offset.to_string());
        }
    }
}

/// The ERP's date now, `YYYY-MM-DD`.
pub fn today() -> String {
    current().today(now_ms())
}

/// How far the ERP's clock is ahead of the device's, in ms (to show the ERP's times on the
/// device's clock).
pub fn offset_ms() -> f64 {
    current().offset_ms
}
