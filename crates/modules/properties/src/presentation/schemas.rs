//! The OpenAPI shapes of the pricing vocabulary (rates, seasons, tourist tax, the quote)
//! and of the properties' closed lists. The domain types stay free of utoipa: these
//! mirrors are what `#[schema(value_type = ...)]` points at, and the contract test checks
//! every served response against them.
#![allow(
    dead_code,
    reason = "schema mirrors: read by the OpenAPI derive, never built"
)]

use serde::Serialize;
use utoipa::ToSchema;

/// What kind of property.
#[derive(ToSchema)]
#[schema(rename_all = "snake_case")]
#[schema(as = PropertyKind)]
pub enum PropertyKindSchema {
    /// A house.
    House,
    /// An apartment.
    Apartment,
    /// A villa.
    Villa,
    /// A chalet.
    Chalet,
    /// A gîte.
    Gite,
    /// A studio.
    Studio,
    /// A room.
    Room,
    /// Anything else.
    Other,
}

/// Where a property is in its life.
#[derive(ToSchema)]
#[schema(rename_all = "snake_case")]
#[schema(as = PropertyStatus)]
pub enum PropertyStatusSchema {
    /// Being prepared; not bookable.
    Draft,
    /// Visible and bookable.
    Published,
    /// Withdrawn for good.
    Archived,
}

/// An amenity from the closed list.
#[derive(ToSchema)]
#[schema(rename_all = "snake_case")]
#[schema(as = Amenity)]
pub enum AmenitySchema {
    /// Wi-Fi.
    Wifi,
    /// Private parking.
    Parking,
    /// Swimming pool.
    Pool,
    /// Air conditioning.
    AirConditioning,
    /// Heating.
    Heating,
    /// Washing machine.
    WashingMachine,
    /// Dishwasher.
    Dishwasher,
    /// Equipped kitchen.
    Kitchen,
    /// Television.
    Tv,
    /// Garden.
    Garden,
    /// Terrace or balcony.
    Terrace,
    /// Barbecue.
    Barbecue,
    /// Fireplace.
    Fireplace,
    /// Sea view.
    SeaView,
    /// Mountain view.
    MountainView,
    /// Lift.
    Elevator,
    /// Pets allowed.
    PetsAllowed,
    /// Accessible to wheelchairs.
    WheelchairAccessible,
    /// Baby cot.
    BabyCot,
    /// Electric-vehicle charger.
    EvCharger,
    /// Hot tub.
    HotTub,
    /// Sauna.
    Sauna,
    /// Ski-in/ski-out access.
    SkiAccess,
    /// Beach within walking distance.
    BeachAccess,
}

/// A child's age, under 18.
pub struct ChildAge;

impl utoipa::PartialSchema for ChildAge {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::Integer)
            .description(Some("A child's age, 0 to 17."))
            .minimum(Some(0))
            .maximum(Some(17))
            .into()
    }
}

impl ToSchema for ChildAge {}

/// Which file of a photo.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum PhotoVariant {
    /// The uploaded image, metadata stripped.
    Original,
    /// The resized JPEG (≤ 1280 px).
    Resized,
}

/// The order of search results.
#[derive(Serialize, ToSchema)]
pub enum SearchSort {
    /// Newest first (default).
    #[serde(rename = "newest")]
    Newest,
    /// Cheapest first.
    #[serde(rename = "price")]
    PriceAsc,
    /// Dearest first.
    #[serde(rename = "-price")]
    PriceDesc,
    /// Nearest first (with `near`).
    #[serde(rename = "distance")]
    Distance,
}

/// What occupies a range of the calendar.
#[derive(ToSchema)]
#[schema(rename_all = "snake_case")]
#[schema(as = OccupationKind)]
pub enum OccupationKindSchema {
    /// A reservation's hold.
    Reservation,
    /// The owner stays.
    OwnerStay,
    /// Works.
    Maintenance,
    /// Imported from an iCal feed.
    Imported,
}

/// What staff may block by hand.
#[derive(ToSchema)]
#[schema(rename_all = "snake_case")]
#[schema(as = BlockKind)]
pub enum BlockKindSchema {
    /// The owner stays.
    OwnerStay,
    /// Works.
    Maintenance,
}

/// Named text schemas of the properties' requests, with the `pattern` of what the
/// commands accept (see `sejour_core::value_objects::pattern`).
pub mod text {
    use sejour_core::value_objects::pattern::{ANY, NOT_WHITESPACE, WHITESPACE, trimmed};
    use sejour_infrastructure::text_schema;

    use crate::domain::property::RegistrationNumber;

    /// The longest property name (`create_property`, `update_property`), once trimmed.
    pub const MAX_PROPERTY_NAME_LENGTH: usize = 120;
    /// The longest name of an imported calendar (`add_feed`), once trimmed.
    pub const MAX_FEED_NAME_LENGTH: usize = 80;

    text_schema!(
        /// The schema `PropertyName`.
        PropertyNameSchema as "PropertyName":
        "A property's name: 1 to 120 characters once trimmed.",
        trimmed(NOT_WHITESPACE, ANY, MAX_PROPERTY_NAME_LENGTH, false),
        "Villa Les Oliviers");

    text_schema!(
        /// The schema `RegistrationNumber`.
        RegistrationNumberSchema as "RegistrationNumber":
        "A French registration number (numéro d'enregistrement): 13 characters, the \
         commune's 5-character INSEE code, 6 digits and a 2-character key, in either case, \
         spaces ignored; blank is none.",
        RegistrationNumber::pattern(),
        "06088 000123 AB");

    text_schema!(
        /// The schema `FeedName`.
        FeedNameSchema as "FeedName":
        "The label of an imported calendar: 1 to 80 characters once trimmed.",
        trimmed(NOT_WHITESPACE, ANY, MAX_FEED_NAME_LENGTH, false),
        "Airbnb");

    text_schema!(
        /// The schema `FeedUrl`.
        FeedUrlSchema as "FeedUrl":
        "The address of a calendar to import: an `http://` or `https://` URL (scheme in \
         either case) of at most 2,000 bytes once trimmed.",
        format!("^{WHITESPACE}*[Hh][Tt][Tt][Pp][Ss]?://{ANY}*$"),
        "https://www.airbnb.fr/calendar/ical/12345678.ics?s=abcdef");
}
