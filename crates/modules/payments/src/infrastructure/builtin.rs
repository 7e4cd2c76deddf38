//! The built-in gateway, the embedded default (DESIGN §5): a simulated provider that
//! keeps its checkouts in `payments.builtin_checkouts`, takes test cards on a checkout
//! page of the web app (`/checkout/{reference}`), and notifies the platform with webhooks
//! signed exactly as Stripe signs its own ([`super::webhook_signature`]) under a secret
//! made at installation, verified on the same path as a real provider's.
//!
//! Test cards (Stripe's): `4242 4242 4242 4242` is paid; `4000 0000 0000 0002` is declined
//! (`card_declined`), `4000 0000 0000 9995` too (`insufficient_funds`); `4000 0025 0000
//! 3155` asks for a second step (the bank's approval) first; `4000 0027 6000 3184` too,
//! and, saved, is refused off-session (`authentication_required`). Any other number
//! passing the Luhn check is paid; others are refused as mistyped.
//!
//! A card saved with the guest's consent (`pm_…`, its last four digits and what it does
//! off-session, never its number) is charged off-session and holds the security deposit
//! (`ho_…`, lapsing after [`HOLD_DAYS`] days, as card holds do).

use std::sync::Arc;

use async_trait::async_trait;
use chrono::Duration;
use sejour_core::{AppError, Clock, FieldError, IdGenerator, value_objects::Money};
use sejour_infrastructure::{db::StorageResult, secrets::new_token};
use serde::{Deserialize, Serialize};
use sqlx::PgPool;

use super::webhook_signature;
use crate::domain::{
    Authorization, Checkout, GatewayError, GatewayEvent, GatewayOutcome, HoldRequest,
    PaymentGateway, PaymentRequest, RefundRequest, SavedCard,
};

/// The provider name stored with its payments.
pub const BUILTIN: &str = "builtin";

/// Days a hold lasts before the simulated bank lets it lapse.
pub const HOLD_DAYS: i64 = 7;

/// A checkout as the built-in provider shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuiltinCheckout {
    /// Its reference.
    pub reference: String,
    /// How much.
    pub amount: Money,
    /// What is paid.
    pub description: String,
    /// `open`, `requires_action`, `succeeded` or `failed`.
    pub status: String,
    /// Where the guest goes back.
    pub return_url: String,
}

/// A signed notification, ready to be received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notification {
    /// The signature header.
    pub signature: String,
    /// The body as signed.
    pub body: Vec<u8>,
}

/// The notification's body.
#[derive(Debug, Serialize, Deserialize)]
struct EventBody {
    id: String,
    #[serde(rename = "type")]
    kind: String,
    created: i64,
    data: EventData,
}

#[derive(Debug, Serialize, Deserialize)]
struct EventData {
    reference: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
    /// The card saved, `pm_…`, and its last four digits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    card: Option<(String, String)>,
}

/// The simulated provider.
pub struct BuiltinGateway {
    pool: PgPool,
    clock: Arc<dyn Clock>,
    ids: Arc<dyn IdGenerator>,
}

/// What a test card does.
enum CardOutcome {
    Paid,
    Declined(&'static str),
    NeedsApproval,
}

/// What a test card does at checkout, its last four digits, and what it does saved and
/// charged off-session (`ok` or the decline reason).
struct TestCard {
    outcome: CardOutcome,
    last4: String,
    off_session: &'static str,
}

fn test_card(number: &str) -> Result<TestCard, AppError> {
    let digits: String = number.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
    let luhn = digits
        .chars()
        .rev()
        .enumerate()
        .try_fold(0u32, |sum, (i, c)| {
            let d = c.to_digit(10)?;
            Some(
                sum + if i % 2 == 1 {
                    if d * 2 > 9 { d * 2 - 9 } else { d * 2 }
                } else {
                    d
                },
            )
        });
    if !(12..=19).contains(&digits.len()) || luhn.is_none_or(|s| s % 10 != 0) {
        return Err(AppError::validation(vec![FieldError::new(
            "cardNumber",
            "checkout.invalid_card",
            "This card number is not valid.",
        )]));
    }
    let (outcome, off_session) = match digits.as_str() {
        "4000000000000002" => (CardOutcome::Declined("card_declined"), "card_declined"),
        "4000000000009995" => (
            CardOutcome::Declined("insufficient_funds"),
            "insufficient_funds",
        ),
        "4000002500003155" => (CardOutcome::NeedsApproval, "ok"),
        "4000002760003184" => (CardOutcome::NeedsApproval, "authentication_required"),
        _ => (CardOutcome::Paid, "ok"),
    };
    Ok(TestCard {
        outcome,
        last4: digits[digits.len() - 4..].to_owned(),
        off_session,
    })
}

impl BuiltinGateway {
    /// The gateway on the platform's database.
    pub fn new(pool: PgPool, clock: Arc<dyn Clock>, ids: Arc<dyn IdGenerator>) -> Self {
        Self { pool, clock, ids }
    }

    async fn secret(&self) -> Result<String, AppError> {
        sqlx::query_scalar("SELECT secret FROM payments.builtin_secret")
            .fetch_one(&self.pool)
            .await
            .storage()
    }

    /// The checkout `reference`; 404 when there is none.
    pub async fn checkout(&self, reference: &str) -> Result<BuiltinCheckout, AppError> {
        let row: Option<(String, i64, String, String, String, String)> = sqlx::query_as(
            "SELECT reference, amount, currency, description, status, return_url \
             FROM payments.builtin_checkouts WHERE reference = $1",
        )
        .bind(reference)
        .fetch_optional(&self.pool)
        .await
        .storage()?;
        let (reference, amount, currency, description, status, return_url) =
            row.ok_or_else(|| AppError::not_found("checkout"))?;
        let currency = currency.parse().map_err(AppError::internal)?;
        Ok(BuiltinCheckout {
            reference,
            amount: Money::new(amount, currency),
            description,
            status,
            return_url,
        })
    }

    /// Moves the checkout from `from` to `to` (once: a second submission finds it moved
    /// and gets 409 `checkout.closed`), and signs the notification of a final outcome.
    async fn settle(
        &self,
        reference: &str,
        from: &str,
        to: &str,
        reason: Option<&str>,
    ) -> Result<(BuiltinCheckout, Option<Notification>), AppError> {
        let moved = sqlx::query(
            "UPDATE payments.builtin_checkouts SET status = $3 WHERE reference = $1 AND status = $2",
        )
        .bind(reference)
        .bind(from)
        .bind(to)
        .execute(&self.pool)
        .await
        .storage()?
        .rows_affected();
        let checkout = self.checkout(reference).await?;
        if moved == 0 {
            return Err(AppError::conflict(
                "checkout.closed",
                "This payment page has already been used.",
            ));
        }
        let kind = match to {
            "succeeded" => "checkout.succeeded",
            "failed" => "checkout.failed",
            _ => return Ok((checkout, None)),
        };
        let card = if to == "succeeded" {
            self.save_card(reference).await?
        } else {
            None
        };
        let now = self.clock.now().timestamp();
        let body = serde_json::to_vec(&EventBody {
            id: format!("evt_{}", self.ids.new_id().simple()),
            kind: kind.to_owned(),
            created: now,
            data: EventData {
                reference: reference.to_owned(),
                reason: reason.map(str::to_owned),
                card,
            },
        })
        .map_err(AppError::internal)?;
        let signature = webhook_signature::sign(&self.secret().await?, now, &body);
        Ok((checkout, Some(Notification { signature, body })))
    }

    /// Saves the card a paid checkout was asked to save: its reference and last four
    /// digits.
    async fn save_card(&self, reference: &str) -> Result<Option<(String, String)>, AppError> {
        let wanted: Option<(Option<String>, Option<String>)> = sqlx::query_as(
            "SELECT save_last4, save_off_session FROM payments.builtin_checkouts WHERE reference = $1",
        )
        .bind(reference)
        .fetch_optional(&self.pool)
        .await
        .storage()?;
        let Some((Some(last4), Some(off_session))) = wanted else {
            return Ok(None);
        };
        let card = format!("pm_{}", new_token());
        sqlx::query(
            "INSERT INTO payments.builtin_cards (reference, last4, off_session, created_at)              VALUES ($1, $2, $3, $4)",
        )
        .bind(&card)
        .bind(&last4)
        .bind(off_session)
        .bind(self.clock.now())
        .execute(&self.pool)
        .await
        .storage()?;
        Ok(Some((card, last4)))
    }

    /// What a saved card does off-session: `ok` or the decline reason.
    async fn off_session(&self, card: &str) -> Result<String, GatewayError> {
        sqlx::query_scalar("SELECT off_session FROM payments.builtin_cards WHERE reference = $1")
            .bind(card)
            .fetch_optional(&self.pool)
            .await
            .map_err(|e| GatewayError::Unavailable(e.to_string()))?
            .ok_or_else(|| GatewayError::Refused(format!("no saved card {card}")))
    }

    /// The guest pays with `card_number`, and saves the card when `save` or when they
    /// agreed before the checkout ([`PaymentRequest::save_card`]): their consent to the
    /// balance charged and the security deposit held on it.
    pub async fn pay(
        &self,
        reference: &str,
        card_number: &str,
        save: bool,
    ) -> Result<(BuiltinCheckout, Option<Notification>), AppError> {
        let card = test_card(card_number)?;
        sqlx::query(
            "UPDATE payments.builtin_checkouts SET save_last4 = $2, save_off_session = $3 \
             WHERE reference = $1 AND status = 'open' AND ($4 OR save_consented)",
        )
        .bind(reference)
        .bind(&card.last4)
        .bind(card.off_session)
        .bind(save)
        .execute(&self.pool)
        .await
        .storage()?;
        match card.outcome {
            CardOutcome::Paid => self.settle(reference, "open", "succeeded", None).await,
            CardOutcome::Declined(reason) => {
                self.settle(reference, "open", "failed", Some(reason)).await
            }
            CardOutcome::NeedsApproval => {
                self.settle(reference, "open", "requires_action", None)
                    .await
            }
        }
    }

    /// The guest's bank approves (or not) a payment that asked for it.
    pub async fn authenticate(
        &self,
        reference: &str,
        approve: bool,
    ) -> Result<(BuiltinCheckout, Option<Notification>), AppError> {
        if approve {
            self.settle(reference, "requires_action", "succeeded", None)
                .await
        } else {
            self.settle(
                reference,
                "requires_action",
                "failed",
                Some("authentication_failed"),
            )
            .await
        }
    }
}

impl BuiltinGateway {
    /// Captures (part of) or releases a live hold, once; a hold already closed the same
    /// way is left as it is (a retry).
    async fn close_hold(
        &self,
        reference: &str,
        to: &str,
        amount: Option<Money>,
    ) -> Result<(), GatewayError> {
        let status: Option<String> = sqlx::query_scalar(
            "UPDATE payments.builtin_holds SET status = $2, captured = $3 \
             WHERE reference = $1 AND status IN ('held', $2) \
             AND ($3::bigint IS NULL OR $3 <= amount) RETURNING reference",
        )
        .bind(reference)
        .bind(to)
        .bind(amount.map(|a| a.amount_minor()))
        .fetch_optional(&self.pool)
        .await
        .map_err(|e| GatewayError::Unavailable(e.to_string()))?;
        match status {
            Some(_) => Ok(()),
            None => Err(GatewayError::Refused(format!(
                "hold {reference} is not held"
            ))),
        }
    }
}

#[async_trait]
impl PaymentGateway for BuiltinGateway {
    fn name(&self) -> &'static str {
        BUILTIN
    }

    async fn create_payment(&self, request: &PaymentRequest) -> Result<Checkout, GatewayError> {
        let unavailable = |e: sqlx::Error| GatewayError::Unavailable(e.to_string());
        sqlx::query(
            "INSERT INTO payments.builtin_checkouts \
             (reference, payment_id, amount, currency, description, return_url, status, created_at, \
              save_consented) \
             VALUES ($1, $2, $3, $4, $5, $6, 'open', $7, $8) ON CONFLICT (payment_id) DO NOTHING",
        )
        .bind(format!("bi_{}", new_token()))
        .bind(request.payment_id)
        .bind(request.amount.amount_minor())
        .bind(request.amount.currency().as_str())
        .bind(&request.description)
        .bind(&request.return_url)
        .bind(self.clock.now())
        .bind(request.save_card)
        .execute(&self.pool)
        .await
        .map_err(unavailable)?;
        let reference: String = sqlx::query_scalar(
            "SELECT reference FROM payments.builtin_checkouts WHERE payment_id = $1",
        )
        .bind(request.payment_id)
        .fetch_one(&self.pool)
        .await
        .map_err(unavailable)?;
        Ok(Checkout {
            url: format!("/checkout/{reference}"),
            provider_ref: reference,
        })
    }

    async fn cancel_payment(&self, provider_ref: &str) -> Result<bool, GatewayError> {
        let closed = sqlx::query(
            "UPDATE payments.builtin_checkouts SET status = 'failed' \
             WHERE reference = $1 AND status IN ('open', 'requires_action')",
        )
        .bind(provider_ref)
        .execute(&self.pool)
        .await
        .map_err(|e| GatewayError::Unavailable(e.to_string()))?
        .rows_affected();
        Ok(closed == 1)
    }

    /// The simulated provider gives card money back at once.
    async fn refund(&self, request: &RefundRequest) -> Result<String, GatewayError> {
        Ok(format!("re_{}", request.refund_id.simple()))
    }

    /// The simulated provider keeps no fee.
    async fn fee(&self, _provider_ref: &str) -> Result<Option<Money>, GatewayError> {
        Ok(None)
    }

    async fn charge_saved_card(
        &self,
        request: &PaymentRequest,
        card: &str,
    ) -> Result<(String, GatewayOutcome), GatewayError> {
        let off_session = self.off_session(card).await?;
        let (status, outcome) = if off_session == "ok" {
            ("succeeded", GatewayOutcome::Succeeded)
        } else {
            ("failed", GatewayOutcome::Failed(off_session))
        };
        let checkout = self.create_payment(request).await?;
        sqlx::query(
            "UPDATE payments.builtin_checkouts SET status = $2 WHERE reference = $1 AND status = 'open'",
        )
        .bind(&checkout.provider_ref)
        .bind(status)
        .execute(&self.pool)
        .await
        .map_err(|e| GatewayError::Unavailable(e.to_string()))?;
        Ok((checkout.provider_ref, outcome))
    }

    async fn authorize(&self, request: &HoldRequest) -> Result<Authorization, GatewayError> {
        let unavailable = |e: sqlx::Error| GatewayError::Unavailable(e.to_string());
        let off_session = self.off_session(&request.card).await?;
        if off_session != "ok" {
            return Err(GatewayError::Refused(off_session));
        }
        let expires_at = self.clock.now() + Duration::days(HOLD_DAYS);
        sqlx::query(
            "INSERT INTO payments.builtin_holds \
             (reference, hold_id, card, amount, currency, status, expires_at) \
             VALUES ($1, $2, $3, $4, $5, 'held', $6) ON CONFLICT (hold_id) DO NOTHING",
        )
        .bind(format!("ho_{}", new_token()))
        .bind(request.hold_id)
        .bind(&request.card)
        .bind(request.amount.amount_minor())
        .bind(request.amount.currency().as_str())
        .bind(expires_at)
        .execute(&self.pool)
        .await
        .map_err(unavailable)?;
        let (provider_ref, expires_at) = sqlx::query_as(
            "SELECT reference, expires_at FROM payments.builtin_holds WHERE hold_id = $1",
        )
        .bind(request.hold_id)
        .fetch_one(&self.pool)
        .await
        .map_err(unavailable)?;
        Ok(Authorization {
            provider_ref,
            expires_at,
        })
    }

    async fn capture(&self, provider_ref: &str, amount: Money) -> Result<(), GatewayError> {
        self.close_hold(provider_ref, "captured", Some(amount))
            .await
    }

    async fn release(&self, provider_ref: &str) -> Result<(), GatewayError> {
        self.close_hold(provider_ref, "released", None).await
    }

    async fn verify_event(
        &self,
        signature: &str,
        body: &[u8],
        now_unix: i64,
    ) -> Result<GatewayEvent, GatewayError> {
        let secret = self
            .secret()
            .await
            .map_err(|e| GatewayError::Unavailable(e.message))?;
        webhook_signature::verify(&secret, signature, body, now_unix)?;
        let event: EventBody =
            serde_json::from_slice(body).map_err(|e| GatewayError::Payload(e.to_string()))?;
        let outcome = match event.kind.as_str() {
            "checkout.succeeded" => GatewayOutcome::Succeeded,
            "checkout.failed" => {
                GatewayOutcome::Failed(event.data.reason.unwrap_or_else(|| "failed".to_owned()))
            }
            other => GatewayOutcome::Other(other.to_owned()),
        };
        Ok(GatewayEvent {
            event_id: event.id,
            provider_ref: event.data.reference,
            outcome,
            card: event
                .data
                .card
                .map(|(reference, last4)| SavedCard { reference, last4 }),
        })
    }
}
