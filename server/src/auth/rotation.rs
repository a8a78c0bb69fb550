//! Refresh-token rotation with reuse detection that tells a race from a theft (RFC 9700
//! §4.14.2).
//!
//! Every login starts a family (one session). A refresh token works once: its use issues a
//! new pair in the family, ends the access token it replaced, and keeps the old refresh
//! token, marked used, until it expires. Presented again:
//!
//! - within the **grace** (`--refresh-grace`, 30 s) and while its successor pair is still
//!   unused, it answers **that same pair** again: two tabs refreshing at once, or a retry
//!   after an answer lost on the way, both end up holding the one live pair;
//! - otherwise it is a copy in someone else's hands, and the whole family is revoked.
//!
//! The database keeps only tokens' SHA-256, so to answer the same pair again the old row
//! keeps the pair **sealed under the old refresh token itself** (XOR with a SHA-256 key
//! stream of it): only whoever presents that token can open it, and a copy of the database
//! opens nothing.

use mascate_domain::contract::TokenResponse;
use rusqlite::{named_params, OptionalExtension};
use sha2::{Digest, Sha256};

use super::{new_token, token_hash};
use crate::db::Tx;
use crate::error::ApiResult;

const MICROS: i64 = 1_000_000;

/// A session's lifetimes, in seconds.
#[derive(Debug, Clone, Copy)]
pub struct Lifetimes {
    pub access: i64,
    pub refresh: i64,
    pub grace: i64,
}

/// 64 bytes of key stream drawn from `old` (a token is 32 random bytes, so a pair is 64).
fn key_stream(old: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(64);
    for part in [b"mascate refresh grace 1 ", b"mascate refresh grace 2 "] {
        out.extend_from_slice(&Sha256::new().chain_update(part).chain_update(old.as_bytes()).finalize());
    }
    out
}

/// The pair, sealed under the refresh token it replaces.
fn seal(old: &str, access: &str, refresh: &str) -> Option<String> {
    let mut plain = hex::decode(access).ok()?;
    plain.extend(hex::decode(refresh).ok()?);
    (plain.len() == 64).then(|| hex::encode(plain.iter().zip(key_stream(old)).map(|(p, k)| p ^ k).collect::<Vec<_>>()))
}

/// The pair [`seal`] sealed, given the same old token.
fn open(old: &str, sealed: &str) -> Option<(String, String)> {
    let sealed = hex::decode(sealed).ok().filter(|s| s.len() == 64)?;
    let plain: Vec<u8> = sealed.iter().zip(key_stream(old)).map(|(s, k)| s ^ k).collect();
    Some((hex::encode(&plain[..32]), hex::encode(&plain[32..])))
}

/// A fresh access and refresh token in `family`; clears expired tokens on the way.
pub fn issue(tx: &Tx, user_id: &str, family: &str, life: Lifetimes) -> ApiResult<TokenResponse> {
    let now = tx.clock.now_micros();
    tx.conn.execute("DELETE FROM tokens WHERE expires_at <= :now", named_params! {":now": now})?;
    let access = new_token();
    let refresh = new_token();
    let insert = "INSERT INTO tokens(token_hash, kind, user_id, expires_at, family)
                  VALUES (:hash, :kind, :user, :expires, :family)";
    for (token, kind, ttl) in [(&access, "access", life.access), (&refresh, "refresh", life.refresh)] {
        tx.execute_named(
            insert,
            &[
                (":hash", &token_hash(token)),
                (":kind", &kind),
                (":user", &user_id),
                (":expires", &(now + ttl * MICROS)),
                (":family", &family),
            ],
        )?;
    }
    Ok(answer(access, refresh, life.access))
}

fn answer(access: String, refresh: String, expires_in: i64) -> TokenResponse {
    TokenResponse {
        access_token: access,
        refresh_token: refresh,
        scope: "default".into(),
        token_type: "Bearer".into(),
        expires_in: expires_in.max(0) as u64,
    }
}

/// Deletes every token of a family; how many.
pub fn revoke_family(tx: &Tx, family: &str) -> rusqlite::Result<usize> {
    tx.conn.execute("DELETE FROM tokens WHERE family = :family", named_params! {":family": family})
}

/// A refresh token's row: user, family, when it was used, its sealed successor.
type Row = (String, String, Option<i64>, Option<String>);

/// Trades `presented` for a pair: a new one, the same one again within the grace, or `None`
/// (unknown, expired, or reused: then its family is revoked).
pub fn refresh(tx: &Tx, presented: &str, life: Lifetimes) -> ApiResult<Option<TokenResponse>> {
    let now = tx.clock.now_micros();
    let hash = token_hash(presented);
    let row: Option<Row> = tx
        .conn
        .query_row(
            "SELECT user_id, family, used_at, successor FROM tokens
             WHERE token_hash = :hash AND kind = 'refresh' AND expires_at > :now",
            named_params! {":hash": hash, ":now": now},
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    let Some((user_id, family, used_at, successor)) = row else { return Ok(None) };
    let Some(used_at) = used_at else {
        // The pair this token came with ends here: its access token too.
        tx.conn.execute(
            "DELETE FROM tokens WHERE family = :family AND kind = 'access'",
            named_params! {":family": family},
        )?;
        let pair = issue(tx, &user_id, &family, life)?;
        tx.conn.execute(
            "UPDATE tokens SET used_at = :now, successor = :successor WHERE token_hash = :hash",
            named_params! {":now": now, ":successor": seal(presented, &pair.access_token, &pair.refresh_token),
            ":hash": hash},
        )?;
        return Ok(Some(pair));
    };
    if now - used_at <= life.grace * MICROS {
        if let Some(pair) = successor.as_deref().and_then(|s| open(presented, s)) {
            if let Some(expires_in) = still_unused(tx, &pair, now)? {
                tracing::info!(user = %user_id, "refresh token presented again within the grace: same pair");
                return Ok(Some(answer(pair.0, pair.1, expires_in)));
            }
        }
    }
    // A used refresh token came back: someone holds a copy. End the family.
    let revoked = revoke_family(tx, &family)?;
    tracing::warn!(user = %user_id, revoked, "refresh token reused: its family is revoked");
    Ok(None)
}

/// Seconds the pair's access token has left, if both are alive and the refresh token unused.
fn still_unused(tx: &Tx, (access, refresh): &(String, String), now: i64) -> rusqlite::Result<Option<i64>> {
    let fresh = tx.exists_named(
        "SELECT 1 FROM tokens WHERE token_hash = :hash AND kind = 'refresh' AND used_at IS NULL AND expires_at > :now",
        &[(":hash", &token_hash(refresh)), (":now", &now)],
    )?;
    if !fresh {
        return Ok(None);
    }
    let expires: Option<i64> = tx
        .conn
        .query_row(
            "SELECT expires_at FROM tokens WHERE token_hash = :hash AND kind = 'access' AND expires_at > :now",
            named_params! {":hash": token_hash(access), ":now": now},
            |r| r.get(0),
        )
        .optional()?;
    Ok(expires.map(|e| (e - now) / MICROS))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_pair_opens_only_with_the_token_it_replaced() {
        let (old, access, refresh) = (new_token(), new_token(), new_token());
        let sealed = seal(&old, &access, &refresh).unwrap();
        assert!(!sealed.contains(&access) && !sealed.contains(&refresh));
        assert_eq!(open(&old, &sealed), Some((access.clone(), refresh.clone())));
        assert_ne!(open(&new_token(), &sealed), Some((access, refresh)));
        assert_eq!(open(&old, "not hex"), None);
    }
}
