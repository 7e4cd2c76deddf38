//! What the owners domain refuses, each with a stable code and the field at fault.

/// A rule of the owners domain was broken.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OwnerError {
    /// Rule [`super::rules::MandateModelRequiresIban`].
    #[error("the agency collects the rent under the `mandate` model: the owner's IBAN is required")]
    IbanRequiredForMandate,
    /// Rule [`super::rules::FrenchVatNumberMustMatchSiren`].
    #[error(
        "this French VAT number is the one of SIREN {vat_siren}, not of the SIRET's SIREN {siren}"
    )]
    VatNumberDoesNotMatchSiren {
        /// The SIREN of the SIRET.
        siren: String,
        /// The SIREN inside the VAT number.
        vat_siren: String,
    },
    /// Rule [`super::rules::LinkedUserMustHaveOwnerRole`].
    #[error("only an existing user account with the role `owner` can be linked to an owner")]
    UserNotOwnerRole,
}

impl OwnerError {
    /// Code of [`OwnerError::IbanRequiredForMandate`].
    pub const IBAN_REQUIRED_FOR_MANDATE: &'static str = "owner.iban_required_for_mandate";
    /// Code of [`OwnerError::VatNumberDoesNotMatchSiren`].
    pub const VAT_SIREN_MISMATCH: &'static str = "owner.vat_siren_mismatch";
    /// Code of [`OwnerError::UserNotOwnerRole`].
    pub const USER_NOT_OWNER_ROLE: &'static str = "owner.user_not_owner_role";

    /// A stable, machine-readable code for this error.
    pub fn code(&self) -> &'static str {
        match self {
            OwnerError::IbanRequiredForMandate => Self::IBAN_REQUIRED_FOR_MANDATE,
            OwnerError::VatNumberDoesNotMatchSiren { .. } => Self::VAT_SIREN_MISMATCH,
            OwnerError::UserNotOwnerRole => Self::USER_NOT_OWNER_ROLE,
        }
    }

    /// The JSON name of the field at fault.
    pub fn field(&self) -> &'static str {
        match self {
            OwnerError::IbanRequiredForMandate => "iban",
            OwnerError::VatNumberDoesNotMatchSiren { .. } => "vatNumber",
            OwnerError::UserNotOwnerRole => "userId",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn given_each_error_when_asking_its_code_and_field_then_stable() {
        let cases = [
            (
                OwnerError::IbanRequiredForMandate,
                "owner.iban_required_for_mandate",
                "iban",
            ),
            (
                OwnerError::VatNumberDoesNotMatchSiren {
                    siren: "732829320".into(),
                    vat_siren: "753805035".into(),
                },
                "owner.vat_siren_mismatch",
                "vatNumber",
            ),
            (
                OwnerError::UserNotOwnerRole,
                "owner.user_not_owner_role",
                "userId",
            ),
        ];
        for (error, code, field) in cases {
            assert_eq!((error.code(), error.field()), (code, field));
        }
    }
}
