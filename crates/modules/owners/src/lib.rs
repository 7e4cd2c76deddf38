//! The owners context: the owners of the rentals the agency runs — a person or a
//! company (SIRET, VAT number), their contact details, IBAN and management mandate —
//! and the link between an owner and the user account that stands for them.
//!
//! - [`domain`]: the `Owner` aggregate, its value objects (`Siret`, `VatNumber`, `Iban`,
//!   `CommissionRate`...), named rules and events, pure.
//! - [`application`]: the use cases (commands, queries) and the published interface
//!   ([`application::directory::OwnerDirectory`]) the properties context calls.
//! - [`infrastructure`]: the PostgreSQL repository (events on the outbox in the same
//!   transaction) and the directory implementation.
//! - [`presentation`]: the HTTP edge under `/api/v1/owners`.
//! - [`published_language`]: the event payloads and enums other contexts may use.
//! - [`module()`]: all of it, as the platform plugs it in.

pub mod application;
pub mod domain;
pub mod infrastructure;
mod module;
pub mod presentation;
pub mod published_language;

pub use module::{directory, module, use_cases};

/// This context's migrations (the `owners` schema).
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");
