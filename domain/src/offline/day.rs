//! Whether the device's copy of the selection is today's, on which clock "today" is read,
//! and whether it lets the rep work offline.

/// Whether the device's copy can be used today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Readiness {
    /// Nothing was ever selected on this device for this seller.
    NoSelection,
    /// The copy is of another day: a new selection is needed (and the old data is not
    /// shown as today's).
    Stale { day: String },
    /// Today's selection is being downloaded (or was interrupted and will resume).
    Incomplete,
    /// Today's selection is on the device.
    Ready,
}

/// Whether the rep chose a selection on `today` (the ERP's date): a filter of what the rep
/// picks (customers, prospects, products, price-list items) dated today. The ERP also adds
/// each document it accepts to today's order or quotation filter; that alone is no selection
/// (a pending order accepted this morning must not make yesterday's rep look "selected").
pub fn chosen_today(filters: &[crate::contract::SellerFilterHeader], today: &str) -> bool {
    use crate::contract::schema;
    const CHOSEN: [&str; 4] = [schema::CUSTOMERS, schema::PROSPECTS, schema::PRODUCTS, schema::PRICE_LIST_ITEMS];
    filters.iter().any(|f| f.date == today && CHOSEN.contains(&f.schema_id.as_str()))
}

/// Judges the device's copy: `saved_day` is the day of the selection it holds (the ERP's
/// `inclusiondate`), `complete` whether every table finished downloading, `today` the ERP's
/// date now (`YYYY-MM-DD`, see [`ErpClock`]): both days are read on the same clock.
pub fn readiness(saved_day: Option<&str>, complete: bool, today: &str) -> Readiness {
    match saved_day.filter(|d| !d.is_empty()) {
        None => Readiness::NoSelection,
        Some(d) if d != today => Readiness::Stale { day: d.to_string() },
        Some(_) if !complete => Readiness::Incomplete,
        Some(_) => Readiness::Ready,
    }
}

/// Whether the rep can work offline today: the copy is today's and complete, and it holds
/// customers and products to write orders with ("ready" with nothing selected is no help).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Prepared {
    Ready,
    NoCustomers,
    NoProducts,
    /// The copy itself is not ready (none, another day's, downloading).
    NotReady(Readiness),
}

pub fn prepared(readiness: &Readiness, customers: u32, products: u32) -> Prepared {
    match readiness {
        Readiness::Ready if customers == 0 => Prepared::NoCustomers,
        Readiness::Ready if products == 0 => Prepared::NoProducts,
        Readiness::Ready => Prepared::Ready,
        other => Prepared::NotReady(other.clone()),
    }
}

/// The ERP's clock as the device knows it: the difference between the ERP's time (the
/// `po_sync_date` of its answers, UTC) and the device's clock when the answer arrived. It is
/// learned again at each answer and kept on the device, so offline the ERP's day is still
/// known: a device clock that is wrong, in another time zone, or a few hours off the ERP's
/// does not make today's selection look like another day's (`docs/sync.md`, rule 10).
///
/// ```
/// use mascate_domain::offline::ErpClock;
/// // 22:30 in São Paulo is already the next day in UTC, where the ERP counts its days.
/// let device_now = 1_764_552_600_000.0; // 2025-12-01T01:30:00Z
/// let clock = ErpClock::learn("2025-12-01T01:30:02.000Z", device_now).unwrap();
/// assert_eq!(clock.today(device_now + 60_000.0), "2025-12-01");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ErpClock {
    /// ERP time minus device time, in milliseconds.
    pub offset_ms: f64,
}

impl ErpClock {
    /// From an answer's `po_sync_date` and the device's clock (ms since the epoch) when it
    /// arrived; `None` if the date does not parse.
    pub fn learn(po_sync_date: &str, device_now_ms: f64) -> Option<ErpClock> {
        let erp_ms = crate::timestamp::parse_iso(po_sync_date)? as f64 / 1000.0;
        Some(ErpClock { offset_ms: erp_ms - device_now_ms })
    }

    /// The ERP's time now, in ms since the epoch.
    pub fn now_ms(self, device_now_ms: f64) -> f64 {
        device_now_ms + self.offset_ms
    }

    /// The ERP's date now (`YYYY-MM-DD`, UTC like `po_sync_date` and the selection's day).
    pub fn today(self, device_now_ms: f64) -> String {
        crate::timestamp::date_of((self.now_ms(device_now_ms) * 1000.0) as i64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::{schema, SellerFilterHeader};

    fn filter(schema_id: &str, date: &str) -> SellerFilterHeader {
        SellerFilterHeader { schema_id: schema_id.into(), date: date.into(), ..Default::default() }
    }

    #[test]
    fn only_the_reps_own_choices_make_a_selection_of_today() {
        let today = "2026-12-01";
        // Yesterday's customers, and today's order filter the ERP made when it accepted an order.
        let filters = [filter(schema::CUSTOMERS, "2026-11-30"), filter(schema::ORDERS, today)];
        assert!(!chosen_today(&filters, today));
        let filters = [filter(schema::ORDERS, today), filter(schema::PRODUCTS, today)];
        assert!(chosen_today(&filters, today));
        assert!(chosen_today(&[filter(schema::CUSTOMERS, today)], today));
        assert!(!chosen_today(&[], today));
    }

    #[test]
    fn readiness_is_per_day() {
        assert_eq!(readiness(None, false, "2026-11-25"), Readiness::NoSelection);
        assert_eq!(readiness(Some(""), true, "2026-11-25"), Readiness::NoSelection);
        assert_eq!(readiness(Some("2026-11-25"), false, "2026-11-25"), Readiness::Incomplete);
        assert_eq!(readiness(Some("2026-11-25"), true, "2026-11-25"), Readiness::Ready);
        assert_eq!(readiness(Some("2026-11-24"), true, "2026-11-25"), Readiness::Stale { day: "2026-11-24".into() });
    }

    #[test]
    fn ready_means_something_to_sell_to_someone() {
        assert_eq!(prepared(&Readiness::Ready, 3, 2), Prepared::Ready);
        assert_eq!(prepared(&Readiness::Ready, 3, 0), Prepared::NoProducts);
        assert_eq!(prepared(&Readiness::Ready, 0, 2), Prepared::NoCustomers);
        assert_eq!(prepared(&Readiness::Incomplete, 3, 2), Prepared::NotReady(Readiness::Incomplete));
    }

    #[test]
    fn the_selection_day_is_read_on_the_erps_clock() {
        let device_now = 1_764_552_600_000.0; // 2025-12-01T01:30:00Z = 30/11 22:30 in São Paulo
                                              // The ERP runs a day ahead of the tablet: its day, not the tablet's, is today.
        let ahead = ErpClock::learn("2025-12-02T01:30:00Z", device_now).unwrap();
        assert_eq!(ahead.today(device_now), "2025-12-02");
        assert_eq!(readiness(Some("2025-12-02"), true, &ahead.today(device_now + 3_600_000.0)), Readiness::Ready);
        // The tablet's clock jumps a day forward later: the learned offset is relearned at
        // the next answer, and until then the day follows the device's clock plus the offset.
        let back = ErpClock::learn("2025-12-02T01:31:00Z", device_now + 86_400_000.0 + 60_000.0).unwrap();
        assert_eq!(back.today(device_now + 86_400_000.0 + 120_000.0), "2025-12-02");
        assert_eq!(ErpClock::default().today(device_now), "2025-12-01", "no answer yet: the device's UTC day");
        assert_eq!(ErpClock::learn("not a date", device_now), None);
    }
}
