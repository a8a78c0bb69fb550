//! What every response goes through, outside the routes: a request id (`x-request-id`),
//! one log line per request (method, route, status, latency, seller, request id), server
//! faults turned generic (the cause goes to the log with the id, the client gets the id),
//! errors in the contract's JSON even when axum or a layer made them (413, 405, a panic),
//! `WWW-Authenticate` on 401s, `no-store` on the API, and strict security headers on
//! everything (see [`csp`]).

pub mod csp;

use std::convert::Infallible;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{MatchedPath, Request};
use axum::http::header::{self, HeaderName, HeaderValue};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Router;
use mascate_domain::contract::ErrorBody;
use tower::util::BoxCloneService;
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::normalize_path::NormalizePathLayer;
use tower_http::request_id::{MakeRequestId, PropagateRequestIdLayer, RequestId, SetRequestIdLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;
use tracing::{field, info_span, Span};

use crate::error::{FaultCause, FAULT_MESSAGE};
use crate::serve::slow_body::SlowBody;

/// The whole application as one service: routes plus everything above.
pub type AppService = BoxCloneService<Request, Response, Infallible>;

/// Request ids: a random prefix per process and a counter, short enough to read aloud.
#[derive(Clone)]
struct MakeId {
    prefix: u32,
    next: Arc<AtomicU64>,
}

impl MakeRequestId for MakeId {
    fn make_request_id<B>(&mut self, _: &axum::http::Request<B>) -> Option<RequestId> {
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        HeaderValue::from_str(&format!("{:08x}-{n}", self.prefix)).ok().map(RequestId::new)
    }
}

fn request_id(headers: &axum::http::HeaderMap) -> String {
    headers.get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("-").to_string()
}

/// Wraps the routes with the layers of this module. `policy` is the Content-Security-Policy.
pub fn wrap(routes: Router, policy: HeaderValue) -> AppService {
    let routes = routes.layer(axum::middleware::from_fn(answer_slow_bodies)).layer(
        TraceLayer::new_for_http()
            .make_span_with(|req: &Request| {
                let route = req.extensions().get::<MatchedPath>().map(|p| p.as_str().to_string());
                info_span!(
                    "request",
                    method = %req.method(),
                    route = route.as_deref().unwrap_or("(static)"),
                    request_id = %request_id(req.headers()),
                    seller = field::Empty,
                )
            })
            .on_request(())
            .on_response(|res: &Response, latency: Duration, _: &Span| {
                tracing::info!(status = res.status().as_u16(), latency_ms = latency.as_secs_f64() * 1e3, "answered");
            })
            .on_failure(()),
    );
    let header = |name: HeaderName, value: &'static str| {
        SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
    };
    let service = ServiceBuilder::new()
        .layer(SetRequestIdLayer::x_request_id(MakeId { prefix: rand::random(), next: Arc::new(AtomicU64::new(1)) }))
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(SetResponseHeaderLayer::if_not_present(header::CONTENT_SECURITY_POLICY, policy))
        .layer(header(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(header(header::X_FRAME_OPTIONS, "DENY"))
        .layer(header(header::REFERRER_POLICY, "no-referrer"))
        .layer(header(HeaderName::from_static("permissions-policy"), csp::PERMISSIONS_POLICY))
        .layer(header(HeaderName::from_static("cross-origin-opener-policy"), "same-origin"))
        .layer(header(HeaderName::from_static("cross-origin-resource-policy"), "same-origin"))
        .layer(axum::middleware::from_fn(contract_errors))
        .layer(CatchPanicLayer::custom(|_: Box<dyn std::any::Any + Send>| {
            let mut res = StatusCode::INTERNAL_SERVER_ERROR.into_response();
            res.extensions_mut().insert(FaultCause("panic in a handler".into()));
            res
        }))
        .layer(NormalizePathLayer::trim_trailing_slash())
        .service(routes);
    BoxCloneService::new(service)
}

/// A request whose body was cut for arriving too slowly ([`crate::serve::slow_body`]) is
/// answered 408, whatever its handler made of the failed read.
async fn answer_slow_bodies(req: Request, next: Next) -> Response {
    let cut = req.extensions().get::<SlowBody>().cloned();
    let res = next.run(req).await;
    if !cut.is_some_and(|c| c.is_cut()) {
        return res;
    }
    let message = "Tempo de requisição esgotado: o corpo da requisição chegou devagar demais.";
    (StatusCode::REQUEST_TIMEOUT, axum::Json(ErrorBody::new(408, message))).into_response()
}

/// The message of an error status that no handler worded (axum's rejections, layers).
fn default_message(status: StatusCode) -> &'static str {
    match status {
        StatusCode::PAYLOAD_TOO_LARGE => "Corpo da requisição maior que o permitido.",
        StatusCode::METHOD_NOT_ALLOWED => "Método não permitido para este recurso.",
        StatusCode::NOT_FOUND => "Recurso não encontrado.",
        StatusCode::UNSUPPORTED_MEDIA_TYPE => "Tipo de conteúdo não suportado.",
        StatusCode::REQUEST_TIMEOUT => "Tempo de requisição esgotado.",
        StatusCode::TOO_MANY_REQUESTS => "Muitas requisições. Tente novamente mais tarde.",
        StatusCode::UNAUTHORIZED => "Não autorizado.",
        _ => "Requisição inválida.",
    }
}

/// Server faults become generic with the request id (the cause is logged); API errors
/// that are not JSON become the contract's `{code, message}`; 401s carry
/// `WWW-Authenticate: Bearer` (RFC 6750); API answers are never cached.
async fn contract_errors(req: Request, next: Next) -> Response {
    let id = request_id(req.headers());
    let api = req.uri().path().starts_with("/api/");
    let had_token = req.headers().contains_key(header::AUTHORIZATION);
    let (method, path) = (req.method().clone(), req.uri().path().to_string());
    let mut res = next.run(req).await;
    let status = res.status();
    let cause = res.extensions().get::<FaultCause>().map(|c| c.0.clone());
    if cause.is_some() || status == StatusCode::INTERNAL_SERVER_ERROR {
        let cause = cause.unwrap_or_else(|| "unknown".into());
        tracing::error!(request_id = %id, %method, path, status = status.as_u16(), cause, "server fault");
        let body = ErrorBody::detailed(status.as_u16(), FAULT_MESSAGE, format!("Informe o código {id} ao suporte."));
        res = replace_body(res, &body);
    } else if api && (status.is_client_error() || status.is_server_error()) && !is_json(&res) {
        res = replace_body(res, &ErrorBody::new(status.as_u16(), default_message(status)));
    }
    if api {
        let headers = res.headers_mut();
        headers.entry(header::CACHE_CONTROL).or_insert(HeaderValue::from_static("no-store"));
        if status == StatusCode::UNAUTHORIZED && !headers.contains_key(header::WWW_AUTHENTICATE) {
            let value = if had_token {
                r#"Bearer realm="mascate", error="invalid_token""#
            } else {
                r#"Bearer realm="mascate""#
            };
            headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static(value));
        }
    }
    res
}

fn is_json(res: &Response) -> bool {
    res.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"))
}

/// The response with `body` as its JSON body, headers and status kept.
fn replace_body(res: Response, body: &ErrorBody) -> Response {
    let (mut parts, _) = res.into_parts();
    let json = serde_json::to_vec(body).unwrap_or_default();
    parts.headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    parts.headers.remove(header::CONTENT_LENGTH);
    // The body this replaces may have been compressed on its way out (crate::compression).
    parts.headers.remove(header::CONTENT_ENCODING);
    Response::from_parts(parts, Body::from(json))
}
