//! `StripeGateway`: Stripe over its REST API, form-encoded, with a pinned `Stripe-Version`
//! and an `Idempotency-Key` on every POST derived from ids we stored before the call (the
//! payment's, the refund's, the hold's, or the hold's reference for its capture and
//! release). Its webhooks (`POST /webhooks/stripe`, `Stripe-Signature`) are verified by
//! [`super::webhook_signature`], exactly as Stripe specifies.
//!
//! - The guest pays on a Checkout Session (Stripe's hosted page); refunds go back on its
//!   payment intent.
//! - **Keeping the card.** The guest's consent is asked in our web app before they are
//!   sent to Stripe ([`PaymentRequest::save_card`]); only then does the session create a
//!   customer (`customer_creation=always`) and set the payment up for later charges
//!   without the guest (`payment_intent_data[setup_future_usage]=off_session`, shown on
//!   Stripe's page as the mandate the guest accepts). Stripe's own checkbox
//!   (`saved_payment_method_options[payment_method_save]`) is not used: it saves the card
//!   to be shown again at the guest's next checkout (`allow_redisplay`), which is not an
//!   agreement to merchant-initiated charges, and without `setup_future_usage=off_session`
//!   the first payment is not flagged for them, so European banks would ask for the
//!   guest's authentication (SCA) at the balance or the hold. The card kept is
//!   `cus_…/pm_…` ([`StripeCard`]), read from the session on its
//!   `checkout.session.completed` (with `expand[]=payment_intent.payment_method`).
//! - **Off-session charges** (the balance): a payment intent created with `customer`,
//!   `payment_method`, `off_session=true&confirm=true`. A card error (HTTP 402:
//!   `card_declined`, `authentication_required`, with `decline_code` and the
//!   `payment_intent` it left) is the payment's outcome, failed, not an error.
//! - **The security deposit**: the same with `capture_method=manual`; `requires_capture`
//!   is the hold, lapsing at its charge's `capture_before`, else [`HOLD_DAYS`] after it
//!   was `created` (Stripe's time). A claim captures part (`amount_to_capture`), Stripe
//!   giving the rest back; a release cancels it. A hold already captured or cancelled is
//!   left as it is (a retry).
//! - Events read: `checkout.session.completed` (paid), `.async_payment_succeeded`,
//!   `.async_payment_failed`, `.expired`, and `payment_intent.succeeded` /
//!   `.payment_failed` (an off-session charge Stripe answered `processing`).

use async_trait::async_trait;
use chrono::{DateTime, Duration, Utc};
use reqwest::{Client, RequestBuilder, StatusCode};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, de::DeserializeOwned};

use super::webhook_signature;
use sejour_core::value_objects::{Currency, Money};

use crate::domain::{
    Authorization, Checkout, GatewayError, GatewayEvent, GatewayOutcome, HoldRequest,
    PaymentGateway, PaymentRequest, RefundRequest, SavedCard,
};

/// The provider name stored with its payments.
pub const STRIPE: &str = "stripe";
/// The API version every request is pinned to.
pub const STRIPE_VERSION: &str = "2024-06-20";
/// Days an uncaptured card authorisation lasts for online payments (Stripe, "Place a hold
/// on a payment method"), when the charge does not say (`capture_before`).
pub const HOLD_DAYS: i64 = 7;

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

/// A card kept at Stripe: the customer the checkout created and the payment method saved
/// to it (Stripe charges a payment method off-session only with its customer), kept as
/// one [`SavedCard::reference`], `cus_…/pm_…`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StripeCard {
    /// `cus_…`.
    pub customer: String,
    /// `pm_…`.
    pub payment_method: String,
}

impl StripeCard {
    /// Reads a kept reference; `Refused` for one that is not a Stripe card.
    pub fn parse(reference: &str) -> Result<Self, GatewayError> {
        match reference.split_once('/') {
            Some((customer, payment_method))
                if !customer.is_empty()
                    && !payment_method.is_empty()
                    && !payment_method.contains('/') =>
            {
                Ok(Self {
                    customer: customer.to_owned(),
                    payment_method: payment_method.to_owned(),
                })
            }
            _ => Err(GatewayError::Refused(format!(
                "not a card kept at Stripe: {reference}"
            ))),
        }
    }

    /// The reference kept.
    pub fn reference(&self) -> String {
        format!("{}/{}", self.customer, self.payment_method)
    }
}

/// Stripe as a payment gateway.
pub struct StripeGateway {
    client: Client,
    config: StripeConfig,
}

/// A field Stripe gives as an id, or as the object itself when asked (`expand[]`).
#[derive(Deserialize)]
#[serde(untagged)]
enum Expandable<T> {
    Object(Box<T>),
    Id(String),
}

impl<T> Expandable<T> {
    fn into_object(self) -> Option<T> {
        match self {
            Self::Object(object) => Some(*object),
            Self::Id(_) => None,
        }
    }
}

#[derive(Deserialize)]
struct Session {
    id: String,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    customer: Option<String>,
    #[serde(default)]
    payment_intent: Option<Expandable<Intent>>,
}

#[derive(Deserialize)]
struct Intent {
    id: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    created: Option<i64>,
    #[serde(default)]
    customer: Option<String>,
    #[serde(default)]
    setup_future_usage: Option<String>,
    #[serde(default)]
    payment_method: Option<Expandable<PaymentMethod>>,
    #[serde(default)]
    latest_charge: Option<Expandable<Charge>>,
    #[serde(default)]
    last_payment_error: Option<StripeErrorBody>,
}

#[derive(Deserialize)]
struct PaymentMethod {
    id: String,
    #[serde(default)]
    customer: Option<String>,
    #[serde(default)]
    card: Option<Card>,
}

#[derive(Deserialize)]
struct Card {
    last4: String,
}

#[derive(Deserialize)]
struct Charge {
    #[serde(default)]
    payment_method_details: Option<ChargeDetails>,
    #[serde(default)]
    balance_transaction: Option<Expandable<BalanceTransaction>>,
}

/// What a charge added to the Stripe balance: its fee, in the balance's currency.
#[derive(Deserialize)]
struct BalanceTransaction {
    fee: i64,
    currency: String,
}

#[derive(Deserialize)]
struct ChargeDetails {
    #[serde(default)]
    card: Option<ChargeCard>,
}

#[derive(Deserialize)]
struct ChargeCard {
    #[serde(default)]
    capture_before: Option<i64>,
}

impl Intent {
    /// When Stripe lets this authorisation lapse: its charge's `capture_before` when
    /// given (5 days for some merchant-initiated Visa holds), else [`HOLD_DAYS`] after it
    /// was created, by Stripe's clock, with no margin taken off (the hold is renewed a
    /// day before, see `DepositHold::needs_renewal`).
    fn capture_before(&self) -> Result<DateTime<Utc>, GatewayError> {
        let stated = self
            .latest_charge
            .as_ref()
            .and_then(|c| match c {
                Expandable::Object(charge) => charge.payment_method_details.as_ref(),
                Expandable::Id(_) => None,
            })
            .and_then(|d| d.card.as_ref()?.capture_before);
        let at = match (stated, self.created) {
            (Some(at), _) => DateTime::from_timestamp(at, 0),
            (None, Some(created)) => {
                DateTime::from_timestamp(created, 0).map(|c| c + Duration::days(HOLD_DAYS))
            }
            (None, None) => None,
        };
        at.ok_or_else(|| {
            GatewayError::Payload(format!("payment intent {} without its creation", self.id))
        })
    }

    /// What an off-session charge came to.
    fn outcome(&self) -> GatewayOutcome {
        match self.status.as_str() {
            "succeeded" => GatewayOutcome::Succeeded,
            // Settled by its `payment_intent.*` webhook.
            "processing" => GatewayOutcome::Other("processing".to_owned()),
            other => GatewayOutcome::Failed(other.to_owned()),
        }
    }
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

/// Stripe's error object.
#[derive(Deserialize, Default)]
struct StripeErrorBody {
    #[serde(default)]
    message: Option<String>,
    #[serde(default)]
    code: Option<String>,
    #[serde(default)]
    decline_code: Option<String>,
    #[serde(default)]
    payment_intent: Option<Box<Intent>>,
}

impl StripeErrorBody {
    /// Why a card refused: the bank's `decline_code` (`insufficient_funds`), else the
    /// error's `code` (`card_declined`, `authentication_required`).
    fn reason(&self) -> String {
        self.decline_code
            .clone()
            .or_else(|| self.code.clone())
            .unwrap_or_else(|| "card_declined".to_owned())
    }
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
    /// A checkout session or a payment intent, as the event's type says.
    object: EventObject,
}

#[derive(Deserialize)]
struct EventObject {
    id: String,
    #[serde(default)]
    payment_status: Option<String>,
    #[serde(default)]
    customer: Option<String>,
    #[serde(default)]
    last_payment_error: Option<StripeErrorBody>,
}

/// Why Stripe did not do it.
enum Failure {
    /// A card error (HTTP 402): the card declined or needs its holder; the payment intent
    /// it left, if any.
    Card {
        reason: String,
        intent: Option<String>,
    },
    /// Anything else.
    Gateway(GatewayError),
}

impl From<Failure> for GatewayError {
    fn from(failure: Failure) -> Self {
        match failure {
            Failure::Card { reason, .. } => GatewayError::Refused(reason),
            Failure::Gateway(e) => e,
        }
    }
}

/// A payment intent for `amount` on the kept `card`, confirmed at once without the guest,
/// under our id `key` (`metadata[<name>]` too).
fn off_session(
    card: &StripeCard,
    amount: Money,
    description: &str,
    (name, key): (&'static str, &str),
) -> Vec<(&'static str, String)> {
    vec![
        ("amount", amount.amount_minor().to_string()),
        ("currency", amount.currency().as_str().to_lowercase()),
        ("customer", card.customer.clone()),
        ("payment_method", card.payment_method.clone()),
        ("payment_method_types[0]", "card".to_owned()),
        ("off_session", "true".to_owned()),
        ("confirm", "true".to_owned()),
        ("description", description.to_owned()),
        (name, key.to_owned()),
    ]
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

    fn get(&self, path: &str) -> RequestBuilder {
        self.authorised(self.client.get(self.url(path)))
    }

    /// A POST to `path`, done once whatever the retries under `key`.
    fn post(&self, path: &str, key: &str) -> RequestBuilder {
        self.authorised(self.client.post(self.url(path)))
            .header("Idempotency-Key", key)
    }

    fn absolute(&self, url: &str) -> String {
        if url.starts_with('/') {
            format!("{}{url}", self.config.public_url.trim_end_matches('/'))
        } else {
            url.to_owned()
        }
    }

    /// Sends `request`: a 402 is a card's refusal; another 4xx is Stripe refusing (its
    /// message); anything else failing is Stripe unavailable.
    async fn call<T: DeserializeOwned>(&self, request: RequestBuilder) -> Result<T, Failure> {
        let unavailable =
            |e: reqwest::Error| Failure::Gateway(GatewayError::Unavailable(e.to_string()));
        let response = request.send().await.map_err(unavailable)?;
        let status = response.status();
        let body = response.bytes().await.map_err(unavailable)?;
        if status.is_success() {
            return serde_json::from_slice(&body)
                .map_err(|e| Failure::Gateway(GatewayError::Payload(e.to_string())));
        }
        let error = serde_json::from_slice::<StripeError>(&body)
            .map(|e| e.error)
            .unwrap_or_default();
        if status == StatusCode::PAYMENT_REQUIRED {
            let reason = error.reason();
            tracing::info!(%reason, "the card was refused at Stripe");
            return Err(Failure::Card {
                reason,
                intent: error.payment_intent.map(|i| i.id),
            });
        }
        let message = error.message.unwrap_or_else(|| status.to_string());
        Err(Failure::Gateway(
            if status.is_client_error() && status != StatusCode::TOO_MANY_REQUESTS {
                GatewayError::Refused(message)
            } else {
                GatewayError::Unavailable(message)
            },
        ))
    }

    async fn send<T: DeserializeOwned>(&self, request: RequestBuilder) -> Result<T, GatewayError> {
        self.call(request).await.map_err(GatewayError::from)
    }

    /// The payment intent of a checkout session (`cs_…`) or an off-session charge (`pi_…`,
    /// itself); `Refused` for a session not paid.
    async fn intent_of(&self, provider_ref: &str) -> Result<String, GatewayError> {
        if provider_ref.starts_with("pi_") {
            return Ok(provider_ref.to_owned());
        }
        let session: Session = self
            .send(self.get(&format!("/v1/checkout/sessions/{provider_ref}")))
            .await?;
        match session.payment_intent {
            Some(Expandable::Id(id)) => Ok(id),
            Some(Expandable::Object(intent)) => Ok(intent.id),
            None => Err(GatewayError::Refused(format!(
                "session {} was not paid",
                session.id
            ))),
        }
    }

    /// The card a paid session kept, if the guest agreed: the session made a customer and
    /// its payment intent was set up for `off_session`.
    async fn kept_card(&self, session_id: &str) -> Result<Option<SavedCard>, GatewayError> {
        let session: Session = self
            .send(
                self.get(&format!("/v1/checkout/sessions/{session_id}"))
                    .query(&[("expand[]", "payment_intent.payment_method")]),
            )
            .await?;
        let Some(intent) = session.payment_intent.and_then(Expandable::into_object) else {
            return Ok(None);
        };
        if intent.setup_future_usage.as_deref() != Some("off_session") {
            return Ok(None);
        }
        let Some(method) = intent.payment_method.and_then(Expandable::into_object) else {
            return Ok(None);
        };
        let customer = method.customer.or(intent.customer).or(session.customer);
        let (Some(customer), Some(card)) = (customer, method.card) else {
            return Ok(None);
        };
        if card.last4.len() != 4 || !card.last4.bytes().all(|b| b.is_ascii_digit()) {
            return Err(GatewayError::Payload(format!(
                "card last4 {:?}",
                card.last4
            )));
        }
        let reference = StripeCard {
            customer,
            payment_method: method.id,
        }
        .reference();
        Ok(Some(SavedCard {
            reference,
            last4: card.last4,
        }))
    }

    /// Captures or cancels (`action`) the hold `provider_ref` under `key`; a hold Stripe
    /// has already left in one of the `done` statuses is fine (a retry).
    async fn close_hold(
        &self,
        provider_ref: &str,
        action: &str,
        form: &[(&str, String)],
        key: &str,
        done: &[&str],
    ) -> Result<(), GatewayError> {
        let path = format!("/v1/payment_intents/{provider_ref}");
        let closed = self
            .send::<Intent>(self.post(&format!("{path}/{action}"), key).form(form))
            .await;
        let status = match closed {
            Ok(intent) => intent.status,
            // Stripe refuses to close an intent no longer waiting: where is it?
            Err(GatewayError::Refused(reason)) => {
                let intent: Intent = self.send(self.get(&path)).await?;
                if !done.contains(&intent.status.as_str()) {
                    return Err(GatewayError::Refused(reason));
                }
                intent.status
            }
            Err(e) => return Err(e),
        };
        if done.contains(&status.as_str()) {
            Ok(())
        } else {
            Err(GatewayError::Refused(format!(
                "payment intent {provider_ref} is {status}"
            )))
        }
    }
}

#[async_trait]
impl PaymentGateway for StripeGateway {
    fn name(&self) -> &'static str {
        STRIPE
    }

    /// A Checkout Session for the amount, on Stripe's hosted page; with the guest's
    /// consent, one keeping the card for off-session charges.
    async fn create_payment(&self, request: &PaymentRequest) -> Result<Checkout, GatewayError> {
        let payment_id = request.payment_id.to_string();
        let back = self.absolute(&request.return_url);
        let mut form = vec![
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
        if request.save_card {
            form.extend([
                ("customer_creation", "always".to_owned()),
                (
                    "payment_intent_data[setup_future_usage]",
                    "off_session".to_owned(),
                ),
            ]);
        }
        let session: Session = self
            .send(self.post("/v1/checkout/sessions", &payment_id).form(&form))
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
        let request = self.post(
            &format!("/v1/checkout/sessions/{provider_ref}/expire"),
            &format!("expire-{provider_ref}"),
        );
        match self.send::<Session>(request).await {
            Ok(_) => Ok(true),
            // Completed (or expired) already: its webhook settles it.
            Err(GatewayError::Refused(_)) => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// Refunds part of the session's payment intent, or of an off-session charge (whose
    /// reference is its payment intent, `pi_…`).
    async fn refund(&self, request: &RefundRequest) -> Result<String, GatewayError> {
        let intent = self.intent_of(&request.provider_ref).await?;
        let refund_id = request.refund_id.to_string();
        let form = [
            ("payment_intent", intent),
            ("amount", request.amount.amount_minor().to_string()),
            ("metadata[refund_id]", refund_id.clone()),
        ];
        let refund: Refund = self
            .send(self.post("/v1/refunds", &refund_id).form(&form))
            .await?;
        match refund.status.as_str() {
            "failed" | "canceled" => Err(GatewayError::Refused(format!(
                "refund {} {}",
                refund.id, refund.status
            ))),
            _ => Ok(refund.id),
        }
    }

    /// The fee of the balance transaction of the payment's charge (Stripe's fee and any
    /// application fee, in the balance's currency).
    async fn fee(&self, provider_ref: &str) -> Result<Option<Money>, GatewayError> {
        let intent = self.intent_of(provider_ref).await?;
        let intent: Intent = self
            .send(
                self.get(&format!("/v1/payment_intents/{intent}"))
                    .query(&[("expand[]", "latest_charge.balance_transaction")]),
            )
            .await?;
        let transaction = intent
            .latest_charge
            .and_then(Expandable::into_object)
            .and_then(|charge| charge.balance_transaction)
            .and_then(Expandable::into_object);
        let Some(transaction) = transaction else {
            return Ok(None);
        };
        let currency = Currency::parse(&transaction.currency.to_uppercase()).map_err(|_| {
            GatewayError::Payload(format!("balance currency {}", transaction.currency))
        })?;
        Ok((transaction.fee > 0).then(|| Money::new(transaction.fee, currency)))
    }

    /// A payment intent charged off-session on the kept card, keyed by our payment's id.
    /// A card error is the outcome (`Failed` with the bank's reason), its payment intent
    /// the reference (our payment's id when Stripe left none).
    async fn charge_saved_card(
        &self,
        request: &PaymentRequest,
        card: &str,
    ) -> Result<(String, GatewayOutcome), GatewayError> {
        let card = StripeCard::parse(card)?;
        let payment_id = request.payment_id.to_string();
        let form = off_session(
            &card,
            request.amount,
            &request.description,
            ("metadata[payment_id]", &payment_id),
        );
        match self
            .call::<Intent>(self.post("/v1/payment_intents", &payment_id).form(&form))
            .await
        {
            Ok(intent) => {
                let outcome = intent.outcome();
                Ok((intent.id, outcome))
            }
            Err(Failure::Card { reason, intent }) => {
                Ok((intent.unwrap_or(payment_id), GatewayOutcome::Failed(reason)))
            }
            Err(Failure::Gateway(e)) => Err(e),
        }
    }

    /// A manual-capture payment intent off-session on the kept card, keyed by our hold's
    /// id; `Refused` with the bank's reason when the card declines.
    async fn authorize(&self, request: &HoldRequest) -> Result<Authorization, GatewayError> {
        let card = StripeCard::parse(&request.card)?;
        let hold_id = request.hold_id.to_string();
        let mut form = off_session(
            &card,
            request.amount,
            &request.description,
            ("metadata[hold_id]", &hold_id),
        );
        form.extend([
            ("capture_method", "manual".to_owned()),
            ("expand[0]", "latest_charge".to_owned()),
        ]);
        let intent: Intent = self
            .send(self.post("/v1/payment_intents", &hold_id).form(&form))
            .await?;
        if intent.status != "requires_capture" {
            tracing::warn!(intent = %intent.id, status = %intent.status, "a hold not placed");
            return Err(GatewayError::Refused(
                intent
                    .last_payment_error
                    .map_or_else(|| intent.status.clone(), |e| e.reason()),
            ));
        }
        Ok(Authorization {
            expires_at: intent.capture_before()?,
            provider_ref: intent.id,
        })
    }

    /// Captures `amount` of the hold (`amount_to_capture`); Stripe gives the rest back.
    async fn capture(&self, provider_ref: &str, amount: Money) -> Result<(), GatewayError> {
        let minor = amount.amount_minor();
        self.close_hold(
            provider_ref,
            "capture",
            &[("amount_to_capture", minor.to_string())],
            &format!("capture-{provider_ref}-{minor}"),
            &["succeeded"],
        )
        .await
    }

    /// Cancels the hold; one already cancelled (or captured) stays as it is.
    async fn release(&self, provider_ref: &str) -> Result<(), GatewayError> {
        self.close_hold(
            provider_ref,
            "cancel",
            &[],
            &format!("cancel-{provider_ref}"),
            &["canceled", "succeeded"],
        )
        .await
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
        let paid_session = match event.kind.as_str() {
            "checkout.session.completed" => object.payment_status.as_deref() == Some("paid"),
            "checkout.session.async_payment_succeeded" => true,
            _ => false,
        };
        let outcome = match event.kind.as_str() {
            _ if paid_session => GatewayOutcome::Succeeded,
            "checkout.session.async_payment_failed" => {
                GatewayOutcome::Failed("async_payment_failed".to_owned())
            }
            "checkout.session.expired" => GatewayOutcome::Failed("expired".to_owned()),
            "payment_intent.succeeded" => GatewayOutcome::Succeeded,
            "payment_intent.payment_failed" => GatewayOutcome::Failed(
                object
                    .last_payment_error
                    .as_ref()
                    .map_or_else(|| "payment_failed".to_owned(), StripeErrorBody::reason),
            ),
            other => GatewayOutcome::Other(other.to_owned()),
        };
        let card = if paid_session && object.customer.is_some() {
            self.kept_card(&object.id).await?
        } else {
            None
        };
        Ok(GatewayEvent {
            event_id: event.id,
            provider_ref: object.id,
            outcome,
            card,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn intent(json: &str) -> Intent {
        serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn a_kept_card_is_its_customer_and_payment_method() {
        let card = StripeCard::parse("cus_1/pm_2").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(card.customer, "cus_1");
        assert_eq!(card.payment_method, "pm_2");
        assert_eq!(card.reference(), "cus_1/pm_2");
        for bad in ["pm_2", "/pm_2", "cus_1/", "cus_1/pm_2/x", ""] {
            assert!(
                matches!(StripeCard::parse(bad), Err(GatewayError::Refused(_))),
                "{bad}"
            );
        }
    }

    #[test]
    fn a_hold_lapses_when_its_charge_says_else_seven_days_after_stripe_created_it() {
        let created = 1_800_000_000;
        let plain = intent(&format!(
            r#"{{"id":"pi_1","status":"requires_capture","created":{created},"latest_charge":"ch_1"}}"#
        ));
        assert_eq!(
            plain.capture_before().ok(),
            DateTime::from_timestamp(created + 7 * 86_400, 0)
        );
        let stated = intent(&format!(
            r#"{{"id":"pi_1","status":"requires_capture","created":{created},
               "latest_charge":{{"id":"ch_1","payment_method_details":{{"card":{{"capture_before":{}}}}}}}}}"#,
            created + 5 * 86_400
        ));
        assert_eq!(
            stated.capture_before().ok(),
            DateTime::from_timestamp(created + 5 * 86_400, 0)
        );
        assert!(intent(r#"{"id":"pi_1"}"#).capture_before().is_err());
    }

    #[test]
    fn a_refusal_gives_the_bank_reason_first() {
        let error: StripeError = serde_json::from_str(
            r#"{"error":{"type":"card_error","code":"card_declined","decline_code":"insufficient_funds",
                "payment_intent":{"id":"pi_9","status":"requires_payment_method"}}}"#,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(error.error.reason(), "insufficient_funds");
        assert_eq!(
            error.error.payment_intent.map(|i| i.id).as_deref(),
            Some("pi_9")
        );
        let error: StripeError =
            serde_json::from_str(r#"{"error":{"code":"authentication_required"}}"#)
                .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(error.error.reason(), "authentication_required");
        assert_eq!(StripeErrorBody::default().reason(), "card_declined");
    }

    #[test]
    fn an_off_session_charge_succeeds_waits_or_fails_as_its_status_says() {
        let status = |s: &str| intent(&format!(r#"{{"id":"pi_1","status":"{s}"}}"#)).outcome();
        assert_eq!(status("succeeded"), GatewayOutcome::Succeeded);
        assert_eq!(
            status("processing"),
            GatewayOutcome::Other("processing".to_owned())
        );
        assert_eq!(
            status("requires_payment_method"),
            GatewayOutcome::Failed("requires_payment_method".to_owned())
        );
    }
}
