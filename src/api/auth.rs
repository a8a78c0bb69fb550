//! Signing in (§2.1), finding out who we are (§2.2), and asking the stand-in server
//! whether it is a demo.

use gloo_net::http::Request;
use mascate_domain::contract::{ListEnvelope, Seller, ServerAbout, TokenResponse};

use super::{now_ms, read_json, url, ApiError};
use crate::session::{Identity, SessionContext, SignOutReason, Tokens};

/// Why a sign-in did not happen.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SignInError {
    #[error("the server did not answer")]
    Unreachable,
    #[error("wrong user or password")]
    Refused,
    /// The user exists but is no seller (the ERP's words, when it gave some).
    #[error("not a seller")]
    NotASeller(Option<String>),
    /// Anything else the server said.
    #[error("{0}")]
    Other(String),
}

impl From<ApiError> for SignInError {
    fn from(e: ApiError) -> Self {
        match e {
            ApiError::Unreachable => SignInError::Unreachable,
            ApiError::Server { status: 400 | 401, .. } | ApiError::SignedOut => SignInError::Refused,
            ApiError::Server { status: 403, message, .. } => SignInError::NotASeller(Some(message)),
            ApiError::Server { message, detail, .. } => {
                SignInError::Other(detail.map(|d| format!("{message} — {d}")).unwrap_or(message))
            }
            ApiError::Malformed(m) => SignInError::Other(m),
            ApiError::NoExtension => SignInError::Other("HTTP 404".into()),
        }
    }
}

/// Signs in: tokens (password grant), then the seller they belong to.
pub async fn sign_in(user: &str, password: &str) -> Result<(Identity, Tokens), SignInError> {
    let t = login(user, password).await?;
    let seller = seller_of(&t.access_token).await?.ok_or(SignInError::NotASeller(None))?;
    let identity = Identity {
        username: user.to_string(),
        seller_code: seller.code.trim().to_string(),
        seller_name: if seller.short_name.trim().is_empty() { seller.name } else { seller.short_name },
    };
    Ok((identity, Tokens::new(t.access_token, t.refresh_token, t.expires_in, now_ms())))
}

/// Password grant. The credentials travel as headers, which the contract allows, so they do
/// not end up in server access logs the way a query string would.
pub async fn login(username: &str, password: &str) -> Result<TokenResponse, ApiError> {
    let res = Request::post(&url("/api/oauth2/v1/token"))
        .header("grant_type", "password")
        .header("username", username)
        .header("password", password)
        .send()
        .await
        .map_err(|_| ApiError::Unreachable)?;
    read_json(res).await
}

/// Refresh grant.
pub async fn refresh(refresh_token: &str) -> Result<TokenResponse, ApiError> {
    let res = Request::post(&url("/api/oauth2/v1/token"))
        .header("grant_type", "refresh_token")
        .header("refresh_token", refresh_token)
        .send()
        .await
        .map_err(|_| ApiError::Unreachable)?;
    read_json(res).await
}

/// Asks the server to revoke the session a token belongs to (RFC 7009, `POST
/// /api/oauth2/v1/revoke`). A Protheus without the call, or no network, simply fails.
pub async fn revoke(token: &str) -> Result<(), ApiError> {
    let res = Request::post(&url("/api/oauth2/v1/revoke"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(format!("token={}", super::encode(token)))
        .map_err(|e| ApiError::Malformed(e.to_string()))?
        .send()
        .await
        .map_err(|_| ApiError::Unreachable)?;
    if res.ok() {
        Ok(())
    } else {
        Err(ApiError::Malformed(format!("revoke: HTTP {}", res.status())))
    }
}

/// The rep signs out: the tokens are forgotten on the device at once and the server is
/// asked to revoke the session, best effort. Documents still pending stay on the device.
pub fn sign_out(session: SessionContext) {
    if let Some(t) = session.tokens() {
        wasm_bindgen_futures::spawn_local(async move {
            let _ = revoke(&t.refresh_token).await;
        });
    }
    session.sign_out(SignOutReason::User);
}

/// The seller behind a fresh access token.
pub async fn seller_of(access_token: &str) -> Result<Option<Seller>, ApiError> {
    let res = Request::get(&url("/api/tgv/sellers/codeuser"))
        .header("Authorization", &format!("Bearer {access_token}"))
        .send()
        .await
        .map_err(|_| ApiError::Unreachable)?;
    let list: ListEnvelope<Seller> = read_json(res).await?;
    // A user without a seller comes back as an empty list or an item with isseller false.
    Ok(list.items.into_iter().find(|s| s.is_seller && !s.code.trim().is_empty()))
}

/// Mascate's discovery call; a real Protheus has none, which simply means "not a demo".
pub async fn about() -> Option<ServerAbout> {
    let res = Request::get(&url("/api/mascate/v1/about")).send().await.ok()?;
    if !res.ok() {
        return None;
    }
    res.json().await.ok()
}
