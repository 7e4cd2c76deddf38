//! Queries: use cases that read and never write.

pub mod get_owner;
pub mod list_owners;
