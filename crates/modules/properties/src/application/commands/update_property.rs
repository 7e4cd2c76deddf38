//! `UpdatePropertyCommand`: change any descriptive field, the owners, the rates and the
//! tourist-tax regime, with optimistic concurrency.

use chrono::NaiveTime;
use sejour_core::{AppError, Ctx, ensure_version, value_objects::PostalAddress};
use uuid::Uuid;

use crate::{
    application::{
        Properties,
        access::Access,
        commands::create_property::dedup,
        fields::{rule_error, rule_violation},
    },
    domain::{
        amenity::Amenity,
        events::{PropertyEvent, PropertyUpdated},
        pricing::{RatePlan, TouristTaxConfig},
        property::{Capacity, Coordinates, OwnerShare, PropertyKind, RegistrationNumber},
    },
};

/// The changes; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct UpdatePropertyCommand {
    /// The property.
    pub id: Uuid,
    /// The version the caller read (`If-Match`), if any.
    pub expected_version: Option<i32>,
    /// New name.
    pub name: Option<String>,
    /// New kind.
    pub kind: Option<PropertyKind>,
    /// New address.
    pub address: Option<PostalAddress>,
    /// New coordinates.
    pub coordinates: Option<(f64, f64)>,
    /// New capacity (guests, bedrooms, beds, bathrooms).
    pub capacity: Option<(u32, u32, u32, u32)>,
    /// New floor area (`Some(None)` clears).
    pub floor_area_m2: Option<Option<u32>>,
    /// New registration number (`Some(None)` clears).
    pub registration_number: Option<Option<String>>,
    /// New French description.
    pub description_fr: Option<String>,
    /// New English description.
    pub description_en: Option<String>,
    /// New check-in time.
    pub check_in_time: Option<NaiveTime>,
    /// New check-out time.
    pub check_out_time: Option<NaiveTime>,
    /// New house rules.
    pub house_rules: Option<String>,
    /// New amenities.
    pub amenities: Option<Vec<Amenity>>,
    /// New other amenities.
    pub amenities_other: Option<String>,
    /// New owners and shares.
    pub owners: Option<Vec<OwnerShare>>,
    /// New rates.
    pub rates: Option<RatePlan>,
    /// New tourist-tax regime.
    pub tourist_tax: Option<TouristTaxConfig>,
}

/// Applies the changes (staff only); 412 when `expected_version` is stale, 422 listing
/// invalid fields.
#[doc(alias = "UpdatePropertyHandler")]
pub async fn update_property(
    app: &Properties,
    access: &Access,
    ctx: &Ctx,
    cmd: UpdatePropertyCommand,
) -> Result<(), AppError> {
    access.require_manager(&ctx.actor)?;
    let mut tx = app.uow.begin().await?;
    let mut p = app
        .repo
        .find_for_update(&mut tx, cmd.id)
        .await?
        .ok_or_else(|| AppError::not_found("property"))?;
    ensure_version("property", p.version, cmd.expected_version)?;
    let mut fields = Vec::new();
    let mut errors = Vec::new();
    if let Some(name) = cmd.name {
        let name = name.trim().to_owned();
        if name.is_empty() || name.chars().count() > 120 {
            errors.push(rule_error(
                "name",
                &crate::domain::PropertyError::InvalidName,
            ));
        }
        p.name = name;
        fields.push("name");
    }
    if let Some(kind) = cmd.kind {
        p.kind = kind;
        fields.push("kind");
    }
    if let Some(address) = cmd.address {
        p.address = address;
        fields.push("address");
    }
    if let Some((lat, lng)) = cmd.coordinates {
        match Coordinates::new(lat, lng) {
            Ok(c) => p.coordinates = c,
            Err(e) => errors.push(rule_error("coordinates", &e)),
        }
        fields.push("coordinates");
    }
    if let Some((g, br, b, ba)) = cmd.capacity {
        match Capacity::new(g, br, b, ba) {
            Ok(c) => p.capacity = c,
            Err(e) => errors.push(rule_error("capacity", &e)),
        }
        fields.push("capacity");
    }
    if let Some(area) = cmd.floor_area_m2 {
        p.floor_area_m2 = area;
        fields.push("floorAreaM2");
    }
    if let Some(number) = cmd.registration_number {
        match number.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            Some(raw) => match RegistrationNumber::parse(raw) {
                Ok(n) => p.registration_number = Some(n),
                Err(e) => errors.push(rule_error("registrationNumber", &e)),
            },
            None => p.registration_number = None,
        }
        fields.push("registrationNumber");
    }
    if let Some(text) = cmd.description_fr {
        p.descriptions.fr = text;
        fields.push("descriptions");
    }
    if let Some(text) = cmd.description_en {
        p.descriptions.en = text;
        fields.push("descriptions");
    }
    if let Some(t) = cmd.check_in_time {
        p.check_in_time = t;
        fields.push("checkInTime");
    }
    if let Some(t) = cmd.check_out_time {
        p.check_out_time = t;
        fields.push("checkOutTime");
    }
    if let Some(rules) = cmd.house_rules {
        p.house_rules = rules;
        fields.push("houseRules");
    }
    if let Some(amenities) = cmd.amenities {
        p.amenities = dedup(amenities);
        fields.push("amenities");
    }
    if let Some(other) = cmd.amenities_other {
        p.amenities_other = other;
        fields.push("amenitiesOther");
    }
    if let Some(owners) = cmd.owners {
        if let Err(e) = p.set_owners(owners) {
            errors.push(rule_error("owners", &e));
        }
        fields.push("owners");
    }
    if let Some(rates) = cmd.rates {
        p.set_rates(rates);
    }
    if let Some(tax) = cmd.tourist_tax {
        p.tourist_tax = Some(tax);
        fields.push("touristTax");
    }
    if !errors.is_empty() {
        return Err(AppError::validation(errors));
    }
    fields.dedup();
    if !fields.is_empty() {
        let property_id = p.id;
        p.record(PropertyEvent::PropertyUpdated(PropertyUpdated {
            property_id,
            fields: fields.into_iter().map(str::to_owned).collect(),
        }));
    }
    if !p.changes.has_changes() {
        return Ok(());
    }
    if p.status == crate::domain::property::PropertyStatus::Published {
        // A published property must stay publishable.
        let mut check = p.clone();
        check.status = crate::domain::property::PropertyStatus::Draft;
        check.publish().map_err(|e| rule_violation(&e))?;
    }
    app.repo.save(&mut tx, ctx, &mut p).await?;
    app.uow.commit(tx).await
}
