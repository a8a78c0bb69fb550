//! The invoice's totals (goods, discount, charges, the five taxes, what the customer pays)
//! and its instalments (the receivables it made).

use leptos::prelude::*;
use mascate_domain::contract::{Installment, InvoiceTotals};
use mascate_domain::format;

use super::items::named;
use crate::components::field::Field;
use crate::i18n::{use_i18n, Msg};

/// The totals card.
#[component]
pub fn InvoiceTotalsCard(
    /// The invoice's totals.
    totals: InvoiceTotals,
) -> impl IntoView {
    let i18n = use_i18n();
    let money = move |v: f64| Signal::derive(move || format::money(v, i18n.locale.get()));
    let t = totals;
    view! {
        <section class="card" data-testid="invoice-totals">
            <h2>{move || i18n.t(Msg::Total)}</h2>
            <dl>
                <Field label=Msg::GoodsValue value=money(t.goods) testid="invoice-goods" nowrap=true />
                <Field label=Msg::Discount value=money(t.discount) testid="invoice-discount" nowrap=true />
                <Field label=Msg::Freight value=money(t.freight) nowrap=true />
                <Field label=Msg::Insurance value=money(t.insurance) nowrap=true />
                <Field label=Msg::Expenses value=money(t.expenses) nowrap=true />
                {named(t.taxes).into_iter().map(|(name, tax)| view! {
                    <Field label=name value=money(tax.value) nowrap=true />
                }).collect_view()}
                <Field label=Msg::InvoiceTotal value=money(t.total) testid="invoice-total" nowrap=true />
            </dl>
        </section>
    }
}

/// The instalments card.
#[component]
pub fn InstallmentsCard(
    /// The receivables, in order.
    installments: Vec<Installment>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = move || i18n.locale.get();
    let label = move |m: Msg| move || i18n.t(m);
    view! {
        <section class="card" data-testid="invoice-installments">
            <h2>{label(Msg::Installments)}</h2>
            <div class="table-wrap">
                <table class="table stack">
                    <thead>
                        <tr>
                            <th>{label(Msg::Installment)}</th>
                            <th>{label(Msg::DueDate)}</th>
                            <th class="num">{label(Msg::Amount)}</th>
                            <th class="num">{label(Msg::Balance)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {installments.into_iter().map(|p| {
                            let due = p.due_date.clone();
                            let (value, balance) = (p.value, p.balance);
                            view! {
                                <tr data-testid="invoice-installment" data-value=p.value.to_string()>
                                    <td class="mono" data-label=label(Msg::Installment)>{if p.installment.trim().is_empty() { "1".to_string() } else { p.installment.clone() }}</td>
                                    <td class="nowrap" data-label=label(Msg::DueDate)>{move || format::date(&due, locale())}</td>
                                    <td class="num money" data-label=label(Msg::Amount)>{move || format::money(value, locale())}</td>
                                    <td class="num money" data-label=label(Msg::Balance)>{move || format::money(balance, locale())}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
