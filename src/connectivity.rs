//! Are we online? The browser's `navigator.onLine` says whether there is a network at all;
//! failed requests say whether the server is actually reachable (a hotel Wi-Fi login page
//! or a dead cell tower both look "online" to the browser); and an expired session means the
//! ERP will not take our calls until the rep signs in again, so the app works from the
//! device as if offline.
//!
//! When the browser says the network is back, the server is probed at once; while it does
//! not answer, it is probed again after 2 s, then less and less often, up to every 15 s.

use std::cell::Cell;
use std::rc::Rc;

use leptos::ev;
use leptos::prelude::*;

use crate::session::{use_session, SessionContext};

/// The connectivity context.
#[derive(Clone, Copy)]
pub struct Connectivity {
    browser_online: RwSignal<bool>,
    server_reachable: RwSignal<bool>,
    session: SessionContext,
}

/// The first re-probe delay and the longest.
const PROBE_FIRST_MS: u32 = 2_000;
const PROBE_MAX_MS: u32 = 15_000;

impl Connectivity {
    /// True when calls to the ERP can be expected to work (network, server and a session).
    pub fn online(&self) -> bool {
        self.network_up() && !self.session.expired.get()
    }

    /// As [`Connectivity::online`], without subscribing.
    pub fn online_untracked(&self) -> bool {
        self.browser_online.get_untracked()
            && self.server_reachable.get_untracked()
            && !self.session.expired.get_untracked()
    }

    /// True when the server answers, session or not (signing in needs only this).
    pub fn network_up(&self) -> bool {
        self.browser_online.get() && self.server_reachable.get()
    }

    /// Whether the browser has a network at all (untracked). A server that did not answer a
    /// moment ago may answer now: signing in tries whenever there is a network.
    pub fn has_network(&self) -> bool {
        self.browser_online.get_untracked()
    }

    /// Called by the API layer after each request.
    pub fn report_server(&self, reachable: bool) {
        if self.server_reachable.get_untracked() != reachable {
            self.server_reachable.set(reachable);
        }
    }

    /// Knocks on the server: any HTTP answer, even a 404 from a real Protheus, means it is
    /// there.
    pub fn probe(self) {
        leptos::task::spawn_local(async move {
            let url = crate::endpoint::url("/api/mascate/v1/about");
            let answered = gloo_net::http::Request::get(&url).send().await.is_ok();
            self.report_server(answered);
        });
    }
}

fn navigator_online() -> bool {
    web_sys::window().map(|w| w.navigator().on_line()).unwrap_or(true)
}

/// Starts watching the browser's online/offline events and provides the context.
pub fn provide_connectivity() -> Connectivity {
    let c = Connectivity {
        browser_online: RwSignal::new(navigator_online()),
        server_reachable: RwSignal::new(true),
        session: use_session(),
    };
    // The handles live as long as the app; there is nothing to remove them for.
    let _ = window_event_listener(ev::online, move |_| {
        c.browser_online.set(true);
        c.probe();
    });
    let _ = window_event_listener(ev::offline, move |_| c.browser_online.set(false));
    // While the network is up but the server does not answer: knock again, backing off.
    let delay = Rc::new(Cell::new(PROBE_FIRST_MS));
    let waited = Rc::new(Cell::new(0u32));
    std::mem::forget(gloo_timers::callback::Interval::new(1_000, move || {
        if !c.browser_online.get_untracked() || c.server_reachable.get_untracked() {
            delay.set(PROBE_FIRST_MS);
            waited.set(0);
            return;
        }
        waited.set(waited.get() + 1_000);
        if waited.get() >= delay.get() {
            waited.set(0);
            delay.set((delay.get() * 2).min(PROBE_MAX_MS));
            c.probe();
        }
    }));
    provide_context(c);
    c
}

pub fn use_connectivity() -> Connectivity {
    expect_context::<Connectivity>()
}
