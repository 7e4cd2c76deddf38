//! The owners domain's named rules. Each reads like the rule, is checked inside the
//! [`super::Owner`] method that could break it, and fails with its own error code.

use sejour_core::{BusinessRule, Role};

use super::{errors::OwnerError, iban::Iban, kind::OwnerKind, mandate::MoneyModel};

/// "Under the `mandate` money model, the owner has an IBAN": the agency collects the
/// rent and must be able to pay the owner their share. (Under `service` the owner
/// collects, and an IBAN is optional.) Code `owner.iban_required_for_mandate`.
#[derive(Debug, Clone, Copy)]
pub struct MandateModelRequiresIban<'a> {
    /// The money model.
    pub money_model: MoneyModel,
    /// The owner's IBAN, if any.
    pub iban: Option<&'a Iban>,
}

impl BusinessRule for MandateModelRequiresIban<'_> {
    type Error = OwnerError;

    fn is_broken(&self) -> bool {
        self.money_model.agency_collects_rent() && self.iban.is_none()
    }

    fn error(&self) -> OwnerError {
        OwnerError::IbanRequiredForMandate
    }
}

/// "A company's French VAT number is the one of its SIREN": `FRkk` + the 9 digits its
/// SIRET starts with. (VAT numbers of other countries are not compared.)
/// Code `owner.vat_siren_mismatch`.
#[derive(Debug, Clone, Copy)]
pub struct FrenchVatNumberMustMatchSiren<'a> {
    /// The owner's identity.
    pub kind: &'a OwnerKind,
}

impl FrenchVatNumberMustMatchSiren<'_> {
    fn sirens(&self) -> Option<(&str, &str)> {
        match self.kind {
            OwnerKind::Company {
                siret,
                vat_number: Some(vat),
                ..
            } => vat
                .french_siren()
                .map(|vat_siren| (siret.siren(), vat_siren)),
            _ => None,
        }
    }
}

impl BusinessRule for FrenchVatNumberMustMatchSiren<'_> {
    type Error = OwnerError;

    fn is_broken(&self) -> bool {
        self.sirens().is_some_and(|(siren, vat)| siren != vat)
    }

    fn error(&self) -> OwnerError {
        let (siren, vat_siren) = self.sirens().unwrap_or_default();
        OwnerError::VatNumberDoesNotMatchSiren {
            siren: siren.to_owned(),
            vat_siren: vat_siren.to_owned(),
        }
    }
}

/// "Only a user account with the role `owner` is linked to an owner record": linking
/// lets that account read the record, which staff and guests have no business doing
/// through it. Code `owner.user_not_owner_role`.
#[derive(Debug, Clone, Copy)]
pub struct LinkedUserMustHaveOwnerRole {
    /// The account's role.
    pub role: Role,
}

impl BusinessRule for LinkedUserMustHaveOwnerRole {
    type Error = OwnerError;

    fn is_broken(&self) -> bool {
        self.role != Role::Owner
    }

    fn error(&self) -> OwnerError {
        OwnerError::UserNotOwnerRole
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use sejour_core::check_rule;

    use super::*;
    use crate::domain::{LegalName, Siret, VatNumber};

    fn company(vat: Option<&str>) -> OwnerKind {
        OwnerKind::Company {
            legal_name: LegalName::parse("SCI Les Oliviers").unwrap(),
            siret: Siret::parse("73282932000074").unwrap(),
            vat_number: vat.map(|v| VatNumber::parse(v).unwrap()),
        }
    }

    #[test]
    fn given_the_mandate_model_without_an_iban_when_checked_then_broken() {
        let iban = Iban::parse("FR7630006000011234567890189").unwrap();
        let rule = |money_model, iban| check_rule(MandateModelRequiresIban { money_model, iban });
        assert_eq!(
            rule(MoneyModel::Mandate, None),
            Err(OwnerError::IbanRequiredForMandate)
        );
        assert_eq!(rule(MoneyModel::Mandate, Some(&iban)), Ok(()));
        assert_eq!(rule(MoneyModel::Service, None), Ok(()));
    }

    #[test]
    fn given_a_french_vat_number_of_another_siren_when_checked_then_broken() {
        let mine = company(Some("FR44732829320"));
        assert!(check_rule(FrenchVatNumberMustMatchSiren { kind: &mine }).is_ok());
        let other = company(Some("FR88753805035"));
        assert_eq!(
            check_rule(FrenchVatNumberMustMatchSiren { kind: &other }),
            Err(OwnerError::VatNumberDoesNotMatchSiren {
                siren: "732829320".into(),
                vat_siren: "753805035".into()
            })
        );
        // No VAT number, or a foreign one: nothing to compare.
        let none = company(None);
        assert!(check_rule(FrenchVatNumberMustMatchSiren { kind: &none }).is_ok());
        let german = company(Some("DE129273398"));
        assert!(check_rule(FrenchVatNumberMustMatchSiren { kind: &german }).is_ok());
    }

    #[test]
    fn given_a_role_other_than_owner_when_linking_then_broken() {
        for role in Role::ALL {
            let result = check_rule(LinkedUserMustHaveOwnerRole { role });
            assert_eq!(result.is_ok(), role == Role::Owner, "{role}");
        }
    }
}
