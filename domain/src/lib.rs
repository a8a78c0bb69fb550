//! Mascate's shared ground: the contract types of the Protheus sales-portal REST API
//! (`shared/tgv-api.md`) and the business rules both the app and the stand-in server use.
//!
//! Everything here is plain Rust with no I/O, so it is tested natively and compiled
//! unchanged into the WebAssembly app.

pub mod calendar;
pub mod chart;
pub mod contact;
pub mod contract;
pub mod customer_query;
pub mod customer_search;
pub mod dashboard;
pub mod dictionary;
pub mod document;
pub mod download_size;
pub mod filter;
pub mod format;
pub mod locale;
pub mod notification;
pub mod offline;
pub mod outbox;
pub mod password;
pub mod product_search;
pub mod prospect;
pub mod release;
pub mod share;
pub mod statistics;
pub mod task;
pub mod tax_id;
pub mod text;
pub mod timestamp;

pub use locale::Locale;
