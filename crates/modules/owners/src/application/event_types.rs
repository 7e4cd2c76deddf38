//! The type names of the events this context publishes on the outbox, for other
//! contexts' subscriptions (they may not reach into our `domain`). Every one of them
//! also lands in the audit trail, with its actor, request id and IP.

use crate::domain::OwnerEvent;

/// An owner was recorded: `{ownerId, kind, moneyModel}`.
pub const OWNER_CREATED: &str = OwnerEvent::OWNER_CREATED;
/// An owner's details changed: `{ownerId, fields}` (names of the changed fields, such as
/// `"iban"`; never their values).
pub const OWNER_UPDATED: &str = OwnerEvent::OWNER_UPDATED;
/// A user account now stands for the owner: `{ownerId, userId}`.
pub const OWNER_LINKED_TO_USER: &str = OwnerEvent::OWNER_LINKED_TO_USER;
/// A user account no longer stands for the owner: `{ownerId, userId}`.
pub const OWNER_UNLINKED_FROM_USER: &str = OwnerEvent::OWNER_UNLINKED_FROM_USER;
/// Every one of them.
pub const ALL: [&str; 4] = OwnerEvent::TYPES;
