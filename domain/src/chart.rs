//! The geometry of the home page's line chart (billed vs unbilled per bucket), kept apart
//! from drawing so it can be tested: nice axis ticks, and each series as SVG points.
//!
//! ```
//! use mascate_domain::chart::{Chart, Series};
//! let c = Chart::new(vec!["Jan".into(), "Fev".into()], vec![Series { label: "Faturado".into(), values: vec![0.0, 950.0] }]);
//! let g = c.layout(400.0, 200.0);
//! assert_eq!(g.ticks.last().unwrap().0, 1000.0);
//! assert_eq!(g.lines[0].len(), 2);
//! ```

use serde::Deserialize;

/// One line.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub label: String,
    pub values: Vec<f64>,
}

/// Labels and series; a series shorter than the labels is padded with zeros (the ERP may
/// leave empty buckets out, §13.2).
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub labels: Vec<String>,
    pub series: Vec<Series>,
}

/// Where things go in a `width × height` plot area (origin top-left, as SVG).
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// (value, y) of each horizontal grid line, from 0 up.
    pub ticks: Vec<(f64, f64)>,
    /// x of each label.
    pub xs: Vec<f64>,
    /// Each series' points.
    pub lines: Vec<Vec<(f64, f64)>>,
}

/// The dataset string of `chartsHome` (§13.2).
#[derive(Debug, Deserialize)]
struct Dataset {
    #[serde(default)]
    labels: Vec<serde_json::Value>,
    #[serde(default)]
    datasets: Vec<DatasetLine>,
}

#[derive(Debug, Deserialize)]
struct DatasetLine {
    #[serde(default)]
    label: String,
    #[serde(default)]
    data: Vec<serde_json::Value>,
}

/// A step of 1, 2 or 5 × 10ⁿ that splits `max` into about `parts` intervals.
pub fn nice_step(max: f64, parts: usize) -> f64 {
    if max <= 0.0 || !max.is_finite() {
        return 1.0;
    }
    let raw = max / parts.max(1) as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let norm = raw / magnitude;
    let nice = if norm <= 1.0 {
        1.0
    } else if norm <= 2.0 {
        2.0
    } else if norm <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * magnitude
}

impl Chart {
    pub fn new(labels: Vec<String>, series: Vec<Series>) -> Chart {
        let n = labels.len();
        let series = series
            .into_iter()
            .map(|mut s| {
                s.values.resize(n, 0.0);
                s
            })
            .collect();
        Chart { labels, series }
    }

    /// Reads `chart_dataset` (stringified JSON); numbers may come as strings.
    pub fn from_dataset(text: &str) -> Option<Chart> {
        let d: Dataset = serde_json::from_str(text).ok()?;
        let num = |v: &serde_json::Value| match v {
            serde_json::Value::Number(n) => n.as_f64().unwrap_or(0.0),
            serde_json::Value::String(s) => s.parse().unwrap_or(0.0),
            _ => 0.0,
        };
        let labels = d
            .labels
            .iter()
            .map(|l| match l {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            })
            .collect();
        let series = d
            .datasets
            .into_iter()
            .map(|s| Series { label: s.label, values: s.data.iter().map(num).collect() })
            .collect();
        Some(Chart::new(labels, series))
    }

    pub fn max(&self) -> f64 {
        self.series.iter().flat_map(|s| s.values.iter().copied()).fold(0.0, f64::max)
    }

    pub fn layout(&self, width: f64, height: f64) -> Layout {
        let step = nice_step(self.max(), 4);
        let top = (self.max() / step).ceil().max(1.0) * step;
        let y = |v: f64| height - (v / top) * height;
        let n = self.labels.len();
        let xs: Vec<f64> =
            (0..n).map(|i| if n <= 1 { width / 2.0 } else { width * i as f64 / (n - 1) as f64 }).collect();
        let ticks = (0..).map(|k| k as f64 * step).take_while(|v| *v <= top + step / 2.0).map(|v| (v, y(v))).collect();
        let lines = self.series.iter().map(|s| s.values.iter().zip(&xs).map(|(v, x)| (*x, y(*v))).collect()).collect();
        Layout { ticks, xs, lines }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_steps() {
        assert_eq!(nice_step(100.0, 4), 50.0);
        assert_eq!(nice_step(950.0, 4), 500.0);
        assert_eq!(nice_step(12_345.0, 4), 5000.0);
        assert_eq!(nice_step(0.0, 4), 1.0);
        assert_eq!(nice_step(7.0, 4), 2.0);
    }

    #[test]
    fn reads_the_erp_dataset_and_pads_short_series() {
        let text = r#"{"labels":["Janeiro","Fevereiro","Março"],"datasets":[{"label":"Faturado","data":[10,"20.5"]},{"label":"Não faturado","data":[1,2,3]}]}"#;
        let c = Chart::from_dataset(text).unwrap();
        assert_eq!(c.labels.len(), 3);
        assert_eq!(c.series[0].values, [10.0, 20.5, 0.0]);
        let l = c.layout(300.0, 100.0);
        assert_eq!(l.xs, [0.0, 150.0, 300.0]);
        // Max 20.5 in about 4 steps: a step of 10, so the axis goes 0, 10, 20, 30.
        assert_eq!(l.ticks.iter().map(|t| t.0).collect::<Vec<_>>(), [0.0, 10.0, 20.0, 30.0]);
        assert_eq!(l.lines[0][1], (150.0, 100.0 - 20.5 / 30.0 * 100.0));
        assert_eq!(l.lines[0][2].1, 100.0, "zero sits on the axis");
        assert!(Chart::from_dataset("not json").is_none());
    }
}
