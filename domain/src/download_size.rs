//! How much room a day's download takes on the device, before it starts: the ERP counts the
//! records and their JSON bytes (`POST /api/mascate/v1/offline/estimate`, a Mascate
//! extension), the device turns JSON bytes into what IndexedDB will hold and compares that
//! with the free space the browser reports.

use serde::{Deserialize, Serialize};

/// IndexedDB bytes per byte of JSON, measured in Chromium after priming demo selections
/// (records, their indexes and LevelDB's bookkeeping: 1.32 with 20 customers and 842
/// products, 1.43 with 115 and 842). The e2e test `download_size.spec.js` checks the
/// estimate against what IndexedDB really grew by.
pub const DEVICE_BYTES_PER_JSON_BYTE: f64 = 1.38;

/// Below this share of the free space left after the download, the rep is warned that it is
/// tight (the browser may evict or refuse writes near its quota).
const TIGHT_SHARE: f64 = 0.1;

/// One table of the ERP's answer.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct TableSize {
    pub path: String,
    pub records: u64,
    pub bytes: u64,
}

/// The ERP's answer: per table and in all.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DownloadEstimate {
    #[serde(default)]
    pub items: Vec<TableSize>,
    pub records: u64,
    pub bytes: u64,
}

impl DownloadEstimate {
    /// About how many bytes the download will take on the device.
    pub fn on_device(&self) -> u64 {
        (self.bytes as f64 * DEVICE_BYTES_PER_JSON_BYTE).round() as u64
    }
}

/// The body that asks for an estimate with one schema's selection replaced by `entities`.
pub fn proposal_body(schema_id: &str, entities: &[String]) -> serde_json::Value {
    serde_json::json!({"schemaid": schema_id, "entities": entities})
}

/// Whether `needed` bytes fit in the device's `free` bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    Fits,
    /// It fits, but leaves less than a tenth of the free space.
    Tight,
    DoesNotFit,
}

/// Whether a download of `needed` bytes fits in `free` (quota minus usage). What the device
/// already holds of the same tables is left out of `free` on purpose: it is only released as
/// the new rows replace it, so the download must fit beside it.
pub fn fit(needed: u64, free: u64) -> Fit {
    if needed > free {
        Fit::DoesNotFit
    } else if ((free - needed) as f64) < (free as f64) * TIGHT_SHARE {
        Fit::Tight
    } else {
        Fit::Fits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_bytes_become_device_bytes() {
        let e = DownloadEstimate { items: vec![], records: 10, bytes: 1_000_000 };
        assert_eq!(e.on_device(), 1_380_000);
    }

    #[test]
    fn fits_tight_or_not() {
        assert_eq!(fit(100, 1_000), Fit::Fits);
        assert_eq!(fit(950, 1_000), Fit::Tight);
        assert_eq!(fit(1_000, 1_000), Fit::Tight);
        assert_eq!(fit(1_001, 1_000), Fit::DoesNotFit);
        assert_eq!(fit(1, 0), Fit::DoesNotFit);
        assert_eq!(fit(0, 0), Fit::Fits, "nothing to download always fits");
    }

    #[test]
    fn reads_the_erps_answer_and_asks_with_a_proposal() {
        let e: DownloadEstimate = serde_json::from_str(
            r#"{"items":[{"path":"/api/tgv/customers/sync","records":2,"bytes":300}],"records":2,"bytes":300,"more":1}"#,
        )
        .unwrap();
        assert_eq!(e.items[0].records, 2);
        let body = proposal_body("000002", &["00000101".into()]);
        assert_eq!(body["schemaid"], "000002");
        assert_eq!(body["entities"][0], "00000101");
    }
}
