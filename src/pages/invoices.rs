//! The seller's invoices (fiscal documents), newest first, searched by number or customer and
//! narrowed to issue and delivery dates and invoice numbers from/to, each row opening its
//! invoice; every filter and the page in the address.
//! Online only: a Mascate extension of the ERP (a Protheus without it says so here).

use leptos::prelude::*;
use leptos_router::components::A;
use mascate_domain::contract::InvoiceRow;
use mascate_domain::document::range::{DocumentRange, INVOICE_WIDTH};
use mascate_domain::format;

use crate::api::sales::InvoiceQuery;
use crate::api::{use_api, ApiError};
use crate::components::api_error::ApiErrorBox;
use crate::components::loaded::Ready;
use crate::components::pager::Pager;
use crate::components::range_filter::{RangeFilter, SecondRange};
use crate::components::search_box::SearchBox;
use crate::connectivity::use_connectivity;
use crate::i18n::{use_i18n, Msg};
use crate::url_query::use_url_query;

const PAGE_SIZE: usize = 20;

/// `/invoices`
#[component]
pub fn InvoicesPage() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let connectivity = use_connectivity();
    let url = use_url_query();
    let (search, page) = (url.text("q"), url.page());
    let (from, to, dfrom, dto) = (url.text("from"), url.text("to"), url.text("dfrom"), url.text("dto"));
    let (nfrom, nto) = (url.text("nfrom"), url.text("nto"));
    let data = LocalResource::new(move || {
        let q = InvoiceQuery {
            search: search.get(),
            from: from.get(),
            to: to.get(),
            delivery_from: dfrom.get(),
            delivery_to: dto.get(),
            number_from: nfrom.get(),
            number_to: nto.get(),
        };
        let (p, online) = (page.get(), connectivity.online());
        let typed = DocumentRange {
            from: q.from.clone(),
            to: q.to.clone(),
            number_from: q.number_from.clone(),
            number_to: q.number_to.clone(),
        };
        let delivery = DocumentRange { from: q.delivery_from.clone(), to: q.delivery_to.clone(), ..Default::default() };
        let reversed = typed.problem_at(INVOICE_WIDTH).is_some() || delivery.problem().is_some();
        async move {
            if !online {
                return None;
            }
            if reversed {
                return Some(Ok((Vec::new(), false)));
            }
            Some(api.invoice_list(&q, p, PAGE_SIZE).await.map(|l| (l.items, l.has_next)))
        }
    });
    view! {
        <section class="page invoices">
            <div class="page-head">
                <h1>{move || i18n.t(Msg::NavInvoices)}</h1>
            </div>
            <div class="toolbar" role="search">
                <SearchBox value=search on_search=move |s| url.filter("q", s) hint=Msg::InvoiceSearchHint testid="invoices-search" />
                <RangeFilter url second=SecondRange::DeliveryAndInvoiceNumbers />
            </div>
            <Ready resource=data let:value>{match value {
                None => view! { <p class="notice offline" data-testid="invoices-offline">{i18n.t(Msg::NeedsConnection)}</p> }.into_any(),
                Some(Err(ApiError::NoExtension)) => {
                    view! { <p class="notice" data-testid="invoices-unavailable">{i18n.t(Msg::NeedsMascateServer)}</p> }.into_any()
                }
                Some(Err(e)) => view! { <ApiErrorBox error=e /> }.into_any(),
                Some(Ok((rows, has_next))) => view! {
                    <div data-testid="invoices-list">
                        {if rows.is_empty() {
                            view! { <p class="empty" data-testid="invoices-empty">{move || i18n.t(Msg::NoInvoicesFound)}</p> }.into_any()
                        } else {
                            view! { <InvoiceTable rows /> }.into_any()
                        }}
                        <Pager page set_page=move |p| url.go_to_page(p) has_next prefix="invoices" />
                    </div>
                }
                    .into_any(),
            }}</Ready>
        </section>
    }
}

/// The invoices as a table.
#[component]
fn InvoiceTable(rows: Vec<InvoiceRow>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = move || i18n.locale.get();
    view! {
        <div class="table-wrap">
            <table class="table stack" data-testid="invoices-table">
                <thead>
                    <tr>
                        <th>{move || i18n.t(Msg::InvoiceNumber)}</th>
                        <th>{move || i18n.t(Msg::IssueDate)}</th>
                        <th>{move || i18n.t(Msg::Delivery)}</th>
                        <th>{move || i18n.t(Msg::Customer)}</th>
                        <th>{move || i18n.t(Msg::Order)}</th>
                        <th class="num">{move || i18n.t(Msg::Amount)}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|r| {
                            let (issued, delivery, amount) = (r.issue_date.clone(), r.delivery_date.clone(), r.amount);
                            view! {
                                <tr data-testid="invoice-row" data-invoice=r.invoice.clone() data-issued=r.issue_date.clone()
                                    data-delivery=r.delivery_date.clone()>
                                    <td class="mono" data-label=move || i18n.t(Msg::InvoiceNumber)>
                                        <A href=format!("/invoices/{}/{}", r.invoice, r.serie) attr:class="row-link" attr:data-testid="invoice-link">{format!("{}-{}", r.invoice, r.serie)}</A>
                                    </td>
                                    <td data-label=move || i18n.t(Msg::IssueDate)>{move || format::date(&issued, locale())}</td>
                                    <td data-label=move || i18n.t(Msg::Delivery)>{move || format::date(&delivery, locale())}</td>
                                    <td class="wide" data-label=move || i18n.t(Msg::Customer)>
                                        <div>{r.customer_name.clone()}</div>
                                        <div class="muted small mono">{format!("{}/{}", r.customer_code, r.customer_store)}</div>
                                    </td>
                                    <td class="mono" data-label=move || i18n.t(Msg::Order)><A href=format!("/orders/{}", r.order_number) attr:class="row-link">{r.order_number.clone()}</A></td>
                                    <td class="num mono" data-label=move || i18n.t(Msg::Amount)>{move || format::money(amount, locale())}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}
