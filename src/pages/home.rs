//! Home: the seller's indicators for a period (item counts by state) and billed vs unbilled
//! per month or year, drawn as SVG by the app, by value or by quantity. Offline it says what
//! is on the device instead (the indicators come from the ERP).

use leptos::prelude::*;
use leptos_router::components::A;
use mascate_domain::chart::Chart;
use mascate_domain::dashboard::{bucket_label, Card, Series};
use mascate_domain::format;

use crate::api::{use_api, ApiError};
use crate::components::loaded::Loaded;
use crate::connectivity::use_connectivity;
use crate::i18n::{use_i18n, Msg, Plural};
use crate::session::use_session;

/// The period choices: months back from this one.
const PERIODS: [(u32, Msg); 4] =
    [(1, Msg::ThisMonth), (3, Msg::Last3Months), (6, Msg::Last6Months), (12, Msg::Last12Months)];

/// `YYYYMMDD` of the first day `months_back - 1` months before this one, and of today.
fn period(months_back: u32) -> (String, String) {
    let d = js_sys::Date::new_0();
    let (y, m) = (d.get_full_year() as i32, d.get_month() as i32 + 1);
    let start = y * 12 + (m - 1) - (months_back as i32 - 1);
    (format!("{:04}{:02}01", start / 12, start % 12 + 1), format!("{:04}{:02}{:02}", y, m, d.get_date()))
}

/// The start page.
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let connectivity = use_connectivity();
    let session = use_session();
    let months = RwSignal::new(6u32);
    let by_quantity = RwSignal::new(false);
    let offline = crate::device::offline::use_offline();
    let saved = LocalResource::new(move || offline.saved_customers());
    let data = LocalResource::new(move || {
        let (online, m) = (connectivity.online(), months.get());
        async move {
            if !online {
                return Err(ApiError::Unreachable);
            }
            let (from, to) = period(m);
            let cards = api.home_cards(&from, &to).await?;
            let charts = api.home_charts(&from, &to, false).await?;
            Ok((cards, charts))
        }
    });
    let name = move || session.identity.with(|i| i.as_ref().map(|i| i.seller_name.clone()).unwrap_or_default());
    view! {
        <section class="page home" data-testid="home">
            <h1 data-testid="home-welcome">{move || i18n.t_n(Msg::Welcome, name())}</h1>
            <Show
                when=move || connectivity.online()
                fallback=move || view! {
                    <p class="notice offline" data-testid="home-offline">{move || i18n.t(Msg::HomeOffline)}</p>
                    <p data-testid="saved-count">{move || saved.get().map(|n| i18n.count(Plural::SavedOnDevice, n))}</p>
                    <A href="/customers" attr:class="button">{move || i18n.t(Msg::NavCustomers)}</A>
                }
            >
                <div class="toolbar home-toolbar">
                    <label>
                        <span class="label">{move || i18n.t(Msg::Period)}</span>
                        <select data-testid="home-period" on:change=move |ev| months.set(event_target_value(&ev).parse().unwrap_or(6))>
                            {PERIODS
                                .into_iter()
                                .map(|(n, msg)| view! { <option value=n.to_string() selected=n == 6>{move || i18n.t(msg)}</option> })
                                .collect_view()}
                        </select>
                    </label>
                    <div class="segmented" role="group">
                        <button type="button" data-testid="chart-value" aria-pressed=move || (!by_quantity.get()).to_string() on:click=move |_| by_quantity.set(false)>
                            {move || i18n.t(Msg::ByValue)}
                        </button>
                        <button type="button" data-testid="chart-quantity" aria-pressed=move || by_quantity.get().to_string() on:click=move |_| by_quantity.set(true)>
                            {move || i18n.t(Msg::ByQuantity)}
                        </button>
                    </div>
                </div>
                <Loaded resource=data let:loaded>
                    {
                        let (cards, charts) = loaded;
                        let value_chart = charts.first().and_then(|c| Chart::from_dataset(&c.chart_dataset));
                        let quantity_chart = charts.get(1).and_then(|c| Chart::from_dataset(&c.chart_dataset));
                        view! {
                            <ul class="home-cards" data-testid="home-cards">
                                {cards
                                    .into_iter()
                                    .map(|c| {
                                        let class = match c.kind { 1 => "card home-card warn", 2 => "card home-card good", _ => "card home-card" };
                                        let total = c.total;
                                        // The contract's four titles are named in the rep's language.
                                        let known = Card::of_title(&c.title).map(card_msg);
                                        let title = c.title.clone();
                                        view! {
                                            <li class=class data-testid="home-card">
                                                <span class="muted">{move || known.map(|m| i18n.t(m).to_string()).unwrap_or_else(|| title.clone())}</span>
                                                <strong class="home-card-total" data-testid="home-card-total">{move || format::number(total, 0, i18n.locale.get())}</strong>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                            <div class="card">
                                <h2>{move || i18n.t(if by_quantity.get() { Msg::BilledQuantity } else { Msg::BilledValue })}</h2>
                                {move || {
                                    let chart = if by_quantity.get() { quantity_chart.clone() } else { value_chart.clone() };
                                    chart.map(|c| view! { <LineChart chart=c money=!by_quantity.get() /> })
                                }}
                            </div>
                        }
                    }
                </Loaded>
            </Show>
        </section>
    }
}

/// The message for a card the contract defines.
fn card_msg(card: Card) -> Msg {
    match card {
        Card::TotalItems => Msg::CardTotalItems,
        Card::ToInvoice => Msg::CardToInvoice,
        Card::Pending => Msg::CardPending,
        Card::Finished => Msg::CardFinished,
    }
}

/// How each series is drawn: a class (its colour, ≥ 3:1 on white and apart from the other),
/// a dash pattern and a marker shape, so the two are told apart without colour too.
const STYLES: [(&str, Option<&str>, Marker); 2] =
    [("series-0", None, Marker::Circle), ("series-1", Some("7 5"), Marker::Square)];

#[derive(Clone, Copy)]
enum Marker {
    Circle,
    Square,
}

/// One point's marker.
fn marker(shape: Marker, x: f64, y: f64) -> AnyView {
    match shape {
        Marker::Circle => view! { <circle cx=x cy=y r="4" data-testid="chart-point" /> }.into_any(),
        Marker::Square => {
            view! { <rect x=x - 4.0 y=y - 4.0 width="8" height="8" data-testid="chart-point" /> }.into_any()
        }
    }
}

/// The legend's sample of a series: a short stretch of its line with its marker.
fn sample(i: usize) -> impl IntoView {
    let (class, dash, shape) = STYLES[i % STYLES.len()];
    view! {
        <svg class=format!("swatch {class}") viewBox="0 0 28 12" width="28" height="12" aria-hidden="true">
            <line x1="0" x2="28" y1="6" y2="6" stroke-dasharray=dash />
            {marker(shape, 14.0, 6.0)}
        </svg>
    }
}

/// A line chart drawn as SVG, with its legend.
#[component]
fn LineChart(chart: Chart, money: bool) -> impl IntoView {
    let i18n = use_i18n();
    // Room on the right for the last label to be read whole.
    let (w, h, left, right, bottom) = (720.0, 260.0, 112.0, 44.0, 40.0);
    let (pw, ph) = (w - left - right, h - bottom - 10.0);
    let layout = chart.layout(pw, ph);
    let fmt = move |v: f64| {
        if money {
            format::money(v, i18n.locale.get())
        } else {
            format::number(v, 0, i18n.locale.get())
        }
    };
    let every = (chart.labels.len() / 8).max(1);
    // The ERP names months in its own language; many buckets get short names.
    let short = chart.labels.len() > 6;
    let label_of = move |label: &str| bucket_label(label, i18n.locale.get(), short);
    let series_name = move |i: usize, erp: &str| match Series::at(i) {
        Some(Series::Billed) => i18n.t(Msg::SeriesBilled).to_string(),
        Some(Series::Unbilled) => i18n.t(Msg::SeriesUnbilled).to_string(),
        None => erp.to_string(),
    };
    let labels = chart.series.iter().map(|s| s.label.clone()).collect::<Vec<_>>();
    let description = move || labels.iter().enumerate().map(|(i, l)| series_name(i, l)).collect::<Vec<_>>().join(" / ");
    view! {
        <svg class="chart" data-testid="home-chart" viewBox=format!("0 0 {w} {h}") role="img" aria-label=description>
            <g transform=format!("translate({left},10)")>
                {layout
                    .ticks
                    .iter()
                    .map(|(v, y)| {
                        let v = *v;
                        view! {
                            <line x1="0" x2=pw y1=*y y2=*y class="grid" />
                            <text x="-8" y=*y + 4.0 class="tick" text-anchor="end">{move || fmt(v)}</text>
                        }
                    })
                    .collect_view()}
                {chart
                    .labels
                    .iter()
                    .zip(&layout.xs)
                    .enumerate()
                    .filter(|(i, _)| i % every == 0)
                    .map(|(_, (label, x))| {
                        let label = label.clone();
                        view! { <text x=*x y=ph + 20.0 class="tick" text-anchor="middle">{move || label_of(&label)}</text> }
                    })
                    .collect_view()}
                {layout
                    .lines
                    .iter()
                    .enumerate()
                    .map(|(i, points)| {
                        let (class, dash, shape) = STYLES[i % STYLES.len()];
                        let path = points.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect::<Vec<_>>().join(" ");
                        view! {
                            <g class=format!("series {class}")>
                                <polyline points=path stroke-dasharray=dash data-testid="chart-line" />
                                {points.iter().map(|(x, y)| marker(shape, *x, *y)).collect_view()}
                            </g>
                        }
                    })
                    .collect_view()}
            </g>
        </svg>
        <p class="legend">
            {chart
                .series
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    let erp = s.label.clone();
                    view! { <span data-testid="chart-legend-item">{sample(i)}{move || series_name(i, &erp)}</span> }
                })
                .collect_view()}
        </p>
    }
}
