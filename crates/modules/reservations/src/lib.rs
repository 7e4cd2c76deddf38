//! The reservations context: a guest's booking of a property — the heart of the seed's
//! `POST /reservations → CreateReservationCommand → CreateReservationHandler →
//! ReservationDomainService → ReservationRepository → PostgreSQL`.
//!
//! - [`domain`]: the `Reservation` aggregate (guests, frozen price and payment schedule,
//!   status `pending → confirmed → completed` or `cancelled`), its named rules, events,
//!   the `ReservationDomainService` and the repository traits. Pure.
//! - [`application`]: the seed's commands (Create, Update, Confirm, Cancel) and queries
//!   (Get, Search, GetCustomerReservations, timeline), the expiry and completion jobs'
//!   use cases, who may see what, and idempotent creation. Reaches storage through the
//!   domain's repository traits and the unit of work, the properties context through its
//!   published `PropertyCatalog` only.
//! - [`infrastructure`]: the PostgreSQL repositories (events on the outbox in the same
//!   transaction), the timeline consumer, the scheduled jobs.
//! - [`presentation`]: the HTTP edge under `/api/v1/reservations` and
//!   `/api/v1/me/reservations`.
//! - [`published_language`]: the events' payloads, for other contexts.
//!
//! [`use_cases`] builds the use cases on the shared adapters, [`module`] plugs them in.

pub mod application;
pub mod domain;
pub mod infrastructure;
pub mod presentation;
pub mod published_language;

use std::sync::Arc;

use sejour_infrastructure::module::{ContextModule, Shared};
use sejour_owners::application::directory::OwnerDirectory;
use sejour_properties::application::catalog::PropertyCatalog;
use sejour_users::application::directory::UserDirectory;

use application::{
    Reservations,
    commands::{complete_stays, expire_holds},
    pricing::CatalogPricing,
};
use infrastructure::{
    PgIdempotencyKeyRepository, PgReservationRepository,
    jobs::{PURGE_KEYS_JOB, ReservationJobs},
    payments::PaymentListener,
    timeline::TimelineRecorder,
};

/// This context's migrations (the `reservations` schema).
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// The use cases on the shared adapters (PostgreSQL repositories and unit of work), with
/// the published interfaces of the contexts they reach.
pub fn use_cases(
    shared: &Shared,
    catalog: Arc<dyn PropertyCatalog>,
    owners: Arc<dyn OwnerDirectory>,
    users: Arc<dyn UserDirectory>,
) -> Arc<Reservations> {
    Arc::new(Reservations {
        reservations: Arc::new(PgReservationRepository::new(shared.store())),
        keys: Arc::new(PgIdempotencyKeyRepository::new(shared.pool.clone())),
        uow: Arc::new(shared.unit_of_work()),
        clock: shared.clock.clone(),
        ids: shared.ids.clone(),
        pricing: Arc::new(CatalogPricing(catalog.clone())),
        catalog,
        owners,
        users,
        hold: chrono::Duration::minutes(i64::from(shared.settings.reservation_hold_minutes)),
    })
}

/// The context around its use cases `svc` (from [`use_cases`]): its routes (with their
/// state), its consumers (timeline, jobs), its timed jobs and its migrations.
#[doc(alias = "ReservationsModule")]
pub fn module(svc: Arc<Reservations>) -> ContextModule {
    ContextModule::new("reservations", &MIGRATOR)
        .routes(presentation::routes().with_state(svc.clone()))
        .consumer(Arc::new(TimelineRecorder))
        .consumer(Arc::new(ReservationJobs::new(svc.clone())))
        .consumer(Arc::new(PaymentListener::new(svc)))
        .schedule("reservations.expire_holds", "* * * * *", expire_holds::JOB)
        .schedule(
            "reservations.complete_stays",
            "7 * * * *",
            complete_stays::JOB,
        )
        .schedule(
            "reservations.purge_idempotency_keys",
            "23 * * * *",
            PURGE_KEYS_JOB,
        )
}
