//! The closed list of amenities a property can offer (free text goes elsewhere).

use serde::{Deserialize, Serialize};

/// An amenity from the closed list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Amenity {
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

impl Amenity {
    /// Every amenity.
    pub const ALL: [Amenity; 24] = [
        Amenity::Wifi,
        Amenity::Parking,
        Amenity::Pool,
        Amenity::AirConditioning,
        Amenity::Heating,
        Amenity::WashingMachine,
        Amenity::Dishwasher,
        Amenity::Kitchen,
        Amenity::Tv,
        Amenity::Garden,
        Amenity::Terrace,
        Amenity::Barbecue,
        Amenity::Fireplace,
        Amenity::SeaView,
        Amenity::MountainView,
        Amenity::Elevator,
        Amenity::PetsAllowed,
        Amenity::WheelchairAccessible,
        Amenity::BabyCot,
        Amenity::EvCharger,
        Amenity::HotTub,
        Amenity::Sauna,
        Amenity::SkiAccess,
        Amenity::BeachAccess,
    ];

    /// The stored name (snake_case).
    pub fn as_str(self) -> &'static str {
        match self {
            Amenity::Wifi => "wifi",
            Amenity::Parking => "parking",
            Amenity::Pool => "pool",
            Amenity::AirConditioning => "air_conditioning",
            Amenity::Heating => "heating",
            Amenity::WashingMachine => "washing_machine",
            Amenity::Dishwasher => "dishwasher",
            Amenity::Kitchen => "kitchen",
            Amenity::Tv => "tv",
            Amenity::Garden => "garden",
            Amenity::Terrace => "terrace",
            Amenity::Barbecue => "barbecue",
            Amenity::Fireplace => "fireplace",
            Amenity::SeaView => "sea_view",
            Amenity::MountainView => "mountain_view",
            Amenity::Elevator => "elevator",
            Amenity::PetsAllowed => "pets_allowed",
            Amenity::WheelchairAccessible => "wheelchair_accessible",
            Amenity::BabyCot => "baby_cot",
            Amenity::EvCharger => "ev_charger",
            Amenity::HotTub => "hot_tub",
            Amenity::Sauna => "sauna",
            Amenity::SkiAccess => "ski_access",
            Amenity::BeachAccess => "beach_access",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<Amenity> {
        Amenity::ALL.into_iter().find(|a| a.as_str() == s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_amenity_round_trips_its_name() {
        for a in Amenity::ALL {
            assert_eq!(Amenity::parse(a.as_str()), Some(a));
        }
        assert_eq!(Amenity::parse("jacuzzi"), None);
    }
}
