//! `GET /api/mascate/v1/about`: Mascate's own discovery call. Only the stand-in server has
//! it, so against a real Protheus the app gets a 404 and shows no demo logins.
//!
//! A demo seller who changed their password (`POST /api/mascate/v1/account/password`) is left
//! out of the list: the fixture's password no longer opens that account, and the page must not
//! show one that fails. The change is kept in the database (a restart does not undo it).

use axum::extract::State;
use axum::Json;
use mascate_domain::contract::ServerAbout;
use rusqlite::OptionalExtension;

use crate::error::ApiResult;
use crate::state::AppState;

pub async fn about(State(state): State<AppState>) -> ApiResult<Json<ServerAbout>> {
    if !state.config.demo {
        return Ok(Json(ServerAbout { demo: false, logins: Vec::new() }));
    }
    let logins = state.demo_logins.clone();
    let usable = state
        .db
        .read(move |tx| {
            let mut still_demo = tx.conn.prepare_cached("SELECT demo_password FROM users WHERE username = ?1")?;
            let mut out = Vec::new();
            for login in logins.iter() {
                let demo: Option<bool> = still_demo.query_row([&login.username], |r| r.get(0)).optional()?;
                if demo == Some(true) {
                    out.push(login.clone());
                }
            }
            Ok(out)
        })
        .await?;
    Ok(Json(ServerAbout { demo: true, logins: usable }))
}
