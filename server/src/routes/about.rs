//! `GET /api/mascate/v1/about`: Mascate's own discovery call. Only the stand-in server has
//! it, so against a real Protheus the app gets a 404 and shows no demo logins.

use axum::extract::State;
use axum::Json;
use mascate_domain::contract::ServerAbout;

use crate::state::AppState;

pub async fn about(State(state): State<AppState>) -> Json<ServerAbout> {
    Json(ServerAbout {
        demo: state.config.demo,
        logins: if state.config.demo { state.demo_logins.as_ref().clone() } else { Vec::new() },
    })
}
