//! A row or card that opens something: a tap anywhere on it follows its link.
//!
//! The link stays the one way in for the keyboard and for screen readers; the rest of the row
//! answers to a pointer through this handler. It is not an overlay stretched over the row
//! (`::after` with `inset: 0`): that needs a positioned table row, which WebKit (Safari on the
//! iPad) does not make, so the last row's overlay covered the whole page and every tap opened
//! the last customer.
//!
//! ```ignore
//! <tr class="opens" on:click=opens_on_tap(href.clone())> … <A href=href>…</A> … </tr>
//! ```

use leptos_router::hooks::use_navigate;
use wasm_bindgen::JsCast;

/// What a tap on the row inside these still does itself (a link, a button, a box).
const OWN_CONTROLS: &str = "a, button, input, select, textarea, label, summary, [role=button]";

/// A click handler for a row or card whose link is `href`: a plain primary click on anything
/// but a control of its own goes to `href`. A click with a modifier, or that ends a text
/// selection, is left alone.
pub fn opens_on_tap(href: String) -> impl Fn(web_sys::MouseEvent) + Clone + 'static {
    let navigate = use_navigate();
    move |ev: web_sys::MouseEvent| {
        if ev.default_prevented()
            || ev.button() != 0
            || ev.ctrl_key()
            || ev.meta_key()
            || ev.shift_key()
            || ev.alt_key()
        {
            return;
        }
        let on_control = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest(OWN_CONTROLS).ok().flatten())
            .is_some();
        if on_control || selecting_text() {
            return;
        }
        navigate(&href, Default::default());
    }
}

/// Whether the rep just selected text in the row (to copy a CNPJ, say) rather than tapped it.
fn selecting_text() -> bool {
    web_sys::window().and_then(|w| w.get_selection().ok().flatten()).is_some_and(|s| !s.is_collapsed())
}
