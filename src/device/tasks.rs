//! The rep's tasks and the day's agenda, with and without the ERP: online they ask it;
//! without it (or offline) they read the device's copy (downloaded with the day's pack, and
//! only while it is today's), with the rep's writes still on the device over it. Every write
//! — a task made, marked done or reopened, a note — is saved on the device first and sent by
//! the sync engine's pass (at once when the ERP can be reached), by the ids the device made.
//!
//! ```ignore
//! let tasks = use_tasks();
//! let (rows, more) = tasks.list("2026-12-01", "", "open", 1, 20).await?;
//! tasks.save(&id, body, "ACME", true).await?;   // waits on the device, sent when it can be
//! ```

use std::rc::Rc;

use leptos::prelude::*;
use mascate_domain::contract::agenda::{Agenda, Task, TaskBody, TaskNote, Visit};
use mascate_domain::task::agenda::{agenda_of, list_page};
use mascate_domain::task::list_filter;
use mascate_domain::task::writes::{made_here, tasks_with_writes, with_writes, TaskWrite};

use crate::api::{now_ms, use_api, Api, ApiError};
use crate::connectivity::{use_connectivity, Connectivity};
use crate::device::offline::{use_offline, OfflineData};
use crate::device::storage::{self, indexes, stores, Storage};
use crate::device::sync::{use_sync, SyncEngine};
use crate::session::{use_session, SessionContext};

/// A task as its page shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct TaskView {
    /// The task with the rep's writes still on the device over it.
    pub task: Task,
    /// Some of its writes wait on the device for the ERP.
    pub waiting: bool,
    /// The ERP refused one of its writes, in its words.
    pub refused: Option<String>,
}

/// The tasks context.
#[derive(Clone, Copy)]
pub struct Tasks {
    api: Api,
    connectivity: Connectivity,
    offline: OfflineData,
    session: SessionContext,
    sync: SyncEngine,
}

/// Not on the device (and the ERP cannot be asked).
fn not_here() -> ApiError {
    ApiError::Unreachable
}

impl Tasks {
    fn online(&self) -> bool {
        self.connectivity.online_untracked()
    }

    /// This seller's database (their writes live there whatever the day).
    async fn db(&self) -> Result<Rc<Storage>, ApiError> {
        let seller = self.session.seller().ok_or(ApiError::SignedOut)?;
        Ok(storage::for_seller(&seller).await?)
    }

    /// The database when its copy of the ERP's rows may be shown (it is today's).
    async fn copy(&self) -> Result<Option<Rc<Storage>>, ApiError> {
        self.offline.settled().await;
        if !self.offline.usable() {
            return Ok(None);
        }
        Ok(Some(self.db().await?))
    }

    /// This seller's writes waiting on the device.
    async fn writes(&self) -> Vec<TaskWrite> {
        let seller = self.session.seller().unwrap_or_default();
        match self.db().await {
            Ok(db) => db.task_writes().await.unwrap_or_default().into_iter().filter(|w| w.seller == seller).collect(),
            Err(_) => vec![],
        }
    }

    /// A page of the seller's tasks due `from`..`to` with `status` (each may be empty), due
    /// date order; and whether more follow.
    pub async fn list(
        &self,
        from: &str,
        to: &str,
        status: &str,
        page: usize,
        size: usize,
    ) -> Result<(Vec<Task>, bool), ApiError> {
        if self.online() {
            match self.api.tasks(list_filter(from, to, status), page, size).await {
                Err(ApiError::Unreachable) => {}
                other => return other.map(|l| (l.items, l.has_next)),
            }
        }
        let db = self.copy().await?.ok_or_else(not_here)?;
        let tasks: Vec<Task> = db.rows(stores::TASKS).await?;
        Ok(list_page(tasks_with_writes(tasks, &self.writes().await), from, to, status, page, size))
    }

    /// One task with its notes.
    pub async fn task(&self, id: &str) -> Result<TaskView, ApiError> {
        let writes: Vec<TaskWrite> = self.writes().await.into_iter().filter(|w| w.task_id == id).collect();
        let made = writes.iter().find_map(|w| w.created_here.then(|| made_here(w)).flatten());
        let mut found = None;
        if self.online() {
            match self.api.task(id).await {
                Ok(t) => found = Some(t),
                Err(ApiError::Unreachable) => {}
                Err(ApiError::Server { status: 404, .. }) if made.is_some() => found = made.clone(),
                Err(e) => return Err(e),
            }
        }
        if found.is_none() {
            found = match self.copy().await? {
                Some(db) => self.stored(&db, id).await?,
                None => None,
            }
            .or(made);
        }
        let task = found.ok_or_else(not_here)?;
        let refused = writes.iter().find(|w| !w.error.is_empty()).map(|w| w.error.clone());
        Ok(TaskView { task: with_writes(task, &writes), waiting: !writes.is_empty() && refused.is_none(), refused })
    }

    /// The device's copy of a task and its notes (oldest first).
    async fn stored(&self, db: &Storage, id: &str) -> Result<Option<Task>, ApiError> {
        let Some(mut task) = db.rows_where::<Task>(stores::TASKS, indexes::BY_TASK, id).await?.into_iter().next()
        else {
            return Ok(None);
        };
        let mut notes: Vec<TaskNote> = db.rows_where(stores::TASK_NOTES, indexes::BY_TASK, id).await?;
        notes.sort_by(|a, b| (a.created_at.as_str(), a.id.as_str()).cmp(&(b.created_at.as_str(), b.id.as_str())));
        task.task_notes = notes;
        Ok(Some(task))
    }

    /// Saves a task (a new one, or a change of one) on the device, then has it sent.
    /// `created_here`: a new task of the device's (it may be edited before it is sent).
    pub async fn save(
        &self,
        id: &str,
        body: TaskBody,
        customer_name: &str,
        created_here: bool,
    ) -> Result<(), ApiError> {
        let seller = self.session.seller().ok_or(ApiError::SignedOut)?;
        let write = TaskWrite { created_here, ..TaskWrite::task(&seller, id, body, customer_name, now_ms()) };
        self.db().await?.put_task_write(write).await?;
        self.sync.send_saved().await;
        Ok(())
    }

    /// Saves a note on the device under its own id, then has it sent.
    pub async fn add_note(&self, task_id: &str, note_id: &str, text: &str) -> Result<(), ApiError> {
        let seller = self.session.seller().ok_or(ApiError::SignedOut)?;
        self.db().await?.put_task_write(TaskWrite::note(&seller, task_id, note_id, text, now_ms())).await?;
        self.sync.send_saved().await;
        Ok(())
    }

    /// The open tasks due on `day` and its visits.
    pub async fn agenda(&self, day: &str) -> Result<Agenda, ApiError> {
        if self.online() {
            match self.api.agenda(day).await {
                Err(ApiError::Unreachable) => {}
                other => return other,
            }
        }
        let db = self.copy().await?.ok_or_else(not_here)?;
        let tasks = tasks_with_writes(db.rows(stores::TASKS).await?, &self.writes().await);
        let visits: Vec<Visit> = db.rows(stores::VISITS).await?;
        Ok(Agenda { date: day.to_string(), items: agenda_of(&tasks, &visits, day), has_next: false })
    }
}

/// Provides the context (after the sync and offline engines).
pub fn provide_tasks() {
    provide_context(Tasks {
        api: use_api(),
        connectivity: use_connectivity(),
        offline: use_offline(),
        session: use_session(),
        sync: use_sync(),
    });
}

pub fn use_tasks() -> Tasks {
    expect_context::<Tasks>()
}
