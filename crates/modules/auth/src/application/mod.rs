//! The auth context's use cases, the ports they need, and the published
//! `Credentials` implementation for the users context.

pub mod commands;
pub mod credentials;
pub mod ports;
pub mod queries;
pub mod service;
pub mod tokens;

pub use service::{Auth, AuthPolicy};
pub use tokens::TokenPair;
