//! My Orders and My Quotations: the seller's documents from the ERP, newest first, with
//! search, a status filter, paging and a table/cards switch; plus the documents written on
//! this device that the ERP has not confirmed yet, on top, with their sending state.

use leptos::prelude::*;
use leptos_router::components::A;
use mascate_domain::document::{DocumentKind, OrderState, QuotationState};
use mascate_domain::format;
use mascate_domain::offline::device_actions;
use mascate_domain::outbox::OutboxEntry;

use crate::api::documents::DocumentQuery;
use crate::api::{use_api, Api, ApiError};
use crate::components::pager::Pager;
use crate::components::search_box::SearchBox;
use crate::components::send_state::SendStateChip;
use crate::connectivity::use_connectivity;
use crate::i18n::{use_i18n, Msg, Plural};
use crate::prefs;
use crate::session::use_session;
use crate::storage;

const PAGE_SIZE: usize = 20;

/// One row, whichever the kind.
#[derive(Clone, PartialEq)]
pub struct Row {
    pub number: String,
    pub issue_date: String,
    pub customer: String,
    pub customer_name: String,
    pub amount: f64,
    pub status: Msg,
    pub status_code: String,
    /// The chip's look: a class and an icon (never colour alone).
    pub tone: Tone,
}

/// How a state chip looks: a class (its colour) and an icon (drawn by the style sheet, so
/// the chip's text is only its words).
pub type Tone = (&'static str, &'static str);

/// An order's chip: released green, invoiced blue, open neutral, any block an alarm.
pub fn order_tone(state: OrderState) -> Tone {
    match state {
        OrderState::Open => ("chip", "○"),
        OrderState::Released => ("chip ok", "✓"),
        OrderState::Invoiced => ("chip info", "▣"),
        OrderState::BlockedRule | OrderState::BlockedBudget | OrderState::BlockedCredit => ("chip alarm", "✕"),
        OrderState::Other => ("chip", "?"),
    }
}

/// A quotation's chip: open neutral, turned into an order green, cancelled struck through.
pub fn quotation_tone(state: QuotationState) -> Tone {
    match state {
        QuotationState::Open => ("chip", "○"),
        QuotationState::Converted => ("chip ok", "✓"),
        QuotationState::Cancelled => ("chip muted", "✕"),
        QuotationState::Other => ("chip", "?"),
    }
}

/// A state chip.
#[component]
pub fn StateChip(status: Msg, tone: Tone, #[prop(optional)] testid: Option<&'static str>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class=tone.0 data-icon=tone.1 data-testid=testid>
            {move || i18n.t(status)}
        </span>
    }
}

/// The words for an order's state.
pub fn order_state_msg(state: OrderState) -> Msg {
    match state {
        OrderState::Open => Msg::StatusOpen,
        OrderState::Released => Msg::StatusReleased,
        OrderState::Invoiced => Msg::StatusInvoiced,
        OrderState::BlockedRule => Msg::StatusBlockedRule,
        OrderState::BlockedBudget => Msg::StatusBlockedBudget,
        OrderState::BlockedCredit => Msg::StatusBlockedCredit,
        OrderState::Other => Msg::StatusOther,
    }
}

/// The words for a quotation's state.
pub fn quotation_state_msg(state: QuotationState) -> Msg {
    match state {
        QuotationState::Open => Msg::StatusOpen,
        QuotationState::Converted => Msg::StatusConverted,
        QuotationState::Cancelled => Msg::StatusCancelled,
        QuotationState::Other => Msg::StatusOther,
    }
}

/// The route segment of a kind (`orders`, `quotations`).
pub fn segment(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::Order => "orders",
        DocumentKind::Quotation => "quotations",
    }
}

async fn load(api: Api, kind: DocumentKind, q: DocumentQuery, page: usize) -> Result<(Vec<Row>, bool), ApiError> {
    match kind {
        DocumentKind::Order => {
            let list = api.orders(&q, page, PAGE_SIZE).await?;
            let rows = list
                .items
                .into_iter()
                .map(|o| Row {
                    status: order_state_msg(OrderState::of(&o.status, &o.block_reason)),
                    tone: order_tone(OrderState::of(&o.status, &o.block_reason)),
                    status_code: o.status.trim().to_string(),
                    number: o.number,
                    issue_date: o.issue_date,
                    customer: format!("{}/{}", o.customer_code, o.customer_store),
                    customer_name: o.customer_name,
                    amount: o.amount,
                })
                .collect();
            Ok((rows, list.has_next))
        }
        DocumentKind::Quotation => {
            let list = api.quotations(&q, page, PAGE_SIZE).await?;
            let rows = list
                .items
                .into_iter()
                .map(|o| Row {
                    status: quotation_state_msg(QuotationState::of(&o.status)),
                    tone: quotation_tone(QuotationState::of(&o.status)),
                    status_code: o.status.trim().to_string(),
                    number: o.number,
                    issue_date: o.issue_date,
                    customer: if o.prospect_code.is_empty() {
                        format!("{}/{}", o.customer_code, o.customer_store)
                    } else {
                        format!("{}/{}", o.prospect_code, o.prospect_store)
                    },
                    customer_name: o.customer_name,
                    amount: o.amount,
                })
                .collect();
            Ok((rows, list.has_next))
        }
    }
}

/// The list page of one kind.
#[component]
pub fn DocumentsPage(kind: DocumentKind) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let connectivity = use_connectivity();
    let sync = crate::sync::use_sync();
    let seller = use_session().current.get_untracked().map(|s| s.seller_code).unwrap_or_default();
    let search = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let page = RwSignal::new(1usize);
    let cards_key = match kind {
        DocumentKind::Order => prefs::keys::ORDERS_VIEW,
        DocumentKind::Quotation => prefs::keys::QUOTATIONS_VIEW,
    };
    let cards = RwSignal::new(prefs::get(cards_key).as_deref() == Some("cards"));
    let query = Memo::new(move |_| DocumentQuery { search: search.get(), status: status.get(), customer: None });
    Effect::watch(move || query.track(), move |_, _, _| page.set(1), false);
    let data = LocalResource::new(move || {
        let (q, p) = (query.get(), page.get());
        // Offline the ERP's list is not asked for: only the device's documents are shown.
        let online = connectivity.online();
        async move {
            if online {
                Some(load(api, kind, q, p).await)
            } else {
                None
            }
        }
    });
    // Documents written here and not yet confirmed by the ERP; offline, also those written
    // offline and since confirmed (the ERP's list needs the connection).
    let unsent = LocalResource::new(move || {
        let seller = seller.clone();
        let online = connectivity.online();
        sync.changes.track();
        async move {
            let Ok(db) = storage::for_seller(&seller).await else { return Vec::new() };
            let mut all: Vec<OutboxEntry> = db.outbox().await.unwrap_or_default();
            all.retain(|e| e.draft.kind == kind && (e.state.is_unfinished() || (!online && e.written_offline)));
            all.sort_by(|a, b| b.updated_ms.total_cmp(&a.updated_ms));
            all
        }
    });
    let filters: Vec<(&'static str, Msg)> = match kind {
        DocumentKind::Order => OrderState::FILTERS.iter().map(|(c, s)| (*c, order_state_msg(*s))).collect(),
        DocumentKind::Quotation => QuotationState::FILTERS.iter().map(|(c, s)| (*c, quotation_state_msg(*s))).collect(),
    };
    let (title, new_label) = match kind {
        DocumentKind::Order => (Msg::OrdersTitle, Msg::NewOrder),
        DocumentKind::Quotation => (Msg::QuotationsTitle, Msg::NewQuotation),
    };
    let seg = segment(kind);
    let set_cards = move |on: bool| {
        prefs::set(cards_key, if on { "cards" } else { "table" });
        cards.set(on);
    };

    view! {
        <section class="page documents">
            <div class="page-head">
                <h1>{move || i18n.t(title)}</h1>
                <A href=format!("/{seg}/new") attr:class="button primary" attr:data-testid="document-new">
                    {move || format!("+ {}", i18n.t(new_label))}
                </A>
            </div>
            <div class="toolbar" role="search">
                <SearchBox value=search hint=Msg::DocumentSearchHint testid="documents-search" />
                <label>
                    <span class="label">{move || i18n.t(Msg::Status)}</span>
                    <select data-testid="documents-filter-status" on:change=move |ev| status.set(event_target_value(&ev))>
                        <option value="">{move || i18n.t(Msg::All)}</option>
                        {filters
                            .into_iter()
                            .map(|(code, msg)| view! { <option value=code>{move || i18n.t(msg)}</option> })
                            .collect_view()}
                    </select>
                </label>
                <div class="segmented" role="group">
                    <button type="button" data-testid="view-table" aria-pressed=move || (!cards.get()).to_string() on:click=move |_| set_cards(false)>
                        {move || i18n.t(Msg::ViewTable)}
                    </button>
                    <button type="button" data-testid="view-cards" aria-pressed=move || cards.get().to_string() on:click=move |_| set_cards(true)>
                        {move || i18n.t(Msg::ViewCards)}
                    </button>
                </div>
            </div>
            {move || {
                let entries = unsent.get().unwrap_or_default();
                (!entries.is_empty())
                    .then(|| {
                        view! {
                            <ul class="cards unsent" data-testid="documents-unsent">
                                {entries
                                    .into_iter()
                                    .map(|e| {
                                        let t = e.draft.totals();
                                        let (state, edit_href) = (e.state, format!("/sent/{}/edit", e.external_id));
                                        let count = e.draft.live_items().count();
                                        let date = e.draft.issue_date.clone();
                                        // Who it is for, by name (the code when an old entry has none).
                                        let who = if e.customer_name.trim().is_empty() {
                                            format!("{} / {}", e.draft.customer_code, e.draft.customer_store)
                                        } else {
                                            e.customer_name.clone()
                                        };
                                        view! {
                                            <li class="card document-card" data-testid="unsent-document" data-external-id=e.external_id.clone()>
                                                <A href=format!("/sent/{}", e.external_id) attr:class="card-title" attr:data-testid="unsent-customer">
                                                    {who}
                                                </A>
                                                <span class="muted small" data-testid="unsent-meta">
                                                    <span class="nowrap">{move || format::date(&date, i18n.locale.get())}</span>" · "
                                                    <span class="nowrap">{move || i18n.count(Plural::ItemsN, count)}</span>
                                                </span>
                                                <span class="money">{move || format::money(t.total, i18n.locale.get())}</span>
                                                <SendStateChip state=e.state error=e.error.clone() number=e.draft.erp_number.clone() />
                                                {move || device_actions(connectivity.online(), state).edit.then(|| view! {
                                                    <A href=edit_href.clone() attr:class="button" attr:data-testid="unsent-edit">
                                                        {move || i18n.t(Msg::Edit)}
                                                    </A>
                                                })}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                    })
            }}
            {move || match data.get() {
                None => view! { <p class="muted" data-testid="documents-loading">{i18n.t(Msg::Loading)}</p> }.into_any(),
                Some(None) => view! { <p class="notice offline" data-testid="documents-offline">{i18n.t(Msg::DocumentsOffline)}</p> }.into_any(),
                Some(Some(Err(e))) => view! { <crate::components::api_error::ApiErrorBox error=e /> }.into_any(),
                Some(Some(Ok((rows, has_next)))) => {
                    view! {
                        <div data-testid="documents-list">
                            {if rows.is_empty() {
                                view! { <p class="empty" data-testid="documents-empty">{move || i18n.t(Msg::NoDocuments)}</p> }.into_any()
                            } else if cards.get() {
                                view! { <DocumentCards rows seg /> }.into_any()
                            } else {
                                view! { <DocumentTable rows seg /> }.into_any()
                            }}
                            <Pager page has_next prefix="documents" />
                        </div>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

#[component]
fn DocumentTable(rows: Vec<Row>, seg: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="table-wrap">
            <table class="table stack" data-testid="documents-table">
                <thead>
                    <tr>
                        <th>{move || i18n.t(Msg::Number)}</th>
                        <th>{move || i18n.t(Msg::IssueDate)}</th>
                        <th>{move || i18n.t(Msg::Customer)}</th>
                        <th class="num">{move || i18n.t(Msg::Amount)}</th>
                        <th>{move || i18n.t(Msg::Status)}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|r| {
                            let (amount, date, status, tone) = (r.amount, r.issue_date.clone(), r.status, r.tone);
                            let (number, href) = (r.number.clone(), format!("/{seg}/{}", r.number));
                            view! {
                                <tr class="opens" data-testid="document-row" data-number=r.number.clone() data-status=r.status_code.clone()>
                                    <td class="mono">
                                        <A href=href attr:class="row-link" attr:data-testid="document-link">{number}</A>
                                    </td>
                                    <td class="nowrap" data-label=move || i18n.t(Msg::IssueDate)>{move || format::date(&date, i18n.locale.get())}</td>
                                    <td class="wide">
                                        <div>{r.customer_name.clone()}</div>
                                        <div class="muted small mono">{r.customer.clone()}</div>
                                    </td>
                                    <td class="num money" data-label=move || i18n.t(Msg::Amount)>{move || format::money(amount, i18n.locale.get())}</td>
                                    <td><StateChip status tone /></td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn DocumentCards(rows: Vec<Row>, seg: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ul class="cards" data-testid="documents-cards">
            {rows
                .into_iter()
                .map(|r| {
                    let (amount, date, status, tone) = (r.amount, r.issue_date.clone(), r.status, r.tone);
                    let (label, href) = (format!("#{}", r.number), format!("/{seg}/{}", r.number));
                    view! {
                        <li class="card document-card" data-testid="document-card" data-number=r.number.clone()>
                            <A href=href attr:class="card-title">{label}</A>
                            <div>{r.customer_name.clone()}</div>
                            <div class="muted small">{move || format::date(&date, i18n.locale.get())}</div>
                            <div class="money">{move || format::money(amount, i18n.locale.get())}</div>
                            <StateChip status tone />
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
