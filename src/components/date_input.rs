//! A date typed the rep's way. The browser's own date box follows the browser's language
//! (mm/dd/yyyy in many a pt-BR tablet), so this is a text box that says `dd/mm/aaaa`, puts
//! the slashes in while typing, and hands over the contract's `YYYY-MM-DD`.

use leptos::prelude::*;
use mascate_domain::format;

use crate::i18n::use_i18n;

/// A date box bound to an ISO date. What cannot be read as a date is handed over as typed,
/// so validation can say so ("Data inválida") instead of it being lost.
#[component]
pub fn DateInput(
    /// The date, `YYYY-MM-DD` or empty.
    #[prop(into)]
    value: Signal<String>,
    /// Called on every keystroke with the ISO date, or what was typed when it is no date.
    on_change: impl Fn(String) + Copy + Send + Sync + 'static,
    #[prop(into)] testid: String,
    #[prop(into, optional)] id: String,
    /// Marks the box invalid.
    #[prop(into, optional)]
    invalid: Signal<bool>,
    /// The id of the message that explains a problem.
    #[prop(into, optional)]
    described_by: String,
    /// An accessible name more precise than the label around it (a line's product).
    #[prop(into, optional)]
    label: Option<Signal<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let shown = move |iso: &str| format::date(iso, i18n.locale.get_untracked());
    let text = RwSignal::new(shown(&value.get_untracked()));
    // While the rep types, the box is theirs: a value that changes meanwhile (a default put
    // back when the box is emptied) does not write over their keystrokes.
    let typing = RwSignal::new(false);
    // A value set elsewhere (or a new language) shows, unless it is what the box already says.
    // Emptied elsewhere ("Limpar filtros"), a date the box shows goes too; what the rep typed
    // that is no date stays for them to mend.
    Effect::new(move |_| {
        let (v, locale) = (value.get(), i18n.locale.get());
        if typing.get_untracked() {
            return;
        }
        let typed = text.with_untracked(|t| format::parse_date(t, locale));
        if typed.as_deref() != Some(v.as_str()) && format::parse_date(&v, locale).is_some() {
            text.set(format::date(&v, locale));
        } else if v.is_empty() && typed.is_some() {
            text.set(String::new());
        }
    });
    view! {
        <input
            id=id
            class="date"
            inputmode="numeric"
            autocomplete="off"
            maxlength="10"
            placeholder=move || format::date_pattern(i18n.locale.get())
            aria-label=move || label.map(|l| l.get())
            aria-invalid=move || invalid.get().to_string()
            aria-describedby=(!described_by.is_empty()).then_some(described_by)
            data-testid=testid
            prop:value=text
            on:focus=move |_| typing.set(true)
            on:blur=move |_| {
                typing.set(false);
                // Left empty: the value it stands for (a default) shows again.
                let v = value.get_untracked();
                if text.with_untracked(String::is_empty) && !v.is_empty() {
                    if let Some(iso) = format::parse_date(&v, i18n.locale.get_untracked()) {
                        text.set(format::date(&iso, i18n.locale.get_untracked()));
                    }
                }
            }
            on:input=move |ev| {
                let masked = format::date_typing(&event_target_value(&ev));
                text.set(masked.clone());
                on_change(format::parse_date(&masked, i18n.locale.get_untracked()).unwrap_or(masked));
            }
        />
    }
}
