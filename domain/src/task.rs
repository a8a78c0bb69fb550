//! The rep's tasks: what a new task and a note must be (the same rules as the server's, so
//! the form says a problem as the rep leaves the field and nothing the ERP would refuse is
//! sent), and the list's filter on due date and status.
//!
//! ```
//! use mascate_domain::task::{TaskDraft, TaskField};
//! let d = TaskDraft { customer_code: "000002".into(), customer_store: "01".into(),
//!     subject: "Ligar".into(), due_date: "31/02/2026".into(), ..Default::default() };
//! assert_eq!(d.validate(), vec![(TaskField::DueDate, "bad_date")]);
//! ```

pub mod agenda;
pub mod writes;

use serde::{Deserialize, Serialize};

use crate::contract::agenda::{task_status, AgendaEntry, TaskBody};
use crate::document::range::between;
use crate::filter::Expr;

/// Longest subject, in characters.
pub const SUBJECT_MAX: usize = 120;
/// Longest notes (and note), in characters.
pub const NOTES_MAX: usize = 2000;

/// A field of the task form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TaskField {
    Customer,
    Subject,
    DueDate,
    Notes,
}

/// What the rep types for a new task. `due_date` is `YYYY-MM-DD` when it could be read, or
/// what was typed (so that it can be said to be no date).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TaskDraft {
    pub customer_code: String,
    pub customer_store: String,
    /// The customer's name, as picked (shown only; the ERP has its own).
    pub customer_name: String,
    pub subject: String,
    pub due_date: String,
    pub notes: String,
}

/// No control characters (except line breaks and tabs when `multiline`) and no
/// bidirectional overrides: the dictionary's rule ([`crate::dictionary::forbidden`]).
fn clean(text: &str, multiline: bool) -> bool {
    !text.chars().any(|c| crate::dictionary::forbidden(c, multiline))
}

/// `text`'s problem as a task's text of `min..=max` characters: `required`, `too_long` or
/// `control_chars`.
fn text_problem(text: &str, min: usize, max: usize, multiline: bool) -> Option<&'static str> {
    let text = text.trim();
    let count = text.chars().count();
    if count < min {
        Some("required")
    } else if count > max {
        Some("too_long")
    } else if !clean(text, multiline) {
        Some("control_chars")
    } else {
        None
    }
}

/// Whether `iso` is a real calendar day written `YYYY-MM-DD`, years 1900 to 2199 (the
/// server's rule).
pub fn is_real_date(iso: &str) -> bool {
    let iso = iso.trim();
    iso.len() == 10
        && iso.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() })
        && ("1900".."2200").contains(&&iso[..4])
        && crate::timestamp::add_days(iso, 0).as_deref() == Some(iso)
}

/// A note's problem (`required`, `too_long`, `control_chars`), `None` when it can be sent.
pub fn note_problem(text: &str) -> Option<&'static str> {
    text_problem(text, 1, NOTES_MAX, true)
}

impl TaskDraft {
    /// One field's problem as a code: `required`, `too_long`, `control_chars`, `bad_date`.
    pub fn problem(&self, field: TaskField) -> Option<&'static str> {
        match field {
            TaskField::Customer => {
                (self.customer_code.trim().is_empty() || self.customer_store.trim().is_empty()).then_some("required")
            }
            TaskField::Subject => text_problem(&self.subject, 1, SUBJECT_MAX, false),
            TaskField::DueDate if self.due_date.trim().is_empty() => Some("required"),
            TaskField::DueDate => (!is_real_date(&self.due_date)).then_some("bad_date"),
            TaskField::Notes => text_problem(&self.notes, 0, NOTES_MAX, true),
        }
    }

    /// Every problem as (field, code), in the form's order; empty when it can be saved.
    pub fn validate(&self) -> Vec<(TaskField, &'static str)> {
        [TaskField::Customer, TaskField::Subject, TaskField::DueDate, TaskField::Notes]
            .into_iter()
            .filter_map(|f| self.problem(f).map(|p| (f, p)))
            .collect()
    }

    /// The body of `PUT tasks/:id` for a new (open) task, trimmed.
    pub fn body(&self) -> TaskBody {
        TaskBody {
            customer_code: self.customer_code.trim().into(),
            customer_store: self.customer_store.trim().into(),
            subject: self.subject.trim().into(),
            due_date: self.due_date.trim().into(),
            status: task_status::OPEN.into(),
            notes: self.notes.trim().into(),
        }
    }
}

/// The tasks list's filter: due dates from/to (`YYYY-MM-DD`, each optional) and a status
/// (`open`, `done`, or empty for both). `None` when nothing narrows it.
pub fn list_filter(from: &str, to: &str, status: &str) -> Option<Expr> {
    let mut parts = between("duedate", from, to);
    if matches!(status, task_status::OPEN | task_status::DONE) {
        parts.push(Expr::eq("status", status));
    }
    Expr::all(parts)
}

/// The customers of a day's agenda as seller-filter entity ids (code + store, as the
/// customers' [`entity_id`](crate::contract::Customer::entity_id)), each once, in order.
pub fn agenda_customers(entries: &[AgendaEntry]) -> Vec<String> {
    let mut ids: Vec<String> = entries.iter().map(|e| format!("{}{}", e.customer_code, e.customer_store)).collect();
    ids.sort();
    ids.dedup();
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok() -> TaskDraft {
        TaskDraft {
            customer_code: "000002".into(),
            customer_store: "01".into(),
            subject: "Levar o catálogo novo".into(),
            due_date: "2026-12-08".into(),
            notes: "Linha 1\nLinha 2\tcom tab".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_complete_task_has_no_problem_and_sends_trimmed_open() {
        let mut d = ok();
        d.subject = "  Levar  ".into();
        assert!(d.validate().is_empty());
        let b = d.body();
        assert_eq!((b.subject.as_str(), b.status.as_str(), b.due_date.as_str()), ("Levar", "open", "2026-12-08"));
    }

    #[test]
    fn subject_is_one_to_120_characters_without_control_characters() {
        let with = |s: &str| TaskDraft { subject: s.into(), ..ok() }.problem(TaskField::Subject);
        assert_eq!(with("   "), Some("required"));
        assert_eq!(with(&"ã".repeat(120)), None);
        assert_eq!(with(&"ã".repeat(121)), Some("too_long"));
        assert_eq!(with("a\nb"), Some("control_chars"));
        assert_eq!(with("a\u{7}b"), Some("control_chars"));
    }

    #[test]
    fn due_date_must_be_a_real_day() {
        let with = |s: &str| TaskDraft { due_date: s.into(), ..ok() }.problem(TaskField::DueDate);
        assert_eq!(with(""), Some("required"));
        assert_eq!(with("31/02/2026"), Some("bad_date"));
        assert_eq!(with("2026-02-31"), Some("bad_date"));
        assert_eq!(with("2026-2-3"), Some("bad_date"));
        assert_eq!(with("1899-12-31"), Some("bad_date"));
        assert_eq!(with("2028-02-29"), None);
        assert_eq!(with("2026-02-29"), Some("bad_date"));
    }

    #[test]
    fn notes_are_optional_up_to_2000_with_line_breaks() {
        let with = |s: &str| TaskDraft { notes: s.into(), ..ok() }.problem(TaskField::Notes);
        assert_eq!(with(""), None);
        assert_eq!(with(&"x".repeat(2000)), None);
        assert_eq!(with(&"x".repeat(2001)), Some("too_long"));
        assert_eq!(with("a\u{0}b"), Some("control_chars"));
        assert_eq!(note_problem(" "), Some("required"));
        assert_eq!(note_problem("Cliente pediu retorno\nsegunda"), None);
    }

    #[test]
    fn customer_is_required_and_problems_come_in_form_order() {
        let d = TaskDraft { subject: String::new(), due_date: String::new(), ..Default::default() };
        assert_eq!(
            d.validate(),
            vec![(TaskField::Customer, "required"), (TaskField::Subject, "required"), (TaskField::DueDate, "required")]
        );
    }

    #[test]
    fn the_list_filter_narrows_by_due_date_and_status() {
        assert_eq!(list_filter("", "", ""), None);
        assert_eq!(list_filter("", "", "bogus"), None);
        assert_eq!(list_filter("", "", "done").unwrap().to_string(), "status eq 'done'");
        let f = list_filter("2026-12-01", "2026-12-31", "open").unwrap().to_string();
        assert_eq!(f, "(duedate ge '2026-12-01' and duedate le '2026-12-31' and status eq 'open')");
    }

    #[test]
    fn the_agendas_customers_are_each_once() {
        let e = |code: &str, store: &str| AgendaEntry {
            customer_code: code.into(),
            customer_store: store.into(),
            ..Default::default()
        };
        let ids = agenda_customers(&[e("000009", "01"), e("000002", "01"), e("000009", "01"), e("000002", "02")]);
        assert_eq!(ids, vec!["00000201", "00000202", "00000901"]);
    }
}
