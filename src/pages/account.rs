//! Minha conta (`/account`): the rep's registration as the ERP has it (the seller, SA3), the
//! account's e-mail and language, and the password change. Online only: offline it shows the
//! registration read earlier in this session (or says that it needs the connection), and its
//! forms are disabled with a word saying why.

mod password;
mod preferences;
mod registration;

use std::cell::RefCell;

use leptos::prelude::*;
use mascate_domain::contract::{Account, SellerProfile};

use crate::api::{use_api, Api, ApiError};
use crate::components::loaded::Loaded;
use crate::connectivity::use_connectivity;
use crate::i18n::{use_i18n, Msg};
use crate::session::use_session;
use password::PasswordForm;
use preferences::PreferencesForm;
use registration::Registration;

/// What the page shows: the seller's record and the account, as last read.
#[derive(Clone, PartialEq)]
struct Mine {
    seller: SellerProfile,
    account: Account,
}

thread_local! {
    /// The last read of this session, with the user it belongs to: shown offline.
    static LAST_READ: RefCell<Option<(String, Mine)>> = const { RefCell::new(None) };
}

/// The copy read earlier in this session by `user`, if any.
fn last_read(user: &str) -> Option<Mine> {
    LAST_READ.with(|r| r.borrow().as_ref().filter(|(u, _)| u == user).map(|(_, m)| m.clone()))
}

/// Keeps `account` as the session's copy after a change (the seller's record is unchanged).
fn remember_account(user: &str, account: Account) {
    LAST_READ.with(|r| {
        if let Some((u, m)) = r.borrow_mut().as_mut() {
            if u == user {
                m.account = account;
            }
        }
    });
}

/// Reads both from the ERP online; offline (or unanswered) the session's copy, `fresh` false.
async fn read_mine(api: Api, user: String, online: bool) -> Result<Option<(Mine, bool)>, ApiError> {
    if !online {
        return Ok(last_read(&user).map(|m| (m, false)));
    }
    let (seller, account) = futures::join!(api.seller_me(), api.account());
    match (seller, account) {
        (Ok(seller), Ok(account)) => {
            let mine = Mine { seller, account };
            LAST_READ.with(|r| *r.borrow_mut() = Some((user, mine.clone())));
            Ok(Some((mine, true)))
        }
        (Err(ApiError::Unreachable), _) | (_, Err(ApiError::Unreachable)) => Ok(last_read(&user).map(|m| (m, false))),
        (Err(e), _) | (_, Err(e)) => Err(e),
    }
}

/// The account page.
#[component]
pub fn AccountPage() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let connectivity = use_connectivity();
    let session = use_session();
    let user =
        Memo::new(move |_| session.identity.with(|i| i.as_ref().map(|i| i.username.clone()).unwrap_or_default()));
    let data = LocalResource::new(move || read_mine(api, user.get(), connectivity.online()));
    let online = Signal::derive(move || connectivity.online());
    view! {
        <section class="page account">
            <h1>{move || i18n.t(Msg::NavAccount)}</h1>
            <Show when=move || !online.get()>
                <p class="notice offline" role="status" data-testid="account-offline">{move || i18n.t(Msg::AccountFormsOffline)}</p>
            </Show>
            <Loaded resource=data let:value>{match value {
                None => view! {
                    <p class="notice offline" data-testid="account-needs-connection">{move || i18n.t(Msg::NeedsConnection)}</p>
                }
                .into_any(),
                Some((mine, fresh)) => view! {
                    <div class="account-grid">
                        <Registration seller=mine.seller fresh />
                        <PreferencesForm account=mine.account.clone() online on_saved=move |a| remember_account(&user.get_untracked(), a) />
                        <PasswordForm account=mine.account online />
                    </div>
                }
                .into_any(),
            }}</Loaded>
        </section>
    }
}
