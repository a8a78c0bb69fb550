//! The rep's agenda, a Mascate extension (Protheus has no TGV endpoint for it): tasks
//! (CRM activities, `AOF`) with their notes, and scheduled visits (the seller's agenda,
//! `AD7`), read together as one day's list.
//!
//! Task and note ids are made on the device (a UUID), so a task written offline and sent
//! twice stays one task.

use serde::{Deserialize, Serialize};

/// A task's status on the wire.
pub mod task_status {
    pub const OPEN: &str = "open";
    pub const DONE: &str = "done";
}

/// A task of the seller, about one customer.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Task {
    /// Branch + task id: the sync key.
    #[serde(rename = "internalid")]
    pub internal_id: String,
    #[serde(rename = "taskid")]
    pub id: String,
    #[serde(rename = "customerid")]
    pub customer_code: String,
    #[serde(rename = "customerstore")]
    pub customer_store: String,
    /// The customer's trade name (`A1_NREDUZ`).
    #[serde(rename = "customer")]
    pub customer_trade_name: String,
    /// The customer's legal name (`A1_NOME`).
    #[serde(rename = "customername")]
    pub customer_name: String,
    pub subject: String,
    /// `YYYY-MM-DD`.
    #[serde(rename = "duedate")]
    pub due_date: String,
    /// [`task_status::OPEN`] or [`task_status::DONE`].
    pub status: String,
    pub notes: String,
    /// How many notes the task has.
    #[serde(rename = "notecount")]
    pub note_count: u32,
    /// When the server first saved it (ISO 8601, UTC).
    #[serde(rename = "createdat")]
    pub created_at: String,
    /// Only in `GET /api/mascate/v1/tasks/:id`: its notes, oldest first.
    #[serde(rename = "tasknotes", skip_serializing_if = "Vec::is_empty")]
    pub task_notes: Vec<TaskNote>,
    /// Sync and diff only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deleted: Option<bool>,
}

/// `PUT /api/mascate/v1/tasks/:id` body: the whole task (a create or a replacement).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TaskBody {
    #[serde(rename = "customerid")]
    pub customer_code: String,
    #[serde(rename = "customerstore")]
    pub customer_store: String,
    pub subject: String,
    /// `YYYY-MM-DD`.
    #[serde(rename = "duedate")]
    pub due_date: String,
    /// `open` (the default) or `done`.
    pub status: String,
    pub notes: String,
}

/// A note on a task.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TaskNote {
    /// Task id + `/` + note id: the sync key.
    #[serde(rename = "internalid")]
    pub internal_id: String,
    #[serde(rename = "taskid")]
    pub task_id: String,
    #[serde(rename = "noteid")]
    pub id: String,
    pub text: String,
    /// When the server first saved it (ISO 8601, UTC).
    #[serde(rename = "createdat")]
    pub created_at: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deleted: Option<bool>,
}

/// `PUT /api/mascate/v1/tasks/:id/notes/:noteid` body.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TaskNoteBody {
    pub text: String,
}

/// A visit the seller has scheduled at a customer.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Visit {
    #[serde(rename = "internalid")]
    pub internal_id: String,
    #[serde(rename = "visitid")]
    pub id: String,
    #[serde(rename = "customerid")]
    pub customer_code: String,
    #[serde(rename = "customerstore")]
    pub customer_store: String,
    #[serde(rename = "customer")]
    pub customer_trade_name: String,
    #[serde(rename = "customername")]
    pub customer_name: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// `HH:MM`.
    pub time: String,
    pub subject: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deleted: Option<bool>,
}

/// What an agenda entry is.
pub mod agenda_kind {
    pub const TASK: &str = "task";
    pub const VISIT: &str = "visit";
}

/// One entry of a day's agenda: an open task due that day (no time: it comes first) or a
/// visit at its time.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AgendaEntry {
    /// [`agenda_kind::TASK`] or [`agenda_kind::VISIT`].
    pub kind: String,
    /// The task's or the visit's id.
    pub id: String,
    /// `HH:MM`; empty for a task.
    pub time: String,
    #[serde(rename = "customerid")]
    pub customer_code: String,
    #[serde(rename = "customerstore")]
    pub customer_store: String,
    #[serde(rename = "customer")]
    pub customer_trade_name: String,
    #[serde(rename = "customername")]
    pub customer_name: String,
    pub subject: String,
    /// A task's status; empty for a visit.
    pub status: String,
}

/// `GET /api/mascate/v1/agenda?date=YYYY-MM-DD`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Agenda {
    /// The day, `YYYY-MM-DD`.
    pub date: String,
    pub items: Vec<AgendaEntry>,
    /// More entries than one answer carries (see the server's README).
    #[serde(rename = "hasNext")]
    pub has_next: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn tasks_read_tolerantly_and_write_the_wire_names() {
        let t: Task = serde_json::from_value(json!({"taskid": "a", "duedate": "2026-05-01", "x": 1})).unwrap();
        assert_eq!((t.id.as_str(), t.due_date.as_str(), t.note_count), ("a", "2026-05-01", 0));
        let body = TaskBody { customer_code: "000002".into(), status: "open".into(), ..Default::default() };
        let v = serde_json::to_value(&body).unwrap();
        assert_eq!(v["customerid"], "000002");
        assert_eq!(v["duedate"], "");
        assert!(serde_json::to_value(&t).unwrap().get("tasknotes").is_none());
    }
}
