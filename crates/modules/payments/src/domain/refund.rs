//! A `Refund` of (part of) a paid payment, and how a sum to refund is spread over a
//! reservation's payments.

use chrono::{DateTime, Utc};
use sejour_core::value_objects::Money;
use uuid::Uuid;

use super::{Payment, PaymentStatus, events::PaymentEvent};
use crate::published_language::PaymentRefunded;

/// Where a refund stands: pending (stored, the gateway not yet asked, or to be asked
/// again), succeeded (the money is on its way back) or failed (refused, final) — the
/// states of a payment.
pub type RefundStatus = super::PaymentStatus;

/// Why money goes back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RefundReason {
    /// The booking was cancelled: what its policy refunds.
    Cancellation,
    /// The money landed after the booking was cancelled: all of it.
    LatePayment,
    /// A commercial gesture of the agency (a complaint, a fault): what staff grant.
    Goodwill,
}

impl RefundReason {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Cancellation => "cancellation",
            Self::LatePayment => "late_payment",
            Self::Goodwill => "goodwill",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<Self> {
        [Self::Cancellation, Self::LatePayment, Self::Goodwill]
            .into_iter()
            .find(|r| r.as_str() == s)
    }
}

/// A refund.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refund {
    /// Id (the gateway's idempotency key).
    pub id: Uuid,
    /// Why.
    pub reason: RefundReason,
    /// A gesture's request (its shares over several payments share it; a retry finds
    /// them).
    pub gesture: Option<Uuid>,
    /// What a gesture is for, as staff put it.
    pub note: Option<String>,
    /// The payment refunded.
    pub payment_id: Uuid,
    /// Its reservation.
    pub reservation_id: Uuid,
    /// How much.
    pub amount: Money,
    /// Where it stands.
    pub status: RefundStatus,
    /// The gateway's reference.
    pub provider_ref: Option<String>,
    /// Why it failed.
    pub failure: Option<String>,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last changed.
    pub updated_at: DateTime<Utc>,
}

impl Refund {
    /// A pending refund of `amount` of `payment`, for `reason`.
    pub fn open(
        id: Uuid,
        reason: RefundReason,
        payment: &Payment,
        amount: Money,
        now: DateTime<Utc>,
    ) -> Self {
        Self {
            id,
            reason,
            gesture: None,
            note: None,
            payment_id: payment.id,
            reservation_id: payment.reservation_id,
            amount,
            status: RefundStatus::Pending,
            provider_ref: None,
            failure: None,
            created_at: now,
            updated_at: now,
        }
    }

    /// A share of the commercial gesture `gesture` (what for: `note`) on `payment`.
    pub fn goodwill(
        id: Uuid,
        gesture: Uuid,
        note: &str,
        payment: &Payment,
        amount: Money,
        now: DateTime<Utc>,
    ) -> Self {
        Self {
            gesture: Some(gesture),
            note: Some(note.to_owned()),
            ..Self::open(id, RefundReason::Goodwill, payment, amount, now)
        }
    }

    /// The gateway took it: `PaymentRefunded`.
    pub fn succeed(&mut self, provider_ref: String, now: DateTime<Utc>) -> PaymentEvent {
        self.status = RefundStatus::Succeeded;
        self.provider_ref = Some(provider_ref);
        self.updated_at = now;
        PaymentEvent::PaymentRefunded(PaymentRefunded {
            refund_id: self.id,
            payment_id: self.payment_id,
            reservation_id: self.reservation_id,
            amount: self.amount,
        })
    }

    /// The gateway refused it.
    pub fn fail(&mut self, reason: &str, now: DateTime<Utc>) {
        self.status = RefundStatus::Failed;
        self.failure = Some(reason.chars().take(500).collect());
        self.updated_at = now;
    }
}

/// `RefundLatestPaymentsFirst`: spreads `amount` over the paid `payments` (each minus
/// what `refunded` already took back from it), the latest first, never more than a
/// payment's remainder. What cannot be placed (more than was paid) is left out.
pub fn allocate_refund(
    payments: &[Payment],
    refunded: &[(Uuid, Money)],
    amount: Money,
) -> Vec<(Uuid, Money)> {
    let mut left = amount.amount_minor();
    let mut shares = Vec::new();
    let mut paid: Vec<&Payment> = payments
        .iter()
        .filter(|p| {
            p.status == PaymentStatus::Succeeded && p.amount.currency() == amount.currency()
        })
        .collect();
    paid.sort_by_key(|p| std::cmp::Reverse((p.updated_at, p.id)));
    for p in paid {
        if left <= 0 {
            break;
        }
        let taken: i64 = refunded
            .iter()
            .filter(|(id, _)| *id == p.id)
            .map(|(_, m)| m.amount_minor())
            .sum();
        let share = (p.amount.amount_minor() - taken).min(left);
        if share > 0 {
            shares.push((p.id, Money::new(share, amount.currency())));
            left -= share;
        }
    }
    shares
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, NaiveDate};
    use sejour_core::value_objects::{Currency, Installment, InstallmentKind};

    use super::*;

    fn paid(kind: InstallmentKind, amount: i64, minutes: i64) -> Payment {
        let now = DateTime::<Utc>::UNIX_EPOCH + Duration::minutes(minutes);
        let installment = Installment {
            kind,
            amount: Money::new(amount, Currency::EUR),
            due_on: NaiveDate::MIN,
        };
        let mut p = Payment::open(
            Uuid::now_v7(),
            Uuid::nil(),
            None,
            installment,
            "builtin",
            now,
        );
        let _ = p.succeed(now);
        p
    }

    #[test]
    fn the_latest_payment_is_refunded_first_within_what_each_paid() {
        let deposit = paid(InstallmentKind::Deposit, 30_000, 1);
        let balance = paid(InstallmentKind::Balance, 70_000, 2);
        let eur = |a| Money::new(a, Currency::EUR);
        let shares = allocate_refund(&[deposit.clone(), balance.clone()], &[], eur(80_000));
        assert_eq!(
            shares,
            vec![(balance.id, eur(70_000)), (deposit.id, eur(10_000))]
        );
        // Already refunded parts are not refunded again; more than was paid is left out.
        let shares = allocate_refund(
            &[deposit.clone(), balance.clone()],
            &[(balance.id, eur(70_000))],
            eur(50_000),
        );
        assert_eq!(shares, vec![(deposit.id, eur(30_000))]);
        assert!(allocate_refund(&[deposit], &[], eur(0)).is_empty());
    }
}
