//! Keeps the focused control clear of the sticky bars (issue 26). Browsers scroll a focused
//! control into view only when it is outside the window, so one that lands under the top bar,
//! the bottom menu or the form's action bar stays hidden there. On every focus this asks the
//! browser to bring it into the window's clear band (`scroll-padding` in style/main.css says
//! how tall the bars are), which `scrollIntoView` honours in every engine.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The bars' heights, as the stylesheet's `scroll-padding` of the page says them (px).
fn padding() -> (f64, f64) {
    let style = web_sys::window()
        .zip(web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()))
        .and_then(|(w, root)| w.get_computed_style(&root).ok().flatten());
    let px = |name: &str| {
        style
            .as_ref()
            .and_then(|s| s.get_property_value(name).ok())
            .and_then(|v| v.trim_end_matches("px").trim().parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (px("scroll-padding-top"), px("scroll-padding-bottom"))
}

/// Scrolls `el` clear of the bars when some of it is under one.
fn clear(el: &web_sys::Element) {
    // Controls inside a bar (the menu, the actions) are where they belong; a dialog has
    // its own box.
    if el.closest("header, nav, .form-actions, dialog").ok().flatten().is_some() {
        return;
    }
    let Some(height) = web_sys::window().and_then(|w| w.inner_height().ok()).and_then(|h| h.as_f64()) else {
        return;
    };
    let (top, bottom) = padding();
    let r = el.get_bounding_client_rect();
    if r.top() < top || r.bottom() > height - bottom {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// Starts watching focus for the life of the app.
pub fn provide_focus_clearance() {
    // The handle lives as long as the app: there is nothing to remove it for.
    let _ = window_event_listener(ev::focusin, |e| {
        if let Some(el) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
            clear(&el);
        }
    });
}
