//! Signing in (§2.1), finding out who we are (§2.2), and asking the stand-in server
//! whether it is a demo.

use gloo_net::http::Request;
use mascate_domain::contract::{ListEnvelope, Seller, ServerAbout, TokenResponse};

use super::{read_json, url, Api, ApiError};

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

impl Api {
    /// Re-reads the signed-in seller (used to check the session is still good).
    pub async fn who_am_i(&self) -> Result<ListEnvelope<Seller>, ApiError> {
        self.get_json("/api/tgv/sellers/codeuser", &[]).await
    }
}
