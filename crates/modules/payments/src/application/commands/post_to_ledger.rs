//! `PostToLedgerCommand`: a payment received (with the provider's fee on it) or a refund
//! made, as a balanced entry on the ledger (once per payment or refund, however often it
//! is told); and the scheduler's
//! `payments.settle_stays` (`SettleStaysCommand`, daily): the money of each stay whose
//! check-out has come — cancelled ones included — shared out between the commune, the
//! agency and the owners (see [`crate::domain::ledger`]), with the agency's commission
//! invoices to the owners issued in the same transaction. A movement after a settlement
//! is followed by a settlement of the difference (and a credit note for a commission
//! lowered).

use sejour_core::{AppError, Ctx, value_objects::Money};
use uuid::Uuid;

use crate::{
    application::{
        Payments, commands::issue_invoice::bill_commissions, provider_failed,
        queries::list_invoices::archived,
    },
    domain::{
        Account, EntryKind, JournalEntry, LedgerError,
        ledger::{
            Stake, Stakes, StayPrice, cash_lines, fee_lines, reversed, settlement_delta,
            settlement_of, shares,
        },
    },
};

/// The job's name; the scheduler enqueues it.
pub const JOB: &str = "payments.settle_stays";

/// Stays settled per run at most (the next run takes the rest).
const BATCH: i64 = 500;

/// A movement of money to post.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PostToLedgerCommand {
    /// A guest's payment succeeded.
    Payment {
        /// The booking.
        reservation_id: Uuid,
        /// The payment.
        payment_id: Uuid,
        /// What was received.
        amount: Money,
    },
    /// A refund succeeded.
    Refund {
        /// The booking.
        reservation_id: Uuid,
        /// The refund.
        refund_id: Uuid,
        /// What went back.
        amount: Money,
    },
}

/// A broken ledger rule: 409 when the data cannot be shared out (no owners, more
/// refunded than paid); an unbalanced entry is a defect.
impl From<LedgerError> for AppError {
    fn from(e: LedgerError) -> Self {
        match e {
            LedgerError::Overrefunded { .. } | LedgerError::NoOwners => {
                AppError::conflict(e.code(), e.to_string())
            }
            LedgerError::Unbalanced | LedgerError::Money(_) => AppError::internal(e.to_string()),
        }
    }
}

/// Who shares the money of `property_id`, from the catalogue and the owners' mandates.
async fn stakes(app: &Payments, property_id: Uuid) -> Result<Stakes, AppError> {
    let ownership = app
        .catalog
        .ownership(property_id)
        .await?
        .ok_or_else(|| AppError::not_found("property"))?;
    let mut owners = Vec::with_capacity(ownership.shares.len());
    for (owner_id, share_bp) in ownership.shares {
        let terms = app
            .owners
            .terms(owner_id)
            .await?
            .ok_or_else(|| AppError::not_found("owner"))?;
        owners.push(Stake {
            owner_id,
            share_bp,
            commission_bp: terms.commission_bp,
            paid_directly: !terms.money_model.agency_collects_rent(),
        });
    }
    Ok(Stakes {
        commune: ownership.commune,
        owners,
    })
}

/// The fee the provider kept of payment `payment_id` (of `amount`), if any; one in another
/// currency than the payment's is left out of the entry (and reported).
async fn provider_fee(
    app: &Payments,
    reservation_id: Uuid,
    payment_id: Uuid,
    amount: Money,
) -> Result<Option<Money>, AppError> {
    let payment = app
        .payments
        .list(reservation_id)
        .await?
        .into_iter()
        .find(|p| p.id == payment_id)
        .ok_or_else(|| AppError::not_found("payment"))?;
    let Some(reference) = &payment.provider_ref else {
        return Ok(None);
    };
    let fee = app
        .gateway_named(&payment.provider)?
        .fee(reference)
        .await
        .map_err(provider_failed)?;
    Ok(fee.filter(|fee| {
        let same = fee.currency() == amount.currency();
        if !same {
            tracing::warn!(%payment_id, fee = %fee, "provider fee in another currency: not posted");
        }
        same
    }))
}

/// `PostToLedgerHandler`: whether the movement was posted now (false: already posted).
#[doc(alias = "PostToLedgerHandler")]
pub async fn post_to_ledger(
    app: &Payments,
    ctx: &Ctx,
    command: PostToLedgerCommand,
) -> Result<bool, AppError> {
    let (reservation_id, kind, source, amount) = match command {
        PostToLedgerCommand::Payment {
            reservation_id,
            payment_id,
            amount,
        } => (
            reservation_id,
            EntryKind::Payment,
            format!("payment:{payment_id}"),
            amount,
        ),
        PostToLedgerCommand::Refund {
            reservation_id,
            refund_id,
            amount,
        } => (
            reservation_id,
            EntryKind::Refund,
            format!("refund:{refund_id}"),
            amount,
        ),
    };
    let booking = app.book.payable(ctx, reservation_id).await?;
    let stakes = stakes(app, booking.property_id).await?;
    let received = cash_lines(reservation_id, amount, &stakes)?;
    let lines = match command {
        PostToLedgerCommand::Refund { .. } => reversed(&received)?,
        PostToLedgerCommand::Payment { payment_id, .. } => {
            let mut lines = received;
            if let Some(fee) = provider_fee(app, reservation_id, payment_id, amount).await? {
                lines.extend(fee_lines(fee)?);
            }
            lines
        }
    };
    let entry = JournalEntry::new(
        app.ids.new_id(),
        reservation_id,
        kind,
        source,
        app.clock.now(),
        amount.currency(),
        lines,
    )?;
    let mut tx = app.uow.begin().await?;
    let posted = app.ledger.post(&mut tx, &entry, booking.check_out).await?;
    app.uow.commit(tx).await?;
    Ok(posted)
}

/// `SettleStayHandler`: shares out what the guest of `reservation_id` paid net of refunds,
/// once its check-out has come; whether an entry was posted.
#[doc(alias = "SettleStayHandler")]
pub async fn settle_stay(
    app: &Payments,
    ctx: &Ctx,
    reservation_id: Uuid,
) -> Result<bool, AppError> {
    let booking = app.book.payable(ctx, reservation_id).await?;
    if booking.check_out > app.clock.today() {
        return Ok(false);
    }
    let currency = booking.total.currency();
    let guest = Account::Guest(reservation_id);
    let mut paid = Money::zero(currency);
    let mut settled = Vec::new();
    let mut settlements = 0;
    for entry in app.ledger.of_reservation(reservation_id).await? {
        if entry.kind == EntryKind::Settlement {
            settlements += 1;
            settled.extend(entry.lines);
        } else {
            for line in entry.lines.iter().filter(|l| l.account == guest) {
                paid = paid.checked_sub(line.amount).map_err(LedgerError::from)?;
            }
        }
    }
    let price = StayPrice {
        rent: booking.rent,
        fees: booking.fees,
        tourist_tax: booking.tourist_tax,
    };
    let stayed = booking.status != "cancelled";
    let stakes = stakes(app, booking.property_id).await?;
    let shares = shares(paid, price, stayed, &stakes)?;
    let target = settlement_of(reservation_id, paid, &shares, &stakes.commune)?;
    let delta = settlement_delta(currency, target, &settled)?;
    if delta.is_empty() {
        return Ok(false);
    }
    let entry = JournalEntry::new(
        app.ids.new_id(),
        reservation_id,
        EntryKind::Settlement,
        format!("settlement:{reservation_id}:{settlements}"),
        app.clock.now(),
        currency,
        delta,
    )?;
    let mut tx = app.uow.begin().await?;
    if !app.ledger.post(&mut tx, &entry, booking.check_out).await? {
        return Ok(false);
    }
    let invoices = bill_commissions(app, &mut tx, &booking, entry.id, &shares).await?;
    app.uow.commit(tx).await?;
    // `GenerateInvoiceWorker`'s rendering, early: the PDF is rendered at its first
    // request otherwise.
    for invoice in &invoices {
        tracing::info!(invoice = %invoice.reference(), "commission invoice issued");
        if let Err(e) = archived(app, invoice).await {
            tracing::warn!(invoice = %invoice.reference(), error = %e.message, "invoice not rendered yet");
        }
    }
    Ok(true)
}

/// `SettleStaysHandler`: how many stays were settled. A stay that cannot be (no owners
/// left, say) is reported and skipped; the next run tries again.
#[doc(alias = "SettleStaysHandler")]
pub async fn settle_stays(app: &Payments) -> Result<u64, AppError> {
    let ctx = Ctx::system(JOB, app.ids.new_id().to_string());
    let mut settled = 0;
    for id in app
        .ledger
        .due_for_settlement(app.clock.today(), BATCH)
        .await?
    {
        match settle_stay(app, &ctx, id).await {
            Ok(true) => settled += 1,
            Ok(false) => {}
            Err(e) => {
                tracing::warn!(reservation_id = %id, code = %e.code, error = %e.message, "stay not settled");
            }
        }
    }
    Ok(settled)
}
