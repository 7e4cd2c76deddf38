//! Why a payment is refused: one variant per broken rule, each with a stable code.

use chrono::NaiveDate;

/// A broken payment rule.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PaymentError {
    /// The reservation is cancelled, completed or otherwise not to be paid.
    #[error("a {status} reservation is not paid")]
    NotPayable {
        /// Its status.
        status: String,
    },
    /// Every installment of the schedule is paid.
    #[error("nothing is due on this reservation")]
    NothingDue,
    /// `PaymentNotBeforeItsDate`: the agency may not ask for an installment before its
    /// date (the balance at most a month before arrival, décret 72-678 art. 68).
    #[error("this installment may not be asked for before {due_on}")]
    TooEarly {
        /// The day it falls due.
        due_on: NaiveDate,
    },
    /// `GiveBackAtMostWhatWasPaid`: a refund of nothing, or of more than the guest paid
    /// and was not given back yet.
    #[error("a refund gives back more than nothing and at most the {refundable} minor units paid")]
    RefundExceedsPaid {
        /// What may still be given back.
        refundable: i64,
    },
}

impl PaymentError {
    /// The stable code.
    pub fn code(&self) -> &'static str {
        match self {
            Self::NotPayable { .. } => "payment.not_payable",
            Self::NothingDue => "payment.nothing_due",
            Self::TooEarly { .. } => "payment.too_early",
            Self::RefundExceedsPaid { .. } => "payment.refund_exceeds_paid",
        }
    }
}
