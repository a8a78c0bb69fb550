//! Errors in the contract's JSON shapes (§1.7), mapped in one place ([`ApiError::into_response`]).
//! A server fault (500) says something generic with the request's id; what went wrong inside
//! (SQLite's text, a table's name) goes to the log only (see [`crate::http`]), never to the
//! client.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use mascate_domain::contract::ErrorBody;
use serde::Serialize;
use serde_json::Value;

/// What the client reads: a message and, in the TGV helper shape, a detail.
#[derive(Debug, Clone)]
pub struct Message {
    pub text: String,
    /// `Some`: the `{code, type, message, detailedMessage}` shape; `None`: `{code, message}`.
    pub detail: Option<String>,
}

impl Message {
    /// A detailed message (the TGV helper shape).
    pub fn detailed(text: impl Into<String>, detail: impl Into<String>) -> Message {
        Message { text: text.into(), detail: Some(detail.into()) }
    }

    fn body(&self, code: u16) -> ErrorBody {
        match &self.detail {
            Some(detail) => ErrorBody::detailed(code, &self.text, detail),
            None => ErrorBody::new(code, &self.text),
        }
    }
}

impl From<String> for Message {
    fn from(text: String) -> Message {
        Message { text, detail: None }
    }
}

impl From<&str> for Message {
    fn from(text: &str) -> Message {
        Message::from(text.to_string())
    }
}

impl std::fmt::Display for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

/// A handler's failure, rendered as the contract's error JSON.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("400 {0}")]
    BadRequest(Message),
    #[error("401 {0}")]
    Unauthorized(Message),
    #[error("403 {0}")]
    Forbidden(Message),
    /// The 403 for a user with no seller (§1.1).
    #[error("403 {msg}", msg = NO_SELLER_MESSAGE)]
    NoSeller,
    #[error("404 {0}")]
    NotFound(Message),
    #[error("429 {0}")]
    TooMany(Message),
    /// The sales-taxes API's refusal (FWAPIManager's shape: the code as a string).
    #[error("400 {0}")]
    TaxRequest(String),
    /// The sales-taxes API's unknown order (FWAPIManager's shape).
    #[error("404 {0}")]
    TaxOrderNotFound(String),
    /// A refusal in the `{errorCode, errorMessage}` shape (the delinquency helper's).
    #[error("400 {0}")]
    ErrorCode(String),
    /// The database could not grow (a full disk): the same write may succeed later.
    #[error("507 {msg}: {0}", msg = STORAGE_FULL_MESSAGE)]
    StorageFull(#[source] rusqlite::Error),
    /// The seller's integration queue is at its quota: nothing was written.
    #[error("507 {0}")]
    QueueFull(Message),
    /// A server fault: the client reads a generic message, the log reads the cause.
    #[error("500 {msg}: {0}", msg = FAULT_MESSAGE)]
    Internal(#[source] Box<dyn std::error::Error + Send + Sync>),
}

/// A server fault's cause, carried on the response to the layer that logs it with the
/// request's id (see [`crate::http`]).
#[derive(Debug, Clone)]
pub struct FaultCause(pub String);

/// The message of every 500.
pub const FAULT_MESSAGE: &str = "Erro interno do servidor";

const NO_SELLER_MESSAGE: &str = "Usuário não relacionado a um Vendedor";

/// What a write is answered with when the disk is full: nothing was saved, and saying so
/// plainly beats a bare "internal error".
pub const STORAGE_FULL_MESSAGE: &str =
    "O servidor está sem espaço para gravar: nada foi gravado. Tente de novo mais tarde.";

impl ApiError {
    pub fn bad_request(message: impl Into<Message>) -> ApiError {
        ApiError::BadRequest(message.into())
    }

    pub fn not_found(message: impl Into<Message>) -> ApiError {
        ApiError::NotFound(message.into())
    }

    pub fn unauthorized(message: impl Into<Message>) -> ApiError {
        ApiError::Unauthorized(message.into())
    }

    /// The 403 for a missing or unreadable JSON body.
    pub fn invalid_body() -> ApiError {
        ApiError::Forbidden("Não será possivel prosseguir com a requisição, pois o Corpo está invalido.".into())
    }

    /// A server fault: the client reads a generic message, the log reads `cause`.
    pub fn internal(cause: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> ApiError {
        ApiError::Internal(cause.into())
    }

    /// The status the contract answers this error with.
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(_) | ApiError::TaxRequest(_) | ApiError::ErrorCode(_) => StatusCode::BAD_REQUEST,
            ApiError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden(_) | ApiError::NoSeller => StatusCode::FORBIDDEN,
            ApiError::NotFound(_) | ApiError::TaxOrderNotFound(_) => StatusCode::NOT_FOUND,
            ApiError::TooMany(_) => StatusCode::TOO_MANY_REQUESTS,
            ApiError::StorageFull(_) | ApiError::QueueFull(_) => StatusCode::INSUFFICIENT_STORAGE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The contract's JSON body for this error.
    pub fn body(&self) -> ErrorJson {
        let code = self.status().as_u16();
        let body = match self {
            ApiError::BadRequest(m)
            | ApiError::Unauthorized(m)
            | ApiError::Forbidden(m)
            | ApiError::NotFound(m)
            | ApiError::TooMany(m)
            | ApiError::QueueFull(m) => m.body(code),
            ApiError::NoSeller => {
                let detail = "O usuário autenticado não possui um vendedor (SA3) vinculado.";
                let mut body = ErrorBody::detailed(code, NO_SELLER_MESSAGE, detail);
                body.help_url = Some("https://tdn.totvs.com/x/Ro2zJg".into());
                body
            }
            ApiError::TaxRequest(detail) => {
                tax_fault(code, "Erro na requisição de Impostos do Pedido de Venda!", detail)
            }
            ApiError::TaxOrderNotFound(detail) => tax_fault(code, "Pedido de Venda não encontrado!", detail),
            ApiError::ErrorCode(message) => return ErrorJson::Code { code, message: message.clone() },
            ApiError::StorageFull(_) => ErrorBody::new(code, STORAGE_FULL_MESSAGE),
            ApiError::Internal(_) => ErrorBody::detailed(code, FAULT_MESSAGE, ""),
        };
        ErrorJson::Contract(body)
    }

    /// What went wrong inside, for the log only.
    pub fn cause(&self) -> Option<String> {
        match self {
            ApiError::StorageFull(e) => Some(e.to_string()),
            ApiError::Internal(e) => Some(e.to_string()),
            _ => None,
        }
    }

    /// The database could not grow (a full disk): the same write may succeed later.
    pub fn is_storage_full(&self) -> bool {
        matches!(self, ApiError::StorageFull(_))
    }
}

/// An error's JSON: the contract's common shapes, or the `{errorCode, errorMessage}` one.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum ErrorJson {
    Contract(ErrorBody),
    Code {
        #[serde(rename = "errorCode")]
        code: u16,
        #[serde(rename = "errorMessage")]
        message: String,
    },
}

/// FWAPIManager's error: `{"code":"400","message":...,"detailedMessage":...}`.
fn tax_fault(code: u16, message: &str, detail: &str) -> ErrorBody {
    ErrorBody {
        code: Value::String(code.to_string()),
        message: Some(message.into()),
        detailed_message: Some(detail.into()),
        ..ErrorBody::default()
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.status(), Json(self.body())).into_response();
        if let Some(cause) = self.cause() {
            response.extensions_mut().insert(FaultCause(cause));
        }
        response
    }
}

impl From<rusqlite::Error> for ApiError {
    fn from(e: rusqlite::Error) -> Self {
        if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DiskFull) {
            return ApiError::StorageFull(e);
        }
        ApiError::internal(e)
    }
}

pub type ApiResult<T> = Result<T, ApiError>;

/// Why the server could not start (the database, the fixtures, the access log), said in one
/// line by the binary.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("database: {0}")]
    Database(#[from] rusqlite::Error),
    #[error("i/o: {0}")]
    Io(#[from] std::io::Error),
    #[error("json: {0}")]
    Json(#[from] serde_json::Error),
    #[error("{0}")]
    Other(String),
}
