//! The rep's tasks, soonest due first, narrowed to due dates from/to and a status; the
//! filters and the page in the address, like the other lists. A task opens its page, where
//! it is marked done and noted; "Nova tarefa" writes one. Offline the device's copy is
//! listed, with the rep's writes not yet sent (`device::tasks`).

use leptos::prelude::*;
use leptos_router::components::A;
use mascate_domain::contract::agenda::{task_status, Task};
use mascate_domain::document::range::DocumentRange;
use mascate_domain::format;

use crate::api::ApiError;
use crate::components::api_error::ApiErrorBox;
use crate::components::date_filter::DateFilter;
use crate::components::loaded::Ready;
use crate::components::pager::Pager;
use crate::connectivity::use_connectivity;
use crate::device::tasks::use_tasks;
use crate::i18n::{use_i18n, Msg};
use crate::url_query::{use_url_query, UrlQuery};

const PAGE_SIZE: usize = 20;

/// A task's status in words.
pub fn status_msg(status: &str) -> Msg {
    if status == task_status::DONE {
        Msg::TaskDone
    } else {
        Msg::TaskOpen
    }
}

/// `/tasks`
#[component]
pub fn TasksPage() -> impl IntoView {
    let i18n = use_i18n();
    let tasks = use_tasks();
    let connectivity = use_connectivity();
    let sync = crate::device::sync::use_sync();
    let url = use_url_query();
    let (from, to, status, page) = (url.text("from"), url.text("to"), url.text("status"), url.page());
    let data = LocalResource::new(move || {
        let (from, to, status, p) = (from.get(), to.get(), status.get(), page.get());
        // Read again when the connection changes and after a pass sent something.
        connectivity.online();
        sync.changes.track();
        let reversed = DocumentRange { from: from.clone(), to: to.clone(), ..Default::default() }.problem().is_some();
        async move {
            if reversed {
                return Ok((Vec::new(), false));
            }
            tasks.list(&from, &to, &status, p, PAGE_SIZE).await
        }
    });
    view! {
        <section class="page tasks">
            <div class="page-head">
                <h1>{move || i18n.t(Msg::NavTasks)}</h1>
                <A href="/tasks/new" attr:class="button primary" attr:data-testid="task-new">{move || i18n.t(Msg::NewTask)}</A>
            </div>
            <TaskFilters url />
            <Ready resource=data let:value>{match value {
                Err(ApiError::Unreachable) => {
                    view! { <p class="notice offline" data-testid="tasks-offline">{i18n.t(Msg::TasksNotOnDevice)}</p> }.into_any()
                }
                Err(ApiError::NoExtension) => {
                    view! { <p class="notice" data-testid="tasks-unavailable">{i18n.t(Msg::NeedsMascateServer)}</p> }.into_any()
                }
                Err(e) => view! { <ApiErrorBox error=e /> }.into_any(),
                Ok((rows, has_next)) => view! {
                    <div data-testid="tasks-list" data-source=move || if connectivity.online() { "erp" } else { "device" }>
                        {if rows.is_empty() {
                            view! { <p class="empty" data-testid="tasks-empty">{move || i18n.t(Msg::NoTasksFound)}</p> }.into_any()
                        } else {
                            view! { <TaskTable rows /> }.into_any()
                        }}
                        <Pager page set_page=move |p| url.go_to_page(p) has_next prefix="tasks" />
                    </div>
                }
                .into_any(),
            }}</Ready>
        </section>
    }
}

/// Due from/to and the status, each kept in the address.
#[component]
fn TaskFilters(url: UrlQuery) -> impl IntoView {
    let i18n = use_i18n();
    let (from, to, status) = (url.text("from"), url.text("to"), url.text("status"));
    let reversed = move || DocumentRange { from: from.get(), to: to.get(), ..Default::default() }.problem().is_some();
    let option = move |value: &'static str, label: Msg| {
        view! { <option value=value selected=move || status.get() == value>{move || i18n.t(label)}</option> }
    };
    view! {
        <div class="toolbar" role="search">
            <fieldset class="range-filter" data-testid="tasks-filters">
                <DateFilter label=Msg::TaskDueFrom value=from on_date=move |iso| url.filter("from", iso) testid="tasks-from" />
                <DateFilter label=Msg::TaskDueTo value=to on_date=move |iso| url.filter("to", iso) testid="tasks-to" />
                <label>
                    <span class="label">{move || i18n.t(Msg::Status)}</span>
                    <select data-testid="tasks-status" on:change=move |ev| url.filter("status", event_target_value(&ev))>
                        {option("", Msg::TaskStatusAll)}
                        {option(task_status::OPEN, Msg::TaskOpen)}
                        {option(task_status::DONE, Msg::TaskDone)}
                    </select>
                </label>
                <Show when=reversed>
                    <p class="field-error" role="alert" data-testid="tasks-range-problem">{move || i18n.t(Msg::DatesReversed)}</p>
                </Show>
            </fieldset>
        </div>
    }
}

/// The tasks as a table; the subject opens the task.
#[component]
fn TaskTable(rows: Vec<Task>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = move || i18n.locale.get();
    let today = crate::erp_clock::today();
    view! {
        <div class="table-wrap">
            <table class="table stack" data-testid="tasks-table">
                <thead>
                    <tr>
                        <th>{move || i18n.t(Msg::DueDate)}</th>
                        <th>{move || i18n.t(Msg::TaskSubject)}</th>
                        <th>{move || i18n.t(Msg::Customer)}</th>
                        <th>{move || i18n.t(Msg::Status)}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|t| {
                            let due = t.due_date.clone();
                            let overdue = t.status == task_status::OPEN && t.due_date < today;
                            let (status, class) = if overdue {
                                (Msg::TaskOverdue, "chip task-overdue".to_string())
                            } else {
                                (status_msg(&t.status), format!("chip task-{}", t.status))
                            };
                            view! {
                                <tr data-testid="task-row" data-id=t.id.clone() data-due=t.due_date.clone() data-status=t.status.clone()>
                                    <td data-label=move || i18n.t(Msg::DueDate)>{move || format::date(&due, locale())}</td>
                                    <td class="wide" data-label=move || i18n.t(Msg::TaskSubject)>
                                        <A href=format!("/tasks/{}", t.id) attr:class="row-link" attr:data-testid="task-link">{t.subject.clone()}</A>
                                    </td>
                                    <td data-label=move || i18n.t(Msg::Customer)>
                                        <div>{t.customer_name.clone()}</div>
                                        <div class="muted small mono">{format!("{}/{}", t.customer_code, t.customer_store)}</div>
                                    </td>
                                    <td data-label=move || i18n.t(Msg::Status)>
                                        <span class=class>{move || i18n.t(status)}</span>
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}
