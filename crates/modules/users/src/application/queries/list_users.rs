//! List users: staff browse accounts, filtered by role, state and text, newest first,
//! paged by a keyset cursor on `(createdAt, id)`.

use chrono::{DateTime, Utc};
use sejour_core::{AppError, Ctx, Role, authz::require_staff};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{
    application::Users,
    domain::{User, UserFilter},
};

pub use sejour_core::paging::{DEFAULT_LIMIT, MAX_LIMIT};
use sejour_core::paging::{check_list, split_page};
/// The longest search text accepted, in characters.
pub const MAX_Q_LENGTH: usize = 254;

/// Where a page ends: the next page holds the users created before this one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserCursor {
    /// The last user's creation time.
    #[serde(rename = "c")]
    pub created_at: DateTime<Utc>,
    /// The last user's id.
    #[serde(rename = "i")]
    pub id: Uuid,
}

impl From<&User> for UserCursor {
    fn from(user: &User) -> Self {
        Self {
            created_at: user.created_at(),
            id: user.id(),
        }
    }
}

/// Which users to list. Every present filter must match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListUsersQuery {
    /// Only this role.
    pub role: Option<Role>,
    /// Only disabled (`true`) or enabled (`false`) accounts.
    pub disabled: Option<bool>,
    /// A case-insensitive substring of the email or names (taken literally).
    pub q: Option<String>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<UserCursor>,
    /// Users per page, 1 to [`MAX_LIMIT`]; default [`DEFAULT_LIMIT`].
    pub limit: Option<u32>,
}

/// One page of users, newest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsersPage {
    /// The users.
    pub items: Vec<User>,
    /// Where the next (older) page starts, when there is one.
    pub next_cursor: Option<UserCursor>,
}

/// Lists the users matching `query`, newest first. Admins and managers only (401/403);
/// 422 listing each invalid parameter (`limit`, `q`).
#[doc(alias = "ListUsersHandler")]
pub async fn list_users(
    app: &Users,
    ctx: &Ctx,
    query: ListUsersQuery,
) -> Result<UsersPage, AppError> {
    require_staff(&ctx.actor)?;
    let limit = validate(&query)?;
    let filter = UserFilter {
        role: query.role,
        disabled: query.disabled,
        q: query
            .q
            .map(|q| q.trim().to_owned())
            .filter(|q| !q.is_empty()),
        before: query.cursor.map(|c| (c.created_at, c.id)),
    };
    // One row more than asked tells whether another page follows.
    let rows = app.users.list(&filter, i64::from(limit) + 1).await?;
    let (items, next_cursor) = split_page(rows, limit, |u| UserCursor::from(u));
    Ok(UsersPage { items, next_cursor })
}

/// The page size, or every problem with the query.
fn validate(query: &ListUsersQuery) -> Result<u32, AppError> {
    let mut errors = Vec::new();
    let limit = check_list(
        query.limit,
        query.q.as_deref(),
        MAX_Q_LENGTH,
        "users.q_too_long",
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
        assert_eq!(validate(&ListUsersQuery::default()).unwrap(), 20);
    }

    #[test]
    fn given_a_limit_out_of_range_and_a_long_q_when_validating_then_both_are_listed() {
        let err = validate(&ListUsersQuery {
            limit: Some(101),
            q: Some("x".repeat(255)),
            ..ListUsersQuery::default()
        })
        .unwrap_err();
        let fields: Vec<&str> = err.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["limit", "q"]);
        assert!(
            validate(&ListUsersQuery {
                limit: Some(0),
                ..ListUsersQuery::default()
            })
            .is_err()
        );
    }
}
