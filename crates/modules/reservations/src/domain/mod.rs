//! The reservations domain: pure (std, core, chrono, serde derive, thiserror), no I/O.
//!
//! - [`reservation`]: the [`Reservation`] aggregate and its lifecycle.
//! - [`guests`]: who books ([`GuestContact`]) and who stays ([`Occupants`]).
//! - [`price`]: the [`PriceBreakdown`] frozen from the quote, and its manual override.
//! - [`reservation_status`]: [`ReservationStatus`], alone so that errors, rules and the
//!   aggregate share it without cycles.
//! - [`rules`]: the named business rules the aggregate's methods check.
//! - [`refund`]: the refund domain service (the property's cancellation policy).
//! - [`events`]: what the aggregate publishes.
//! - [`errors`]: [`ReservationError`], one stable code per broken rule.

pub mod errors;
pub mod events;
pub mod guests;
pub mod price;
pub mod refund;
pub mod reservation;
pub mod reservation_status;
pub mod rules;

pub use errors::ReservationError;
pub use events::{ReservationEvent, ReservationField};
pub use guests::{CancelReason, GuestContact, Guests, Notes, Occupants};
pub use price::{Installment, InstallmentKind, PriceBreakdown};
pub use reservation::{
    Cancellation, ContractRef, NewReservation, Reservation, ReservationChanges, ReservationSnapshot,
};
pub use reservation_status::ReservationStatus;
