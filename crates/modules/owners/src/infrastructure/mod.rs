//! The owners context's adapters.
//!
//! - [`repository`]: [`PgOwnerRepository`], the `owners.owners` table, with the
//!   aggregate's events written to the outbox in the same transaction.
//! - [`directory`]: [`PgOwnerDirectory`], the published
//!   [`crate::application::directory::OwnerDirectory`].

pub mod directory;
pub mod repository;

pub use directory::PgOwnerDirectory;
pub use repository::{OwnerFilter, PgOwnerRepository};

pub(crate) use sejour_infrastructure::db::storage_error;
