//! List owners: staff browse owners, filtered by kind and text, newest first, paged by a
//! keyset cursor on `(createdAt, id)`; an owner's user account gets its own record only.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use sejour_core::{AppError, Ctx, Role, authz::require_user};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::{
    Owner, OwnerKindTag,
    repositories::{OwnerFilter, OwnerRepository},
};

pub use sejour_core::paging::{DEFAULT_LIMIT, MAX_LIMIT};
use sejour_core::paging::{check_list, split_page};
/// The longest search text accepted, in characters.
pub const MAX_Q_LENGTH: usize = 200;

/// Where a page ends: the next page holds the owners created before this one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnerCursor {
    /// The last owner's creation time.
    #[serde(rename = "c")]
    pub created_at: DateTime<Utc>,
    /// The last owner's id.
    #[serde(rename = "i")]
    pub id: Uuid,
}

impl From<&Owner> for OwnerCursor {
    fn from(owner: &Owner) -> Self {
        Self {
            created_at: owner.created_at(),
            id: owner.id(),
        }
    }
}

/// Which owners to list. Every present filter must match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListOwnersQuery {
    /// Only persons, or only companies.
    pub kind: Option<OwnerKindTag>,
    /// A case-insensitive substring of the names, legal name, email or SIRET (taken
    /// literally).
    pub q: Option<String>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<OwnerCursor>,
    /// Owners per page, 1 to [`MAX_LIMIT`]; default [`DEFAULT_LIMIT`].
    pub limit: Option<u32>,
}

/// One page of owners, newest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnersPage {
    /// The owners.
    pub items: Vec<Owner>,
    /// Where the next (older) page starts, when there is one.
    pub next_cursor: Option<OwnerCursor>,
}

/// Lists owners.
#[derive(Clone)]
pub struct ListOwnersHandler {
    owners: Arc<dyn OwnerRepository>,
}

impl ListOwnersHandler {
    /// The use case on `owners`.
    pub fn new(owners: Arc<dyn OwnerRepository>) -> Self {
        Self { owners }
    }

    /// Lists the owners matching `query`, newest first: staff see every owner; a user
    /// with the role `owner` sees only the record linked to their account (the filters
    /// still apply). 401 when nobody is signed in, 403 for guests; 422 listing each
    /// invalid parameter (`limit`, `q`).
    pub async fn handle(&self, ctx: &Ctx, query: ListOwnersQuery) -> Result<OwnersPage, AppError> {
        let (me, role) = require_user(&ctx.actor)?;
        let user_id = match role {
            Role::Admin | Role::Manager => None,
            Role::Owner => Some(me),
            Role::Guest => return Err(AppError::forbidden()),
        };
        let limit = validate(&query)?;
        let filter = OwnerFilter {
            kind: query.kind,
            q: query
                .q
                .map(|q| q.trim().to_owned())
                .filter(|q| !q.is_empty()),
            user_id,
            before: query.cursor.map(|c| (c.created_at, c.id)),
        };
        // One row more than asked tells whether another page follows.
        let rows = self.owners.list(&filter, i64::from(limit) + 1).await?;
        let (items, next_cursor) = split_page(rows, limit, |o| OwnerCursor::from(o));
        Ok(OwnersPage { items, next_cursor })
    }
}

/// The page size, or every problem with the query.
fn validate(query: &ListOwnersQuery) -> Result<u32, AppError> {
    let mut errors = Vec::new();
    let limit = check_list(
        query.limit,
        query.q.as_deref(),
        MAX_Q_LENGTH,
        "owners.q_too_long",
        &mut errors,
    );
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
    fn given_no_limit_when_validating_then_twenty() {
        assert_eq!(validate(&ListOwnersQuery::default()).unwrap(), 20);
    }

    #[test]
    fn given_a_limit_out_of_range_and_a_long_q_when_validating_then_both_are_listed() {
        let err = validate(&ListOwnersQuery {
            limit: Some(0),
            q: Some("x".repeat(201)),
            ..ListOwnersQuery::default()
        })
        .unwrap_err();
        let fields: Vec<&str> = err.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["limit", "q"]);
    }
}
