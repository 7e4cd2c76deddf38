//! Update an owner: staff change any of the owner's details, and link or unlink their
//! user account, in one optimistic-concurrency-checked transaction.

use chrono::NaiveDate;
use sejour_core::{AppError, Ctx, authz::require_staff, ensure_version};
use uuid::Uuid;

use super::link_owner_user::{apply_link, user_to_link};
use crate::{
    application::{
        OwnerPorts,
        input::{self, AddressInput, FieldErrors, IdentityInput},
    },
    domain::{MoneyModel, OwnerChanges, OwnerKind, OwnerKindTag},
};

/// The changes to an owner; `None` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UpdateOwnerCommand {
    /// Which owner.
    pub owner_id: Uuid,
    /// Turn the owner into a person or a company (the new kind's fields are then
    /// required).
    pub kind: Option<OwnerKindTag>,
    /// New names, legal name, SIRET, VAT number (`Some(None)` removes it).
    pub identity: IdentityInput,
    /// A new email.
    pub email: Option<String>,
    /// A new phone, or `Some(None)` to remove it.
    pub phone: Option<Option<String>>,
    /// A new address (whole).
    pub address: Option<AddressInput>,
    /// A new IBAN, or `Some(None)` to remove it (only under the `service` model).
    pub iban: Option<Option<String>>,
    /// A new commission, in basis points.
    pub commission_basis_points: Option<u32>,
    /// A new mandate start date.
    pub mandate_start_date: Option<NaiveDate>,
    /// A new money model.
    pub money_model: Option<MoneyModel>,
    /// Link this account (`Some(Some(id))`) or unlink (`Some(None)`).
    pub user_id: Option<Option<Uuid>>,
    /// The version the caller read (`If-Match`); 412 if the owner changed since.
    pub expected_version: Option<i32>,
}

/// Parses the detail fields of `command` against the `current` identity, listing every
/// invalid field.
fn changes(command: &UpdateOwnerCommand, current: &OwnerKind) -> Result<OwnerChanges, AppError> {
    let mut errors = FieldErrors::default();
    let kind = input::identity(
        &mut errors,
        command.kind,
        command.identity.clone(),
        Some(current),
    );
    let email = command
        .email
        .as_deref()
        .and_then(|raw| input::email(&mut errors, raw));
    let phone = match &command.phone {
        Some(Some(raw)) => input::phone(&mut errors, raw).map(Some),
        Some(None) => Some(None),
        None => None,
    };
    let address = command
        .address
        .as_ref()
        .and_then(|raw| input::address(&mut errors, raw));
    let iban = match &command.iban {
        Some(Some(raw)) => input::iban(&mut errors, raw).map(Some),
        Some(None) => Some(None),
        None => None,
    };
    let commission = command
        .commission_basis_points
        .and_then(|bp| input::commission(&mut errors, bp));
    errors.finish()?;
    Ok(OwnerChanges {
        kind,
        email,
        phone,
        address,
        iban,
        commission,
        start_date: command.mandate_start_date,
        money_model: command.money_model,
    })
}

/// Updates owners.
#[derive(Clone)]
pub struct UpdateOwnerHandler {
    ports: OwnerPorts,
}

impl UpdateOwnerHandler {
    /// The use case on `ports`.
    pub fn new(ports: OwnerPorts) -> Self {
        Self { ports }
    }

    /// Applies `command`, publishing `owners.OwnerUpdated` naming the fields that
    /// actually changed (never their values), and `owners.OwnerLinkedToUser` /
    /// `owners.OwnerUnlinkedFromUser` for the account link.
    ///
    /// Staff only (401/403); 404 for an unknown owner; 412 on a stale version; 422
    /// listing every invalid field, or on a broken rule (`owner.iban_required_for_mandate`,
    /// `owner.vat_siren_mismatch`, `owner.user_not_owner_role`); 409 `owner.siret_taken`
    /// or `owner.user_already_linked`. Nothing is saved unless everything is.
    pub async fn handle(&self, ctx: &Ctx, command: UpdateOwnerCommand) -> Result<(), AppError> {
        let ports = &self.ports;
        require_staff(&ctx.actor)?;
        // The account is looked up before the owner's row is locked.
        let link = match command.user_id {
            Some(Some(id)) => Some(Some(user_to_link(ports.users.as_ref(), id).await?)),
            Some(None) => Some(None),
            None => None,
        };
        let mut tx = ports.unit_of_work.begin().await?;
        let mut owner = ports
            .owners
            .find_for_update(&mut tx, command.owner_id)
            .await?
            .ok_or_else(|| AppError::not_found("owner"))?;
        ensure_version("owner", owner.version(), command.expected_version)?;
        let changes = changes(&command, owner.kind())?;
        let now = ports.clock.now();
        owner.update(changes, now)?;
        if let Some(user) = link {
            apply_link(&mut owner, user, now)?;
        }
        let changed = owner.has_changes();
        ports.owners.update(&mut tx, ctx, &mut owner).await?;
        ports.unit_of_work.commit(tx).await?;
        if changed {
            tracing::info!(owner_id = %owner.id(), version = owner.version(), "owner updated");
        }
        Ok(())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::domain::PersonName;

    fn ada() -> OwnerKind {
        OwnerKind::Person {
            first_name: PersonName::parse("Ada").unwrap(),
            last_name: PersonName::parse("Lovelace").unwrap(),
        }
    }

    #[test]
    fn given_an_empty_command_when_parsing_then_no_change() {
        let parsed = changes(&UpdateOwnerCommand::default(), &ada()).unwrap();
        assert!(parsed.is_empty());
    }

    #[test]
    fn given_nulls_when_parsing_then_phone_and_iban_are_cleared() {
        let command = UpdateOwnerCommand {
            phone: Some(None),
            iban: Some(None),
            ..UpdateOwnerCommand::default()
        };
        let parsed = changes(&command, &ada()).unwrap();
        assert_eq!((parsed.phone, parsed.iban), (Some(None), Some(None)));
    }

    #[test]
    fn given_bad_fields_when_parsing_then_every_one_is_listed() {
        let command = UpdateOwnerCommand {
            identity: IdentityInput {
                first_name: Some(" ".into()),
                ..IdentityInput::default()
            },
            email: Some("nope".into()),
            iban: Some(Some("GB82WEST12345698765433".into())),
            commission_basis_points: Some(20_000),
            ..UpdateOwnerCommand::default()
        };
        let err = changes(&command, &ada()).unwrap_err();
        let fields: Vec<(&str, &str)> = err
            .errors
            .iter()
            .map(|e| (e.field.as_str(), e.code.as_ref()))
            .collect();
        assert_eq!(
            fields,
            [
                ("firstName", "owner.invalid_name"),
                ("email", "email.invalid_format"),
                ("iban", "iban.invalid_checksum"),
                (
                    "mandate.commissionBasisPoints",
                    "commission_rate.out_of_range"
                ),
            ]
        );
    }
}
