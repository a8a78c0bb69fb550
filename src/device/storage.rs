//! The rep's data on the device: one IndexedDB database per seller (`mascate-<seller>`), so
//! two reps sharing a tablet never see each other's customers.
//!
//! The schema is versioned. IndexedDB (through rexie) deletes any store a version does not
//! declare, so [`schema`] declares every store in every version and only ever adds.
//!
//! ```ignore
//! let db = Storage::open_for_seller("000001").await?;
//! db.put_customers(&page.items).await?;
//! let saved = db.customers().await?;
//! ```

use mascate_domain::contract::Customer;
use mascate_domain::offline::Key;
use rexie::{Index, ObjectStore, Rexie, TransactionMode};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::JsValue;

mod bulk;
#[cfg(feature = "device-tests")]
mod test_door;
mod writes;
pub use bulk::PageWrite;

/// The newest schema version.
pub const VERSION: u32 = 5;

/// Store names.
pub mod stores {
    /// Customers read from the server, keyed by the contract's opaque `id`.
    pub const CUSTOMERS: &str = "customers";
    /// Small key/value facts (`{key, value}`), such as when a list was last refreshed.
    pub const META: &str = "meta";
    /// Documents written on the device and waiting to be sent (used by the sync engine).
    pub const OUTBOX: &str = "outbox";
    /// Today's selection and the reference lists, as the ERP sent them (version 3); the
    /// names match `mascate_domain::offline::TABLES`.
    pub const PROSPECTS: &str = "prospects";
    pub const PRODUCTS: &str = "products";
    pub const PRICE_LISTS: &str = "price_lists";
    pub const PRICE_LIST_ITEMS: &str = "price_list_items";
    pub const PAYMENT_CONDITIONS: &str = "payment_conditions";
    pub const CARRIERS: &str = "carriers";
    pub const STOCK: &str = "stock";
    pub const OPERATION_TYPES: &str = "operation_types";
    /// The selected customers' contacts and last purchases (version 4).
    pub const CONTACTS: &str = "contacts";
    pub const LAST_PURCHASES: &str = "last_purchases";
    /// The rep's tasks, their notes and visits (version 5), and the task writes waiting to
    /// be sent, one per task id and note id (`mascate_domain::task::writes`).
    pub const TASKS: &str = "tasks";
    pub const TASK_NOTES: &str = "task_notes";
    pub const VISITS: &str = "visits";
    pub const TASK_WRITES: &str = "task_writes";
}

/// Index names.
pub mod indexes {
    /// Customers by `[code, store]`, the key the contract's URLs use.
    pub const CUSTOMER_BY_CODE: &str = "by_code_store";
    /// Price-list items by their list's code.
    pub const ITEM_BY_LIST: &str = "by_list";
    /// Contacts and last purchases by their customer's `[customerid, customerstore]`.
    pub const BY_CUSTOMER: &str = "by_customer";
    /// Tasks and task notes by `taskid` (the device's id; the key is the ERP's `internalid`).
    pub const BY_TASK: &str = "by_task";
}

/// The version that first has `store` (the offline tables came in version 3).
fn since(store: &str) -> u32 {
    match store {
        stores::CONTACTS | stores::LAST_PURCHASES => 4,
        stores::TASKS | stores::TASK_NOTES | stores::VISITS => 5,
        _ => 3,
    }
}

/// The stores of schema `version`. Each version repeats everything before it.
pub fn schema(name: &str, version: u32) -> rexie::RexieBuilder {
    let mut customers = ObjectStore::new(stores::CUSTOMERS).key_path("id");
    if version >= 2 {
        customers = customers.add_index(Index::new_array(indexes::CUSTOMER_BY_CODE, ["code", "store"]));
    }
    let mut builder = Rexie::builder(name)
        .version(version)
        .add_object_store(customers)
        .add_object_store(ObjectStore::new(stores::META).key_path("key"));
    if version >= 2 {
        builder = builder.add_object_store(ObjectStore::new(stores::OUTBOX).key_path("external_id"));
    }
    if version >= 5 {
        builder = builder.add_object_store(ObjectStore::new(stores::TASK_WRITES).key_path("key"));
    }
    if version >= 3 {
        let tables = mascate_domain::offline::TABLES.iter().filter(|t| since(t.store) <= version);
        for table in tables.filter(|t| t.store != stores::CUSTOMERS) {
            let mut store = match table.key {
                Key::Field(f) => ObjectStore::new(table.store).key_path(f),
                Key::Fields(fs) => ObjectStore::new(table.store).key_path_array(fs.iter().copied()),
            };
            match table.store {
                stores::PRICE_LIST_ITEMS => store = store.add_index(Index::new(indexes::ITEM_BY_LIST, "pricelist")),
                stores::CONTACTS | stores::LAST_PURCHASES => {
                    store = store.add_index(Index::new_array(indexes::BY_CUSTOMER, ["customerid", "customerstore"]))
                }
                stores::TASKS | stores::TASK_NOTES => store = store.add_index(Index::new(indexes::BY_TASK, "taskid")),
                _ => {}
            }
            builder = builder.add_object_store(store);
        }
    }
    builder
}

/// Why the device's database failed; the pages fall back to the network or say so.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum StorageError {
    /// The browser refused a write for want of space (a `QuotaExceededError`): nothing was
    /// saved, and the rep must be told so in plain words.
    #[error("the device's storage is full")]
    QuotaExceeded,
    /// Anything else the database or the (de)serialisation refused, in its own words.
    #[error("device storage: {0}")]
    Failed(String),
}

impl StorageError {
    /// The browser refused the write for want of space.
    pub fn is_quota(&self) -> bool {
        *self == StorageError::QuotaExceeded
    }

    /// From the name of the `DOMException` the browser raised (`QuotaExceededError`, …).
    pub(crate) fn of_dom_exception(name: Option<String>, text: String) -> StorageError {
        match name.as_deref() {
            Some("QuotaExceededError") => StorageError::QuotaExceeded,
            _ => StorageError::Failed(text),
        }
    }
}

/// The `name` of the `DOMException` inside an IndexedDB error, when it carries one.
fn dom_exception_name(e: &idb::Error) -> Option<String> {
    use idb::Error as E;
    let value = match e {
        E::DomException(d) => return Some(d.name()),
        E::AddFailed(v)
        | E::UpdateFailed(v)
        | E::TransactionCommitError(v)
        | E::ClearFailed(v)
        | E::DeleteFailed(v)
        | E::IndexedDbOpenFailed(v)
        | E::ObjectStoreCreateFailed(v) => v,
        _ => return None,
    };
    js_sys::Reflect::get(value, &JsValue::from_str("name")).ok()?.as_string()
}

impl From<rexie::Error> for StorageError {
    fn from(e: rexie::Error) -> Self {
        let name = match &e {
            rexie::Error::IdbError(inner) => dom_exception_name(inner),
            _ => None,
        };
        StorageError::of_dom_exception(name, e.to_string())
    }
}

impl From<serde_wasm_bindgen::Error> for StorageError {
    fn from(e: serde_wasm_bindgen::Error) -> Self {
        StorageError::Failed(e.to_string())
    }
}

thread_local! {
    // One open connection per seller for the page's lifetime, opened at sign-in (the sync
    // engine's first count of the outbox) and shared by every engine after it.
    static OPEN: std::cell::RefCell<Option<(String, std::rc::Rc<Storage>)>> = const { std::cell::RefCell::new(None) };
}

/// The signed-in seller's database, opened once and shared.
pub async fn for_seller(seller_code: &str) -> Result<std::rc::Rc<Storage>, StorageError> {
    let name = database_name(seller_code);
    if let Some(db) = OPEN.with(|o| o.borrow().as_ref().filter(|(n, _)| *n == name).map(|(_, db)| db.clone())) {
        return Ok(db);
    }
    let db = std::rc::Rc::new(Storage::open_named(&name).await?);
    OPEN.with(|o| *o.borrow_mut() = Some((name, db.clone())));
    Ok(db)
}

/// An open database.
pub struct Storage {
    db: Rexie,
    bulk: std::cell::RefCell<Option<web_sys::IdbDatabase>>,
}

/// The database name of a seller.
pub fn database_name(seller_code: &str) -> String {
    format!("mascate-{}", seller_code.trim())
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, StorageError> {
    // Plain objects, not JS Maps: IndexedDB reads key paths only from objects.
    Ok(value.serialize(&serde_wasm_bindgen::Serializer::json_compatible())?)
}

/// A stored row as `T`.
pub fn from_js<T: DeserializeOwned>(value: JsValue) -> Result<T, StorageError> {
    Ok(serde_wasm_bindgen::from_value(value)?)
}

#[derive(Serialize, serde::Deserialize)]
struct Meta {
    key: String,
    value: String,
}

impl Storage {
    /// Opens a database by name at the current [`VERSION`].
    pub async fn open_named(name: &str) -> Result<Storage, StorageError> {
        Ok(Storage { db: schema(name, VERSION).build().await?, bulk: Default::default() })
    }

    /// How many customers are saved.
    pub async fn customer_count(&self) -> Result<u32, StorageError> {
        let tx = self.db.transaction(&[stores::CUSTOMERS], TransactionMode::ReadOnly)?;
        Ok(tx.store(stores::CUSTOMERS)?.count(None).await?)
    }

    /// A saved customer by code and store.
    pub async fn customer(&self, code: &str, store: &str) -> Result<Option<Customer>, StorageError> {
        let tx = self.db.transaction(&[stores::CUSTOMERS], TransactionMode::ReadOnly)?;
        let key = js_sys::Array::of2(&JsValue::from_str(code), &JsValue::from_str(store));
        let found = tx.store(stores::CUSTOMERS)?.index(indexes::CUSTOMER_BY_CODE)?.get(key.into()).await?;
        found.map(from_js).transpose()
    }

    /// Reads a meta value.
    pub async fn meta(&self, key: &str) -> Result<Option<String>, StorageError> {
        let tx = self.db.transaction(&[stores::META], TransactionMode::ReadOnly)?;
        let found = tx.store(stores::META)?.get(JsValue::from_str(key)).await?;
        Ok(found.map(from_js::<Meta>).transpose()?.map(|m| m.value))
    }

    /// Writes a meta value.
    pub async fn set_meta(&self, key: &str, value: &str) -> Result<(), StorageError> {
        let v = to_js(&Meta { key: key.into(), value: value.into() })?;
        let tx = self.db.transaction(&[stores::META], TransactionMode::ReadWrite)?;
        tx.store(stores::META)?.put(&v, None).await?;
        tx.done().await?;
        Ok(())
    }

    /// The second connection that downloads write through ([`bulk`]), opened once.
    async fn bulk(&self) -> Result<web_sys::IdbDatabase, StorageError> {
        if let Some(db) = self.bulk.borrow().as_ref() {
            return Ok(db.clone());
        }
        let db = bulk::open(&self.db.name(), VERSION).await?;
        *self.bulk.borrow_mut() = Some(db.clone());
        Ok(db)
    }

    /// Hands one page of a download to `store` as one transaction and returns while it
    /// commits (see [`bulk::begin_page`]): rows marked `deleted` are removed, the others
    /// inserted or replaced; `clear` empties the store first, and `meta` is written in the
    /// same transaction, so a checkpoint never gets ahead of the rows it vouches for
    /// (`docs/sync.md`, rule 9).
    pub async fn begin_page(
        &self,
        store: &str,
        key: Key,
        rows: &js_sys::Array,
        clear: bool,
        meta: &[(&str, &str)],
    ) -> Result<PageWrite, StorageError> {
        bulk::begin_page(&self.bulk().await?, store, key, rows, clear, meta)
    }

    /// Every row of `store`.
    pub async fn rows<T: DeserializeOwned>(&self, store: &str) -> Result<Vec<T>, StorageError> {
        let tx = self.db.transaction(&[store], TransactionMode::ReadOnly)?;
        let values = tx.store(store)?.get_all(None, None).await?;
        values.into_iter().map(from_js).collect()
    }

    /// Every row of `store`, as the browser holds it (for reading a few properties of many
    /// rows without converting each whole row).
    pub async fn rows_raw(&self, store: &str) -> Result<Vec<JsValue>, StorageError> {
        let tx = self.db.transaction(&[store], TransactionMode::ReadOnly)?;
        Ok(tx.store(store)?.get_all(None, None).await?)
    }

    /// The rows of `store` under `keys`, in that order (missing keys are skipped): one page
    /// of a list searched in memory.
    pub async fn rows_by_keys<T: DeserializeOwned>(&self, store: &str, keys: &[&str]) -> Result<Vec<T>, StorageError> {
        let tx = self.db.transaction(&[store], TransactionMode::ReadOnly)?;
        let target = tx.store(store)?;
        // All requests at once: one round trip to the database, not one per row.
        let found = futures::future::join_all(keys.iter().map(|k| target.get(JsValue::from_str(k)))).await;
        let mut out = Vec::with_capacity(keys.len());
        for row in found {
            if let Some(v) = row? {
                out.push(from_js(v)?);
            }
        }
        Ok(out)
    }

    /// The rows of `store` whose `index` equals `value`.
    pub async fn rows_where<T: DeserializeOwned>(
        &self,
        store: &str,
        index: &str,
        value: &str,
    ) -> Result<Vec<T>, StorageError> {
        let tx = self.db.transaction(&[store], TransactionMode::ReadOnly)?;
        let range =
            rexie::KeyRange::only(&JsValue::from_str(value)).map_err(|e| StorageError::Failed(e.to_string()))?;
        let values = tx.store(store)?.index(index)?.get_all(Some(range), None).await?;
        values.into_iter().map(from_js).collect()
    }

    /// The rows of `store` (contacts, last purchases) of one customer.
    pub async fn rows_of_customer<T: DeserializeOwned>(
        &self,
        store: &str,
        code: &str,
        customer_store: &str,
    ) -> Result<Vec<T>, StorageError> {
        let tx = self.db.transaction(&[store], TransactionMode::ReadOnly)?;
        let key = js_sys::Array::of2(&JsValue::from_str(code), &JsValue::from_str(customer_store));
        let range = rexie::KeyRange::only(&key.into()).map_err(|e| StorageError::Failed(e.to_string()))?;
        let values = tx.store(store)?.index(indexes::BY_CUSTOMER)?.get_all(Some(range), None).await?;
        values.into_iter().map(from_js).collect()
    }

    /// How many rows `store` holds.
    pub async fn count(&self, store: &str) -> Result<u32, StorageError> {
        let tx = self.db.transaction(&[store], TransactionMode::ReadOnly)?;
        Ok(tx.store(store)?.count(None).await?)
    }

    /// Empties every store (the seller's offline data leaves the device), in one transaction.
    pub async fn wipe(&self) -> Result<(), StorageError> {
        let names = self.db.store_names();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let tx = self.db.transaction(&names, TransactionMode::ReadWrite)?;
        for s in &names {
            tx.store(s)?.clear().await?;
        }
        tx.done().await?;
        Ok(())
    }

    /// Empties the given stores and forgets the given meta keys, in one transaction.
    pub async fn clear(&self, store_names: &[&str], meta_keys: &[String]) -> Result<(), StorageError> {
        let mut names: Vec<&str> = store_names.to_vec();
        names.push(stores::META);
        let tx = self.db.transaction(&names, TransactionMode::ReadWrite)?;
        for s in store_names {
            tx.store(s)?.clear().await?;
        }
        let meta = tx.store(stores::META)?;
        for k in meta_keys {
            meta.delete(JsValue::from_str(k)).await?;
        }
        tx.done().await?;
        Ok(())
    }
}

/// A failure of the device's database, for code paths that report `ApiError`s.
impl From<StorageError> for crate::api::ApiError {
    fn from(e: StorageError) -> Self {
        crate::api::ApiError::Malformed(e.to_string())
    }
}
