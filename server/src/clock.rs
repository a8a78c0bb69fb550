//! The server's clock: real time shifted by a configurable offset, so tests can move "today".

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

/// Shared, cheap to clone.
#[derive(Clone, Debug)]
pub struct Clock {
    offset_micros: Arc<AtomicI64>,
}

impl Clock {
    pub fn new(offset_secs: i64) -> Clock {
        Clock { offset_micros: Arc::new(AtomicI64::new(offset_secs * 1_000_000)) }
    }

    /// Microseconds since the epoch, offset applied.
    pub fn now_micros(&self) -> i64 {
        let real = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_micros() as i64).unwrap_or(0);
        real + self.offset_micros.load(Ordering::Relaxed)
    }

    /// Today's date on the server, `YYYY-MM-DD` (UTC, like `po_sync_date`).
    pub fn today(&self) -> String {
        mascate_domain::timestamp::date_of(self.now_micros())
    }

    /// Moves the clock (used by tests that cross midnight).
    pub fn set_offset_secs(&self, secs: i64) {
        self.offset_micros.store(secs * 1_000_000, Ordering::Relaxed);
    }
}
