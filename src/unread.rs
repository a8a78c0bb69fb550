//! The count of unread notifications: the navigation's badge and the notifications page share
//! it. It lives in the ERP, so it is read online only.

use leptos::prelude::*;

use crate::api::{use_api, Api};
use crate::connectivity::use_connectivity;

/// The unread count, shared with the navigation badge.
#[derive(Clone, Copy)]
pub struct UnreadCount(pub RwSignal<usize>);

/// Provides the unread count (the shell keeps it fresh: [`keep_unread_fresh`]).
pub fn provide_unread_count() -> UnreadCount {
    let count = UnreadCount(RwSignal::new(0));
    provide_context(count);
    count
}

pub fn use_unread_count() -> UnreadCount {
    expect_context::<UnreadCount>()
}

/// Reloads the unread count (online only).
pub fn refresh_unread(api: Api, count: UnreadCount) {
    leptos::task::spawn_local(async move {
        if let Ok(n) = api.unread_notifications().await {
            count.0.set(n);
        }
    });
}

/// Keeps the unread count fresh: it follows the connection and the signed-in seller (`who`);
/// and every minute.
pub fn keep_unread_fresh(who: Memo<Option<String>>) {
    let (api, unread, connectivity) = (use_api(), use_unread_count(), use_connectivity());
    Effect::new(move |_| {
        if connectivity.online() && who.with(Option::is_some) {
            refresh_unread(api, unread);
        }
    });
    if let Ok(handle) = set_interval_with_handle(
        move || {
            if connectivity.online_untracked() && who.with_untracked(Option::is_some) {
                refresh_unread(api, unread);
            }
        },
        std::time::Duration::from_secs(60),
    ) {
        on_cleanup(move || handle.clear());
    }
}
