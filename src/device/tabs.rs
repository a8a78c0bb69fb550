//! Many tabs of the app on one device: only one syncs (and one renews the tokens) at a time
//! (the Web Locks API), and the
//! others hear about what it changed (a `BroadcastChannel`) and reload their view of the
//! device's data without a page reload.
//!
//! ```ignore
//! if tabs::exclusively("mascate-sync-000001", async { pass().await }).await.is_none() {
//!     // another tab is syncing right now
//! }
//! tabs::announce("000001");
//! let listening = tabs::on_announce("000001", || reload_counts()); // until dropped
//! ```

use std::future::Future;

use leptos::prelude::{on_cleanup, Effect, Get, LocalStorage, Memo, SetValue, StoredValue, UpdateValue};

use wasm_bindgen::prelude::*;

use crate::browser_promise::within;

/// How long the Web Locks API may take to say whether the lock is free.
const LOCK_ANSWER_MS: i32 = 5_000;

fn get(target: &JsValue, key: &str) -> Option<JsValue> {
    js_sys::Reflect::get(target, &JsValue::from_str(key)).ok().filter(|v| !v.is_undefined() && !v.is_null())
}

/// Runs `work` holding the lock `name` across every tab of this origin, or returns `None`
/// at once if another tab holds it. Where the browser has no Web Locks, it simply runs.
pub async fn exclusively<T>(name: &str, work: impl Future<Output = T>) -> Option<T> {
    let locks = web_sys::window().and_then(|w| get(&w.navigator(), "locks"));
    let Some(request) = locks.as_ref().and_then(|l| get(l, "request")) else {
        return Some(work.await);
    };
    let locks = locks.unwrap_or(JsValue::UNDEFINED);
    // The lock is held until the promise the callback returns settles: `release`.
    let mut resolve_release: Option<js_sys::Function> = None;
    let release = js_sys::Promise::new(&mut |resolve, _| resolve_release = Some(resolve));
    let mut resolve_granted: Option<js_sys::Function> = None;
    let granted = js_sys::Promise::new(&mut |resolve, _| resolve_granted = Some(resolve));
    let resolve_granted = resolve_granted?;
    let held = release.clone();
    let callback = Closure::once_into_js(move |lock: JsValue| -> JsValue {
        let got = !lock.is_null() && !lock.is_undefined();
        let _ = resolve_granted.call1(&JsValue::NULL, &JsValue::from_bool(got));
        if got {
            held.into()
        } else {
            js_sys::Promise::resolve(&JsValue::UNDEFINED).into()
        }
    });
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"ifAvailable".into(), &JsValue::TRUE);
    let request: js_sys::Function = request.unchecked_into();
    if request.call3(&locks, &JsValue::from_str(name), &options, &callback).is_err() {
        return Some(work.await);
    }
    // With `ifAvailable` the browser answers at once; one that does not answer within a few
    // seconds is taken as having no locks (the ERP keeps each document once by its external
    // id, so two tabs sending together cost a request, never a duplicate).
    match within(granted, LOCK_ANSWER_MS).await.ok().map(|v| v.as_bool()) {
        Some(Some(true)) | None => {}
        Some(_) => return None,
    }
    let out = work.await;
    if let Some(r) = resolve_release {
        let _ = r.call0(&JsValue::NULL);
    }
    Some(out)
}

/// How long a tab waits for another's turn with a [`queued`] lock before going ahead alone.
const QUEUE_WAIT_MS: i32 = 30_000;

/// Runs `work` holding the lock `name` across every tab of this origin, waiting for the tab
/// that holds it to finish first (up to 30 s; then, or where the browser has no Web Locks,
/// it simply runs).
pub async fn queued<T>(name: &str, work: impl Future<Output = T>) -> T {
    let locks = web_sys::window().and_then(|w| get(&w.navigator(), "locks"));
    let Some(request) = locks.as_ref().and_then(|l| get(l, "request")) else {
        return work.await;
    };
    let locks = locks.unwrap_or(JsValue::UNDEFINED);
    let mut resolve_release: Option<js_sys::Function> = None;
    let release = js_sys::Promise::new(&mut |resolve, _| resolve_release = Some(resolve));
    let mut resolve_granted: Option<js_sys::Function> = None;
    let granted = js_sys::Promise::new(&mut |resolve, _| resolve_granted = Some(resolve));
    let Some(resolve_granted) = resolve_granted else { return work.await };
    let held = release.clone();
    let callback = Closure::once_into_js(move |_lock: JsValue| -> JsValue {
        let _ = resolve_granted.call1(&JsValue::NULL, &JsValue::TRUE);
        held.into()
    });
    let request: js_sys::Function = request.unchecked_into();
    if request.call2(&locks, &JsValue::from_str(name), &callback).is_err() {
        return work.await;
    }
    let _ = within(granted, QUEUE_WAIT_MS).await;
    let out = work.await;
    if let Some(r) = resolve_release {
        let _ = r.call0(&JsValue::NULL);
    }
    out
}

fn channel(seller: &str) -> Option<web_sys::BroadcastChannel> {
    web_sys::BroadcastChannel::new(&format!("mascate-{}", seller.trim())).ok()
}

/// Tells the seller's other tabs that the device's data changed.
pub fn announce(seller: &str) {
    if let Some(c) = channel(seller) {
        let _ = c.post_message(&JsValue::from_str("changed"));
        c.close();
    }
}

/// A listener for the seller's other tabs; dropping it stops listening and closes the
/// channel.
pub struct Subscription {
    channel: web_sys::BroadcastChannel,
    _handler: Closure<dyn Fn(web_sys::MessageEvent)>,
}

impl Drop for Subscription {
    fn drop(&mut self) {
        self.channel.set_onmessage(None);
        self.channel.close();
    }
}

/// Calls `f` whenever another tab of the seller announces a change, until the returned
/// subscription is dropped.
pub fn on_announce(seller: &str, f: impl Fn() + 'static) -> Option<Subscription> {
    let channel = channel(seller)?;
    let handler = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |_| f());
    channel.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    Some(Subscription { channel, _handler: handler })
}

/// Keeps one subscription per signed-in seller: `listen` is called again only when the
/// seller changes, the old subscription is dropped then, and the last one when the owner
/// goes.
pub fn follow_seller(seller: Memo<Option<String>>, listen: impl Fn(&str) -> Option<Subscription> + 'static) {
    let current: StoredValue<Option<Subscription>, LocalStorage> = StoredValue::new_local(None);
    Effect::new(move |_| {
        let seller = seller.get();
        // The old one goes first, then the new seller's (if any) is made.
        current.set_value(None);
        current.set_value(seller.as_deref().and_then(&listen));
    });
    on_cleanup(move || {
        current.try_update_value(|c| *c = None);
    });
}
