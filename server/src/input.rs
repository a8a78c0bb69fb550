//! Checks for what a client writes in Mascate's own routes (tasks, notes, the account): ids
//! made on the device, bounded text without control characters, real dates, and JSON bodies
//! read into their contract type. Each refusal is a 400 naming the field.

use serde::de::DeserializeOwned;

use crate::error::{ApiError, ApiResult};

/// Shortest and longest id a device may make (a UUID is 36 characters).
pub const ID_LEN: std::ops::RangeInclusive<usize> = 8..=64;

/// An id made on the device: 8 to 64 letters, digits, `-` or `_`.
pub fn client_id(name: &str, id: &str) -> ApiResult<()> {
    let fits = ID_LEN.contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if !fits {
        return Err(ApiError::bad_request(format!(
            "{name}: de {} a {} letras, dígitos, '-' ou '_' (um UUID serve).",
            ID_LEN.start(),
            ID_LEN.end()
        )));
    }
    Ok(())
}

/// Whether text may go in one line (`multiline`: line breaks and tabs allowed too): no
/// control characters, no bidirectional overrides ([`mascate_domain::dictionary::forbidden`]).
fn clean(text: &str, multiline: bool) -> bool {
    !text.chars().any(|c| mascate_domain::dictionary::forbidden(c, multiline))
}

/// `value` trimmed, refused unless it has `min..=max` characters and no control characters
/// (but line breaks and tabs when `multiline`).
pub fn text(name: &str, value: &str, min: usize, max: usize, multiline: bool) -> ApiResult<String> {
    let value = value.trim();
    let count = value.chars().count();
    if count < min {
        return Err(ApiError::bad_request(if min == 1 {
            format!("{name}: informe um valor.")
        } else {
            format!("{name}: no mínimo {min} caracteres.")
        }));
    }
    if count > max {
        return Err(ApiError::bad_request(format!("{name}: no máximo {max} caracteres.")));
    }
    if !clean(value, multiline) {
        return Err(ApiError::bad_request(format!(
            "{name}: caracteres de controle ou de direção do texto não são aceitos."
        )));
    }
    Ok(value.to_string())
}

/// A real calendar day written `YYYY-MM-DD`, years 1900 to 2199.
pub fn date(name: &str, value: &str) -> ApiResult<String> {
    let value = value.trim();
    let real = value.len() == 10
        && value.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() })
        && ("1900".."2200").contains(&&value[..4])
        && mascate_domain::timestamp::add_days(value, 0).as_deref() == Some(value);
    if !real {
        return Err(ApiError::bad_request(format!("{name}: uma data real no formato AAAA-MM-DD.")));
    }
    Ok(value.to_string())
}

/// A JSON object read into `T` (missing properties take their defaults); anything else is a
/// 400 listing what the body should hold.
pub fn body<T: DeserializeOwned>(bytes: &[u8], expected: &str) -> ApiResult<T> {
    let is_object = serde_json::from_slice::<serde_json::Value>(bytes).is_ok_and(|v| v.is_object());
    let parsed = if is_object { serde_json::from_slice(bytes).ok() } else { None };
    parsed.ok_or_else(|| ApiError::bad_request(format!("O corpo deve ser um objeto JSON com {expected}.")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_texts_and_dates() {
        assert!(client_id("id", "0b9a2c9e-8f4e-4c1e-9a53-3f0f4b1d2c11").is_ok());
        for bad in ["short", "has space in it", "ação-ação-ação", &"x".repeat(65)] {
            assert!(client_id("id", bad).is_err(), "{bad}");
        }
        assert_eq!(text("subject", "  Ligar  ", 1, 120, false).unwrap(), "Ligar");
        assert!(text("subject", "   ", 1, 120, false).is_err());
        assert!(text("subject", "a\u{7}b", 1, 120, false).is_err());
        assert!(text("subject", "a\nb", 1, 120, false).is_err());
        assert!(text("notes", "a\r\nb\tc", 0, 120, true).is_ok());
        assert!(text("subject", &"é".repeat(121), 1, 120, false).is_err());
        assert!(text("subject", &"é".repeat(120), 1, 120, false).is_ok());
        assert_eq!(date("duedate", "2028-02-29").unwrap(), "2028-02-29");
        for bad in ["2026-02-29", "2026-13-01", "2026-1-01", "+202-01-01", "20260101", "0000-01-01", "2026-01-01x"] {
            assert!(date("duedate", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn bodies_must_be_objects_of_the_right_types() {
        #[derive(serde::Deserialize, Default)]
        #[serde(default)]
        struct B {
            text: String,
        }
        assert_eq!(body::<B>(br#"{"text":"x","other":1}"#, "text").unwrap().text, "x");
        for bad in [&b"[]"[..], b"\"x\"", b"{\"text\":5}", b"not json", b""] {
            assert!(body::<B>(bad, "text").is_err());
        }
    }
}
