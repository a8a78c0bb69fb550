//! Authentication's parts below the routes: who is calling ([`Caller`]), tokens, the
//! password pool and the login throttle. The token endpoint (§2.1), its revocation and the
//! bearer check every `/api/tgv`, `/api/pgv` and `/api/fat` route goes through are routes
//! ([`crate::routes::tokens`]).
//!
//! Tokens are random and opaque to clients; only their SHA-256 is stored, so a copy of the
//! database gives no usable token. Passwords are stored as Argon2id hashes and checked off
//! the database ([`passwords`]); logins are throttled ([`throttle`]).

pub mod devices;
pub mod passwords;
pub mod policy;
pub mod rotation;
pub mod throttle;

use rand::RngCore;
use sha2::{Digest, Sha256};

use crate::error::{ApiError, ApiResult};

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

/// What the database keeps of a token.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// A new random token.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}
