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
