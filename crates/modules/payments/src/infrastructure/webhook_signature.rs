//! Webhook signatures as Stripe specifies them, used by the built-in gateway too (so that
//! its notifications take the very path a provider's do): the header
//! `t=<unix seconds>,v1=<hex>[,v1=<hex>…]`, each `v1` the HMAC-SHA256 of `"<t>." + raw
//! body` under the endpoint's secret (its `whsec_` prefix included); any `v1` may match
//! (a rolled secret signs with both), compared in constant time; `v0` and other schemes
//! are ignored; older than the tolerance is refused (a later timestamp is accepted, as
//! Stripe's libraries do).

use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::domain::GatewayError;

/// How old a signature may be, seconds (Stripe's default).
pub const TOLERANCE_SECS: i64 = 300;

fn mac(secret: &str, timestamp: i64, body: &[u8]) -> Hmac<Sha256> {
    // HMAC takes a key of any length.
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret.as_bytes())
        .unwrap_or_else(|_| unreachable!("HMAC accepts any key length"));
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    mac
}

/// The signature header of `body` at `timestamp`.
pub fn sign(secret: &str, timestamp: i64, body: &[u8]) -> String {
    let tag = mac(secret, timestamp, body).finalize().into_bytes();
    format!("t={timestamp},v1={}", hex::encode(tag))
}

/// Checks `header` against `body` at `now` (unix seconds).
pub fn verify(secret: &str, header: &str, body: &[u8], now: i64) -> Result<(), GatewayError> {
    let bad = |why: &str| GatewayError::Signature(why.to_owned());
    let mut timestamp = None;
    let mut signatures = Vec::new();
    for part in header.split(',') {
        match part.trim().split_once('=') {
            Some(("t", t)) => timestamp = t.parse::<i64>().ok(),
            Some(("v1", v)) => signatures.push(v),
            _ => {}
        }
    }
    let timestamp = timestamp.ok_or_else(|| bad("no timestamp"))?;
    if signatures.is_empty() {
        return Err(bad("no v1 signature"));
    }
    if timestamp < now - TOLERANCE_SECS {
        return Err(bad("timestamp outside the tolerance"));
    }
    let expected = mac(secret, timestamp, body);
    let matches = signatures
        .iter()
        .any(|v| hex::decode(v).is_ok_and(|given| expected.clone().verify_slice(&given).is_ok()));
    if matches {
        Ok(())
    } else {
        Err(bad("no signature matches"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "whsec_test_secret";
    const BODY: &[u8] = br#"{"id":"evt_1"}"#;
    /// HMAC-SHA256("whsec_test_secret", `1700000000.{"id":"evt_1"}`), computed with
    /// Python's `hmac` module.
    const VECTOR: &str = "248a374f50f943a28b0f6ab50faf9a7e7e29b710fa26df9fb1618b9bf8ea9c9a";

    #[test]
    fn the_signature_matches_a_fixed_vector() {
        assert_eq!(
            sign(SECRET, 1_700_000_000, BODY),
            format!("t=1700000000,v1={VECTOR}")
        );
        assert_eq!(
            verify(
                SECRET,
                &format!("t=1700000000,v1={VECTOR}"),
                BODY,
                1_700_000_100
            ),
            Ok(())
        );
    }

    #[test]
    fn any_v1_may_match_and_v0_is_ignored() {
        let header = format!("t=1700000000,v0={VECTOR},v1=00ff,v1={VECTOR}");
        assert_eq!(verify(SECRET, &header, BODY, 1_700_000_000), Ok(()));
        let only_v0 = format!("t=1700000000,v0={VECTOR}");
        assert!(verify(SECRET, &only_v0, BODY, 1_700_000_000).is_err());
    }

    #[test]
    fn a_changed_body_an_old_timestamp_or_another_secret_is_refused() {
        let header = format!("t=1700000000,v1={VECTOR}");
        assert!(verify(SECRET, &header, br#"{"id":"evt_2"}"#, 1_700_000_000).is_err());
        assert!(verify(SECRET, &header, BODY, 1_700_000_301).is_err());
        assert!(verify("whsec_other", &header, BODY, 1_700_000_000).is_err());
        assert!(verify(SECRET, "v1=abc", BODY, 1_700_000_000).is_err());
        assert!(verify(SECRET, "", BODY, 1_700_000_000).is_err());
        // A timestamp ahead of the clock is accepted, as Stripe's libraries do.
        assert_eq!(verify(SECRET, &header, BODY, 1_699_999_000), Ok(()));
    }
}
