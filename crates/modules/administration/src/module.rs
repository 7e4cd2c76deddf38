//! The administration context as the platform plugs it in: its routes under `/admin`
//! behind the admin guard, the audit trail consumer, its migrations.

use std::sync::Arc;

use axum::middleware;
use sejour_infrastructure::{
    http::context::require_admin,
    module::{ContextModule, Shared},
};
use utoipa_axum::router::OpenApiRouter;

use crate::{
    MIGRATOR,
    application::{
        commands::replay_dead_letter::ReplayDeadLetterHandler,
        queries::search_audit::SearchAuditHandler,
    },
    infrastructure::{AuditTrail, PgAuditLogRepository, PgDeadLetterRepository},
    presentation::{self, AdminState},
};

/// The audit log on the shared pool, clock and ids.
pub fn audit_log(shared: &Shared) -> Arc<PgAuditLogRepository> {
    Arc::new(PgAuditLogRepository::new(
        shared.pool.clone(),
        shared.clock.clone(),
        shared.ids.clone(),
    ))
}

/// The administration context: `/admin/...` routes (administrators only), the audit
/// trail of every event, and the `administration` schema's migrations.
#[doc(alias = "AdministrationModule")]
pub fn module(shared: &Shared) -> ContextModule {
    let audit = audit_log(shared);
    let dead_letters = PgDeadLetterRepository::new(shared.pool.clone());
    let state = AdminState {
        search_audit: SearchAuditHandler::new(audit.clone()),
        replay_dead_letter: ReplayDeadLetterHandler::new(
            Arc::new(dead_letters.clone()),
            audit,
            Arc::new(shared.unit_of_work()),
            shared.clock.clone(),
        ),
        dead_letters,
    };
    let admin = presentation::routes()
        .layer(middleware::from_fn(require_admin))
        .with_state(state);
    ContextModule::new("administration", &MIGRATOR)
        .routes(OpenApiRouter::new().nest("/admin", admin))
        .consumer(Arc::new(AuditTrail::new(
            shared.clock.clone(),
            shared.ids.clone(),
        )))
}
