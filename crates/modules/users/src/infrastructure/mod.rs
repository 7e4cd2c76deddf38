//! The users context's adapters.
//!
//! - [`repository`]: [`PgUserRepository`], the `users.users` table, with the aggregate's
//!   events written to the outbox in the same transaction.
//! - [`directory`]: [`PgUserDirectory`], the published [`crate::application::directory::UserDirectory`].

pub mod directory;
pub mod repository;

pub use directory::PgUserDirectory;
pub use repository::{PgUserRepository, UserFilter};

use sejour_core::AppError;

/// Maps a storage failure onto the application's error envelope: an unreachable or
/// exhausted database is `Unavailable`, anything else `Internal` (cause logged only).
pub(crate) fn storage_error(error: sqlx::Error) -> AppError {
    match error {
        sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) => {
            AppError::unavailable(error)
        }
        other => AppError::internal(other),
    }
}
