//! `CreatePropertyCommand`: a new property, as a draft.

use chrono::NaiveTime;
use sejour_core::{AppError, Changes, Ctx, FieldError, check_rule, value_objects::PostalAddress};

use crate::{
    application::{Properties, access::Access, fields::rule_error},
    domain::{
        amenity::Amenity,
        events::{PropertyCreated, PropertyEvent},
        property::{
            Capacity, Coordinates, Descriptions, OwnerShare, Property, PropertyKind,
            PropertyStatus, RegistrationNumber, SharesMustSumToOneHundredPercent, slugify,
        },
    },
};

/// What a new property needs.
#[derive(Debug, Clone)]
pub struct CreatePropertyCommand {
    /// Display name (1–120 characters).
    pub name: String,
    /// Kind of accommodation.
    pub kind: PropertyKind,
    /// Postal address.
    pub address: PostalAddress,
    /// Latitude and longitude.
    pub coordinates: (f64, f64),
    /// Max guests, bedrooms, beds, bathrooms.
    pub capacity: (u32, u32, u32, u32),
    /// Floor area, m².
    pub floor_area_m2: Option<u32>,
    /// French registration number.
    pub registration_number: Option<String>,
    /// Descriptions fr/en.
    pub descriptions: Descriptions,
    /// Check-in from.
    pub check_in_time: NaiveTime,
    /// Check-out until.
    pub check_out_time: NaiveTime,
    /// House rules.
    pub house_rules: String,
    /// Amenities.
    pub amenities: Vec<Amenity>,
    /// Other amenities.
    pub amenities_other: String,
    /// Owners and shares.
    pub owners: Vec<OwnerShare>,
}

/// Creates a draft property (staff only); returns its id.
#[doc(alias = "CreatePropertyHandler")]
pub async fn create_property(
    app: &Properties,
    access: &Access,
    ctx: &Ctx,
    cmd: CreatePropertyCommand,
) -> Result<uuid::Uuid, AppError> {
    access.require_manager(&ctx.actor)?;
    let mut errors = Vec::new();
    let name = cmd.name.trim().to_owned();
    if name.is_empty() || name.chars().count() > 120 {
        errors.push(FieldError::new(
            "name",
            "property.invalid_name",
            "A name has 1 to 120 characters.",
        ));
    }
    let coordinates = Coordinates::new(cmd.coordinates.0, cmd.coordinates.1)
        .map_err(|e| errors.push(rule_error("coordinates", &e)))
        .ok();
    let (g, br, b, ba) = cmd.capacity;
    let capacity = Capacity::new(g, br, b, ba)
        .map_err(|e| errors.push(rule_error("capacity", &e)))
        .ok();
    let registration_number = match cmd
        .registration_number
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        Some(raw) => RegistrationNumber::parse(raw)
            .map_err(|e| errors.push(rule_error("registrationNumber", &e)))
            .ok(),
        None => None,
    };
    if let Err(e) = check_rule(SharesMustSumToOneHundredPercent(&cmd.owners)) {
        errors.push(rule_error("owners", &e));
    }
    let (Some(coordinates), Some(capacity), true) = (coordinates, capacity, errors.is_empty())
    else {
        return Err(AppError::validation(errors));
    };
    let id = app.ids.new_id();
    let mut property = Property {
        id,
        slug: slugify(&name),
        name: name.clone(),
        kind: cmd.kind,
        status: PropertyStatus::Draft,
        address: cmd.address,
        coordinates,
        capacity,
        floor_area_m2: cmd.floor_area_m2,
        registration_number,
        descriptions: cmd.descriptions,
        check_in_time: cmd.check_in_time,
        check_out_time: cmd.check_out_time,
        house_rules: cmd.house_rules,
        amenities: dedup(cmd.amenities),
        amenities_other: cmd.amenities_other,
        owners: cmd.owners,
        rates: None,
        tourist_tax: None,
        photos: Vec::new(),
        version: 1,
        changes: Changes::created(PropertyEvent::PropertyCreated(PropertyCreated {
            property_id: id,
            name,
        })),
    };
    let mut tx = app.uow.begin().await?;
    app.repo.create(&mut tx, ctx, &mut property).await?;
    app.uow.commit(tx).await?;
    Ok(id)
}

/// Sorted, without repeats.
pub(crate) fn dedup(mut amenities: Vec<Amenity>) -> Vec<Amenity> {
    amenities.sort();
    amenities.dedup();
    amenities
}
