//! My Orders and My Quotations: the seller's documents from the ERP, newest first, with
//! search, a state filter, paging and a table/cards switch; plus the documents written on
//! this device that the ERP has not confirmed yet, on top, with their sending state.
//!
//! Search, filter and page live in the address (Back from a document finds the list as it
//! was). Both parts follow the sync engine and the other tabs: a document the ERP accepts
//! leaves the "not sent" part and appears in the ERP's list with its number, in place.
//! Orders are filtered by release state (§9.5: in portfolio, released, blocked, invoiced),
//! with the mapping of [`mascate_domain::release`], the same the order page uses.

mod load;
mod views;

use leptos::prelude::*;
use leptos_router::components::A;
use mascate_domain::document::{DocumentKind, OrderState, QuotationState};
use mascate_domain::release::ReleaseFilter;

use crate::api::use_api;
use crate::components::loaded::Ready;
use crate::components::pager::Pager;
use crate::components::range_filter::{range_of, RangeFilter, SecondRange};
use crate::components::search_box::SearchBox;
use crate::connectivity::use_connectivity;
use crate::i18n::{use_i18n, Msg};
use crate::prefs;
use crate::url_query::{use_url_query, UrlQuery};
use views::{DocumentCards, DocumentTable, UnsentList};

const PAGE_SIZE: usize = 20;

/// One row, whichever the kind.
#[derive(Clone, PartialEq)]
pub struct Row {
    pub number: String,
    pub issue_date: String,
    pub customer: String,
    pub customer_name: String,
    pub amount: f64,
    /// The currency it was sold in (1: the real) and its symbol (empty: `R$`).
    pub currency: i64,
    pub symbol: String,
    pub status: Msg,
    /// The ERP's raw status.
    pub status_code: String,
    /// Orders: the state's code ([`OrderState::code`]); empty for quotations.
    pub state_code: &'static str,
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
        OrderState::BlockedRule | OrderState::BlockedBudget | OrderState::BlockedCredit | OrderState::BlockedStock => {
            ("chip alarm", "✕")
        }
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

/// A state chip: its colour and icon from `tone`, its words from `status`; `state` (an
/// order's state code) goes to `data-state`.
#[component]
pub fn StateChip(
    status: Msg,
    tone: Tone,
    #[prop(optional)] testid: Option<&'static str>,
    #[prop(optional)] state: Option<&'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class=tone.0 data-icon=tone.1 data-testid=testid data-state=state.filter(|s| !s.is_empty())>
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
        OrderState::BlockedStock => Msg::StatusBlockedStock,
        OrderState::Other => Msg::StatusOther,
    }
}

/// The words for a release filter.
pub fn release_filter_msg(filter: ReleaseFilter) -> Msg {
    match filter {
        ReleaseFilter::Open => Msg::StatusOpen,
        ReleaseFilter::Released => Msg::StatusReleased,
        ReleaseFilter::Blocked => Msg::StatusBlocked,
        ReleaseFilter::Invoiced => Msg::StatusBilled,
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

/// The device preference that keeps a kind's table/cards choice.
fn cards_key(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::Order => prefs::keys::ORDERS_VIEW,
        DocumentKind::Quotation => prefs::keys::QUOTATIONS_VIEW,
    }
}

/// The list page of one kind.
#[component]
pub fn DocumentsPage(kind: DocumentKind) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let connectivity = use_connectivity();
    let sync = crate::device::sync::use_sync();
    let url = use_url_query();
    let (search, status, page) = (url.text("q"), url.text("status"), url.page());
    let range = range_of(url);
    let cards = RwSignal::new(prefs::get(cards_key(kind)).as_deref() == Some("cards"));
    let data = LocalResource::new(move || {
        let (s, st, p, r) = (search.get(), status.get(), page.get(), range.get());
        // Offline the ERP's list is not asked for: only the device's documents are shown.
        let online = connectivity.online();
        // What the engine or another tab changed shows here without leaving the page.
        sync.changes.track();
        async move {
            if r.problem().is_some() {
                // The range cannot match anything: the boxes say why.
                Some(Ok((Vec::new(), false, st)))
            } else if online {
                let shown = st.clone();
                Some(load::load(api, kind, s, st, r, p).await.map(|(rows, next)| (rows, next, shown)))
            } else {
                None
            }
        }
    });
    // Documents written here and not yet confirmed by the ERP; offline, also those written
    // offline and since confirmed (the ERP's list needs the connection).
    let unsent = LocalResource::new(move || {
        let online = connectivity.online();
        sync.changes.track();
        // Read here, not after the awaits: leaving the page with a range set changes the
        // address, which starts this read again just before the page is taken down, and a
        // signal read after that panicked.
        let r = range.get();
        async move { sync.unsent(kind, &r, online).await }
    });
    let (title, new_label) = match kind {
        DocumentKind::Order => (Msg::OrdersTitle, Msg::NewOrder),
        DocumentKind::Quotation => (Msg::QuotationsTitle, Msg::NewQuotation),
    };
    let seg = segment(kind);

    view! {
        <section class="page documents">
            <div class="page-head">
                <h1>{move || i18n.t(title)}</h1>
                <A href=format!("/{seg}/new") attr:class="button primary" attr:data-testid="document-new">
                    {move || format!("+ {}", i18n.t(new_label))}
                </A>
            </div>
            <DocumentFilters kind url search status cards />
            {move || {
                let entries = unsent.get().unwrap_or_default();
                (!entries.is_empty()).then(|| view! { <UnsentList entries /> })
            }}
            <Ready resource=data testid="documents-loading" let:value>{match value {
                None => view! { <p class="notice offline" data-testid="documents-offline">{i18n.t(Msg::DocumentsOffline)}</p> }.into_any(),
                Some(Err(e)) => view! { <crate::components::api_error::ApiErrorBox error=e /> }.into_any(),
                Some(Ok((rows, has_next, shown))) => {
                    view! {
                        // The filter these rows answer (the list keeps showing the last answer while the next loads).
                        <div data-testid="documents-list" data-filter=shown>
                            {if rows.is_empty() {
                                view! { <p class="empty" data-testid="documents-empty">{move || i18n.t(Msg::NoDocuments)}</p> }.into_any()
                            } else if cards.get() {
                                view! { <DocumentCards rows seg /> }.into_any()
                            } else {
                                view! { <DocumentTable rows seg /> }.into_any()
                            }}
                            <Pager page set_page=move |p| url.go_to_page(p) has_next prefix="documents" />
                        </div>
                    }
                        .into_any()
                }
            }}</Ready>
        </section>
    }
}

/// The list's search, state filter and date or number range, and the table/cards switch
/// (kept in the device's preferences).
#[component]
fn DocumentFilters(
    /// Orders or quotations (their states differ).
    kind: DocumentKind,
    /// Where the search and filters are kept.
    url: UrlQuery,
    /// The search typed.
    search: Signal<String>,
    /// The state's code (`""` for all).
    status: Signal<String>,
    /// Cards rather than a table.
    cards: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let filters: Vec<(&'static str, Msg)> = match kind {
        DocumentKind::Order => ReleaseFilter::ALL.iter().map(|f| (f.code(), release_filter_msg(*f))).collect(),
        DocumentKind::Quotation => [QuotationState::Open, QuotationState::Converted, QuotationState::Cancelled]
            .into_iter()
            .zip(["A", "B", "C"])
            .map(|(s, c)| (c, quotation_state_msg(s)))
            .collect(),
    };
    let set_cards = move |on: bool| {
        prefs::set(cards_key(kind), if on { "cards" } else { "table" });
        cards.set(on);
    };
    view! {
        <div class="toolbar" role="search">
            <SearchBox value=search on_search=move |s| url.filter("q", s) hint=Msg::DocumentSearchHint testid="documents-search" />
            <label>
                <span class="label">{move || i18n.t(Msg::Status)}</span>
                <select data-testid="documents-filter-status" prop:value=move || status.get()
                    on:change=move |ev| url.filter("status", event_target_value(&ev))>
                    <option value="">{move || i18n.t(Msg::All)}</option>
                    {filters
                        .into_iter()
                        .map(|(code, msg)| view! {
                            <option value=code selected=move || status.get() == code>{move || i18n.t(msg)}</option>
                        })
                        .collect_view()}
                </select>
            </label>
            <RangeFilter url second=SecondRange::Numbers
                issued_or_invoiced=Signal::derive(move || kind == DocumentKind::Order && ReleaseFilter::from_code(&status.get()).is_some()) />
            <div class="segmented" role="group">
                <button type="button" data-testid="view-table" aria-pressed=move || (!cards.get()).to_string() on:click=move |_| set_cards(false)>
                    {move || i18n.t(Msg::ViewTable)}
                </button>
                <button type="button" data-testid="view-cards" aria-pressed=move || cards.get().to_string() on:click=move |_| set_cards(true)>
                    {move || i18n.t(Msg::ViewCards)}
                </button>
            </div>
        </div>
    }
}
