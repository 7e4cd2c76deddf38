//! The `sejour` binary's library: the composition root, the roles, the CLI and the
//! OpenAPI frame. `main.rs` only parses the command line and calls in here; tests use
//! the same [`platform::Platform`] to run the real router.

pub mod cli;
pub mod commands;
pub mod demo;
pub mod openapi;
pub mod platform;
pub mod roles;
