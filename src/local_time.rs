//! Moments shown on the device's clock, in the device's time zone: what the rep's watch says,
//! whatever clock the ERP keeps (its times are converted on the way in).

use mascate_domain::format;

use crate::i18n::Locale;

/// `dd/mm/aaaa hh:mm` (with `:ss` when `seconds`) of `ms` since the epoch, in the device's zone.
pub fn date_time(ms: f64, locale: Locale, seconds: bool) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    let iso = format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date());
    let mut out = format!("{} {:02}:{:02}", format::date(&iso, locale), d.get_hours(), d.get_minutes());
    if seconds {
        out.push_str(&format!(":{:02}", d.get_seconds()));
    }
    out
}
