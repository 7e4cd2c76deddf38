//! The reservations domain: pure (std, core, chrono, serde derive, thiserror), no I/O.
//!
//! - [`reservation`]: the [`Reservation`] aggregate and its lifecycle.
//! - [`guests`]: who books ([`GuestContact`]) and who stays ([`Occupants`]).
//! - [`price`]: the [`PriceBreakdown`] frozen from the quote, and its manual override.
//! - [`reservation_status`]: [`ReservationStatus`], alone so that errors, rules and the
//!   aggregate share it without cycles.
//! - [`rules`]: the named business rules the aggregate's methods check.
//! - [`services`]: [`ReservationDomainService`] (frozen price, refund due, whom a
//!   booking is for).
//! - [`repositories`]: the ports [`ReservationRepository`] and
//!   [`IdempotencyKeyRepository`].
//! - [`events`]: what the aggregate publishes.
//! - [`errors`]: [`ReservationError`], one stable code per broken rule.

pub mod errors;
pub mod events;
pub mod guests;
pub mod price;
pub mod repositories;
pub mod reservation;
pub mod reservation_status;
pub mod rules;
pub mod services;

pub use errors::ReservationError;
pub use events::{ReservationEvent, ReservationField};
pub use guests::{CancelReason, GuestContact, Guests, Notes, Occupants};
pub use price::{Installment, InstallmentKind, MoneyMovement, PriceBreakdown};
pub use repositories::{
    Claim, IdempotencyKeyRepository, ReservationFilter, ReservationRecord, ReservationRepository,
    TimelineEntry,
};
pub use reservation::{
    Cancellation, ContractRef, NewReservation, Reservation, ReservationChanges, ReservationSnapshot,
};
pub use reservation_status::ReservationStatus;
pub use services::{BookingParty, ReservationDomainService};
