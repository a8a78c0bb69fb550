//! "Nova tarefa": the customer (one of the rep's), a subject, a due date and notes. Each
//! field is checked as the rep leaves it, by the same rules as the ERP's
//! (`mascate_domain::task`), and all of them again before the task is sent. The task's id is
//! made once for the form, so sending it again after a lost answer makes no second task;
//! offline it waits on the device (the rep's own: editable there until it is sent).

mod customer_picker;

use std::collections::HashSet;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use mascate_domain::task::{TaskDraft, TaskField};

use crate::api::ApiError;
use crate::components::api_error::ApiErrorBox;
use crate::components::date_input::DateInput;
use crate::device::sync::new_external_id;
use crate::device::tasks::use_tasks;
use crate::i18n::{use_i18n, Msg};
use customer_picker::CustomerPicker;

/// A task rule's code in words; `notes`: the field is a note (2,000 characters), not a subject.
pub fn problem_msg(code: &str, notes: bool) -> Msg {
    match code {
        "required" => Msg::ProblemRequired,
        "too_long" if notes => Msg::ProblemNoteTooLong,
        "too_long" => Msg::ProblemSubjectTooLong,
        "bad_date" => Msg::ProblemTaskDate,
        _ => Msg::ProblemControlChars,
    }
}

/// `/tasks/new`
#[component]
pub fn TaskFormPage() -> impl IntoView {
    let i18n = use_i18n();
    let tasks = use_tasks();
    let navigate = use_navigate();
    let draft = RwSignal::new(TaskDraft::default());
    // The fields the rep has left (or all of them, once "Salvar" was pressed).
    let left = RwSignal::new(HashSet::<TaskField>::new());
    let leave = move |f: TaskField| {
        left.update(|l| {
            l.insert(f);
        })
    };
    let problem = move |f: TaskField| {
        Signal::derive(move || if left.with(|l| l.contains(&f)) { draft.with(|d| d.problem(f)) } else { None })
    };
    let id = StoredValue::new(new_external_id());
    let save = Action::new_local(move |d: &TaskDraft| {
        let (body, name, navigate, id) = (d.body(), d.customer_name.clone(), navigate.clone(), id.get_value());
        async move {
            tasks.save(&id, body, &name, true).await?;
            navigate(&format!("/tasks/{id}"), Default::default());
            Ok::<(), ApiError>(())
        }
    });
    let submit = move || {
        left.set([TaskField::Customer, TaskField::Subject, TaskField::DueDate, TaskField::Notes].into());
        if draft.with_untracked(TaskDraft::validate).is_empty() && !save.pending().get_untracked() {
            save.dispatch_local(draft.get_untracked());
        }
    };
    let message = move |f: TaskField, testid: &'static str| {
        let p = problem(f);
        view! {
            <p class="field-error" id=testid data-testid=testid role=move || p.get().map(|_| "alert")>
                {move || p.get().map(|c| i18n.t(problem_msg(c, f == TaskField::Notes)))}
            </p>
        }
    };
    view! {
        <section class="page task-form">
            <A href="/tasks" attr:class="button ghost" attr:data-testid="task-form-back">{move || format!("← {}", i18n.t(Msg::Back))}</A>
            <h1>{move || i18n.t(Msg::NewTask)}</h1>
            <form class="card" novalidate data-testid="task-form" on:submit=move |ev| { ev.prevent_default(); submit(); }>
                <CustomerPicker draft on_leave=move || leave(TaskField::Customer)
                    problem=Signal::derive(move || problem(TaskField::Customer).get().map(|c| problem_msg(c, false))) />
                <label>
                    <span class="label">{move || i18n.t(Msg::TaskSubject)}</span>
                    <input type="text" data-testid="task-subject-input" maxlength="200" prop:value=move || draft.with(|d| d.subject.clone())
                        aria-invalid=move || problem(TaskField::Subject).get().is_some().to_string() aria-describedby="task-subject-problem"
                        on:input=move |ev| { let v = event_target_value(&ev); draft.update(|d| d.subject = v); }
                        on:blur=move |_| leave(TaskField::Subject) />
                </label>
                {message(TaskField::Subject, "task-subject-problem")}
                <label on:focusout=move |_| leave(TaskField::DueDate)>
                    <span class="label">{move || i18n.t(Msg::DueDate)}</span>
                    <DateInput value=Signal::derive(move || draft.with(|d| d.due_date.clone()))
                        on_change=move |v| draft.update(|d| d.due_date = v) testid="task-due-input"
                        invalid=Signal::derive(move || problem(TaskField::DueDate).get().is_some()) described_by="task-due-problem" />
                </label>
                {message(TaskField::DueDate, "task-due-problem")}
                <label>
                    <span class="label">{move || i18n.t(Msg::TaskNotes)}</span>
                    <textarea rows="4" data-testid="task-notes-input" prop:value=move || draft.with(|d| d.notes.clone())
                        aria-invalid=move || problem(TaskField::Notes).get().is_some().to_string() aria-describedby="task-notes-problem"
                        on:input=move |ev| { let v = event_target_value(&ev); draft.update(|d| d.notes = v); }
                        on:blur=move |_| leave(TaskField::Notes)></textarea>
                </label>
                {message(TaskField::Notes, "task-notes-problem")}
                {move || save.value().get().and_then(Result::err).map(|e| view! { <ApiErrorBox error=e /> })}
                <div class="form-actions">
                    <button type="submit" class="button primary" data-testid="task-save" disabled=move || save.pending().get()>
                        {move || i18n.t(if save.pending().get() { Msg::Saving } else { Msg::Save })}
                    </button>
                </div>
            </form>
        </section>
    }
}
