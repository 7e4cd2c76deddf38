//! Currencies and amounts of money, held as whole minor units (cents) in an `i64`.
//!
//! Every operation is checked: nothing here panics on overflow, whatever the input.

use std::cmp::Reverse;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// The currencies Séjour handles, with their number of minor-unit digits (ISO 4217).
const SUPPORTED_CURRENCIES: [(&str, u8); 16] = [
    ("EUR", 2),
    ("USD", 2),
    ("GBP", 2),
    ("CHF", 2),
    ("JPY", 0),
    ("KRW", 0),
    ("SEK", 2),
    ("NOK", 2),
    ("DKK", 2),
    ("PLN", 2),
    ("CZK", 2),
    ("HUF", 2),
    ("RON", 2),
    ("BGN", 2),
    ("CAD", 2),
    ("AUD", 2),
];

/// One hundred per cent, in basis points.
const FULL_BASIS_POINTS: i128 = 10_000;

/// Why a currency or an amount of money was refused, or an operation on money failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    /// The code is not three upper-case ASCII letters.
    #[error("`{code}` is not an ISO 4217 currency code (three upper-case letters)")]
    InvalidCurrencyCode {
        /// The code as given.
        code: String,
    },
    /// The code is well formed but not a currency Séjour handles.
    #[error("currency `{code}` is not supported")]
    UnsupportedCurrency {
        /// The code as given.
        code: String,
    },
    /// The two operands are in different currencies.
    #[error("cannot combine amounts in {left} and {right}")]
    CurrencyMismatch {
        /// Currency of the left operand.
        left: Currency,
        /// Currency of the right operand.
        right: Currency,
    },
    /// The result does not fit in the amount's range.
    #[error("amount overflow")]
    Overflow,
    /// An allocation was asked with no weights, or with weights that are all zero.
    #[error("allocation weights must not be empty nor all zero")]
    InvalidWeights,
}

impl MoneyError {
    /// A stable, machine-readable code for this error.
    pub fn code(&self) -> &'static str {
        match self {
            Self::InvalidCurrencyCode { .. } => "money.invalid_currency_code",
            Self::UnsupportedCurrency { .. } => "money.unsupported_currency",
            Self::CurrencyMismatch { .. } => "money.currency_mismatch",
            Self::Overflow => "money.overflow",
            Self::InvalidWeights => "money.invalid_weights",
        }
    }
}

/// An ISO 4217 currency code among those Séjour supports (e.g. `EUR`, `JPY`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "&'static str")]
pub struct Currency(&'static str);

impl Currency {
    /// The euro.
    pub const EUR: Currency = Currency("EUR");
    /// The US dollar.
    pub const USD: Currency = Currency("USD");
    /// The pound sterling.
    pub const GBP: Currency = Currency("GBP");
    /// The Swiss franc.
    pub const CHF: Currency = Currency("CHF");
    /// The Japanese yen (no minor unit).
    pub const JPY: Currency = Currency("JPY");

    /// Parses an upper-case ISO 4217 code such as `"EUR"`; unknown codes are refused.
    pub fn parse(code: &str) -> Result<Self, MoneyError> {
        if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(MoneyError::InvalidCurrencyCode {
                code: code.to_owned(),
            });
        }
        SUPPORTED_CURRENCIES
            .iter()
            .find(|(known, _)| *known == code)
            .map(|(known, _)| Currency(known))
            .ok_or_else(|| MoneyError::UnsupportedCurrency {
                code: code.to_owned(),
            })
    }

    /// Every supported currency.
    pub fn all() -> impl Iterator<Item = Currency> {
        SUPPORTED_CURRENCIES.iter().map(|(code, _)| Currency(code))
    }

    /// The three-letter code, e.g. `"EUR"`.
    pub fn as_str(&self) -> &'static str {
        self.0
    }

    /// How many decimal digits the minor unit has: 2 for the euro (cents), 0 for the yen.
    pub fn minor_units(&self) -> u8 {
        SUPPORTED_CURRENCIES
            .iter()
            .find(|(code, _)| *code == self.0)
            .map_or(2, |(_, units)| *units)
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl FromStr for Currency {
    type Err = MoneyError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<String> for Currency {
    type Error = MoneyError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<Currency> for &'static str {
    fn from(value: Currency) -> Self {
        value.0
    }
}

/// An amount of money: a signed number of minor units (cents) in one currency.
///
/// Serialized as `{"amount": 12345, "currency": "EUR"}` (here 123.45 EUR).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "MoneyRaw")]
pub struct Money {
    #[serde(rename = "amount")]
    amount_minor: i64,
    currency: Currency,
}

/// The unchecked wire shape of [`Money`].
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct MoneyRaw {
    amount: i64,
    currency: String,
}

impl TryFrom<MoneyRaw> for Money {
    type Error = MoneyError;

    fn try_from(raw: MoneyRaw) -> Result<Self, Self::Error> {
        Ok(Money::new(raw.amount, Currency::parse(&raw.currency)?))
    }
}

impl Money {
    /// An amount of `amount_minor` minor units (cents for the euro) of `currency`.
    pub const fn new(amount_minor: i64, currency: Currency) -> Self {
        Self {
            amount_minor,
            currency,
        }
    }

    /// Nothing, in `currency`.
    pub const fn zero(currency: Currency) -> Self {
        Self::new(0, currency)
    }

    /// The amount in minor units.
    pub const fn amount_minor(&self) -> i64 {
        self.amount_minor
    }

    /// The currency.
    pub const fn currency(&self) -> Currency {
        self.currency
    }

    /// Whether the amount is below zero.
    pub const fn is_negative(&self) -> bool {
        self.amount_minor < 0
    }

    /// Whether the amount is zero.
    pub const fn is_zero(&self) -> bool {
        self.amount_minor == 0
    }

    /// Whether the amount is above zero.
    pub const fn is_positive(&self) -> bool {
        self.amount_minor > 0
    }

    fn same_currency(&self, other: &Money) -> Result<(), MoneyError> {
        if self.currency == other.currency {
            Ok(())
        } else {
            Err(MoneyError::CurrencyMismatch {
                left: self.currency,
                right: other.currency,
            })
        }
    }

    /// `self + other`; both must be in the same currency.
    pub fn checked_add(&self, other: Money) -> Result<Money, MoneyError> {
        self.same_currency(&other)?;
        self.amount_minor
            .checked_add(other.amount_minor)
            .map(|amount| Money::new(amount, self.currency))
            .ok_or(MoneyError::Overflow)
    }

    /// `self - other`; both must be in the same currency.
    pub fn checked_sub(&self, other: Money) -> Result<Money, MoneyError> {
        self.same_currency(&other)?;
        self.amount_minor
            .checked_sub(other.amount_minor)
            .map(|amount| Money::new(amount, self.currency))
            .ok_or(MoneyError::Overflow)
    }

    /// `self × factor` (e.g. a nightly price times a number of nights).
    pub fn checked_mul(&self, factor: i64) -> Result<Money, MoneyError> {
        self.amount_minor
            .checked_mul(factor)
            .map(|amount| Money::new(amount, self.currency))
            .ok_or(MoneyError::Overflow)
    }

    /// `-self`.
    pub fn checked_neg(&self) -> Result<Money, MoneyError> {
        self.amount_minor
            .checked_neg()
            .map(|amount| Money::new(amount, self.currency))
            .ok_or(MoneyError::Overflow)
    }

    /// `basis_points / 10 000` of this amount (10 000 = 100 %, 250 = 2.5 %), rounded half
    /// away from zero to the minor unit.
    pub fn percent_bp(&self, basis_points: u32) -> Result<Money, MoneyError> {
        let product = i128::from(self.amount_minor)
            .checked_mul(i128::from(basis_points))
            .ok_or(MoneyError::Overflow)?;
        let quotient = product / FULL_BASIS_POINTS;
        let remainder = product % FULL_BASIS_POINTS;
        // |remainder| < 10 000, so doubling it cannot overflow.
        let rounded = if remainder.abs() * 2 >= FULL_BASIS_POINTS {
            quotient
                .checked_add(product.signum())
                .ok_or(MoneyError::Overflow)?
        } else {
            quotient
        };
        i64::try_from(rounded)
            .map(|amount| Money::new(amount, self.currency))
            .map_err(|_| MoneyError::Overflow)
    }

    /// Splits this amount into parts proportional to `weights`, one part per weight.
    ///
    /// The parts always add up exactly to the whole. Each part is the exact proportional
    /// share truncated towards zero, and the minor units left over go one by one to the
    /// parts with the largest truncated fractions (the earliest part first on ties), so no
    /// part is a whole minor unit away from its exact share.
    pub fn allocate(&self, weights: &[u32]) -> Result<Vec<Money>, MoneyError> {
        let total = weights
            .iter()
            .try_fold(0_u128, |sum, weight| sum.checked_add(u128::from(*weight)))
            .ok_or(MoneyError::Overflow)?;
        if total == 0 {
            return Err(MoneyError::InvalidWeights);
        }

        let magnitude = u128::from(self.amount_minor.unsigned_abs());
        let mut shares = Vec::with_capacity(weights.len());
        let mut remainders = Vec::with_capacity(weights.len());
        let mut allocated: u128 = 0;
        for (index, weight) in weights.iter().enumerate() {
            let scaled = magnitude
                .checked_mul(u128::from(*weight))
                .ok_or(MoneyError::Overflow)?;
            let share = scaled / total;
            shares.push(share);
            remainders.push((scaled % total, index));
            allocated = allocated.checked_add(share).ok_or(MoneyError::Overflow)?;
        }

        let mut leftover = magnitude
            .checked_sub(allocated)
            .ok_or(MoneyError::Overflow)?;
        remainders.sort_by_key(|&(remainder, index)| (Reverse(remainder), index));
        for (remainder, index) in remainders {
            if leftover == 0 || remainder == 0 {
                break;
            }
            if let Some(share) = shares.get_mut(index) {
                *share = share.checked_add(1).ok_or(MoneyError::Overflow)?;
                leftover -= 1;
            }
        }

        shares
            .into_iter()
            .map(|share| {
                let share = i128::try_from(share).map_err(|_| MoneyError::Overflow)?;
                let signed = if self.is_negative() { -share } else { share };
                i64::try_from(signed)
                    .map(|amount| Money::new(amount, self.currency))
                    .map_err(|_| MoneyError::Overflow)
            })
            .collect()
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.is_negative() { "-" } else { "" };
        let magnitude = self.amount_minor.unsigned_abs();
        let units = self.currency.minor_units();
        if units == 0 {
            return write!(f, "{sign}{magnitude} {}", self.currency);
        }
        let divisor = 10_u64.saturating_pow(u32::from(units));
        write!(
            f,
            "{sign}{}.{:0width$} {}",
            magnitude / divisor,
            magnitude % divisor,
            self.currency,
            width = usize::from(units),
        )
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn eur(amount: i64) -> Money {
        Money::new(amount, Currency::EUR)
    }

    fn usd(amount: i64) -> Money {
        Money::new(amount, Currency::USD)
    }

    #[test]
    fn given_supported_codes_when_parsing_then_currency_is_returned() {
        assert_eq!(Currency::parse("EUR"), Ok(Currency::EUR));
        assert_eq!(Currency::parse("JPY").unwrap().as_str(), "JPY");
        assert_eq!(Currency::parse("AUD").unwrap().to_string(), "AUD");
        assert_eq!("CHF".parse::<Currency>(), Ok(Currency::CHF));
    }

    #[test]
    fn given_malformed_codes_when_parsing_then_they_are_refused() {
        for code in ["", "EU", "EURO", "eur", "Eur", "E1R", " EUR", "ÉUR"] {
            let error = Currency::parse(code).unwrap_err();
            assert_eq!(error.code(), "money.invalid_currency_code", "{code:?}");
        }
    }

    #[test]
    fn given_unknown_code_when_parsing_then_it_is_refused() {
        let error = Currency::parse("XYZ").unwrap_err();
        assert_eq!(
            error,
            MoneyError::UnsupportedCurrency {
                code: "XYZ".to_owned()
            }
        );
        assert_eq!(error.code(), "money.unsupported_currency");
    }

    #[test]
    fn given_currencies_when_asking_minor_units_then_table_is_respected() {
        assert_eq!(Currency::EUR.minor_units(), 2);
        assert_eq!(Currency::JPY.minor_units(), 0);
        assert_eq!(Currency::parse("KRW").unwrap().minor_units(), 0);
        assert_eq!(Currency::parse("HUF").unwrap().minor_units(), 2);
        assert_eq!(Currency::all().count(), SUPPORTED_CURRENCIES.len());
        assert!(Currency::all().all(|c| Currency::parse(c.as_str()) == Ok(c)));
    }

    #[test]
    fn given_same_currency_when_adding_and_subtracting_then_amounts_combine() {
        assert_eq!(eur(1_000).checked_add(eur(250)), Ok(eur(1_250)));
        assert_eq!(eur(1_000).checked_sub(eur(1_250)), Ok(eur(-250)));
        assert!(eur(1_000).checked_sub(eur(1_250)).unwrap().is_negative());
        assert_eq!(eur(1_500).checked_mul(3), Ok(eur(4_500)));
        assert_eq!(eur(7).checked_neg(), Ok(eur(-7)));
        assert!(Money::zero(Currency::EUR).is_zero());
        assert!(eur(1).is_positive());
    }

    #[test]
    fn given_different_currencies_when_adding_then_mismatch_error() {
        let error = eur(100).checked_add(usd(100)).unwrap_err();
        assert_eq!(
            error,
            MoneyError::CurrencyMismatch {
                left: Currency::EUR,
                right: Currency::USD
            }
        );
        assert_eq!(error.code(), "money.currency_mismatch");
        assert_eq!(error.to_string(), "cannot combine amounts in EUR and USD");
        assert!(eur(100).checked_sub(usd(100)).is_err());
    }

    #[test]
    fn given_extreme_amounts_when_computing_then_overflow_is_an_error() {
        assert_eq!(eur(i64::MAX).checked_add(eur(1)), Err(MoneyError::Overflow));
        assert_eq!(eur(i64::MIN).checked_sub(eur(1)), Err(MoneyError::Overflow));
        assert_eq!(eur(i64::MAX).checked_mul(2), Err(MoneyError::Overflow));
        assert_eq!(eur(i64::MIN).checked_mul(-1), Err(MoneyError::Overflow));
        assert_eq!(eur(i64::MIN).checked_neg(), Err(MoneyError::Overflow));
        assert_eq!(eur(i64::MAX).percent_bp(20_000), Err(MoneyError::Overflow));
        assert_eq!(MoneyError::Overflow.code(), "money.overflow");
    }

    #[test]
    fn given_basis_points_when_taking_percentage_then_rounds_half_away_from_zero() {
        assert_eq!(eur(10_000).percent_bp(1_000), Ok(eur(1_000))); // 10 %
        assert_eq!(eur(12_345).percent_bp(10_000), Ok(eur(12_345))); // 100 %
        assert_eq!(eur(12_345).percent_bp(0), Ok(eur(0)));
        assert_eq!(eur(1).percent_bp(5_000), Ok(eur(1))); // 0.5 → 1
        assert_eq!(eur(-1).percent_bp(5_000), Ok(eur(-1))); // -0.5 → -1
        assert_eq!(eur(3).percent_bp(1_000), Ok(eur(0))); // 0.3 → 0
        assert_eq!(eur(-15).percent_bp(1_000), Ok(eur(-2))); // -1.5 → -2
        assert_eq!(eur(14).percent_bp(1_000), Ok(eur(1))); // 1.4 → 1
        assert_eq!(eur(i64::MIN).percent_bp(10_000), Ok(eur(i64::MIN)));
        assert_eq!(
            eur(i64::MAX).percent_bp(u32::MAX),
            Err(MoneyError::Overflow)
        );
    }

    #[test]
    fn given_weights_when_allocating_then_parts_sum_to_whole() {
        let parts = eur(100).allocate(&[1, 1, 1]).unwrap();
        assert_eq!(parts, vec![eur(34), eur(33), eur(33)]);

        let parts = eur(1_000).allocate(&[70, 30]).unwrap();
        assert_eq!(parts, vec![eur(700), eur(300)]);

        let parts = eur(-100).allocate(&[1, 1, 1]).unwrap();
        assert_eq!(parts, vec![eur(-34), eur(-33), eur(-33)]);

        // Largest remainder: 5 × (1/6, 2/6, 3/6) = 0.83, 1.67, 2.5 → 1, 2, 2.
        let parts = eur(5).allocate(&[1, 2, 3]).unwrap();
        assert_eq!(parts, vec![eur(1), eur(2), eur(2)]);

        let parts = eur(10).allocate(&[0, 1, 0]).unwrap();
        assert_eq!(parts, vec![eur(0), eur(10), eur(0)]);

        let parts = eur(i64::MIN).allocate(&[u32::MAX, u32::MAX]).unwrap();
        assert_eq!(parts, vec![eur(i64::MIN / 2), eur(i64::MIN / 2)]);
    }

    #[test]
    fn given_empty_or_zero_weights_when_allocating_then_error() {
        assert_eq!(eur(100).allocate(&[]), Err(MoneyError::InvalidWeights));
        assert_eq!(eur(100).allocate(&[0, 0]), Err(MoneyError::InvalidWeights));
        assert_eq!(MoneyError::InvalidWeights.code(), "money.invalid_weights");
    }

    #[test]
    fn given_money_when_displayed_then_minor_units_are_respected() {
        assert_eq!(eur(12_345).to_string(), "123.45 EUR");
        assert_eq!(eur(5).to_string(), "0.05 EUR");
        assert_eq!(eur(-5).to_string(), "-0.05 EUR");
        assert_eq!(eur(-12_300).to_string(), "-123.00 EUR");
        assert_eq!(eur(0).to_string(), "0.00 EUR");
        assert_eq!(Money::new(1_500, Currency::JPY).to_string(), "1500 JPY");
        assert_eq!(Money::new(-1_500, Currency::JPY).to_string(), "-1500 JPY");
        assert_eq!(eur(i64::MIN).to_string(), "-92233720368547758.08 EUR");
    }

    #[test]
    fn given_money_when_serialized_then_amount_and_currency_fields() {
        let json = serde_json::to_value(eur(12_345)).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"amount": 12345, "currency": "EUR"})
        );
        let back: Money = serde_json::from_value(json).unwrap();
        assert_eq!(back, eur(12_345));
        assert_eq!(
            serde_json::to_string(&Currency::GBP).unwrap(),
            "\"GBP\"".to_owned()
        );
    }

    #[test]
    fn given_invalid_currency_when_deserializing_then_error() {
        let unknown = serde_json::from_str::<Money>(r#"{"amount": 1, "currency": "XYZ"}"#);
        assert!(unknown.is_err());
        let lowercase = serde_json::from_str::<Money>(r#"{"amount": 1, "currency": "eur"}"#);
        assert!(lowercase.is_err());
        let missing = serde_json::from_str::<Money>(r#"{"amount": 1}"#);
        assert!(missing.is_err());
        assert!(serde_json::from_str::<Currency>("\"ABC\"").is_err());
    }
}
