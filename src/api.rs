//! Requests to the Protheus sales-portal REST API (`shared/tgv-api.md`).
//!
//! [`Api`] owns the plumbing every call shares: the base URL (this app's origin by default,
//! or the company's Protheus REST root), the bearer token and its refresh, and telling the
//! connectivity context whether the server answered. The calls themselves live one family
//! per file beside this one.

pub mod account;
pub mod auth;
pub mod catalog;
pub mod customers;
pub mod documents;
pub mod finance;
pub mod industry;
pub mod notifications;
pub mod releases;
pub mod sales;
pub mod seller_filters;
pub mod tasks;

use std::cell::RefCell;

use futures::future::{FutureExt, LocalBoxFuture, Shared};
use gloo_net::http::{Request, RequestBuilder, Response};
use leptos::prelude::*;
use mascate_domain::contract::ErrorBody;
use serde::de::DeserializeOwned;

use crate::connectivity::{use_connectivity, Connectivity};
use crate::session::{use_session, SessionContext, Tokens};

/// Why a call failed, in terms the pages can act on.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// No answer at all: no network, or the server is down.
    Unreachable,
    /// The session is over; the rep must sign in again.
    SignedOut,
    /// The server answered with an error.
    Server { status: u16, message: String, detail: Option<String> },
    /// The server answered something we cannot read.
    Malformed(String),
    /// The ERP has no Mascate extension for this (a Protheus without it answers 404 on
    /// `/api/mascate/…` and has no `about`): the page says the view needs Mascate's server.
    NoExtension,
}

impl ApiError {
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Server { status, .. } => Some(*status),
            _ => None,
        }
    }
}

pub use crate::endpoint::{base_url, set_base_url, url};

/// Percent-encodes a path segment.
pub(crate) fn encode(segment: &str) -> String {
    js_sys::encode_uri_component(segment).into()
}

/// Milliseconds since the epoch, the browser's clock.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Reads an error response in any of the contract's shapes.
async fn server_error(res: Response) -> ApiError {
    let status = res.status();
    if status == 404 && res.url().contains("/api/mascate/") && !has_extensions().await {
        return ApiError::NoExtension;
    }
    let text = res.text().await.unwrap_or_default();
    let body: ErrorBody = parse_json(&text).unwrap_or_default();
    let message = body.text();
    let message = if message.is_empty() { format!("HTTP {status}") } else { message };
    ApiError::Server { status, message, detail: body.detail() }
}

thread_local! {
    /// Whether the ERP answers Mascate's `about` (asked once, after the first 404 on an
    /// extension's path).
    static EXTENSIONS: std::cell::Cell<Option<bool>> = const { std::cell::Cell::new(None) };
}

/// Whether the ERP has Mascate's extensions: a 404 on one of their paths is then the
/// extension's own answer ("no such task"), not a missing route. No answer counts as yes, so
/// that a dropped connection never reads as a missing extension.
async fn has_extensions() -> bool {
    if let Some(known) = EXTENSIONS.with(|e| e.get()) {
        return known;
    }
    let known = match Request::get(&url("/api/mascate/v1/about")).send().await {
        Ok(res) => res.ok(),
        Err(_) => return true,
    };
    EXTENSIONS.with(|e| e.set(Some(known)));
    known
}

/// Reads a JSON body as `T` with the browser's JSON parser and the same reader as the stored
/// rows (serde_wasm_bindgen): a second JSON parser instantiated for every contract type was
/// about a tenth of the app's wasm (docs/size.md).
fn parse_json<T: DeserializeOwned>(text: &str) -> Result<T, ApiError> {
    let value = js_sys::JSON::parse(text).map_err(|_| ApiError::Malformed("not JSON".into()))?;
    serde_wasm_bindgen::from_value(value).map_err(|e| ApiError::Malformed(e.to_string()))
}

async fn read_json<T: DeserializeOwned>(res: Response) -> Result<T, ApiError> {
    if !res.ok() {
        return Err(server_error(res).await);
    }
    let text = res.text().await.map_err(|_| ApiError::Unreachable)?;
    parse_json(&text)
}

type Renewal = Shared<LocalBoxFuture<'static, Result<(), ApiError>>>;

thread_local! {
    // Refresh tokens rotate: two renewals at once would burn each other's token. So there is
    // at most one in flight, and every caller that needs one awaits that same one.
    static RENEWAL: RefCell<Option<Renewal>> = const { RefCell::new(None) };
}

/// The Web Lock every tab renews the tokens under.
const REFRESH_LOCK: &str = "mascate-token-refresh";
/// Waits before asking again when a refresh got no answer while the device has a network
/// (an answer lost on the way: well within the server's 30-second grace). Short, because
/// every request of the moment waits on it: with the ERP down, the pages fall back to the
/// device's copy two seconds later, not twelve (next_day.spec).
const LOST_ANSWER_RETRIES_MS: [u32; 2] = [500, 1_500];

/// The request context: pages call `use_api()` and then a typed call such as
/// [`Api::customers`].
#[derive(Clone, Copy)]
pub struct Api {
    session: SessionContext,
    connectivity: Connectivity,
}

impl Api {
    /// Sends `build(token)` with a live access token, renewing it first when it is about to
    /// expire, and once more if the server still says 401 to the token it was sent.
    async fn send_authorized(
        &self,
        build: impl Fn(&str) -> Result<Request, gloo_net::Error>,
    ) -> Result<Response, ApiError> {
        let mut renewed = false;
        loop {
            let tokens = self.session.tokens().ok_or(ApiError::SignedOut)?;
            if tokens.access_expired(now_ms()) && !renewed {
                self.renew().await?;
                renewed = true;
                continue;
            }
            let request = build(&tokens.access_token).map_err(|e| ApiError::Malformed(e.to_string()))?;
            let res = request.send().await;
            let res = match res {
                Ok(r) => r,
                Err(_) => {
                    self.connectivity.report_server(false);
                    return Err(ApiError::Unreachable);
                }
            };
            self.connectivity.report_server(true);
            if res.status() == 401 && !renewed {
                // Someone else may have renewed while this request was out: use theirs.
                let current = self.session.tokens().map(|t| t.access_token);
                if current.as_deref() == Some(tokens.access_token.as_str()) {
                    self.renew().await?;
                }
                renewed = true;
                continue;
            }
            if res.status() == 401 {
                self.session.expire();
                return Err(ApiError::SignedOut);
            }
            return Ok(res);
        }
    }

    /// Trades the refresh token for new tokens, sharing the renewal already in flight if
    /// there is one; expires the session if the server refuses the token.
    async fn renew(&self) -> Result<(), ApiError> {
        let this = *self;
        let renewal = RENEWAL.with(|r| {
            r.borrow_mut()
                .get_or_insert_with(|| {
                    async move {
                        let out = this.renew_now().await;
                        // Cleared by the renewal itself, exactly once, when it is done.
                        RENEWAL.with(|r| *r.borrow_mut() = None);
                        out
                    }
                    .boxed_local()
                    .shared()
                })
                .clone()
        });
        renewal.await
    }

    /// One renewal across every tab of the device (a Web Lock): a tab that waited for
    /// another's takes the tokens that one saved instead of spending the same refresh token.
    async fn renew_now(&self) -> Result<(), ApiError> {
        let tokens = self.session.tokens().ok_or(ApiError::SignedOut)?;
        let this = *self;
        crate::device::tabs::queued(REFRESH_LOCK, async move {
            if let Some(saved) = this.session.saved_tokens().filter(|t| t.refresh_token != tokens.refresh_token) {
                this.session.renew(saved);
                return Ok(());
            }
            this.refresh_once(&tokens.refresh_token).await
        })
        .await
    }

    /// Trades `refresh_token`, asking again after an answer lost on the way: within the
    /// server's grace the same token answers the same new pair (server/README.md).
    async fn refresh_once(&self, refresh_token: &str) -> Result<(), ApiError> {
        let mut answer = auth::refresh(refresh_token).await;
        for wait_ms in LOST_ANSWER_RETRIES_MS {
            if !matches!(answer, Err(ApiError::Unreachable)) || !self.connectivity.has_network() {
                break;
            }
            gloo_timers::future::TimeoutFuture::new(wait_ms).await;
            answer = auth::refresh(refresh_token).await;
        }
        match answer {
            Ok(t) => {
                self.connectivity.report_server(true);
                self.session.renew(Tokens::new(t.access_token, t.refresh_token, t.expires_in, now_ms()));
                Ok(())
            }
            Err(ApiError::Unreachable) => {
                self.connectivity.report_server(false);
                Err(ApiError::Unreachable)
            }
            Err(ApiError::Server { status: 400 | 401, .. }) => {
                self.session.expire();
                Err(ApiError::SignedOut)
            }
            Err(e) => Err(e),
        }
    }

    /// An authorized GET returning JSON.
    pub async fn get_json<T: DeserializeOwned>(&self, path: &str, query: &[(&str, String)]) -> Result<T, ApiError> {
        parse_json(&self.get_text(path, query).await?)
    }

    /// An authorized GET returning the body as text (pages parsed by the browser itself).
    pub async fn get_text(&self, path: &str, query: &[(&str, String)]) -> Result<String, ApiError> {
        let url = url(path);
        let res = self
            .send_authorized(|token| {
                Request::get(&url)
                    .header("Authorization", &format!("Bearer {token}"))
                    .query(query.iter().map(|(k, v)| (*k, v.as_str())))
                    .build()
            })
            .await?;
        if !res.ok() {
            return Err(server_error(res).await);
        }
        res.text().await.map_err(|_| ApiError::Unreachable)
    }
}

/// Provides the request context (needs the session and connectivity contexts).
impl Api {
    /// Sends `body` as JSON with `method` (POST, PUT, DELETE) and reads the JSON answer.
    pub async fn send_json<T: DeserializeOwned>(
        &self,
        method: gloo_net::http::Method,
        path: &str,
        body: &serde_json::Value,
    ) -> Result<T, ApiError> {
        let url = url(path);
        let text = body.to_string();
        let res = self
            .send_authorized(|token| {
                RequestBuilder::new(&url)
                    .method(method.clone())
                    .header("Authorization", &format!("Bearer {token}"))
                    .header("Content-Type", "application/json")
                    .body(text.clone())
            })
            .await?;
        read_json(res).await
    }
}

pub fn provide_api() -> Api {
    let api = Api { session: use_session(), connectivity: use_connectivity() };
    provide_context(api);
    api
}

pub fn use_api() -> Api {
    expect_context::<Api>()
}
