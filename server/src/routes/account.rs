//! The rep's account (a Mascate extension): `GET /api/mascate/v1/account` (e-mail, language
//! and the password policy), `PATCH` (e-mail, language) and `POST …/account/password`.
//!
//! A password change is a login in disguise, so it goes through the same guards: the user
//! name's and the address's throttle before any work (a wrong current password counts as a
//! failed login, so it cannot be guessed here either), the check on the password pool, and
//! the new password is stored hashed like every other. The session that changed it keeps
//! working; every other session of the user (its access and refresh tokens) ends.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};

use axum::body::Bytes;
use axum::extract::{ConnectInfo, DefaultBodyLimit, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Json};
use mascate_domain::contact::looks_like_email;
use mascate_domain::contract::account::LANGUAGES;
use mascate_domain::contract::{Account, AccountPatch, PasswordChange};
use rusqlite::{named_params, OptionalExtension};
use serde_json::json;

use super::documented::Documented;
use super::tokens::{bearer, family_of, too_many};
use crate::auth::{hash_password, policy, Caller};
use crate::db::Tx;
use crate::error::{ApiError, ApiResult};
use crate::input;
use crate::openapi::{self as doc, Body::Object};
use crate::state::AppState;

/// The longest e-mail address kept (Protheus's user e-mail is 100 wide in this stand-in).
pub const EMAIL_MAX: usize = 100;

/// The largest body read: two passwords or an e-mail and a language.
const MAX_BODY: usize = 16 * 1024;

const WRONG_CURRENT: &str = "A senha atual não confere.";

fn account(tx: &Tx, user_id: &str) -> ApiResult<Account> {
    let found = tx
        .conn
        .query_row(
            "SELECT username, name, email, language FROM users WHERE user_id = :id",
            named_params! {":id": user_id},
            |r| {
                Ok(Account {
                    username: r.get(0)?,
                    name: r.get(1)?,
                    email: r.get(2)?,
                    language: r.get(3)?,
                    password_policy: policy::policy(),
                })
            },
        )
        .optional()?;
    found.ok_or_else(|| ApiError::unauthorized("Token inválido ou expirado."))
}

/// `GET /api/mascate/v1/account`
pub async fn show(State(state): State<AppState>, Extension(caller): Extension<Caller>) -> ApiResult<Json<Account>> {
    state.db.read(move |tx| account(tx, &caller.user_id).map(Json)).await
}

/// `PATCH /api/mascate/v1/account`: `{"email"?, "language"?}`, at least one.
pub async fn change(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    body: Bytes,
) -> ApiResult<Json<Account>> {
    let patch: AccountPatch = input::body(&body, "email e/ou language (textos)")?;
    if patch.email.is_none() && patch.language.is_none() {
        return Err(ApiError::bad_request("Informe email e/ou language."));
    }
    let email = match patch.email.as_deref() {
        Some(e) => {
            let e = input::text("email", e, 1, EMAIL_MAX, false)?.to_lowercase();
            if !looks_like_email(&e) {
                return Err(ApiError::bad_request("email: um endereço de e-mail válido."));
            }
            Some(e)
        }
        None => None,
    };
    let language = match patch.language.as_deref().map(str::trim) {
        Some(l) if LANGUAGES.contains(&l) => Some(l.to_string()),
        Some(_) => return Err(ApiError::bad_request("language: pt-BR, en ou es.")),
        None => None,
    };
    state
        .db
        .write(move |tx| {
            tx.conn.execute(
                "UPDATE users SET email = coalesce(:email, email), language = coalesce(:language, language)
                 WHERE user_id = :id",
                named_params! {":email": email, ":language": language, ":id": caller.user_id},
            )?;
            account(tx, &caller.user_id).map(Json)
        })
        .await
}

/// `POST /api/mascate/v1/account/password`: `{"current", "new"}`. 200 when changed; 400 when
/// the new one breaks the policy; 403 when the current one does not match; 429 while the
/// user name or the address is throttled.
pub async fn password(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    peer: Option<Extension<ConnectInfo<SocketAddr>>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let address = peer.map(|Extension(ConnectInfo(a))| a.ip()).unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
    match change_password(&state, &caller, address, bearer(&headers), &body).await {
        Ok(res) | Err(res) => res,
    }
}

async fn change_password(
    state: &AppState,
    caller: &Caller,
    address: IpAddr,
    token: Option<String>,
    body: &[u8],
) -> Result<Response, Response> {
    let fail = |e: ApiError| e.into_response();
    let change: PasswordChange = input::body(body, "current e new (textos)").map_err(fail)?;
    if change.current.is_empty() || change.current.len() > policy::MAX_LEN {
        return Err(fail(ApiError::bad_request("current: a senha atual, até 256 caracteres.")));
    }
    let user_id = caller.user_id.clone();
    let (username, hash): (String, String) = state
        .db
        .read(move |tx| {
            Ok(tx.conn.query_row(
                "SELECT username, password_hash FROM users WHERE user_id = :id",
                named_params! {":id": user_id},
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?)
        })
        .await
        .map_err(fail)?;
    let logins = &state.logins;
    logins.throttle.check(&username, address).map_err(too_many)?;
    policy::check(&change.new, &username, &change.current).map_err(|w| fail(ApiError::bad_request(w.to_string())))?;
    let matched = logins.checker.check(change.current, Some(hash.clone())).await.map_err(|_| too_many(1))?;
    if !matched {
        logins.throttle.failed(&username, address);
        tracing::warn!(user = %username, "password change: the current password did not match");
        return Err(fail(ApiError::Forbidden(WRONG_CURRENT.into())));
    }
    logins.throttle.succeeded(&username);
    let new = change.new;
    let new_hash =
        tokio::task::spawn_blocking(move || hash_password(&new)).await.map_err(|e| fail(ApiError::internal(e)))?;
    let user_id = caller.user_id.clone();
    let revoked = state
        .db
        .write(move |tx| {
            // Only over the hash just checked: a change racing this one wins, this one is refused.
            let changed = tx.conn.execute(
                "UPDATE users SET password_hash = :new, demo_password = 0 WHERE user_id = :id AND password_hash = :old",
                named_params! {":new": new_hash, ":id": user_id, ":old": hash},
            )?;
            if changed == 0 {
                return Err(ApiError::Forbidden(WRONG_CURRENT.into()));
            }
            let family = match &token {
                Some(t) => family_of(tx, t)?.unwrap_or_default(),
                None => String::new(),
            };
            Ok(tx.conn.execute(
                "DELETE FROM tokens WHERE user_id = :id AND family <> :family",
                named_params! {":id": user_id, ":family": family},
            )?)
        })
        .await
        .map_err(fail)?;
    tracing::info!(user = %username, revoked, "password changed; the user's other sessions ended");
    Ok(Json(json!({"message": "Senha alterada. As outras sessões foram encerradas.", "revokedtokens": revoked}))
        .into_response())
}

/// The account routes and their OpenAPI entries.
pub fn routes() -> Documented {
    Documented::new()
        .route(
            "/api/mascate/v1/account",
            get(show).patch(change),
            &[
                doc::op("get", "The caller's account: e-mail, language, password policy (Mascate extension)", Object),
                doc::write("patch", "Change the account's e-mail or language (Mascate extension)", false),
            ],
        )
        .route(
            "/api/mascate/v1/account/password",
            post(password),
            &[doc::write("post", "Change the caller's password (Mascate extension)", false)],
        )
        .map_router(|r| r.layer(DefaultBodyLimit::max(MAX_BODY)))
}
