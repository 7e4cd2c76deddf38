//! The demo agency's data: its owners and properties, read from `agency.json` (kept out
//! of the code so that it reads as the table it is).

use std::sync::LazyLock;

use sejour_owners::domain::{MoneyModel, OwnerKindTag};
use sejour_properties::domain::{
    amenity::Amenity, pricing::CancellationPolicy, property::PropertyKind,
};
use serde::Deserialize;

use super::{SeedError, failed, photos::Scene};

/// The demo agency, as written in `agency.json`.
#[derive(Debug, Deserialize)]
pub(super) struct Agency {
    /// The owners, in creation order.
    pub owners: Vec<OwnerSpec>,
    /// The properties, in creation order.
    pub properties: Vec<PropertySpec>,
}

impl Agency {
    /// The position of the owner named `key` in [`Agency::owners`].
    pub fn owner_index(&self, key: &str) -> Option<usize> {
        self.owners.iter().position(|o| o.key == key)
    }
}

static AGENCY: LazyLock<Result<Agency, String>> =
    LazyLock::new(|| serde_json::from_str(include_str!("agency.json")).map_err(|e| e.to_string()));

/// The demo agency; an error when `agency.json` does not parse.
pub(super) fn agency() -> Result<&'static Agency, SeedError> {
    AGENCY
        .as_ref()
        .map_err(|e| failed("reading the demo agency (agency.json)", e))
}

/// A demo owner.
#[derive(Debug, Deserialize)]
pub(super) struct OwnerSpec {
    /// How properties refer to this owner.
    pub key: String,
    /// Display name (a person's "First Last", or a company's legal name).
    pub name: String,
    /// Person or company; a company gets a SIRET from `siren_stem` and a VAT number.
    pub kind: OwnerKindTag,
    /// The first 8 digits of the SIREN (its Luhn key is computed); companies only.
    #[serde(default)]
    pub siren_stem: String,
    /// Contact e-mail.
    pub email: String,
    /// Contact phone.
    pub phone: String,
    /// Postal address (France).
    pub address: OwnerAddress,
    /// Bank details (RIB and IBAN keys computed).
    pub bank: Bank,
    /// The agency's commission, basis points.
    pub commission_bp: u32,
    /// Who holds the guests' money.
    pub money_model: MoneyModel,
    /// Mandate start.
    pub since: Since,
    /// Linked to the owner account.
    pub linked: bool,
}

/// An owner's postal address.
#[derive(Debug, Deserialize)]
pub(super) struct OwnerAddress {
    /// Street line.
    pub line1: String,
    /// Postal code.
    pub postal_code: String,
    /// City.
    pub city: String,
}

/// A French RIB, digits only.
#[derive(Debug, Deserialize)]
pub(super) struct Bank {
    /// Bank code.
    pub bank: u64,
    /// Branch code.
    pub branch: u64,
    /// 11-digit account number.
    pub account: u64,
}

/// A mandate start: years before this one, month, day.
#[derive(Debug, Deserialize)]
pub(super) struct Since {
    /// Years before the current one.
    pub years_ago: i32,
    /// Month.
    pub month: u32,
    /// Day.
    pub day: u32,
}

/// How the nightly price varies over the year (seasons are dated, so they are laid out
/// for last, this and next year and those already over are dropped).
#[derive(Debug, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub(super) enum Seasons {
    /// Seaside: spring and late season, and a July–August high season of Saturday-to-
    /// Saturday weeks.
    Coastal { high: i64, shoulder: i64 },
    /// Mountains: a ski season of Saturday-to-Saturday weeks and a summer season.
    Mountain { winter: i64, summer: i64 },
    /// Countryside and lakes: a summer season of at least five nights.
    Summer { summer: i64 },
    /// Cities: one dated event (month, day to month, day, possibly into the next year).
    Event {
        name: String,
        from: (u32, u32),
        until: (u32, u32),
        nightly: i64,
    },
}

/// A demo rate plan, amounts in cents.
#[derive(Debug, Deserialize)]
pub(super) struct Pricing {
    pub base: i64,
    pub seasons: Seasons,
    pub weekly_bp: u32,
    pub monthly_bp: u32,
    pub cleaning: i64,
    pub extra_guest: i64,
    pub extra_guest_threshold: u32,
    pub deposit: i64,
    pub min_nights: u32,
    pub policy: CancellationPolicy,
}

/// A tourist-tax regime, amounts in cents.
#[derive(Debug, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub(super) enum Tax {
    /// A classified furnished rental: the commune's rate for its stars.
    Fixed { rate: i64, departmental_bp: u32 },
    /// An unclassified one: a share of the price per person and night, capped.
    Proportional {
        rate_bp: u32,
        cap: i64,
        departmental_bp: u32,
        regional_bp: u32,
    },
}

/// Guests, bedrooms, beds, bathrooms.
#[derive(Debug, Deserialize)]
pub(super) struct Capacity {
    pub guests: u32,
    pub bedrooms: u32,
    pub beds: u32,
    pub bathrooms: u32,
}

/// An owner's share of a property.
#[derive(Debug, Deserialize)]
pub(super) struct Share {
    /// The owner's [`OwnerSpec::key`].
    pub owner: String,
    /// Basis points.
    pub share_bp: u32,
}

/// A demo property.
#[derive(Debug, Deserialize)]
pub(super) struct PropertySpec {
    pub name: String,
    pub kind: PropertyKind,
    pub line1: String,
    pub postal_code: String,
    pub city: String,
    pub region: String,
    pub lat: f64,
    pub lng: f64,
    pub capacity: Capacity,
    pub area_m2: u32,
    /// INSEE commune code, 6 digits, 2 characters; `None` while the town hall has not
    /// issued it (such a property cannot be published).
    pub registration: Option<String>,
    pub fr: String,
    pub en: String,
    /// Hour, minute.
    pub check_in: (u32, u32),
    /// Hour, minute.
    pub check_out: (u32, u32),
    pub house_rules: String,
    pub amenities: Vec<Amenity>,
    pub amenities_other: String,
    pub owners: Vec<Share>,
    pub pricing: Pricing,
    pub tax: Tax,
    pub scene: Scene,
    /// One photo per caption.
    pub captions: Vec<String>,
    pub publish: bool,
}
