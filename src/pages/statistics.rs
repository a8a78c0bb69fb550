//! Sales statistics (online): by product, type, description or group, for a date range and
//! a currency (the ERP's list), optionally one product group and a fragment of the products'
//! description; a table of sold and returned quantities, gross
//! and net values and the balance still to invoice, sortable by each column, and a chart of
//! the chosen measure per month. Every choice lives in the address. The figures are the
//! ERP's (a Mascate extension: a Protheus without it says so here).

mod chart;
mod table;

use leptos::prelude::*;
use mascate_domain::contract::{Currency, Statistics};
use mascate_domain::document::range::DocumentRange;
use mascate_domain::statistics::{GroupBy, Measure, SortBy};

use crate::api::sales::StatisticsQuery;
use crate::api::{use_api, ApiError};
use crate::components::date_filter::DateFilter;
use crate::components::loaded::Loaded;
use crate::connectivity::use_connectivity;
use crate::i18n::{use_i18n, Msg};
use crate::url_query::{use_url_query, UrlQuery};
use chart::MonthChart;
use table::StatisticsTable;

/// The words of a grouping.
fn group_by_msg(g: GroupBy) -> Msg {
    match g {
        GroupBy::Product => Msg::ByProduct,
        GroupBy::Type => Msg::ByType,
        GroupBy::Description => Msg::ByDescription,
        GroupBy::Group => Msg::ByGroup,
    }
}

/// The words of a measure.
pub fn measure_msg(m: Measure) -> Msg {
    match m {
        Measure::Sold => Msg::SoldQuantity,
        Measure::Returned => Msg::ReturnedQuantity,
        Measure::Gross => Msg::GrossValue,
        Measure::Net => Msg::NetValue,
        Measure::Balance => Msg::BalanceToInvoice,
    }
}

/// The first day of the month a year before `today`, so the default shows twelve months
/// and this one.
fn a_year_before(today: &str) -> String {
    let year: i32 = today.get(0..4).and_then(|y| y.parse().ok()).unwrap_or(2000);
    format!("{}-{}-01", year - 1, today.get(5..7).unwrap_or("01"))
}

/// A sort column as the address keeps it (`sort=`; the figure, the default, is empty).
fn sort_code(by: SortBy) -> &'static str {
    match by {
        SortBy::Key => "key",
        SortBy::Description => "description",
        SortBy::Figure => "",
    }
}

/// What the statistics read brings.
#[derive(Clone)]
enum Answer {
    /// Offline, or the dates are reversed: nothing asked.
    NotAsked,
    /// The ERP lacks the statistics (a Mascate extension).
    Unavailable,
    Figures(Statistics),
}

/// `/statistics`
#[component]
pub fn StatisticsPage() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let connectivity = use_connectivity();
    let url = use_url_query();
    let today = crate::erp_clock::today();
    let default_from = a_year_before(&today);
    let (from_key, to_key) = (url.text("from"), url.text("to"));
    let from = {
        let d = default_from.clone();
        Signal::derive(move || Some(from_key.get()).filter(|s| !s.is_empty()).unwrap_or_else(|| d.clone()))
    };
    let to = {
        let t = today.clone();
        Signal::derive(move || Some(to_key.get()).filter(|s| !s.is_empty()).unwrap_or_else(|| t.clone()))
    };
    let group_by = {
        let g = url.text("groupby");
        Signal::derive(move || GroupBy::from_code(&g.get()).unwrap_or_default())
    };
    let (currency, product_group, description) = (url.text("currency"), url.text("pgroup"), url.text("desc"));
    // The ERP's currencies by name and symbol, for the choice and the figures' symbol.
    let currencies = LocalResource::new(move || async move { api.currencies().await.unwrap_or_default() });
    let symbol = Signal::derive(move || {
        let id = currency.get();
        let listed = currencies.get().unwrap_or_default();
        listed.into_iter().find(|c| c.id.to_string() == id).map(|c| c.symbol).unwrap_or_else(|| "R$".into())
    });
    let measure = {
        let m = url.text("measure");
        Signal::derive(move || Measure::from_code(&m.get()).unwrap_or_default())
    };
    let sort = {
        let (s, asc) = (url.text("sort"), url.flag("asc"));
        Signal::derive(move || {
            let by = match s.get().as_str() {
                "key" => SortBy::Key,
                "description" => SortBy::Description,
                _ => SortBy::Figure,
            };
            (by, !asc.get())
        })
    };
    // Asked only online and with the dates in order; the screen says why otherwise.
    let reversed =
        Memo::new(move |_| DocumentRange { from: from.get(), to: to.get(), ..Default::default() }.problem().is_some());
    let askable = Memo::new(move |_| connectivity.online() && !reversed.get());
    let data = LocalResource::new(move || {
        let q = StatisticsQuery {
            group_by: group_by.get(),
            from: from.get(),
            to: to.get(),
            currency: currency.get(),
            product_group: product_group.get(),
            description: description.get(),
        };
        let ask = askable.get();
        async move {
            if !ask {
                return Ok(Answer::NotAsked);
            }
            match api.statistics(&q).await {
                Ok(stats) => Ok(Answer::Figures(stats)),
                // A Protheus without Mascate's extension.
                Err(ApiError::NoExtension) => Ok(Answer::Unavailable),
                Err(e) => Err(e),
            }
        }
    });
    view! {
        <section class="page statistics">
            <div class="page-head"><h1>{move || i18n.t(Msg::NavStatistics)}</h1></div>
            <QueryBar group_by from to currency product_group description currencies url />
            <p class="hint">{move || i18n.t(Msg::StatisticsHint)}</p>
            {move || if !connectivity.online() {
                view! { <p class="notice offline" data-testid="statistics-offline">{i18n.t(Msg::NeedsConnection)}</p> }.into_any()
            } else if reversed.get() {
                view! { <p class="field-error" role="alert" data-testid="statistics-problem">{i18n.t(Msg::DatesReversed)}</p> }.into_any()
            } else {
                view! {
                    <Loaded resource=data let:answer>
                        {match answer {
                            Answer::NotAsked => ().into_any(),
                            Answer::Unavailable => view! {
                                <p class="notice" data-testid="statistics-unavailable">{i18n.t(Msg::NeedsMascateServer)}</p>
                            }.into_any(),
                            Answer::Figures(stats) if stats.items.is_empty() => view! {
                                <p class="empty" data-testid="statistics-empty">{i18n.t(Msg::NoSales)}</p>
                            }.into_any(),
                            Answer::Figures(stats) => view! { <Figures stats group_by measure sort url symbol /> }.into_any(),
                        }}
                    </Loaded>
                }.into_any()
            }}
        </section>
    }
}

/// The sort as a choice and a direction, for screens where the table is a list of cards and
/// its column headers are not shown.
#[component]
fn SortChoice(measure: Signal<Measure>, sort: Signal<(SortBy, bool)>, url: UrlQuery) -> impl IntoView {
    let i18n = use_i18n();
    let code = move || sort_code(sort.get().0);
    let asc = move || !sort.get().1;
    view! {
        <div class="statistics-sort">
            <label>
                <span class="label">{move || i18n.t(Msg::SortBy)}</span>
                <select data-testid="statistics-sort" on:change=move |ev| url.set(&[("sort", event_target_value(&ev))])>
                    <option value="" selected=move || code().is_empty()>{move || i18n.t(measure_msg(measure.get()))}</option>
                    <option value="key" selected=move || code() == "key">{move || i18n.t(Msg::Key)}</option>
                    <option value="description" selected=move || code() == "description">{move || i18n.t(Msg::ByDescription)}</option>
                </select>
            </label>
            <button type="button" class="button" data-testid="statistics-order" aria-pressed=move || asc().to_string()
                on:click=move |_| url.set(&[("asc", if asc() { String::new() } else { "1".into() })])>
                {move || i18n.t(if asc() { Msg::SortedAscending } else { Msg::SortedDescending })}
            </button>
        </div>
    }
}

/// Sets `key` in the address to the changed control's value.
fn choose(url: UrlQuery, key: &'static str) -> impl Fn(leptos::ev::Event) + Copy {
    move |ev| url.set(&[(key, event_target_value(&ev))])
}

/// The question: grouping, dates, currency and product group, each kept in the address.
#[component]
fn QueryBar(
    group_by: Signal<GroupBy>,
    /// The first day (`YYYY-MM-DD`).
    from: Signal<String>,
    /// The last day (`YYYY-MM-DD`).
    to: Signal<String>,
    /// The ERP's currency id (empty: reais).
    currency: Signal<String>,
    /// One product group's code, or empty for all.
    product_group: Signal<String>,
    /// A fragment of the products' description, or empty for all.
    description: Signal<String>,
    /// The ERP's currencies (empty until read).
    currencies: LocalResource<Vec<Currency>>,
    url: UrlQuery,
) -> impl IntoView {
    let i18n = use_i18n();
    // The real and the dollar until the ERP's list comes (or when it cannot be read).
    let options = move || {
        let listed = currencies.get().unwrap_or_default();
        if listed.is_empty() {
            let t = |m| i18n.t(m).to_string();
            vec![("1".to_string(), t(Msg::CurrencyReal)), ("2".to_string(), t(Msg::CurrencyDollar))]
        } else {
            // The ERP names them in Portuguese; the two every rep meets are said in the rep's
            // language, the rest as the ERP has them.
            let name = |c: &Currency| match c.symbol.trim() {
                "R$" => i18n.t(Msg::CurrencyReal).to_string(),
                "US$" => i18n.t(Msg::CurrencyDollar).to_string(),
                _ => format!("{} ({})", c.name.trim(), c.symbol.trim()),
            };
            listed.iter().map(|c| (c.id.to_string(), name(c))).collect()
        }
    };
    let chosen = move || Some(currency.get()).filter(|c| !c.is_empty()).unwrap_or_else(|| "1".into());
    view! {
        <form class="toolbar statistics-query" data-testid="statistics-query" on:submit=|ev| ev.prevent_default()>
            <label>
                <span class="label">{move || i18n.t(Msg::GroupBy)}</span>
                <select data-testid="statistics-groupby" on:change=choose(url, "groupby")>
                    {GroupBy::ALL.map(|g| view! {
                        <option value=g.code() selected=move || group_by.get() == g>{move || i18n.t(group_by_msg(g))}</option>
                    }).collect_view()}
                </select>
            </label>
            <DateFilter label=Msg::DateFrom value=from on_date=move |v| url.set(&[("from", v)]) testid="statistics-from" />
            <DateFilter label=Msg::DateTo value=to on_date=move |v| url.set(&[("to", v)]) testid="statistics-to" />
            <label>
                <span class="label">{move || i18n.t(Msg::Currency)}</span>
                <select data-testid="statistics-currency" on:change=choose(url, "currency")>
                    {move || options().into_iter().map(|(id, name)| {
                        let selected = chosen() == id;
                        view! { <option value=id selected=selected>{name}</option> }
                    }).collect_view()}
                </select>
            </label>
            <label>
                <span class="label">{move || i18n.t(Msg::Group)}</span>
                <input data-testid="statistics-product-group" size="6" inputmode="numeric"
                    prop:value=product_group on:change=choose(url, "pgroup") />
            </label>
            <label>
                <span class="label">{move || i18n.t(Msg::DescriptionFilter)}</span>
                <input data-testid="statistics-description" size="14"
                    prop:value=description on:change=move |ev| url.set(&[("desc", event_target_value(&ev).trim().to_string())]) />
            </label>
        </form>
    }
}

/// The figures: the measure to chart, the sort, the chart per month and the table.
#[component]
fn Figures(
    stats: Statistics,
    group_by: Signal<GroupBy>,
    measure: Signal<Measure>,
    /// (column, descending)
    sort: Signal<(SortBy, bool)>,
    url: UrlQuery,
    /// The symbol of the currency asked for.
    symbol: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let months = stats.months.clone();
    view! {
        <div class="card">
            <label>
                <span class="label">{move || i18n.t(Msg::Measure)}</span>
                <select data-testid="statistics-measure" on:change=choose(url, "measure")>
                    {Measure::ALL.map(|m| view! {
                        <option value=m.code() selected=move || measure.get() == m>{move || i18n.t(measure_msg(m))}</option>
                    }).collect_view()}
                </select>
            </label>
            <SortChoice measure sort url />
            {move || view! { <MonthChart months=months.clone() measure=measure.get() symbol=symbol.get() /> }}
        </div>
        <StatisticsTable stats group_by=group_by.get_untracked() measure sort_by=sort url symbol />
    }
}
