//! Amounts in the currency of the document on screen (issue 25): a document page provides
//! its currency's symbol, and the lines and totals inside it write their amounts with it;
//! without one (a draft, the device's copy) amounts are in reais.
//!
//! ```ignore
//! view! { <InCurrency symbol="US$".into()> <ItemsCard … /> </InCurrency> }
//! let money = use_money(); money(1234.5) // "US$ 1.234,50"
//! ```

use leptos::prelude::*;
use mascate_domain::format;

use crate::i18n::use_i18n;

/// The symbol in context.
#[derive(Clone)]
struct DocumentCurrency(String);

/// Its children write amounts with `symbol` (empty: the real's).
#[component]
pub fn InCurrency(
    /// The currency's symbol (`US$`, `€`; empty for `R$`).
    symbol: String,
    children: Children,
) -> impl IntoView {
    provide_context(DocumentCurrency(symbol));
    children()
}

/// The symbol of the document's currency in context (empty: reais).
pub fn use_currency_symbol() -> String {
    use_context::<DocumentCurrency>().map(|c| c.0).unwrap_or_default()
}

/// Formats an amount in the document's currency, in the rep's locale.
pub fn use_money() -> impl Fn(f64) -> String + Copy + Send + Sync + 'static {
    let i18n = use_i18n();
    let symbol = StoredValue::new(use_currency_symbol());
    move |v| format::money_in(v, &symbol.get_value(), i18n.locale.get())
}
