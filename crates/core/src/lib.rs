//! Séjour's shared kernel.
//!
//! Everything here is framework-free: value objects that cannot be built invalid,
//! the CQRS vocabulary, the domain-event envelope, the error taxonomy every context
//! maps its errors onto, and the ports (`Clock`, `IdGenerator`) that keep time and
//! identity under the tests' control.

pub mod aggregate;
pub mod authz;
pub mod context;
pub mod cqrs;
pub mod errors;
pub mod events;
pub mod input;
pub mod mail;
pub mod paging;
pub mod password;
pub mod ports;
pub mod rules;
pub mod unit_of_work;
pub mod value_objects;

pub use aggregate::{Aggregate, Changes};
pub use authz::Role;
pub use context::{Actor, Ctx};
pub use errors::{AppError, ErrorKind, FieldError, ensure_version};
pub use events::{DomainEvent, EventEnvelope};
pub use ports::{Clock, IdGenerator, SystemClock, UuidV7Generator};
pub use rules::{BusinessRule, check_rule};
pub use unit_of_work::{Tx, UnitOfWork};
