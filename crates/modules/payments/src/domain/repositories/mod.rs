//! The repository traits of the payments context.

mod payment_repository;

pub use payment_repository::PaymentRepository;
