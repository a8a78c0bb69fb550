//! The one door to the device. Its storage (IndexedDB, per seller) is private to this module:
//! pages and components reach what the device holds only through the engines here, so the
//! compiler, not a convention, keeps them from the database.
//!
//! - [`sync`]: the outbox — documents written here, sent exactly once, followed to the end.
//! - [`offline`]: today's copy of the selection — download, pulls, readiness, space.
//! - [`catalog`]: reads with the ERP, and from the device's copy without it.
//! - [`tasks`]: the rep's tasks and agenda, read the same way; their writes wait here.
//! - [`tabs`]: one tab at a time does the device's work; the others follow.

pub mod catalog;
pub mod offline;
pub mod sync;
pub mod tabs;
pub mod tasks;

// The in-browser tests of the storage itself (`tests/storage.rs`) build with
// `--features device-tests`; the app never does.
#[cfg(not(feature = "device-tests"))]
mod storage;
#[cfg(feature = "device-tests")]
pub mod storage;
