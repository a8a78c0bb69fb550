//! How much of today's selection the device holds, as the pages show it.

use mascate_domain::offline::Schema;

use super::OfflineData;
use crate::device::storage::stores;

/// Where the device keeps a schema's records.
fn store_of(s: Schema) -> &'static str {
    match s {
        Schema::Customers => stores::CUSTOMERS,
        Schema::Products => stores::PRODUCTS,
        Schema::Prospects => stores::PROSPECTS,
    }
}

impl OfflineData {
    /// The records of each schema on the device; `None` when the device cannot be read.
    pub async fn counts(self) -> Option<Vec<(Schema, u32)>> {
        let db = self.db().await?;
        let mut out = Vec::new();
        for s in Schema::ALL {
            out.push((s, db.count(store_of(s)).await.unwrap_or(0)));
        }
        Some(out)
    }

    /// The customers saved on the device (0 when it cannot be read).
    pub async fn saved_customers(self) -> u32 {
        match self.db().await {
            Some(db) => db.customer_count().await.unwrap_or(0),
            None => 0,
        }
    }
}
