//! The records to pick from and what is picked: the selection's bar (its count and writes)
//! and one page of candidates, each with its checkbox.

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::api::seller_filters::Candidate;
use crate::i18n::{use_i18n, Msg, Plural};

/// How many records are ticked, and the buttons that change or save them.
#[component]
pub fn SelectionBar(
    /// The ticked records' ids.
    selected: RwSignal<BTreeSet<String>>,
    /// Ticks every record the applied filter finds.
    select_all: Action<(), ()>,
    /// Saves the ticked records as today's selection.
    save: Action<(), ()>,
    /// Whether today's saved selection has been read (saving waits for it).
    #[prop(into)]
    loaded: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    // Either write disables both buttons.
    let busy = Signal::derive(move || select_all.pending().get() || save.pending().get());
    view! {
        <div class="toolbar selection-bar">
            <strong data-testid="selected-count">{move || i18n.count(Plural::Selected, selected.with(|s| s.len()))}</strong>
            <button class="button" data-testid="select-all-filtered" disabled=busy on:click=move |_| { select_all.dispatch_local(()); }>
                {move || i18n.t(Msg::SelectAllFiltered)}
            </button>
            <button class="button ghost" data-testid="clear-selection" on:click=move |_| selected.set(BTreeSet::new())>
                {move || i18n.t(Msg::ClearSelection)}
            </button>
            <button class="button primary" data-testid="save-selection"
                disabled=move || busy.get() || !loaded.get() on:click=move |_| { save.dispatch_local(()); }>
                {move || i18n.t(Msg::SaveSelection)}
            </button>
        </div>
    }
}

/// One page of candidates; ticking a row adds it to `selected`, unticking takes it out.
#[component]
pub fn CandidatesTable(
    /// The page's records.
    items: Vec<Candidate>,
    /// The ticked records' ids (of every page).
    selected: RwSignal<BTreeSet<String>>,
) -> impl IntoView {
    view! {
        <table class="list candidates" data-testid="candidates">
            <tbody>
                {items.into_iter().map(|c| {
                    let id = c.entity_id.clone();
                    let id2 = id.clone();
                    let checked = Memo::new(move |_| selected.with(|s| s.contains(&id)));
                    view! {
                        <tr data-testid="candidate">
                            <td><label class="check"><input type="checkbox" data-testid="candidate-check"
                                aria-label=c.name.clone()
                                prop:checked=checked
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    selected.update(|s| { if on { s.insert(id2.clone()); } else { s.remove(&id2); } });
                                } /></label></td>
                            <td>{c.code}</td>
                            <td>{c.name}</td>
                            <td>{c.detail}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}
