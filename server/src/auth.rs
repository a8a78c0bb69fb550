//! Authentication: the framework's token endpoint (§2.1) and the bearer check every
//! `/api/tgv`, `/api/pgv` and `/api/fat` route goes through.
//!
//! Tokens are random and opaque to clients; only their SHA-256 is stored, so a copy of the
//! database gives no usable token. Passwords are stored as Argon2id hashes.

use std::collections::HashMap;

use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use axum::body::Bytes;
use axum::extract::{Query, Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use mascate_domain::contract::TokenResponse;
use rand::RngCore;
use rusqlite::{params, OptionalExtension};
use sha2::{Digest, Sha256};

use crate::db::Tx;
use crate::error::{ApiError, ApiResult};
use crate::AppState;

/// Who is calling, resolved from the bearer token. The seller comes only from here (§1.1).
#[derive(Debug, Clone)]
pub struct Caller {
    pub user_id: String,
    pub name: String,
    pub email: String,
    pub seller: Option<String>,
    pub is_admin: bool,
}

impl Caller {
    /// The caller's seller code, or the contract's 403 for a user without one.
    pub fn seller(&self) -> ApiResult<&str> {
        self.seller.as_deref().ok_or_else(ApiError::no_seller)
    }
}

pub fn hash_password(password: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default().hash_password(password.as_bytes(), &salt).expect("argon2 hashing").to_string()
}

fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).map(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok()).unwrap_or(false)
}

fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// `POST /api/oauth2/v1/token`: password and refresh_token grants. Parameters may come in
/// the query string, as headers (as Protheus callers send them), or as a form body.
pub async fn token(
    State(state): State<AppState>,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let form: HashMap<String, String> = serde_urlencoded::from_bytes(&body).unwrap_or_default();
    let param = |name: &str| -> Option<String> {
        query
            .get(name)
            .cloned()
            .or_else(|| form.get(name).cloned())
            .or_else(|| headers.get(name).and_then(|v| v.to_str().ok()).map(str::to_string))
            .filter(|v| !v.is_empty())
    };
    let grant = param("grant_type").unwrap_or_default();
    let (access_ttl, refresh_ttl) = (state.config.access_ttl_secs, state.config.refresh_ttl_secs);
    let result = match grant.as_str() {
        "password" => {
            let (Some(user), Some(password)) = (param("username"), param("password")) else {
                return ApiError::bad_request("Informe username e password.").into_response();
            };
            state
                .db
                .run(move |tx| {
                    let found: Option<(String, String)> = tx
                        .conn
                        .query_row("SELECT user_id, password_hash FROM users WHERE username = ?1", params![user], |r| {
                            Ok((r.get(0)?, r.get(1)?))
                        })
                        .optional()?;
                    match found {
                        Some((user_id, hash)) if verify_password(&password, &hash) => {
                            issue(tx, &user_id, access_ttl, refresh_ttl)
                        }
                        _ => Err(ApiError::unauthorized("Usuário ou senha inválidos.")),
                    }
                })
                .await
        }
        "refresh_token" => {
            let Some(refresh) = param("refresh_token") else {
                return ApiError::bad_request("Informe refresh_token.").into_response();
            };
            state
                .db
                .run(move |tx| {
                    let hash = token_hash(&refresh);
                    let user: Option<String> = tx
                        .conn
                        .query_row(
                            "SELECT user_id FROM tokens WHERE token_hash = ?1 AND kind = 'refresh' AND expires_at > ?2",
                            params![hash, tx.clock.now_micros()],
                            |r| r.get(0),
                        )
                        .optional()?;
                    let Some(user_id) = user else {
                        return Err(ApiError::unauthorized("Refresh token inválido ou expirado."));
                    };
                    // Rotate: a refresh token works once.
                    tx.conn.execute("DELETE FROM tokens WHERE token_hash = ?1", params![hash])?;
                    issue(tx, &user_id, access_ttl, refresh_ttl)
                })
                .await
        }
        _ => Err(ApiError::bad_request("grant_type deve ser password ou refresh_token.")),
    };
    match result {
        Ok(tokens) => (StatusCode::CREATED, Json(tokens)).into_response(),
        Err(e) => e.into_response(),
    }
}

fn issue(tx: &Tx, user_id: &str, access_ttl: i64, refresh_ttl: i64) -> ApiResult<TokenResponse> {
    let now = tx.clock.now_micros();
    tx.conn.execute("DELETE FROM tokens WHERE expires_at <= ?1", params![now])?;
    let access = new_token();
    let refresh = new_token();
    let mut insert =
        tx.conn.prepare_cached("INSERT INTO tokens(token_hash, kind, user_id, expires_at) VALUES (?1, ?2, ?3, ?4)")?;
    insert.execute(params![token_hash(&access), "access", user_id, now + access_ttl * 1_000_000])?;
    insert.execute(params![token_hash(&refresh), "refresh", user_id, now + refresh_ttl * 1_000_000])?;
    Ok(TokenResponse {
        access_token: access,
        refresh_token: refresh,
        scope: "default".into(),
        token_type: "Bearer".into(),
        expires_in: access_ttl.max(0) as u64,
    })
}

/// Middleware: resolves the bearer token to a [`Caller`] or answers 401.
pub async fn require_token(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let token = req
        .headers()
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("bearer ")))
        .map(|t| t.trim().to_string());
    let Some(token) = token.filter(|t| !t.is_empty()) else {
        return ApiError::unauthorized("Token de acesso não informado.").into_response();
    };
    let caller = state
        .db
        .run(move |tx| {
            tx.conn
                .query_row(
                    "SELECT u.user_id, u.name, u.email, s.code, u.is_admin
                     FROM tokens t JOIN users u ON u.user_id = t.user_id
                     LEFT JOIN sellers s ON s.user_id = u.user_id
                     WHERE t.token_hash = ?1 AND t.kind = 'access' AND t.expires_at > ?2",
                    params![token_hash(&token), tx.clock.now_micros()],
                    |r| {
                        Ok(Caller {
                            user_id: r.get(0)?,
                            name: r.get(1)?,
                            email: r.get(2)?,
                            seller: r.get(3)?,
                            is_admin: r.get(4)?,
                        })
                    },
                )
                .optional()
                .map_err(ApiError::from)
        })
        .await;
    match caller {
        Ok(Some(caller)) => {
            req.extensions_mut().insert(caller);
            next.run(req).await
        }
        Ok(None) => ApiError::unauthorized("Token inválido ou expirado.").into_response(),
        Err(e) => e.into_response(),
    }
}
