//! The download's write path, on IndexedDB directly (web-sys): rexie cannot ask for a
//! transaction's durability, and a page must be handed to the database without waiting for
//! it, so the next page can be fetched while this one commits.
//!
//! A page is one transaction. Its requests are all made before [`begin_page`] returns (no
//! await inside the transaction, which would let it commit early); [`PageWrite::committed`]
//! then waits for the commit. Pages are written with `durability: "relaxed"` (the browser
//! may confirm before the disk has them: a page lost to a power cut is downloaded again,
//! because its table's checkpoint is not there yet), except the page that carries a
//! checkpoint, which is `"strict"`: once it is confirmed, it and every page before it are
//! on disk, so a checkpoint never outlives the rows it vouches for.

use js_sys::{Array, Object, Promise, Reflect};
use mascate_domain::offline::Key;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbTransaction};

use super::{stores, StorageError};

#[wasm_bindgen]
extern "C" {
    /// An `IDBDatabase`, seen only for `transaction(stores, mode, {durability})`, which
    /// web-sys has behind its unstable-API flag.
    #[wasm_bindgen(js_name = IDBDatabase)]
    type DurableDatabase;
    #[wasm_bindgen(method, catch, js_name = transaction)]
    fn transaction_with_options(
        this: &DurableDatabase,
        stores: &Array,
        mode: &str,
        options: &Object,
    ) -> Result<IdbTransaction, JsValue>;
}

fn js_error(e: JsValue) -> StorageError {
    match e.dyn_ref::<web_sys::DomException>() {
        Some(d) => StorageError::of_dom_exception(Some(d.name()), format!("{}: {}", d.name(), d.message())),
        None => StorageError::Failed(e.as_string().unwrap_or_else(|| format!("{e:?}"))),
    }
}

/// Resolves on the request's `success` (or the transaction's `complete`), fails on its
/// `error`/`abort`, with no Rust closure kept alive.
fn settle(target: &web_sys::EventTarget, ok: &str, failed: &[&str]) -> JsFuture {
    let promise = Promise::new(&mut |resolve, reject| {
        let _ = target.add_event_listener_with_callback(ok, &resolve);
        for f in failed {
            let _ = target.add_event_listener_with_callback(f, &reject);
        }
    });
    JsFuture::from(promise)
}

/// Opens a second connection to `name` at `version`, which the app's schema (rexie) has
/// already created; it closes itself when another tab needs to upgrade the database.
pub async fn open(name: &str, version: u32) -> Result<IdbDatabase, StorageError> {
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or_else(|| StorageError::Failed("IndexedDB is not available".into()))?;
    let request = factory.open_with_u32(name, version).map_err(js_error)?;
    let opened = settle(&request, "success", &["error", "blocked", "upgradeneeded"]).await;
    let db: IdbDatabase = match opened {
        Ok(_) => request.result().map_err(js_error)?.unchecked_into(),
        Err(_) => {
            // An upgrade here would create stores without the schema: give it back.
            if let Some(tx) = request.transaction() {
                let _ = tx.abort();
            }
            return Err(StorageError::Failed(format!("{name}: not at version {version}")));
        }
    };
    let closing = db.clone();
    let on_change = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || closing.close());
    db.set_onversionchange(Some(on_change.as_ref().unchecked_ref()));
    // One per connection, for the page's lifetime.
    on_change.forget();
    Ok(db)
}

/// A page handed to the database, committing.
pub struct PageWrite {
    tx: IdbTransaction,
    done: JsFuture,
    counts: (u32, u32),
}

impl PageWrite {
    /// Rows written and removed, once committed.
    #[cfg(feature = "device-tests")]
    pub fn counts(&self) -> (u32, u32) {
        self.counts
    }

    /// Waits for the commit; on failure nothing of the page (nor its meta) was kept.
    pub async fn committed(self) -> Result<(u32, u32), StorageError> {
        match self.done.await {
            Ok(_) => Ok(self.counts),
            Err(e) => Err(self.tx.error().map(|d| js_error(d.into())).unwrap_or_else(|| js_error(e))),
        }
    }
}

/// The key of a raw row under `key`.
fn key_of(row: &JsValue, key: Key) -> JsValue {
    let get = |f: &str| Reflect::get(row, &JsValue::from_str(f)).unwrap_or(JsValue::UNDEFINED);
    match key {
        Key::Field(f) => get(f),
        Key::Fields(fs) => fs.iter().map(|f| get(f)).collect::<Array>().into(),
    }
}

fn meta_row(key: &str, value: &str) -> JsValue {
    let row = Object::new();
    let _ = Reflect::set(&row, &"key".into(), &key.into());
    let _ = Reflect::set(&row, &"value".into(), &value.into());
    row.into()
}

/// Hands one page of a download to `store` as one transaction: rows marked `deleted` are
/// removed, the others inserted or replaced; `clear` empties the store first, and `meta`
/// (`{key, value}` rows of the meta store) commits with the page or not at all.
pub fn begin_page(
    db: &IdbDatabase,
    store: &str,
    key: Key,
    rows: &Array,
    clear: bool,
    meta: &[(&str, &str)],
) -> Result<PageWrite, StorageError> {
    let options = Object::new();
    let durability = if meta.is_empty() { "relaxed" } else { "strict" };
    let _ = Reflect::set(&options, &"durability".into(), &durability.into());
    let names = Array::of2(&store.into(), &stores::META.into());
    let tx = db
        .unchecked_ref::<DurableDatabase>()
        .transaction_with_options(&names, "readwrite", &options)
        .map_err(js_error)?;
    let done = settle(&tx, "complete", &["abort", "error"]);
    let deleted = JsValue::from_str("deleted");
    let written = (|| {
        let target = tx.object_store(store)?;
        if clear {
            target.clear()?;
        }
        let mut counts = (0, 0);
        for row in rows.iter() {
            if Reflect::get(&row, &deleted).ok().and_then(|v| v.as_bool()) == Some(true) {
                target.delete(&key_of(&row, key))?;
                counts.1 += 1;
            } else {
                target.put(&row)?;
                counts.0 += 1;
            }
        }
        let meta_store = tx.object_store(stores::META)?;
        for (k, v) in meta {
            meta_store.put(&meta_row(k, v))?;
        }
        Ok::<_, JsValue>(counts)
    })();
    match written {
        Ok(counts) => Ok(PageWrite { tx, done, counts }),
        Err(e) => {
            // All or nothing: the requests already made must not commit on their own.
            let _ = tx.abort();
            Err(js_error(e))
        }
    }
}
