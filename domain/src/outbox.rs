//! A document on its way to the ERP: the draft, its external id, and where it is. The
//! device keeps one entry per external id until the ERP has accepted the document, so
//! nothing typed is lost, whatever happens to the connection or the tab.
//!
//! ```
//! use mascate_domain::outbox::{OutboxEntry, SendState};
//! use mascate_domain::document::{Draft, DocumentKind};
//! use mascate_domain::contract::QueueRow;
//! let mut e = OutboxEntry::new("000001", Draft::new(DocumentKind::Order, "ext-1"), 0.0);
//! e.follow(&QueueRow { id: "ext-1".into(), status: "2".into(), document_number: "000777".into(), ..Default::default() }, 1.0);
//! assert_eq!(e.state, SendState::Synced);
//! assert_eq!(e.draft.erp_number, "000777");
//! ```

use serde::{Deserialize, Serialize};

use crate::contract::{answer_is_temporary, QueueRow};
use crate::document::Draft;

mod log;
pub mod transfer;

pub use log::{record, LogEntry, LogEvent, MAX_ENTRIES};

/// Where a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum SendState {
    /// Saved on the device, not yet sent.
    #[default]
    Pending,
    /// Handed to the ERP's queue, waiting there.
    Queued,
    /// The ERP is processing it.
    Processing,
    /// Accepted: the ERP gave it a number.
    Synced,
    /// Refused by the ERP, with the reason; fix and send again.
    Error,
}

impl SendState {
    /// Still the device's responsibility (must not be discarded).
    pub fn is_unfinished(self) -> bool {
        !matches!(self, SendState::Synced)
    }
}

/// A document and its journey.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct OutboxEntry {
    /// The key in IndexedDB; the same as the draft's.
    pub external_id: String,
    /// Whose it is: never sent under another seller's token.
    pub seller: String,
    pub draft: Draft,
    pub state: SendState,
    /// The ERP's refusal, in its words.
    pub error: String,
    /// A delete was asked for (sent through the queue like any write).
    pub delete: bool,
    /// Milliseconds since the epoch of the last change.
    pub updated_ms: f64,
    /// Sends that failed for want of a network, since the last success or edit.
    pub attempts: u32,
    /// Not to be sent again before this time (ms since the epoch); 0: at once.
    pub next_attempt_ms: f64,
    /// Written (or last edited) while offline: the offline lists show these.
    pub written_offline: bool,
    /// The customer's (or prospect's) name, so the device's lists say who it is for.
    pub customer_name: String,
    /// Every save, send attempt and answer, oldest first.
    pub log: Vec<LogEntry>,
}

/// The first wait after a failed send; it doubles up to [`MAX_BACKOFF_MS`].
pub const FIRST_BACKOFF_MS: f64 = 2_000.0;
/// The longest wait between two sends.
pub const MAX_BACKOFF_MS: f64 = 5.0 * 60_000.0;

/// The wait after `attempts` failures: exponential, capped, and spread by `jitter` in
/// `[0, 1)` to between half and the whole of it, so many tablets coming back online at
/// once do not all knock together.
pub fn backoff_ms(attempts: u32, jitter: f64) -> f64 {
    let full = (FIRST_BACKOFF_MS * 2f64.powi(attempts.saturating_sub(1).min(20) as i32)).min(MAX_BACKOFF_MS);
    full * (0.5 + 0.5 * jitter.clamp(0.0, 1.0))
}

impl OutboxEntry {
    pub fn new(seller: impl Into<String>, draft: Draft, now_ms: f64) -> OutboxEntry {
        OutboxEntry {
            external_id: draft.external_id.clone(),
            seller: seller.into(),
            draft,
            state: SendState::Pending,
            error: String::new(),
            delete: false,
            updated_ms: now_ms,
            attempts: 0,
            next_attempt_ms: 0.0,
            written_offline: false,
            customer_name: String::new(),
            log: vec![LogEntry { at_ms: now_ms, event: LogEvent::Saved, detail: String::new() }],
        }
    }

    /// Whether the sync engine should send it now: still only on the device, and its wait
    /// after a failed send (if any) is over. Refused documents wait for the rep.
    pub fn due(&self, now_ms: f64) -> bool {
        self.state == SendState::Pending && now_ms >= self.next_attempt_ms
    }

    /// As [`OutboxEntry::due`], on a fresh start: the rep just signed in, or the connection
    /// just came back. The wait after earlier failures protected a network that was down; it
    /// says nothing about this one, so a pending document goes at once.
    pub fn due_on(&self, now_ms: f64, fresh_start: bool) -> bool {
        self.due(now_ms) || (fresh_start && self.state == SendState::Pending)
    }

    /// Whether the engine should ask the ERP how it is going.
    pub fn in_flight(&self) -> bool {
        matches!(self.state, SendState::Queued | SendState::Processing)
    }

    /// A send failed for want of a network: wait before the next one.
    pub fn unreachable(&mut self, now_ms: f64, jitter: f64) {
        self.retry_later(now_ms, jitter, LogEvent::Unreachable, String::new());
    }

    /// A send that did not go through and goes again by itself: counted, waited for, logged.
    fn retry_later(&mut self, now_ms: f64, jitter: f64, event: LogEvent, detail: String) {
        self.attempts += 1;
        self.next_attempt_ms = now_ms + backoff_ms(self.attempts, jitter);
        record(&mut self.log, now_ms, event, detail);
    }

    /// The ERP answered the send "not now" ([`answer_is_temporary`]): it stays pending and
    /// goes again after the same wait as a send that got no answer; the answer, in the ERP's
    /// words, goes into its journey. Nothing for the rep to fix, so it does not wait for them.
    pub fn deferred(&mut self, now_ms: f64, jitter: f64, status: u16, message: &str) {
        self.retry_later(now_ms, jitter, LogEvent::Deferred, format!("HTTP {status}: {message}"));
    }

    /// The ERP's last "not now", in its words, while the document waits to go again.
    pub fn deferred_answer(&self) -> Option<&str> {
        let last = self.log.last().filter(|l| l.event == LogEvent::Deferred)?;
        (self.state == SendState::Pending).then_some(last.detail.as_str())
    }

    /// The ERP answered the send with an error: temporary ones are [`OutboxEntry::deferred`];
    /// the others (`status`, its words) wait for the rep.
    pub fn answered(&mut self, now_ms: f64, jitter: f64, status: u16, message: String) {
        if answer_is_temporary(status) {
            self.deferred(now_ms, jitter, status, &message);
        } else {
            self.rejected(now_ms, Some(status), message);
        }
    }

    /// The ERP answered the send with an error (`status`, its words): it waits for the rep.
    pub fn rejected(&mut self, now_ms: f64, status: Option<u16>, message: String) {
        self.state = SendState::Error;
        let detail = match status {
            Some(s) => format!("HTTP {s}: {message}"),
            None => message.clone(),
        };
        self.error = message;
        self.updated_ms = now_ms;
        record(&mut self.log, now_ms, LogEvent::Rejected, detail);
    }

    /// The queue took it (POST/PUT answered 2xx).
    pub fn sent(&mut self, now_ms: f64) {
        record(&mut self.log, now_ms, LogEvent::Sent, String::new());
        self.state = SendState::Queued;
        self.error.clear();
        self.attempts = 0;
        self.next_attempt_ms = 0.0;
        self.updated_ms = now_ms;
    }

    /// Follows the ERP's queue row for this id (§10.3): 0 waiting, 1 processing, 2 done,
    /// 3 error. Returns whether anything changed.
    pub fn follow(&mut self, row: &QueueRow, now_ms: f64) -> bool {
        if row.id != self.external_id {
            return false;
        }
        let before = (self.state, self.error.clone(), self.draft.erp_number.clone());
        match row.status.trim() {
            "0" => self.state = SendState::Queued,
            "1" => self.state = SendState::Processing,
            "2" => {
                self.state = SendState::Synced;
                self.error.clear();
                if !row.document_number.is_empty() {
                    self.draft.erp_number = row.document_number.clone();
                }
            }
            "3" => {
                self.state = SendState::Error;
                self.error = row.error.clone();
            }
            _ => return false,
        }
        let changed = before != (self.state, self.error.clone(), self.draft.erp_number.clone());
        if changed {
            self.updated_ms = now_ms;
            let (event, detail) = match self.state {
                SendState::Queued => (LogEvent::Waiting, String::new()),
                SendState::Processing => (LogEvent::Processing, String::new()),
                SendState::Synced => (LogEvent::Accepted, self.draft.erp_number.clone()),
                _ => (LogEvent::Refused, self.error.clone()),
            };
            record(&mut self.log, now_ms, event, detail);
        }
        changed
    }

    /// The rep changed the draft after an error (or before sending): it goes out again
    /// under the same external id.
    pub fn edited(&mut self, draft: Draft, now_ms: f64) {
        debug_assert_eq!(draft.external_id, self.external_id);
        self.draft = draft;
        self.state = SendState::Pending;
        self.attempts = 0;
        self.next_attempt_ms = 0.0;
        self.updated_ms = now_ms;
        record(&mut self.log, now_ms, LogEvent::Edited, String::new());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::DocumentKind;

    fn row(status: &str) -> QueueRow {
        QueueRow { id: "e1".into(), status: status.into(), ..Default::default() }
    }

    #[test]
    fn follows_the_queue_to_done_or_error() {
        let mut e = OutboxEntry::new("000001", Draft::new(DocumentKind::Order, "e1"), 0.0);
        assert_eq!(e.state, SendState::Pending);
        e.sent(1.0);
        assert_eq!(e.state, SendState::Queued);
        assert!(e.follow(&row("1"), 2.0));
        assert_eq!(e.state, SendState::Processing);
        assert!(!e.follow(&row("1"), 3.0), "no change, no update");
        assert_eq!(e.updated_ms, 2.0);
        let mut refused = row("3");
        refused.error = "A410VZ - TES".into();
        assert!(e.follow(&refused, 4.0));
        assert_eq!((e.state, e.error.as_str()), (SendState::Error, "A410VZ - TES"));
        assert!(e.state.is_unfinished());
        // Fixed and re-sent: same id, pending again, then done with the number.
        let mut draft = e.draft.clone();
        draft.notes = "fixed".into();
        e.edited(draft, 5.0);
        assert_eq!(e.state, SendState::Pending);
        let mut done = row("2");
        done.document_number = "000900".into();
        assert!(e.follow(&done, 6.0));
        assert_eq!((e.state, e.draft.erp_number.as_str(), e.error.as_str()), (SendState::Synced, "000900", ""));
        assert!(!e.state.is_unfinished());
        // The journey, in order, with the answers.
        use LogEvent::*;
        let events: Vec<(LogEvent, &str)> = e.log.iter().map(|l| (l.event, l.detail.as_str())).collect();
        assert_eq!(
            events,
            [(Saved, ""), (Sent, ""), (Processing, ""), (Refused, "A410VZ - TES"), (Edited, ""), (Accepted, "000900")]
        );
        assert_eq!(e.log.iter().map(|l| l.at_ms).collect::<Vec<_>>(), [0.0, 1.0, 2.0, 4.0, 5.0, 6.0]);
    }

    #[test]
    fn the_log_records_attempts_and_keeps_the_newest() {
        let mut e = OutboxEntry::new("000001", Draft::new(DocumentKind::Order, "e1"), 0.0);
        for i in 0..100 {
            e.unreachable(i as f64, 0.5);
        }
        assert_eq!(e.log.len(), MAX_ENTRIES);
        assert_eq!(e.log.last().unwrap().at_ms, 99.0);
        assert!(e.log.iter().all(|l| l.event == LogEvent::Unreachable));
        e.rejected(200.0, Some(400), "Cliente bloqueado".into());
        assert_eq!((e.state, e.error.as_str()), (SendState::Error, "Cliente bloqueado"));
        assert_eq!(e.log.last().unwrap().detail, "HTTP 400: Cliente bloqueado");
        // An entry saved by an older version (no log) still reads.
        let old: OutboxEntry = serde_json::from_str(r#"{"external_id":"x","seller":"000001"}"#).unwrap();
        assert!(old.log.is_empty());
    }

    #[test]
    fn failed_sends_back_off_and_a_success_resets() {
        assert_eq!(backoff_ms(1, 1.0), 2_000.0);
        assert_eq!(backoff_ms(2, 1.0), 4_000.0);
        assert_eq!(backoff_ms(3, 0.0), 4_000.0, "jitter spreads down to half");
        assert_eq!(backoff_ms(30, 1.0), MAX_BACKOFF_MS);
        let mut e = OutboxEntry::new("000001", Draft::new(DocumentKind::Order, "e1"), 0.0);
        assert!(e.due(0.0));
        e.unreachable(1_000.0, 1.0);
        assert!(!e.due(2_999.0) && e.due(3_000.0));
        e.unreachable(3_000.0, 1.0);
        assert!(!e.due(6_999.0) && e.due(7_000.0));
        assert!(e.due_on(3_001.0, true), "a sign-in or a reconnection sends at once");
        assert!(!e.due_on(3_001.0, false));
        e.sent(7_000.0);
        assert_eq!((e.attempts, e.next_attempt_ms), (0, 0.0));
        assert!(!e.due(7_000.0) && e.in_flight());
        let mut refused = row("3");
        refused.error = "A410VZ".into();
        e.follow(&refused, 8_000.0);
        assert!(!e.due(1e15) && !e.in_flight(), "a refusal waits for the rep");
        assert!(!e.due_on(1e15, true), "even after a sign-in");
    }

    #[test]
    fn ignores_other_rows_and_unknown_states() {
        let mut e = OutboxEntry::new("000001", Draft::new(DocumentKind::Order, "e1"), 0.0);
        let mut other = row("2");
        other.id = "e2".into();
        assert!(!e.follow(&other, 1.0));
        assert!(!e.follow(&row("9"), 1.0));
        assert_eq!(e.state, SendState::Pending);
    }

    #[test]
    fn a_busy_erp_is_asked_again_and_a_refusal_waits_for_the_rep() {
        for status in [408, 429, 500, 502, 503, 504, 507] {
            let mut e = OutboxEntry::new("000001", Draft::new(DocumentKind::Order, "e1"), 0.0);
            e.answered(1_000.0, 1.0, status, "Tabelas em modo exclusivo".into());
            assert_eq!(e.state, SendState::Pending, "{status} is not a refusal");
            assert_eq!((e.attempts, e.next_attempt_ms), (1, 1_000.0 + FIRST_BACKOFF_MS), "{status}");
            assert!(!e.due(1_500.0) && e.due(3_000.0), "{status}: sent again after the wait");
            assert!(e.error.is_empty(), "{status}: nothing for the rep to fix");
            assert_eq!(e.deferred_answer(), Some(&*format!("HTTP {status}: Tabelas em modo exclusivo")));
            let last = e.log.last().unwrap();
            assert_eq!(
                (last.event, last.detail.as_str()),
                (LogEvent::Deferred, &*format!("HTTP {status}: Tabelas em modo exclusivo"))
            );
            e.answered(3_000.0, 1.0, status, "again".into());
            assert_eq!(
                (e.attempts, e.next_attempt_ms),
                (2, 3_000.0 + 2.0 * FIRST_BACKOFF_MS),
                "{status}: the wait doubles"
            );
        }
        for status in [400, 403, 404, 409, 422, 501] {
            let mut e = OutboxEntry::new("000001", Draft::new(DocumentKind::Order, "e1"), 0.0);
            e.answered(1_000.0, 1.0, status, "Cliente bloqueado".into());
            assert_eq!((e.state, e.error.as_str()), (SendState::Error, "Cliente bloqueado"), "{status}");
            assert!(!e.due(1e15) && !e.due_on(1e15, true), "{status}: waits for the rep");
        }
    }
}
