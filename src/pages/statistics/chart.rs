//! The chosen measure per month, as bars (SVG; colours from attributes, no inline style).

use leptos::prelude::*;
use mascate_domain::chart::{Chart, Series};
use mascate_domain::contract::StatisticsMonth;
use mascate_domain::statistics::Measure;
use mascate_domain::{calendar, format};

use super::measure_msg;
use crate::i18n::use_i18n;

/// `YYYY-MM` as the month's short name and the year's last two digits (`Nov/25`): short
/// enough for thirteen months side by side on a tablet.
fn month_label(month: &str, locale: mascate_domain::locale::Locale) -> String {
    let short = month.split_once('-').and_then(|(y, m)| {
        let name = calendar::month_short(m.parse().ok()?, locale)?;
        Some(format!("{name}/{}", y.get(2..)?))
    });
    short.unwrap_or_else(|| month.to_string())
}

/// The bars.
#[component]
pub fn MonthChart(
    months: Vec<StatisticsMonth>,
    measure: Measure,
    /// The symbol of the figures' currency.
    symbol: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale.get_untracked();
    let (w, h, left, bottom) = (720.0, 260.0, 96.0, 40.0);
    let (pw, ph) = (w - left - 24.0, h - bottom - 10.0);
    let values: Vec<f64> = months.iter().map(|m| measure.of(&m.figures).max(0.0)).collect();
    let labels: Vec<String> = months.iter().map(|m| month_label(&m.month, locale)).collect();
    let chart =
        Chart::new(labels.clone(), vec![Series { label: i18n.t(measure_msg(measure)).into(), values: values.clone() }]);
    // Bars sit between grid lines: the plot keeps half a slot free at each end.
    let n = months.len().max(1) as f64;
    let slot = pw / n;
    let layout = chart.layout(pw - slot, ph);
    let fmt = move |v: f64| {
        if measure.is_quantity() {
            format::number(v, 0, locale)
        } else {
            format::money_in(v, &symbol, locale)
        }
    };
    // At most seven month names under the bars; every bar keeps its own in its title.
    let every = months.len().div_ceil(7).max(1);
    let description = format!("{} {}", i18n.t(measure_msg(measure)), i18n.t(crate::i18n::Msg::PerMonth));
    view! {
        <svg class="chart" data-testid="statistics-chart" data-measure=measure.code() viewBox=format!("0 0 {w} {h}")
            role="img" aria-label=description>
            <g transform=format!("translate({left},10)")>
                {layout.ticks.iter().map(|(v, y)| view! {
                    <line x1="0" x2=pw y1=*y y2=*y class="grid" />
                    <text x="-8" y=*y + 4.0 class="tick" text-anchor="end">{fmt(*v)}</text>
                }).collect_view()}
                {layout.lines[0].iter().zip(values.iter()).zip(labels.iter()).enumerate().map(|(i, (((x, y), v), label))| {
                    let x = x + slot / 2.0 - slot * 0.35;
                    let title = format!("{label}: {}", fmt(*v));
                    view! {
                        <rect x=x y=*y width=slot * 0.7 height=(ph - y).max(0.0) class="bar"
                            data-testid="chart-bar" data-month=months[i].month.clone() data-value=v.to_string()>
                            <title>{title}</title>
                        </rect>
                        {(i % every == 0).then(|| view! {
                            <text x=x + slot * 0.35 y=ph + 20.0 class="tick" text-anchor="middle">{label.clone()}</text>
                        })}
                    }
                }).collect_view()}
            </g>
        </svg>
    }
}
