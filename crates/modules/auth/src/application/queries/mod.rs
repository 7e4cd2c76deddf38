//! Queries: read, never write.

pub mod authenticate;
