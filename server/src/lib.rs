//! The stand-in Protheus sales-portal server.
//!
//! It implements the part of the TGV/PGV REST contract (`shared/tgv-api.md`) that Mascate
//! speaks, over SQLite and committed demo fixtures, and serves the built app from the same
//! origin. This file only composes: the shared state is [`state`], the routes (one family per
//! file) are [`routes`], and the request plumbing they share (auth, errors, list queries) is
//! in the modules beside them, none of which imports this file.

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
pub mod input;
pub mod json;
pub mod listing;
pub mod logging;
pub mod openapi;
pub mod queue;
pub mod rate_limit;
pub mod routes;
pub mod selection;
pub mod serve;
pub mod state;
pub mod sync;
pub mod tables;
pub mod taxes;

pub use config::Config;
pub use state::AppState;

use std::sync::Arc;

use access_log::AccessLog;
use auth::Logins;
use clock::Clock;
use db::Db;
use error::StartError;

impl AppState {
    /// Opens (and on first start creates and seeds) the database named by the config.
    pub fn open(config: Config) -> Result<AppState, StartError> {
        let clock = Clock::new(config.clock_offset_secs);
        let db = Db::open(&config.database_path(), &clock)?;
        let data = fixtures::Fixtures::load(&config.fixtures_dir)?;
        db.write_blocking(|tx| fixtures::seed(tx, &data)).map_err(|e| StartError::Other(format!("seeding: {e}")))?;
        let demo_logins = Arc::new(if config.demo { data.demo_logins() } else { Vec::new() });
        let access_log = match &config.access_log {
            Some(path) => Some(
                AccessLog::open(path).map_err(|e| StartError::Other(format!("access log {}: {e}", path.display())))?,
            ),
            None => None,
        };
        let logins = Arc::new(Logins::new(&config, &clock));
        Ok(AppState {
            logins,
            db,
            clock,
            config: Arc::new(config),
            demo_logins,
            queue_wake: Arc::new(tokio::sync::Notify::new()),
            access_log,
            connections: Arc::default(),
            csp_reports: Arc::default(),
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
    let (limits, counters) = (state.config.limits(), state.connections.clone());
    serve::run(listener, app(state), limits, counters, shutdown).await
}
