//! Business rules with names (`StayMustRespectMinimumNights`...): a rule is a type that
//! says whether a change would break it and which error then follows. Aggregates check
//! their rules with [`check_rule`] inside the method that could break them.

/// A rule that a change may break.
pub trait BusinessRule {
    /// The error reported when the rule is broken (the context's domain error).
    type Error;

    /// Whether the change would break the rule.
    fn is_broken(&self) -> bool;

    /// The error reported when it is broken.
    fn error(&self) -> Self::Error;
}

/// Checks `rule`: its error when broken.
pub fn check_rule<R: BusinessRule>(rule: R) -> Result<(), R::Error> {
    if rule.is_broken() {
        Err(rule.error())
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct NightsAtLeast {
        nights: u32,
        minimum: u32,
    }

    impl BusinessRule for NightsAtLeast {
        type Error = String;
        fn is_broken(&self) -> bool {
            self.nights < self.minimum
        }
        fn error(&self) -> String {
            format!("at least {} nights", self.minimum)
        }
    }

    #[test]
    fn a_broken_rule_gives_its_error_and_a_kept_one_passes() {
        assert_eq!(
            check_rule(NightsAtLeast {
                nights: 2,
                minimum: 3
            }),
            Err("at least 3 nights".to_owned())
        );
        assert_eq!(
            check_rule(NightsAtLeast {
                nights: 3,
                minimum: 3
            }),
            Ok(())
        );
    }
}
