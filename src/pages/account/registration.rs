//! The rep's registration as the ERP has it (`GET sellers/me`, SA3): read only.

use leptos::prelude::*;
use mascate_domain::contract::SellerProfile;
use mascate_domain::format;

use crate::components::field::Field;
use crate::i18n::{use_i18n, Msg};

/// The seller's code, name, e-mail, phones, region and commission.
#[component]
pub fn Registration(
    /// The seller's record, as read.
    seller: SellerProfile,
    /// Whether it was read just now (false: the session's earlier copy, shown offline).
    fresh: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let s = StoredValue::new(seller);
    let text = move |f: fn(&SellerProfile) -> String| Signal::derive(move || s.with_value(f));
    let commission =
        Signal::derive(move || s.with_value(|s| format!("{} %", format::number(s.commission, 2, i18n.locale.get()))));
    view! {
        <section class="card" data-testid="seller-registration">
            <h2>{move || i18n.t(Msg::SellerRegistration)}</h2>
            {(!fresh).then(|| view! {
                <p class="hint" data-testid="registration-session-copy">{move || i18n.t(Msg::AccountReadThisSession)}</p>
            })}
            <dl>
                <Field label=Msg::Code value=text(|s| s.code.clone()) testid="seller-code" nowrap=true />
                <Field label=Msg::Name value=text(|s| s.name.clone()) testid="seller-full-name" />
                <Field label=Msg::Email value=text(|s| s.email.clone()) testid="seller-email" />
                <Field label=Msg::Phone value=text(|s| phone(&s.area_code, &s.phone)) testid="seller-phone" nowrap=true />
                <Field label=Msg::CellPhone value=text(|s| phone(&s.area_code, &s.cell_phone)) testid="seller-cellphone" nowrap=true />
                <Field label=Msg::Region value=text(|s| s.region.clone()) testid="seller-region" />
                <Field label=Msg::Commission value=commission testid="seller-commission" nowrap=true />
            </dl>
        </section>
    }
}

/// A phone with the pt-BR mask; none (a dash) when the ERP has no number.
fn phone(area: &str, number: &str) -> String {
    if number.trim().is_empty() {
        String::new()
    } else {
        format::phone(area, number)
    }
}
