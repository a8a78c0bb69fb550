//! The products table: one page of products, drawn once per search. A search as you type
//! redraws it at every pause in typing, so a row is plain text (its labels and price are
//! formatted when it is drawn, in the locale of the moment) and watches only whether its
//! stock is open; the stock is read when it is opened.

use leptos::prelude::*;
use mascate_domain::contract::Product;
use mascate_domain::format;

use crate::components::loaded::Loaded;
use crate::device::catalog::use_catalog;
use crate::i18n::{use_i18n, Msg};

/// The column names, in the locale the table is drawn in (the stacked layout of a narrow
/// screen shows them beside each cell).
#[derive(Clone)]
struct Labels {
    code: &'static str,
    group: &'static str,
    unit: &'static str,
    price: &'static str,
    stock: &'static str,
    blocked: &'static str,
}

/// The table of `items`; `open` is the code whose stock is shown. Redrawn when the locale
/// changes.
#[component]
pub fn ProductsTable(items: Vec<Product>, open: RwSignal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let locale = i18n.locale.get();
        let labels = Labels {
            code: Msg::Code.text(locale),
            group: Msg::Group.text(locale),
            unit: Msg::Unit.text(locale),
            price: Msg::Price.text(locale),
            stock: Msg::Stock.text(locale),
            blocked: Msg::Blocked.text(locale),
        };
        let rows = items
            .iter()
            .map(|p| {
                let price = format::money(p.price, locale);
                view! { <ProductRow p=p.clone() price labels=labels.clone() open /> }
            })
            .collect_view();
        view! {
            <div class="table-wrap">
                <table class="table stack" data-testid="products-table">
                    <thead>
                        <tr>
                            <th>{labels.code}</th>
                            <th>{Msg::Description.text(locale)}</th>
                            <th>{labels.group}</th>
                            <th>{labels.unit}</th>
                            <th class="num">{labels.price}</th>
                            <th></th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    }
}

/// One product, with its stock per warehouse on demand.
#[component]
fn ProductRow(p: Product, price: String, labels: Labels, open: RwSignal<Option<String>>) -> impl IntoView {
    let blocked = p.is_blocked();
    let code = p.code;
    let is_open = {
        let code = code.clone();
        move || open.with(|o| o.as_deref() == Some(code.as_str()))
    };
    let expanded = {
        let is_open = is_open.clone();
        move || is_open().to_string()
    };
    let toggle = {
        let code = code.clone();
        move |_| open.update(|o| *o = if o.as_deref() == Some(code.as_str()) { None } else { Some(code.clone()) })
    };
    let (shown, stock_of) = (code.clone(), code.clone());
    view! {
        <tr data-testid="product-row" data-code=code data-blocked=blocked.to_string()>
            <td class="mono nowrap" data-label=labels.code>{shown}</td>
            <td class="wide">{p.description}{blocked.then(|| view! { " " <span class="chip blocked">{labels.blocked}</span> })}</td>
            <td data-label=labels.group>{p.group_name}</td>
            <td data-label=labels.unit>{p.unit}</td>
            <td class="num money" data-label=labels.price data-testid="product-price">{price}</td>
            <td>
                <button type="button" class="button ghost" data-testid="product-stock-toggle" aria-expanded=expanded on:click=toggle>
                    {labels.stock}
                </button>
            </td>
        </tr>
        {move || is_open().then(|| view! { <StockRow code=stock_of.clone() /> })}
    }
}

/// A product's stock per warehouse, read when shown.
#[component]
fn StockRow(code: String) -> impl IntoView {
    let i18n = use_i18n();
    let catalog = use_catalog();
    let stock = LocalResource::new(move || {
        let code = code.clone();
        async move { catalog.stock(&code).await }
    });
    view! {
        <tr class="stock-row">
            <td colspan="6" class="wide">
                <Loaded resource=stock let:rows>
                        <ul class="plain" data-testid="product-stock">
                            {rows
                                .into_iter()
                                .map(|s| {
                                    let available = s.available;
                                    view! {
                                        <li data-testid="stock-row">
                                            {format!("{} — {}: ", s.warehouse, s.warehouse_name)}
                                            <strong>{move || format::number(available, 0, i18n.locale.get())}</strong>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                </Loaded>
            </td>
        </tr>
    }
}
