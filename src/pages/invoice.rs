//! One invoice as its DANFE shows it (`/invoices/:number/:series`, issue 25): header, origin
//! and destination, carrier and volumes, the items with their taxes, the totals and the
//! instalments. Online only, like the invoices list (a Mascate extension of the ERP).

mod items;
mod totals;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use mascate_domain::contract::InvoiceDetail;
use mascate_domain::format;

use crate::api::{use_api, ApiError};
use crate::components::api_error::ApiErrorBox;
use crate::components::field::Field;
use crate::components::loaded::Ready;
use crate::connectivity::use_connectivity;
use crate::i18n::{use_i18n, Msg};

/// The invoice page.
#[component]
pub fn InvoicePage() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let connectivity = use_connectivity();
    let params = use_params_map();
    let data = LocalResource::new(move || {
        let number = params.read().get("number").unwrap_or_default();
        let series = params.read().get("series").unwrap_or_default();
        let online = connectivity.online();
        async move {
            if !online {
                return None;
            }
            Some(api.invoice_detail(&number, &series).await)
        }
    });
    view! {
        <section class="page invoice">
            <A href="/invoices" attr:class="button ghost" attr:data-testid="invoice-back">
                {move || format!("← {}", i18n.t(Msg::NavInvoices))}
            </A>
            <Ready resource=data let:value>{match value {
                None => view! { <p class="notice offline" data-testid="invoice-offline">{i18n.t(Msg::NeedsConnection)}</p> }.into_any(),
                Some(Err(ApiError::Server { status: 404, .. })) => {
                    view! { <p class="empty" data-testid="invoice-missing">{move || i18n.t(Msg::InvoiceNotFound)}</p> }.into_any()
                }
                Some(Err(e)) => view! { <ApiErrorBox error=e /> }.into_any(),
                Some(Ok(invoice)) => view! { <InvoiceView invoice /> }.into_any(),
            }}</Ready>
        </section>
    }
}

/// The whole invoice, a card per part.
#[component]
fn InvoiceView(invoice: InvoiceDetail) -> impl IntoView {
    let i18n = use_i18n();
    let title = format!("{}-{}", invoice.invoice, invoice.serie);
    let items = invoice.items.clone();
    let (totals, installments) = (invoice.totals, invoice.installments.clone());
    view! {
        <div class="page-head">
            <h1 data-testid="invoice-title">{move || i18n.t(Msg::Invoice)}" "<span class="mono">{title.clone()}</span></h1>
        </div>
        <div class="invoice-grid">
            <Header invoice=invoice.clone() />
            <Transport invoice />
        </div>
        <items::InvoiceItems items />
        <div class="invoice-grid">
            <totals::InvoiceTotalsCard totals />
            <totals::InstallmentsCard installments />
        </div>
    }
}

/// Issue date, customer, order, key, operation, and origin and destination.
#[component]
fn Header(invoice: InvoiceDetail) -> impl IntoView {
    let i18n = use_i18n();
    let locale = move || i18n.locale.get();
    let i = invoice;
    let issued = i.issue_date.clone();
    let customer = format!("{} ({}/{})", i.customer_name, i.customer_code, i.customer_store);
    let customer_href = format!("/customers/{}/{}", i.customer_code, i.customer_store);
    let order_href = format!("/orders/{}", i.order);
    let place = |p: &mascate_domain::contract::Place| format!("{} · {}", p.city, p.uf);
    let operation = format!("{} · {} {}", i.cfop, i.operation, i.operation_description).trim().to_string();
    view! {
        <section class="card" data-testid="invoice-header">
            <h2>{move || i18n.t(Msg::InvoiceIssue)}</h2>
            <dl>
                <Field label=Msg::IssueDate value=Signal::derive(move || format::date(&issued, locale())) testid="invoice-issued" />
                <div class="field">
                    <dt>{move || i18n.t(Msg::Customer)}</dt>
                    <dd><A href=customer_href attr:class="row-link">{customer}</A></dd>
                </div>
                <Field label=Msg::TaxId value=mascate_domain::tax_id::mask(&i.tax_id) nowrap=true />
                <div class="field">
                    <dt>{move || i18n.t(Msg::Order)}</dt>
                    <dd class="mono"><A href=order_href attr:class="row-link" attr:data-testid="invoice-order">{i.order.clone()}</A></dd>
                </div>
                <Field label=Msg::Cfop value=operation />
                <Field label=Msg::Origin value=place(&i.origin) testid="invoice-origin" />
                <Field label=Msg::Destination value=place(&i.destination) testid="invoice-destination" />
                <Field label=Msg::AccessKey value=format::access_key(&i.key) testid="invoice-key" />
            </dl>
        </section>
    }
}

/// The carrier, the freight and the volumes with their weights.
#[component]
fn Transport(invoice: InvoiceDetail) -> impl IntoView {
    let i18n = use_i18n();
    let locale = move || i18n.locale.get();
    let v = invoice.volumes.clone();
    let carrier = if invoice.carrier.trim().is_empty() {
        String::new()
    } else {
        format!("{} · {}", invoice.carrier, invoice.carrier_name)
    };
    let freight = match invoice.freight_type.trim() {
        "C" => Msg::FreightCif,
        "F" => Msg::FreightFob,
        _ => Msg::FreightNone,
    };
    let (quantity, kind, gross, net) = (v.quantity, v.kind, v.gross_weight, v.net_weight);
    view! {
        <section class="card" data-testid="invoice-transport">
            <h2>{move || i18n.t(Msg::Carrier)}</h2>
            <dl>
                <Field label=Msg::Carrier value=carrier testid="invoice-carrier" />
                <Field label=Msg::FreightType value=Signal::derive(move || i18n.t(freight).to_string()) />
                <Field label=Msg::Volumes value=Signal::derive(move || format!("{} {kind}", format::number(quantity, 0, locale()))) testid="invoice-volumes" />
                <Field label=Msg::GrossWeight value=Signal::derive(move || format::weight(gross, locale())) testid="invoice-gross-weight" nowrap=true />
                <Field label=Msg::NetWeight value=Signal::derive(move || format::weight(net, locale())) testid="invoice-net-weight" nowrap=true />
            </dl>
        </section>
    }
}
