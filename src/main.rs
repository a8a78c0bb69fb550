//! Mounts the app; everything else lives in the library.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(mascate::app::App);
    // The static shell of index.html stood in until now; the app drew its first screen in
    // this same task, so nothing blank is ever painted between the two.
    if let Some(shell) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("static-shell"))
    {
        shell.remove();
    }
}
