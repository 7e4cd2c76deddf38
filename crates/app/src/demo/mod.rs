//! `sejour demo seed`: fills an empty database with a demo agency — four accounts, four
//! owners, twelve properties across France with rates, tourist tax, photos and a few
//! calendar blocks — through the contexts' own use cases, so that every rule, event and
//! audit row is the one staff typing it in would produce.
//!
//! It refuses a database that already holds properties, owners or users other than one
//! (bootstrap) administrator: demo data never mixes with real data.
//!
//! The owners and properties are a data table, `agency.json` ([`agency`]); the accounts,
//! owners, properties and photos are seeded by their own module.

mod accounts;
mod agency;
mod owners;
mod photos;
mod properties;
mod summary;

use std::{io::Write, process::ExitCode, time::Instant};

use chrono::{Datelike, Days, NaiveDate, Weekday};
use sejour_core::{Actor, AppError, Ctx, Role};
use sejour_properties::application::access::Access;
use uuid::Uuid;

pub use summary::write_summary;

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
    let agency = agency::agency()?;
    let today = platform.clock.today();
    let request_id = format!("demo-seed-{}", platform.ids.new_id());
    // What can fail without writing fails first: the photos against the upload limit, and
    // the object storage (a wrong S3 setting would otherwise stop the seed half-way).
    let drawn = photos::draw_photos(&agency.properties, platform.settings.max_upload_bytes).await?;
    photos::probe_storage(&platform.storage, &request_id).await?;

    let accounts = accounts::create_accounts(platform, &request_id).await?;
    // The catalogue is the manager's work.
    let as_manager = acting_as(accounts.manager_id, Role::Manager, &request_id);
    let owners = owners::create_owners(
        platform,
        &as_manager,
        &agency.owners,
        accounts.owner_user_id,
        today,
    )
    .await?;

    let access = Access::new(platform.owners.clone());
    let example_check_in = next_saturday(today, 14)?;
    let example_check_out = add_days(example_check_in, 7)?;
    let properties =
        properties::create_properties(platform, &access, &as_manager, agency, &owners, today)
            .await?;
    let photos = photos::upload_photos(
        platform,
        &access,
        &as_manager,
        &agency.properties,
        &properties,
        drawn,
    )
    .await?;
    properties::publish(platform, &access, &as_manager, &properties).await?;
    let blocks = properties::block_calendars(
        platform,
        &access,
        &as_manager,
        &properties,
        today,
        example_check_in,
    )
    .await?;

    tracing::info!(
        owners = owners.len(),
        properties = properties.len(),
        photos,
        "demo agency seeded"
    );
    Ok(SeedReport {
        admin_id: accounts.admin_id,
        manager_id: accounts.manager_id,
        owner_user_id: accounts.owner_user_id,
        guest_id: accounts.guest_id,
        owners,
        properties,
        photos,
        blocks,
        example_check_in,
        example_check_out,
    })
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

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

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
}
