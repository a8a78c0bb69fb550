//! Print and share a quotation or order, online and offline. The A4 sheet (seller, customer
//! or prospect with CNPJ/CPF and address, items with their units, totals, and the ERP's
//! taxes or "impostos calculados pelo ERP") is hidden on screen and is all that prints
//! (`@media print`); the browser's print makes the PDF. Of the taxes, those added on top
//! (IPI, ICMS-ST) lead from the total to the total with taxes; those already in the prices
//! are said below it ([`TaxSummary`]). The sheet follows the rep's language as it changes.
//! "Compartilhar" hands a text summary to the Web Share API, or copies it when the browser
//! cannot share, or shows it to copy by hand.

use leptos::prelude::*;
use mascate_domain::contract::Taxes;
use mascate_domain::document::{DocumentKind, Draft};
use mascate_domain::format;
use mascate_domain::share::{prospect_card, summary, with_names, Labels, Presented, TaxSummary};
use wasm_bindgen::{JsCast, JsValue};

use crate::device::catalog::Catalog;
use crate::i18n::{use_i18n, I18n, Msg};

/// The summary's words in the rep's language.
fn labels(i18n: I18n) -> Labels {
    let t = |m| i18n.t(m).to_string();
    Labels {
        customer: t(Msg::Customer),
        tax_id: t(Msg::TaxId),
        seller: t(Msg::Seller),
        payment: t(Msg::PaymentCondition),
        items: t(Msg::Items),
        subtotal: t(Msg::Subtotal),
        discount: t(Msg::Discount),
        charges: t(Msg::ChargesShort),
        total: t(Msg::Total),
        taxes_included: t(Msg::TaxesIncludedInPrice),
        taxes_added: t(Msg::TaxesAddedOnTop),
        taxes_difference: t(Msg::TaxesDifference),
        total_with_taxes: t(Msg::TotalWithTaxes),
        taxes_by_erp: t(Msg::TaxesByErp),
        no_number: t(Msg::NoNumberYet),
        notes: t(Msg::Notes),
    }
}

/// The document's title in the rep's language now ("Pedido", "Order").
fn title(i18n: I18n, kind: DocumentKind) -> &'static str {
    i18n.t(if kind == DocumentKind::Order { Msg::Order } else { Msg::Quotation })
}

/// What the sheet needs beside the draft: the name the ERP's header or the device's copy
/// has for the customer or prospect, the seller's name and the ERP's taxes.
#[derive(Clone)]
struct Known {
    customer_name: String,
    seller: String,
    taxes: Option<Taxes>,
    /// The document's currency (empty: reais).
    symbol: String,
}

/// Reads what the sheet shows: the customer or prospect (ERP or device), the payment
/// condition's name, the products' units.
async fn present(title: &'static str, catalog: Catalog, draft: Draft, known: Known) -> Presented {
    let customer = if draft.prospect_code.trim().is_empty() {
        catalog.customer(&draft.customer_code, &draft.customer_store).await.ok()
    } else {
        catalog.prospect(&draft.prospect_code, &draft.prospect_store).await.as_ref().map(prospect_card)
    };
    let payment = catalog
        .payment_conditions()
        .await
        .ok()
        .and_then(|all| all.into_iter().find(|c| c.code.trim() == draft.payment_condition.trim()))
        .map(|c| format!("{} {}", c.code.trim(), c.description.trim()))
        .unwrap_or_else(|| draft.payment_condition.clone());
    let units = catalog.units(&draft).await;
    let Known { customer_name, seller, taxes, symbol } = known;
    Presented::of(&draft, title, customer.as_ref(), &customer_name, &seller, &payment, taxes.as_ref())
        .with_units(&units)
        .in_currency(&symbol)
}

/// Print, share and repeat for a document (the sheet is read once, with the customer);
/// `customer_name` is the name the page already has (the ERP's header, the device's copy).
#[component]
pub fn PrintAndShare(draft: Draft, taxes: Option<Taxes>, #[prop(into)] customer_name: String) -> impl IntoView {
    let (i18n, catalog) = (use_i18n(), crate::device::catalog::use_catalog());
    let seller = crate::session::use_session().identity.get_untracked().map(|i| i.seller_name).unwrap_or_default();
    let kind = draft.kind;
    // Any order can be repeated, whatever its state, online or from the device's copy.
    let repeat_href = (draft.kind == DocumentKind::Order && draft.is_known_to_erp())
        .then(|| format!("/orders/{}/repeat", draft.erp_number.trim()));
    let symbol = crate::components::money::use_currency_symbol();
    let known = Known { customer_name, seller, taxes, symbol };
    // The sheet and the summary put the title in the language of the moment.
    let noun = if kind == DocumentKind::Order { Msg::Order } else { Msg::Quotation };
    let first_title = noun.text(i18n.locale.get_untracked());
    let presented = LocalResource::new(move || present(first_title, catalog, draft.clone(), known.clone()));
    move || presented.get().map(|p| view! { <ShareBar presented=p kind repeat_href=repeat_href.clone() /> })
}

/// Hands `text` to the system's share sheet; `Err` when the browser has none (or refused).
/// Its promise settles when the rep closes the sheet, however long that takes: only this
/// bar's outcome waits on it.
async fn share(title: &str, text: &str) -> Result<(), JsValue> {
    let navigator: JsValue = web_sys::window().ok_or(JsValue::NULL)?.navigator().into();
    let share = js_sys::Reflect::get(&navigator, &"share".into())?;
    let share: js_sys::Function = share.dyn_into()?;
    let data = js_sys::Object::new();
    js_sys::Reflect::set(&data, &"title".into(), &title.into())?;
    js_sys::Reflect::set(&data, &"text".into(), &text.into())?;
    let promise: js_sys::Promise = share.call1(&navigator, &data)?.dyn_into()?;
    wasm_bindgen_futures::JsFuture::from(promise).await.map(|_| ())
}

/// Copies `text` to the clipboard.
async fn copy(text: &str) -> Result<(), JsValue> {
    let navigator: JsValue = web_sys::window().ok_or(JsValue::NULL)?.navigator().into();
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())?;
    let write: js_sys::Function = js_sys::Reflect::get(&clipboard, &"writeText".into())?.dyn_into()?;
    let promise: js_sys::Promise = write.call1(&clipboard, &text.into())?.dyn_into()?;
    // A clipboard that asks for permission may never answer: then the text is shown instead.
    match crate::browser_promise::within(promise, 5_000).await {
        crate::browser_promise::Settled::Resolved(_) => Ok(()),
        _ => Err(JsValue::NULL),
    }
}

/// How the last share went.
#[derive(Clone, PartialEq)]
enum Shared {
    Copied,
    /// Neither sharing nor copying worked: the text is shown to copy by hand.
    ByHand(String),
}

/// Print, share and (orders) repeat.
#[component]
fn ShareBar(presented: Presented, kind: DocumentKind, repeat_href: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let outcome = RwSignal::new(None::<Shared>);
    let on_share = {
        let p = presented.clone();
        move |_| {
            let p = Presented { title: title(i18n, kind).to_string(), ..p.clone() };
            let text = summary(&p, &labels(i18n), i18n.locale.get_untracked());
            let title = format!("{} {}", p.title, p.number);
            leptos::task::spawn_local(async move {
                outcome.set(None);
                if share(&title, &text).await.is_ok() {
                    return;
                }
                outcome.set(Some(match copy(&text).await {
                    Ok(()) => Shared::Copied,
                    Err(_) => Shared::ByHand(text),
                }));
            });
        }
    };
    view! {
        <div class="actions no-print" data-testid="share-bar">
            <button type="button" class="button" data-testid="document-print" on:click=move |_| {
                if let Some(w) = web_sys::window() { let _ = w.print(); }
            }>{move || i18n.t(Msg::Print)}</button>
            <button type="button" class="button" data-testid="document-share" on:click=on_share>{move || i18n.t(Msg::Share)}</button>
            {repeat_href.map(|href| view! {
                <leptos_router::components::A href=href attr:class="button" attr:data-testid="document-repeat">
                    {move || i18n.t(Msg::RepeatOrder)}
                </leptos_router::components::A>
            })}
        </div>
        {move || outcome.get().map(|o| match o {
            Shared::Copied => view! { <p class="notice no-print" role="status" data-testid="share-copied">{i18n.t(Msg::Copied)}</p> }.into_any(),
            Shared::ByHand(text) => view! {
                <div class="notice no-print" role="status">
                    <p>{i18n.t(Msg::CopyFailed)}</p>
                    <textarea readonly rows="10" data-testid="share-text">{text}</textarea>
                </div>
            }.into_any(),
        })}
        <PrintSheet p=presented kind />
    }
}

/// The A4 sheet, in the rep's language of the moment.
#[component]
fn PrintSheet(p: Presented, kind: DocumentKind) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let l = i18n.locale.get();
        let t = move |m| i18n.t(m);
        let number = if p.number.is_empty() { t(Msg::NoNumberYet).to_string() } else { p.number.clone() };
        let totals = p.totals;
        view! {
            <article class="print-sheet" data-testid="print-sheet" aria-hidden="true">
                <header class="print-head">
                    <div>
                        <h1>{format!("{} {}", title(i18n, kind), number)}</h1>
                        <p>{format!("{}: {}", t(Msg::IssueDate), format::date(&p.issue_date, l))}</p>
                    </div>
                    <div class="print-seller">
                        <strong>"Mascate"</strong>
                        <p>{format!("{}: {}", t(Msg::Seller), p.seller_name)}</p>
                    </div>
                </header>
                <section class="print-customer">
                    <h2>{t(Msg::Customer)}</h2>
                    <p><strong data-testid="print-customer-name">{p.customer_name.clone()}</strong>" ("{p.customer_code.clone()}")"</p>
                    {(!p.tax_id.is_empty()).then(|| view! { <p>{format!("{}: {}", t(Msg::TaxId), p.tax_id)}</p> })}
                    {(!p.address.is_empty()).then(|| view! { <p>{p.address.clone()}</p> })}
                    {(!p.payment.is_empty()).then(|| view! { <p>{format!("{}: {}", t(Msg::PaymentCondition), p.payment)}</p> })}
                </section>
                <table class="print-items" data-testid="print-items">
                    <thead>
                        <tr>
                            <th>"#"</th>
                            <th>{t(Msg::Product)}</th>
                            <th class="num">{t(Msg::QuantityShort)}</th>
                            <th>{t(Msg::Unit)}</th>
                            <th class="num">{t(Msg::UnitPrice)}</th>
                            <th class="num">{t(Msg::Amount)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {p.lines.iter().enumerate().map(|(n, line)| view! {
                            <tr data-testid="print-item">
                                <td>{n + 1}</td>
                                <td><span class="mono">{line.product.clone()}</span>" "{line.description.clone()}</td>
                                <td class="num">{format::number(line.quantity, if line.quantity.fract() == 0.0 { 0 } else { 3 }, l)}</td>
                                <td data-testid="print-unit">{line.unit.clone()}</td>
                                <td class="num">{p.money(line.unit_price, l)}</td>
                                <td class="num">{p.money(line.amount, l)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <dl class="print-totals" data-testid="print-totals">
                    <dt>{t(Msg::Subtotal)}</dt><dd>{p.money(totals.net, l)}</dd>
                    {(totals.header_discount > 0.0).then(|| view! { <dt>{t(Msg::Discount)}</dt><dd>{format!("-{}", p.money(totals.header_discount, l))}</dd> })}
                    {(totals.charges > 0.0).then(|| view! { <dt>{t(Msg::ChargesShort)}</dt><dd>{p.money(totals.charges, l)}</dd> })}
                    <dt class="strong">{t(Msg::Total)}</dt><dd class="strong" data-testid="print-total">{p.money(totals.total, l)}</dd>
                    {match p.taxes.clone() {
                        Some(s) => view! { <PrintTaxes s symbol=p.symbol.clone() /> }.into_any(),
                        None => view! { <dt class="wide" data-testid="print-taxes-by-erp">{t(Msg::TaxesByErp)}</dt> }.into_any(),
                    }}
                </dl>
                {(!p.notes.trim().is_empty()).then(|| view! { <p>{format!("{}: {}", t(Msg::Notes), p.notes)}</p> })}
            </article>
        }
    }
}

/// The taxes under the total: the added ones lead to the total with taxes (the ERP's grand
/// total); those already in the prices come after it, for information.
#[component]
fn PrintTaxes(
    s: TaxSummary,
    /// The document's currency (empty: reais).
    symbol: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.locale.get_untracked();
    let money = move |v| format::money_in(v, &symbol, l);
    view! {
        <dt>{with_names(i18n.t(Msg::TaxesAddedOnTop), &s.added_lines)}</dt>
        <dd data-testid="print-taxes-added">{money(s.added)}</dd>
        {s.has_difference().then(|| view! {
            <dt>{i18n.t(Msg::TaxesDifference)}</dt><dd data-testid="print-taxes-difference">{money(s.difference)}</dd>
        })}
        <dt class="strong">{i18n.t(Msg::TotalWithTaxes)}</dt>
        <dd class="strong" data-testid="print-total-with-taxes">{money(s.grand_total)}</dd>
        <dt class="informative">{with_names(i18n.t(Msg::TaxesIncludedInPrice), &s.included_lines)}</dt>
        <dd class="informative" data-testid="print-taxes-included">{money(s.included)}</dd>
    }
}
