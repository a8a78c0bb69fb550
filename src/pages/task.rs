//! One task: its customer, subject, due date, status, notes and the notes added since,
//! oldest first. The rep marks it done (or opens it again) and adds a note, online or not:
//! each write waits on the device until the ERP has it (said on the page), sent by the
//! device's own id, so a retry after a lost answer changes nothing. Offline only a task
//! already on the device (or made on it) opens, so only that is edited.

mod note_form;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use mascate_domain::contract::agenda::{task_status, TaskBody};
use mascate_domain::format;

use crate::api::ApiError;
use crate::components::api_error::ApiErrorBox;
use crate::components::field::Field;
use crate::components::loaded::Ready;
use crate::connectivity::use_connectivity;
use crate::device::tasks::{use_tasks, TaskView};
use crate::i18n::{use_i18n, Msg};
use crate::pages::tasks::status_msg;
use note_form::NoteForm;

/// `/tasks/:id`
#[component]
pub fn TaskPage() -> impl IntoView {
    let i18n = use_i18n();
    let tasks = use_tasks();
    let connectivity = use_connectivity();
    let sync = crate::device::sync::use_sync();
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let data = LocalResource::new(move || {
        let id = id();
        // Read again when the connection changes and after a pass sent something.
        connectivity.online();
        sync.changes.track();
        async move { tasks.task(&id).await }
    });
    // Once the task has been read, it stays read while it is read again.
    let found = Memo::new(move |was: Option<&bool>| was.copied().unwrap_or(false) || matches!(data.get(), Some(Ok(_))));
    view! {
        <section class="page task">
            <A href="/tasks" attr:class="button ghost" attr:data-testid="task-back">
                {move || format!("← {}", i18n.t(Msg::Back))}
            </A>
            <Ready resource=data let:found>{match found {
                Ok(view) => view! { <TaskDetails view on_changed=move || data.refetch() /> }.into_any(),
                Err(ApiError::Unreachable) => {
                    view! { <p class="notice offline" data-testid="task-not-on-device">{i18n.t(Msg::TaskNotOnDevice)}</p> }.into_any()
                }
                Err(ApiError::Server { status: 404, .. }) => {
                    view! { <p class="notice" data-testid="task-not-found">{i18n.t(Msg::TaskNotFound)}</p> }.into_any()
                }
                Err(e) => view! { <ApiErrorBox error=e /> }.into_any(),
            }}</Ready>
            // Outside the read: a read in the background (a sync pass) keeps what is typed.
            <Show when=move || found.get()>
                <section class="card">
                    {move || view! { <NoteForm task_id=id() on_added=move || data.refetch() /> }}
                </section>
            </Show>
        </section>
    }
}

/// The task's fields, its status button and its notes.
#[component]
fn TaskDetails(
    /// The task with its notes and the writes still on the device.
    view: TaskView,
    /// Called after a write, to read the task again.
    on_changed: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let tasks = use_tasks();
    let locale = move || i18n.locale.get();
    let TaskView { task, waiting, refused } = view;
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
            tasks.save(&id, body, "", false).await?;
            on_changed();
            Ok::<(), ApiError>(())
        }
    });
    let (due, customer) =
        (task.due_date.clone(), format!("{} — {}/{}", task.customer_name, task.customer_code, task.customer_store));
    let notes = task.task_notes.clone();
    view! {
        <h1 data-testid="task-subject">{task.subject.clone()}</h1>
        {waiting.then(|| view! { <p class="notice" role="status" data-testid="task-waiting">{move || i18n.t(Msg::TaskWaiting)}</p> })}
        {refused.map(|why| view! {
            <p class="notice error" role="alert" data-testid="task-refused">{move || i18n.t(Msg::TaskRefused)}" "{why.clone()}</p>
        })}
        <section class="card" data-testid="task-card" data-waiting=waiting.to_string()>
            <dl>
                <Field label=Msg::Customer value=customer testid="task-customer" />
                <Field label=Msg::DueDate value=Signal::derive(move || format::date(&due, locale())) testid="task-due" />
                <Field label=Msg::Status value=Signal::derive(move || i18n.t(status_msg(if done { task_status::DONE } else { task_status::OPEN })).to_string()) testid="task-status" />
                <Field label=Msg::TaskNotes value=task.notes.clone() testid="task-notes" />
            </dl>
            {move || toggle.value().get().and_then(Result::err).map(|e| view! { <ApiErrorBox error=e /> })}
            <div class="task-actions">
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
        </section>
    }
}
