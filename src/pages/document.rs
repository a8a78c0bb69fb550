//! One order or quotation: its state in words, lines, totals (with the ERP's taxes when
//! online), invoices for orders, and what can be done with it.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use mascate_domain::contract::{Invoice, Taxes};
use mascate_domain::document::{DocumentKind, Draft, OrderState, QuotationState};
use mascate_domain::format;

use crate::api::{use_api, Api, ApiError};
use crate::components::api_error::ApiErrorBox;
use crate::components::dialog::ConfirmDialog;
use crate::components::lines::LinesTable;
use crate::components::totals::TotalsTable;
use crate::connectivity::use_connectivity;
use crate::i18n::{use_i18n, Msg};
use crate::pages::document_form::{load_erp_document, ErpHeader};
use crate::pages::documents::{
    order_state_msg, order_tone, quotation_state_msg, quotation_tone, segment, StateChip, Tone,
};

#[derive(Clone, PartialEq)]
struct Loaded {
    draft: Draft,
    customer_name: String,
    state: Msg,
    tone: Tone,
    explain: Option<Msg>,
    editable: bool,
    invoices: Vec<Invoice>,
    taxes: Option<Taxes>,
    open_quotation: bool,
    order_of_quotation: String,
}

async fn load(api: Api, kind: DocumentKind, number: String, online: bool) -> Result<Loaded, ApiError> {
    // One read of the header serves both the draft (lines, totals) and the state.
    let (draft, header) = load_erp_document(api, kind, number.clone()).await?;
    let (customer_name, (state, tone), explain, editable, open_quotation, order_of_quotation) = match header {
        ErpHeader::Order(o) => {
            let s = OrderState::of(&o.status, &o.block_reason);
            let explain = match s {
                OrderState::Open => Some(Msg::ExplainOpen),
                OrderState::Released => Some(Msg::ExplainReleased),
                OrderState::Invoiced => Some(Msg::ExplainInvoiced),
                OrderState::BlockedRule | OrderState::BlockedBudget => Some(Msg::ExplainBlockedRule),
                OrderState::BlockedCredit => Some(Msg::ExplainBlockedCredit),
                OrderState::Other => None,
            };
            (
                o.customer_name,
                (order_state_msg(s), order_tone(s)),
                explain,
                s != OrderState::Invoiced,
                false,
                String::new(),
            )
        }
        ErpHeader::Quotation(q) => {
            let s = QuotationState::of(&q.status);
            let open = s == QuotationState::Open;
            (q.customer_name, (quotation_state_msg(s), quotation_tone(s)), None, open, open, q.order_number)
        }
    };
    let invoices =
        if kind == DocumentKind::Order { api.invoices(&number).await.unwrap_or_default() } else { Vec::new() };
    let taxes = if kind == DocumentKind::Order && online { api.order_taxes(&number).await.ok() } else { None };
    Ok(Loaded {
        draft,
        customer_name,
        state,
        tone,
        explain,
        editable,
        invoices,
        taxes,
        open_quotation,
        order_of_quotation,
    })
}

/// The details page (`/orders/:number`, `/quotations/:number`).
#[component]
pub fn DocumentPage(kind: DocumentKind) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let connectivity = use_connectivity();
    let params = use_params_map();
    let navigate = use_navigate();
    let number = move || params.read().get("number").unwrap_or_default();
    let data = LocalResource::new(move || load(api, kind, number(), connectivity.online()));
    let confirming = RwSignal::new(false);
    let action_error = RwSignal::new(None::<ApiError>);
    let seg = segment(kind);
    let noun = if kind == DocumentKind::Order { Msg::Order } else { Msg::Quotation };

    let delete = {
        let navigate = navigate.clone();
        move || {
            let navigate = navigate.clone();
            let n = number();
            leptos::task::spawn_local(async move {
                match api.delete_document(kind, &n).await {
                    Ok(()) => navigate(&format!("/{seg}"), Default::default()),
                    Err(e) => action_error.set(Some(e)),
                }
            });
        }
    };
    let implement = {
        let navigate = navigate.clone();
        move || {
            let navigate = navigate.clone();
            let n = number();
            leptos::task::spawn_local(async move {
                match api.implement_quotation(&n).await {
                    Ok(order) => navigate(&format!("/orders/{order}"), Default::default()),
                    Err(e) => action_error.set(Some(e)),
                }
            });
        }
    };
    let cancel = move || {
        let n = number();
        leptos::task::spawn_local(async move {
            match api.cancel_quotation(&n).await {
                Ok(()) => data.refetch(),
                Err(e) => action_error.set(Some(e)),
            }
        });
    };

    view! {
        <section class="page document" data-testid="document-page">
            <A href=format!("/{seg}") attr:class="button ghost" attr:data-testid="document-back">
                {move || format!("← {}", i18n.t(Msg::Back))}
            </A>
            {move || match data.get() {
                None => view! { <p class="muted">{i18n.t(Msg::Loading)}</p> }.into_any(),
                Some(Err(e)) => view! { <ApiErrorBox error=e /> }.into_any(),
                Some(Ok(d)) => {
                    let totals = d.draft.totals();
                    let taxes = d.taxes.clone();
                    let online = connectivity.online();
                    let (delete, implement) = (delete.clone(), implement.clone());
                    view! {
                        <header class="details-head">
                            <h1 data-testid="document-number">{move || i18n.t(noun)}" "{d.draft.erp_number.clone()}</h1>
                            <p>{d.customer_name.clone()}" · "<span class="mono nowrap">{format!("{}/{}", d.draft.customer_code, d.draft.customer_store)}</span></p>
                            <StateChip status=d.state tone=d.tone testid="document-status" />
                            {d.explain.map(|m| view! { <p class="notice" data-testid="document-explain">{move || i18n.t(m)}</p> })}
                            {(!d.order_of_quotation.is_empty()).then(|| {
                                let o = d.order_of_quotation.clone();
                                view! { <A href=format!("/orders/{o}") attr:data-testid="quotation-order">{move || i18n.t_n(Msg::OpenOrder, &o)}</A> }
                            })}
                        </header>
                        <div class="actions" data-testid="document-actions">
                            {(d.editable && online).then(|| view! {
                                <A href=format!("/{seg}/{}/edit", d.draft.erp_number) attr:class="button" attr:data-testid="document-edit">
                                    {move || i18n.t(Msg::Edit)}
                                </A>
                            })}
                            {(d.open_quotation && online).then(|| view! {
                                <button class="button primary" data-testid="quotation-implement" on:click=move |_| implement()>{move || i18n.t(Msg::Implement)}</button>
                                <button class="button" data-testid="quotation-cancel" on:click=move |_| cancel()>{move || i18n.t(Msg::CancelQuotation)}</button>
                            })}
                            // Offline there is no delete.
                            {(d.editable && online).then(|| view! {
                                <button class="button danger" data-testid="document-delete" on:click=move |_| confirming.set(true)>{move || i18n.t(Msg::Delete)}</button>
                            })}
                        </div>
                        <ConfirmDialog open=confirming title=Msg::ConfirmDeleteTitle text=Msg::ConfirmDelete action=Msg::Delete
                            on_confirm=delete.clone() testid="confirm-delete" />
                        {move || action_error.get().map(|e| view! { <ApiErrorBox error=e /> })}
                        <div class="card">
                            <h2>{move || i18n.t(Msg::Items)}</h2>
                            <LinesTable lines=Signal::derive({ let lines: Vec<_> = d.draft.live_items().cloned().collect(); move || lines.clone() }) testid="document-items" />
                            <TotalsTable totals=Signal::derive(move || totals) taxes=Signal::derive(move || taxes.clone()) />
                            {(!online).then(|| view! { <p class="notice" data-testid="taxes-offline">{move || i18n.t(Msg::TaxesNeedConnection)}</p> })}
                        </div>
                        {(kind == DocumentKind::Order).then(|| {
                            let invoices = d.invoices.clone();
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
                                                    <p data-testid="invoice" class="mono">
                                                        {format!("NF {}-{} · ", inv.invoice, inv.serie)}
                                                        {move || format::date(&date, i18n.locale.get())}" · "
                                                        {move || format::money(amount, i18n.locale.get())}
                                                    </p>
                                                }
                                            })
                                            .collect_view()
                                            .into_any()
                                    }}
                                </div>
                            }
                        })}
                    }
                        .into_any()
                }
            }}
        </section>
    }
}
