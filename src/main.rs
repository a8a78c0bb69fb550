//! Mounts the app; everything else lives in the library.

use wasm_bindgen::{JsCast, JsValue};

fn main() {
    mascate::panic::install();
    wasm_bindgen_futures::spawn_local(async {
        after_next_paint().await;
        leptos::mount::mount_to_body(mascate::app::App);
        // index.html's static shell stays until the first view drawn in its place removes
        // it (src/static_shell.rs), so nothing blank is ever painted between the two.
    });
}

/// Resolves once the browser has painted what it has: the app is drawn in a task of its own,
/// after the one that compiled the wasm (two shorter tasks keep the page responsive). A
/// hidden tab gets no frames, so it waits at most 100 ms.
async fn after_next_paint() {
    let Some(window) = web_sys::window() else { return };
    let painted = js_sys::Promise::new(&mut |resolve, _| {
        let w = window.clone();
        let r = resolve.clone();
        // A frame callback runs just before a paint; a task it queues runs after that paint.
        let next = wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ = w.set_timeout_with_callback(&r);
        });
        let _ = window.request_animation_frame(next.unchecked_ref());
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 100);
    });
    let _: Result<JsValue, JsValue> = wasm_bindgen_futures::JsFuture::from(painted).await;
}
