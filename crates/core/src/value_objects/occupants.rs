//! Who stays: adults and children. One value object for every context that counts a
//! party (quotes, bookings, contracts), so the rule "at least one adult" lives once.

use thiserror::Error;

/// The most occupants a party may count (no property takes more).
pub const MAX_OCCUPANTS: u32 = 50;
/// Ages from this one on are adults.
pub const AGE_OF_MAJORITY: u8 = 18;

/// Why a party is not valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum OccupantsError {
    /// `PartyMustIncludeAnAdult`.
    #[error("at least one adult must stay")]
    NoAdult,
    /// A child's age is 18 or more.
    #[error("a child's age must be under {AGE_OF_MAJORITY}, not {age}")]
    ChildAge {
        /// The age given.
        age: u8,
    },
    /// More than [`MAX_OCCUPANTS`] in all.
    #[error("at most {max} occupants")]
    TooMany {
        /// The limit.
        max: u32,
    },
}

/// Adults and children (one age each). Rule `OccupantsAreValid`: at least one adult,
/// children under 18, at most [`MAX_OCCUPANTS`] in all.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Occupants {
    adults: u32,
    children_ages: Vec<u8>,
}

impl Occupants {
    /// Checks the rule.
    pub fn new(adults: u32, children_ages: Vec<u8>) -> Result<Self, OccupantsError> {
        if adults == 0 {
            return Err(OccupantsError::NoAdult);
        }
        if let Some(&age) = children_ages.iter().find(|&&a| a >= AGE_OF_MAJORITY) {
            return Err(OccupantsError::ChildAge { age });
        }
        let children = u32::try_from(children_ages.len()).unwrap_or(u32::MAX);
        if adults.saturating_add(children) > MAX_OCCUPANTS {
            return Err(OccupantsError::TooMany { max: MAX_OCCUPANTS });
        }
        Ok(Self {
            adults,
            children_ages,
        })
    }

    /// Adults.
    pub fn adults(&self) -> u32 {
        self.adults
    }

    /// One age per child.
    pub fn children_ages(&self) -> &[u8] {
        &self.children_ages
    }

    /// Children.
    pub fn children(&self) -> u32 {
        u32::try_from(self.children_ages.len()).unwrap_or(u32::MAX)
    }

    /// Adults and children.
    pub fn count(&self) -> u32 {
        self.adults.saturating_add(self.children())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_party_needs_an_adult_minor_children_and_a_bounded_size() {
        assert_eq!(Occupants::new(0, vec![5]), Err(OccupantsError::NoAdult));
        assert_eq!(
            Occupants::new(1, vec![18]),
            Err(OccupantsError::ChildAge { age: 18 })
        );
        assert_eq!(
            Occupants::new(50, vec![3]),
            Err(OccupantsError::TooMany { max: 50 })
        );
        let party = Occupants::new(2, vec![4, 17]).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((party.adults(), party.children(), party.count()), (2, 2, 4));
    }
}
