//! The auth context's adapters: argon2, JWT, opaque tokens, the `auth` schema, the purge
//! job, and the wiring from settings.

pub mod adapters;
pub mod jwt;
pub mod password_hasher;
pub mod purge;
pub mod repositories;
pub mod wiring;
