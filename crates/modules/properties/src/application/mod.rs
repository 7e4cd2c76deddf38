//! The properties context's use cases, its access policy, and the published interface
//! other contexts (reservations) use.

pub mod access;
pub mod catalog;
pub mod commands;
pub mod fields;
pub mod queries;
