//! The auth domain's repository ports, implemented in `infrastructure/repositories/`.
//! Writes join the caller's transaction ([`sejour_core::Tx`]).

pub mod credential_repository;
pub mod password_reset_repository;
pub mod session_repository;

pub use credential_repository::CredentialRepository;
pub use password_reset_repository::PasswordResetRepository;
pub use session_repository::SessionRepository;
