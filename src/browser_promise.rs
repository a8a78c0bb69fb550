//! Awaiting a browser's promise with a bound: some never settle.
//!
//! Firefox's `navigator.storage.persist()` waits for the person to answer a permission
//! prompt, which may never be shown or answered; a hidden tab's frame never comes; a share
//! sheet stays open as long as the rep leaves it. Nothing the rep relies on (a download, a
//! send, a page) may wait on such a promise unbounded: it is awaited through [`within`], and
//! what did not settle in time counts as "the browser did not say".
//!
//! ```ignore
//! match browser_promise::within(manager.estimate()?, ESTIMATE_MS).await {
//!     Settled::Resolved(v) => …,
//!     Settled::Rejected(_) | Settled::TimedOut => …, // the browser did not say
//! }
//! ```

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// How a bounded wait on a promise ended.
#[derive(Debug, Clone)]
pub enum Settled {
    /// The promise resolved with this value.
    Resolved(JsValue),
    /// The promise rejected with this reason.
    Rejected(JsValue),
    /// It had not settled when the time ran out (it may still settle later; nobody waits).
    TimedOut,
}

impl Settled {
    /// The value, when it resolved in time.
    pub fn ok(self) -> Option<JsValue> {
        match self {
            Settled::Resolved(v) => Some(v),
            _ => None,
        }
    }
}

/// Waits for `promise` at most `ms` milliseconds.
pub async fn within(promise: js_sys::Promise, ms: i32) -> Settled {
    let Some(window) = web_sys::window() else { return Settled::TimedOut };
    // A value nothing else can resolve with marks the timer's side of the race.
    let marker: JsValue = js_sys::Object::new().into();
    let timer = {
        let marker = marker.clone();
        js_sys::Promise::new(&mut |resolve, _| {
            let marker = marker.clone();
            let fire = wasm_bindgen::closure::Closure::once_into_js(move || {
                let _ = resolve.call1(&JsValue::NULL, &marker);
            });
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(fire.unchecked_ref(), ms);
        })
    };
    let race = js_sys::Promise::race(&js_sys::Array::of2(&promise, &timer));
    match JsFuture::from(race).await {
        Ok(v) if js_sys::Object::is(&v, &marker) => Settled::TimedOut,
        Ok(v) => Settled::Resolved(v),
        Err(e) => Settled::Rejected(e),
    }
}
