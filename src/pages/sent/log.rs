//! A document's sending history on the device: each save, attempt and answer with its time,
//! newest first.

use leptos::prelude::*;
use mascate_domain::outbox::{LogEntry, LogEvent};

use crate::i18n::{use_i18n, Msg};

fn event_msg(e: LogEvent) -> Msg {
    match e {
        LogEvent::Saved => Msg::LogSaved,
        LogEvent::Edited => Msg::LogEdited,
        LogEvent::Sent => Msg::LogSent,
        LogEvent::Unreachable => Msg::LogUnreachable,
        LogEvent::Rejected => Msg::LogRejected,
        LogEvent::Deferred => Msg::LogDeferred,
        LogEvent::Waiting => Msg::LogWaiting,
        LogEvent::Processing => Msg::LogProcessing,
        LogEvent::Accepted => Msg::LogAccepted,
        LogEvent::Refused => Msg::LogRefused,
        LogEvent::Imported => Msg::LogImported,
    }
}

/// `dd/mm/aaaa hh:mm:ss` in the device's time zone (what the rep's watch says).
fn when(ms: f64, locale: crate::i18n::Locale) -> String {
    crate::local_time::date_time(ms, locale, true)
}

/// The history card.
#[component]
pub fn SyncLog(log: Vec<LogEntry>, attempts: u32) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="card" data-testid="sync-log">
            <h2>{move || i18n.t(Msg::SyncLog)}</h2>
            {(attempts > 0).then(|| view! { <p class="hint" data-testid="sync-attempts">{move || i18n.t_n(Msg::Attempts, attempts)}</p> })}
            <ol class="plain log" reversed>
                {log.into_iter().rev().map(|l| {
                    let at = l.at_ms;
                    view! {
                        <li data-testid="sync-log-entry" data-event=format!("{:?}", l.event).to_lowercase()>
                            <time class="mono">{move || when(at, i18n.locale.get())}</time>
                            // One grid cell for the event and the ERP's words, however long.
                            <span>
                                {move || i18n.t(event_msg(l.event))}
                                {(!l.detail.is_empty()).then(|| view! { <span class="muted">" — "{l.detail.clone()}</span> })}
                            </span>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </div>
    }
}
