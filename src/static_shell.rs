//! index.html's static shell: painted before the wasm arrives, removed once the app has
//! drawn something in its place (see `index.html` and `public/shell.js`).

use std::cell::Cell;

thread_local! {
    static HELD: Cell<bool> = const { Cell::new(false) };
}

/// Keeps the static shell on screen past mount: what the app draws first is still loading
/// (the workspace's module), and the shell's frame looks like it.
pub fn hold() {
    HELD.set(true);
}

/// Right after mount: removes the static shell unless something holds it.
pub fn mounted() {
    if !HELD.get() {
        remove();
    }
}

/// Removes the static shell.
pub fn remove() {
    HELD.set(false);
    let shell = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("static-shell"));
    if let Some(shell) = shell {
        shell.remove();
    }
}
