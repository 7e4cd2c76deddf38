//! The seed's `PaymentGateway` port (`createPayment(amount)` → `StripeGateway`): open a
//! checkout for an amount, read the gateway's signed notifications, refund, and, on a
//! card the guest saved with their consent, charge off-session and hold, capture or
//! release the security deposit. Implemented by the built-in gateway (the embedded
//! default) and Stripe in `infrastructure`.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sejour_core::value_objects::Money;
use uuid::Uuid;

/// What to charge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentRequest {
    /// Our payment (the gateway's metadata, and its idempotency key).
    pub payment_id: Uuid,
    /// How much.
    pub amount: Money,
    /// What the guest sees ("Acompte — Villa Les Oliviers, 6–13 juillet").
    pub description: String,
    /// Where the guest goes back after paying.
    pub return_url: String,
    /// The guest agreed, before being sent to the checkout, that the card they pay with
    /// be kept for the booking (the balance charged and the security deposit held on it
    /// without them). A gateway whose own page asks (the built-in one) takes either.
    pub save_card: bool,
}

/// What to give back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefundRequest {
    /// Our refund (the gateway's idempotency key).
    pub refund_id: uuid::Uuid,
    /// The gateway's reference of the paid checkout.
    pub provider_ref: String,
    /// How much.
    pub amount: Money,
}

/// Where the guest pays.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkout {
    /// The gateway's reference (a checkout session, a payment intent).
    pub provider_ref: String,
    /// The page to send the guest to (absolute, or a path of the web app for the
    /// built-in gateway).
    pub url: String,
}

/// A card the guest saved at checkout, with their consent, for the balance and the
/// security deposit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedCard {
    /// The provider's reference of the payment method.
    pub reference: String,
    /// Its last four digits.
    pub last4: String,
}

/// What to hold on a saved card (an authorisation, captured later or not at all).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HoldRequest {
    /// Our hold (the provider's idempotency key).
    pub hold_id: Uuid,
    /// The saved card's reference.
    pub card: String,
    /// How much.
    pub amount: Money,
    /// What the guest's statement says.
    pub description: String,
}

/// A hold the provider placed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Authorization {
    /// Its reference.
    pub provider_ref: String,
    /// When the provider lets it lapse.
    pub expires_at: DateTime<Utc>,
}

/// What a verified notification says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GatewayOutcome {
    /// The money is taken.
    Succeeded,
    /// Declined, with the gateway's reason.
    Failed(String),
    /// Something we do not act on (yet).
    Other(String),
}

/// A verified notification of the gateway.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GatewayEvent {
    /// The gateway's event id (what deduplicates redeliveries).
    pub event_id: String,
    /// The checkout it concerns.
    pub provider_ref: String,
    /// What happened.
    pub outcome: GatewayOutcome,
    /// The card the guest saved while paying, if they agreed to.
    pub card: Option<SavedCard>,
}

/// Why the gateway could not do it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GatewayError {
    /// The notification's signature is missing, malformed, wrong or too old.
    #[error("webhook signature: {0}")]
    Signature(String),
    /// The notification (or the gateway's answer) is not understood.
    #[error("gateway payload: {0}")]
    Payload(String),
    /// The gateway refused the request (a declined refund, a bad request).
    #[error("refused by the payment gateway: {0}")]
    Refused(String),
    /// The gateway failed or could not be reached.
    #[error("payment gateway: {0}")]
    Unavailable(String),
    /// This adapter does not do it (yet).
    #[error("not supported by the {0} gateway")]
    Unsupported(&'static str),
}

/// `PaymentGateway`: a payment provider.
#[async_trait]
pub trait PaymentGateway: Send + Sync + 'static {
    /// The provider's name as stored (`builtin`, `stripe`).
    fn name(&self) -> &'static str;

    /// `createPayment`: a checkout where the guest pays `request.amount`.
    async fn create_payment(&self, request: &PaymentRequest) -> Result<Checkout, GatewayError>;

    /// Closes a checkout not paid yet, so that it can no longer be paid (its booking was
    /// cancelled): whether it closed it (`false`: already settled, its notification
    /// says how).
    async fn cancel_payment(&self, provider_ref: &str) -> Result<bool, GatewayError>;

    /// Gives back (part of) a paid checkout; the gateway's reference of the refund.
    async fn refund(&self, request: &RefundRequest) -> Result<String, GatewayError>;

    /// What the provider kept of a paid checkout or charge (`provider_ref`) as its fee,
    /// in the currency it pays out; `None` when it charges none.
    async fn fee(&self, provider_ref: &str) -> Result<Option<Money>, GatewayError>;

    /// Charges a saved `card` for `request` without the guest (off-session, with the
    /// consent they gave at checkout): the provider's reference and the outcome at once.
    async fn charge_saved_card(
        &self,
        request: &PaymentRequest,
        card: &str,
    ) -> Result<(String, GatewayOutcome), GatewayError>;

    /// Places a hold on a saved card; `Refused` when the card declines it.
    async fn authorize(&self, request: &HoldRequest) -> Result<Authorization, GatewayError>;

    /// Takes `amount` of a hold; the provider gives the rest back.
    async fn capture(&self, provider_ref: &str, amount: Money) -> Result<(), GatewayError>;

    /// Gives a hold back in full.
    async fn release(&self, provider_ref: &str) -> Result<(), GatewayError>;

    /// Verifies a notification (`signature` header and raw `body`) at `now_unix` and reads
    /// it.
    async fn verify_event(
        &self,
        signature: &str,
        body: &[u8],
        now_unix: i64,
    ) -> Result<GatewayEvent, GatewayError>;
}
