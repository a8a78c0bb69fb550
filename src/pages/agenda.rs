//! Today's agenda: the open tasks due today and the visits, in one list (tasks first, then
//! visits by time). "Usar como seleção de hoje" makes the agenda's customers today's
//! selection of customers for working offline, after showing what it would download and
//! asking (`agenda/use_as_selection.rs`). Offline the day is read from the device's copy.

mod use_as_selection;

use leptos::prelude::*;
use leptos_router::components::A;
use mascate_domain::contract::agenda::{agenda_kind, Agenda, AgendaEntry};
use mascate_domain::format;
use mascate_domain::task::agenda_customers;

use crate::api::ApiError;
use crate::components::api_error::ApiErrorBox;
use crate::components::loaded::Ready;
use crate::connectivity::use_connectivity;
use crate::device::tasks::use_tasks;
use crate::i18n::{use_i18n, Msg};
use crate::pages::tasks::status_msg;
use use_as_selection::UseAsSelection;

/// `/agenda`
#[component]
pub fn AgendaPage() -> impl IntoView {
    let i18n = use_i18n();
    let tasks = use_tasks();
    let connectivity = use_connectivity();
    let sync = crate::device::sync::use_sync();
    let today = crate::erp_clock::today();
    let day = today.clone();
    let data = LocalResource::new(move || {
        let day = day.clone();
        // Read again when the connection changes and after a pass sent something.
        connectivity.online();
        sync.changes.track();
        async move { tasks.agenda(&day).await }
    });
    // Its customers change only when the agenda's do: a read in the background (a sync
    // pass) leaves the button and its dialog as they are.
    let customers =
        Memo::new(move |_| data.get().and_then(Result::ok).map(|a| agenda_customers(&a.items)).unwrap_or_default());
    view! {
        <section class="page agenda">
            <div class="page-head">
                <h1>{move || i18n.t(Msg::NavAgenda)}</h1>
                <span class="muted" data-testid="agenda-day">{move || format::date(&today, i18n.locale.get())}</span>
            </div>
            <UseAsSelection customers />
            <Ready resource=data let:value>{match value {
                Err(ApiError::Unreachable) => {
                    view! { <p class="notice offline" data-testid="agenda-offline">{i18n.t(Msg::TasksNotOnDevice)}</p> }.into_any()
                }
                Err(ApiError::NoExtension) => {
                    view! { <p class="notice" data-testid="agenda-unavailable">{i18n.t(Msg::NeedsMascateServer)}</p> }.into_any()
                }
                Err(e) => view! { <ApiErrorBox error=e /> }.into_any(),
                Ok(agenda) => view! { <AgendaList agenda /> }.into_any(),
            }}</Ready>
        </section>
    }
}

/// The day's entries.
#[component]
fn AgendaList(
    /// The ERP's agenda of the day.
    agenda: Agenda,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        {if agenda.items.is_empty() {
            view! { <p class="empty" data-testid="agenda-empty">{move || i18n.t(Msg::AgendaEmpty)}</p> }.into_any()
        } else {
            view! {
                <ul class="agenda-list" data-testid="agenda-list">
                    {agenda.items.into_iter().map(|e| view! { <AgendaItem entry=e /> }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}

/// One task (opening it) or visit (at its time).
#[component]
fn AgendaItem(
    /// The entry.
    entry: AgendaEntry,
) -> impl IntoView {
    let i18n = use_i18n();
    let task = entry.kind == agenda_kind::TASK;
    let kind = if task { Msg::AgendaTask } else { Msg::AgendaVisit };
    let status = status_msg(&entry.status);
    let subject = if task {
        view! { <A href=format!("/tasks/{}", entry.id) attr:class="row-link" attr:data-testid="agenda-task-link">{entry.subject.clone()}</A> }.into_any()
    } else {
        view! { <span>{entry.subject.clone()}</span> }.into_any()
    };
    view! {
        <li class="card agenda-item" data-testid="agenda-item" data-kind=entry.kind.clone() data-id=entry.id.clone()
            data-customer=format!("{}{}", entry.customer_code, entry.customer_store)>
            <div class="agenda-when">
                <span class=format!("chip agenda-{}", entry.kind)>{move || i18n.t(kind)}</span>
                {(!entry.time.is_empty()).then(|| view! { <strong class="mono">{entry.time.clone()}</strong> })}
                {task.then(|| view! { <span class="muted small">{move || i18n.t(status)}</span> })}
            </div>
            <div class="agenda-what">{subject}</div>
            <div class="muted small">
                {entry.customer_trade_name.clone()}" · "<span class="mono">{format!("{}/{}", entry.customer_code, entry.customer_store)}</span>
            </div>
        </li>
    }
}
