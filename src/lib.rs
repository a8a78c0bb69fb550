//! Mascate, the offline-first sales portal for TOTVS Protheus sales representatives.
//!
//! The app speaks the Protheus sales-portal REST contract through [`api`], keeps what the
//! rep needs offline in IndexedDB through [`storage`], and shows it through thin
//! components under [`pages`] and [`components`]. Business rules live in the
//! `mascate-domain` crate so they can be tested natively.

pub mod api;
pub mod app;
pub mod browser_promise;
pub mod components;
pub mod connectivity;
pub mod device;
pub mod endpoint;
pub mod erp_clock;
pub mod focus_clearance;
pub mod i18n;
pub mod local_time;
pub mod pages;
pub mod panic;
pub mod prefs;
pub mod service_worker;
pub mod session;
pub mod static_shell;
pub mod unread;
pub mod url_query;
pub mod workspace;
