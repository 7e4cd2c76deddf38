//! The owners context's use cases and published interface.
//!
//! - [`directory`]: [`directory::OwnerDirectory`], the published interface other contexts
//!   (properties) call.
//! - [`commands`]: [`CreateOwnerHandler`], [`UpdateOwnerHandler`], [`LinkOwnerUserHandler`].
//! - [`queries`]: [`GetOwnerHandler`], [`ListOwnersHandler`].
//! - [`input`]: the raw fields of the commands, parsed into value objects with every
//!   invalid field listed.
//! - [`event_types`]: the names of the events we publish, for subscribers.
//!
//! Use cases are structs holding their ports ([`OwnerPorts`]: the
//! [`OwnerRepository`], the users' [`UserDirectory`], the [`UnitOfWork`], time and
//! identity); they authorise the actor of the [`sejour_core::Ctx`] with
//! [`sejour_core::authz`] and return [`sejour_core::AppError`]s.

pub mod commands;
pub mod directory;
pub mod event_types;
pub mod input;
pub mod queries;

use std::sync::Arc;

use sejour_core::{AppError, Clock, FieldError, IdGenerator, UnitOfWork};
use sejour_users::application::directory::UserDirectory;

use crate::domain::{OwnerError, repositories::OwnerRepository};
use commands::{
    create_owner::CreateOwnerHandler, link_owner_user::LinkOwnerUserHandler,
    update_owner::UpdateOwnerHandler,
};
use queries::{get_owner::GetOwnerHandler, list_owners::ListOwnersHandler};

/// What the owners use cases work with.
#[derive(Clone)]
pub struct OwnerPorts {
    /// Where owners are kept.
    pub owners: Arc<dyn OwnerRepository>,
    /// User accounts, owned by the users context (to check the account linked to an
    /// owner exists and has the role `owner`).
    pub users: Arc<dyn UserDirectory>,
    /// Business transactions.
    pub unit_of_work: Arc<dyn UnitOfWork>,
    /// Time.
    pub clock: Arc<dyn Clock>,
    /// Identity.
    pub ids: Arc<dyn IdGenerator>,
}

/// Every owners use case, built from the same ports.
#[derive(Clone)]
pub struct OwnerUseCases {
    /// `POST /owners`.
    pub create: CreateOwnerHandler,
    /// `PATCH /owners/{id}`.
    pub update: UpdateOwnerHandler,
    /// Linking an owner to a user account.
    pub link_user: LinkOwnerUserHandler,
    /// `GET /owners/{id}`.
    pub get: GetOwnerHandler,
    /// `GET /owners`.
    pub list: ListOwnersHandler,
}

impl OwnerUseCases {
    /// The use cases on `ports`.
    pub fn new(ports: OwnerPorts) -> Self {
        Self {
            create: CreateOwnerHandler::new(ports.clone()),
            update: UpdateOwnerHandler::new(ports.clone()),
            link_user: LinkOwnerUserHandler::new(ports.clone()),
            get: GetOwnerHandler::new(ports.owners.clone()),
            list: ListOwnersHandler::new(ports.owners),
        }
    }
}

/// Code of the 409 answered when the user account already stands for another owner.
pub const USER_ALREADY_LINKED: &str = "owner.user_already_linked";
/// Code of the 409 answered when another owner has the same SIRET.
pub const SIRET_TAKEN: &str = "owner.siret_taken";

/// The 409 `owner.user_already_linked`.
pub fn user_already_linked() -> AppError {
    let mut err = AppError::conflict(
        USER_ALREADY_LINKED,
        "This user account is already linked to another owner.",
    );
    err.errors = vec![FieldError::new(
        "userId",
        USER_ALREADY_LINKED,
        "already linked to another owner",
    )];
    err
}

/// The 409 `owner.siret_taken`.
pub fn siret_taken() -> AppError {
    let mut err = AppError::conflict(SIRET_TAKEN, "Another owner already has this SIRET.");
    err.errors = vec![FieldError::new(
        "siret",
        SIRET_TAKEN,
        "another owner already has this SIRET",
    )];
    err
}

/// A broken rule is a 422 with the rule's code, naming the field at fault.
impl From<OwnerError> for AppError {
    fn from(error: OwnerError) -> Self {
        let mut err = AppError::rule(error.code(), error.to_string());
        err.errors = vec![FieldError::new(
            error.field(),
            error.code(),
            error.to_string(),
        )];
        err
    }
}

#[cfg(test)]
mod tests {
    use sejour_core::ErrorKind;

    use super::*;

    #[test]
    fn given_a_broken_rule_when_converted_then_422_with_its_code_and_field() {
        let err = AppError::from(OwnerError::UserNotOwnerRole);
        assert_eq!(err.kind, ErrorKind::Unprocessable);
        assert_eq!(err.code, "owner.user_not_owner_role");
        assert_eq!(err.errors.len(), 1);
        assert_eq!(err.errors[0].field, "userId");
        assert_eq!(siret_taken().kind, ErrorKind::Conflict);
        assert_eq!(user_already_linked().errors[0].field, "userId");
    }
}
