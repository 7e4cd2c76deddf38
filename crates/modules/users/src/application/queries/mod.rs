//! Queries: use cases that read and never write.

pub mod get_me;
pub mod get_user;
pub mod list_users;
