//! A real modal dialog: the browser's `<dialog>` opened with `showModal()`, so it sits in the
//! top layer (above the shell, never in its grid), the page behind it is inert, focus moves
//! in, Escape closes it, and focus goes back to whatever opened it.
//!
//! ```ignore
//! let open = RwSignal::new(false);
//! view! {
//!     <button on:click=move |_| open.set(true)>"Excluir"</button>
//!     <Dialog open title=Signal::derive(move || i18n.t(Msg::Delete).to_string()) testid="confirm-delete" alert=true>
//!         <p>"…"</p>
//!         <button autofocus on:click=move |_| open.set(false)>"Cancelar"</button>
//!     </Dialog>
//! }
//! ```

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::{use_i18n, Msg};

/// The element that had focus, to give it back when the dialog closes.
fn focused_element() -> Option<web_sys::HtmlElement> {
    web_sys::window()?.document()?.active_element()?.dyn_into().ok()
}

/// A modal dialog named by its heading. Content stays mounted while closed (hidden by the
/// browser), so what it shows is ready the moment it opens.
#[component]
pub fn Dialog(
    /// Open or closed; the dialog sets it back to `false` when Escape (or a tap on the
    /// backdrop) closes it.
    open: RwSignal<bool>,
    /// The heading, which is also the dialog's accessible name.
    #[prop(into)]
    title: Signal<String>,
    /// `data-testid` of the dialog; its heading gets `<testid>-title`.
    testid: &'static str,
    /// An alert dialog (a warning or a destructive confirmation) rather than a plain one.
    #[prop(optional)]
    alert: bool,
    /// Extra classes (`sheet` slides the dialog up from the bottom, as a menu).
    #[prop(optional)]
    class: &'static str,
    children: Children,
) -> impl IntoView {
    let dialog = NodeRef::<html::Dialog>::new();
    let opener = StoredValue::new_local(None::<web_sys::HtmlElement>);
    let heading_id = format!("{testid}-title");
    let labelled_by = heading_id.clone();
    Effect::new(move |_| {
        let want = open.get();
        let Some(el) = dialog.get() else { return };
        if want && !el.open() {
            opener.set_value(focused_element());
            // showModal moves focus to the first focusable element (or the one marked autofocus).
            let _ = el.show_modal();
        } else if !want && el.open() {
            el.close();
        }
    });
    // Closed by the browser (Escape) or by us: the state follows and focus goes back.
    let on_close = move |_| {
        open.set(false);
        if let Some(el) = opener.get_value() {
            if el.is_connected() {
                let _ = el.focus();
            }
        }
        opener.set_value(None);
    };
    // A tap on the backdrop lands on the dialog element itself (its content is inside a
    // padded box), and closes it like Escape.
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let on_backdrop = dialog.get().zip(ev.target()).is_some_and(|(d, t)| {
            let (d, t): (&wasm_bindgen::JsValue, &wasm_bindgen::JsValue) = (d.as_ref(), t.as_ref());
            d == t
        });
        if on_backdrop {
            open.set(false);
        }
    };
    view! {
        <dialog
            node_ref=dialog
            class=format!("dialog {class}")
            role=alert.then_some("alertdialog")
            aria-labelledby=labelled_by
            data-testid=testid
            on:close=on_close
            on:click=on_click
        >
            <div class="dialog-body">
                <h2 id=heading_id.clone() data-testid=heading_id>{move || title.get()}</h2>
                {children()}
            </div>
        </dialog>
    }
}

/// A destructive action asked twice: the question, "Cancelar" (focused first, the safe
/// choice) and the action in red, disabled while `busy` (the action already on its way).
/// Test ids: `<testid>`, `<testid>-no`, `<testid>-yes`.
#[component]
pub fn ConfirmDialog(
    open: RwSignal<bool>,
    /// The dialog's heading and name.
    title: Msg,
    /// What will happen.
    text: Msg,
    /// The action's button.
    action: Msg,
    on_confirm: impl Fn() + Send + Sync + 'static,
    testid: &'static str,
    /// While true the action's button is disabled (one tap, one request).
    #[prop(into, optional)]
    busy: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Dialog open title=Signal::derive(move || i18n.t(title).to_string()) testid alert=true>
            <p>{move || i18n.t(text)}</p>
            <div class="dialog-actions">
                <button class="button" data-testid=format!("{testid}-no") autofocus on:click=move |_| open.set(false)>
                    {move || i18n.t(Msg::Cancel)}
                </button>
                <button class="button danger" data-testid=format!("{testid}-yes") disabled=move || busy.get() on:click=move |_| {
                    open.set(false);
                    on_confirm();
                }>
                    {move || i18n.t(action)}
                </button>
            </div>
        </Dialog>
    }
}
