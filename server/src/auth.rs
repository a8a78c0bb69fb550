//! Authentication: the framework's token endpoint (§2.1) and the bearer check every
//! `/api/tgv`, `/api/pgv` and `/api/fat` route goes through.
//!
//! Tokens are random and opaque to clients; only their SHA-256 is stored, so a copy of the
//! database gives no usable token. Passwords are stored as Argon2id hashes and checked off
//! the database ([`passwords`]); logins are throttled ([`throttle`]); grants, rotation and
//! revocation live in [`grants`].

pub mod grants;
pub mod passwords;
pub mod throttle;

pub use grants::{revoke, token};

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use rand::RngCore;
use rusqlite::{params, OptionalExtension};
use sha2::{Digest, Sha256};

use crate::error::{ApiError, ApiResult};
use crate::state::AppState;

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
        self.seller.as_deref().ok_or(ApiError::NoSeller)
    }
}

pub use passwords::hash_password;

/// What the password grant goes through: the throttle and the password checkers.
pub struct Logins {
    pub throttle: throttle::Throttle,
    pub checker: passwords::Checker,
}

impl Logins {
    pub fn new(config: &crate::config::Config, clock: &crate::clock::Clock) -> Logins {
        let policy = throttle::Policy {
            lockout_failures: config.lockout_failures.max(1),
            lockout_secs: config.lockout_minutes.max(0) * 60,
            address_failures: config.address_failures.max(1),
            address_window_secs: 5 * 60,
        };
        let workers = config.password_workers.max(1);
        Logins {
            throttle: throttle::Throttle::new(policy, clock.clone()),
            checker: passwords::Checker::new(workers, 64),
        }
    }
}

fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
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
