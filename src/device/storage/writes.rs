//! The writes waiting on the device: documents (the sync engine's outbox) and the rep's
//! task writes (one entry per task id and note id, `mascate_domain::task::writes`).

use mascate_domain::outbox::OutboxEntry;
use mascate_domain::task::writes::TaskWrite;
use rexie::TransactionMode;
use serde::Serialize;
use wasm_bindgen::JsValue;

use super::{from_js, stores, to_js, Storage, StorageError};

impl Storage {
    /// Saves a document on its way to the ERP (before the UI says it is saved).
    pub async fn put_outbox(&self, entry: &OutboxEntry) -> Result<(), StorageError> {
        let v = to_js(entry)?;
        let tx = self.db.transaction(&[stores::OUTBOX], TransactionMode::ReadWrite)?;
        tx.store(stores::OUTBOX)?.put(&v, None).await?;
        tx.done().await?;
        Ok(())
    }

    /// One document of the outbox.
    pub async fn outbox_entry(&self, external_id: &str) -> Result<Option<OutboxEntry>, StorageError> {
        let tx = self.db.transaction(&[stores::OUTBOX], TransactionMode::ReadOnly)?;
        let found = tx.store(stores::OUTBOX)?.get(JsValue::from_str(external_id)).await?;
        found.map(from_js).transpose()
    }

    /// Every document of the outbox.
    pub async fn outbox(&self) -> Result<Vec<OutboxEntry>, StorageError> {
        let tx = self.db.transaction(&[stores::OUTBOX], TransactionMode::ReadOnly)?;
        let values = tx.store(stores::OUTBOX)?.get_all(None, None).await?;
        values.into_iter().map(from_js).collect()
    }

    /// Every task write waiting on the device.
    pub async fn task_writes(&self) -> Result<Vec<TaskWrite>, StorageError> {
        self.rows(stores::TASK_WRITES).await
    }

    /// Saves a task write in place of the one under the same key (a later edit of the same
    /// task, not yet sent), in one transaction; returns what was saved.
    pub async fn put_task_write(&self, write: TaskWrite) -> Result<TaskWrite, StorageError> {
        let tx = self.db.transaction(&[stores::TASK_WRITES], TransactionMode::ReadWrite)?;
        let store = tx.store(stores::TASK_WRITES)?;
        let existing = store.get(JsValue::from_str(&write.key)).await?.map(from_js::<TaskWrite>).transpose()?;
        let write = write.replacing(existing.as_ref());
        store.put(&to_js(&write)?, None).await?;
        tx.done().await?;
        Ok(write)
    }

    /// Keeps how a send of `write` went (its wait, or the ERP's refusal), unless the rep
    /// edited it meanwhile (the edit goes next, as it is).
    pub async fn task_write_tried(&self, write: &TaskWrite) -> Result<(), StorageError> {
        let tx = self.db.transaction(&[stores::TASK_WRITES], TransactionMode::ReadWrite)?;
        let writes = tx.store(stores::TASK_WRITES)?;
        let now = writes.get(JsValue::from_str(&write.key)).await?.map(from_js::<TaskWrite>).transpose()?;
        if now.is_some_and(|n| n.revision == write.revision) {
            writes.put(&to_js(write)?, None).await?;
        }
        tx.done().await?;
        Ok(())
    }

    /// The ERP has `write`: its answer `row` goes into `store` (tasks or task notes) and the
    /// entry leaves the device — unless the rep edited it meanwhile (a newer revision stays,
    /// to be sent next). One transaction.
    pub async fn task_write_sent<T: Serialize>(
        &self,
        write: &TaskWrite,
        store: &str,
        row: &T,
    ) -> Result<(), StorageError> {
        let row = to_js(row)?;
        let tx = self.db.transaction(&[stores::TASK_WRITES, store], TransactionMode::ReadWrite)?;
        let writes = tx.store(stores::TASK_WRITES)?;
        let key = JsValue::from_str(&write.key);
        let now = writes.get(key.clone()).await?.map(from_js::<TaskWrite>).transpose()?;
        if now.is_some_and(|n| n.revision == write.revision) {
            writes.delete(key).await?;
        }
        tx.store(store)?.put(&row, None).await?;
        tx.done().await?;
        Ok(())
    }
}
