//! Are we online? The browser's `navigator.onLine` says whether there is a network at all;
//! failed requests say whether the server is actually reachable (a hotel Wi-Fi login page
//! or a dead cell tower both look "online" to the browser).

use leptos::ev;
use leptos::prelude::*;

/// The connectivity context.
#[derive(Clone, Copy)]
pub struct Connectivity {
    browser_online: RwSignal<bool>,
    server_reachable: RwSignal<bool>,
}

impl Connectivity {
    /// True when requests to the ERP can be expected to work.
    pub fn online(&self) -> bool {
        self.browser_online.get() && self.server_reachable.get()
    }

    /// As [`Connectivity::online`], without subscribing.
    pub fn online_untracked(&self) -> bool {
        self.browser_online.get_untracked() && self.server_reachable.get_untracked()
    }

    /// Called by the API layer after each request.
    pub fn report_server(&self, reachable: bool) {
        if self.server_reachable.get_untracked() != reachable {
            self.server_reachable.set(reachable);
        }
    }
}

fn navigator_online() -> bool {
    web_sys::window().map(|w| w.navigator().on_line()).unwrap_or(true)
}

/// Starts watching the browser's online/offline events and provides the context.
pub fn provide_connectivity() -> Connectivity {
    let c = Connectivity { browser_online: RwSignal::new(navigator_online()), server_reachable: RwSignal::new(true) };
    // The handles live as long as the app; there is nothing to remove them for.
    let _ = window_event_listener(ev::online, move |_| {
        c.browser_online.set(true);
        // Give the server another chance as soon as the network is back.
        c.server_reachable.set(true);
    });
    let _ = window_event_listener(ev::offline, move |_| c.browser_online.set(false));
    // While the server is unreachable but the network is up, knock every 15 s: any HTTP
    // answer, even a 404 from a real Protheus, means it is back.
    std::mem::forget(gloo_timers::callback::Interval::new(15_000, move || {
        if c.browser_online.get_untracked() && !c.server_reachable.get_untracked() {
            leptos::task::spawn_local(async move {
                let url = crate::api::url("/api/mascate/v1/about");
                if gloo_net::http::Request::get(&url).send().await.is_ok() {
                    c.report_server(true);
                }
            });
        }
    }));
    provide_context(c);
    c
}

pub fn use_connectivity() -> Connectivity {
    expect_context::<Connectivity>()
}
