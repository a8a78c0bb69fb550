//! The signed-in rep, in two parts that change at different speeds:
//!
//! - **who** is signed in ([`Identity`]): a signal, read by the shell and the pages, that
//!   changes only when someone signs in or out;
//! - the **tokens**: kept out of every signal, renewed by the API layer many times a day
//!   without re-rendering anything (a renewal must never remount the page being typed in).
//!
//! Both are kept in `localStorage`, so a reload — even with no network — opens the app where
//! the rep left it. When the ERP refuses the refresh token the session is **expired**: the
//! rep is still who they were, reads and writes go to the device, and sending waits for the
//! next sign-in (the app counts as offline meanwhile, see [`crate::connectivity`]).
//!
//! ```ignore
//! let session = use_session();
//! let seller = session.seller();                 // untracked, for a call
//! view! { <p>{move || session.identity.get().map(|i| i.seller_name)}</p> }
//! ```

use std::cell::RefCell;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::prefs;

/// Who is signed in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    pub username: String,
    /// The ERP seller code; it also names the rep's IndexedDB database.
    pub seller_code: String,
    pub seller_name: String,
}

/// The bearer tokens of a sign-in.
#[derive(Debug, Clone, PartialEq)]
pub struct Tokens {
    pub access_token: String,
    pub refresh_token: String,
    /// When the access token dies, in milliseconds since the epoch (browser clock).
    pub expires_at_ms: f64,
    /// How long the ERP said it lives, in milliseconds.
    pub lifetime_ms: f64,
}

impl Tokens {
    /// From the ERP's answer, received at `now_ms`.
    pub fn new(access_token: String, refresh_token: String, expires_in_s: u64, now_ms: f64) -> Tokens {
        let lifetime_ms = expires_in_s as f64 * 1000.0;
        Tokens { access_token, refresh_token, expires_at_ms: now_ms + lifetime_ms, lifetime_ms }
    }

    /// True when the access token is dead or about to die. The margin covers the trip to the
    /// server: 30 s, but never more than a fifth of the token's life (a 5 s token would
    /// otherwise always look expired and be renewed before every call).
    pub fn access_expired(&self, now_ms: f64) -> bool {
        let margin = (self.lifetime_ms / 5.0).clamp(0.0, 30_000.0);
        now_ms + margin >= self.expires_at_ms
    }
}

/// What `localStorage` keeps (the flat shape earlier versions wrote, so a saved session
/// survives an update).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Saved {
    #[serde(default)]
    access_token: String,
    #[serde(default)]
    refresh_token: String,
    #[serde(default)]
    expires_at_ms: f64,
    #[serde(default)]
    lifetime_ms: f64,
    username: String,
    seller_code: String,
    seller_name: String,
    /// The refresh token was refused: sending waits for a sign-in.
    #[serde(default)]
    expired: bool,
    /// The "sign in again / continue offline" question was open, not yet answered: a reload
    /// (or the app closed and opened again) asks it again.
    #[serde(default)]
    asking: bool,
}

/// Why the rep was signed out, to tell them on the login page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignOutReason {
    /// They asked.
    User,
    /// The server refused the refresh token.
    Expired,
}

thread_local! {
    // Never a signal: renewing must not wake anything that renders.
    static TOKENS: RefCell<Option<Tokens>> = const { RefCell::new(None) };
}

/// The session context.
#[derive(Clone, Copy)]
pub struct SessionContext {
    /// Who is signed in; `None` sends the shell to the login page.
    pub identity: RwSignal<Option<Identity>>,
    /// The ERP refused the refresh token: work goes on from the device; nothing is sent
    /// until the rep signs in again.
    pub expired: RwSignal<bool>,
    /// The "sign in again / continue offline" question is open.
    pub asking: RwSignal<bool>,
    pub signed_out: RwSignal<Option<SignOutReason>>,
}

impl SessionContext {
    /// The signed-in seller's code (untracked).
    pub fn seller(&self) -> Option<String> {
        self.identity.with_untracked(|i| i.as_ref().map(|i| i.seller_code.clone()))
    }

    /// The current tokens (none when signed out or expired).
    pub fn tokens(&self) -> Option<Tokens> {
        TOKENS.with(|t| t.borrow().clone())
    }

    fn save(&self) {
        let Some(id) = self.identity.get_untracked() else {
            prefs::remove(prefs::keys::SESSION);
            return;
        };
        let t = self.tokens();
        let saved = Saved {
            access_token: t.as_ref().map(|t| t.access_token.clone()).unwrap_or_default(),
            refresh_token: t.as_ref().map(|t| t.refresh_token.clone()).unwrap_or_default(),
            expires_at_ms: t.as_ref().map(|t| t.expires_at_ms).unwrap_or_default(),
            lifetime_ms: t.as_ref().map(|t| t.lifetime_ms).unwrap_or_default(),
            username: id.username,
            seller_code: id.seller_code,
            seller_name: id.seller_name,
            expired: self.expired.get_untracked(),
            asking: self.asking.get_untracked(),
        };
        prefs::set(prefs::keys::SESSION, &serde_json::to_string(&saved).unwrap_or_default());
    }

    /// A sign-in: new tokens, and the identity (left untouched when it is the same rep, so
    /// nothing re-renders).
    pub fn sign_in(&self, identity: Identity, tokens: Tokens) {
        TOKENS.with(|t| *t.borrow_mut() = Some(tokens));
        if self.identity.with_untracked(|i| i.as_ref() != Some(&identity)) {
            self.identity.set(Some(identity));
        }
        self.signed_out.set(None);
        self.asking.set(false);
        self.expired.set(false);
        self.save();
    }

    /// The tokens saved on this device for the same rep, which another tab may have renewed
    /// since this one read them (none when signed out or expired there).
    pub fn saved_tokens(&self) -> Option<Tokens> {
        let saved: Saved = serde_json::from_str(&prefs::get(prefs::keys::SESSION)?).ok()?;
        let same = self.identity.with_untracked(|i| {
            i.as_ref().is_some_and(|i| i.username == saved.username && i.seller_code == saved.seller_code)
        });
        (same && !saved.expired && !saved.refresh_token.is_empty()).then_some(Tokens {
            access_token: saved.access_token,
            refresh_token: saved.refresh_token,
            expires_at_ms: saved.expires_at_ms,
            lifetime_ms: saved.lifetime_ms,
        })
    }

    /// New tokens after a refresh. Touches no signal.
    pub fn renew(&self, tokens: Tokens) {
        TOKENS.with(|t| *t.borrow_mut() = Some(tokens));
        self.save();
    }

    /// The ERP refused the refresh token: the tokens go, the rep stays, and is asked whether
    /// to sign in again or go on offline.
    pub fn expire(&self) {
        TOKENS.with(|t| *t.borrow_mut() = None);
        if !self.expired.get_untracked() {
            self.expired.set(true);
            self.asking.set(true);
        }
        self.save();
    }

    /// Forgets the rep and the tokens. Data saved for offline use stays in the seller's
    /// database.
    pub fn sign_out(&self, reason: SignOutReason) {
        TOKENS.with(|t| *t.borrow_mut() = None);
        prefs::remove(prefs::keys::SESSION);
        self.signed_out.set(Some(reason));
        self.asking.set(false);
        self.expired.set(false);
        self.identity.set(None);
    }
}

/// Restores the saved session and provides the context.
pub fn provide_session() -> SessionContext {
    let saved = prefs::get(prefs::keys::SESSION).and_then(|s| serde_json::from_str::<Saved>(&s).ok());
    let identity = saved.as_ref().map(|s| Identity {
        username: s.username.clone(),
        seller_code: s.seller_code.clone(),
        seller_name: s.seller_name.clone(),
    });
    let expired = saved.as_ref().is_some_and(|s| s.expired || s.refresh_token.is_empty());
    let asking = expired && saved.as_ref().is_some_and(|s| s.asking);
    let tokens = saved.filter(|_| !expired).map(|s| Tokens {
        // Sessions saved before the lifetime was kept: assume the ERP's default hour.
        lifetime_ms: if s.lifetime_ms > 0.0 { s.lifetime_ms } else { 3_600_000.0 },
        access_token: s.access_token,
        refresh_token: s.refresh_token,
        expires_at_ms: s.expires_at_ms,
    });
    TOKENS.with(|t| *t.borrow_mut() = tokens);
    let ctx = SessionContext {
        identity: RwSignal::new(identity),
        expired: RwSignal::new(expired),
        asking: RwSignal::new(asking),
        signed_out: RwSignal::new(None),
    };
    provide_context(ctx);
    // The question opens or closes (answered, Escape, a sign-in): kept, so a reload asks only
    // an unanswered one (an expiry noticed just before a reload came back as the banner alone).
    Effect::watch(move || ctx.asking.get(), move |_, _, _| ctx.save(), false);
    ctx
}

pub fn use_session() -> SessionContext {
    expect_context::<SessionContext>()
}
