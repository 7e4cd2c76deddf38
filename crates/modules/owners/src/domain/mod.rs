//! The owners context's domain: pure types and rules, no I/O.
//!
//! - [`owner`]: the [`Owner`] aggregate, whose methods check the rules below.
//! - Value objects: [`Siret`] (Luhn, La Poste's exception), [`VatNumber`] (intra-EU,
//!   French key), [`Iban`] (SEPA lengths, ISO 13616 mod 97, masking), [`CommissionRate`]
//!   (basis points), [`MoneyModel`], [`Mandate`], [`PersonName`], [`LegalName`],
//!   [`OwnerKind`] (person or company).
//! - [`rules`]: the named rules ([`MandateModelRequiresIban`],
//!   [`FrenchVatNumberMustMatchSiren`], [`LinkedUserMustHaveOwnerRole`]).
//! - [`events`]: [`OwnerEvent`], the facts the aggregate publishes.
//! - [`errors`]: [`OwnerError`], each with its stable code.
//! - [`repositories`]: [`repositories::OwnerRepository`], the port owners are stored through.

pub mod errors;
pub mod events;
pub mod iban;
pub mod kind;
pub mod mandate;
pub mod name;
pub mod owner;
pub mod repositories;
pub mod rules;
pub mod siret;
pub mod vat_number;

pub use errors::OwnerError;
pub use events::{
    OwnerCreated, OwnerEvent, OwnerField, OwnerLinkedToUser, OwnerUnlinkedFromUser, OwnerUpdated,
};
pub use iban::{Iban, IbanError};
pub use kind::{OwnerKind, OwnerKindTag};
pub use mandate::{CommissionRate, CommissionRateError, Mandate, MoneyModel};
pub use name::{INVALID_NAME, LegalName, NameProblem, PersonName};
pub use owner::{Owner, OwnerChanges, OwnerDetails, OwnerSnapshot, UserToLink};
pub use rules::{
    FrenchVatNumberMustMatchSiren, LinkedUserMustHaveOwnerRole, MandateModelRequiresIban,
};
pub use siret::{Siret, SiretError};
pub use vat_number::{VatNumber, VatNumberError};
