//! My Notifications: what the ERP told the rep, unread first, with mark-as-read, delete,
//! and a link to the order or quotation a notification is about. Notifications live in the
//! ERP: offline the page says so instead of showing stale ones.

use leptos::prelude::*;
use leptos_router::components::A;
use mascate_domain::contract::Notification;
use mascate_domain::notification::{about, device_ms, named, number_in_title, KnownDocument};

use crate::api::{use_api, ApiError};
use crate::components::loaded::Loaded;
use crate::connectivity::use_connectivity;
use crate::i18n::{use_i18n, Locale, Msg};
use crate::unread::use_unread_count;

/// The document a notification is about: the number in its title (`…: 000123`).
fn link_of(n: &Notification) -> Option<String> {
    let number = n.title.rsplit(':').next()?.trim();
    // Deletions (movements 9 and 13) point at nothing that still exists.
    if number.len() != 6 || !number.chars().all(|c| c.is_ascii_digit()) || matches!(n.movement as i64, 9 | 13) {
        return None;
    }
    match n.kind.trim() {
        "1" => Some(format!("/orders/{number}")),
        "3" => Some(format!("/quotations/{number}")),
        _ => None,
    }
}

/// The title in the rep's language: the ERP writes Portuguese, so in pt-BR its own words
/// stay; in English and Spanish the app names the movement (`Order created: 000123`).
fn title_in(n: &Notification, locale: Locale) -> String {
    use mascate_domain::notification::{movement, number_in_title, Event, Subject};
    let Some((subject, event)) = movement(n.movement as i64).filter(|_| locale != Locale::PtBr) else {
        return n.title.clone();
    };
    let subject = match subject {
        Subject::Order => Msg::NoticeOrder,
        Subject::Quotation => Msg::NoticeQuotation,
        Subject::Customer => Msg::NoticeCustomer,
        Subject::Prospect => Msg::NoticeProspect,
        Subject::Contact => Msg::NoticeContact,
        Subject::ContactRelation => Msg::NoticeContactRelation,
    };
    let event = match event {
        Event::Created => Msg::NoticeCreated,
        Event::Changed => Msg::NoticeChanged,
        Event::Deleted => Msg::NoticeDeleted,
        Event::Failed => Msg::NoticeFailed,
    };
    let words = format!("{} {}", subject.text(locale), event.text(locale));
    match number_in_title(&n.title) {
        Some(number) => format!("{words}: {number}"),
        None => words,
    }
}

/// A notification with the document it speaks of, as the rep knows it.
#[derive(Clone)]
struct Shown {
    notification: Notification,
    document: Option<KnownDocument>,
    /// The ERP's moment on the device's clock.
    at_ms: Option<f64>,
}

impl Shown {
    fn of(notification: Notification, known: &[KnownDocument]) -> Shown {
        let document = about(&notification.title, &notification.description, known).cloned();
        let at_ms = device_ms(&notification.date, &notification.time, crate::erp_clock::offset_ms());
        Shown { notification, document, at_ms }
    }
}

/// The documents the notifications speak of: the device's own (by external id or number),
/// and, for a number the device does not know, the ERP's orders (one request for all) or
/// quotation (deletions are skipped, their document is gone).
async fn known_documents(
    api: crate::api::Api,
    sync: crate::device::sync::SyncEngine,
    list: &[Notification],
) -> Vec<KnownDocument> {
    let mut known: Vec<KnownDocument> = sync
        .device_documents()
        .await
        .into_iter()
        .map(|e| KnownDocument {
            external_id: e.external_id.clone(),
            number: e.draft.erp_number.trim().to_string(),
            customer: e.customer_name.clone(),
        })
        .collect();
    // Numbers the device does not know: the orders' headers in one request, quotations each.
    let unknown = |kind: &str| {
        let mut numbers: Vec<String> = list
            .iter()
            .filter(|n| n.kind.trim() == kind && !matches!(n.movement as i64, 9 | 13))
            .filter_map(|n| number_in_title(&n.title))
            .filter(|number| !known.iter().any(|d| d.number == *number))
            .map(str::to_string)
            .collect();
        numbers.sort();
        numbers.dedup();
        numbers
    };
    let (orders, quotations) = (unknown("1"), unknown("3"));
    let mut found: Vec<(String, String)> = api
        .orders_numbered(&orders)
        .await
        .unwrap_or_default()
        .into_iter()
        .map(|o| (o.number.trim().to_string(), o.customer_name))
        .collect();
    for number in quotations {
        if let Ok(q) = api.quotation(&number).await {
            found.push((number, q.customer_name));
        }
    }
    known.extend(found.into_iter().map(|(number, customer)| KnownDocument {
        external_id: String::new(),
        number,
        customer,
    }));
    known
}

/// How the rep knows a document: `Pedido 000123 · Mercado Bom Preço`, or without a number yet.
fn label(n: &Notification, d: &KnownDocument, locale: Locale) -> String {
    let kind = if n.kind.trim() == "3" { Msg::NoticeQuotation } else { Msg::NoticeOrder };
    let number = if d.number.is_empty() { Msg::NoNumberYet.text(locale).to_string() } else { d.number.clone() };
    format!("{} {number} · {}", kind.text(locale), d.customer.trim())
}

/// The notifications page.
#[component]
pub fn NotificationsPage() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let connectivity = use_connectivity();
    let unread = use_unread_count();
    let sync = crate::device::sync::use_sync();
    let data = LocalResource::new(move || {
        let online = connectivity.online();
        async move {
            if !online {
                return Err(ApiError::Unreachable);
            }
            let mut list = api.notifications().await?;
            // Unread first, then newest first.
            list.sort_by(|a, b| {
                b.is_unread()
                    .cmp(&a.is_unread())
                    .then_with(|| (&b.date, &b.time, &b.id).cmp(&(&a.date, &a.time, &a.id)))
            });
            unread.0.set(list.iter().filter(|n| n.is_unread()).count());
            let known = known_documents(api, sync, &list).await;
            Ok::<_, ApiError>(list.into_iter().map(|n| Shown::of(n, &known)).collect::<Vec<_>>())
        }
    });
    // Mark as read or delete (`true` reads): one at a time, the buttons off while it runs.
    let act = Action::new_local(move |(read, id): &(bool, String)| {
        let (read, id) = (*read, id.clone());
        async move {
            let r = if read { api.mark_read(&id).await } else { api.delete_notification(&id).await };
            if r.is_ok() {
                data.refetch();
            }
        }
    });
    let acting = act.pending();
    view! {
        <section class="page notifications" data-testid="notifications-page">
            <h1>{move || i18n.t(Msg::NotificationsTitle)}</h1>
            <Show
                when=move || connectivity.online()
                fallback=move || view! { <p class="notice offline" data-testid="notifications-offline">{move || i18n.t(Msg::NotificationsOffline)}</p> }
            >
                <Loaded resource=data let:list>
                    {if list.is_empty() {
                        view! { <p class="empty" data-testid="notifications-empty">{move || i18n.t(Msg::NoNotifications)}</p> }.into_any()
                    } else { view! {
                        <ul class="notification-list" data-testid="notifications-list">
                            {list
                                .into_iter()
                                .map(|shown| {
                                    let Shown { notification: n, document, at_ms } = shown;
                                    let unread_now = n.is_unread();
                                    let link = link_of(&n);
                                    let (id_read, id_delete) = (n.id.clone(), n.id.clone());
                                    let (date, time) = (n.date.clone(), n.time.clone());
                                    view! {
                                        <li class=if unread_now { "card notification unread" } else { "card notification" }
                                            data-testid="notification" data-id=n.id.clone() data-unread=unread_now.to_string()>
                                            <div class="notification-head">
                                                <strong data-testid="notification-title">{
                                                    let n = n.clone();
                                                    move || title_in(&n, i18n.locale.get())
                                                }</strong>
                                                {unread_now.then(|| view! { <span class="chip pending">{move || i18n.t(Msg::Unread)}</span> })}
                                            </div>
                                            {document.clone().map(|d| {
                                                let n = n.clone();
                                                view! { <p class="notification-about" data-testid="notification-about">{move || label(&n, &d, i18n.locale.get())}</p> }
                                            })}
                                            // CRLF in the ERP's text becomes line breaks; the text itself is never HTML.
                                            <p class="pre" data-testid="notification-description">{
                                                let (n, d) = (n.clone(), document.clone());
                                                move || named(&n.description, d.as_ref(), &d.as_ref().map(|d| label(&n, d, i18n.locale.get())).unwrap_or_default())
                                            }</p>
                                            // On the tablet's clock, as the sending history; the ERP's words if they do not read as a time.
                                            <p class="muted small" data-testid="notification-when">{move || match at_ms {
                                                Some(ms) => crate::local_time::date_time(ms, i18n.locale.get(), false),
                                                None => format!("{} {}", date, time),
                                            }}</p>
                                            <div class="actions">
                                                {link.map(|href| view! { <A href=href attr:class="button" attr:data-testid="notification-open">{move || i18n.t(Msg::Open)}</A> })}
                                                {unread_now.then(|| view! {
                                                    <button class="button" data-testid="notification-read" disabled=acting on:click=move |_| { act.dispatch_local((true, id_read.clone())); }>{move || i18n.t(Msg::MarkRead)}</button>
                                                })}
                                                <button class="button ghost" data-testid="notification-delete" disabled=acting on:click=move |_| { act.dispatch_local((false, id_delete.clone())); }>{move || i18n.t(Msg::Delete)}</button>
                                            </div>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                        .into_any() }}
                </Loaded>
            </Show>
        </section>
    }
}
