//! Commands: use cases that change state and return at most an id.

pub mod create_owner;
pub mod link_owner_user;
pub mod update_owner;
