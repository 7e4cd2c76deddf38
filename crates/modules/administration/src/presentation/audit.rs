//! `GET /api/v1/admin/audit`: search the audit log.

use std::net::IpAddr;

use axum::extract::State;
use chrono::{DateTime, Utc};
use sejour_infrastructure::http::{
    ApiError, Json, Page, PageParams, Query, pagination::encode_cursor, problem::Problem,
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::AdminState;
use crate::{application::queries::search_audit::SearchAuditQuery, domain::AuditRecord};

/// Filters of the audit search; every given one must match.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct AuditFilterParams {
    /// Who acted, e.g. `user:0190...`, `system:scheduler`.
    #[param(pattern = r"^[^\x00]*$")]
    pub actor: Option<String>,
    /// What was done, e.g. `auth.login_succeeded`.
    #[param(pattern = r"^[^\x00]*$")]
    pub action: Option<String>,
    /// The kind of object acted upon, e.g. `reservation`.
    #[param(pattern = r"^[^\x00]*$")]
    pub target_type: Option<String>,
    /// The object's id (with `targetType`).
    #[param(pattern = r"^[^\x00]*$")]
    pub target_id: Option<String>,
    /// From this instant (inclusive, RFC 3339).
    pub from: Option<DateTime<Utc>>,
    /// Until this instant (exclusive, RFC 3339).
    pub to: Option<DateTime<Utc>>,
}

/// One audit row.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AuditRecordDto {
    /// Position in the log.
    pub seq: i64,
    /// The row's id.
    pub id: Uuid,
    /// When it happened.
    pub occurred_at: DateTime<Utc>,
    /// Who acted.
    pub actor: String,
    /// The acting user's role.
    #[schema(value_type = Option<sejour_infrastructure::http::dto::UserRole>)]
    pub actor_role: Option<String>,
    /// What was done.
    pub action: String,
    /// The kind of object acted upon.
    pub target_type: String,
    /// The object's id.
    pub target_id: Option<String>,
    /// The object before (secrets redacted).
    pub before: Option<serde_json::Value>,
    /// The object after (secrets redacted).
    pub after: Option<serde_json::Value>,
    /// The request during which it happened.
    pub request_id: Option<String>,
    /// The client's address.
    #[schema(value_type = Option<String>)]
    pub ip: Option<IpAddr>,
    /// Ties together everything caused by one request.
    pub correlation_id: Option<String>,
    /// The previous row's hash.
    pub prev_hash: String,
    /// This row's hash.
    pub hash: String,
}

impl From<AuditRecord> for AuditRecordDto {
    fn from(r: AuditRecord) -> Self {
        let json = |text: Option<String>| text.and_then(|t| serde_json::from_str(&t).ok());
        Self {
            seq: r.seq,
            id: r.id,
            occurred_at: r.occurred_at,
            actor: r.actor,
            actor_role: r.actor_role,
            action: r.action,
            target_type: r.target_type,
            target_id: r.target_id,
            before: json(r.before),
            after: json(r.after),
            request_id: r.request_id,
            ip: r.ip,
            correlation_id: r.correlation_id,
            prev_hash: r.prev_hash,
            hash: r.hash,
        }
    }
}

/// Searches the audit log, newest first.
#[utoipa::path(get, path = "/audit", operation_id = "searchAuditLog", tag = "administration",
    params(AuditFilterParams, PageParams),
    security(("bearerAuth" = [])),
    responses(
        (status = 200, description = "A page of audit rows", body = Page<AuditRecordDto>),
        (status = 400, description = "Bad parameters", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No or bad token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Inconsistent filters", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn search_audit_log(
    State(state): State<AdminState>,
    Query(filter): Query<AuditFilterParams>,
    Query(page): Query<PageParams>,
) -> Result<Json<Page<AuditRecordDto>>, ApiError> {
    let limit = page.limit()?;
    let query = SearchAuditQuery {
        actor: filter.actor,
        action: filter.action,
        target_type: filter.target_type,
        target_id: filter.target_id,
        from: filter.from,
        to: filter.to,
        cursor: page.cursor()?,
        limit: Some(limit),
    };
    let found = state.search_audit.handle(query).await?;
    Ok(Json(Page {
        items: found.items.into_iter().map(AuditRecordDto::from).collect(),
        next_cursor: found.next_cursor.map(|seq| encode_cursor(&seq)),
    }))
}
