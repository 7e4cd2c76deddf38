//! The properties context's rules, pure: the property aggregate, amenities, the
//! calendar's occupations, pricing (rates, tourist tax, quotes, payment schedule,
//! cancellation), and events.

pub mod amenity;
pub mod calendar;
pub mod errors;
pub mod events;
pub mod gateways;
pub mod photo;
pub mod pricing;
pub mod property;
pub mod repositories;
pub mod search;
pub mod services;

pub use errors::PropertyError;
pub use events::PropertyEvent;
