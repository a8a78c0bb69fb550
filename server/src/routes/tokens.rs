//! The token endpoint (§2.1), its revocation companion, and the bearer check every
//! `/api/tgv`, `/api/pgv` and `/api/fat` route goes through ([`require_token`]).
//!
//! - `password` grant: a device the user signed in from before is trusted
//!   ([`crate::auth::devices`]); any other is throttled by name and address before any work
//!   ([`crate::auth::throttle`]),
//!   checked on the password pool off the database ([`crate::auth::passwords`]), with the same work
//!   for unknown names; outside demo mode an account still on its fixture password is no
//!   account at all.
//! - `refresh_token` grant: rotation with reuse detection that tells a race from a theft
//!   ([`crate::auth::rotation`]): a used token presented again within the grace answers the
//!   same new pair; after it, the whole family is revoked.
//! - `POST /api/oauth2/v1/revoke` (RFC 7009): revokes the family of the token given; always
//!   200, so it tells nothing about the token. The app's sign-out calls it.
//!
//! Token answers carry `Cache-Control: no-store` (RFC 6749 §5.1).

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};

use axum::body::Bytes;
use axum::extract::{ConnectInfo, Query, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use mascate_domain::contract::TokenResponse;
use rusqlite::{named_params, params, OptionalExtension};

use crate::auth::devices;
use crate::auth::rotation::{self, revoke_family};
use crate::auth::{new_token, token_hash, Caller};
use crate::db::Tx;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;

/// Longest user name and password read; longer ones are refused before any work.
const MAX_CREDENTIAL_LEN: usize = 256;

/// The grant's parameters, from the query string, a form body or headers (as Protheus
/// callers send them).
struct Params {
    query: HashMap<String, String>,
    form: HashMap<String, String>,
    headers: HeaderMap,
}

impl Params {
    fn get(&self, name: &str) -> Option<String> {
        self.query
            .get(name)
            .cloned()
            .or_else(|| self.form.get(name).cloned())
            .or_else(|| self.headers.get(name).and_then(|v| v.to_str().ok()).map(str::to_string))
            .filter(|v| !v.is_empty())
    }
}

fn no_store(mut res: Response) -> Response {
    res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res.headers_mut().insert(header::PRAGMA, HeaderValue::from_static("no-cache"));
    res
}

/// `429` with `Retry-After`, in the contract's error shape.
pub fn too_many(seconds: i64) -> Response {
    let message = format!("Muitas tentativas de acesso. Tente novamente em {seconds} segundos.");
    let mut res = ApiError::TooMany(message.into()).into_response();
    if let Ok(v) = HeaderValue::from_str(&seconds.max(1).to_string()) {
        res.headers_mut().insert(header::RETRY_AFTER, v);
    }
    res
}

/// `POST /api/oauth2/v1/token`: password and refresh_token grants.
pub async fn token(
    State(state): State<AppState>,
    peer: Option<Extension<ConnectInfo<SocketAddr>>>,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let form = serde_urlencoded::from_bytes(&body).unwrap_or_default();
    let params = Params { query, form, headers };
    let address = peer.map(|Extension(ConnectInfo(a))| a.ip()).unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
    let answer = match params.get("grant_type").as_deref() {
        Some("password") => password_grant(&state, &params, address).await,
        Some("refresh_token") => refresh_grant(&state, &params).await.map(|t| (t, None)),
        _ => Err(ApiError::bad_request("grant_type deve ser password ou refresh_token.").into_response()),
    };
    no_store(match answer {
        Ok((tokens, device)) => {
            let mut res = (StatusCode::CREATED, Json(tokens)).into_response();
            if let Some(cookie) = device {
                res.headers_mut().insert(header::SET_COOKIE, cookie);
            }
            res
        }
        Err(res) => res,
    })
}

/// A sign-in's answer: the tokens, and the device cookie to set.
type SignedIn = (TokenResponse, Option<HeaderValue>);

/// The account behind a user name: id, hash, still on a demo password, and whether the
/// request's device is trusted for it.
type Account = (String, String, bool, bool);

async fn password_grant(state: &AppState, params: &Params, address: IpAddr) -> Result<SignedIn, Response> {
    let (Some(name), Some(password)) = (params.get("username"), params.get("password")) else {
        return Err(ApiError::bad_request("Informe username e password.").into_response());
    };
    if name.len() > MAX_CREDENTIAL_LEN || password.len() > MAX_CREDENTIAL_LEN {
        return Err(ApiError::bad_request("username e password têm até 256 caracteres.").into_response());
    }
    let logins = &state.logins;
    let device = devices::presented(&params.headers);
    if device.is_none() {
        // No device to trust: the throttle first, before any work.
        logins.throttle.check(&name, address).map_err(too_many)?;
    }
    let (lookup, device_hash) = (name.clone(), devices::hash(device.as_deref()));
    let account: Option<Account> = state
        .db
        .read(move |tx| {
            let sql = format!(
                "SELECT u.user_id, u.password_hash, u.demo_password, {} FROM users u WHERE username = :name",
                devices::TRUSTED_SQL
            );
            let now = tx.clock.now_micros();
            let key = named_params! {":name": lookup, ":device": device_hash, ":now": now,
            ":max_failures": devices::MAX_FAILURES};
            Ok(tx.conn.query_row(&sql, key, |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))).optional()?)
        })
        .await
        .map_err(IntoResponse::into_response)?;
    let trusted = account.as_ref().is_some_and(|a| a.3);
    if device.is_some() && !trusted {
        logins.throttle.check(&name, address).map_err(too_many)?;
    }
    // Outside demo mode, the fixtures' passwords open nothing (the same work is done).
    let usable = account.filter(|(_, _, demo_password, _)| state.config.demo || !demo_password);
    let hash = usable.as_ref().map(|(_, hash, ..)| hash.clone());
    let matched = logins.checker.check(password, hash).await.map_err(|_| too_many(1))?;
    let Some((user_id, ..)) = usable.filter(|_| matched) else {
        match (trusted, device) {
            (true, Some(device)) => {
                let user_id = account_id(state, &name).await?;
                let failed = state.db.write(move |tx| Ok(devices::failed(tx, &device, &user_id)?)).await;
                failed.map_err(IntoResponse::into_response)?;
            }
            _ => logins.throttle.failed(&name, address),
        }
        return Err(ApiError::unauthorized("Usuário ou senha inválidos.").into_response());
    };
    if !trusted {
        logins.throttle.succeeded(&name);
    }
    let life = lifetimes(state);
    let (tokens, device) = state
        .db
        .write(move |tx| {
            let tokens = rotation::issue(tx, &user_id, &new_token(), life)?;
            Ok((tokens, devices::remember(tx, device.as_deref(), &user_id)?))
        })
        .await
        .map_err(IntoResponse::into_response)?;
    Ok((tokens, devices::cookie(&device)))
}

/// The user id of a name known to exist.
async fn account_id(state: &AppState, name: &str) -> Result<String, Response> {
    let name = name.to_string();
    let id = state.db.read(move |tx| {
        let sql = "SELECT user_id FROM users WHERE username = :name";
        Ok(tx.conn.query_row(sql, named_params! {":name": name}, |r| r.get(0))?)
    });
    id.await.map_err(IntoResponse::into_response)
}

async fn refresh_grant(state: &AppState, params: &Params) -> Result<TokenResponse, Response> {
    let Some(refresh) = params.get("refresh_token") else {
        return Err(ApiError::bad_request("Informe refresh_token.").into_response());
    };
    let life = lifetimes(state);
    let outcome =
        state.db.write(move |tx| rotation::refresh(tx, &refresh, life)).await.map_err(IntoResponse::into_response)?;
    // Reuse detection only makes a difference in the database: a reused token gets the
    // same 401 as an unknown one.
    outcome.ok_or_else(|| ApiError::unauthorized("Refresh token inválido ou expirado.").into_response())
}

fn lifetimes(state: &AppState) -> rotation::Lifetimes {
    let c = &state.config;
    rotation::Lifetimes { access: c.access_ttl_secs, refresh: c.refresh_ttl_secs, grace: c.refresh_grace_secs }
}

/// The family (session) of a live token, if any.
pub fn family_of(tx: &Tx, token: &str) -> rusqlite::Result<Option<String>> {
    tx.conn
        .query_row(
            "SELECT family FROM tokens WHERE token_hash = :hash",
            named_params! {":hash": token_hash(token)},
            |r| r.get(0),
        )
        .optional()
}

/// The bearer token of a request, if it carries one.
pub fn bearer(headers: &HeaderMap) -> Option<String> {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("bearer ")))
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
}

/// `POST /api/oauth2/v1/revoke` (RFC 7009): `token` (access or refresh) in the form body or
/// the query string. Revokes its whole family (the session); always 200.
pub async fn revoke(
    State(state): State<AppState>,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Response> {
    let form = serde_urlencoded::from_bytes(&body).unwrap_or_default();
    let params = Params { query, form, headers };
    if let Some(token) = params.get("token") {
        state
            .db
            .write(move |tx| {
                if let Some(family) = family_of(tx, &token)? {
                    revoke_family(tx, &family)?;
                }
                Ok(())
            })
            .await?;
    }
    Ok(no_store(StatusCode::OK.into_response()))
}

/// Middleware: resolves the bearer token to a [`Caller`] or answers 401.
pub async fn require_token(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let Some(token) = bearer(req.headers()) else {
        return ApiError::unauthorized("Token de acesso não informado.").into_response();
    };
    let caller = state
        .db
        .read(move |tx| {
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
            tracing::Span::current().record("seller", caller.seller.as_deref().unwrap_or("-"));
            req.extensions_mut().insert(caller);
            next.run(req).await
        }
        Ok(None) => ApiError::unauthorized("Token inválido ou expirado.").into_response(),
        Err(e) => e.into_response(),
    }
}
