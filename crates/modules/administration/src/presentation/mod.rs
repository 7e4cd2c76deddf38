//! The administration context's HTTP edge, mounted under `/api/v1/admin` behind the
//! admin guard: audit log search, dead-letter inspection and replay.

pub mod audit;
pub mod dead_letters;

use utoipa_axum::{router::OpenApiRouter, routes};

use crate::{
    application::{
        commands::replay_dead_letter::ReplayDeadLetterHandler,
        queries::search_audit::SearchAuditHandler,
    },
    infrastructure::PgDeadLetterRepository,
};

/// What the handlers need.
#[derive(Clone)]
pub struct AdminState {
    /// Audit log search.
    pub search_audit: SearchAuditHandler,
    /// Dead-letter replay.
    pub replay_dead_letter: ReplayDeadLetterHandler,
    /// Dead letters, shown as they are.
    pub dead_letters: PgDeadLetterRepository,
}

/// The routes, relative to `/api/v1/admin`.
pub fn routes() -> OpenApiRouter<AdminState> {
    OpenApiRouter::new()
        .routes(routes!(audit::search_audit_log))
        .routes(routes!(dead_letters::list_dead_letters))
        .routes(routes!(dead_letters::get_dead_letter))
        .routes(routes!(dead_letters::replay))
}
