//! The rep's task writes waiting on the device: a task (new, or marked done) or a note,
//! each under the id the device made, so sending it again after a lost answer changes
//! nothing at the ERP (its PUTs are idempotent). One entry per task id and per note id: a
//! later edit of the same task replaces the entry before it is sent.
//!
//! ```
//! use mascate_domain::contract::agenda::TaskBody;
//! use mascate_domain::task::writes::TaskWrite;
//! let first = TaskWrite::task("000002", "t-1", TaskBody { status: "open".into(), ..Default::default() }, "", 1.0);
//! let done = TaskWrite::task("000002", "t-1", TaskBody { status: "done".into(), ..Default::default() }, "", 2.0);
//! let kept = done.replacing(Some(&first));
//! assert_eq!((kept.key.as_str(), kept.revision), ("task:t-1", 1));
//! ```

use serde::{Deserialize, Serialize};

use crate::contract::agenda::{Task, TaskBody, TaskNote};
use crate::contract::answer_is_temporary;
use crate::outbox::backoff_ms;

/// A write waiting on the device (the `task_writes` store, keyed by [`TaskWrite::key`]).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TaskWrite {
    /// `task:<task id>` or `note:<task id>/<note id>`.
    pub key: String,
    /// Whose it is: sent only under this seller's token.
    pub seller: String,
    pub task_id: String,
    /// A note's id; empty for a task.
    pub note_id: String,
    /// The whole task, for a task write.
    pub body: Option<TaskBody>,
    /// A note's text.
    pub text: String,
    /// The customer's name (a task made on the device shows it before the ERP has it).
    pub customer_name: String,
    /// Raised by every edit: a send removes the entry only if no edit came meanwhile.
    pub revision: u32,
    pub saved_ms: f64,
    /// Made on this device and not yet at the ERP: the rep may edit it offline.
    pub created_here: bool,
    /// The ERP's refusal, in its words (the entry then waits for the rep).
    pub error: String,
    pub attempts: u32,
    pub next_try_ms: f64,
}

impl TaskWrite {
    /// The key of a task's entry.
    pub fn task_key(task_id: &str) -> String {
        format!("task:{task_id}")
    }

    /// A task to create or replace.
    pub fn task(seller: &str, id: &str, body: TaskBody, customer_name: &str, now_ms: f64) -> TaskWrite {
        TaskWrite {
            key: Self::task_key(id),
            seller: seller.into(),
            task_id: id.into(),
            body: Some(body),
            customer_name: customer_name.into(),
            saved_ms: now_ms,
            ..Default::default()
        }
    }

    /// A note to add.
    pub fn note(seller: &str, task_id: &str, note_id: &str, text: &str, now_ms: f64) -> TaskWrite {
        TaskWrite {
            key: format!("note:{task_id}/{note_id}"),
            seller: seller.into(),
            task_id: task_id.into(),
            note_id: note_id.into(),
            text: text.trim().into(),
            saved_ms: now_ms,
            ..Default::default()
        }
    }

    /// Whether it is a note (sent after the tasks: a note of a task made here needs its task).
    pub fn is_note(&self) -> bool {
        !self.note_id.is_empty()
    }

    /// This write in place of `existing` (the same key, not yet sent): a new revision, sent
    /// at once, still the device's own if the first one was.
    pub fn replacing(mut self, existing: Option<&TaskWrite>) -> TaskWrite {
        if let Some(old) = existing {
            self.revision = old.revision + 1;
            self.created_here |= old.created_here;
            if self.customer_name.is_empty() {
                self.customer_name = old.customer_name.clone();
            }
        }
        self
    }

    /// Whether to send it now: not refused, and its wait after a failure is over (a fresh
    /// start — sign-in, reconnection — sends at once).
    pub fn due(&self, now_ms: f64, fresh: bool) -> bool {
        self.error.is_empty() && (fresh || now_ms >= self.next_try_ms)
    }

    /// No answer, or the ERP's "not now": tried again later, with the documents' backoff.
    pub fn failed(&mut self, now_ms: f64, jitter: f64) {
        self.attempts += 1;
        self.next_try_ms = now_ms + backoff_ms(self.attempts, jitter);
    }

    /// The ERP answered `status`: "not now" waits and goes again, anything else is a refusal
    /// kept with its words until the rep writes again.
    pub fn answered(&mut self, now_ms: f64, jitter: f64, status: u16, message: &str) {
        if answer_is_temporary(status) {
            self.failed(now_ms, jitter);
        } else {
            self.error = message.to_string();
        }
    }
}

/// `task` as the rep sees it with the writes still on the device: their status, subject
/// and notes, and their notes after the ERP's (a note the ERP already has is not repeated).
pub fn with_writes(mut task: Task, writes: &[TaskWrite]) -> Task {
    for w in writes.iter().filter(|w| w.task_id == task.id) {
        match &w.body {
            Some(b) => {
                task.subject = b.subject.clone();
                task.due_date = b.due_date.clone();
                task.status = b.status.clone();
                task.notes = b.notes.clone();
            }
            None if task.task_notes.iter().any(|n| n.id == w.note_id) => {}
            None => {
                task.task_notes.push(TaskNote {
                    task_id: w.task_id.clone(),
                    id: w.note_id.clone(),
                    text: w.text.clone(),
                    ..Default::default()
                });
                task.note_count += 1;
            }
        }
    }
    task
}

/// A task made on the device and not yet at the ERP, from its write.
pub fn made_here(w: &TaskWrite) -> Option<Task> {
    let b = w.body.as_ref()?;
    Some(Task {
        id: w.task_id.clone(),
        customer_code: b.customer_code.clone(),
        customer_store: b.customer_store.clone(),
        customer_name: w.customer_name.clone(),
        customer_trade_name: w.customer_name.clone(),
        subject: b.subject.clone(),
        due_date: b.due_date.clone(),
        status: b.status.clone(),
        notes: b.notes.clone(),
        ..Default::default()
    })
}

/// The device's tasks with the writes still on it: edits applied, tasks made here added.
pub fn tasks_with_writes(tasks: Vec<Task>, writes: &[TaskWrite]) -> Vec<Task> {
    let mut out: Vec<Task> = tasks.into_iter().map(|t| with_writes(t, writes)).collect();
    for w in writes.iter().filter(|w| !w.is_note()) {
        if !out.iter().any(|t| t.id == w.task_id) {
            if let Some(t) = made_here(w) {
                out.push(with_writes(t, writes));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(status: &str) -> TaskBody {
        TaskBody {
            customer_code: "000002".into(),
            customer_store: "01".into(),
            subject: "Ligar".into(),
            due_date: "2026-12-08".into(),
            status: status.into(),
            notes: String::new(),
        }
    }

    #[test]
    fn one_entry_per_task_and_per_note_a_later_edit_replaces_it() {
        let made = TaskWrite { created_here: true, ..TaskWrite::task("s", "t-1", body("open"), "ACME", 1.0) };
        let done = TaskWrite::task("s", "t-1", body("done"), "", 2.0).replacing(Some(&made));
        assert_eq!(done.key, made.key);
        assert_eq!((done.revision, done.created_here, done.customer_name.as_str()), (1, true, "ACME"));
        let n1 = TaskWrite::note("s", "t-1", "n-1", " oi ", 3.0);
        let n2 = TaskWrite::note("s", "t-1", "n-2", "oi", 3.0);
        assert_ne!(n1.key, n2.key);
        assert_eq!((n1.key.as_str(), n1.text.as_str(), n1.is_note()), ("note:t-1/n-1", "oi", true));
    }

    #[test]
    fn failures_wait_and_refusals_stop() {
        let mut w = TaskWrite::task("s", "t", body("open"), "", 0.0);
        assert!(w.due(0.0, false));
        w.failed(1000.0, 0.0);
        assert!(!w.due(1500.0, false));
        assert!(w.due(1500.0, true), "a fresh start sends at once");
        w.answered(2000.0, 0.0, 503, "ocupado");
        assert!(w.error.is_empty() && w.attempts == 2);
        w.answered(3000.0, 0.0, 400, "subject: informe um valor.");
        assert_eq!(w.error, "subject: informe um valor.");
        assert!(!w.due(f64::MAX, true), "a refusal waits for the rep");
    }

    #[test]
    fn the_rep_sees_their_writes_over_the_devices_copy() {
        let stored = Task {
            id: "t-1".into(),
            status: "open".into(),
            note_count: 1,
            task_notes: vec![TaskNote { id: "n-0".into(), ..Default::default() }],
            ..Default::default()
        };
        let writes = [
            TaskWrite::task("s", "t-1", body("done"), "", 1.0),
            TaskWrite::note("s", "t-1", "n-0", "já na ERP", 1.0),
            TaskWrite::note("s", "t-1", "n-1", "nova", 2.0),
            TaskWrite::task("s", "t-2", body("open"), "ACME", 3.0),
            TaskWrite::note("s", "t-9", "n-9", "outra", 3.0),
        ];
        let all = tasks_with_writes(vec![stored], &writes);
        assert_eq!(all.len(), 2, "the task made here is listed; a note alone makes no task");
        assert_eq!((all[0].status.as_str(), all[0].note_count, all[0].task_notes.len()), ("done", 2, 2));
        assert_eq!(
            (all[1].id.as_str(), all[1].customer_name.as_str(), all[1].status.as_str()),
            ("t-2", "ACME", "open")
        );
    }
}
