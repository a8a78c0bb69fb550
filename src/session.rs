//! The signed-in rep: tokens and seller, kept in `localStorage` so that a reload — even
//! with no network — opens the app where the rep left it.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::prefs;

/// What we remember about a sign-in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub access_token: String,
    pub refresh_token: String,
    /// When the access token dies, in milliseconds since the epoch (browser clock).
    pub expires_at_ms: f64,
    pub username: String,
    /// The ERP seller code; it also names the rep's IndexedDB database.
    pub seller_code: String,
    pub seller_name: String,
}

impl Session {
    /// True when the access token is dead or about to die (30 s margin for the trip).
    pub fn access_expired(&self, now_ms: f64) -> bool {
        now_ms + 30_000.0 >= self.expires_at_ms
    }
}

/// Why the rep was signed out, to tell them on the login page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignOutReason {
    /// They asked.
    User,
    /// The server refused the refresh token.
    Expired,
}

/// The session context.
#[derive(Clone, Copy)]
pub struct SessionContext {
    pub current: RwSignal<Option<Session>>,
    pub signed_out: RwSignal<Option<SignOutReason>>,
}

impl SessionContext {
    pub fn sign_in(&self, session: Session) {
        prefs::set(prefs::keys::SESSION, &serde_json::to_string(&session).unwrap_or_default());
        self.signed_out.set(None);
        self.current.set(Some(session));
    }

    /// Forgets the tokens. Data saved for offline use stays in the seller's database.
    pub fn sign_out(&self, reason: SignOutReason) {
        prefs::remove(prefs::keys::SESSION);
        self.signed_out.set(Some(reason));
        self.current.set(None);
    }

    /// Replaces the tokens after a refresh, keeping who is signed in.
    pub fn renew(&self, access_token: String, refresh_token: String, expires_at_ms: f64) {
        if let Some(mut s) = self.current.get_untracked() {
            s.access_token = access_token;
            s.refresh_token = refresh_token;
            s.expires_at_ms = expires_at_ms;
            self.sign_in(s);
        }
    }
}

/// Restores the saved session and provides the context.
pub fn provide_session() -> SessionContext {
    let saved = prefs::get(prefs::keys::SESSION).and_then(|s| serde_json::from_str::<Session>(&s).ok());
    let ctx = SessionContext { current: RwSignal::new(saved), signed_out: RwSignal::new(None) };
    provide_context(ctx);
    ctx
}

pub fn use_session() -> SessionContext {
    expect_context::<SessionContext>()
}
