//! The customer's financial group beyond the open bills (issue 25): the bills paid (paged,
//! narrowed by paid date from/to kept in the address as `pfrom`, `pto`, `ppage`), the credit
//! notes the customer's returns made, and the registration sheet's financial tab. Online
//! only: the page shows them under the same condition as the finances.

use leptos::prelude::*;
use leptos_router::components::A;
use mascate_domain::contract::{CreditNote, FinancialSheet, PaidBill};
use mascate_domain::format;

use crate::api::use_api;
use crate::components::date_filter::DateFilter;
use crate::components::field::Field;
use crate::components::loaded::Loaded;
use crate::components::pager::Pager;
use crate::i18n::{use_i18n, Msg, Plural};
use crate::url_query::use_url_query;

const PAGE_SIZE: usize = 10;

/// The paid bills, the credit notes and the registration sheet of one customer.
#[component]
pub fn FinanceGroup(
    /// The customer's code (`A1_COD`).
    code: String,
    /// The customer's store (`A1_LOJA`).
    store: String,
) -> impl IntoView {
    view! {
        <RegistrationSheet code=code.clone() store=store.clone() />
        <PaidBills code=code.clone() store=store.clone() />
        <CreditNotes code store />
    }
}

/// The bills paid, newest payment first, with the paid-date range and the page in the address.
#[component]
fn PaidBills(code: String, store: String) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let url = use_url_query();
    let (from, to, page_text) = (url.text("pfrom"), url.text("pto"), url.text("ppage"));
    let page = Signal::derive(move || page_text.get().parse::<usize>().ok().filter(|p| *p >= 1).unwrap_or(1));
    let data = LocalResource::new(move || {
        let (code, store, from, to, page) = (code.clone(), store.clone(), from.get(), to.get(), page.get());
        async move { api.paid_bills((&code, &store), (&from, &to), page, PAGE_SIZE).await }
    });
    let set_date = move |key: &'static str| move |iso: String| url.set(&[(key, iso), ("ppage", String::new())]);
    let go = move |p: usize| url.set(&[("ppage", if p <= 1 { String::new() } else { p.to_string() })]);
    view! {
        <section class="card" data-testid="paid-bills">
            <h2>{move || i18n.t(Msg::PaidBills)}</h2>
            <fieldset class="range-filter">
                <DateFilter label=Msg::PaidFrom value=from on_date=set_date("pfrom") testid="paid-from" />
                <DateFilter label=Msg::PaidTo value=to on_date=set_date("pto") testid="paid-to" />
            </fieldset>
            <Loaded resource=data let:list>
                {if list.items.is_empty() {
                    view! { <p class="muted" data-testid="paid-bills-empty">{move || i18n.t(Msg::NoPaidBills)}</p> }.into_any()
                } else {
                    view! { <PaidBillsTable rows=list.items /> }.into_any()
                }}
                <Pager page set_page=go has_next=list.has_next prefix="paid-bills" />
            </Loaded>
        </section>
    }
}

/// The payments as a table (cards on a narrow container).
#[component]
fn PaidBillsTable(rows: Vec<PaidBill>) -> impl IntoView {
    let i18n = use_i18n();
    let money = move |v: f64| move || format::money(v, i18n.locale.get());
    let label = move |m: Msg| move || i18n.t(m);
    view! {
        <div class="table-wrap">
            <table class="table stack" data-testid="paid-bills-table">
                <thead>
                    <tr>
                        <th>{label(Msg::Number)}</th>
                        <th>{label(Msg::PaidDate)}</th>
                        <th class="num">{label(Msg::AmountPaid)}</th>
                        <th class="num">{label(Msg::Interest)}</th>
                        <th class="num">{label(Msg::Discount)}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|b| {
                        let paid = b.paid_date.clone();
                        let number = if b.installment.trim().is_empty() { format!("{}-{}", b.prefix, b.number) } else { format!("{}-{}/{}", b.prefix, b.number, b.installment) };
                        view! {
                            <tr data-testid="paid-bill-row" data-id=b.id.clone() data-paid=b.paid_date.clone() data-amount=b.amount_paid.to_string()>
                                <td class="mono nowrap" data-label=label(Msg::Number)>{number}</td>
                                <td class="nowrap" data-label=label(Msg::PaidDate)>{move || format::date(&paid, i18n.locale.get())}</td>
                                <td class="num money" data-label=label(Msg::AmountPaid)>{money(b.amount_paid)}</td>
                                <td class="num money" data-label=label(Msg::Interest)>{money(b.interest)}</td>
                                <td class="num money" data-label=label(Msg::Discount)>{money(b.discount)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// The credit notes, newest first, each with the invoice it was made against.
#[component]
fn CreditNotes(code: String, store: String) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let data = LocalResource::new(move || {
        let (code, store) = (code.clone(), store.clone());
        async move { api.credit_notes(&code, &store).await }
    });
    view! {
        <section class="card" data-testid="credit-notes">
            <h2>{move || i18n.t(Msg::CreditNotes)}</h2>
            <Loaded resource=data let:rows>
                {if rows.is_empty() {
                    view! { <p class="muted" data-testid="credit-notes-empty">{move || i18n.t(Msg::NoCreditNotes)}</p> }.into_any()
                } else {
                    view! { <CreditNotesTable rows /> }.into_any()
                }}
            </Loaded>
        </section>
    }
}

/// The credit notes as a table.
#[component]
fn CreditNotesTable(rows: Vec<CreditNote>) -> impl IntoView {
    let i18n = use_i18n();
    let money = move |v: f64| move || format::money(v, i18n.locale.get());
    let label = move |m: Msg| move || i18n.t(m);
    view! {
        <div class="table-wrap">
            <table class="table stack" data-testid="credit-notes-table">
                <thead>
                    <tr>
                        <th>{label(Msg::Number)}</th>
                        <th>{label(Msg::IssueDate)}</th>
                        <th class="num">{label(Msg::Amount)}</th>
                        <th class="num">{label(Msg::Balance)}</th>
                        <th>{label(Msg::Invoice)}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|n| {
                        let issued = n.issue_date.clone();
                        let href = format!("/invoices/{}/{}", n.invoice, n.invoice_serie);
                        view! {
                            <tr data-testid="credit-note-row" data-id=n.id.clone() data-amount=n.amount.to_string() data-balance=n.balance.to_string()>
                                <td class="mono nowrap" data-label=label(Msg::Number)>{format!("{}-{}", n.prefix, n.number)}</td>
                                <td class="nowrap" data-label=label(Msg::IssueDate)>{move || format::date(&issued, i18n.locale.get())}</td>
                                <td class="num money" data-label=label(Msg::Amount)>{money(n.amount)}</td>
                                <td class="num money" data-label=label(Msg::Balance)>{money(n.balance)}</td>
                                <td class="mono" data-label=label(Msg::Invoice)>
                                    <A href=href attr:class="row-link">{format!("{}-{}", n.invoice, n.invoice_serie)}</A>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// The registration sheet's financial tab.
#[component]
fn RegistrationSheet(code: String, store: String) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let data = LocalResource::new(move || {
        let (code, store) = (code.clone(), store.clone());
        async move { api.financial_sheet(&code, &store).await }
    });
    view! {
        <section class="card" data-testid="financial-sheet">
            <h2>{move || i18n.t(Msg::RegistrationSheet)}</h2>
            <Loaded resource=data let:sheet>
                <SheetFields sheet />
            </Loaded>
        </section>
    }
}

/// The sheet's lines.
#[component]
fn SheetFields(sheet: FinancialSheet) -> impl IntoView {
    let i18n = use_i18n();
    let locale = move || i18n.locale.get();
    let s = sheet;
    let (limit, largest, balance, delay) = (s.credit_limit, s.largest_purchase, s.largest_balance, s.average_delay);
    let (largest_date, last, purchases, risk) = (s.largest_purchase_date, s.last_purchase, s.purchases, s.risk);
    let largest_line = move || {
        let when = format::date(&largest_date, locale());
        if when.is_empty() {
            format::money(largest, locale())
        } else {
            format!("{} ({when})", format::money(largest, locale()))
        }
    };
    // Days with one decimal when not whole ("2,5 dias"); the singular only for exactly one.
    let days = move || {
        let shown = format::number(delay, if delay.fract() == 0.0 { 0 } else { 1 }, locale());
        Plural::Days.text(locale(), if delay == 1.0 { 1 } else { 2 }).replace("{n}", &shown)
    };
    view! {
        <dl>
            <Field label=Msg::CreditLimit value=Signal::derive(move || format::money(limit, locale())) testid="sheet-credit-limit" />
            <Field label=Msg::Risk value=risk testid="sheet-risk" />
            <Field label=Msg::LargestPurchase value=Signal::derive(largest_line) testid="sheet-largest-purchase" />
            <Field label=Msg::LargestBalance value=Signal::derive(move || format::money(balance, locale())) testid="sheet-largest-balance" />
            <Field label=Msg::LastPurchase value=Signal::derive(move || format::date(&last, locale())) testid="sheet-last-purchase" />
            <Field label=Msg::PurchaseCount value=Signal::derive(move || format::number(purchases as f64, 0, locale())) testid="sheet-purchases" />
            <Field label=Msg::AverageDelay value=Signal::derive(days) testid="sheet-average-delay" />
        </dl>
    }
}
