//! The ports the owners domain is stored through; implemented in
//! [`crate::infrastructure::repositories`].

mod owner_repository;

pub use owner_repository::{OwnerFilter, OwnerRepository};
