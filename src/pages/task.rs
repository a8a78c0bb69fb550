//! One task: its customer, subject, due date, status, notes and the notes added since,
//! oldest first. The rep marks it done (or opens it again) and adds a note; each write is
//! sent by the device's own id, so a retry after a lost answer changes nothing.

mod note_form;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use mascate_domain::contract::agenda::{task_status, Task, TaskBody};
use mascate_domain::format;

use crate::api::{use_api, ApiError};
use crate::components::api_error::ApiErrorBox;
use crate::components::field::Field;
use crate::components::loaded::Loaded;
use crate::i18n::{use_i18n, Msg};
use crate::pages::tasks::status_msg;
use note_form::NoteForm;

/// `/tasks/:id`
#[component]
pub fn TaskPage() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let data = LocalResource::new(move || {
        let id = id();
        async move { api.task(&id).await }
    });
    view! {
        <section class="page task">
            <A href="/tasks" attr:class="button ghost" attr:data-testid="task-back">
                {move || format!("← {}", i18n.t(Msg::Back))}
            </A>
            <Loaded resource=data let:task>
                <TaskDetails task on_changed=move || data.refetch() />
            </Loaded>
        </section>
    }
}

/// The task's fields, its status button and its notes.
#[component]
fn TaskDetails(
    /// The task as the ERP has it, with its notes.
    task: Task,
    /// Called after a write, to read the task again.
    on_changed: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let locale = move || i18n.locale.get();
    let done = task.status == task_status::DONE;
    let body = TaskBody {
        customer_code: task.customer_code.clone(),
        customer_store: task.customer_store.clone(),
        subject: task.subject.clone(),
        due_date: task.due_date.clone(),
        status: if done { task_status::OPEN } else { task_status::DONE }.into(),
        notes: task.notes.clone(),
    };
    let id = task.id.clone();
    let toggle = Action::new_local(move |body: &TaskBody| {
        let (id, body) = (id.clone(), body.clone());
        async move {
            api.put_task(&id, &body).await?;
            on_changed();
            Ok::<(), ApiError>(())
        }
    });
    let (due, customer) =
        (task.due_date.clone(), format!("{} — {}/{}", task.customer_name, task.customer_code, task.customer_store));
    let notes = task.task_notes.clone();
    view! {
        <h1 data-testid="task-subject">{task.subject.clone()}</h1>
        <section class="card">
            <dl>
                <Field label=Msg::Customer value=customer testid="task-customer" />
                <Field label=Msg::DueDate value=Signal::derive(move || format::date(&due, locale())) testid="task-due" />
                <Field label=Msg::Status value=Signal::derive(move || i18n.t(status_msg(if done { task_status::DONE } else { task_status::OPEN })).to_string()) testid="task-status" />
                <Field label=Msg::TaskNotes value=task.notes.clone() testid="task-notes" />
            </dl>
            {move || toggle.value().get().and_then(Result::err).map(|e| view! { <ApiErrorBox error=e /> })}
            <div class="form-actions">
                <button class=if done { "button" } else { "button primary" } data-testid="task-toggle" data-done=done.to_string()
                    disabled=move || toggle.pending().get() on:click=move |_| { toggle.dispatch_local(body.clone()); }>
                    {move || i18n.t(if toggle.pending().get() { Msg::Saving } else if done { Msg::TaskReopen } else { Msg::TaskMarkDone })}
                </button>
            </div>
        </section>
        <section class="card" data-testid="task-note-log">
            <h2>{move || i18n.t(Msg::TaskNoteLog)}</h2>
            {if notes.is_empty() {
                view! { <p class="muted" data-testid="task-no-notes">{move || i18n.t(Msg::NoTaskNotes)}</p> }.into_any()
            } else {
                view! {
                    <ol class="task-notes">
                        {notes.into_iter().map(|n| {
                            let day: String = n.created_at.chars().take(10).collect();
                            view! {
                                <li data-testid="task-note" data-id=n.id.clone()>
                                    <span class="muted small">{move || format::date(&day, locale())}</span>
                                    <p class="pre-wrap">{n.text.clone()}</p>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
            <NoteForm task_id=task.id.clone() on_added=on_changed />
        </section>
    }
}
