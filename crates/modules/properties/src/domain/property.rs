//! The `Property` aggregate: what is rented, by whom, at what price, and whether it is
//! on sale.

use chrono::NaiveTime;
use sejour_core::{
    BusinessRule, Changes, check_rule,
    value_objects::{CountryCode, PostalAddress},
};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{
    amenity::Amenity,
    errors::PropertyError,
    events::{
        PropertyArchived, PropertyEvent, PropertyPublished, PropertyUnpublished, RatesChanged,
    },
    pricing::{RatePlan, TouristTaxConfig},
};

/// The kind of accommodation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PropertyKind {
    /// A house.
    House,
    /// A flat.
    Apartment,
    /// A villa.
    Villa,
    /// A chalet.
    Chalet,
    /// A gîte (rural holiday cottage).
    Gite,
    /// A studio.
    Studio,
    /// A guest room in a house.
    Room,
    /// Anything else.
    Other,
}

impl PropertyKind {
    /// Every kind.
    pub const ALL: [PropertyKind; 8] = [
        PropertyKind::House,
        PropertyKind::Apartment,
        PropertyKind::Villa,
        PropertyKind::Chalet,
        PropertyKind::Gite,
        PropertyKind::Studio,
        PropertyKind::Room,
        PropertyKind::Other,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            PropertyKind::House => "house",
            PropertyKind::Apartment => "apartment",
            PropertyKind::Villa => "villa",
            PropertyKind::Chalet => "chalet",
            PropertyKind::Gite => "gite",
            PropertyKind::Studio => "studio",
            PropertyKind::Room => "room",
            PropertyKind::Other => "other",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Where a property is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PropertyStatus {
    /// Being prepared; not visible to the public.
    Draft,
    /// On sale: searchable and bookable.
    Published,
    /// Withdrawn; kept for history.
    Archived,
}

impl PropertyStatus {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            PropertyStatus::Draft => "draft",
            PropertyStatus::Published => "published",
            PropertyStatus::Archived => "archived",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<Self> {
        [Self::Draft, Self::Published, Self::Archived]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

/// WGS 84 coordinates.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Coordinates {
    /// Latitude, −90 to 90.
    pub lat: f64,
    /// Longitude, −180 to 180.
    pub lng: f64,
}

impl Coordinates {
    /// Valid coordinates, or `property.invalid_coordinates`.
    pub fn new(lat: f64, lng: f64) -> Result<Self, PropertyError> {
        if lat.is_finite()
            && lng.is_finite()
            && (-90.0..=90.0).contains(&lat)
            && (-180.0..=180.0).contains(&lng)
        {
            Ok(Self { lat, lng })
        } else {
            Err(PropertyError::InvalidCoordinates)
        }
    }

    /// Great-circle distance in kilometres (haversine).
    pub fn distance_km(&self, other: &Coordinates) -> f64 {
        let (p1, p2) = (self.lat.to_radians(), other.lat.to_radians());
        let dp = (other.lat - self.lat).to_radians();
        let dl = (other.lng - self.lng).to_radians();
        let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
        6371.0 * 2.0 * a.sqrt().atan2((1.0 - a).sqrt())
    }
}

/// How many people and rooms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Capacity {
    /// Most guests, children included (1–50).
    pub max_guests: u32,
    /// Bedrooms.
    pub bedrooms: u32,
    /// Beds.
    pub beds: u32,
    /// Bathrooms.
    pub bathrooms: u32,
}

impl Capacity {
    /// A capacity of at least one guest and at most 50.
    pub fn new(
        max_guests: u32,
        bedrooms: u32,
        beds: u32,
        bathrooms: u32,
    ) -> Result<Self, PropertyError> {
        if !(1..=50).contains(&max_guests) || bedrooms > 50 || beds > 100 || bathrooms > 50 {
            return Err(PropertyError::InvalidCapacity);
        }
        Ok(Self {
            max_guests,
            bedrooms,
            beds,
            bathrooms,
        })
    }
}

/// One owner's share of a property, in basis points (10000 = 100 %).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OwnerShare {
    /// The owner (owners context).
    pub owner_id: Uuid,
    /// Their share, 1–10000 basis points.
    pub share_bp: u32,
}

/// `SharesMustSumToOneHundredPercent`: a property's owners' shares sum to exactly 100 %,
/// each owner once, each share positive. An empty list is allowed on a draft.
#[derive(Debug, Clone, Copy)]
pub struct SharesMustSumToOneHundredPercent<'a>(pub &'a [OwnerShare]);

impl BusinessRule for SharesMustSumToOneHundredPercent<'_> {
    type Error = PropertyError;

    fn is_broken(&self) -> bool {
        let shares = self.0;
        if shares.is_empty() {
            return false;
        }
        let mut seen = std::collections::HashSet::new();
        if shares
            .iter()
            .any(|s| s.share_bp == 0 || !seen.insert(s.owner_id))
        {
            return true;
        }
        shares.iter().map(|s| u64::from(s.share_bp)).sum::<u64>() != 10_000
    }

    fn error(&self) -> PropertyError {
        PropertyError::InvalidShares
    }
}

/// `PublishedPropertyKeepsItsOwners`: a property on sale always has owners.
#[derive(Debug, Clone, Copy)]
pub struct PublishedPropertyKeepsItsOwners<'a> {
    /// The property's status.
    pub status: PropertyStatus,
    /// Its new owners.
    pub owners: &'a [OwnerShare],
}

impl BusinessRule for PublishedPropertyKeepsItsOwners<'_> {
    type Error = PropertyError;

    fn is_broken(&self) -> bool {
        self.status == PropertyStatus::Published && self.owners.is_empty()
    }

    fn error(&self) -> PropertyError {
        PropertyError::InvalidShares
    }
}

/// `ArchivedPropertyCannotBePublished`: an archived property goes back to draft first.
#[derive(Debug, Clone, Copy)]
pub struct ArchivedPropertyCannotBePublished(pub PropertyStatus);

impl BusinessRule for ArchivedPropertyCannotBePublished {
    type Error = PropertyError;

    fn is_broken(&self) -> bool {
        self.0 == PropertyStatus::Archived
    }

    fn error(&self) -> PropertyError {
        PropertyError::ArchivedCannotBePublished
    }
}

/// `PropertyCanBePublished`: a registration number (in France), at least one photo,
/// rates, a tourist-tax regime in the rates' currency (else no stay could be quoted) and
/// owners.
#[derive(Debug, Clone, Copy)]
pub struct PropertyCanBePublished<'a>(pub &'a Property);

impl PropertyCanBePublished<'_> {
    /// What is missing, by field name.
    pub fn missing(&self) -> Vec<&'static str> {
        let p = self.0;
        let mut missing = Vec::new();
        if p.address.country() == CountryCode::FR && p.registration_number.is_none() {
            missing.push("registrationNumber");
        }
        if p.photos.is_empty() {
            missing.push("photos");
        }
        if p.rates.is_none() {
            missing.push("rates");
        }
        match (&p.rates, &p.tourist_tax) {
            (_, None) => missing.push("touristTax"),
            (Some(rates), Some(tax)) if tax.currency() != rates.currency() => {
                missing.push("touristTax");
            }
            _ => {}
        }
        if p.owners.is_empty() {
            missing.push("owners");
        }
        missing
    }
}

impl BusinessRule for PropertyCanBePublished<'_> {
    type Error = PropertyError;

    fn is_broken(&self) -> bool {
        !self.missing().is_empty()
    }

    fn error(&self) -> PropertyError {
        PropertyError::NotReadyToPublish(self.missing())
    }
}

/// Texts in the two languages the product serves.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Descriptions {
    /// French.
    pub fr: String,
    /// English.
    pub en: String,
}

/// A French tourist-accommodation registration number ("numéro d'enregistrement"):
/// 13 characters, the commune's 5-character INSEE code, 6 digits, a 2-character key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistrationNumber(String);

impl RegistrationNumber {
    /// What the API accepts for one, as a regular expression (the OpenAPI `pattern`; see
    /// `sejour_core::value_objects::pattern`): blank (none), or 5 letters or digits, 6
    /// digits and 2 letters or digits, in either case, whitespace anywhere.
    pub fn pattern() -> String {
        use sejour_core::value_objects::pattern::{WHITESPACE, separated};
        let alnum = "[A-Za-z0-9]".to_owned();
        let digit = "[0-9]".to_owned();
        let units: Vec<String> = std::iter::repeat_n(alnum.clone(), 5)
            .chain(std::iter::repeat_n(digit, 6))
            .chain(std::iter::repeat_n(alnum, 2))
            .collect();
        format!("^{WHITESPACE}*(?:{})?$", separated(&units, WHITESPACE))
    }

    /// Parses one, ignoring spaces; `property.invalid_registration_number` otherwise.
    pub fn parse(raw: &str) -> Result<Self, PropertyError> {
        let compact: String = raw
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_uppercase();
        let ok = compact.len() == 13
            && compact.chars().all(|c| c.is_ascii_alphanumeric())
            && compact[5..11].chars().all(|c| c.is_ascii_digit());
        if ok {
            Ok(Self(compact))
        } else {
            Err(PropertyError::InvalidRegistrationNumber)
        }
    }

    /// The normalised number.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A photo's place in the gallery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhotoRef {
    /// The photo's id.
    pub id: Uuid,
    /// Position, 0 first.
    pub position: u32,
}

/// The property aggregate.
#[derive(Debug, Clone, PartialEq)]
pub struct Property {
    /// Identity.
    pub id: Uuid,
    /// Public, unique, URL-safe name.
    pub slug: String,
    /// Display name.
    pub name: String,
    /// Kind of accommodation.
    pub kind: PropertyKind,
    /// Life-cycle status.
    pub status: PropertyStatus,
    /// Postal address.
    pub address: PostalAddress,
    /// Map position.
    pub coordinates: Coordinates,
    /// People and rooms.
    pub capacity: Capacity,
    /// Floor area in m².
    pub floor_area_m2: Option<u32>,
    /// Registration number (mandatory to publish in France).
    pub registration_number: Option<RegistrationNumber>,
    /// Descriptions, fr and en.
    pub descriptions: Descriptions,
    /// Earliest check-in time.
    pub check_in_time: NaiveTime,
    /// Latest check-out time.
    pub check_out_time: NaiveTime,
    /// House rules.
    pub house_rules: String,
    /// Amenities from the closed list.
    pub amenities: Vec<Amenity>,
    /// Other amenities, free text.
    pub amenities_other: String,
    /// Owners and their shares.
    pub owners: Vec<OwnerShare>,
    /// Prices, discounts, fees, deposit, cancellation policy.
    pub rates: Option<RatePlan>,
    /// The tourist-tax regime.
    pub tourist_tax: Option<TouristTaxConfig>,
    /// Photos, in order.
    pub photos: Vec<PhotoRef>,
    /// Optimistic-concurrency version (the ETag).
    pub version: i32,
    /// The version as stored and the events raised since.
    pub changes: Changes<PropertyEvent>,
}

impl Property {
    /// Records `event`, bumping the version once per save.
    pub fn record(&mut self, event: PropertyEvent) {
        self.changes.record(&mut self.version, event);
    }

    /// `PropertyCanBePublished` (and `ArchivedPropertyCannotBePublished`): publishes it.
    pub fn publish(&mut self) -> Result<(), PropertyError> {
        if self.status == PropertyStatus::Published {
            return Ok(());
        }
        check_rule(ArchivedPropertyCannotBePublished(self.status))?;
        check_rule(PropertyCanBePublished(self))?;
        self.status = PropertyStatus::Published;
        self.record(PropertyEvent::PropertyPublished(PropertyPublished {
            property_id: self.id,
        }));
        Ok(())
    }

    /// Withdraws the property from sale; its history stays.
    pub fn archive(&mut self) {
        if self.status != PropertyStatus::Archived {
            self.status = PropertyStatus::Archived;
            self.record(PropertyEvent::PropertyArchived(PropertyArchived {
                property_id: self.id,
            }));
        }
    }

    /// Back to draft (from published or archived).
    pub fn unpublish(&mut self) {
        if self.status != PropertyStatus::Draft {
            self.status = PropertyStatus::Draft;
            self.record(PropertyEvent::PropertyUnpublished(PropertyUnpublished {
                property_id: self.id,
            }));
        }
    }

    /// Replaces the owners (`SharesMustSumToOneHundredPercent`,
    /// `PublishedPropertyKeepsItsOwners`).
    pub fn set_owners(&mut self, owners: Vec<OwnerShare>) -> Result<(), PropertyError> {
        check_rule(SharesMustSumToOneHundredPercent(&owners))?;
        check_rule(PublishedPropertyKeepsItsOwners {
            status: self.status,
            owners: &owners,
        })?;
        self.owners = owners;
        Ok(())
    }

    /// Replaces the rates.
    pub fn set_rates(&mut self, rates: RatePlan) {
        self.rates = Some(rates);
        self.record(PropertyEvent::RatesChanged(RatesChanged {
            property_id: self.id,
        }));
    }

    /// Whether `owner_id` owns a share.
    pub fn is_owned_by(&self, owner_id: Uuid) -> bool {
        self.owners.iter().any(|o| o.owner_id == owner_id)
    }
}

impl sejour_core::Aggregate for Property {
    type Event = PropertyEvent;

    fn id(&self) -> Uuid {
        self.id
    }

    fn version(&self) -> i32 {
        self.version
    }

    fn stored_version(&self) -> Option<i32> {
        self.changes.stored_version()
    }

    fn take_events(&mut self) -> Vec<PropertyEvent> {
        self.changes.take(self.version)
    }
}

/// A URL-safe slug from a name: lower-case ASCII, accents folded, dashes.
pub fn slugify(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars().flat_map(fold_accent) {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-').to_owned();
    if slug.is_empty() {
        "property".to_owned()
    } else {
        slug.chars().take(80).collect()
    }
}

fn fold_accent(c: char) -> Vec<char> {
    let folded = match c {
        'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' | 'À' | 'Â' | 'Ä' | 'Á' => 'a',
        'ç' | 'Ç' => 'c',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
        'î' | 'ï' | 'í' | 'ì' | 'Î' | 'Ï' => 'i',
        'ô' | 'ö' | 'ó' | 'ò' | 'õ' | 'Ô' | 'Ö' => 'o',
        'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' => 'u',
        'ÿ' | 'ý' => 'y',
        'ñ' => 'n',
        'œ' | 'Œ' => return vec!['o', 'e'],
        'æ' | 'Æ' => return vec!['a', 'e'],
        other => other,
    };
    vec![folded]
}

#[cfg(test)]
mod tests {
    use sejour_core::Aggregate;

    use super::*;

    fn draft_in_france(version: i32) -> Property {
        let address = PostalAddress::new(
            "1 rue des Oliviers",
            None,
            "06000",
            "Nice",
            None,
            CountryCode::FR,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let id = Uuid::nil();
        Property {
            id,
            slug: "villa".to_owned(),
            name: "Villa".to_owned(),
            kind: PropertyKind::Villa,
            status: PropertyStatus::Draft,
            address,
            coordinates: Coordinates {
                lat: 43.7,
                lng: 7.27,
            },
            capacity: Capacity {
                max_guests: 6,
                bedrooms: 3,
                beds: 3,
                bathrooms: 2,
            },
            floor_area_m2: None,
            registration_number: None,
            descriptions: Descriptions::default(),
            check_in_time: NaiveTime::MIN,
            check_out_time: NaiveTime::MIN,
            house_rules: String::new(),
            amenities: Vec::new(),
            amenities_other: String::new(),
            owners: Vec::new(),
            rates: None,
            tourist_tax: None,
            photos: Vec::new(),
            version,
            changes: Changes::restored(version),
        }
    }

    #[test]
    fn given_a_bare_draft_when_published_then_refused_naming_what_is_missing() {
        let mut property = draft_in_france(3);
        assert_eq!(
            property.publish(),
            Err(PropertyError::NotReadyToPublish(vec![
                "registrationNumber",
                "photos",
                "rates",
                "touristTax",
                "owners"
            ]))
        );
        assert_eq!(property.version(), 3);
        assert!(!property.changes.has_changes());
    }

    #[test]
    fn given_an_archived_property_when_published_then_it_must_go_back_to_draft_first() {
        let mut property = draft_in_france(1);
        property.archive();
        assert_eq!(
            property.publish(),
            Err(PropertyError::ArchivedCannotBePublished)
        );
    }

    #[test]
    fn given_a_stored_property_when_changed_twice_then_the_version_moves_once() {
        let mut property = draft_in_france(4);
        property.archive();
        property.unpublish();
        assert_eq!(
            (property.version(), property.stored_version()),
            (5, Some(4))
        );
        let events = property.take_events();
        assert_eq!(events.len(), 2);
        assert_eq!(property.stored_version(), Some(5));
    }

    #[test]
    fn shares_sum_to_one_hundred_percent_each_owner_once() {
        let (a, b) = (Uuid::from_u128(1), Uuid::from_u128(2));
        let share = |owner_id, share_bp| OwnerShare { owner_id, share_bp };
        assert!(!SharesMustSumToOneHundredPercent(&[]).is_broken());
        assert!(!SharesMustSumToOneHundredPercent(&[share(a, 6000), share(b, 4000)]).is_broken());
        assert!(SharesMustSumToOneHundredPercent(&[share(a, 5000), share(a, 5000)]).is_broken());
        assert!(SharesMustSumToOneHundredPercent(&[share(a, 9999)]).is_broken());
        let mut property = draft_in_france(1);
        property.status = PropertyStatus::Published;
        assert_eq!(
            property.set_owners(Vec::new()),
            Err(PropertyError::InvalidShares)
        );
    }
}
