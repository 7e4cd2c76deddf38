//! Access tokens: short-lived JWTs signed with HMAC-SHA256 (`SEJOUR_JWT_SECRET`).

use chrono::{DateTime, Utc};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use sejour_core::{AppError, Role};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::application::ports::{AccessClaims, AccessTokens};

const ISSUER: &str = "sejour";
const AUDIENCE: &str = "sejour-api";

#[derive(Debug, Serialize, Deserialize)]
struct Claims {
    sub: Uuid,
    sid: Uuid,
    role: Role,
    iat: i64,
    exp: i64,
    iss: String,
    aud: String,
}

/// Issues and verifies HS256 access tokens.
pub struct JwtAccessTokens {
    encoding: EncodingKey,
    decoding: DecodingKey,
}

impl JwtAccessTokens {
    /// Keys from `secret` (at least 32 bytes: the settings check it).
    pub fn new(secret: &[u8]) -> Self {
        Self {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
        }
    }
}

impl AccessTokens for JwtAccessTokens {
    fn issue(&self, claims: &AccessClaims) -> Result<String, AppError> {
        let body = Claims {
            sub: claims.user_id,
            sid: claims.session_id,
            role: claims.role,
            iat: claims.issued_at.timestamp(),
            exp: claims.expires_at.timestamp(),
            iss: ISSUER.to_owned(),
            aud: AUDIENCE.to_owned(),
        };
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), &body, &self.encoding)
            .map_err(AppError::internal)
    }

    fn verify(&self, token: &str, now: DateTime<Utc>) -> Option<AccessClaims> {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[AUDIENCE]);
        // Expiry is checked against our clock below, not the system's.
        validation.validate_exp = false;
        validation.leeway = 0;
        let data = jsonwebtoken::decode::<Claims>(token, &self.decoding, &validation).ok()?;
        let c = data.claims;
        if c.exp <= now.timestamp() {
            return None;
        }
        Some(AccessClaims {
            user_id: c.sub,
            session_id: c.sid,
            role: c.role,
            issued_at: DateTime::from_timestamp(c.iat, 0)?,
            expires_at: DateTime::from_timestamp(c.exp, 0)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(now: DateTime<Utc>) -> AccessClaims {
        AccessClaims {
            user_id: Uuid::now_v7(),
            session_id: Uuid::now_v7(),
            role: Role::Guest,
            issued_at: now,
            expires_at: now + chrono::Duration::minutes(15),
        }
    }

    #[test]
    fn a_token_verifies_until_it_expires_and_only_with_its_key() {
        let keys = JwtAccessTokens::new(b"0123456789abcdef0123456789abcdef");
        let now = DateTime::<Utc>::from_timestamp(Utc::now().timestamp(), 0).unwrap_or_default();
        let c = claims(now);
        let token = keys.issue(&c).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(keys.verify(&token, now), Some(c.clone()));
        assert_eq!(keys.verify(&token, c.expires_at), None, "expired");
        let other = JwtAccessTokens::new(b"another-secret-another-secret-xx");
        assert_eq!(other.verify(&token, now), None, "wrong key");
        assert_eq!(keys.verify("not.a.token", now), None);
        let mut tampered = token.clone();
        tampered.push('x');
        assert_eq!(keys.verify(&tampered, now), None);
    }
}
