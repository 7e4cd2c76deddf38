//! One payment of a stay's schedule: what it pays, how much, by when. Computed by the
//! properties context when it quotes, frozen by the reservations context with the price.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Money;

/// What an installment pays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum InstallmentKind {
    /// The part paid ahead (at booking, or 6 months before arrival).
    Deposit,
    /// The rest, before arrival.
    Balance,
    /// Everything at once (late bookings).
    FullPayment,
}

/// One payment: what, how much, by when.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Installment {
    /// What it pays.
    pub kind: InstallmentKind,
    /// How much.
    pub amount: Money,
    /// The day it falls due.
    pub due_on: NaiveDate,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value_objects::Currency;

    #[test]
    fn an_installment_is_stored_as_camel_case_json() {
        let installment = Installment {
            kind: InstallmentKind::FullPayment,
            amount: Money::new(12_345, Currency::EUR),
            due_on: NaiveDate::from_ymd_opt(2027, 7, 1).unwrap_or_default(),
        };
        let json = serde_json::to_string(&installment).unwrap_or_default();
        assert_eq!(
            json,
            r#"{"kind":"fullPayment","amount":{"amount":12345,"currency":"EUR"},"dueOn":"2027-07-01"}"#
        );
        assert_eq!(
            serde_json::from_str::<Installment>(&json).ok(),
            Some(installment)
        );
    }
}
