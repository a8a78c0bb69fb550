//! A document's journey, as the rep can read it on the sent page: every save, send attempt
//! and answer, with its time. Kept on the device with the document (the last
//! [`MAX_ENTRIES`]), exported and imported with it.

use serde::{Deserialize, Serialize};

/// How many entries a document keeps (the newest).
pub const MAX_ENTRIES: usize = 60;

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum LogEvent {
    /// Saved on the device.
    #[default]
    Saved,
    /// Changed by the rep (goes out again under the same id).
    Edited,
    /// A send attempt the ERP's queue took.
    Sent,
    /// A send attempt that got no answer (no network, server down).
    Unreachable,
    /// A send attempt the ERP answered with an error.
    Rejected,
    /// A send attempt the ERP answered "not now" (busy, locked, out of space): sent again
    /// later by itself, the answer in `detail`.
    Deferred,
    /// The queue has it, waiting.
    Waiting,
    /// The ERP is processing it.
    Processing,
    /// Accepted, with its number in `detail`.
    Accepted,
    /// Refused by the ERP, its words in `detail`.
    Refused,
    /// Put into this device's outbox from an exported file.
    Imported,
}

/// One line of the journey.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct LogEntry {
    /// Milliseconds since the epoch.
    pub at_ms: f64,
    pub event: LogEvent,
    /// The answer or the number, when there is one.
    pub detail: String,
}

/// Appends to `log`, keeping the newest [`MAX_ENTRIES`].
pub fn record(log: &mut Vec<LogEntry>, at_ms: f64, event: LogEvent, detail: impl Into<String>) {
    log.push(LogEntry { at_ms, event, detail: detail.into() });
    if log.len() > MAX_ENTRIES {
        let extra = log.len() - MAX_ENTRIES;
        log.drain(..extra);
    }
}
