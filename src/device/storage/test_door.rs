//! What only the storage's own in-browser tests call (`tests/storage.rs`, built with
//! `--features device-tests`): opening by seller, the schema's version and stores, closing,
//! and writing and reading customers directly.

use wasm_bindgen::JsValue;

use super::*;

impl Storage {
    /// Opens (creating or upgrading) the seller's database.
    pub async fn open_for_seller(seller_code: &str) -> Result<Storage, StorageError> {
        Storage::open_named(&database_name(seller_code)).await
    }

    pub fn version(&self) -> Result<u32, StorageError> {
        Ok(self.db.version()?)
    }

    pub fn store_names(&self) -> Vec<String> {
        self.db.store_names()
    }

    /// Closes the connection (needed before another version can open it).
    pub fn close(self) {
        if let Some(bulk) = self.bulk.take() {
            bulk.close();
        }
        self.db.close();
    }

    /// Saves customers (insert or replace), all in one transaction.
    pub async fn put_customers(&self, customers: &[Customer]) -> Result<(), StorageError> {
        // Serialise first: awaiting anything else inside the transaction would commit it early.
        let values: Vec<JsValue> = customers.iter().map(to_js).collect::<Result<_, _>>()?;
        let tx = self.db.transaction(&[stores::CUSTOMERS], TransactionMode::ReadWrite)?;
        let store = tx.store(stores::CUSTOMERS)?;
        store.put_all(values.into_iter().map(|v| (v, None))).await?;
        tx.done().await?;
        Ok(())
    }

    /// Every saved customer.
    pub async fn customers(&self) -> Result<Vec<Customer>, StorageError> {
        let tx = self.db.transaction(&[stores::CUSTOMERS], TransactionMode::ReadOnly)?;
        let values = tx.store(stores::CUSTOMERS)?.get_all(None, None).await?;
        values.into_iter().map(from_js).collect()
    }
}
