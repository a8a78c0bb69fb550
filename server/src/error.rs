//! Errors in the contract's JSON shapes (§1.7). A server fault (500) says something generic
//! with the request's id; what went wrong inside (SQLite's text, a table's name) goes to the
//! log only, never to the client.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use mascate_domain::contract::ErrorBody;

/// A handler's failure, rendered as the contract's error JSON.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    /// Boxed: errors are rare and results should stay small.
    pub body: Box<ErrorBody>,
    /// What went wrong inside, for the log only.
    pub cause: Option<String>,
}

/// A server fault's cause, carried on the response to the layer that logs it with the
/// request's id (see [`crate::http`]).
#[derive(Debug, Clone)]
pub struct FaultCause(pub String);

/// The message of every 500.
pub const FAULT_MESSAGE: &str = "Erro interno do servidor";

impl ApiError {
    /// `{"code":n,"message":...}`, the `SetRestFault` shape.
    pub fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError { status, body: Box::new(ErrorBody::new(status.as_u16(), message)), cause: None }
    }

    /// `{"code":n,"type":"error","message":...,"detailedMessage":...}`, the TGV helper shape.
    pub fn detailed(status: StatusCode, message: impl Into<String>, detail: impl Into<String>) -> ApiError {
        ApiError { status, body: Box::new(ErrorBody::detailed(status.as_u16(), message, detail)), cause: None }
    }

    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }

    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, message)
    }

    pub fn unauthorized(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::UNAUTHORIZED, message)
    }

    /// The 403 for a user with no seller (§1.1).
    pub fn no_seller() -> ApiError {
        let mut e = ApiError::detailed(
            StatusCode::FORBIDDEN,
            "Usuário não relacionado a um Vendedor",
            "O usuário autenticado não possui um vendedor (SA3) vinculado.",
        );
        e.body.help_url = Some("https://tdn.totvs.com/x/Ro2zJg".into());
        e
    }

    /// The 403 for a missing or unreadable JSON body.
    pub fn invalid_body() -> ApiError {
        ApiError::new(
            StatusCode::FORBIDDEN,
            "Não será possivel prosseguir com a requisição, pois o Corpo está invalido.",
        )
    }

    /// A server fault: the client reads a generic message, the log reads `cause`.
    pub fn internal(cause: impl std::fmt::Display) -> ApiError {
        let mut e = ApiError::detailed(StatusCode::INTERNAL_SERVER_ERROR, FAULT_MESSAGE, "");
        e.cause = Some(cause.to_string());
        e
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.status.as_u16(), self.body.text())?;
        if let Some(cause) = &self.cause {
            write!(f, ": {cause}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ApiError {}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.status, Json(*self.body)).into_response();
        if let Some(cause) = self.cause {
            response.extensions_mut().insert(FaultCause(cause));
        }
        response
    }
}

/// What a write is answered with when the disk is full: nothing was saved, and saying so
/// plainly beats a bare "internal error".
pub const STORAGE_FULL_MESSAGE: &str =
    "O servidor está sem espaço para gravar: nada foi gravado. Tente de novo mais tarde.";

impl From<rusqlite::Error> for ApiError {
    fn from(e: rusqlite::Error) -> Self {
        if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DiskFull) {
            let mut full = ApiError::new(StatusCode::INSUFFICIENT_STORAGE, STORAGE_FULL_MESSAGE);
            full.cause = Some(e.to_string());
            return full;
        }
        ApiError::internal(e)
    }
}

impl ApiError {
    /// The database could not grow (a full disk): the same write may succeed later.
    pub fn is_storage_full(&self) -> bool {
        self.status == StatusCode::INSUFFICIENT_STORAGE
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
