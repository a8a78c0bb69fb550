//! The rep's tasks and the day's agenda (Mascate extensions: `server/README.md`, "The agenda,
//! the rep's own data and account"). Tasks and notes are written by the device's own ids, so
//! sending one again changes nothing.

use gloo_net::http::Method;
use mascate_domain::contract::agenda::{Agenda, Task, TaskBody, TaskNote, TaskNoteBody};
use mascate_domain::contract::ListEnvelope;
use mascate_domain::filter::Expr;

use super::{encode, Api, ApiError};

/// A JSON body of a contract type.
fn json<T: serde::Serialize>(body: &T) -> Result<serde_json::Value, ApiError> {
    serde_json::to_value(body).map_err(|e| ApiError::Malformed(e.to_string()))
}

impl Api {
    /// One page of the seller's tasks, soonest due first.
    pub async fn tasks(&self, filter: Option<Expr>, page: usize, size: usize) -> Result<ListEnvelope<Task>, ApiError> {
        let mut params = vec![("page", page.to_string()), ("pageSize", size.to_string())];
        if let Some(f) = filter {
            params.push(("FILTER", f.to_string()));
        }
        self.get_json("/api/mascate/v1/tasks", &params).await
    }

    /// One task with its notes.
    pub async fn task(&self, id: &str) -> Result<Task, ApiError> {
        self.get_json(&format!("/api/mascate/v1/tasks/{}", encode(id)), &[]).await
    }

    /// Creates or replaces the task `id` (the device's id).
    pub async fn put_task(&self, id: &str, body: &TaskBody) -> Result<Task, ApiError> {
        self.send_json(Method::PUT, &format!("/api/mascate/v1/tasks/{}", encode(id)), &json(body)?).await
    }

    /// Adds the note `note_id` (the device's id) to the task `id`.
    pub async fn put_task_note(&self, id: &str, note_id: &str, text: &str) -> Result<TaskNote, ApiError> {
        let path = format!("/api/mascate/v1/tasks/{}/notes/{}", encode(id), encode(note_id));
        self.send_json(Method::PUT, &path, &json(&TaskNoteBody { text: text.to_string() })?).await
    }

    /// The open tasks due on `date` (`YYYY-MM-DD`) and its visits.
    pub async fn agenda(&self, date: &str) -> Result<Agenda, ApiError> {
        self.get_json("/api/mascate/v1/agenda", &[("date", date.to_string())]).await
    }
}
