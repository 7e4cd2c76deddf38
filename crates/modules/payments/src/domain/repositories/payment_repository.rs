//! `PaymentRepository`: payments, their events on the outbox in the same transaction,
//! and the gateway events already handled.

use async_trait::async_trait;
use sejour_core::{AppError, Ctx, Tx};
use uuid::Uuid;

use crate::domain::{Payment, PaymentEvent, Refund};

/// Stores and loads payments.
#[async_trait]
pub trait PaymentRepository: Send + Sync + 'static {
    /// Inserts a new pending payment; `Ok(false)` when the installment already has a live
    /// one (`OnePaymentPerInstallment`, enforced by the store whatever the concurrency).
    async fn insert(&self, tx: &mut Tx, payment: &Payment) -> Result<bool, AppError>;

    /// Writes a payment's new state and `events` on the outbox.
    async fn save(
        &self,
        tx: &mut Tx,
        ctx: &Ctx,
        payment: &Payment,
        events: Vec<PaymentEvent>,
    ) -> Result<(), AppError>;

    /// The payment of a gateway's checkout, locked in `tx`.
    async fn find_by_ref_for_update(
        &self,
        tx: &mut Tx,
        provider: &str,
        provider_ref: &str,
    ) -> Result<Option<Payment>, AppError>;

    /// The live (pending or paid) payment of an installment, if any.
    async fn live(
        &self,
        reservation_id: Uuid,
        kind: sejour_core::value_objects::InstallmentKind,
    ) -> Result<Option<Payment>, AppError>;

    /// The payments of a reservation, oldest first.
    async fn list(&self, reservation_id: Uuid) -> Result<Vec<Payment>, AppError>;

    /// Inserts a pending refund; `Ok(false)` when the payment already has one for this
    /// reason (the cancellation redelivered).
    async fn insert_refund(&self, tx: &mut Tx, refund: &Refund) -> Result<bool, AppError>;

    /// Writes a refund's new state and `events` on the outbox.
    async fn save_refund(
        &self,
        tx: &mut Tx,
        ctx: &Ctx,
        refund: &Refund,
        events: Vec<PaymentEvent>,
    ) -> Result<(), AppError>;

    /// The refunds of a reservation, oldest first.
    async fn refunds(&self, reservation_id: Uuid) -> Result<Vec<Refund>, AppError>;

    /// Records a gateway event as handled in `tx`; `false` if it already was.
    async fn first_delivery(
        &self,
        tx: &mut Tx,
        provider: &str,
        event_id: &str,
    ) -> Result<bool, AppError>;
}
