//! A date that filters a list (issue dates, delivery dates, "bought since"). Its date reaches
//! the list once it is whole, or when the box is emptied. A date that cannot be read is said
//! beside the box and the filter is taken off, so the list never looks filtered by a date
//! the rep did not get: an impossible one (`31/02/2026`) as soon as it is typed, an
//! incomplete one (`01/10/20`) when the rep leaves the box.
//!
//! ```ignore
//! view! { <DateFilter label=Msg::DateFrom value=from on_date=move |iso| url.filter("from", iso) testid="range-from" /> }
//! ```

use leptos::prelude::*;
use mascate_domain::format::{self, TypedDate};

use crate::components::date_input::DateInput;
use crate::i18n::{use_i18n, Msg};

/// Why the box's date was not applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unread {
    Impossible,
    Incomplete,
}

/// A labelled date box for a filter.
#[component]
pub fn DateFilter(
    /// The box's label.
    #[prop(into)]
    label: Signal<Msg>,
    /// The applied date, `YYYY-MM-DD` or empty.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the date to apply (`YYYY-MM-DD`), or an empty string to take the filter off.
    on_date: impl Fn(String) + Copy + Send + Sync + 'static,
    #[prop(into)] testid: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let typed = RwSignal::new(TypedDate::Empty);
    let unread = RwSignal::new(None::<Unread>);
    let problem_id = format!("{testid}-problem");
    let on_change = move |v: String| {
        let read = format::read_date(&v, i18n.locale.get_untracked());
        match &read {
            TypedDate::Empty | TypedDate::Date(_) => {
                unread.set(None);
                on_date(match &read {
                    TypedDate::Date(iso) => iso.clone(),
                    _ => String::new(),
                });
            }
            TypedDate::Impossible => {
                unread.set(Some(Unread::Impossible));
                on_date(String::new());
            }
            // Still being typed: said when the rep leaves the box.
            TypedDate::Incomplete => unread.set(None),
        }
        typed.set(read);
    };
    let on_leave = move |_| {
        if typed.with_untracked(|t| *t == TypedDate::Incomplete) {
            unread.set(Some(Unread::Incomplete));
            on_date(String::new());
        }
    };
    let message = move || {
        unread.get().map(|u| {
            let (why, pattern) = (
                i18n.t(if u == Unread::Impossible { Msg::DateImpossible } else { Msg::DateIncomplete }),
                format::date_pattern(i18n.locale.get()),
            );
            format!("{} ({pattern}). {}", why, i18n.t(Msg::FilterNotApplied))
        })
    };
    view! {
        <label on:focusout=on_leave>
            <span class="label">{move || i18n.t(label.get())}</span>
            <DateInput value on_change testid=testid.clone() invalid=Signal::derive(move || unread.get().is_some())
                described_by=problem_id.clone() />
            <span class="field-error" id=problem_id.clone() role="alert" hidden=move || unread.get().is_none() data-testid=format!("{testid}-problem")>{message}</span>
        </label>
    }
}
