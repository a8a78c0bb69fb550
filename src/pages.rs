//! One file per page.

pub mod account;
pub mod agenda;
pub mod credit;
pub mod customer;
pub mod customers;
pub mod document;
pub mod document_form;
pub mod documents;
pub mod home;
pub mod invoice;
pub mod invoices;
pub mod login;
pub mod not_built;
pub mod notifications;
pub mod offline_configurator;
pub mod offline_selection;
pub mod products;
pub mod sent;
pub mod statistics;
pub mod task;
pub mod task_form;
pub mod tasks;
