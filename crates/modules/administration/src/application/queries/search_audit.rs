//! Search the audit log: filter by actor, action, target and time; newest first, paged
//! by a keyset cursor on `seq`.

use std::sync::Arc;

use crate::application::AuditLog;

use chrono::{DateTime, Utc};
use sejour_core::{AppError, FieldError};

use crate::domain::{AuditRecord, repositories::AuditFilter};

/// Rows per page when the caller does not say.
pub const DEFAULT_LIMIT: u32 = 20;
/// The most rows a page may hold.
pub const MAX_LIMIT: u32 = 100;

/// Which audit rows to list. Every present filter must match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchAuditQuery {
    /// Exactly this actor label, e.g. `user:0190...`, `system:scheduler`.
    pub actor: Option<String>,
    /// Exactly this action, e.g. `auth.login_succeeded`.
    pub action: Option<String>,
    /// Exactly this target type, e.g. `reservation`.
    pub target_type: Option<String>,
    /// Exactly this target id; requires `target_type`.
    pub target_id: Option<String>,
    /// Rows that occurred at or after this instant.
    pub from: Option<DateTime<Utc>>,
    /// Rows that occurred before this instant.
    pub to: Option<DateTime<Utc>>,
    /// The `next_cursor` of the previous page: rows older than that seq.
    pub cursor: Option<i64>,
    /// Rows per page, 1 to [`MAX_LIMIT`]; default [`DEFAULT_LIMIT`].
    pub limit: Option<u32>,
}

/// One page of audit rows, newest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditPage {
    /// The rows.
    pub items: Vec<AuditRecord>,
    /// The cursor of the next (older) page, when there is one.
    pub next_cursor: Option<i64>,
}

/// Searches the audit log.
#[derive(Clone)]
pub struct SearchAuditHandler {
    audit: Arc<AuditLog>,
}

impl SearchAuditHandler {
    /// The use case on `audit`.
    pub fn new(audit: Arc<AuditLog>) -> Self {
        Self { audit }
    }

    /// Lists the audit rows matching `query`, newest first.
    ///
    /// Invalid input (a limit out of range, a target id without a type, `from` after
    /// `to`, a cursor below 1) is a validation error listing each problem.
    pub async fn handle(&self, query: SearchAuditQuery) -> Result<AuditPage, AppError> {
        let limit = validate(&query)?;
        let filter = AuditFilter {
            actor: query.actor,
            action: query.action,
            target_type: query.target_type,
            target_id: query.target_id,
            from: query.from,
            to: query.to,
            before_seq: query.cursor,
        };
        // One row more than asked tells whether another page follows.
        let mut items = self.audit.search(&filter, i64::from(limit) + 1).await?;
        let more = items.len() > usize::try_from(limit).unwrap_or(usize::MAX);
        items.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
        let next_cursor = if more {
            items.last().map(|r| r.seq)
        } else {
            None
        };
        Ok(AuditPage { items, next_cursor })
    }
}

/// The page size, or every problem with the query.
fn validate(query: &SearchAuditQuery) -> Result<u32, AppError> {
    let mut errors = Vec::new();
    let limit = query.limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        errors.push(FieldError::new(
            "limit",
            "limit.out_of_range",
            format!("limit must be between 1 and {MAX_LIMIT}"),
        ));
    }
    if query.target_id.is_some() && query.target_type.is_none() {
        errors.push(FieldError::new(
            "targetId",
            "audit.target_id_without_type",
            "targetId requires targetType",
        ));
    }
    if let (Some(from), Some(to)) = (query.from, query.to)
        && from > to
    {
        errors.push(FieldError::new(
            "from",
            "audit.from_after_to",
            "from must not be after to",
        ));
    }
    if query.cursor.is_some_and(|c| c < 1) {
        errors.push(FieldError::new(
            "cursor",
            "cursor.invalid",
            "the cursor is not one this API returned",
        ));
    }
    if errors.is_empty() {
        Ok(limit)
    } else {
        Err(AppError::validation(errors))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn the_default_page_size_is_twenty() {
        assert_eq!(validate(&SearchAuditQuery::default()).unwrap(), 20);
    }

    #[test]
    fn out_of_range_limits_and_orphan_target_ids_are_refused() {
        let query = SearchAuditQuery {
            limit: Some(101),
            target_id: Some("r-1".into()),
            cursor: Some(0),
            ..SearchAuditQuery::default()
        };
        let err = validate(&query).unwrap_err();
        assert_eq!(err.code, "validation.failed");
        let fields: Vec<_> = err.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["limit", "targetId", "cursor"]);
        let zero = SearchAuditQuery {
            limit: Some(0),
            ..SearchAuditQuery::default()
        };
        assert!(validate(&zero).is_err());
    }

    #[test]
    fn from_after_to_is_refused() {
        let now = Utc::now();
        let query = SearchAuditQuery {
            from: Some(now),
            to: Some(now - chrono::Duration::seconds(1)),
            ..SearchAuditQuery::default()
        };
        assert_eq!(
            validate(&query).unwrap_err().errors[0].code,
            "audit.from_after_to"
        );
    }
}
