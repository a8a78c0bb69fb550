//! Pieces shared by the pages: the shell around them and its small widgets.

pub mod api_error;
pub mod connectivity_badge;
pub mod date_filter;
pub mod date_input;
pub mod device_notices;
pub mod dialog;
pub mod field;
pub mod lines;
pub mod loaded;
pub mod locale_picker;
pub mod money;
pub mod offline_notice;
pub mod opens_on_tap;
pub mod pager;
pub mod production_orders;
pub mod range_filter;
pub mod route_announcer;
pub mod search_box;
pub mod send_state;
pub mod session_expired;
pub mod shell;
pub mod sync_status;
pub mod totals;
