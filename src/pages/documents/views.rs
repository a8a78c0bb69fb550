//! The rows of a documents list: as a table, as cards, and the documents written on this
//! device that the ERP has not confirmed yet.

use leptos::prelude::*;
use leptos_router::components::A;
use mascate_domain::format;
use mascate_domain::offline::device_actions;
use mascate_domain::outbox::OutboxEntry;

use super::Row;
use crate::components::send_state::SendStateChip;
use crate::connectivity::use_connectivity;
use crate::i18n::{use_i18n, Msg};

/// The ERP's documents as table rows.
#[component]
pub fn DocumentTable(rows: Vec<Row>, seg: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="table-wrap">
            <table class="table" data-testid="documents-table">
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
                            let (amount, date, status) = (r.amount, r.issue_date.clone(), r.status);
                            let (number, href) = (r.number.clone(), format!("/{seg}/{}", r.number));
                            view! {
                                <tr data-testid="document-row" data-number=r.number.clone() data-status=r.status_code.clone()
                                    data-state=r.state_code>
                                    <td class="mono">
                                        <A href=href attr:data-testid="document-link">{number}</A>
                                    </td>
                                    <td>{move || format::date(&date, i18n.locale.get())}</td>
                                    <td>
                                        <div>{r.customer_name.clone()}</div>
                                        <div class="muted small mono">{r.customer.clone()}</div>
                                    </td>
                                    <td class="num mono">{move || format::money(amount, i18n.locale.get())}</td>
                                    <td><span class="chip" data-testid="document-state">{move || i18n.t(status)}</span></td>
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
                    let (amount, date, status) = (r.amount, r.issue_date.clone(), r.status);
                    let (label, href) = (format!("#{}", r.number), format!("/{seg}/{}", r.number));
                    view! {
                        <li class="card" data-testid="document-card" data-number=r.number.clone() data-state=r.state_code>
                            <A href=href attr:class="card-title">{label}</A>
                            <div>{r.customer_name.clone()}</div>
                            <div class="muted small">{move || format::date(&date, i18n.locale.get())}</div>
                            <div class="mono">{move || format::money(amount, i18n.locale.get())}</div>
                            <span class="chip" data-testid="document-state">{move || i18n.t(status)}</span>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// Documents written on this device and not yet confirmed by the ERP, on top.
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
                    view! {
                        <li class="card" data-testid="unsent-document" data-external-id=e.external_id.clone()>
                            <A href=format!("/sent/{}", e.external_id)>
                                {format!("{} {}", e.draft.customer_code, e.draft.customer_store)}
                            </A>
                            <span class="mono">{move || format::money(t.total, i18n.locale.get())}</span>
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
