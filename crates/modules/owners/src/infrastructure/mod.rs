//! The owners context's adapters.
//!
//! - [`repositories`]: [`PgOwnerRepository`], the `owners.owners` table, with the
//!   aggregate's events written to the outbox in the same transaction.
//! - [`directory`]: [`PgOwnerDirectory`], the published
//!   [`crate::application::directory::OwnerDirectory`].

pub mod directory;
pub mod repositories;

pub use directory::PgOwnerDirectory;
pub use repositories::PgOwnerRepository;
