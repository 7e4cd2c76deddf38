//! Who books and who stays (the shared kernel's [`Occupants`], its errors under this
//! context's codes).

pub use sejour_core::value_objects::{AGE_OF_MAJORITY, MAX_OCCUPANTS, Occupants};
use sejour_core::value_objects::{Email, PersonName, PhoneNumber, PostalAddress};

use super::errors::ReservationError;

/// The longest cancellation reason, in characters.
pub const MAX_REASON_LENGTH: usize = 500;
/// The longest notes, in characters.
pub const MAX_NOTES_LENGTH: usize = 2_000;

/// The booking guest's contact: the person the agency deals with and the contract names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuestContact {
    /// First name.
    pub first_name: PersonName,
    /// Last name.
    pub last_name: PersonName,
    /// Email.
    pub email: Email,
    /// Phone.
    pub phone: PhoneNumber,
    /// Postal address (the contract names it).
    pub address: PostalAddress,
}

/// The guests of a reservation: the booking guest's contact and the occupants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guests {
    /// Who booked.
    pub contact: GuestContact,
    /// Who stays.
    pub occupants: Occupants,
}

/// Free text checked as "trimmed, 1 to `max` characters"; control characters other
/// than line breaks and tabs are refused as if too long.
/// What [`text`] accepts: trimmed, 1 to `max` characters, control characters only as
/// tabs and line breaks.
fn text_pattern(max: usize, optional: bool) -> String {
    use sejour_core::value_objects::pattern::{NOT_CONTROL_BUT_LINE_BREAKS, VISIBLE, trimmed};
    trimmed(VISIBLE, NOT_CONTROL_BUT_LINE_BREAKS, max, optional)
}

fn text(input: &str, max: usize) -> Option<String> {
    let trimmed = input.trim();
    let printable = trimmed
        .chars()
        .all(|c| !c.is_control() || matches!(c, '\n' | '\r' | '\t'));
    (!trimmed.is_empty() && printable && trimmed.chars().count() <= max).then(|| trimmed.to_owned())
}

/// Why a reservation is cancelled: 1 to 500 characters (`expired` for lapsed holds).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CancelReason(String);

impl CancelReason {
    /// The reason of a hold that lapsed unconfirmed.
    pub fn expired() -> Self {
        Self("expired".to_owned())
    }

    /// What [`CancelReason::parse`] accepts, as a regular expression (the OpenAPI
    /// `pattern`; see `sejour_core::value_objects::pattern`).
    pub fn pattern() -> String {
        text_pattern(MAX_REASON_LENGTH, false)
    }

    /// Checks the rule.
    pub fn parse(input: &str) -> Result<Self, ReservationError> {
        text(input, MAX_REASON_LENGTH)
            .map(Self)
            .ok_or(ReservationError::Reason {
                max: MAX_REASON_LENGTH,
            })
    }

    /// The reason.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The guest's or agency's notes on a booking: up to 2,000 characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notes(String);

impl Notes {
    /// What [`Notes::parse`] accepts (blank included), as a regular expression.
    pub fn pattern() -> String {
        text_pattern(MAX_NOTES_LENGTH, true)
    }

    /// `None` for blank input; an error past [`MAX_NOTES_LENGTH`].
    pub fn parse(input: &str) -> Result<Option<Self>, ReservationError> {
        if input.trim().is_empty() {
            return Ok(None);
        }
        text(input, MAX_NOTES_LENGTH)
            .map(|t| Some(Self(t)))
            .ok_or(ReservationError::NotesTooLong {
                max: MAX_NOTES_LENGTH,
            })
    }

    /// The notes.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn given_no_adult_when_building_occupants_then_no_adult() {
        assert_eq!(
            Occupants::new(0, vec![5]).map_err(ReservationError::from),
            Err(ReservationError::NoAdult)
        );
    }

    #[test]
    fn given_an_adult_age_as_a_child_when_building_occupants_then_refused() {
        assert_eq!(
            Occupants::new(2, vec![4, 18]).map_err(ReservationError::from),
            Err(ReservationError::ChildAge { age: 18 })
        );
        assert_eq!(Occupants::new(2, vec![0, 17]).unwrap().count(), 4);
    }

    #[test]
    fn given_too_many_people_when_building_occupants_then_refused() {
        assert!(Occupants::new(50, vec![]).is_ok());
        assert_eq!(
            Occupants::new(50, vec![3]).map_err(ReservationError::from),
            Err(ReservationError::TooManyOccupants { max: 50 })
        );
    }

    #[test]
    fn given_reasons_when_parsing_then_blank_and_long_ones_are_refused() {
        assert_eq!(
            CancelReason::parse("  plans changed ").unwrap().as_str(),
            "plans changed"
        );
        assert!(CancelReason::parse("   ").is_err());
        assert!(CancelReason::parse(&"x".repeat(501)).is_err());
        assert!(CancelReason::parse("a\u{0}b").is_err());
    }

    #[test]
    fn given_notes_when_parsing_then_blank_is_none_and_lines_are_kept() {
        assert_eq!(Notes::parse("  ").unwrap(), None);
        assert_eq!(
            Notes::parse("late arrival\nbaby cot")
                .unwrap()
                .unwrap()
                .as_str(),
            "late arrival\nbaby cot"
        );
        assert!(Notes::parse(&"x".repeat(2_001)).is_err());
    }
}
