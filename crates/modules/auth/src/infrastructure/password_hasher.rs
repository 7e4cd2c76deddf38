//! argon2id password hashing with OWASP's recommended parameters.

use argon2::{
    Algorithm, Argon2, Params, PasswordHash, PasswordHasher as _, PasswordVerifier, Version,
    password_hash::{SaltString, rand_core::OsRng},
};
use sejour_core::AppError;

use crate::application::ports::PasswordHasher;

/// argon2id, m = 19 MiB, t = 2, p = 1 (OWASP Password Storage Cheat Sheet).
pub struct Argon2Hasher {
    argon2: Argon2<'static>,
    /// A hash of a random password, verified when the email is unknown so that a
    /// failed sign-in takes the same time whether the account exists or not.
    dummy: String,
}

impl Argon2Hasher {
    /// The hasher with OWASP parameters.
    pub fn new() -> Result<Self, AppError> {
        let params = Params::new(19 * 1024, 2, 1, None).map_err(AppError::internal)?;
        let argon2 = Argon2::new(Algorithm::Argon2id, Version::V0x13, params);
        let salt = SaltString::generate(&mut OsRng);
        let dummy = argon2
            .hash_password(uuid::Uuid::now_v7().to_string().as_bytes(), &salt)
            .map_err(AppError::internal)?
            .to_string();
        Ok(Self { argon2, dummy })
    }
}

impl PasswordHasher for Argon2Hasher {
    fn hash(&self, password: &str) -> Result<String, AppError> {
        let salt = SaltString::generate(&mut OsRng);
        self.argon2
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(AppError::internal)
    }

    fn verify(&self, password: &str, hash: Option<&str>) -> bool {
        let stored = hash.unwrap_or(&self.dummy);
        let Ok(parsed) = PasswordHash::new(stored) else {
            return false;
        };
        let matches = self
            .argon2
            .verify_password(password.as_bytes(), &parsed)
            .is_ok();
        matches && hash.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_its_password_only() {
        let hasher = Argon2Hasher::new().unwrap_or_else(|e| panic!("{e}"));
        let hash = hasher
            .hash("correct horse battery")
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(
            hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{hash}"
        );
        assert!(hasher.verify("correct horse battery", Some(&hash)));
        assert!(!hasher.verify("wrong horse battery", Some(&hash)));
        assert!(
            !hasher.verify("anything", None),
            "the dummy hash never matches"
        );
        assert!(!hasher.verify("anything", Some("not a hash")));
    }
}
