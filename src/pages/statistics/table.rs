//! The statistics table: one row per product, type, description or group, a total row, and
//! column headers that sort (a second tap reverses); the sort lives in the address.

use leptos::prelude::*;
use mascate_domain::contract::{Figures, Statistics};
use mascate_domain::format;
use mascate_domain::statistics::{sort, GroupBy, Measure, SortBy};

use super::{measure_msg, sort_code};
use crate::i18n::{use_i18n, Msg};
use crate::url_query::UrlQuery;

/// A figure as shown: quantities without decimals unless they have some, money with the
/// chosen currency's symbol.
fn figure(m: Measure, f: &Figures, symbol: &str, locale: crate::i18n::Locale) -> String {
    let v = m.of(f);
    if m.is_quantity() {
        let decimals = if v.fract().abs() > 1e-9 { 3 } else { 0 };
        format::number(v, decimals, locale)
    } else {
        format::money_in(v, symbol, locale)
    }
}

/// The table.
#[component]
pub fn StatisticsTable(
    stats: Statistics,
    group_by: GroupBy,
    #[prop(into)] measure: Signal<Measure>,
    /// (column, descending)
    #[prop(into)]
    sort_by: Signal<(SortBy, bool)>,
    url: UrlQuery,
    /// The symbol of the currency the figures are in (`R$`, `US$`, …).
    #[prop(into)]
    symbol: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = move || i18n.locale.get();
    let rows = {
        let items = stats.items.clone();
        Memo::new(move |_| {
            let mut rows = items.clone();
            let ((by, desc), m) = (sort_by.get(), measure.get());
            sort(&mut rows, by, m, desc);
            rows
        })
    };
    let key_label = match group_by {
        GroupBy::Product => Msg::Key,
        GroupBy::Type => Msg::ByType,
        GroupBy::Description => Msg::ByDescription,
        GroupBy::Group => Msg::ByGroup,
    };
    let total = stats.total;
    view! {
        <div class="table-wrap">
            <table class="table stack statistics-table" data-testid="statistics-table">
                <SortHeaders key_label measure sort_by url />
                <tbody>
                    <For each=move || rows.get() key=|r| r.key.clone() let:r>
                        <tr data-testid="statistics-row" data-key=r.key.clone()>
                            <td class="mono" data-label=move || i18n.t(key_label)>{r.key.clone()}</td>
                            <td data-label=move || i18n.t(Msg::ByDescription)>{r.description.clone()}</td>
                            {Measure::ALL.map(|m| {
                                let f = r.figures;
                                view! {
                                    <td class="num mono" data-measure=m.code() data-label=move || i18n.t(measure_msg(m))>
                                        {move || figure(m, &f, &symbol.get(), locale())}
                                    </td>
                                }
                            }).collect_view()}
                        </tr>
                    </For>
                </tbody>
                <tfoot>
                    <tr data-testid="statistics-total">
                        <th colspan="2">{move || i18n.t(Msg::Total)}</th>
                        {Measure::ALL.map(|m| view! {
                            <td class="num mono" data-measure=m.code() data-label=move || i18n.t(measure_msg(m))>
                                {move || figure(m, &total, &symbol.get(), locale())}
                            </td>
                        }).collect_view()}
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}

/// The column headers: each a button that sorts by its column (a second tap reverses), with
/// `aria-sort` saying which column the rows are sorted by.
#[component]
fn SortHeaders(
    /// The first column's words (what the rows are grouped by).
    key_label: Msg,
    measure: Signal<Measure>,
    /// (column, descending)
    sort_by: Signal<(SortBy, bool)>,
    url: UrlQuery,
) -> impl IntoView {
    let i18n = use_i18n();
    // A tap on the column sorted by reverses it; on another, sorts by it, biggest first.
    let tap = move |by: SortBy, m: Option<Measure>| {
        let ((now, desc), current) = (sort_by.get_untracked(), measure.get_untracked());
        let same = now == by && m.is_none_or(|m| m == current);
        let asc = if same { desc } else { by != SortBy::Figure };
        let mut changes =
            vec![("sort", sort_code(by).to_string()), ("asc", if asc { "1".into() } else { String::new() })];
        if let Some(m) = m {
            changes.push(("measure", m.code().to_string()));
        }
        url.set(&changes);
    };
    let aria = move |by: SortBy, m: Option<Measure>| {
        let ((now, desc), current) = (sort_by.get(), measure.get());
        let on = now == by && m.is_none_or(|m| m == current);
        if !on {
            "none"
        } else if desc {
            "descending"
        } else {
            "ascending"
        }
    };
    view! {
        <thead>
            <tr>
                <th aria-sort=move || aria(SortBy::Key, None)>
                    <button type="button" class="sort" data-testid="sort-key" on:click=move |_| tap(SortBy::Key, None)>
                        {move || i18n.t(key_label)}
                    </button>
                </th>
                <th aria-sort=move || aria(SortBy::Description, None)>
                    <button type="button" class="sort" data-testid="sort-description" on:click=move |_| tap(SortBy::Description, None)>
                        {move || i18n.t(Msg::ByDescription)}
                    </button>
                </th>
                {Measure::ALL.map(|m| view! {
                    <th class="num" aria-sort=move || aria(SortBy::Figure, Some(m))>
                        <button type="button" class="sort" data-testid=format!("sort-{}", m.code())
                            on:click=move |_| tap(SortBy::Figure, Some(m))>
                            {move || i18n.t(measure_msg(m))}
                        </button>
                    </th>
                }).collect_view()}
            </tr>
        </thead>
    }
}
