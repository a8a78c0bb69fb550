//! Room on the device: what the browser says this origin uses and may use, asking it to keep
//! this origin's data, and whether a day's download fits beside it (the ERP counts the download, see
//! `mascate_domain::download_size`).

use mascate_domain::download_size::{fit, Fit};
use mascate_domain::offline::Schema;

use wasm_bindgen::JsCast;

use super::OfflineData;
use crate::api::ApiError;
use crate::browser_promise::within;

/// The browser's storage estimate for this origin.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StorageSpace {
    /// Bytes used (IndexedDB, caches, the service worker).
    pub used: f64,
    /// Bytes the browser lets this origin use.
    pub quota: f64,
    /// Whether the browser promised not to evict it.
    pub persisted: bool,
}

impl StorageSpace {
    /// Bytes still free.
    pub fn free(&self) -> f64 {
        (self.quota - self.used).max(0.0)
    }
}

/// How long the storage manager may take to answer before the app goes on without it.
const STORAGE_ANSWER_MS: i32 = 3_000;

/// Reads `navigator.storage.estimate()` and `persisted()`; `None` where the browser has no
/// storage manager (WebKitGTK) or does not answer in time.
pub async fn storage_space() -> Option<StorageSpace> {
    let manager = storage_manager()?;
    let estimate = within(manager.estimate().ok()?, STORAGE_ANSWER_MS).await.ok()?;
    let get = |k: &str| js_sys::Reflect::get(&estimate, &k.into()).ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
    let persisted = match manager.persisted() {
        Ok(p) => within(p, STORAGE_ANSWER_MS).await.ok().and_then(|v| v.as_bool()).unwrap_or(false),
        Err(_) => false,
    };
    Some(StorageSpace { used: get("usage"), quota: get("quota"), persisted })
}

/// The browser's storage manager, where it has one (WebKitGTK has no `navigator.storage`).
fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    let manager = js_sys::Reflect::get(&navigator, &"storage".into()).ok()?;
    (!manager.is_undefined() && !manager.is_null()).then(|| manager.unchecked_into())
}

/// A download's size beside the room for it.
#[derive(Debug, Clone, PartialEq)]
pub struct SizeCheck {
    /// Records the download brings.
    pub records: u64,
    /// About how many bytes they take on the device.
    pub bytes: u64,
    /// Free bytes, when the browser says.
    pub free: Option<u64>,
}

impl SizeCheck {
    /// Whether it fits, when the browser says how much is free.
    pub fn fit(&self) -> Option<Fit> {
        self.free.map(|f| fit(self.bytes, f))
    }
}

impl OfflineData {
    /// How big the day's download is — with `proposal`'s schema holding the given ids
    /// instead of today's saved selection — and whether it fits. `Ok(None)` when the ERP
    /// cannot tell (it lacks Mascate's estimate).
    pub async fn size_check(self, proposal: Option<(Schema, Vec<String>)>) -> Result<Option<SizeCheck>, ApiError> {
        let asked = proposal.as_ref().map(|(s, ids)| (*s, ids.as_slice()));
        let Some(estimate) = self.api.download_estimate(asked).await? else { return Ok(None) };
        let free = storage_space().await.map(|s| s.free() as u64);
        Ok(Some(SizeCheck { records: estimate.records, bytes: estimate.on_device(), free }))
    }
}

/// Asks the browser not to evict this origin's data under storage pressure (the rep's
/// orders and selection live there). Browsers may say no; the configurator shows which.
///
/// Nothing waits for the answer: Firefox asks the person, and a prompt nobody answers never
/// settles (the download once stayed "running" forever behind it). The question is asked
/// and the caller goes on.
pub(super) fn request_persistence() {
    let Some(manager) = storage_manager() else { return };
    // The promise is dropped: its answer is read later through `persisted()`.
    let _ = manager.persist();
}
