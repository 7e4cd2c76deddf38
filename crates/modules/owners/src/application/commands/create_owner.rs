//! Create an owner: staff record a person or a company with their contact details, IBAN
//! and management mandate, optionally linked to a user account.

use chrono::NaiveDate;
use sejour_core::{AppError, Ctx, authz::require_staff};
use uuid::Uuid;

use super::link_owner_user::{apply_link, user_to_link};
use crate::{
    application::{
        OwnerPorts,
        input::{self, AddressInput, FieldErrors, IdentityInput},
    },
    domain::{Mandate, MoneyModel, Owner, OwnerDetails, OwnerKindTag},
};

/// The owner to create, as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreateOwnerCommand {
    /// Person or company.
    pub kind: OwnerKindTag,
    /// Names (person) or legal name, SIRET and VAT number (company).
    pub identity: IdentityInput,
    /// Contact email.
    pub email: String,
    /// Contact phone (international, or French national form).
    pub phone: Option<String>,
    /// Postal address.
    pub address: AddressInput,
    /// IBAN (required under the `mandate` money model).
    pub iban: Option<String>,
    /// The agency's commission, in basis points (0 to 10000).
    pub commission_basis_points: u32,
    /// The day the mandate starts.
    pub mandate_start_date: NaiveDate,
    /// Who collects the rent.
    pub money_model: MoneyModel,
    /// A user account (role `owner`) to link, if any.
    pub user_id: Option<Uuid>,
}

impl TryFrom<CreateOwnerCommand> for OwnerDetails {
    type Error = AppError;

    /// Parses the command, listing every invalid field.
    fn try_from(command: CreateOwnerCommand) -> Result<Self, AppError> {
        let mut errors = FieldErrors::default();
        let kind = input::identity(&mut errors, Some(command.kind), command.identity, None);
        let email = input::email(&mut errors, &command.email);
        // For the optional fields, `None` means invalid and `Some(None)` not given.
        let phone = match command.phone.as_deref() {
            Some(raw) => input::phone(&mut errors, raw).map(Some),
            None => Some(None),
        };
        let address = input::address(&mut errors, &command.address);
        let iban = match command.iban.as_deref() {
            Some(raw) => input::iban(&mut errors, raw).map(Some),
            None => Some(None),
        };
        let commission = input::commission(&mut errors, command.commission_basis_points);
        errors.finish()?;
        let (Some(kind), Some(email), Some(phone), Some(address), Some(iban), Some(commission)) =
            (kind, email, phone, address, iban, commission)
        else {
            return Err(AppError::internal(
                "owner fields parsed without error, yet one is missing",
            ));
        };
        Ok(OwnerDetails {
            kind,
            email,
            phone,
            address,
            iban,
            mandate: Mandate {
                commission,
                start_date: command.mandate_start_date,
                money_model: command.money_model,
            },
        })
    }
}

/// Creates owners.
#[derive(Clone)]
pub struct CreateOwnerHandler {
    ports: OwnerPorts,
}

impl CreateOwnerHandler {
    /// The use case on `ports`.
    pub fn new(ports: OwnerPorts) -> Self {
        Self { ports }
    }

    /// Creates the owner (and links the account, when given) in one transaction,
    /// publishing `owners.OwnerCreated` (and `owners.OwnerLinkedToUser`); returns its id.
    ///
    /// Staff only (401/403). 422 listing every invalid field (`siret`, `iban`,
    /// `address.postalCode`...), 422 on a broken rule (`owner.iban_required_for_mandate`,
    /// `owner.vat_siren_mismatch`, `owner.user_not_owner_role`), 409 `owner.siret_taken`
    /// or `owner.user_already_linked`.
    pub async fn handle(&self, ctx: &Ctx, command: CreateOwnerCommand) -> Result<Uuid, AppError> {
        let ports = &self.ports;
        require_staff(&ctx.actor)?;
        let user_id = command.user_id;
        let details = OwnerDetails::try_from(command)?;
        let now = ports.clock.now();
        let mut owner = Owner::create(ports.ids.new_id(), details, now)?;
        if let Some(user_id) = user_id {
            let user = user_to_link(ports.users.as_ref(), user_id).await?;
            apply_link(&mut owner, Some(user), now)?;
        }
        let mut tx = ports.unit_of_work.begin().await?;
        ports.owners.insert(&mut tx, ctx, &mut owner).await?;
        ports.unit_of_work.commit(tx).await?;
        tracing::info!(owner_id = %owner.id(), kind = %owner.kind().tag(), "owner created");
        Ok(owner.id())
    }
}
