//! Pieces shared by the pages: the shell around them and its small widgets.

pub mod connectivity_badge;
pub mod field;
pub mod locale_picker;
pub mod shell;
