//! Immutable, validated business values. Each has one checking constructor; past it,
//! a value is valid by construction.

mod cancellation_policy;
mod date_range;
mod email;
mod installment;
mod money;
mod occupants;
pub mod pattern;
mod person_name;
mod phone_number;
mod postal_address;
mod reservation_period;

pub use cancellation_policy::{CancellationPolicy, RefundError, refund_due};
pub use date_range::{DateRange, DateRangeError};
pub use email::{Email, EmailError};
pub use installment::{Installment, InstallmentKind};
pub use money::{Currency, Money, MoneyError};
pub use occupants::{AGE_OF_MAJORITY, MAX_OCCUPANTS, Occupants, OccupantsError};
pub use person_name::{MAX_NAME_LENGTH, NameProblem, PersonName};
pub use phone_number::{PhoneNumber, PhoneNumberError};
pub use postal_address::{CountryCode, PostalAddress, PostalAddressError};
pub use reservation_period::{ReservationPeriod, ReservationPeriodError};
