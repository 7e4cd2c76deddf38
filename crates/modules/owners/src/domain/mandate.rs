//! The management mandate: what the agency earns and how the rent flows.

use std::fmt;

pub use crate::published_language::MoneyModel;
use chrono::NaiveDate;

/// The most basis points a commission may be: 100 %.
pub const MAX_BASIS_POINTS: u32 = 10_000;

/// Why a commission rate was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CommissionRateError {
    /// More than 10 000 basis points (100 %).
    #[error("a commission is between 0 and 10000 basis points (0 to 100 %), not {0}")]
    OutOfRange(u32),
}

impl CommissionRateError {
    /// A stable, machine-readable code for this error.
    pub fn code(&self) -> &'static str {
        "commission_rate.out_of_range"
    }
}

/// The agency's commission on the rent, in basis points (1/100 of a percent): 0 to
/// 10 000, i.e. 0 to 100 %. `2000` is 20 %.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CommissionRate(u16);

impl CommissionRate {
    /// Checks the range.
    pub fn from_basis_points(basis_points: u32) -> Result<Self, CommissionRateError> {
        if basis_points > MAX_BASIS_POINTS {
            return Err(CommissionRateError::OutOfRange(basis_points));
        }
        u16::try_from(basis_points)
            .map(Self)
            .map_err(|_| CommissionRateError::OutOfRange(basis_points))
    }

    /// The rate in basis points.
    pub fn basis_points(self) -> u16 {
        self.0
    }

    /// The commission on `amount` minor units, rounded half away from zero to the minor
    /// unit (`20 %` of 12 345 cents is 2 469 cents).
    pub fn of_minor_units(self, amount: i64) -> i64 {
        let product = i128::from(amount) * i128::from(self.0);
        let divisor = i128::from(MAX_BASIS_POINTS);
        let half = divisor / 2;
        let rounded = if product >= 0 {
            (product + half) / divisor
        } else {
            (product - half) / divisor
        };
        // |amount × rate / 10 000| ≤ |amount|, which fits.
        i64::try_from(rounded).unwrap_or(amount)
    }
}

impl fmt::Display for CommissionRate {
    /// `20.00 %`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{:02} %", self.0 / 100, self.0 % 100)
    }
}

/// The owner's management mandate with the agency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Mandate {
    /// The agency's commission.
    pub commission: CommissionRate,
    /// The day the mandate starts.
    pub start_date: NaiveDate,
    /// Who collects the rent.
    pub money_model: MoneyModel,
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn given_basis_points_when_building_a_rate_then_0_to_10000_only() {
        assert_eq!(
            CommissionRate::from_basis_points(0).unwrap().basis_points(),
            0
        );
        assert_eq!(
            CommissionRate::from_basis_points(10_000)
                .unwrap()
                .basis_points(),
            10_000
        );
        let err = CommissionRate::from_basis_points(10_001).unwrap_err();
        assert_eq!(err, CommissionRateError::OutOfRange(10_001));
        assert_eq!(err.code(), "commission_rate.out_of_range");
        assert!(CommissionRate::from_basis_points(u32::MAX).is_err());
    }

    #[test]
    fn given_a_rate_when_displayed_or_applied_then_percent_and_rounded_commission() {
        let rate = CommissionRate::from_basis_points(2_050).unwrap();
        assert_eq!(rate.to_string(), "20.50 %");
        let twenty = CommissionRate::from_basis_points(2_000).unwrap();
        assert_eq!(twenty.of_minor_units(12_345), 2_469);
        assert_eq!(twenty.of_minor_units(-12_345), -2_469);
        assert_eq!(twenty.of_minor_units(0), 0);
        let all = CommissionRate::from_basis_points(10_000).unwrap();
        assert_eq!(all.of_minor_units(i64::MAX), i64::MAX);
    }

    #[test]
    fn given_each_money_model_when_round_tripping_its_name_then_it_comes_back() {
        for model in MoneyModel::ALL {
            assert_eq!(MoneyModel::parse(model.as_str()), Some(model));
        }
        assert_eq!(MoneyModel::parse("lease"), None);
        assert!(MoneyModel::Mandate.agency_collects_rent());
        assert!(!MoneyModel::Service.agency_collects_rent());
    }
}
