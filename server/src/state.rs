//! What every handler shares ([`AppState`]). The modules below the routes take their state
//! from here, never from the crate's root (which opens it: [`AppState::open`]).

use std::sync::Arc;

use crate::access_log::AccessLog;
use crate::auth::Logins;
use crate::clock::Clock;
use crate::config::Config;
use crate::db::Db;

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub clock: Clock,
    pub config: Arc<Config>,
    /// The demo logins shown on the login page (empty outside demo mode).
    pub demo_logins: Arc<Vec<mascate_domain::contract::DemoLogin>>,
    /// Wakes the integration-queue job after a write.
    pub queue_wake: Arc<tokio::sync::Notify>,
    /// Where each request is logged, when asked for (`--access-log`).
    pub access_log: Option<AccessLog>,
    /// Login throttling and the password checkers.
    pub logins: Arc<Logins>,
    /// What the accept loop counts (slow bodies cut, connections let go).
    pub connections: Arc<crate::serve::Counters>,
    /// The CSP report endpoint's budgets and the reports already kept.
    pub csp_reports: Arc<crate::routes::csp_reports::CspReports>,
}
