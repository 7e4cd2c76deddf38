//! The users context's adapters.
//!
//! - [`repositories`]: [`PgUserRepository`], the `users.users` table, with the aggregate's
//!   events written to the outbox in the same transaction.
//! - [`directory`]: [`PgUserDirectory`], the published [`crate::application::directory::UserDirectory`].

pub mod directory;
pub mod repositories;

pub use directory::PgUserDirectory;
pub use repositories::PgUserRepository;
