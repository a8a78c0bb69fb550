//! A found customer's credit sheet: limit, risk, purchases, payments, balances.

use leptos::prelude::*;
use leptos_router::components::A;
use mascate_domain::contract::CreditSheet;
use mascate_domain::{format, tax_id};

use crate::components::field::Field;
use crate::i18n::{use_i18n, Msg};

/// The sheet, with the way to the customer's page.
#[component]
pub fn SheetCard(
    /// The sheet as the ERP answered.
    sheet: CreditSheet,
) -> impl IntoView {
    let i18n = use_i18n();
    let s = StoredValue::new(sheet);
    let money =
        move |f: fn(&CreditSheet) -> f64| Signal::derive(move || format::money(s.with_value(f), i18n.locale.get()));
    let date =
        move |f: fn(&CreditSheet) -> String| Signal::derive(move || format::date(&s.with_value(f), i18n.locale.get()));
    let number = move |f: fn(&CreditSheet) -> f64, decimals: usize| {
        Signal::derive(move || format::number(s.with_value(f), decimals, i18n.locale.get()))
    };
    let (code, store) = s.with_value(|s| (s.sheet.customer_code.clone(), s.sheet.customer_store.clone()));
    let (href, shown) = (format!("/customers/{code}/{store}"), format!("{code} / {store}"));
    let largest = Signal::derive(move || {
        let (value, day) = s.with_value(|s| (s.sheet.largest_purchase, s.sheet.largest_purchase_date.clone()));
        let locale = i18n.locale.get();
        if day.is_empty() {
            format::money(value, locale)
        } else {
            format!("{} ({})", format::money(value, locale), format::date(&day, locale))
        }
    });
    view! {
        <article class="card credit-sheet" data-testid="credit-sheet" data-code=code data-store=store>
            <div class="page-head">
                <h2 data-testid="credit-customer">{s.with_value(|s| s.sheet.name.clone())}</h2>
                <A href=href attr:class="button" attr:data-testid="credit-open-customer">
                    {move || i18n.t(Msg::OpenCustomer)}
                </A>
            </div>
            <dl class="sheet-grid">
                <Field label=Msg::Code value=Signal::derive(move || shown.clone()) testid="credit-code" nowrap=true />
                <Field label=Msg::TaxId value=Signal::derive(move || s.with_value(|s| tax_id::mask(&s.sheet.tax_id))) testid="credit-sheet-taxid" nowrap=true />
                <Field label=Msg::CreditLimit value=money(|s| s.sheet.credit_limit) testid="credit-limit" nowrap=true />
                <Field label=Msg::AvailableCredit value=money(|s| s.available_credit) testid="credit-available" nowrap=true />
                <Field label=Msg::Risk value=Signal::derive(move || s.with_value(|s| s.sheet.risk.clone())) testid="credit-risk" />
                <Field label=Msg::OpenBillsTotal value=money(|s| s.open_bills) testid="credit-open-bills" nowrap=true />
                <Field label=Msg::OverdueBillsTotal value=money(|s| s.overdue_bills) testid="credit-overdue-bills" nowrap=true />
                <Field label=Msg::LargestPurchase value=largest testid="credit-largest-purchase" />
                <Field label=Msg::LargestBalance value=money(|s| s.sheet.largest_balance) testid="credit-largest-balance" nowrap=true />
                <Field label=Msg::FirstPurchase value=date(|s| s.sheet.first_purchase.clone()) testid="credit-first-purchase" nowrap=true />
                <Field label=Msg::LastPurchase value=date(|s| s.sheet.last_purchase.clone()) testid="credit-last-purchase" nowrap=true />
                <Field label=Msg::PurchasesCount value=number(|s| s.sheet.purchases as f64, 0) testid="credit-purchases" />
                <Field label=Msg::PaymentsCount value=number(|s| s.sheet.payments as f64, 0) testid="credit-payments" />
                <Field label=Msg::AverageDelayDays value=number(|s| s.sheet.average_delay, 1) testid="credit-average-delay" />
                <Field label=Msg::LargestDelay value=number(|s| s.sheet.largest_delay as f64, 0) testid="credit-largest-delay" />
            </dl>
        </article>
    }
}
