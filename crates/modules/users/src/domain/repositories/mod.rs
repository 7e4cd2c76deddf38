//! The users domain's repository ports, implemented in `infrastructure/repositories/`.

pub mod user_repository;

pub use user_repository::{UserFilter, UserRepository};
