//! From/to filters of a list (issue date, and the document number, or the delivery date and
//! the invoice number),
//! kept in the address like the list's other filters: a changed box replaces its key and
//! goes back to page 1. A range that cannot match (the first after the last) is said beside
//! the boxes and not searched.
//!
//! ```ignore
//! let url = use_url_query();
//! view! { <RangeFilter url second=SecondRange::Numbers /> }
//! let range = range_of(url); // Signal<DocumentRange>
//! ```

use leptos::prelude::*;
use mascate_domain::document::range::{DocumentRange, RangeProblem, INVOICE_WIDTH};

use crate::components::date_filter::DateFilter;
use crate::i18n::{use_i18n, Msg};
use crate::url_query::UrlQuery;

/// What the second pair of boxes is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecondRange {
    /// Document numbers (`nfrom`, `nto`).
    Numbers,
    /// Delivery dates (`dfrom`, `dto`) and invoice numbers (nine digits): the invoices list.
    DeliveryAndInvoiceNumbers,
}

/// The range in the address: `from`, `to` (issue dates), `nfrom`, `nto` (numbers).
pub fn range_of(url: UrlQuery) -> Signal<DocumentRange> {
    let (from, to, nfrom, nto) = (url.text("from"), url.text("to"), url.text("nfrom"), url.text("nto"));
    Signal::derive(move || DocumentRange {
        from: from.get(),
        to: to.get(),
        number_from: nfrom.get(),
        number_to: nto.get(),
    })
}

/// The boxes.
#[component]
pub fn RangeFilter(
    url: UrlQuery,
    second: SecondRange,
    /// The dates are issue *or* invoice dates (the ERP's order tracking, §9.5): the labels
    /// and a line under the boxes say so.
    #[prop(optional, into)]
    issued_or_invoiced: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let range = range_of(url);
    let (dfrom, dto) = (url.text("dfrom"), url.text("dto"));
    let problem = move || {
        let r = range.get();
        if second == SecondRange::Numbers {
            return r.problem();
        }
        let delivery = DocumentRange { from: dfrom.get(), to: dto.get(), ..Default::default() };
        r.problem_at(INVOICE_WIDTH).or(delivery.problem())
    };
    let date_box = move |key: &'static str, label: Signal<Msg>, value: Signal<String>| {
        view! { <DateFilter label value on_date=move |iso| url.filter(key, iso) testid=format!("range-{key}") /> }
    };
    let either =
        move |issued: Msg, either: Msg| Signal::derive(move || if issued_or_invoiced.get() { either } else { issued });
    let number_box = move |key: &'static str, label: Msg, value: Signal<String>| {
        view! {
            <label>
                <span class="label">{move || i18n.t(label)}</span>
                <input inputmode="numeric" size="8" data-testid=format!("range-{key}") prop:value=value
                    on:change=move |ev| url.filter(key, event_target_value(&ev).trim().to_string()) />
            </label>
        }
    };
    let any = move || !range.get().is_empty() || !dfrom.get().is_empty() || !dto.get().is_empty();
    view! {
        <fieldset class="range-filter" data-testid="range-filter">
            {date_box("from", either(Msg::DateFrom, Msg::IssuedOrInvoicedFrom), url.text("from"))}
            {date_box("to", either(Msg::DateTo, Msg::IssuedOrInvoicedTo), url.text("to"))}
            {match second {
                SecondRange::Numbers => view! {
                    {number_box("nfrom", Msg::NumberFrom, url.text("nfrom"))}
                    {number_box("nto", Msg::NumberTo, url.text("nto"))}
                }.into_any(),
                SecondRange::DeliveryAndInvoiceNumbers => view! {
                    {date_box("dfrom", Signal::stored(Msg::DeliveryFrom), dfrom)}
                    {date_box("dto", Signal::stored(Msg::DeliveryTo), dto)}
                    {number_box("nfrom", Msg::NumberFrom, url.text("nfrom"))}
                    {number_box("nto", Msg::NumberTo, url.text("nto"))}
                }.into_any(),
            }}
            <Show when=move || issued_or_invoiced.get()>
                <p class="hint range-means" data-testid="range-dates-mean">{move || i18n.t(Msg::TrackingDatesMean)}</p>
            </Show>
            <Show when=any>
                <button type="button" class="button ghost" data-testid="range-clear" on:click=move |_| {
                    url.set(&[("from", String::new()), ("to", String::new()), ("nfrom", String::new()),
                        ("nto", String::new()), ("dfrom", String::new()), ("dto", String::new()), ("page", String::new())]);
                }>{move || i18n.t(Msg::ClearFilters)}</button>
            </Show>
            {move || problem().map(|p| view! {
                <p class="field-error" role="alert" data-testid="range-problem">
                    {move || i18n.t(match p { RangeProblem::DatesReversed => Msg::DatesReversed, RangeProblem::NumbersReversed => Msg::NumbersReversed })}
                </p>
            })}
        </fieldset>
    }
}
