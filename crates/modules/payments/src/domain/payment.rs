//! The `Payment` of one installment of a reservation's frozen schedule: created pending
//! with the gateway's checkout, then paid or failed by the gateway's verified event.

use chrono::{DateTime, NaiveDate, Utc};
use sejour_core::value_objects::{Installment, InstallmentKind, Money};
use uuid::Uuid;

use super::{errors::PaymentError, events::PaymentEvent, gateways::GatewayOutcome};
use crate::published_language::{PaymentFailed, PaymentSucceeded};

/// Where a payment (or a refund) stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PaymentStatus {
    /// Waiting for the guest at the gateway's checkout.
    Pending,
    /// Paid (final).
    Succeeded,
    /// Declined or abandoned (final; the installment may be tried again).
    Failed,
}

impl PaymentStatus {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Succeeded => "succeeded",
            Self::Failed => "failed",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<Self> {
        [Self::Pending, Self::Succeeded, Self::Failed]
            .into_iter()
            .find(|x| x.as_str() == s)
    }
}

/// A payment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payment {
    /// Id.
    pub id: Uuid,
    /// The reservation it pays.
    pub reservation_id: Uuid,
    /// The guest's account, if any.
    pub customer_id: Option<Uuid>,
    /// The installment it pays.
    pub kind: InstallmentKind,
    /// How much.
    pub amount: Money,
    /// Where it stands.
    pub status: PaymentStatus,
    /// The gateway (`builtin`, `stripe`).
    pub provider: String,
    /// The gateway's reference of the checkout.
    pub provider_ref: Option<String>,
    /// Where the guest pays.
    pub checkout_url: Option<String>,
    /// Why it failed.
    pub failure: Option<String>,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last changed.
    pub updated_at: DateTime<Utc>,
}

/// The stored name of an installment kind.
pub fn kind_str(kind: InstallmentKind) -> &'static str {
    match kind {
        InstallmentKind::Deposit => "deposit",
        InstallmentKind::Balance => "balance",
        InstallmentKind::FullPayment => "full_payment",
    }
}

/// Parses a stored installment kind.
pub fn parse_kind(s: &str) -> Option<InstallmentKind> {
    [
        InstallmentKind::Deposit,
        InstallmentKind::Balance,
        InstallmentKind::FullPayment,
    ]
    .into_iter()
    .find(|k| kind_str(*k) == s)
}

/// `NextInstallment`: the first installment of the schedule without a paid payment —
/// [`PaymentError::NothingDue`] when all are paid, [`PaymentError::TooEarly`] when it may
/// not be asked for yet (`PaymentNotBeforeItsDate`: every installment but the first waits
/// for its date).
pub fn next_installment(
    schedule: &[Installment],
    paid: &[InstallmentKind],
    today: NaiveDate,
) -> Result<Installment, PaymentError> {
    let (position, next) = schedule
        .iter()
        .enumerate()
        .find(|(_, i)| !paid.contains(&i.kind))
        .ok_or(PaymentError::NothingDue)?;
    if position > 0 && today < next.due_on {
        return Err(PaymentError::TooEarly {
            due_on: next.due_on,
        });
    }
    Ok(*next)
}

impl Payment {
    /// A pending payment of `installment`, at the gateway's checkout.
    pub fn open(
        id: Uuid,
        reservation_id: Uuid,
        customer_id: Option<Uuid>,
        installment: Installment,
        provider: &str,
        now: DateTime<Utc>,
    ) -> Self {
        Self {
            id,
            reservation_id,
            customer_id,
            kind: installment.kind,
            amount: installment.amount,
            status: PaymentStatus::Pending,
            provider: provider.to_owned(),
            provider_ref: None,
            checkout_url: None,
            failure: None,
            created_at: now,
            updated_at: now,
        }
    }

    /// The gateway confirmed the money: `PaymentSucceeded`. A payment already settled
    /// (paid, or failed and since retried elsewhere) does not change; `None` then.
    pub fn succeed(&mut self, now: DateTime<Utc>) -> Option<PaymentEvent> {
        if self.status != PaymentStatus::Pending {
            return None;
        }
        self.status = PaymentStatus::Succeeded;
        self.updated_at = now;
        Some(PaymentEvent::PaymentSucceeded(PaymentSucceeded {
            payment_id: self.id,
            reservation_id: self.reservation_id,
            kind: self.kind,
            amount: self.amount,
        }))
    }

    /// The gateway declined: `PaymentFailed`. Only a pending payment fails (an event
    /// arriving after the success changes nothing); `None` otherwise.
    pub fn fail(&mut self, reason: &str, now: DateTime<Utc>) -> Option<PaymentEvent> {
        if self.status != PaymentStatus::Pending {
            return None;
        }
        self.status = PaymentStatus::Failed;
        self.failure = Some(reason.chars().take(500).collect());
        self.updated_at = now;
        Some(PaymentEvent::PaymentFailed(PaymentFailed {
            payment_id: self.id,
            reservation_id: self.reservation_id,
            kind: self.kind,
            amount: self.amount,
            reason: self.failure.clone().unwrap_or_default(),
        }))
    }

    /// What the gateway says of it: paid ([`Payment::succeed`]), declined
    /// ([`Payment::fail`]) or nothing to act on.
    pub fn settle(&mut self, outcome: &GatewayOutcome, now: DateTime<Utc>) -> Option<PaymentEvent> {
        match outcome {
            GatewayOutcome::Succeeded => self.succeed(now),
            GatewayOutcome::Failed(reason) => self.fail(reason, now),
            GatewayOutcome::Other(_) => None,
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use sejour_core::value_objects::Currency;

    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 6, d).unwrap()
    }

    fn schedule() -> Vec<Installment> {
        let eur = |a| Money::new(a, Currency::EUR);
        vec![
            Installment {
                kind: InstallmentKind::Deposit,
                amount: eur(30_000),
                due_on: day(1),
            },
            Installment {
                kind: InstallmentKind::Balance,
                amount: eur(70_000),
                due_on: day(20),
            },
        ]
    }

    #[test]
    fn the_deposit_comes_first_then_the_balance_on_its_date() {
        let next = next_installment(&schedule(), &[], day(2)).unwrap();
        assert_eq!(next.kind, InstallmentKind::Deposit);
        assert_eq!(
            next_installment(&schedule(), &[InstallmentKind::Deposit], day(19)),
            Err(PaymentError::TooEarly { due_on: day(20) })
        );
        let balance = next_installment(&schedule(), &[InstallmentKind::Deposit], day(20)).unwrap();
        assert_eq!(balance.amount.amount_minor(), 70_000);
        assert_eq!(
            next_installment(
                &schedule(),
                &[InstallmentKind::Deposit, InstallmentKind::Balance],
                day(25)
            ),
            Err(PaymentError::NothingDue)
        );
    }

    #[test]
    fn a_settled_payment_ignores_later_events() {
        let installment = schedule()[0];
        let now = Utc::now();
        let mut p = Payment::open(Uuid::nil(), Uuid::nil(), None, installment, "builtin", now);
        assert!(p.succeed(now).is_some());
        assert!(p.fail("late decline", now).is_none());
        assert!(p.succeed(now).is_none());
        assert_eq!(p.status, PaymentStatus::Succeeded);
        let mut q = Payment::open(Uuid::nil(), Uuid::nil(), None, installment, "builtin", now);
        assert!(q.fail("declined", now).is_some());
        assert!(q.succeed(now).is_none());
        assert_eq!(q.failure.as_deref(), Some("declined"));
    }
}
