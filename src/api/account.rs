//! The rep's own data and account (Mascate extensions, issue 25): the seller's record as the
//! ERP has it, the account's e-mail and language, and the password change.

use gloo_net::http::{Method, RequestBuilder};
use mascate_domain::contract::{Account, AccountPatch, PasswordChange, SellerProfile};

use super::{server_error, url, Api, ApiError};

/// Why the ERP did not change the password.
#[derive(Debug, Clone, PartialEq)]
pub enum PasswordRefusal {
    /// 403: the current password does not match.
    WrongCurrent,
    /// 400: the new one breaks a rule (the ERP's words).
    Weak(String),
    /// 429: the login throttle is locked for this many seconds.
    Throttled(u32),
    /// Anything else (no answer, signed out, an error of the server).
    Other(ApiError),
}

impl Api {
    /// `GET /api/mascate/v1/sellers/me`.
    pub async fn seller_me(&self) -> Result<SellerProfile, ApiError> {
        self.get_json("/api/mascate/v1/sellers/me", &[]).await
    }

    /// `GET /api/mascate/v1/account`.
    pub async fn account(&self) -> Result<Account, ApiError> {
        self.get_json("/api/mascate/v1/account", &[]).await
    }

    /// `PATCH /api/mascate/v1/account`: answers the account as it now is.
    pub async fn update_account(&self, patch: &AccountPatch) -> Result<Account, ApiError> {
        let body = serde_json::to_value(patch).map_err(|e| ApiError::Malformed(e.to_string()))?;
        self.send_json(Method::PATCH, "/api/mascate/v1/account", &body).await
    }

    /// `POST /api/mascate/v1/account/password`. This session keeps its tokens; the ERP ends
    /// the user's other sessions.
    pub async fn change_password(&self, change: &PasswordChange) -> Result<(), PasswordRefusal> {
        let text =
            serde_json::to_string(change).map_err(|e| PasswordRefusal::Other(ApiError::Malformed(e.to_string())))?;
        let url = url("/api/mascate/v1/account/password");
        let res = self
            .send_authorized(|token| {
                RequestBuilder::new(&url)
                    .method(Method::POST)
                    .header("Authorization", &format!("Bearer {token}"))
                    .header("Content-Type", "application/json")
                    .body(text.clone())
            })
            .await
            .map_err(PasswordRefusal::Other)?;
        if res.ok() {
            return Ok(());
        }
        let wait = res.headers().get("Retry-After").and_then(|s| s.trim().parse::<u32>().ok());
        match (res.status(), server_error(res).await) {
            (429, _) => Err(PasswordRefusal::Throttled(wait.unwrap_or(60))),
            (403, _) => Err(PasswordRefusal::WrongCurrent),
            (400, ApiError::Server { message, .. }) => Err(PasswordRefusal::Weak(message)),
            (_, e) => Err(PasswordRefusal::Other(e)),
        }
    }
}
