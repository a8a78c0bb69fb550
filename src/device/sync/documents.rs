//! The device's documents as the pages ask for them: one by external id or by the ERP's
//! number, this seller's all, and those a list shows beside the ERP's.

use mascate_domain::document::range::DocumentRange;
use mascate_domain::document::DocumentKind;
use mascate_domain::outbox::OutboxEntry;

use super::SyncEngine;
use crate::device::storage;

impl SyncEngine {
    /// This seller's documents on the device (written here, sent or not).
    pub async fn device_documents(self) -> Vec<OutboxEntry> {
        let Some(seller) = self.session.seller() else { return Vec::new() };
        let Ok(db) = storage::for_seller(&seller).await else { return Vec::new() };
        db.outbox().await.unwrap_or_default().into_iter().filter(|e| e.seller == seller).collect()
    }

    /// One document of this seller's outbox.
    pub async fn entry(self, external_id: &str) -> Option<OutboxEntry> {
        let seller = self.session.seller()?;
        let db = storage::for_seller(&seller).await.ok()?;
        db.outbox_entry(external_id).await.ok().flatten().filter(|e| e.seller == seller)
    }

    /// The device's copy of a document by its ERP number.
    pub async fn entry_by_number(self, kind: DocumentKind, number: &str) -> Option<OutboxEntry> {
        self.device_documents()
            .await
            .into_iter()
            .find(|e| e.draft.kind == kind && e.draft.erp_number.trim() == number.trim())
    }

    /// What a list of `kind` shows beside the ERP's, newest first: the documents not yet
    /// confirmed by the ERP and, offline, also those written offline and since confirmed
    /// (the ERP's list needs the connection); within `range`.
    pub async fn unsent(self, kind: DocumentKind, range: &DocumentRange, online: bool) -> Vec<OutboxEntry> {
        let mut all = self.device_documents().await;
        all.retain(|e| {
            e.draft.kind == kind
                && (e.state.is_unfinished() || (!online && e.written_offline))
                && range.contains(&e.draft.issue_date, &e.draft.erp_number)
        });
        all.sort_by(|a, b| b.updated_ms.total_cmp(&a.updated_ms));
        all
    }
}
