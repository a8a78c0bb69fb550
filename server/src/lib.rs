//! The stand-in Protheus sales-portal server.
//!
//! It implements the part of the TGV/PGV REST contract (`shared/tgv-api.md`) that Mascate
//! speaks, over SQLite and committed demo fixtures, and serves the built app from the same
//! origin. Routes live one family per file under [`routes`]; the request plumbing shared by
//! all of them (auth, errors, list queries) lives beside this file.

pub mod auth;
pub mod clock;
pub mod compression;
pub mod config;
pub mod db;
pub mod erp;
pub mod error;
pub mod fixtures;
pub mod listing;
pub mod openapi;
pub mod queue;
pub mod routes;
pub mod selection;
pub mod sync;
pub mod taxes;

use std::sync::Arc;

use axum::Router;

pub use config::Config;

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    pub db: db::Db,
    pub clock: clock::Clock,
    pub config: Arc<Config>,
    /// The demo logins shown on the login page (empty outside demo mode).
    pub demo_logins: Arc<Vec<mascate_domain::contract::DemoLogin>>,
    /// Wakes the integration-queue job after a write.
    pub queue_wake: Arc<tokio::sync::Notify>,
}

impl AppState {
    /// Opens (and on first start creates and seeds) the database named by the config.
    pub fn open(config: Config) -> anyhow_lite::Result<AppState> {
        let clock = clock::Clock::new(config.clock_offset_secs);
        let db = db::Db::open(&config.database_path(), &clock)?;
        let data = fixtures::Fixtures::load(&config.fixtures_dir)?;
        db.seed(&data)?;
        let demo_logins = Arc::new(if config.demo { data.demo_logins() } else { Vec::new() });
        Ok(AppState {
            db,
            clock,
            config: Arc::new(config),
            demo_logins,
            queue_wake: Arc::new(tokio::sync::Notify::new()),
        })
    }
}

/// The whole HTTP application: the contract's API plus the built app.
pub fn app(state: AppState) -> tower_http::normalize_path::NormalizePath<Router> {
    routes::router(state)
}

/// A tiny error type for start-up paths, so the binary can print one clear line.
pub mod anyhow_lite {
    pub type Result<T> = std::result::Result<T, Error>;

    #[derive(Debug)]
    pub struct Error(pub String);

    impl std::fmt::Display for Error {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(&self.0)
        }
    }

    impl std::error::Error for Error {}

    impl From<rusqlite::Error> for Error {
        fn from(e: rusqlite::Error) -> Self {
            Error(format!("database: {e}"))
        }
    }
    impl From<std::io::Error> for Error {
        fn from(e: std::io::Error) -> Self {
            Error(format!("i/o: {e}"))
        }
    }
    impl From<serde_json::Error> for Error {
        fn from(e: serde_json::Error) -> Self {
            Error(format!("json: {e}"))
        }
    }
}
