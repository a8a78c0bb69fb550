//! index.html's static shell: painted before the wasm arrives, and removed by the view that
//! takes its place once that view is drawn — the login page at once, the workspace when its
//! module is here (the shell's frame looks like it meanwhile). The router draws its routes
//! after the mount, so the views, not `main`, know when.

/// Removes the static shell (again is harmless).
pub fn remove() {
    let shell = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("static-shell"));
    if let Some(shell) = shell {
        shell.remove();
    }
}
