//! The shared HTTP edge: problem documents, extractors, request context, pagination,
//! health and metrics, and the layers every request goes through.

pub mod client_ip;
pub mod context;
pub mod dto;
pub mod edge;
pub mod extract;
pub mod health;
pub mod pagination;
pub mod preconditions;
pub mod pricing;
pub mod problem;
pub mod schema_reader;
pub mod schemas;
pub mod security;
pub mod upload;

pub use context::RequestCtx;
pub use dto::AddressDto;
pub use extract::{Json, Path, Query};
pub use pagination::{Page, PageParams};
pub use problem::{ApiError, Problem};
