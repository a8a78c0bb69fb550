//! A new note on a task: checked as the rep leaves the box (and again before it is saved),
//! saved on the device under an id made once per note and sent from there, so sending it
//! again after a lost answer adds nothing.

use leptos::prelude::*;
use mascate_domain::task::note_problem;

use crate::api::ApiError;
use crate::components::api_error::ApiErrorBox;
use crate::device::sync::new_external_id;
use crate::device::tasks::use_tasks;
use crate::i18n::{use_i18n, Msg};
use crate::pages::task_form::problem_msg;

/// The note box and its button.
#[component]
pub fn NoteForm(
    /// The task noted.
    task_id: String,
    /// Called once the note is saved.
    on_added: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let tasks = use_tasks();
    let text = RwSignal::new(String::new());
    let checked = RwSignal::new(false);
    // One id per note: made when the note is first sent, kept until the ERP has it.
    let note_id = StoredValue::new(None::<String>);
    let problem = move || if checked.get() { text.with(|t| note_problem(t)) } else { None };
    let add = Action::new_local(move |t: &String| {
        let (task_id, t) = (task_id.clone(), t.clone());
        let id = note_id.get_value().unwrap_or_else(new_external_id);
        note_id.set_value(Some(id.clone()));
        async move {
            tasks.add_note(&task_id, &id, t.trim()).await?;
            note_id.set_value(None);
            text.set(String::new());
            checked.set(false);
            on_added();
            Ok::<(), ApiError>(())
        }
    });
    let submit = move || {
        checked.set(true);
        if text.with_untracked(|t| note_problem(t)).is_none() && !add.pending().get_untracked() {
            add.dispatch_local(text.get_untracked());
        }
    };
    view! {
        <form class="note-form" novalidate data-testid="task-note-form" on:submit=move |ev| { ev.prevent_default(); submit(); }>
            <label>
                <span class="label">{move || i18n.t(Msg::TaskNewNote)}</span>
                <textarea rows="3" data-testid="task-note-input" prop:value=text
                    aria-invalid=move || problem().is_some().to_string() aria-describedby="task-note-problem"
                    on:input=move |ev| text.set(event_target_value(&ev))
                    on:blur=move |_| checked.set(!text.with_untracked(String::is_empty))></textarea>
            </label>
            <p class="field-error" id="task-note-problem" data-testid="task-note-problem" role=move || problem().map(|_| "alert")>
                {move || problem().map(|p| i18n.t(problem_msg(p, true)))}
            </p>
            {move || add.value().get().and_then(Result::err).map(|e| view! { <ApiErrorBox error=e /> })}
            <button type="submit" class="button" data-testid="task-note-add" disabled=move || add.pending().get()>
                {move || i18n.t(if add.pending().get() { Msg::Saving } else { Msg::TaskAddNote })}
            </button>
        </form>
    }
}
