//! Devices a user signed in from: the lockout trusts them ([`super::throttle`] is for
//! everyone else). A successful sign-in answers a cookie, `mascate_device`, random and
//! stored as SHA-256 with the user it was signed in for; the browser sends it back with the
//! next token call (same origin, `HttpOnly`, `SameSite=Strict`), so the app needs no code for
//! it. A sign-in that brings a device cookie trusted for that user skips the name's delays
//! and the address's limit: a storm against the name, or a NAT full of failures, does not
//! keep the rep out of the devices she uses. A trusted device counts its own failures: the
//! [`MAX_FAILURES`]th ends its trust. Trust lasts [`LIFETIME_DAYS`] from the last sign-in; a
//! user keeps at most [`PER_USER`] devices (the oldest go).

use axum::http::{header, HeaderMap, HeaderValue};
use rusqlite::named_params;

use super::{new_token, token_hash};
use crate::db::Tx;

/// The cookie's name.
pub const COOKIE: &str = "mascate_device";
/// Wrong passwords from a trusted device before it is trusted no more.
pub const MAX_FAILURES: i64 = 5;
/// Days a device stays trusted after its last sign-in.
pub const LIFETIME_DAYS: i64 = 90;
/// Devices remembered per user.
pub const PER_USER: i64 = 20;

const MICROS_PER_DAY: i64 = 86_400 * 1_000_000;

/// The device token a request carries, if it looks like one of ours.
pub fn presented(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().strip_prefix(COOKIE)?.strip_prefix('='))
        .find(|v| v.len() == 64 && v.bytes().all(|b| b.is_ascii_hexdigit()))
        .map(str::to_string)
}

/// The SQL that tells whether `:device` is trusted for the user `u` at `:now`.
pub const TRUSTED_SQL: &str = "EXISTS (SELECT 1 FROM trusted_devices d WHERE d.user_id = u.user_id
    AND d.device_hash = :device AND d.expires_at > :now AND d.failures < :max_failures)";

/// The hash the table keeps of a device token (`""` for none: matches no row).
pub fn hash(device: Option<&str>) -> String {
    device.map(token_hash).unwrap_or_default()
}

/// A wrong password from a trusted device: counted, and the last one ends the trust.
pub fn failed(tx: &Tx, device: &str, user_id: &str) -> rusqlite::Result<()> {
    let key = named_params! {":hash": token_hash(device), ":user": user_id, ":max": MAX_FAILURES};
    tx.conn.execute(
        "UPDATE trusted_devices SET failures = failures + 1 WHERE device_hash = :hash AND user_id = :user",
        &key[..2],
    )?;
    let dropped = tx.conn.execute(
        "DELETE FROM trusted_devices WHERE device_hash = :hash AND user_id = :user AND failures >= :max",
        key,
    )?;
    if dropped > 0 {
        tracing::warn!(user = %user_id, "login: a device lost its trust after repeated failures");
    }
    Ok(())
}

/// A successful sign-in on `device` (or a new one): trusted for `user_id` from now on.
/// Returns the device token to set.
pub fn remember(tx: &Tx, device: Option<&str>, user_id: &str) -> rusqlite::Result<String> {
    let token = device.map(str::to_string).unwrap_or_else(new_token);
    let now = tx.clock.now_micros();
    tx.conn.execute(
        "INSERT INTO trusted_devices(device_hash, user_id, expires_at, failures) VALUES (:hash, :user, :expires, 0)
         ON CONFLICT(device_hash, user_id) DO UPDATE SET expires_at = excluded.expires_at, failures = 0",
        named_params! {":hash": token_hash(&token), ":user": user_id, ":expires": now + LIFETIME_DAYS * MICROS_PER_DAY},
    )?;
    tx.conn.execute(
        "DELETE FROM trusted_devices WHERE user_id = :user AND (expires_at <= :now OR device_hash NOT IN
             (SELECT device_hash FROM trusted_devices WHERE user_id = :user ORDER BY expires_at DESC LIMIT :keep))",
        named_params! {":user": user_id, ":now": now, ":keep": PER_USER},
    )?;
    Ok(token)
}

/// The `Set-Cookie` value for `token`.
pub fn cookie(token: &str) -> Option<HeaderValue> {
    let max_age = LIFETIME_DAYS * 86_400;
    HeaderValue::from_str(&format!(
        "{COOKIE}={token}; Path=/api/oauth2/v1/token; Max-Age={max_age}; HttpOnly; SameSite=Strict"
    ))
    .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_only_a_well_formed_device_cookie() {
        let good = "a".repeat(64);
        let mut h = HeaderMap::new();
        h.append(header::COOKIE, HeaderValue::from_str(&format!("other=1; {COOKIE}={good}")).unwrap());
        assert_eq!(presented(&h), Some(good));
        let mut bad = HeaderMap::new();
        bad.append(header::COOKIE, HeaderValue::from_static("mascate_device=short; mascate_devicex=1"));
        assert_eq!(presented(&bad), None);
        assert!(cookie("ab").unwrap().to_str().unwrap().contains("HttpOnly"));
    }
}
