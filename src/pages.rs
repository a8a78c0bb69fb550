//! One file per page.

pub mod customer;
pub mod customers;
pub mod home;
pub mod login;
pub mod not_built;
