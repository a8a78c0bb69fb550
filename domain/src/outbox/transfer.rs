//! The safety net: a device's unsent documents saved to a file ("Exportar pendentes") and put
//! into the outbox of another device signed in as the same seller ("Importar"), under the
//! same external ids, so the ERP still makes each document once (`docs/sync.md`, rule 3).
//!
//! The file is JSON: a header (format, version, seller, when), a readable summary (one line
//! per document, for a person opening it), and the outbox entries themselves, log included.
//!
//! Importing is idempotent: a document the device already has, as new or newer, already
//! accepted, or in the ERP's hands, is left alone, so the same file twice changes nothing.

use serde::{Deserialize, Serialize};

use super::{record, LogEvent, OutboxEntry, SendState};

/// The `format` of an export file.
pub const FORMAT: &str = "mascate-pendentes";
/// The newest file version this code writes and reads.
pub const VERSION: u32 = 1;

/// An export file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportFile {
    pub format: String,
    pub version: u32,
    /// The seller whose documents these are.
    pub seller: String,
    pub seller_name: String,
    /// ISO-8601.
    pub exported_at: String,
    /// One line per document, for people.
    pub summary: Vec<String>,
    pub documents: Vec<OutboxEntry>,
}

/// The seller's documents still on the device (not accepted by the ERP), oldest first.
pub fn unsent<'a>(entries: &'a [OutboxEntry], seller: &str) -> Vec<&'a OutboxEntry> {
    let mut out: Vec<&OutboxEntry> = entries.iter().filter(|e| e.seller == seller && e.state.is_unfinished()).collect();
    out.sort_by(|a, b| a.updated_ms.total_cmp(&b.updated_ms));
    out
}

/// The file of `seller`'s unsent documents; `line` writes each summary line.
pub fn export(
    seller: &str,
    seller_name: &str,
    entries: &[OutboxEntry],
    exported_at: &str,
    line: impl Fn(&OutboxEntry) -> String,
) -> ExportFile {
    let documents: Vec<OutboxEntry> = unsent(entries, seller).into_iter().cloned().collect();
    ExportFile {
        format: FORMAT.into(),
        version: VERSION,
        seller: seller.into(),
        seller_name: seller_name.into(),
        exported_at: exported_at.into(),
        summary: documents.iter().map(line).collect(),
        documents,
    }
}

/// Why a file cannot be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    NotAnExport,
    NewerVersion(u32),
    OtherSeller(String),
    Damaged(String),
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::NotAnExport => write!(f, "not an export file of Mascate"),
            ImportError::NewerVersion(v) => write!(f, "made by a newer version of Mascate ({v})"),
            ImportError::OtherSeller(s) => {
                write!(f, "the documents of seller {s} cannot go into another seller's outbox")
            }
            ImportError::Damaged(id) => write!(f, "document {id} is damaged"),
        }
    }
}

impl std::error::Error for ImportError {}

/// What an import does.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImportPlan {
    /// The entries to write into the outbox.
    pub put: Vec<OutboxEntry>,
    pub added: usize,
    /// Older copies on the device, replaced by the file's.
    pub replaced: usize,
    /// Left as they are (the device has them as new or newer, accepted, or in the ERP's hands).
    pub unchanged: usize,
}

/// Reads `text` and plans its import into the outbox of `seller`, which holds `device`.
pub fn plan_import(text: &str, seller: &str, device: &[OutboxEntry], now_ms: f64) -> Result<ImportPlan, ImportError> {
    let head: serde_json::Value = serde_json::from_str(text).map_err(|_| ImportError::NotAnExport)?;
    if head.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(ImportError::NotAnExport);
    }
    match head.get("version").and_then(|v| v.as_u64()) {
        Some(v) if v > VERSION as u64 => return Err(ImportError::NewerVersion(v as u32)),
        Some(_) => {}
        None => return Err(ImportError::NotAnExport),
    }
    let file: ExportFile = serde_json::from_value(head).map_err(|_| ImportError::NotAnExport)?;
    if file.seller.trim() != seller {
        return Err(ImportError::OtherSeller(file.seller));
    }
    let mut plan = ImportPlan::default();
    for mut e in file.documents {
        let id = e.external_id.trim().to_string();
        if id.is_empty() || e.draft.external_id != e.external_id || e.seller != file.seller {
            return Err(ImportError::Damaged(id));
        }
        if e.state == SendState::Synced {
            plan.unchanged += 1;
            continue;
        }
        let here = device.iter().find(|d| d.external_id == e.external_id);
        if let Some(d) = here {
            if d.state == SendState::Synced || d.in_flight() || d.updated_ms >= e.updated_ms {
                plan.unchanged += 1;
                continue;
            }
        }
        // On its way again: a document the ERP already had comes back to the same one.
        if e.state != SendState::Error {
            e.state = SendState::Pending;
        }
        e.attempts = 0;
        e.next_attempt_ms = 0.0;
        let mut log = here.map(|d| d.log.clone()).unwrap_or_default();
        if here.is_none() {
            log = std::mem::take(&mut e.log);
        }
        record(&mut log, now_ms, LogEvent::Imported, String::new());
        e.log = log;
        if here.is_some() {
            plan.replaced += 1;
        } else {
            plan.added += 1;
        }
        plan.put.push(e);
    }
    Ok(plan)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::QueueRow;
    use crate::document::{DocumentKind, Draft};

    fn entry(id: &str, seller: &str, at: f64) -> OutboxEntry {
        OutboxEntry::new(seller, Draft::new(DocumentKind::Order, id), at)
    }

    fn file_of(entries: &[OutboxEntry], seller: &str) -> String {
        serde_json::to_string(&export(seller, "Ana", entries, "2026-11-30T10:00:00Z", |e| e.external_id.clone()))
            .unwrap()
    }

    #[test]
    fn exports_only_the_sellers_unsent_documents_with_a_summary() {
        let mut done = entry("done", "000001", 3.0);
        done.follow(&QueueRow { id: "done".into(), status: "2".into(), ..Default::default() }, 4.0);
        let mut refused = entry("refused", "000001", 2.0);
        refused.rejected(2.5, Some(400), "Cliente bloqueado".into());
        let all =
            vec![entry("b", "000001", 5.0), done, entry("other", "000002", 1.0), refused, entry("a", "000001", 1.0)];
        let f = export("000001", "Ana", &all, "2026-11-30T10:00:00Z", |e| format!("line {}", e.external_id));
        let ids: Vec<&str> = f.documents.iter().map(|e| e.external_id.as_str()).collect();
        assert_eq!(ids, ["a", "refused", "b"], "oldest first, not accepted, this seller");
        assert_eq!(f.summary, ["line a", "line refused", "line b"]);
        assert_eq!((f.format.as_str(), f.version), (FORMAT, VERSION));
    }

    #[test]
    fn imports_under_the_same_ids_once() {
        let mut refused = entry("refused", "000001", 2.0);
        refused.rejected(2.5, Some(400), "Cliente bloqueado".into());
        let mut queued = entry("queued", "000001", 1.0);
        queued.sent(1.5);
        let text = file_of(&[queued, refused, entry("new", "000001", 3.0)], "000001");

        let plan = plan_import(&text, "000001", &[], 10.0).unwrap();
        assert_eq!((plan.added, plan.replaced, plan.unchanged), (3, 0, 0));
        let states: Vec<(&str, SendState)> = plan.put.iter().map(|e| (e.external_id.as_str(), e.state)).collect();
        assert_eq!(
            states,
            [("queued", SendState::Pending), ("refused", SendState::Error), ("new", SendState::Pending)],
            "sent again (the ERP keeps one document per id); a refusal waits for the rep"
        );
        assert!(plan.put.iter().all(|e| e.log.last().unwrap().event == LogEvent::Imported));
        assert_eq!(plan.put[0].log[1].event, LogEvent::Sent, "the journey so far comes along");

        // The same file again, on the device that now holds it: nothing changes.
        let again = plan_import(&text, "000001", &plan.put, 11.0).unwrap();
        assert_eq!((again.added, again.replaced, again.unchanged, again.put.len()), (0, 0, 3, 0));

        // An older copy on the device is replaced; one in the ERP's hands or accepted is not.
        let mut older = entry("new", "000001", 0.5);
        older.draft.notes = "old".into();
        let mut in_flight = entry("queued", "000001", 0.1);
        in_flight.sent(0.2);
        let plan = plan_import(&text, "000001", &[older, in_flight], 12.0).unwrap();
        assert_eq!((plan.added, plan.replaced, plan.unchanged), (1, 1, 1));
    }

    #[test]
    fn refuses_other_sellers_and_damaged_files() {
        let text = file_of(&[entry("a", "000001", 1.0)], "000001");
        assert_eq!(plan_import(&text, "000002", &[], 1.0), Err(ImportError::OtherSeller("000001".into())));
        assert_eq!(plan_import("{}", "000001", &[], 1.0), Err(ImportError::NotAnExport));
        assert_eq!(plan_import("not json", "000001", &[], 1.0), Err(ImportError::NotAnExport));
        let newer = text.replace("\"version\":1", "\"version\":7");
        assert_eq!(plan_import(&newer, "000001", &[], 1.0), Err(ImportError::NewerVersion(7)));
        // A document whose id does not match its draft's, or another seller's inside the file.
        let mut bad = entry("a", "000001", 1.0);
        bad.draft.external_id = "b".into();
        let damaged = file_of(&[bad], "000001");
        assert_eq!(plan_import(&damaged, "000001", &[], 1.0), Err(ImportError::Damaged("a".into())));
        let mixed = serde_json::to_string(&ExportFile {
            documents: vec![entry("x", "000002", 1.0)],
            ..export("000001", "Ana", &[], "t", |_| String::new())
        })
        .unwrap();
        assert_eq!(plan_import(&mixed, "000001", &[], 1.0), Err(ImportError::Damaged("x".into())));
    }
}
