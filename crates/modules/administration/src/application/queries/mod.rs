//! Queries: use cases that read and never write.

pub mod search_audit;
