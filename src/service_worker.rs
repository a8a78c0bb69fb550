//! Registers `sw.js`, which caches the app shell so Mascate opens with no network.
//!
//! Only release builds register it: in development a cached shell would hide every change.

/// Registers the service worker when this is a release build and the browser supports it.
pub fn register() {
    if cfg!(debug_assertions) {
        return;
    }
    let Some(window) = web_sys::window() else { return };
    let container = window.navigator().service_worker();
    // A missing API (old browser, insecure origin) just means no offline shell.
    let promise = container.register("/sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(e) = wasm_bindgen_futures::JsFuture::from(promise).await {
            web_sys::console::warn_1(&e);
        }
    });
}
