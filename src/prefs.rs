//! Small preferences kept in `localStorage`: they must survive reloads and offline starts,
//! and are read synchronously at start-up, before IndexedDB could answer.

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// Reads a preference.
pub fn get(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok()?
}

/// Writes a preference; a full or disabled storage is not an error worth stopping for.
pub fn set(key: &str, value: &str) {
    if let Some(s) = local_storage() {
        let _ = s.set_item(key, value);
    }
}

/// Forgets a preference.
pub fn remove(key: &str) {
    if let Some(s) = local_storage() {
        let _ = s.remove_item(key);
    }
}

/// Keys, in one place so nothing collides.
pub mod keys {
    pub const LOCALE: &str = "mascate.locale";
    pub const SESSION: &str = "mascate.session";
    pub const BASE_URL: &str = "mascate.base_url";
    pub const CUSTOMER_VIEW: &str = "mascate.customers.view";
    pub const ORDERS_VIEW: &str = "mascate.orders.view";
    pub const QUOTATIONS_VIEW: &str = "mascate.quotations.view";
    /// Seconds between two runs of the sync engine while online (default 60).
    pub const SYNC_INTERVAL: &str = "mascate.sync.interval_s";
    /// The ERP's clock minus the device's, in ms (see `erp_clock`).
    pub const ERP_CLOCK_OFFSET: &str = "mascate.erp_clock_offset_ms";
    /// The rep read the hint to add Mascate to the home screen.
    pub const INSTALL_HINT_READ: &str = "mascate.install_hint_read";

    /// What a seller's database held at the last look (see `offline::vanished`).
    pub fn device_mark(seller: &str) -> String {
        format!("mascate.device.{}", seller.trim())
    }
}
