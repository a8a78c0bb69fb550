//! Server stamps and `dateSync` values (§1.5).
//!
//! Mascate keeps every stamp as whole microseconds since the Unix epoch and writes them as
//! ISO-8601 UTC with six fractional digits. The stand-in server hands out strictly increasing
//! stamps and answers `po_sync_date` with the newest stamp at read time, so `stamp > dateSync`
//! neither skips nor repeats a row.

/// What a `dateSync` path segment asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateSync {
    /// Empty or starting with `-` (PO-Sync's first sync): every live row.
    Full,
    /// Rows stamped strictly after this instant, tombstones included.
    Since(i64),
}

impl DateSync {
    pub fn parse(segment: &str) -> Option<DateSync> {
        let s = segment.trim();
        if s.is_empty() || s.starts_with('-') {
            return Some(DateSync::Full);
        }
        parse_iso(s).map(DateSync::Since)
    }
}

/// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// The calendar date of a day number from [`days_from_civil`].
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Parses `YYYY-MM-DDTHH:MM:SS[.fraction][Z|±HH:MM]` into microseconds since the epoch.
/// A missing zone means UTC.
pub fn parse_iso(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() < 19 || b[4] != b'-' || b[7] != b'-' || !(b[10] == b'T' || b[10] == b' ') {
        return None;
    }
    let num = |r: std::ops::Range<usize>| s.get(r)?.parse::<i64>().ok();
    let (y, mo, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (h, mi, se) = (num(11..13)?, num(14..16)?, num(17..19)?);
    if !(1..=12).contains(&mo) || !(1..=31).contains(&d) || h > 23 || mi > 59 || se > 60 {
        return None;
    }
    let mut rest = &s[19..];
    let mut micros = 0i64;
    if let Some(frac) = rest.strip_prefix('.') {
        let digits: String = frac.chars().take_while(|c| c.is_ascii_digit()).collect();
        if digits.is_empty() {
            return None;
        }
        let mut padded = digits.clone();
        padded.truncate(6);
        while padded.len() < 6 {
            padded.push('0');
        }
        micros = padded.parse().ok()?;
        rest = &frac[digits.len()..];
    }
    let offset_secs = match rest {
        "" | "Z" | "z" => 0,
        tz if (tz.starts_with('+') || tz.starts_with('-')) && tz.len() == 6 => {
            let sign = if tz.starts_with('-') { -1 } else { 1 };
            let hh: i64 = tz.get(1..3)?.parse().ok()?;
            let mm: i64 = tz.get(4..6)?.parse().ok()?;
            sign * (hh * 3600 + mm * 60)
        }
        _ => return None,
    };
    let days = days_from_civil(y, mo as u32, d as u32);
    let secs = days * 86400 + h * 3600 + mi * 60 + se - offset_secs;
    Some(secs * 1_000_000 + micros)
}

/// Formats microseconds since the epoch as `YYYY-MM-DDTHH:MM:SS.ffffffZ`.
pub fn format_iso(micros: i64) -> String {
    let secs = micros.div_euclid(1_000_000);
    let frac = micros.rem_euclid(1_000_000);
    let days = secs.div_euclid(86400);
    let sod = secs.rem_euclid(86400);
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{frac:06}Z", sod / 3600, (sod % 3600) / 60, sod % 60)
}

/// A `YYYY-MM-DD` date moved by `days` (negative goes back); `None` if it does not parse.
/// ```
/// use mascate_domain::timestamp::add_days;
/// assert_eq!(add_days("2026-03-01", -1).as_deref(), Some("2026-02-28"));
/// assert_eq!(add_days("2026-12-31", 1).as_deref(), Some("2027-01-01"));
/// ```
pub fn add_days(date: &str, days: i64) -> Option<String> {
    let mut parts = date.trim().splitn(3, '-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: u32 = parts.next()?.parse().ok()?;
    let d: u32 = parts.next()?.get(0..2)?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let (y, m, d) = civil_from_days(days_from_civil(y, m, d) + days);
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

/// The calendar date (`YYYY-MM-DD`) of an instant, in UTC.
pub fn date_of(micros: i64) -> String {
    let (y, m, d) = civil_from_days(micros.div_euclid(86_400_000_000));
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_load_markers() {
        assert_eq!(DateSync::parse(""), Some(DateSync::Full));
        assert_eq!(DateSync::parse("-271821-04-20T00:00:00.000Z"), Some(DateSync::Full));
        assert_eq!(DateSync::parse("garbage"), None);
    }

    #[test]
    fn parses_with_and_without_fraction_and_zone() {
        let a = parse_iso("2020-09-30T09:00:00.000Z").unwrap();
        assert_eq!(parse_iso("2020-09-30T09:00:00Z"), Some(a));
        assert_eq!(parse_iso("2020-09-30T09:00:00"), Some(a));
        assert_eq!(parse_iso("2020-09-30T06:00:00-03:00"), Some(a));
        assert_eq!(parse_iso("2020-09-30T09:00:00.5Z"), Some(a + 500_000));
        assert_eq!(a, 1_601_456_400 * 1_000_000);
        assert_eq!(parse_iso("2020-13-30T09:00:00Z"), None);
    }

    #[test]
    fn format_round_trips_micros() {
        for m in [0i64, 1, 1_601_456_400_123_456, 4_102_444_799_999_999, -1] {
            assert_eq!(parse_iso(&format_iso(m)), Some(m), "{}", format_iso(m));
        }
        assert_eq!(format_iso(1_601_456_400_000_001), "2020-09-30T09:00:00.000001Z");
        assert_eq!(date_of(1_601_456_400_000_001), "2020-09-30");
    }

    #[test]
    fn civil_days_agree_both_ways() {
        for z in (-800_000..800_000).step_by(997) {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
        assert_eq!(days_from_civil(2024, 2, 29) + 1, days_from_civil(2024, 3, 1));
    }
}
