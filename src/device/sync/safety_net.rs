//! The engine's side of the safety net: saving the unsent documents to a file's text, and
//! putting a file's documents into this seller's outbox under their own external ids
//! (`mascate_domain::outbox::transfer`), after which a pass sends them.

use leptos::prelude::*;
use mascate_domain::outbox::transfer::{export, plan_import, ImportError, ImportPlan};
use mascate_domain::outbox::OutboxEntry;

use super::SyncEngine;
use crate::api::now_ms;
use crate::device::storage::{self, StorageError};

/// Why a file could not be imported.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ImportFailure {
    #[error("no one is signed in")]
    SignedOut,
    #[error("{0}")]
    File(ImportError),
    #[error("the device refused the write: {0}")]
    Storage(StorageError),
}

impl SyncEngine {
    /// The export file of this seller's unsent documents (pretty JSON), and how many it
    /// holds; `line` writes each document's summary line.
    pub async fn export_unsent(self, line: impl Fn(&OutboxEntry) -> String) -> Option<(String, usize)> {
        let identity = self.session.identity.get_untracked()?;
        let db = storage::for_seller(&identity.seller_code).await.ok()?;
        let all = db.outbox().await.ok()?;
        let at = mascate_domain::timestamp::format_iso((now_ms() * 1000.0) as i64);
        let file = export(&identity.seller_code, &identity.seller_name, &all, &at, line);
        let n = file.documents.len();
        Some((serde_json::to_string_pretty(&file).ok()?, n))
    }

    /// Puts a file's documents into this seller's outbox, then runs a pass (online they go
    /// out at once). Importing the same file again changes nothing.
    pub async fn import(self, text: &str) -> Result<ImportPlan, ImportFailure> {
        let seller = self.session.seller().ok_or(ImportFailure::SignedOut)?;
        let db = storage::for_seller(&seller).await.map_err(ImportFailure::Storage)?;
        let device = db.outbox().await.map_err(ImportFailure::Storage)?;
        let plan = plan_import(text, &seller, &device, now_ms()).map_err(ImportFailure::File)?;
        for e in &plan.put {
            db.put_outbox(e).await.map_err(ImportFailure::Storage)?;
        }
        if !plan.put.is_empty() {
            crate::device::tabs::announce(&seller);
            self.recount(&seller).await;
            self.changes.update(|n| *n += 1);
            self.kick_fresh();
        }
        Ok(plan)
    }
}
