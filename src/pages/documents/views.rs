//! The rows of a documents list: as a table (stacked into cards where it does not fit), as
//! cards, and the documents written on this device that the ERP has not confirmed yet. A
//! whole row or card opens its document.

use leptos::prelude::*;
use leptos_router::components::A;
use mascate_domain::format;
use mascate_domain::offline::device_actions;
use mascate_domain::outbox::OutboxEntry;

use super::{Row, StateChip};
use crate::components::opens_on_tap::opens_on_tap;
use crate::components::send_state::SendStateChip;
use crate::connectivity::use_connectivity;
use crate::i18n::{use_i18n, Msg, Plural};

/// The ERP's documents as table rows.
#[component]
pub fn DocumentTable(rows: Vec<Row>, seg: &'static str) -> impl IntoView {
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
                            let (amount, date, status, tone, state) = (r.amount, r.issue_date.clone(), r.status, r.tone, r.state_code);
                    let symbol = r.symbol.clone();
                            let (number, href) = (r.number.clone(), format!("/{seg}/{}", r.number));
                            let opens = opens_on_tap(href.clone());
                            view! {
                                <tr class="opens" on:click=opens data-testid="document-row" data-number=r.number.clone() data-status=r.status_code.clone()
                                    data-state=state>
                                    <td class="mono">
                                        <A href=href attr:class="row-link" attr:data-testid="document-link">{number}</A>
                                    </td>
                                    <td class="nowrap" data-label=move || i18n.t(Msg::IssueDate)>{move || format::date(&date, i18n.locale.get())}</td>
                                    <td class="wide">
                                        <div>{r.customer_name.clone()}</div>
                                        <div class="muted small mono">{r.customer.clone()}</div>
                                    </td>
                                    <td class="num money" data-label=move || i18n.t(Msg::Amount)>{move || format::money_in(amount, &symbol, i18n.locale.get())}</td>
                                    <td><StateChip status tone state testid="document-state" /></td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// The ERP's documents as cards.
#[component]
pub fn DocumentCards(rows: Vec<Row>, seg: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ul class="cards" data-testid="documents-cards">
            {rows
                .into_iter()
                .map(|r| {
                    let (amount, date, status, tone, state) = (r.amount, r.issue_date.clone(), r.status, r.tone, r.state_code);
                    let symbol = r.symbol.clone();
                    let (label, href) = (format!("#{}", r.number), format!("/{seg}/{}", r.number));
                    let opens = opens_on_tap(href.clone());
                    view! {
                        <li class="card document-card opens" on:click=opens data-testid="document-card" data-number=r.number.clone() data-state=state>
                            <A href=href attr:class="card-title">{label}</A>
                            <div>{r.customer_name.clone()}</div>
                            <div class="muted small">{move || format::date(&date, i18n.locale.get())}</div>
                            <div class="money">{move || format::money_in(amount, &symbol, i18n.locale.get())}</div>
                            <StateChip status tone state testid="document-state" />
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// Documents written on this device and not yet confirmed by the ERP, on top: who for (by
/// name), when, how many items, the total and the sending state.
#[component]
pub fn UnsentList(entries: Vec<OutboxEntry>) -> impl IntoView {
    let i18n = use_i18n();
    let connectivity = use_connectivity();
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
                    let opens = opens_on_tap(format!("/sent/{}", e.external_id));
                    view! {
                        <li class="card document-card opens" on:click=opens data-testid="unsent-document" data-external-id=e.external_id.clone()>
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
}
