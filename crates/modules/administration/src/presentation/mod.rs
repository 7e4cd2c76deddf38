//! The administration context's HTTP edge, mounted under `/api/v1/admin` behind the
//! admin guard: audit log search, dead-letter inspection and replay.

pub mod audit;
pub mod dead_letters;

use std::sync::Arc;

use sejour_core::{Clock, IdGenerator};
use sqlx::PgPool;
use utoipa_axum::{router::OpenApiRouter, routes};

/// What the handlers need.
#[derive(Clone)]
pub struct AdminState {
    /// The database.
    pub pool: PgPool,
    /// Time.
    pub clock: Arc<dyn Clock>,
    /// Identity.
    pub ids: Arc<dyn IdGenerator>,
}

/// The routes, relative to `/api/v1/admin`.
pub fn routes() -> OpenApiRouter<AdminState> {
    OpenApiRouter::new()
        .routes(routes!(audit::search_audit_log))
        .routes(routes!(dead_letters::list_dead_letters))
        .routes(routes!(dead_letters::get_dead_letter))
        .routes(routes!(dead_letters::replay))
}
