//! Who an owner is: a person, or a company.

pub use crate::published_language::OwnerKindTag;

use super::{
    name::{LegalName, PersonName},
    siret::Siret,
    vat_number::VatNumber,
};

/// An owner's identity: a person with their names, or a company with its legal name,
/// SIRET and, if it has one, its intra-EU VAT number.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum OwnerKind {
    /// A natural person.
    Person {
        /// First name.
        first_name: PersonName,
        /// Last name.
        last_name: PersonName,
    },
    /// A company.
    Company {
        /// Legal name (raison sociale).
        legal_name: LegalName,
        /// The SIRET of the establishment the agency deals with.
        siret: Siret,
        /// Intra-EU VAT number, if the company has one.
        vat_number: Option<VatNumber>,
    },
}

impl OwnerKind {
    /// Which kind this is.
    pub fn tag(&self) -> OwnerKindTag {
        match self {
            OwnerKind::Person { .. } => OwnerKindTag::Person,
            OwnerKind::Company { .. } => OwnerKindTag::Company,
        }
    }

    /// The name to address the owner by: `First Last`, or the legal name.
    pub fn display_name(&self) -> String {
        match self {
            OwnerKind::Person {
                first_name,
                last_name,
            } => format!("{first_name} {last_name}"),
            OwnerKind::Company { legal_name, .. } => legal_name.to_string(),
        }
    }

    /// A person's first name.
    pub fn first_name(&self) -> Option<&PersonName> {
        match self {
            OwnerKind::Person { first_name, .. } => Some(first_name),
            OwnerKind::Company { .. } => None,
        }
    }

    /// A person's last name.
    pub fn last_name(&self) -> Option<&PersonName> {
        match self {
            OwnerKind::Person { last_name, .. } => Some(last_name),
            OwnerKind::Company { .. } => None,
        }
    }

    /// A company's legal name.
    pub fn legal_name(&self) -> Option<&LegalName> {
        match self {
            OwnerKind::Company { legal_name, .. } => Some(legal_name),
            OwnerKind::Person { .. } => None,
        }
    }

    /// A company's SIRET.
    pub fn siret(&self) -> Option<&Siret> {
        match self {
            OwnerKind::Company { siret, .. } => Some(siret),
            OwnerKind::Person { .. } => None,
        }
    }

    /// A company's VAT number.
    pub fn vat_number(&self) -> Option<&VatNumber> {
        match self {
            OwnerKind::Company { vat_number, .. } => vat_number.as_ref(),
            OwnerKind::Person { .. } => None,
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn given_each_kind_when_asking_its_details_then_only_its_own() {
        let person = OwnerKind::Person {
            first_name: PersonName::parse("Ada").unwrap(),
            last_name: PersonName::parse("Lovelace").unwrap(),
        };
        assert_eq!(person.tag(), OwnerKindTag::Person);
        assert_eq!(person.display_name(), "Ada Lovelace");
        assert_eq!(person.siret(), None);
        let company = OwnerKind::Company {
            legal_name: LegalName::parse("SCI Les Oliviers").unwrap(),
            siret: Siret::parse("73282932000074").unwrap(),
            vat_number: None,
        };
        assert_eq!(company.tag(), OwnerKindTag::Company);
        assert_eq!(company.display_name(), "SCI Les Oliviers");
        assert_eq!(company.first_name(), None);
        assert_eq!(company.siret().map(Siret::siren), Some("732829320"));
        for tag in OwnerKindTag::ALL {
            assert_eq!(OwnerKindTag::parse(tag.as_str()), Some(tag));
        }
    }
}
