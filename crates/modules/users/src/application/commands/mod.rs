//! Commands: use cases that change state and return at most an id.

pub mod create_user;
pub mod update_my_profile;
pub mod update_user;
