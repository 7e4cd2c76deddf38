//! The users context's adapters.
//!
//! - [`repository`]: [`PgUserRepository`], the `users.users` table, with the aggregate's
//!   events written to the outbox in the same transaction.
//! - [`directory`]: [`PgUserDirectory`], the published [`crate::application::directory::UserDirectory`].

pub mod directory;
pub mod repository;

pub use directory::PgUserDirectory;
pub use repository::{PgUserRepository, UserFilter};

pub(crate) use sejour_infrastructure::db::storage_error;
