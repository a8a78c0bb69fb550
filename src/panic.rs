//! A panic is never silent. In a dev or test build the hook logs the panic's message and
//! location (console_error_panic_hook) and tells the rep through `window.mascatePanicked`
//! (public/shell.js): something went wrong, and a reload loses nothing. The release build
//! aborts on a panic without running any hook (std built with panic=immediate-abort, see
//! docs/size.md); public/shell.js catches the WebAssembly error that abort raises and says the
//! same.
//!
//! ```ignore
//! mascate::panic::install(); // first thing in main
//! ```

use wasm_bindgen::{JsCast, JsValue};

/// Installs the panic hook.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        tell_the_rep(&info.to_string());
    }));
}

fn tell_the_rep(message: &str) {
    let Some(window) = web_sys::window() else { return };
    let said = js_sys::Reflect::get(&window, &"mascatePanicked".into()).ok();
    if let Some(say) = said.as_ref().and_then(|f| f.dyn_ref::<js_sys::Function>()) {
        let _ = say.call1(&JsValue::NULL, &message.into());
    }
}

/// Dev and test builds only: `panic-probe` in the address panics on purpose once the app
/// runs, so that a test can check that a panic is said to the rep and logged with its place.
/// Compiled out of release builds.
pub fn probe() {
    if !cfg!(debug_assertions) {
        return;
    }
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    if search.contains("panic-probe") {
        leptos::task::spawn_local(async { panic!("panic probe: deliberately triggered for a test (?panic-probe)") });
    }
}
