//! `sejour demo seed`: fills an empty database with a demo agency — four accounts, four
//! owners, twelve properties across France with rates, tourist tax, photos and a few
//! calendar blocks — through the contexts' own use cases, so that every rule, event and
//! audit row is the one staff typing it in would produce.
//!
//! It refuses a database that already holds properties, owners or users other than one
//! (bootstrap) administrator: demo data never mixes with real data.

use std::{io::Write, process::ExitCode, time::Instant};

use chrono::{Datelike, Days, NaiveDate, NaiveTime, Weekday};
use sejour_auth::application::commands::create_admin::create_admin;
use sejour_core::{
    Actor, AppError, Ctx, Role,
    value_objects::{CountryCode, Currency, DateRange, Money, PostalAddress},
};
use sejour_infrastructure::storage::ObjectStorage;
use sejour_owners::{
    application::{
        commands::create_owner::{CreateOwnerCommand, create_owner},
        input::{AddressInput, IdentityInput},
    },
    domain::{MoneyModel, OwnerKindTag},
    infrastructure::PgOwnerRepository,
};
use sejour_properties::{
    application::{
        access::Access,
        commands::{
            block_dates::{BlockDatesCommand, block_dates},
            change_status::{StatusChange, change_status},
            create_property::{CreatePropertyCommand, create_property},
            manage_photos::{AddPhotoCommand, add_photo},
            update_property::{UpdatePropertyCommand, update_property},
        },
    },
    domain::{
        amenity::Amenity,
        calendar::OccupationKind,
        pricing::{
            CancellationPolicy, RatePlan, RatePlanDraft, Season, TouristTaxConfig, TouristTaxRegime,
        },
        property::{Descriptions, OwnerShare, PropertyKind},
    },
};
use sejour_users::application::commands::create_user::{CreateUserCommand, create_user};
use uuid::Uuid;

use crate::platform::{Platform, StartError};

/// The password of every demo account (documented in the README).
pub const DEMO_PASSWORD: &str = "demo-password-2026";
/// The demo administrator.
pub const ADMIN_EMAIL: &str = "admin@demo.sejour.localhost";
/// The demo agency manager.
pub const MANAGER_EMAIL: &str = "manager@demo.sejour.localhost";
/// The demo owner account (linked to the owner Claire Martin).
pub const OWNER_EMAIL: &str = "owner@demo.sejour.localhost";
/// The demo guest.
pub const GUEST_EMAIL: &str = "guest@demo.sejour.localhost";
/// Width of the generated photos, pixels.
pub const PHOTO_WIDTH: u32 = 640;
/// Height of the generated photos, pixels.
pub const PHOTO_HEIGHT: u32 = 400;

/// Why the seed did not complete.
#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    /// The database already holds data (exit code 2).
    #[error(
        "the database is not empty ({0}); `sejour demo seed` only fills an empty database \
         and never mixes demo data into real data"
    )]
    NotEmpty(String),
    /// A step failed; what the earlier steps created stays (exit code 1).
    #[error("demo seed failed while {step}: {cause}")]
    Failed {
        /// What was being done.
        step: String,
        /// Why it failed.
        cause: String,
    },
}

/// One seeded property.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeededProperty {
    /// Its id.
    pub id: Uuid,
    /// Its name.
    pub name: &'static str,
    /// Its city.
    pub city: &'static str,
    /// Whether it was published (else left as a draft).
    pub published: bool,
}

/// What the seed created.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeedReport {
    /// The administrator's id.
    pub admin_id: Uuid,
    /// The manager's id.
    pub manager_id: Uuid,
    /// The owner account's id.
    pub owner_user_id: Uuid,
    /// The guest's id.
    pub guest_id: Uuid,
    /// The owners' ids.
    pub owners: Vec<Uuid>,
    /// The properties, in creation order.
    pub properties: Vec<SeededProperty>,
    /// Photos added.
    pub photos: usize,
    /// Owner stays and maintenance blocks.
    pub blocks: usize,
    /// An example free week (Saturday to Saturday) for searches.
    pub example_check_in: NaiveDate,
    /// Its check-out day.
    pub example_check_out: NaiveDate,
}

impl SeedReport {
    /// The seeded property in `city`, if any.
    pub fn property_in(&self, city: &str) -> Option<&SeededProperty> {
        self.properties.iter().find(|p| p.city == city)
    }
}

/// `sejour demo seed`: migrates, seeds and writes the summary to `out`; exit code 2 (with
/// a message on `err`) when the database is not empty, 1 when a step fails.
pub async fn run_seed(
    platform: &Platform,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<ExitCode, StartError> {
    platform.migrate().await?;
    platform.register_subscriptions().await?;
    let started = Instant::now();
    match seed(platform).await {
        Ok(report) => {
            let base = format!("http://{}", platform.http_addr());
            write_summary(out, &report, &base, started.elapsed().as_secs_f64())
                .map_err(|e| StartError::Other(format!("cannot write the summary: {e}")))?;
            Ok(ExitCode::SUCCESS)
        }
        Err(e @ SeedError::NotEmpty(_)) => {
            let _ = writeln!(err, "sejour: {e}");
            Ok(ExitCode::from(2))
        }
        Err(e) => {
            tracing::error!(error = %e, "demo seed failed");
            let advice = match ensure_empty(&platform.pool).await {
                Ok(()) => "nothing was created; fix the cause and run `sejour demo seed` again",
                Err(_) => {
                    "the database now holds part of the demo; drop it (or point DATABASE_URL \
                     at a new one) and run `sejour demo seed` again"
                }
            };
            let _ = writeln!(err, "sejour: {e}\nsejour: {advice}");
            Ok(ExitCode::FAILURE)
        }
    }
}

/// Seeds the demo agency on an empty, migrated database.
pub async fn seed(platform: &Platform) -> Result<SeedReport, SeedError> {
    ensure_empty(&platform.pool).await?;
    let today = platform.clock.today();
    let request_id = format!("demo-seed-{}", platform.ids.new_id());
    // What can fail without writing fails first: the photos against the upload limit, and
    // the object storage (a wrong S3 setting would otherwise stop the seed half-way).
    let drawn = draw_photos(platform.settings.max_upload_bytes).await?;
    probe_storage(&platform.storage, &request_id).await?;

    // Accounts: the admin as `sejour admin create` makes one, the others by the admin.
    let system = Ctx::system("demo-seed", request_id.clone());
    let admin = create_admin(&platform.auth, &system, ADMIN_EMAIL, DEMO_PASSWORD)
        .await
        .step(|| format!("creating the administrator {ADMIN_EMAIL}"))?;
    let as_admin = acting_as(admin.id, Role::Admin, &request_id);
    let users = sejour_users::use_cases(&platform.shared(), platform.auth.clone());
    let mut account_ids = Vec::new();
    for (email, first_name, last_name, role) in [
        (MANAGER_EMAIL, "Marion", "Lefèvre", Role::Manager),
        (OWNER_EMAIL, "Claire", "Martin", Role::Owner),
        (GUEST_EMAIL, "Emma", "Wilson", Role::Guest),
    ] {
        let command = CreateUserCommand {
            email: email.to_owned(),
            password: DEMO_PASSWORD.to_owned(),
            first_name: first_name.to_owned(),
            last_name: last_name.to_owned(),
            role,
        };
        let id = create_user(&users, &as_admin, command)
            .await
            .step(|| format!("creating the {} account {email}", role.as_str()))?;
        account_ids.push(id);
    }
    let [manager_id, owner_user_id, guest_id] = account_ids[..] else {
        return Err(failed("creating the accounts", "an account is missing"));
    };

    // The catalogue is the manager's work.
    let as_manager = acting_as(manager_id, Role::Manager, &request_id);
    let owners_repo = PgOwnerRepository::new(
        platform.pool.clone(),
        platform.clock.clone(),
        platform.ids.clone(),
    );
    let mut owners = Vec::new();
    for spec in OWNERS {
        let command = owner_command(spec, today, spec.linked.then_some(owner_user_id))?;
        let id = create_owner(&owners_repo, platform.users.as_ref(), &as_manager, command)
            .await
            .step(|| format!("creating the owner {}", spec.name))?;
        owners.push(id);
    }

    let access = Access::new(platform.owners.clone());
    let repo = &platform.properties;
    let example_check_in = next_saturday(today, 14)?;
    let example_check_out = add_days(example_check_in, 7)?;
    let mut properties = Vec::new();
    for spec in PROPERTIES {
        let what = || format!("creating the property {} ({})", spec.name, spec.city);
        let shares = spec
            .owners
            .iter()
            .map(|&(owner, share_bp)| {
                owners
                    .get(owner)
                    .map(|&owner_id| OwnerShare { owner_id, share_bp })
                    .ok_or_else(|| failed(&what(), "unknown owner"))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let id = create_property(repo, &access, &as_manager, property_command(spec, shares)?)
            .await
            .step(what)?;
        let update = UpdatePropertyCommand {
            id,
            rates: Some(rate_plan(&spec.pricing, today)?),
            tourist_tax: Some(tourist_tax(&spec.tax)?),
            ..UpdatePropertyCommand::default()
        };
        update_property(repo, &access, &as_manager, update)
            .await
            .step(|| format!("setting the rates and tourist tax of {}", spec.name))?;
        properties.push(SeededProperty {
            id,
            name: spec.name,
            city: spec.city,
            published: spec.publish,
        });
    }

    // Photos, the slow part (decoding and re-encoding), one task per property.
    let mut uploads = tokio::task::JoinSet::new();
    for ((spec, property), photos) in PROPERTIES.iter().zip(&properties).zip(drawn) {
        let (repo, access, ctx) = (repo.clone(), access.clone(), as_manager.clone());
        let storage = platform.storage.clone();
        let (property_id, max_bytes) = (property.id, platform.settings.max_upload_bytes);
        uploads.spawn(async move {
            let count = photos.len();
            for (bytes, caption) in photos.into_iter().zip(spec.captions) {
                let command = AddPhotoCommand {
                    property_id,
                    bytes,
                    caption: (*caption).to_owned(),
                    max_bytes,
                };
                add_photo(&repo, &access, &storage, &ctx, command)
                    .await
                    .step(|| format!("adding a photo to {}", spec.name))?;
            }
            Ok::<_, SeedError>(count)
        });
    }
    let mut photos = 0;
    while let Some(added) = uploads.join_next().await {
        photos += added.map_err(|e| failed("adding the photos", e))??;
    }

    for property in properties.iter().filter(|p| p.published) {
        change_status(
            repo,
            &access,
            &as_manager,
            property.id,
            StatusChange::Publish,
        )
        .await
        .step(|| format!("publishing {}", property.name))?;
    }

    // Owner stays and maintenance, clear of the example week in Nice.
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
    let block_count = blocks.len();
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
        block_dates(repo, &access, &as_manager, command)
            .await
            .step(what)?;
    }

    tracing::info!(
        owners = owners.len(),
        properties = properties.len(),
        photos,
        "demo agency seeded"
    );
    Ok(SeedReport {
        admin_id: admin.id,
        manager_id,
        owner_user_id,
        guest_id,
        owners,
        properties,
        photos,
        blocks: block_count,
        example_check_in,
        example_check_out,
    })
}

/// Writes what was seeded, the credentials and URLs to try.
pub fn write_summary(
    out: &mut impl Write,
    report: &SeedReport,
    base: &str,
    seconds: f64,
) -> std::io::Result<()> {
    let published = report.properties.iter().filter(|p| p.published).count();
    let drafts = report.properties.len() - published;
    let (check_in, check_out) = (report.example_check_in, report.example_check_out);
    writeln!(out, "Demo agency seeded in {seconds:.1} s:")?;
    writeln!(out, "  4 accounts (admin, manager, owner, guest)")?;
    writeln!(
        out,
        "  {} owners (one linked to {OWNER_EMAIL})",
        report.owners.len()
    )?;
    writeln!(
        out,
        "  {} properties ({published} published, {drafts} draft), {} photos, {} calendar blocks",
        report.properties.len(),
        report.photos,
        report.blocks
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "Sign in with POST {base}/api/v1/auth/login; every account's password is {DEMO_PASSWORD}"
    )?;
    for (role, email) in [
        ("admin", ADMIN_EMAIL),
        ("manager", MANAGER_EMAIL),
        ("owner", OWNER_EMAIL),
        ("guest", GUEST_EMAIL),
    ] {
        writeln!(out, "  {role:<8} {email}")?;
    }
    writeln!(out)?;
    writeln!(out, "Try:")?;
    writeln!(
        out,
        "  {base}/api/v1/properties?city=Nice&checkIn={check_in}&checkOut={check_out}&guests=2"
    )?;
    writeln!(
        out,
        "  {base}/api/v1/properties?near=43.70,7.27&radius=50&checkIn={check_in}&checkOut={check_out}&sort=distance"
    )?;
    if let Some(nice) = report.property_in("Nice") {
        writeln!(
            out,
            "  {base}/api/v1/properties/{}/quote?checkIn={check_in}&checkOut={check_out}&adults=2",
            nice.id
        )?;
    }
    writeln!(
        out,
        "  {base}/api/v1/properties/managed (signed in as {OWNER_EMAIL})"
    )?;
    writeln!(out, "  {base}/docs")?;
    Ok(())
}

/// Refuses a database with properties, owners, or users besides one administrator.
async fn ensure_empty(pool: &sqlx::PgPool) -> Result<(), SeedError> {
    let (properties, owners, users, admins, demo): (i64, i64, i64, i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM properties.properties), \
                (SELECT count(*) FROM owners.owners), \
                (SELECT count(*) FROM users.users WHERE role <> 'admin'), \
                (SELECT count(*) FROM users.users WHERE role = 'admin'), \
                (SELECT count(*) FROM users.users \
                  WHERE lower(email) LIKE '%@demo.sejour.localhost')",
    )
    .fetch_one(pool)
    .await
    .map_err(|e| failed("checking that the database is empty", e))?;
    let mut found = Vec::new();
    for (what, count, allowed) in [
        ("properties", properties, 0),
        ("owners", owners, 0),
        ("users other than administrators", users, 0),
        ("administrators", admins, 1),
        ("demo accounts", demo, 0),
    ] {
        if count > allowed {
            found.push(format!("{what}: {count}"));
        }
    }
    if found.is_empty() {
        Ok(())
    } else {
        Err(SeedError::NotEmpty(found.join(", ")))
    }
}

/// Every property's photos, one per caption; refused when one is above `max_bytes`.
async fn draw_photos(max_bytes: usize) -> Result<Vec<Vec<Vec<u8>>>, SeedError> {
    let mut drawing = tokio::task::JoinSet::new();
    for (n, spec) in PROPERTIES.iter().enumerate() {
        drawing.spawn_blocking(move || {
            let seeds = (0..spec.captions.len()).map(|k| n * 7 + k);
            let photos = seeds
                .map(|seed| landscape_png(spec.scene, u32::try_from(seed).unwrap_or_default()));
            (n, photos.collect::<Vec<_>>())
        });
    }
    let mut all = vec![Vec::new(); PROPERTIES.len()];
    while let Some(done) = drawing.join_next().await {
        let (n, photos) = done.map_err(|e| failed("drawing the photos", e))?;
        if let Some(slot) = all.get_mut(n) {
            *slot = photos;
        }
    }
    match all.iter().flatten().map(Vec::len).max() {
        Some(largest) if largest > max_bytes => Err(failed(
            "checking the photos",
            format!("a demo photo is {largest} bytes, above SEJOUR_MAX_UPLOAD_BYTES ({max_bytes})"),
        )),
        _ => Ok(all),
    }
}

/// Writes and deletes an object, so that storage problems show before anything is created.
async fn probe_storage(storage: &ObjectStorage, request_id: &str) -> Result<(), SeedError> {
    let key = format!("demo-seed/{request_id}.txt");
    let what = "checking that the object storage accepts photos";
    storage
        .put(&key, b"probe".to_vec(), "text/plain")
        .await
        .map_err(|e| failed(what, e))?;
    storage.delete(&key).await.map_err(|e| failed(what, e))
}

fn acting_as(id: Uuid, role: Role, request_id: &str) -> Ctx {
    Ctx {
        actor: Actor::User { id, role },
        request_id: request_id.to_owned(),
        ip: None,
        correlation_id: request_id.to_owned(),
        causation_id: None,
    }
}

fn failed(step: &str, cause: impl std::fmt::Display) -> SeedError {
    SeedError::Failed {
        step: step.to_owned(),
        cause: cause.to_string(),
    }
}

/// Names the step an [`AppError`] happened in, with its field errors.
trait Step<T> {
    fn step(self, what: impl FnOnce() -> String) -> Result<T, SeedError>;
}

impl<T> Step<T> for Result<T, AppError> {
    fn step(self, what: impl FnOnce() -> String) -> Result<T, SeedError> {
        self.map_err(|e| {
            let mut cause = format!("{} ({})", e.message, e.code);
            for field in &e.errors {
                cause.push_str(&format!("; {}: {}", field.field, field.message));
            }
            if let Some(internal) = &e.internal {
                cause.push_str(&format!("; {internal}"));
            }
            failed(&what(), cause)
        })
    }
}

fn add_days(date: NaiveDate, days: u64) -> Result<NaiveDate, SeedError> {
    date.checked_add_days(Days::new(days))
        .ok_or_else(|| failed("computing dates", "date out of range"))
}

/// The first Saturday at least `days` days after `today`.
fn next_saturday(today: NaiveDate, days: u64) -> Result<NaiveDate, SeedError> {
    let from = add_days(today, days)?;
    let ahead =
        (7 + Weekday::Sat.num_days_from_monday() - from.weekday().num_days_from_monday()) % 7;
    add_days(from, u64::from(ahead))
}

fn ymd(year: i32, month: u32, day: u32) -> Result<NaiveDate, SeedError> {
    NaiveDate::from_ymd_opt(year, month, day)
        .ok_or_else(|| failed("computing dates", format!("no day {year}-{month}-{day}")))
}

fn hm(hour: u32, minute: u32) -> Result<NaiveTime, SeedError> {
    NaiveTime::from_hms_opt(hour, minute, 0)
        .ok_or_else(|| failed("computing times", format!("no time {hour}:{minute}")))
}

fn eur(cents: i64) -> Money {
    Money::new(cents, Currency::EUR)
}

// ---------------------------------------------------------------------------------------
// Owners
// ---------------------------------------------------------------------------------------

/// A demo owner.
struct OwnerSpec {
    /// Display name (a person's "First Last", or a company's legal name).
    name: &'static str,
    /// Person or company; a company gets a SIRET from `siren_stem` and a VAT number.
    kind: OwnerKindTag,
    /// The first 8 digits of the SIREN (its Luhn key is computed).
    siren_stem: &'static str,
    email: &'static str,
    phone: &'static str,
    address: (&'static str, &'static str, &'static str),
    /// Bank code, branch code, 11-digit account number (RIB and IBAN keys computed).
    bank: (u64, u64, u64),
    commission_bp: u32,
    money_model: MoneyModel,
    /// Mandate start: years before this one, month, day.
    since: (i32, u32, u32),
    /// Linked to the owner account.
    linked: bool,
}

const OWNERS: &[OwnerSpec] = &[
    OwnerSpec {
        name: "Claire Martin",
        kind: OwnerKindTag::Person,
        siren_stem: "",
        email: OWNER_EMAIL,
        phone: "+33 6 12 48 75 30",
        address: ("8 avenue Jean Médecin", "06000", "Nice"),
        bank: (30004, 819, 12_345_678),
        commission_bp: 2000,
        money_model: MoneyModel::Mandate,
        since: (2, 3, 1),
        linked: true,
    },
    OwnerSpec {
        name: "SCI Les Oliviers d'Azur",
        kind: OwnerKindTag::Company,
        siren_stem: "81245367",
        email: "gerance@oliviers-azur.demo.sejour.localhost",
        phone: "04 93 38 21 09",
        address: ("14 boulevard de la Croisette", "06400", "Cannes"),
        bank: (20041, 1008, 4_417_201),
        commission_bp: 1800,
        money_model: MoneyModel::Service,
        since: (3, 1, 15),
        linked: false,
    },
    OwnerSpec {
        name: "SAS Alpes Horizon Location",
        kind: OwnerKindTag::Company,
        siren_stem: "84390127",
        email: "contact@alpes-horizon.demo.sejour.localhost",
        phone: "04 50 53 12 77",
        address: ("5 rue Royale", "74000", "Annecy"),
        bank: (10278, 2012, 20_481_937),
        commission_bp: 2200,
        money_model: MoneyModel::Mandate,
        since: (1, 10, 1),
        linked: false,
    },
    OwnerSpec {
        name: "SCI Atlantique Patrimoine",
        kind: OwnerKindTag::Company,
        siren_stem: "79012845",
        email: "sci@atlantique-patrimoine.demo.sejour.localhost",
        phone: "+33 5 56 44 10 82",
        address: ("27 cours de l'Intendance", "33000", "Bordeaux"),
        bank: (30003, 1750, 50_207_314),
        commission_bp: 2500,
        money_model: MoneyModel::Mandate,
        since: (4, 6, 1),
        linked: false,
    },
];

fn owner_command(
    spec: &OwnerSpec,
    today: NaiveDate,
    user_id: Option<Uuid>,
) -> Result<CreateOwnerCommand, SeedError> {
    let identity = match spec.kind {
        OwnerKindTag::Person => {
            let (first, last) = spec.name.split_once(' ').unwrap_or((spec.name, spec.name));
            IdentityInput {
                first_name: Some(first.to_owned()),
                last_name: Some(last.to_owned()),
                ..IdentityInput::default()
            }
        }
        OwnerKindTag::Company => {
            let siren = luhn_complete(spec.siren_stem);
            let siret = luhn_complete(&format!("{siren}0001"));
            IdentityInput {
                legal_name: Some(spec.name.to_owned()),
                vat_number: Some(Some(french_vat_number(&siren))),
                siret: Some(siret),
                ..IdentityInput::default()
            }
        }
    };
    let (bank, branch, account) = spec.bank;
    let (years_ago, month, day) = spec.since;
    let (line1, postal_code, city) = spec.address;
    Ok(CreateOwnerCommand {
        kind: spec.kind,
        identity,
        email: spec.email.to_owned(),
        phone: Some(spec.phone.to_owned()),
        address: AddressInput {
            line1: line1.to_owned(),
            line2: None,
            postal_code: postal_code.to_owned(),
            city: city.to_owned(),
            region: None,
            country: "FR".to_owned(),
        },
        iban: Some(french_iban(bank, branch, account)),
        commission_basis_points: spec.commission_bp,
        mandate_start_date: ymd(today.year() - years_ago, month, day)?,
        money_model: spec.money_model,
        user_id,
    })
}

/// `digits` followed by the Luhn check digit that makes the whole number valid (how
/// SIREN and SIRET numbers are keyed).
pub fn luhn_complete(digits: &str) -> String {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b.saturating_sub(b'0'));
            // The check digit will sit at position 0, so these are the odd positions.
            if i % 2 == 0 {
                let doubled = d * 2;
                if doubled > 9 { doubled - 9 } else { doubled }
            } else {
                d
            }
        })
        .sum();
    format!("{digits}{}", (10 - sum % 10) % 10)
}

/// The French VAT number of a SIREN: `FR`, key `(12 + 3 × (siren mod 97)) mod 97`, SIREN.
fn french_vat_number(siren: &str) -> String {
    let n: u64 = siren.parse().unwrap_or_default();
    format!("FR{:02}{siren}", (12 + 3 * (n % 97)) % 97)
}

/// A French IBAN for the RIB `bank`/`branch`/`account` (digits only): the RIB key
/// `97 − (89·bank + 15·branch + 3·account) mod 97`, then the ISO 13616 check digits.
pub fn french_iban(bank: u64, branch: u64, account: u64) -> String {
    let rib_key = 97 - (89 * bank + 15 * branch + 3 * account) % 97;
    let bban = format!("{bank:05}{branch:05}{account:011}{rib_key:02}");
    format!("FR{:02}{bban}", iban_check_digits("FR", &bban))
}

/// The ISO 13616 check digits of `bban` in `country`: `98 − (bban ‖ country ‖ 00) mod 97`,
/// letters read as 10–35.
pub fn iban_check_digits(country: &str, bban: &str) -> u32 {
    let remainder = format!("{bban}{country}00")
        .chars()
        .filter_map(|c| c.to_digit(36))
        .fold(0u32, |acc, v| {
            if v < 10 {
                (acc * 10 + v) % 97
            } else {
                (acc * 100 + v) % 97
            }
        });
    98 - remainder
}

// ---------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------

/// How the nightly price varies over the year (seasons are dated, so they are laid out
/// for last, this and next year and those already over are dropped).
#[derive(Clone, Copy)]
enum Seasons {
    /// Seaside: spring and late season, and a July–August high season of Saturday-to-
    /// Saturday weeks.
    Coastal { high: i64, shoulder: i64 },
    /// Mountains: a ski season of Saturday-to-Saturday weeks and a summer season.
    Mountain { winter: i64, summer: i64 },
    /// Countryside and lakes: a summer season of at least five nights.
    Summer { summer: i64 },
    /// Cities: one dated event (month, day to month, day, possibly into the next year).
    Event {
        name: &'static str,
        from: (u32, u32),
        until: (u32, u32),
        nightly: i64,
    },
}

/// A demo rate plan, amounts in cents.
struct Pricing {
    base: i64,
    seasons: Seasons,
    weekly_bp: u32,
    monthly_bp: u32,
    cleaning: i64,
    extra_guest: i64,
    extra_guest_threshold: u32,
    deposit: i64,
    min_nights: u32,
    policy: CancellationPolicy,
}

/// A tourist-tax regime, amounts in cents.
enum Tax {
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

/// What a generated photo shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scene {
    /// Sky over the sea.
    Sea,
    /// Snowy peaks over a valley.
    Mountains,
    /// Peaks over a lake.
    Lake,
    /// Rolling hills over olive groves and wheat.
    Hills,
    /// Rolling hills over lavender fields.
    Lavender,
    /// A city skyline over a river.
    City,
}

/// A demo property.
struct PropertySpec {
    name: &'static str,
    kind: PropertyKind,
    line1: &'static str,
    postal_code: &'static str,
    city: &'static str,
    region: &'static str,
    lat: f64,
    lng: f64,
    /// Guests, bedrooms, beds, bathrooms.
    capacity: (u32, u32, u32, u32),
    area_m2: u32,
    /// INSEE commune code, 6 digits, 2 characters; `None` while the town hall has not
    /// issued it (such a property cannot be published).
    registration: Option<&'static str>,
    fr: &'static str,
    en: &'static str,
    check_in: (u32, u32),
    check_out: (u32, u32),
    house_rules: &'static str,
    amenities: &'static [Amenity],
    amenities_other: &'static str,
    /// Owner (index into [`OWNERS`]) and share, basis points.
    owners: &'static [(usize, u32)],
    pricing: Pricing,
    tax: Tax,
    scene: Scene,
    /// One photo per caption.
    captions: &'static [&'static str],
    publish: bool,
}

fn property_command(
    spec: &PropertySpec,
    owners: Vec<OwnerShare>,
) -> Result<CreatePropertyCommand, SeedError> {
    let address = PostalAddress::new(
        spec.line1,
        None,
        spec.postal_code,
        spec.city,
        Some(spec.region),
        CountryCode::FR,
    )
    .map_err(|e| failed(&format!("preparing the address of {}", spec.name), e))?;
    Ok(CreatePropertyCommand {
        name: spec.name.to_owned(),
        kind: spec.kind,
        address,
        coordinates: (spec.lat, spec.lng),
        capacity: spec.capacity,
        floor_area_m2: Some(spec.area_m2),
        registration_number: spec.registration.map(str::to_owned),
        descriptions: Descriptions {
            fr: spec.fr.to_owned(),
            en: spec.en.to_owned(),
        },
        check_in_time: hm(spec.check_in.0, spec.check_in.1)?,
        check_out_time: hm(spec.check_out.0, spec.check_out.1)?,
        house_rules: spec.house_rules.to_owned(),
        amenities: spec.amenities.to_vec(),
        amenities_other: spec.amenities_other.to_owned(),
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
                name,
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

/// Owner indexes into [`OWNERS`].
const CLAIRE: usize = 0;
const OLIVIERS: usize = 1;
const ALPES: usize = 2;
const ATLANTIQUE: usize = 3;

const PROPERTIES: &[PropertySpec] = &[
    PropertySpec {
        name: "Villa Les Pins du Mont Boron",
        kind: PropertyKind::Villa,
        line1: "62 boulevard Maurice Maeterlinck",
        postal_code: "06300",
        city: "Nice",
        region: "Provence-Alpes-Côte d'Azur",
        lat: 43.6952,
        lng: 7.2978,
        capacity: (8, 4, 5, 3),
        area_m2: 210,
        registration: Some("06088000412KA"),
        fr: "Villa provençale sur les hauteurs du Mont Boron, piscine à débordement face à la \
             baie des Anges. Quatre chambres climatisées, grande terrasse ombragée par les \
             pins, le Vieux-Nice à dix minutes.",
        en: "Provençal villa high on Mont Boron with an infinity pool facing the Baie des \
             Anges. Four air-conditioned bedrooms, a large terrace shaded by pines, ten \
             minutes from the Old Town.",
        check_in: (16, 0),
        check_out: (10, 0),
        house_rules: "Non-fumeur à l'intérieur. Pas de fêtes. Piscine non surveillée : \
                      enfants accompagnés.",
        amenities: &[
            Amenity::Wifi,
            Amenity::Pool,
            Amenity::Parking,
            Amenity::AirConditioning,
            Amenity::SeaView,
            Amenity::Terrace,
            Amenity::Garden,
            Amenity::Barbecue,
            Amenity::Kitchen,
            Amenity::Dishwasher,
            Amenity::WashingMachine,
            Amenity::Tv,
        ],
        amenities_other: "Plancha, transats, portail électrique",
        owners: &[(CLAIRE, 10_000)],
        pricing: Pricing {
            base: 38_000,
            seasons: Seasons::Coastal {
                high: 65_000,
                shoulder: 45_000,
            },
            weekly_bp: 1000,
            monthly_bp: 2000,
            cleaning: 15_000,
            extra_guest: 3000,
            extra_guest_threshold: 6,
            deposit: 150_000,
            min_nights: 3,
            policy: CancellationPolicy::Strict,
        },
        tax: Tax::Fixed {
            rate: 230,
            departmental_bp: 1000,
        },
        scene: Scene::Sea,
        captions: &[
            "La piscine face à la baie des Anges",
            "Coucher de soleil depuis la terrasse",
        ],
        publish: true,
    },
    PropertySpec {
        name: "Appartement Croisette Palm Beach",
        kind: PropertyKind::Apartment,
        line1: "71 boulevard de la Croisette",
        postal_code: "06400",
        city: "Cannes",
        region: "Provence-Alpes-Côte d'Azur",
        lat: 43.5465,
        lng: 7.0302,
        capacity: (4, 2, 2, 1),
        area_m2: 78,
        registration: Some("06029000187CB"),
        fr: "Deux pièces lumineux au troisième étage avec ascenseur, balcon vue mer sur la \
             Croisette. Plages et Palais des Festivals à pied.",
        en: "Bright two-bedroom flat on the third floor with a lift and a sea-view balcony \
             on the Croisette. Beaches and the Palais des Festivals within walking distance.",
        check_in: (15, 0),
        check_out: (11, 0),
        house_rules: "Non-fumeur. Animaux non admis. Calme après 22 h (copropriété).",
        amenities: &[
            Amenity::Wifi,
            Amenity::AirConditioning,
            Amenity::Elevator,
            Amenity::SeaView,
            Amenity::Terrace,
            Amenity::BeachAccess,
            Amenity::Kitchen,
            Amenity::Dishwasher,
            Amenity::WashingMachine,
            Amenity::Tv,
        ],
        amenities_other: "Place de parking en sous-sol sur demande",
        owners: &[(CLAIRE, 6000), (OLIVIERS, 4000)],
        pricing: Pricing {
            base: 22_000,
            seasons: Seasons::Coastal {
                high: 38_000,
                shoulder: 27_000,
            },
            weekly_bp: 800,
            monthly_bp: 1800,
            cleaning: 9000,
            extra_guest: 0,
            extra_guest_threshold: 4,
            deposit: 80_000,
            min_nights: 2,
            policy: CancellationPolicy::Moderate,
        },
        tax: Tax::Proportional {
            rate_bp: 500,
            cap: 460,
            departmental_bp: 1000,
            regional_bp: 0,
        },
        scene: Scene::Sea,
        captions: &["Le balcon sur la Croisette"],
        publish: true,
    },
    PropertySpec {
        name: "Maison basque de la Grande Plage",
        kind: PropertyKind::House,
        line1: "9 rue du Helder",
        postal_code: "64200",
        city: "Biarritz",
        region: "Nouvelle-Aquitaine",
        lat: 43.4843,
        lng: -1.5592,
        capacity: (6, 3, 4, 2),
        area_m2: 140,
        registration: Some("64122000935BX"),
        fr: "Maison basque à colombages rouges, jardin clos et barbecue, à 300 m de la \
             Grande Plage. Idéale pour les familles et les surfeurs.",
        en: "Red-timbered Basque house with a walled garden and barbecue, 300 m from the \
             Grande Plage. Ideal for families and surfers.",
        check_in: (16, 0),
        check_out: (10, 0),
        house_rules: "Animaux acceptés sur demande. Rinçage des planches au jardin.",
        amenities: &[
            Amenity::Wifi,
            Amenity::Parking,
            Amenity::Garden,
            Amenity::Terrace,
            Amenity::Barbecue,
            Amenity::BeachAccess,
            Amenity::Kitchen,
            Amenity::Dishwasher,
            Amenity::WashingMachine,
            Amenity::BabyCot,
            Amenity::PetsAllowed,
        ],
        amenities_other: "Douche extérieure, rangement pour planches de surf",
        owners: &[(ATLANTIQUE, 10_000)],
        pricing: Pricing {
            base: 24_000,
            seasons: Seasons::Coastal {
                high: 42_000,
                shoulder: 30_000,
            },
            weekly_bp: 1000,
            monthly_bp: 2000,
            cleaning: 12_000,
            extra_guest: 2500,
            extra_guest_threshold: 5,
            deposit: 100_000,
            min_nights: 3,
            policy: CancellationPolicy::Moderate,
        },
        tax: Tax::Fixed {
            rate: 150,
            departmental_bp: 1000,
        },
        scene: Scene::Sea,
        captions: &["La Grande Plage au soleil couchant"],
        publish: true,
    },
    PropertySpec {
        name: "Chalet des Praz",
        kind: PropertyKind::Chalet,
        line1: "112 chemin des Cristalliers",
        postal_code: "74400",
        city: "Chamonix-Mont-Blanc",
        region: "Auvergne-Rhône-Alpes",
        lat: 45.9386,
        lng: 6.8899,
        capacity: (10, 5, 7, 4),
        area_m2: 240,
        registration: Some("74056000271CH"),
        fr: "Chalet de bois et de pierre face au massif du Mont-Blanc, au pied des pistes de \
             la Flégère. Sauna, bain nordique, cheminée et local à skis chauffé.",
        en: "Wood-and-stone chalet facing the Mont Blanc range, at the foot of the Flégère \
             slopes. Sauna, hot tub, fireplace and a heated ski room.",
        check_in: (17, 0),
        check_out: (10, 0),
        house_rules: "Chaussures de ski au local. Non-fumeur. Arrivées le samedi en hiver.",
        amenities: &[
            Amenity::Wifi,
            Amenity::Parking,
            Amenity::Fireplace,
            Amenity::Sauna,
            Amenity::HotTub,
            Amenity::MountainView,
            Amenity::SkiAccess,
            Amenity::Heating,
            Amenity::Kitchen,
            Amenity::Dishwasher,
            Amenity::WashingMachine,
            Amenity::Tv,
            Amenity::EvCharger,
        ],
        amenities_other: "Local à skis chauffé, sèche-chaussures",
        owners: &[(ALPES, 10_000)],
        pricing: Pricing {
            base: 30_000,
            seasons: Seasons::Mountain {
                winter: 70_000,
                summer: 40_000,
            },
            weekly_bp: 1000,
            monthly_bp: 2500,
            cleaning: 25_000,
            extra_guest: 3500,
            extra_guest_threshold: 8,
            deposit: 250_000,
            min_nights: 3,
            policy: CancellationPolicy::Strict,
        },
        tax: Tax::Fixed {
            rate: 230,
            departmental_bp: 1000,
        },
        scene: Scene::Mountains,
        captions: &["Le massif du Mont-Blanc depuis le balcon"],
        publish: true,
    },
    PropertySpec {
        name: "Appartement Vieille Ville vue lac",
        kind: PropertyKind::Apartment,
        line1: "3 quai de l'Île",
        postal_code: "74000",
        city: "Annecy",
        region: "Auvergne-Rhône-Alpes",
        lat: 45.8992,
        lng: 6.1288,
        capacity: (4, 2, 2, 1),
        area_m2: 65,
        registration: Some("74010000548AN"),
        fr: "Au cœur de la vieille ville, sur les canaux du Thiou, un appartement rénové à \
             deux pas du lac et des pistes cyclables.",
        en: "In the heart of the old town on the Thiou canals, a renovated flat a stone's \
             throw from the lake and the cycle paths.",
        check_in: (15, 0),
        check_out: (11, 0),
        house_rules: "Non-fumeur. Vélos au local du rez-de-chaussée.",
        amenities: &[
            Amenity::Wifi,
            Amenity::Heating,
            Amenity::MountainView,
            Amenity::Kitchen,
            Amenity::Dishwasher,
            Amenity::WashingMachine,
            Amenity::Tv,
            Amenity::BabyCot,
        ],
        amenities_other: "Deux vélos à disposition",
        owners: &[(ALPES, 10_000)],
        pricing: Pricing {
            base: 15_000,
            seasons: Seasons::Summer { summer: 22_000 },
            weekly_bp: 700,
            monthly_bp: 1500,
            cleaning: 7000,
            extra_guest: 0,
            extra_guest_threshold: 4,
            deposit: 60_000,
            min_nights: 2,
            policy: CancellationPolicy::Flexible,
        },
        tax: Tax::Proportional {
            rate_bp: 500,
            cap: 300,
            departmental_bp: 1000,
            regional_bp: 0,
        },
        scene: Scene::Lake,
        captions: &["Le lac d'Annecy au petit matin"],
        publish: true,
    },
    PropertySpec {
        name: "Loft des Chartrons",
        kind: PropertyKind::Apartment,
        line1: "45 rue Notre-Dame",
        postal_code: "33000",
        city: "Bordeaux",
        region: "Nouvelle-Aquitaine",
        lat: 44.8527,
        lng: -0.5715,
        capacity: (4, 2, 2, 2),
        area_m2: 95,
        registration: Some("33063000764BD"),
        fr: "Ancien chai de négociant transformé en loft, poutres et pierre blonde, dans le \
             quartier des antiquaires. Tram B et quais à deux minutes.",
        en: "A former wine merchant's warehouse turned loft, beams and pale stone, in the \
             antiques quarter. Tram B and the riverside two minutes away.",
        check_in: (15, 0),
        check_out: (11, 0),
        house_rules: "Non-fumeur. Pas de fêtes.",
        amenities: &[
            Amenity::Wifi,
            Amenity::AirConditioning,
            Amenity::Heating,
            Amenity::Kitchen,
            Amenity::Dishwasher,
            Amenity::WashingMachine,
            Amenity::Tv,
            Amenity::WheelchairAccessible,
        ],
        amenities_other: "Cave à vin, machine à expresso",
        owners: &[(ATLANTIQUE, 10_000)],
        pricing: Pricing {
            base: 16_000,
            seasons: Seasons::Event {
                name: "Fêtes de fin d'année",
                from: (12, 20),
                until: (1, 3),
                nightly: 22_000,
            },
            weekly_bp: 800,
            monthly_bp: 2000,
            cleaning: 8000,
            extra_guest: 0,
            extra_guest_threshold: 4,
            deposit: 80_000,
            min_nights: 2,
            policy: CancellationPolicy::Moderate,
        },
        tax: Tax::Fixed {
            rate: 165,
            departmental_bp: 1000,
        },
        scene: Scene::City,
        captions: &["Les quais de la Garonne"],
        publish: true,
    },
    PropertySpec {
        name: "Mas des Alyscamps",
        kind: PropertyKind::House,
        line1: "Chemin de la Croisière",
        postal_code: "13200",
        city: "Arles",
        region: "Provence-Alpes-Côte d'Azur",
        lat: 43.6712,
        lng: 4.6355,
        capacity: (8, 4, 5, 3),
        area_m2: 180,
        registration: Some("13004000316MA"),
        fr: "Mas provençal entouré d'oliviers, piscine et pétanque, aux portes de la \
             Camargue et à dix minutes des arènes.",
        en: "Provençal farmhouse among olive trees with a pool and a pétanque court, at the \
             gates of the Camargue and ten minutes from the Roman arena.",
        check_in: (16, 0),
        check_out: (10, 0),
        house_rules: "Non-fumeur à l'intérieur. Animaux acceptés.",
        amenities: &[
            Amenity::Wifi,
            Amenity::Pool,
            Amenity::Parking,
            Amenity::Garden,
            Amenity::Barbecue,
            Amenity::AirConditioning,
            Amenity::Kitchen,
            Amenity::Dishwasher,
            Amenity::WashingMachine,
            Amenity::PetsAllowed,
        ],
        amenities_other: "Terrain de pétanque",
        owners: &[(CLAIRE, 10_000)],
        pricing: Pricing {
            base: 26_000,
            seasons: Seasons::Summer { summer: 38_000 },
            weekly_bp: 1000,
            monthly_bp: 2000,
            cleaning: 14_000,
            extra_guest: 2500,
            extra_guest_threshold: 6,
            deposit: 150_000,
            min_nights: 3,
            policy: CancellationPolicy::Moderate,
        },
        tax: Tax::Proportional {
            rate_bp: 500,
            cap: 300,
            departmental_bp: 1000,
            regional_bp: 0,
        },
        scene: Scene::Hills,
        captions: &["Les oliviers au coucher du soleil"],
        publish: true,
    },
    PropertySpec {
        name: "Gîte de la Bastide aux Lavandes",
        kind: PropertyKind::Gite,
        line1: "Route de Sénanque",
        postal_code: "84220",
        city: "Gordes",
        region: "Provence-Alpes-Côte d'Azur",
        lat: 43.9187,
        lng: 5.1927,
        capacity: (5, 2, 3, 2),
        area_m2: 90,
        registration: Some("84050000128GL"),
        fr: "Gîte en pierres sèches dans une bastide du Luberon, vue sur les champs de \
             lavande et le village perché de Gordes.",
        en: "Dry-stone gîte in a Luberon bastide overlooking the lavender fields and the \
             hilltop village of Gordes.",
        check_in: (16, 0),
        check_out: (10, 30),
        house_rules: "Non-fumeur. Piscine partagée avec les propriétaires.",
        amenities: &[
            Amenity::Wifi,
            Amenity::Parking,
            Amenity::Pool,
            Amenity::Garden,
            Amenity::Terrace,
            Amenity::Kitchen,
            Amenity::WashingMachine,
            Amenity::Heating,
        ],
        amenities_other: "Piscine partagée",
        owners: &[(OLIVIERS, 10_000)],
        pricing: Pricing {
            base: 14_000,
            seasons: Seasons::Summer { summer: 21_000 },
            weekly_bp: 1000,
            monthly_bp: 2000,
            cleaning: 8000,
            extra_guest: 2000,
            extra_guest_threshold: 4,
            deposit: 70_000,
            min_nights: 2,
            policy: CancellationPolicy::Flexible,
        },
        tax: Tax::Fixed {
            rate: 120,
            departmental_bp: 1000,
        },
        scene: Scene::Lavender,
        captions: &["Les champs de lavande"],
        publish: true,
    },
    PropertySpec {
        name: "Appartement du Marais, place des Vosges",
        kind: PropertyKind::Apartment,
        line1: "18 rue de Birague",
        postal_code: "75004",
        city: "Paris",
        region: "Île-de-France",
        lat: 48.8553,
        lng: 2.3655,
        capacity: (4, 2, 2, 1),
        area_m2: 70,
        registration: Some("75104000892PV"),
        fr: "Appartement de caractère du XVIIe siècle, parquet et cheminée, à quelques pas \
             de la place des Vosges. Métro Saint-Paul et Bastille.",
        en: "Characterful 17th-century flat with parquet floors and a fireplace, steps from \
             the Place des Vosges. Saint-Paul and Bastille metro stations.",
        check_in: (15, 0),
        check_out: (11, 0),
        house_rules: "Non-fumeur. Pas de fêtes. Immeuble ancien sans ascenseur.",
        amenities: &[
            Amenity::Wifi,
            Amenity::Heating,
            Amenity::Fireplace,
            Amenity::Kitchen,
            Amenity::Dishwasher,
            Amenity::WashingMachine,
            Amenity::Tv,
        ],
        amenities_other: "Cheminée décorative",
        owners: &[(ATLANTIQUE, 10_000)],
        pricing: Pricing {
            base: 29_000,
            seasons: Seasons::Event {
                name: "Fêtes de fin d'année",
                from: (12, 20),
                until: (1, 3),
                nightly: 39_000,
            },
            weekly_bp: 600,
            monthly_bp: 1500,
            cleaning: 9000,
            extra_guest: 0,
            extra_guest_threshold: 4,
            deposit: 100_000,
            min_nights: 3,
            policy: CancellationPolicy::Strict,
        },
        tax: Tax::Proportional {
            rate_bp: 500,
            cap: 520,
            departmental_bp: 1000,
            regional_bp: 20_000,
        },
        scene: Scene::City,
        captions: &["Les toits de Paris"],
        publish: true,
    },
    PropertySpec {
        name: "Studio Presqu'île Bellecour",
        kind: PropertyKind::Studio,
        line1: "12 rue Émile Zola",
        postal_code: "69002",
        city: "Lyon",
        region: "Auvergne-Rhône-Alpes",
        lat: 45.7594,
        lng: 4.8331,
        capacity: (2, 0, 1, 1),
        area_m2: 32,
        registration: None,
        fr: "Studio refait à neuf entre Bellecour et les Jacobins. En préparation : en \
             attente du numéro d'enregistrement de la mairie.",
        en: "Newly refurbished studio between Bellecour and the Jacobins. Being prepared: \
             waiting for the town hall's registration number.",
        check_in: (15, 0),
        check_out: (11, 0),
        house_rules: "Non-fumeur.",
        amenities: &[
            Amenity::Wifi,
            Amenity::Heating,
            Amenity::Elevator,
            Amenity::Kitchen,
            Amenity::WashingMachine,
            Amenity::Tv,
        ],
        amenities_other: "",
        owners: &[(ALPES, 10_000)],
        pricing: Pricing {
            base: 9000,
            seasons: Seasons::Event {
                name: "Fête des Lumières",
                from: (12, 5),
                until: (12, 9),
                nightly: 15_000,
            },
            weekly_bp: 800,
            monthly_bp: 2000,
            cleaning: 5000,
            extra_guest: 0,
            extra_guest_threshold: 2,
            deposit: 40_000,
            min_nights: 2,
            policy: CancellationPolicy::Flexible,
        },
        tax: Tax::Proportional {
            rate_bp: 500,
            cap: 300,
            departmental_bp: 1000,
            regional_bp: 0,
        },
        scene: Scene::City,
        captions: &["La place Bellecour"],
        publish: false,
    },
    PropertySpec {
        name: "Maison de corsaire intra-muros",
        kind: PropertyKind::House,
        line1: "6 rue de Dinan",
        postal_code: "35400",
        city: "Saint-Malo",
        region: "Bretagne",
        lat: 48.6493,
        lng: -2.0257,
        capacity: (6, 3, 4, 2),
        area_m2: 120,
        registration: Some("35288000453SM"),
        fr: "Maison de granit du XVIIIe siècle dans les remparts, à deux minutes de la plage \
             du Bon-Secours et de sa piscine d'eau de mer.",
        en: "18th-century granite house inside the ramparts, two minutes from Bon-Secours \
             beach and its seawater pool.",
        check_in: (16, 0),
        check_out: (10, 0),
        house_rules: "Non-fumeur. Animaux acceptés.",
        amenities: &[
            Amenity::Wifi,
            Amenity::Heating,
            Amenity::SeaView,
            Amenity::BeachAccess,
            Amenity::Kitchen,
            Amenity::Dishwasher,
            Amenity::WashingMachine,
            Amenity::Tv,
            Amenity::PetsAllowed,
            Amenity::BabyCot,
        ],
        amenities_other: "Cour intérieure",
        owners: &[(ATLANTIQUE, 10_000)],
        pricing: Pricing {
            base: 17_000,
            seasons: Seasons::Coastal {
                high: 28_000,
                shoulder: 20_000,
            },
            weekly_bp: 1000,
            monthly_bp: 2000,
            cleaning: 10_000,
            extra_guest: 2000,
            extra_guest_threshold: 5,
            deposit: 90_000,
            min_nights: 2,
            policy: CancellationPolicy::Moderate,
        },
        tax: Tax::Fixed {
            rate: 90,
            departmental_bp: 1000,
        },
        scene: Scene::Sea,
        captions: &["La plage du Bon-Secours à marée haute"],
        publish: true,
    },
    PropertySpec {
        name: "Villa Les Sanguinaires",
        kind: PropertyKind::Villa,
        line1: "Route des Sanguinaires",
        postal_code: "20000",
        city: "Ajaccio",
        region: "Corse",
        lat: 41.9036,
        lng: 8.6711,
        capacity: (8, 4, 5, 3),
        area_m2: 200,
        registration: Some("2A004000619AJ"),
        fr: "Villa contemporaine dans le maquis, piscine chauffée et vue sur les îles \
             Sanguinaires, criques accessibles à pied.",
        en: "Contemporary villa in the maquis with a heated pool and views of the \
             Sanguinaires islands; coves within walking distance.",
        check_in: (16, 0),
        check_out: (10, 0),
        house_rules: "Non-fumeur à l'intérieur. Pas de feux en été (risque d'incendie).",
        amenities: &[
            Amenity::Wifi,
            Amenity::Pool,
            Amenity::Parking,
            Amenity::AirConditioning,
            Amenity::SeaView,
            Amenity::Terrace,
            Amenity::Garden,
            Amenity::BeachAccess,
            Amenity::Kitchen,
            Amenity::Dishwasher,
            Amenity::WashingMachine,
            Amenity::Tv,
        ],
        amenities_other: "Kayaks de mer",
        owners: &[(OLIVIERS, 10_000)],
        pricing: Pricing {
            base: 32_000,
            seasons: Seasons::Coastal {
                high: 60_000,
                shoulder: 40_000,
            },
            weekly_bp: 1000,
            monthly_bp: 2000,
            cleaning: 16_000,
            extra_guest: 3000,
            extra_guest_threshold: 6,
            deposit: 200_000,
            min_nights: 3,
            policy: CancellationPolicy::Strict,
        },
        tax: Tax::Fixed {
            rate: 200,
            departmental_bp: 1000,
        },
        scene: Scene::Sea,
        captions: &["Les îles Sanguinaires au crépuscule"],
        publish: true,
    },
];

// ---------------------------------------------------------------------------------------
// Photos: a small landscape drawn in code, encoded as a PNG without any dependency.
// ---------------------------------------------------------------------------------------

type Rgb = [f32; 3];

fn mix(a: Rgb, b: Rgb, t: f32) -> Rgb {
    let t = t.clamp(0.0, 1.0);
    [
        a[0] + (b[0] - a[0]) * t,
        a[1] + (b[1] - a[1]) * t,
        a[2] + (b[2] - a[2]) * t,
    ]
}

/// A deterministic pseudo-random number in [0, 1) from `n`.
fn noise(n: u32) -> f32 {
    let mut x = n.wrapping_mul(0x9E37_79B9) ^ 0x85EB_CA6B;
    x ^= x >> 15;
    x = x.wrapping_mul(0x2C1B_3C6D);
    x ^= x >> 12;
    (x & 0xFFFF) as f32 / 65_536.0
}

/// A [`PHOTO_WIDTH`]×[`PHOTO_HEIGHT`] landscape of `scene` (sky, sun, relief or skyline,
/// water or fields), varied by `seed` (odd seeds at dusk), as a PNG.
pub fn landscape_png(scene: Scene, seed: u32) -> Vec<u8> {
    let (w, h) = (PHOTO_WIDTH as usize, PHOTO_HEIGHT as usize);
    let (wf, hf) = (w as f32, h as f32);
    let s = noise(seed) * 6.0;
    let dusk = seed % 2 == 1;
    let (sky_top, sky_low): (Rgb, Rgb) = if dusk {
        ([40.0, 52.0, 110.0], [250.0, 160.0, 90.0])
    } else {
        ([60.0, 120.0, 200.0], [190.0, 220.0, 245.0])
    };
    let (relief, ground, water): (Rgb, Rgb, bool) = match scene {
        Scene::Sea => ([90.0, 110.0, 90.0], [30.0, 100.0, 150.0], true),
        Scene::Mountains => ([95.0, 100.0, 120.0], [70.0, 130.0, 60.0], false),
        Scene::Lake => ([80.0, 100.0, 110.0], [40.0, 120.0, 140.0], true),
        Scene::Hills => ([110.0, 130.0, 70.0], [150.0, 140.0, 70.0], false),
        Scene::Lavender => ([110.0, 130.0, 70.0], [150.0, 110.0, 190.0], false),
        Scene::City => ([70.0, 65.0, 75.0], [60.0, 90.0, 110.0], true),
    };
    let horizon = hf * 0.62;
    let snowline = horizon - hf * 0.27;
    let (sun_x, sun_y) = (
        wf * (0.2 + 0.6 * noise(seed + 11)),
        hf * if dusk { 0.5 } else { 0.18 },
    );
    // The relief's top in each column, pixels from the top.
    let ridges: Vec<f32> = (0..w)
        .map(|x| {
            let fx = x as f32 / wf;
            let peak = |freq: f32, phase: f32| 1.0 - (fx * freq + phase).sin().abs();
            match scene {
                Scene::Sea => horizon - 12.0 - 10.0 * (fx * 9.0 + s).sin().max(0.0),
                Scene::Mountains | Scene::Lake => {
                    let peaks =
                        0.55 * peak(4.0, s) + 0.3 * peak(11.0, 2.0 * s) + 0.15 * peak(27.0, s);
                    horizon - hf * (0.08 + 0.42 * peaks)
                }
                Scene::Hills | Scene::Lavender => {
                    horizon - hf * (0.08 + 0.05 * (fx * 5.0 + s).sin())
                }
                Scene::City => {
                    let block = u32::try_from(x / 36).unwrap_or_default();
                    horizon - hf * (0.08 + 0.3 * noise(block * 31 + seed))
                }
            }
        })
        .collect();
    let mut rgb = Vec::with_capacity(w * h * 3);
    for y in 0..h {
        let fy = y as f32;
        let sky = mix(sky_top, sky_low, fy / horizon);
        for (x, &ridge) in ridges.iter().enumerate() {
            let fx = x as f32 / wf;
            let colour = if fy < ridge {
                let d = (x as f32 - sun_x).hypot(fy - sun_y);
                if d < 24.0 {
                    [255.0, 240.0, 190.0]
                } else {
                    mix(sky, [255.0, 230.0, 170.0], 0.6 * (-(d - 24.0) / 60.0).exp())
                }
            } else if fy < horizon {
                let depth = (fy - ridge) / (horizon - ridge).max(1.0);
                let lit = u32::try_from(x / 12 * 977 + y / 16).unwrap_or_default();
                match scene {
                    Scene::Mountains | Scene::Lake if fy < snowline + 8.0 * (fx * 90.0).sin() => {
                        mix([245.0, 248.0, 252.0], relief, depth * 2.0)
                    }
                    Scene::City if x % 12 > 4 && y % 16 > 8 && noise(lit) > 0.6 => {
                        [250.0, 215.0, 120.0]
                    }
                    _ => mix(mix(relief, sky_low, 0.35), relief, depth),
                }
            } else {
                let depth = (fy - horizon) / (hf - horizon);
                if water {
                    let wave = (fy * 0.9 + (fx * 40.0).sin() * 2.0).sin() * 0.08;
                    let near = mix(ground, [0.0, 0.0, 0.0], 0.4);
                    mix(mix(sky_low, ground, 0.7), near, depth + wave)
                } else {
                    let rows = ((fx - 0.5) * 30.0 / (depth + 0.2)).sin() * 0.15;
                    mix(ground, mix(ground, [20.0, 60.0, 20.0], 0.6), depth + rows)
                }
            };
            rgb.extend(colour.map(|c| c.clamp(0.0, 255.0) as u8));
        }
    }
    encode_png(PHOTO_WIDTH, PHOTO_HEIGHT, &rgb)
}

/// Encodes 8-bit RGB pixels (`width`×`height`×3 bytes, row by row) as a PNG whose zlib
/// stream uses stored (uncompressed) deflate blocks.
pub fn encode_png(width: u32, height: u32, rgb: &[u8]) -> Vec<u8> {
    let row = width as usize * 3;
    let mut raw = Vec::with_capacity((row + 1) * height as usize);
    for line in rgb.chunks(row.max(1)).take(height as usize) {
        raw.push(0); // filter: none
        raw.extend_from_slice(line);
    }
    let mut zlib = vec![0x78, 0x01];
    let blocks: Vec<&[u8]> = raw.chunks(0xFFFF).collect();
    for (i, block) in blocks.iter().enumerate() {
        let len = u16::try_from(block.len()).unwrap_or(u16::MAX);
        zlib.push(u8::from(i + 1 == blocks.len()));
        zlib.extend(len.to_le_bytes());
        zlib.extend((!len).to_le_bytes());
        zlib.extend_from_slice(block);
    }
    zlib.extend(adler32(&raw).to_be_bytes());
    let mut header = Vec::with_capacity(13);
    header.extend(width.to_be_bytes());
    header.extend(height.to_be_bytes());
    header.extend([8, 2, 0, 0, 0]); // 8 bits, RGB, deflate, no filter method, no interlace
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    for (kind, data) in [
        (b"IHDR", &header[..]),
        (b"IDAT", &zlib[..]),
        (b"IEND", &[][..]),
    ] {
        png.extend(u32::try_from(data.len()).unwrap_or(u32::MAX).to_be_bytes());
        let start = png.len();
        png.extend_from_slice(kind);
        png.extend_from_slice(data);
        png.extend(crc32(&png[start..]).to_be_bytes());
    }
    png
}

fn adler32(data: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    // 5552 bytes is the most that cannot overflow `b` before the modulo.
    for chunk in data.chunks(5552) {
        for &byte in chunk {
            a += u32::from(byte);
            b += a;
        }
        a %= 65_521;
        b %= 65_521;
    }
    (b << 16) | a
}

fn crc32(data: &[u8]) -> u32 {
    let mut table = [0u32; 256];
    for (n, entry) in (0u32..).zip(table.iter_mut()) {
        *entry = (0..8).fold(n, |c, _| {
            if c & 1 == 1 {
                (c >> 1) ^ 0xEDB8_8320
            } else {
                c >> 1
            }
        });
    }
    let mut crc = !0u32;
    for &byte in data {
        crc = table[((crc ^ u32::from(byte)) & 0xFF) as usize] ^ (crc >> 8);
    }
    !crc
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use sejour_owners::domain::{Iban, Siret, VatNumber};

    #[test]
    fn given_the_documented_iban_when_computing_its_check_digits_then_14() {
        assert_eq!(iban_check_digits("FR", "20041010050500013M02606"), 14);
    }

    #[test]
    fn given_the_demo_owners_when_keyed_then_siret_vat_and_iban_parse() {
        for spec in OWNERS {
            let (bank, branch, account) = spec.bank;
            let iban = french_iban(bank, branch, account);
            assert!(Iban::parse(&iban).is_ok(), "{iban}");
            if spec.kind == OwnerKindTag::Company {
                let siren = luhn_complete(spec.siren_stem);
                assert_eq!(luhn_complete(&siren[..8]), siren);
                let siret = luhn_complete(&format!("{siren}0001"));
                assert!(Siret::parse(&siret).is_ok(), "{siret}");
                let vat = VatNumber::parse(&french_vat_number(&siren)).unwrap();
                assert_eq!(vat.french_siren(), Some(siren.as_str()));
            }
        }
        // A known SIRET: 732 829 320 00074.
        assert_eq!(luhn_complete("7328293200007"), "73282932000074");
    }

    #[test]
    fn given_a_scene_when_drawn_then_a_png_the_photo_pipeline_accepts() {
        for scene in [
            Scene::Sea,
            Scene::Mountains,
            Scene::Lake,
            Scene::Hills,
            Scene::Lavender,
            Scene::City,
        ] {
            let png = landscape_png(scene, 3);
            let processed =
                sejour_infrastructure::images::process_photo(&png, 10 * 1024 * 1024).unwrap();
            assert_eq!(processed.original.width, PHOTO_WIDTH);
            assert_eq!(processed.original.height, PHOTO_HEIGHT);
        }
    }

    #[test]
    fn given_checksums_when_computed_then_the_reference_values() {
        assert_eq!(crc32(b"IEND"), 0xAE42_6082);
        assert_eq!(adler32(b"Wikipedia"), 0x11E6_0398);
    }

    #[test]
    fn given_a_date_when_looking_for_the_next_saturday_then_at_least_the_delay_later() {
        let monday = ymd(2026, 6, 1).unwrap();
        assert_eq!(
            next_saturday(monday, 14).unwrap(),
            ymd(2026, 6, 20).unwrap()
        );
        let friday = ymd(2026, 6, 5).unwrap();
        assert_eq!(next_saturday(friday, 1).unwrap(), ymd(2026, 6, 6).unwrap());
    }

    #[test]
    fn given_every_property_when_priced_then_its_plan_and_tax_are_valid() {
        let today = ymd(2026, 2, 10).unwrap();
        for spec in PROPERTIES {
            rate_plan(&spec.pricing, today).unwrap();
            tourist_tax(&spec.tax).unwrap();
            if let Some(number) = spec.registration {
                assert_eq!(number.len(), 13, "{}", spec.name);
            }
        }
        let winter = rate_plan(&PROPERTIES[3].pricing, today).unwrap();
        let draft = RatePlanDraft::from(winter);
        assert!(draft.seasons.iter().any(|s| s.name() == "Hiver 2025-2026"));
    }
}
