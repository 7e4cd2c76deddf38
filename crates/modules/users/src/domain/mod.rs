//! The users context's domain: pure types and rules, no I/O.
//!
//! - [`user`]: the [`User`] aggregate, whose methods check the rules below.
//! - [`name`]: [`PersonName`], the rule "a name is trimmed, 1–100 characters, printable".
//! - [`rules`]: the named rules about who may change what ([`AdminCannotChangeOwnRole`],
//!   [`AdminCannotDisableThemself`]).
//! - [`language`]: the languages we write to users in.
//! - [`events`]: [`UserEvent`], the facts the aggregate publishes.
//! - [`errors`]: [`UserError`], each with its stable code.
//! - [`repositories`]: the [`UserRepository`] port.

pub mod errors;
pub mod events;
pub mod language;
pub mod name;
pub mod repositories;
pub mod rules;
pub mod user;

pub use errors::{NameField, NameViolation, UserError};
pub use events::{ProfileField, UserEvent};
pub use language::Language;
pub use name::{NameProblem, PersonName};
pub use repositories::{UserFilter, UserRepository};
pub use rules::{AdminCannotChangeOwnRole, AdminCannotDisableThemself};
pub use user::{ProfileChanges, User, UserSnapshot};
