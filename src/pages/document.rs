//! One order or quotation: its state in words, its releases (orders), lines, totals (with
//! the ERP's taxes when online), invoices, and what can be done with it. Offline — or opened
//! by its address with no connection — it shows the device's copy of a document written
//! here, with its sending state.
//!
//! Delete, implement and cancel are actions: while one is on its way its button is
//! disabled, so a double tap sends one request.

mod items;
pub mod print;
mod production;
mod releases;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use mascate_domain::contract::{Invoice, ReleaseRow, Taxes};
use mascate_domain::document::{DocumentKind, Draft, OrderState, QuotationState};
use mascate_domain::format;
use mascate_domain::outbox::OutboxEntry;
use mascate_domain::release::billing::may_have_invoices;

use crate::api::documents::ErpHeader;
use crate::api::{use_api, Api, ApiError};
use crate::components::api_error::ApiErrorBox;
use crate::components::dialog::ConfirmDialog;
use crate::components::loaded::Ready;
use crate::components::money::InCurrency;
use crate::components::send_state::SendStateChip;
use crate::connectivity::use_connectivity;
use crate::i18n::{use_i18n, Msg};
use crate::pages::documents::{
    order_state_msg, order_tone, quotation_state_msg, quotation_tone, segment, StateChip, Tone,
};
use items::ItemsCard;
use print::PrintAndShare;
use production::ProductionCard;
use releases::Releases;

/// A document as the ERP has it.
#[derive(Clone, PartialEq)]
struct ErpDocument {
    draft: Draft,
    customer_name: String,
    state: Msg,
    state_code: &'static str,
    /// The chip's colour and icon.
    tone: Tone,
    explain: Option<Msg>,
    editable: bool,
    invoices: Vec<Invoice>,
    taxes: Option<Taxes>,
    open_quotation: bool,
    order_of_quotation: String,
    releases: Option<Vec<ReleaseRow>>,
    /// The symbol of the currency it was sold in (empty: `R$`).
    symbol: String,
}

#[derive(Clone, PartialEq)]
enum Loaded {
    Erp(Box<ErpDocument>),
    /// The device's copy (offline).
    Device(Box<OutboxEntry>),
    /// Offline, and not on the device.
    Missing,
}

fn explain(state: OrderState) -> Option<Msg> {
    match state {
        OrderState::Open => Some(Msg::ExplainOpen),
        OrderState::Released => Some(Msg::ExplainReleased),
        OrderState::Invoiced => Some(Msg::ExplainInvoiced),
        OrderState::BlockedRule | OrderState::BlockedBudget => Some(Msg::ExplainBlockedRule),
        OrderState::BlockedCredit => Some(Msg::ExplainBlockedCredit),
        OrderState::BlockedStock => Some(Msg::ExplainBlockedStock),
        OrderState::Other => None,
    }
}

async fn from_erp(api: Api, kind: DocumentKind, number: &str) -> Result<ErpDocument, ApiError> {
    // One read of the header serves both the draft (lines, totals) and the state.
    let (draft, header) = api.erp_document(kind, number, crate::device::sync::new_external_id).await?;
    let mut doc = ErpDocument {
        draft,
        customer_name: String::new(),
        state: Msg::StatusOther,
        state_code: "",
        tone: ("chip", "?"),
        explain: None,
        editable: false,
        invoices: Vec::new(),
        taxes: None,
        open_quotation: false,
        order_of_quotation: String::new(),
        releases: None,
        symbol: String::new(),
    };
    let currency = match &header {
        ErpHeader::Order(o) => o.currency,
        ErpHeader::Quotation(q) => q.currency,
    };
    doc.symbol = api.currency_symbols([currency]).await.into_iter().map(|(_, s)| s).next().unwrap_or_default();
    match header {
        ErpHeader::Order(o) => {
            // The releases say what the header cannot (a released order held for credit).
            let releases = api.order_releases(number, &o.issue_date).await.ok();
            let state = releases
                .as_deref()
                .and_then(OrderState::of_rows)
                .unwrap_or_else(|| OrderState::of(&o.status, &o.block_reason));
            (doc.customer_name, doc.state, doc.state_code) = (o.customer_name, order_state_msg(state), state.code());
            doc.tone = order_tone(state);
            // Asked only when there can be one: none is the ERP's 404, a failed request in the console.
            if may_have_invoices(&o.status, releases.as_deref()) {
                doc.invoices = api.invoices(number).await.unwrap_or_default();
            }
            (doc.explain, doc.editable, doc.releases) = (explain(state), state != OrderState::Invoiced, releases);
            doc.taxes = api.order_taxes(number).await.ok();
        }
        ErpHeader::Quotation(q) => {
            let state = QuotationState::of(&q.status);
            doc.open_quotation = state == QuotationState::Open;
            (doc.customer_name, doc.state, doc.editable) =
                (q.customer_name, quotation_state_msg(state), doc.open_quotation);
            doc.tone = quotation_tone(state);
            doc.order_of_quotation = q.order_number;
        }
    }
    Ok(doc)
}

async fn load(
    api: Api,
    sync: crate::device::sync::SyncEngine,
    kind: DocumentKind,
    number: String,
    online: bool,
) -> Result<Loaded, ApiError> {
    if online {
        match from_erp(api, kind, &number).await {
            Err(ApiError::Unreachable) => {}
            other => return other.map(|d| Loaded::Erp(Box::new(d))),
        }
    }
    Ok(sync.entry_by_number(kind, &number).await.map(|e| Loaded::Device(Box::new(e))).unwrap_or(Loaded::Missing))
}

/// The details page (`/orders/:number`, `/quotations/:number`).
#[component]
pub fn DocumentPage(kind: DocumentKind) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let connectivity = use_connectivity();
    let sync = crate::device::sync::use_sync();
    let params = use_params_map();
    let number = move || params.read().get("number").unwrap_or_default();
    let data = LocalResource::new(move || load(api, sync, kind, number(), connectivity.online()));
    let seg = segment(kind);

    view! {
        <section class="page document" data-testid="document-page">
            <A href=format!("/{seg}") attr:class="button ghost" attr:data-testid="document-back">
                {move || format!("← {}", i18n.t(Msg::Back))}
            </A>
            <Ready resource=data let:value>{match value {
                Err(e) => view! { <ApiErrorBox error=e /> }.into_any(),
                Ok(Loaded::Missing) => {
                    view! { <p class="empty" data-testid="document-missing">{move || i18n.t(Msg::NotSavedOffline)}</p> }.into_any()
                }
                Ok(Loaded::Device(e)) => view! { <DeviceCopy entry=*e /> }.into_any(),
                Ok(Loaded::Erp(d)) => view! {
                    <InCurrency symbol=d.symbol.clone()><ErpCopy kind doc=*d on_changed=move || data.refetch() /></InCurrency>
                }.into_any(),
            }}</Ready>
        </section>
    }
}

/// A document the device wrote, as it keeps it.
#[component]
fn DeviceCopy(entry: OutboxEntry) -> impl IntoView {
    let i18n = use_i18n();
    let noun = if entry.draft.kind == DocumentKind::Order { Msg::Order } else { Msg::Quotation };
    let number = entry.draft.erp_number.clone();
    view! {
        <header class="details-head" data-testid="document-device-copy">
            <h1 data-testid="document-number">{move || i18n.t(noun)}" "{number.clone()}</h1>
            <p>
                {(!entry.customer_name.trim().is_empty()).then(|| format!("{} · ", entry.customer_name))}
                <span class="mono nowrap">{format!("{}/{}", entry.draft.customer_code, entry.draft.customer_store)}</span>
            </p>
            <SendStateChip state=entry.state error=entry.error.clone() number=entry.draft.erp_number.clone() />
            <A href=format!("/sent/{}", entry.external_id) attr:data-testid="document-sent-link">{move || i18n.t(Msg::OnThisDeviceLink)}</A>
        </header>
        <PrintAndShare draft=entry.draft.clone() taxes=None customer_name=entry.customer_name.clone() />
        <ItemsCard draft=entry.draft taxes=None taxes_offline=true />
    }
}

/// A document as the ERP has it, with its actions.
#[component]
fn ErpCopy(
    kind: DocumentKind,
    doc: ErpDocument,
    on_changed: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let connectivity = use_connectivity();
    let navigate = use_navigate();
    let seg = segment(kind);
    let noun = if kind == DocumentKind::Order { Msg::Order } else { Msg::Quotation };
    let number = doc.draft.erp_number.clone();
    let confirming = RwSignal::new(false);
    let delete = {
        let navigate = navigate.clone();
        Action::new_local(move |n: &String| {
            let (n, navigate) = (n.clone(), navigate.clone());
            async move {
                let r = api.delete_document(kind, &n).await;
                if r.is_ok() {
                    navigate(&format!("/{seg}"), Default::default());
                }
                r.map(|_| ())
            }
        })
    };
    let implement = Action::new_local(move |n: &String| {
        let (n, navigate) = (n.clone(), navigate.clone());
        async move {
            let order = api.implement_quotation(&n).await?;
            navigate(&format!("/orders/{order}"), Default::default());
            Ok::<(), ApiError>(())
        }
    });
    let cancel = Action::new_local(move |n: &String| {
        let n = n.clone();
        async move {
            api.cancel_quotation(&n).await?;
            on_changed();
            Ok::<(), ApiError>(())
        }
    });
    let busy = move || delete.pending().get() || implement.pending().get() || cancel.pending().get();
    // One tap, one request: a tap while any of them is on its way does nothing.
    let run = move |action: Action<String, Result<(), ApiError>>, n: String| {
        if !(delete.pending().get_untracked()
            || implement.pending().get_untracked()
            || cancel.pending().get_untracked())
        {
            action.dispatch(n);
        }
    };
    let error = move || [delete, implement, cancel].into_iter().find_map(|a| a.value().get().and_then(Result::err));
    let online = move || connectivity.online();
    let (editable, open_quotation) = (doc.editable, doc.open_quotation);
    let (n1, n2, n3, n4) = (number.clone(), number.clone(), number.clone(), number.clone());
    view! {
        <header class="details-head">
            <h1 data-testid="document-number">{move || i18n.t(noun)}" "{number.clone()}</h1>
            <p>{doc.customer_name.clone()}" · "<span class="mono nowrap">{format!("{}/{}", doc.draft.customer_code, doc.draft.customer_store)}</span></p>
            <StateChip status=doc.state tone=doc.tone state=doc.state_code testid="document-status" />
            {doc.explain.map(|m| view! { <p class="notice" data-testid="document-explain">{move || i18n.t(m)}</p> })}
            {(!doc.order_of_quotation.is_empty()).then(|| {
                let o = doc.order_of_quotation.clone();
                view! { <A href=format!("/orders/{o}") attr:data-testid="quotation-order">{move || i18n.t_n(Msg::OpenOrder, &o)}</A> }
            })}
        </header>
        <div class="actions" data-testid="document-actions">
            <Show when=move || editable && online()>
                <A href=format!("/{seg}/{n1}/edit") attr:class="button" attr:data-testid="document-edit">
                    {move || i18n.t(Msg::Edit)}
                </A>
            </Show>
            <Show when=move || open_quotation && online()>
                {
                    let (a, b) = (n2.clone(), n3.clone());
                    view! {
                        <button class="button primary" data-testid="quotation-implement" disabled=busy
                            on:click=move |_| run(implement, a.clone())>{move || i18n.t(Msg::Implement)}</button>
                        <button class="button" data-testid="quotation-cancel" disabled=busy
                            on:click=move |_| run(cancel, b.clone())>{move || i18n.t(Msg::CancelQuotation)}</button>
                    }
                }
            </Show>
            // Offline there is no delete.
            <Show when=move || editable && online()>
                <button class="button danger" data-testid="document-delete" disabled=busy on:click=move |_| confirming.set(true)>
                    {move || i18n.t(Msg::Delete)}
                </button>
            </Show>
        </div>
        <ConfirmDialog open=confirming title=Msg::ConfirmDeleteTitle text=Msg::ConfirmDelete action=Msg::Delete
            on_confirm=move || run(delete, n4.clone()) busy=Signal::derive(busy) testid="confirm-delete" />
        {move || error().map(|e| view! { <ApiErrorBox error=e /> })}
        <PrintAndShare draft=doc.draft.clone() taxes=doc.taxes.clone() customer_name=doc.customer_name.clone() />
        {doc.releases.clone().map(|rows| view! { <Releases rows /> })}
        <ItemsCard draft=doc.draft.clone() taxes=doc.taxes.clone() taxes_offline=false />
        {(kind == DocumentKind::Order).then(|| view! { <InvoicesCard invoices=doc.invoices.clone() /> <ProductionCard number=doc.draft.erp_number.clone() /> })}
    }
}

/// An order's invoices.
#[component]
fn InvoicesCard(invoices: Vec<Invoice>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="card" data-testid="document-invoices">
            <h2>{move || i18n.t(Msg::Invoices)}</h2>
            {if invoices.is_empty() {
                view! { <p class="muted">{move || i18n.t(Msg::NoInvoices)}</p> }.into_any()
            } else {
                invoices
                    .into_iter()
                    .map(|inv| {
                        let (amount, date) = (inv.amount, inv.issue_date.clone());
                        view! {
                            <p data-testid="invoice">
                                <span class="mono">{format!("NF {}-{}", inv.invoice, inv.serie)}</span>" · "
                                {move || format::date(&date, i18n.locale.get())}" · "
                                <span class="money">{move || format::money(amount, i18n.locale.get())}</span>
                            </p>
                        }
                    })
                    .collect_view()
                    .into_any()
            }}
        </div>
    }
}
