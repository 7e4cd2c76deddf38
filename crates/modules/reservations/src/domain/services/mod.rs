//! Named domain services: booking logic that spans more than the aggregate.

pub mod reservation_domain_service;

pub use reservation_domain_service::{BookingParty, ReservationDomainService};
