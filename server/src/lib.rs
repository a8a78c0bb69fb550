//! The stand-in Protheus sales-portal server.
//!
//! It implements the part of the TGV/PGV REST contract (`shared/tgv-api.md`) that Mascate
//! speaks, over SQLite and committed demo fixtures, and serves the built app from the same
//! origin. Routes live one family per file under [`routes`]; the request plumbing shared by
//! all of them (auth, errors, list queries) lives beside this file.

pub mod access_log;
pub mod accounts;
pub mod auth;
pub mod clock;
pub mod compression;
pub mod config;
pub mod db;
pub mod erp;
pub mod error;
pub mod fixtures;
pub mod http;
pub mod json;
pub mod listing;
pub mod openapi;
pub mod queue;
pub mod routes;
pub mod selection;
pub mod serve;
pub mod sync;
pub mod taxes;

use std::sync::Arc;

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
    /// Where each request is logged, when asked for (`--access-log`).
    pub access_log: Option<access_log::AccessLog>,
    /// Login throttling and the password checkers.
    pub logins: Arc<auth::Logins>,
}

impl AppState {
    /// Opens (and on first start creates and seeds) the database named by the config.
    pub fn open(config: Config) -> anyhow_lite::Result<AppState> {
        let clock = clock::Clock::new(config.clock_offset_secs);
        let db = db::Db::open(&config.database_path(), &clock)?;
        let data = fixtures::Fixtures::load(&config.fixtures_dir)?;
        db.run_blocking(|tx| fixtures::seed(tx, &data))
            .map_err(|e| anyhow_lite::Error(format!("seeding: {}", e.body.text())))?;
        let demo_logins = Arc::new(if config.demo { data.demo_logins() } else { Vec::new() });
        let access_log = match &config.access_log {
            Some(path) => Some(
                access_log::AccessLog::open(path)
                    .map_err(|e| anyhow_lite::Error(format!("access log {}: {e}", path.display())))?,
            ),
            None => None,
        };
        let logins = Arc::new(auth::Logins::new(&config, &clock));
        Ok(AppState {
            logins,
            db,
            clock,
            config: Arc::new(config),
            demo_logins,
            queue_wake: Arc::new(tokio::sync::Notify::new()),
            access_log,
        })
    }
}

/// The whole HTTP application: the contract's API plus the built app, with the layers of
/// [`http`] (request ids, logs, contract errors, security headers).
pub fn app(state: AppState) -> http::AppService {
    let policy = http::csp::header(&state.config.dist_dir);
    http::wrap(routes::router(state), policy)
}

/// Serves the application on `listener` with the config's limits until `shutdown`.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()>,
) -> std::io::Result<()> {
    let limits = state.config.limits();
    serve::run(listener, app(state), limits, shutdown).await
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
