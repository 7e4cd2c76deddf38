//! The ports the owners domain is stored through; implemented in
//! the infrastructure layer (`PgOwnerRepository`).

mod owner_repository;

pub use owner_repository::{OwnerFilter, OwnerRepository};
