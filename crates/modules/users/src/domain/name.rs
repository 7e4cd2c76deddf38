//! People's names, and the rule they obey: the shared kernel's.

pub use sejour_core::value_objects::{MAX_NAME_LENGTH, NameProblem, PersonName};
