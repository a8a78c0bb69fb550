//! Steps 1 and 2 of the selection editor: the quick filter and the schema's advanced
//! fields, as boxes being edited and, once accepted, as the address keeps them.

use leptos::prelude::*;
use mascate_domain::customer_query::STATES;
use mascate_domain::offline::{check_quick_filter, Advanced, Schema};

use crate::components::date_filter::DateFilter;
use crate::i18n::{use_i18n, Msg};
use crate::url_query::UrlQuery;

/// Steps 1 and 2 as accepted: the checked quick filter and the advanced fields.
pub type Applied = (Option<String>, Advanced);

/// The accepted steps in the address: `q`, and a key for each advanced field. A quick
/// filter that does not pass its check (an address typed by hand) is left out.
pub fn applied(url: UrlQuery) -> Memo<Applied> {
    let (quick, uf, city, risk) = (url.text("q"), url.text("uf"), url.text("city"), url.text("risk"));
    let (since, group, kind, stage) = (url.text("since"), url.text("group"), url.text("type"), url.text("stage"));
    let in_stock = url.flag("stock");
    Memo::new(move |_| {
        let advanced = Advanced {
            uf: uf.get(),
            city: city.get(),
            risk: risk.get(),
            bought_since: since.get(),
            group: group.get(),
            kind: kind.get(),
            in_stock: in_stock.get(),
            stage: stage.get(),
        };
        (quick.with(|q| check_quick_filter(q).ok().flatten()), advanced)
    })
}

/// Puts accepted steps in the address, back on the first page.
pub fn apply(url: UrlQuery, (quick, a): Applied) {
    url.set(&[
        ("q", quick.unwrap_or_default()),
        ("uf", a.uf),
        ("city", a.city),
        ("risk", a.risk),
        ("since", a.bought_since),
        ("group", a.group),
        ("type", a.kind),
        ("stock", if a.in_stock { "1".into() } else { String::new() }),
        ("stage", a.stage),
        ("page", String::new()),
    ]);
}

/// The form of steps 1 and 2; "search" accepts them once the quick filter passes its check
/// (otherwise it says why, and nothing is searched).
#[component]
pub fn FilterSteps(
    schema: Schema,
    /// The accepted steps: the boxes start from them (after a reload, from the address).
    applied: Memo<Applied>,
    /// Called with the steps the rep accepts.
    on_search: impl Fn(Applied) + Copy + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let (quick, start) = applied.get_untracked();
    let quick_text = RwSignal::new(quick.unwrap_or_default());
    let quick_error = RwSignal::new(false);
    let advanced = RwSignal::new(start);
    let search = move || match check_quick_filter(&quick_text.get_untracked()) {
        Ok(q) => {
            quick_error.set(false);
            on_search((q, advanced.get_untracked()));
        }
        Err(_) => quick_error.set(true),
    };
    view! {
        <form class="steps" on:submit=move |ev| { ev.prevent_default(); search(); }>
            <fieldset class="card">
                <legend>{move || i18n.t(Msg::QuickFilterStep)}</legend>
                <label class="grow">
                    <span class="label">{move || i18n.t(Msg::QuickFilter)}</span>
                    <input type="search" data-testid="quick-filter" bind:value=quick_text
                        aria-invalid=move || quick_error.get().to_string()
                        placeholder=move || i18n.t(Msg::QuickFilterHint) />
                </label>
                <Show when=move || quick_error.get()>
                    <p class="field-error" role="alert" data-testid="quick-filter-error">{move || i18n.t(Msg::QuickFilterTooShort)}</p>
                </Show>
            </fieldset>
            <fieldset class="card">
                <legend>{move || i18n.t(Msg::AdvancedFilterStep)}</legend>
                <div class="toolbar">
                    <AdvancedFields schema advanced />
                </div>
            </fieldset>
            <button type="submit" class="button" data-testid="apply-filter">{move || i18n.t(Msg::Search)}</button>
        </form>
    }
}

/// Step 2: the advanced fields of `schema`, edited in `advanced`.
#[component]
fn AdvancedFields(schema: Schema, advanced: RwSignal<Advanced>) -> impl IntoView {
    let i18n = use_i18n();
    // The boxes start from the accepted fields.
    let start = advanced.get_untracked();
    let set_adv = move |f: fn(&mut Advanced, String)| move |ev| advanced.update(|a| f(a, event_target_value(&ev)));
    match schema {
        Schema::Customers => view! {
            <Choice label=Msg::State testid="adv-uf" values=&STATES current=start.uf on_change=set_adv(|a, v| a.uf = v) />
            <label><span class="label">{move || i18n.t(Msg::City)}</span>
                <input data-testid="adv-city" prop:value=start.city on:change=set_adv(|a, v| a.city = v) /></label>
            <Choice label=Msg::Risk testid="adv-risk" values=&["A", "B", "C", "D", "E"] current=start.risk
                on_change=set_adv(|a, v| a.risk = v) />
            <DateFilter label=Msg::BoughtSince
                value=Signal::derive(move || advanced.with(|a| a.bought_since.clone()))
                on_date=move |v| advanced.update(|a| a.bought_since = v) testid="adv-bought-since" />
        }
        .into_any(),
        Schema::Products => view! {
            <label><span class="label">{move || i18n.t(Msg::Group)}</span>
                <input data-testid="adv-group" prop:value=start.group on:change=set_adv(|a, v| a.group = v) /></label>
            <Choice label=Msg::ProductType testid="adv-type" values=&["PA", "ME", "MP", "PI"] current=start.kind
                on_change=set_adv(|a, v| a.kind = v) />
            <label class="check"><input type="checkbox" data-testid="adv-in-stock" prop:checked=start.in_stock
                on:change=move |ev| advanced.update(|a| a.in_stock = event_target_checked(&ev)) />
                {move || i18n.t(Msg::InStockOnly)}</label>
        }
        .into_any(),
        Schema::Prospects => view! {
            <Choice label=Msg::State testid="adv-uf" values=&STATES current=start.uf on_change=set_adv(|a, v| a.uf = v) />
            <Choice label=Msg::Status testid="adv-stage" values=&["1", "2", "3", "4", "5", "6"] current=start.stage
                on_change=set_adv(|a, v| a.stage = v) />
        }
        .into_any(),
    }
}

/// A labelled choice of step 2: "all", or one of `values`.
#[component]
fn Choice(
    /// The label's words.
    label: Msg,
    /// `data-testid` of the select.
    testid: &'static str,
    /// The values offered after "all", shown as they are.
    values: &'static [&'static str],
    /// The value chosen when the form opens (empty: "all").
    current: String,
    on_change: impl Fn(leptos::ev::Event) + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label><span class="label">{move || i18n.t(label)}</span>
            <select data-testid=testid on:change=on_change>
                <option value="">{move || i18n.t(Msg::All)}</option>
                {values.iter().map(|v| view! { <option value=*v selected=*v == current>{*v}</option> }).collect_view()}
            </select></label>
    }
}
