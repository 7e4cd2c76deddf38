//! `StripeGateway`: Stripe over its REST API — Checkout Sessions for the guest's payment
//! (Stripe's hosted page), refunds of their payment intents — form-encoded, with a pinned
//! `Stripe-Version` and an `Idempotency-Key` on every POST (our payment's or refund's id,
//! stored before the call). Its webhooks (`POST /webhooks/stripe`, `Stripe-Signature`)
//! are verified by [`super::webhook_signature`], exactly as Stripe specifies.
//!
//! Not there yet: saving the guest's card at Stripe's checkout, hence no off-session
//! charge nor security-deposit hold through Stripe (those answer `Unsupported`; the
//! built-in gateway does them).

use async_trait::async_trait;
use reqwest::{Client, RequestBuilder, StatusCode};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use super::webhook_signature;
use sejour_core::value_objects::Money;

use crate::domain::{
    Authorization, Checkout, GatewayError, GatewayEvent, GatewayOutcome, HoldRequest,
    PaymentGateway, PaymentRequest, RefundRequest,
};

/// The provider name stored with its payments.
pub const STRIPE: &str = "stripe";
/// The API version every request is pinned to.
pub const STRIPE_VERSION: &str = "2024-06-20";

/// How to reach Stripe.
#[derive(Debug, Clone)]
pub struct StripeConfig {
    /// `https://api.stripe.com`, or a local server speaking its wire format.
    pub api_base: String,
    /// The secret API key (`sk_live_…`, `sk_test_…`).
    pub secret_key: SecretString,
    /// The webhook endpoint's signing secret (`whsec_…`).
    pub webhook_secret: SecretString,
    /// The web app's public URL: Stripe sends the guest back to absolute URLs.
    pub public_url: String,
}

/// Stripe as a payment gateway.
pub struct StripeGateway {
    client: Client,
    config: StripeConfig,
}

#[derive(Deserialize)]
struct Session {
    id: String,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    payment_intent: Option<String>,
}

#[derive(Deserialize)]
struct Refund {
    id: String,
    status: String,
}

#[derive(Deserialize)]
struct StripeError {
    error: StripeErrorBody,
}

#[derive(Deserialize)]
struct StripeErrorBody {
    #[serde(default)]
    message: Option<String>,
}

#[derive(Deserialize)]
struct Event {
    id: String,
    #[serde(rename = "type")]
    kind: String,
    data: EventData,
}

#[derive(Deserialize)]
struct EventData {
    object: EventObject,
}

#[derive(Deserialize)]
struct EventObject {
    id: String,
    #[serde(default)]
    payment_status: Option<String>,
}

impl StripeGateway {
    /// The gateway, with its HTTP client.
    pub fn new(config: StripeConfig) -> Result<Self, GatewayError> {
        let client = Client::builder()
            .timeout(std::time::Duration::from_secs(30))
            .build()
            .map_err(|e| GatewayError::Unavailable(e.to_string()))?;
        Ok(Self { client, config })
    }

    fn authorised(&self, request: RequestBuilder) -> RequestBuilder {
        request
            .bearer_auth(self.config.secret_key.expose_secret())
            .header("Stripe-Version", STRIPE_VERSION)
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.config.api_base.trim_end_matches('/'))
    }

    fn absolute(&self, url: &str) -> String {
        if url.starts_with('/') {
            format!("{}{url}", self.config.public_url.trim_end_matches('/'))
        } else {
            url.to_owned()
        }
    }

    /// Sends `request`; a 4xx is Stripe refusing (its message), anything else failing is
    /// Stripe unavailable.
    async fn send<T: for<'de> Deserialize<'de>>(
        &self,
        request: RequestBuilder,
    ) -> Result<T, GatewayError> {
        let response = request
            .send()
            .await
            .map_err(|e| GatewayError::Unavailable(e.to_string()))?;
        let status = response.status();
        let body = response
            .bytes()
            .await
            .map_err(|e| GatewayError::Unavailable(e.to_string()))?;
        if status.is_success() {
            return serde_json::from_slice(&body).map_err(|e| GatewayError::Payload(e.to_string()));
        }
        let message = serde_json::from_slice::<StripeError>(&body)
            .ok()
            .and_then(|e| e.error.message)
            .unwrap_or_else(|| status.to_string());
        if status.is_client_error() && status != StatusCode::TOO_MANY_REQUESTS {
            Err(GatewayError::Refused(message))
        } else {
            Err(GatewayError::Unavailable(message))
        }
    }
}

#[async_trait]
impl PaymentGateway for StripeGateway {
    fn name(&self) -> &'static str {
        STRIPE
    }

    /// A Checkout Session for the amount, on Stripe's hosted page.
    async fn create_payment(&self, request: &PaymentRequest) -> Result<Checkout, GatewayError> {
        let payment_id = request.payment_id.to_string();
        let back = self.absolute(&request.return_url);
        let form = [
            ("mode", "payment".to_owned()),
            ("success_url", back.clone()),
            ("cancel_url", back),
            ("client_reference_id", payment_id.clone()),
            ("metadata[payment_id]", payment_id.clone()),
            (
                "payment_intent_data[metadata][payment_id]",
                payment_id.clone(),
            ),
            ("line_items[0][quantity]", "1".to_owned()),
            (
                "line_items[0][price_data][currency]",
                request.amount.currency().as_str().to_lowercase(),
            ),
            (
                "line_items[0][price_data][unit_amount]",
                request.amount.amount_minor().to_string(),
            ),
            (
                "line_items[0][price_data][product_data][name]",
                request.description.clone(),
            ),
        ];
        let session: Session = self
            .send(
                self.authorised(self.client.post(self.url("/v1/checkout/sessions")))
                    .header("Idempotency-Key", &payment_id)
                    .form(&form),
            )
            .await?;
        let url = session
            .url
            .ok_or_else(|| GatewayError::Payload("a checkout session without url".to_owned()))?;
        Ok(Checkout {
            provider_ref: session.id,
            url,
        })
    }

    /// Expires the Checkout Session; one already completed or expired stays as it is.
    async fn cancel_payment(&self, provider_ref: &str) -> Result<bool, GatewayError> {
        let request = self
            .authorised(
                self.client
                    .post(self.url(&format!("/v1/checkout/sessions/{provider_ref}/expire"))),
            )
            .header("Idempotency-Key", format!("expire-{provider_ref}"));
        match self.send::<Session>(request).await {
            Ok(_) => Ok(true),
            // Completed (or expired) already: its webhook settles it.
            Err(GatewayError::Refused(_)) => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// Refunds part of the session's payment intent.
    async fn refund(&self, request: &RefundRequest) -> Result<String, GatewayError> {
        let session: Session = self
            .send(
                self.authorised(
                    self.client
                        .get(self.url(&format!("/v1/checkout/sessions/{}", request.provider_ref))),
                ),
            )
            .await?;
        let intent = session
            .payment_intent
            .ok_or_else(|| GatewayError::Refused(format!("session {} was not paid", session.id)))?;
        let refund_id = request.refund_id.to_string();
        let form = [
            ("payment_intent", intent),
            ("amount", request.amount.amount_minor().to_string()),
            ("metadata[refund_id]", refund_id.clone()),
        ];
        let refund: Refund = self
            .send(
                self.authorised(self.client.post(self.url("/v1/refunds")))
                    .header("Idempotency-Key", &refund_id)
                    .form(&form),
            )
            .await?;
        match refund.status.as_str() {
            "failed" | "canceled" => Err(GatewayError::Refused(format!(
                "refund {} {}",
                refund.id, refund.status
            ))),
            _ => Ok(refund.id),
        }
    }

    /// Cards are not saved at Stripe's checkout yet: nothing to charge off-session.
    async fn charge_saved_card(
        &self,
        _request: &PaymentRequest,
        _card: &str,
    ) -> Result<(String, GatewayOutcome), GatewayError> {
        Err(GatewayError::Unsupported(STRIPE))
    }

    /// Cards are not saved at Stripe's checkout yet: nothing to hold.
    async fn authorize(&self, _request: &HoldRequest) -> Result<Authorization, GatewayError> {
        Err(GatewayError::Unsupported(STRIPE))
    }

    async fn capture(&self, _provider_ref: &str, _amount: Money) -> Result<(), GatewayError> {
        Err(GatewayError::Unsupported(STRIPE))
    }

    async fn release(&self, _provider_ref: &str) -> Result<(), GatewayError> {
        Err(GatewayError::Unsupported(STRIPE))
    }

    async fn verify_event(
        &self,
        signature: &str,
        body: &[u8],
        now_unix: i64,
    ) -> Result<GatewayEvent, GatewayError> {
        webhook_signature::verify(
            self.config.webhook_secret.expose_secret(),
            signature,
            body,
            now_unix,
        )?;
        let event: Event =
            serde_json::from_slice(body).map_err(|e| GatewayError::Payload(e.to_string()))?;
        let object = event.data.object;
        let outcome = match event.kind.as_str() {
            "checkout.session.completed" if object.payment_status.as_deref() == Some("paid") => {
                GatewayOutcome::Succeeded
            }
            "checkout.session.async_payment_succeeded" => GatewayOutcome::Succeeded,
            "checkout.session.async_payment_failed" => {
                GatewayOutcome::Failed("async_payment_failed".to_owned())
            }
            "checkout.session.expired" => GatewayOutcome::Failed("expired".to_owned()),
            other => GatewayOutcome::Other(other.to_owned()),
        };
        Ok(GatewayEvent {
            event_id: event.id,
            provider_ref: object.id,
            outcome,
            card: None,
        })
    }
}
