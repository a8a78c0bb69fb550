//! Home: the seller's indicators for a period (item counts by state) and billed vs unbilled
//! per month or year, drawn as SVG by the app, by value or by quantity. Offline it says what
//! is on the device instead (the indicators come from the ERP).

use leptos::prelude::*;
use leptos_router::components::A;
use mascate_domain::chart::Chart;
use mascate_domain::format;

use crate::api::{use_api, ApiError};
use crate::components::api_error::ApiErrorBox;
use crate::connectivity::use_connectivity;
use crate::i18n::{use_i18n, Msg};
use crate::session::use_session;
use crate::storage;

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
    let seller = session.current.get_untracked().map(|s| s.seller_code).unwrap_or_default();
    let months = RwSignal::new(6u32);
    let by_quantity = RwSignal::new(false);
    let saved = LocalResource::new(move || {
        let seller = seller.clone();
        async move {
            match storage::for_seller(&seller).await {
                Ok(db) => db.customer_count().await.unwrap_or(0),
                Err(_) => 0,
            }
        }
    });
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
    let name = move || session.current.get().map(|s| s.seller_name).unwrap_or_default();
    view! {
        <section class="page home" data-testid="home">
            <h1 data-testid="home-welcome">{move || i18n.t_n(Msg::Welcome, name())}</h1>
            <Show
                when=move || connectivity.online()
                fallback=move || view! {
                    <p class="notice offline" data-testid="home-offline">{move || i18n.t(Msg::HomeOffline)}</p>
                    <p data-testid="saved-count">{move || saved.get().map(|n| i18n.t_n(Msg::SavedOnDevice, n))}</p>
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
                {move || match data.get() {
                    None => view! { <p class="muted">{i18n.t(Msg::Loading)}</p> }.into_any(),
                    Some(Err(ApiError::Unreachable)) => ().into_any(),
                    Some(Err(e)) => view! { <ApiErrorBox error=e /> }.into_any(),
                    Some(Ok((cards, charts))) => {
                        let value_chart = charts.first().and_then(|c| Chart::from_dataset(&c.chart_dataset));
                        let quantity_chart = charts.get(1).and_then(|c| Chart::from_dataset(&c.chart_dataset));
                        view! {
                            <ul class="home-cards" data-testid="home-cards">
                                {cards
                                    .into_iter()
                                    .map(|c| {
                                        let class = match c.kind { 1 => "card home-card warn", 2 => "card home-card good", _ => "card home-card" };
                                        let total = c.total;
                                        view! {
                                            <li class=class data-testid="home-card">
                                                <span class="muted">{c.title.clone()}</span>
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
                            .into_any()
                    }
                }}
            </Show>
        </section>
    }
}

const COLORS: [&str; 2] = ["#00b28e", "#29b6c5"];

/// A line chart drawn as SVG, with its legend.
#[component]
fn LineChart(chart: Chart, money: bool) -> impl IntoView {
    let i18n = use_i18n();
    let (w, h, left, bottom) = (720.0, 260.0, 90.0, 40.0);
    let (pw, ph) = (w - left - 20.0, h - bottom - 10.0);
    let layout = chart.layout(pw, ph);
    let fmt = move |v: f64| {
        if money {
            format::money(v, i18n.locale.get_untracked())
        } else {
            format::number(v, 0, i18n.locale.get_untracked())
        }
    };
    let every = (chart.labels.len() / 8).max(1);
    let description = chart.series.iter().map(|s| s.label.clone()).collect::<Vec<_>>().join(" / ");
    view! {
        <svg class="chart" data-testid="home-chart" viewBox=format!("0 0 {w} {h}") role="img" aria-label=description>
            <g transform=format!("translate({left},10)")>
                {layout
                    .ticks
                    .iter()
                    .map(|(v, y)| view! {
                        <line x1="0" x2=pw y1=*y y2=*y class="grid" />
                        <text x="-8" y=*y + 4.0 class="tick" text-anchor="end">{fmt(*v)}</text>
                    })
                    .collect_view()}
                {chart
                    .labels
                    .iter()
                    .zip(&layout.xs)
                    .enumerate()
                    .filter(|(i, _)| i % every == 0)
                    .map(|(_, (label, x))| view! { <text x=*x y=ph + 20.0 class="tick" text-anchor="middle">{label.clone()}</text> })
                    .collect_view()}
                {layout
                    .lines
                    .iter()
                    .enumerate()
                    .map(|(i, points)| {
                        let color = COLORS[i % COLORS.len()];
                        let path = points.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect::<Vec<_>>().join(" ");
                        view! {
                            <polyline points=path fill="none" stroke=color stroke-width="2.5" data-testid="chart-line" />
                            {points.iter().map(|(x, y)| view! { <circle cx=*x cy=*y r="3.5" fill="#fff" stroke=color stroke-width="2" /> }).collect_view()}
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
                // A class per series colour: the CSP allows no inline style.
                .map(|(i, s)| view! { <span><span class=format!("swatch swatch-{}", i % COLORS.len()) />{s.label.clone()}</span> })
                .collect_view()}
        </p>
    }
}
