//! The demo properties: created by the manager with their rates and tourist tax,
//! published (or left as drafts), and a few owner stays and maintenance blocks.

use chrono::{Datelike, NaiveDate};
use sejour_core::{
    Ctx,
    value_objects::{CountryCode, Currency, DateRange, Money, PostalAddress},
};
use sejour_properties::{
    application::{
        access::Access,
        commands::{
            block_dates::{BlockDatesCommand, block_dates},
            change_status::{StatusChange, change_status},
            create_property::{CreatePropertyCommand, create_property},
            update_property::{UpdatePropertyCommand, update_property},
        },
    },
    domain::{
        calendar::OccupationKind,
        pricing::{RatePlan, RatePlanDraft, Season, TouristTaxConfig, TouristTaxRegime},
        property::{Descriptions, OwnerShare},
    },
};
use uuid::Uuid;

use super::{
    SeedError, SeededProperty, Step, add_days,
    agency::{Agency, Pricing, PropertySpec, Seasons, Tax},
    failed, ymd,
};
use crate::platform::Platform;

/// Creates every property of `agency` with its rates and tourist tax, owned by `owners`
/// (the ids of `agency.owners`, same order); not published yet.
pub(super) async fn create_properties(
    platform: &Platform,
    access: &Access,
    as_manager: &Ctx,
    agency: &'static Agency,
    owners: &[Uuid],
    today: NaiveDate,
) -> Result<Vec<SeededProperty>, SeedError> {
    let repo = &platform.properties;
    let mut properties = Vec::new();
    for spec in &agency.properties {
        let what = || format!("creating the property {} ({})", spec.name, spec.city);
        let shares = spec
            .owners
            .iter()
            .map(|share| {
                agency
                    .owner_index(&share.owner)
                    .and_then(|index| owners.get(index))
                    .map(|&owner_id| OwnerShare {
                        owner_id,
                        share_bp: share.share_bp,
                    })
                    .ok_or_else(|| failed(&what(), "unknown owner"))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let id = create_property(repo, access, as_manager, property_command(spec, shares)?)
            .await
            .step(what)?;
        let update = UpdatePropertyCommand {
            id,
            rates: Some(rate_plan(&spec.pricing, today)?),
            tourist_tax: Some(tourist_tax(&spec.tax)?),
            ..UpdatePropertyCommand::default()
        };
        update_property(repo, access, as_manager, update)
            .await
            .step(|| format!("setting the rates and tourist tax of {}", spec.name))?;
        properties.push(SeededProperty {
            id,
            name: &spec.name,
            city: &spec.city,
            published: spec.publish,
        });
    }
    Ok(properties)
}

/// Publishes the properties meant to be published.
pub(super) async fn publish(
    platform: &Platform,
    access: &Access,
    as_manager: &Ctx,
    properties: &[SeededProperty],
) -> Result<(), SeedError> {
    for property in properties.iter().filter(|p| p.published) {
        change_status(
            &platform.properties,
            access,
            as_manager,
            property.id,
            StatusChange::Publish,
        )
        .await
        .step(|| format!("publishing {}", property.name))?;
    }
    Ok(())
}

/// Blocks owner stays and maintenance, clear of the example week in Nice; how many.
pub(super) async fn block_calendars(
    platform: &Platform,
    access: &Access,
    as_manager: &Ctx,
    properties: &[SeededProperty],
    today: NaiveDate,
    example_check_in: NaiveDate,
) -> Result<usize, SeedError> {
    let blocks = [
        (
            "Chamonix-Mont-Blanc",
            add_days(today, 5)?,
            3,
            OccupationKind::Maintenance,
            "Entretien annuel de la chaudière et ramonage",
        ),
        (
            "Biarritz",
            add_days(example_check_in, 14)?,
            7,
            OccupationKind::OwnerStay,
            "Séjour des associés de la SCI",
        ),
        (
            "Gordes",
            add_days(example_check_in, 28)?,
            14,
            OccupationKind::OwnerStay,
            "Vacances des propriétaires",
        ),
        (
            "Ajaccio",
            add_days(today, 10)?,
            4,
            OccupationKind::Maintenance,
            "Peinture des volets et entretien de la piscine",
        ),
    ];
    let count = blocks.len();
    for (city, start, nights, kind, note) in blocks {
        let what = || format!("blocking dates in {city}");
        let property = properties
            .iter()
            .find(|p| p.city == city)
            .ok_or_else(|| failed(&what(), "no such property"))?;
        let dates =
            DateRange::new(start, add_days(start, nights)?).map_err(|e| failed(&what(), e))?;
        let command = BlockDatesCommand {
            property_id: property.id,
            dates,
            kind,
            note: Some(note.to_owned()),
        };
        block_dates(&platform.properties, access, as_manager, command)
            .await
            .step(what)?;
    }
    Ok(count)
}

fn eur(cents: i64) -> Money {
    Money::new(cents, Currency::EUR)
}

fn hm(hour: u32, minute: u32) -> Result<chrono::NaiveTime, SeedError> {
    chrono::NaiveTime::from_hms_opt(hour, minute, 0)
        .ok_or_else(|| failed("computing times", format!("no time {hour}:{minute}")))
}

fn property_command(
    spec: &PropertySpec,
    owners: Vec<OwnerShare>,
) -> Result<CreatePropertyCommand, SeedError> {
    let address = PostalAddress::new(
        &spec.line1,
        None,
        &spec.postal_code,
        &spec.city,
        Some(spec.region.as_str()),
        CountryCode::FR,
    )
    .map_err(|e| failed(&format!("preparing the address of {}", spec.name), e))?;
    let capacity = &spec.capacity;
    Ok(CreatePropertyCommand {
        name: spec.name.clone(),
        kind: spec.kind,
        address,
        coordinates: (spec.lat, spec.lng),
        capacity: (
            capacity.guests,
            capacity.bedrooms,
            capacity.beds,
            capacity.bathrooms,
        ),
        floor_area_m2: Some(spec.area_m2),
        registration_number: spec.registration.clone(),
        descriptions: Descriptions {
            fr: spec.fr.clone(),
            en: spec.en.clone(),
        },
        check_in_time: hm(spec.check_in.0, spec.check_in.1)?,
        check_out_time: hm(spec.check_out.0, spec.check_out.1)?,
        house_rules: spec.house_rules.clone(),
        amenities: spec.amenities.clone(),
        amenities_other: spec.amenities_other.clone(),
        owners,
    })
}

/// A season from `from` (year, month, day) to `until`, if not over by `today`.
#[allow(clippy::too_many_arguments)]
fn season(
    today: NaiveDate,
    name: String,
    from: (i32, u32, u32),
    until: (i32, u32, u32),
    nightly: i64,
    min_nights: Option<u32>,
    saturdays: bool,
) -> Result<Option<Season>, SeedError> {
    let end = ymd(until.0, until.1, until.2)?;
    if end <= today {
        return Ok(None);
    }
    let dates = DateRange::new(ymd(from.0, from.1, from.2)?, end)
        .map_err(|e| failed(&format!("laying out the season {name}"), e))?;
    let arrivals = if saturdays {
        Some(serde_json::from_str(r#"["Sat"]"#).map_err(|e| failed("naming Saturday", e))?)
    } else {
        None
    };
    Season::new(name.clone(), dates, eur(nightly), min_nights, arrivals)
        .map(Some)
        .map_err(|e| failed(&format!("laying out the season {name}"), e))
}

fn rate_plan(pricing: &Pricing, today: NaiveDate) -> Result<RatePlan, SeedError> {
    let mut seasons = Vec::new();
    let year = today.year();
    for y in year - 1..=year + 1 {
        let laid_out = match pricing.seasons {
            Seasons::Coastal { high, shoulder } => vec![
                season(
                    today,
                    format!("Printemps {y}"),
                    (y, 4, 15),
                    (y, 7, 1),
                    shoulder,
                    Some(3),
                    false,
                )?,
                season(
                    today,
                    format!("Haute saison {y}"),
                    (y, 7, 1),
                    (y, 9, 1),
                    high,
                    Some(7),
                    true,
                )?,
                season(
                    today,
                    format!("Arrière-saison {y}"),
                    (y, 9, 1),
                    (y, 10, 15),
                    shoulder,
                    Some(3),
                    false,
                )?,
            ],
            Seasons::Mountain { winter, summer } => vec![
                season(
                    today,
                    format!("Hiver {y}-{}", y + 1),
                    (y, 12, 19),
                    (y + 1, 4, 18),
                    winter,
                    Some(7),
                    true,
                )?,
                season(
                    today,
                    format!("Été {y}"),
                    (y, 7, 1),
                    (y, 9, 1),
                    summer,
                    Some(4),
                    false,
                )?,
            ],
            Seasons::Summer { summer } => vec![season(
                today,
                format!("Été {y}"),
                (y, 7, 1),
                (y, 9, 1),
                summer,
                Some(5),
                false,
            )?],
            Seasons::Event {
                ref name,
                from,
                until,
                nightly,
            } => {
                let until_year = if until < from { y + 1 } else { y };
                vec![season(
                    today,
                    format!("{name} {y}"),
                    (y, from.0, from.1),
                    (until_year, until.0, until.1),
                    nightly,
                    Some(3),
                    false,
                )?]
            }
        };
        seasons.extend(laid_out.into_iter().flatten());
    }
    RatePlan::new(RatePlanDraft {
        currency: Currency::EUR,
        base_nightly: eur(pricing.base),
        seasons,
        weekly_discount_bp: pricing.weekly_bp,
        monthly_discount_bp: pricing.monthly_bp,
        cleaning_fee: eur(pricing.cleaning),
        extra_guest_fee_per_night: eur(pricing.extra_guest),
        extra_guest_threshold: pricing.extra_guest_threshold,
        security_deposit: eur(pricing.deposit),
        default_min_nights: pricing.min_nights,
        cancellation_policy: pricing.policy,
    })
    .map_err(|e| failed("building a rate plan", e))
}

fn tourist_tax(tax: &Tax) -> Result<TouristTaxConfig, SeedError> {
    let (regime, departmental, regional) = match *tax {
        Tax::Fixed {
            rate,
            departmental_bp,
        } => (
            TouristTaxRegime::FixedPerAdultNight { rate: eur(rate) },
            departmental_bp,
            0,
        ),
        Tax::Proportional {
            rate_bp,
            cap,
            departmental_bp,
            regional_bp,
        } => (
            TouristTaxRegime::Proportional {
                rate_bp,
                cap_per_adult_night: eur(cap),
            },
            departmental_bp,
            regional_bp,
        ),
    };
    TouristTaxConfig::new(regime, departmental, regional)
        .map_err(|e| failed("building a tourist-tax regime", e))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::demo::agency::agency;

    #[test]
    fn given_every_property_when_priced_then_its_plan_and_tax_are_valid() {
        let today = ymd(2026, 2, 10).unwrap();
        let properties = &agency().unwrap().properties;
        for spec in properties {
            rate_plan(&spec.pricing, today).unwrap();
            tourist_tax(&spec.tax).unwrap();
            if let Some(number) = &spec.registration {
                assert_eq!(number.len(), 13, "{}", spec.name);
            }
        }
        let winter = rate_plan(&properties[3].pricing, today).unwrap();
        let draft = RatePlanDraft::from(winter);
        assert!(draft.seasons.iter().any(|s| s.name() == "Hiver 2025-2026"));
    }

    #[test]
    fn given_every_property_then_its_owners_are_demo_owners_and_shares_add_up() {
        let agency = agency().unwrap();
        for spec in &agency.properties {
            assert!(
                spec.owners
                    .iter()
                    .all(|s| agency.owner_index(&s.owner).is_some()),
                "{}",
                spec.name
            );
            let total: u32 = spec.owners.iter().map(|s| s.share_bp).sum();
            assert_eq!(total, 10_000, "{}", spec.name);
        }
    }
}
