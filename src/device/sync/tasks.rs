//! The pass's second half: the rep's task writes (a task made or changed, a note), each
//! sent by its PUT under the ids the device made. The PUTs are idempotent, so a write whose
//! answer was lost is simply sent again and the ERP still has it once. Tasks go before
//! notes (a note of a task made offline needs its task first); the ERP's answer replaces the
//! device's copy and the entry leaves the device in the same transaction.

use mascate_domain::task::writes::TaskWrite;

use super::SyncEngine;
use crate::api::{now_ms, ApiError};
use crate::device::storage::{stores, Storage};

impl SyncEngine {
    /// Sends this seller's due task writes; returns whether anything changed.
    pub(super) async fn send_task_writes(self, db: &Storage, seller: &str, fresh: bool) -> bool {
        let mut writes: Vec<TaskWrite> =
            db.task_writes().await.unwrap_or_default().into_iter().filter(|w| w.seller == seller).collect();
        writes.sort_by(|a, b| {
            (a.is_note(), a.saved_ms).partial_cmp(&(b.is_note(), b.saved_ms)).unwrap_or(std::cmp::Ordering::Equal)
        });
        let mut changed = false;
        for mut w in writes {
            if !self.connectivity.online_untracked() {
                break;
            }
            if !w.due(now_ms(), fresh) {
                continue;
            }
            let sent = match &w.body {
                Some(body) => match self.api.put_task(&w.task_id, body).await {
                    Ok(task) => Ok(db.task_write_sent(&w, stores::TASKS, &task).await),
                    Err(e) => Err(e),
                },
                None => match self.api.put_task_note(&w.task_id, &w.note_id, &w.text).await {
                    Ok(note) => Ok(db.task_write_sent(&w, stores::TASK_NOTES, &note).await),
                    Err(e) => Err(e),
                },
            };
            match sent {
                Ok(Ok(())) => {
                    changed = true;
                    continue;
                }
                // The ERP has it but the device could not note it: sent again later, which
                // changes nothing at the ERP.
                Ok(Err(_)) => w.failed(now_ms(), js_sys::Math::random()),
                // The session is over: everything waits for the next sign-in.
                Err(ApiError::SignedOut) => break,
                // An ERP without the tasks' extension: the write waits (it never took one).
                Err(ApiError::Unreachable | ApiError::NoExtension) => w.failed(now_ms(), js_sys::Math::random()),
                Err(ApiError::Server { status, message, .. }) => {
                    w.answered(now_ms(), js_sys::Math::random(), status, &message)
                }
                Err(ApiError::Malformed(message)) => w.error = message,
            }
            changed = true;
            let _ = db.task_write_tried(&w).await;
        }
        changed
    }
}
