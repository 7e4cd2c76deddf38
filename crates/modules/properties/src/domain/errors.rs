//! The properties context's business-rule violations, each with a stable code.

/// A broken property rule.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PropertyError {
    /// Latitude or longitude out of range.
    #[error("Coordinates must be a latitude in [-90, 90] and a longitude in [-180, 180].")]
    InvalidCoordinates,
    /// Capacity out of range.
    #[error("A property hosts between 1 and 50 guests.")]
    InvalidCapacity,
    /// Owners' shares do not sum to 100 %.
    #[error(
        "Owners' shares must be positive, one per owner, and sum to 100 % (10000 basis points)."
    )]
    InvalidShares,
    /// Not a French registration number.
    #[error("A registration number has 13 characters: INSEE code, 6 digits, key.")]
    InvalidRegistrationNumber,
    /// A name that is empty or too long.
    #[error("A property name has 1 to 120 characters.")]
    InvalidName,
    /// Something required to publish is missing.
    #[error("The property cannot be published yet; missing: {}", .0.join(", "))]
    NotReadyToPublish(Vec<&'static str>),
    /// Archived properties must go back to draft first.
    #[error("An archived property must be set back to draft before publishing.")]
    ArchivedCannotBePublished,
}

impl PropertyError {
    /// The stable code.
    pub fn code(&self) -> &'static str {
        match self {
            PropertyError::InvalidCoordinates => "property.invalid_coordinates",
            PropertyError::InvalidCapacity => "property.invalid_capacity",
            PropertyError::InvalidShares => "property.invalid_shares",
            PropertyError::InvalidRegistrationNumber => "property.invalid_registration_number",
            PropertyError::InvalidName => "property.invalid_name",
            PropertyError::NotReadyToPublish(_) => "property.not_ready_to_publish",
            PropertyError::ArchivedCannotBePublished => "property.archived",
        }
    }
}
