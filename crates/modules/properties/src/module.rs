//! The properties context as one module: its ports over the shared adapters, the
//! catalogue it publishes to reservations, and its routes, consumer, schedule and
//! migrations.

use std::sync::Arc;

use sejour_infrastructure::module::{ContextModule, Shared};
use sejour_owners::application::directory::OwnerDirectory;

use crate::{
    MIGRATOR,
    application::{
        Properties,
        access::Access,
        catalog::{Catalog, PropertyCatalog},
    },
    domain::{gateways::FeedSource, pricing::ScheduleRules, services::PaymentCalculationService},
    infrastructure::{
        PgCalendarRepository, PgIcalFeedRepository, PgPropertyRepository,
        sync_job::{self, SyncIcalFeeds},
    },
    presentation::{self, PropertiesState},
};

/// The use cases' ports over PostgreSQL, priced under the agency's `rules`.
pub fn properties(shared: &Shared, rules: ScheduleRules) -> Properties {
    Properties {
        uow: Arc::new(shared.unit_of_work()),
        repo: Arc::new(PgPropertyRepository::new(
            shared.pool.clone(),
            shared.clock.clone(),
            shared.ids.clone(),
        )),
        calendar: Arc::new(PgCalendarRepository::new(
            shared.pool.clone(),
            shared.clock.clone(),
        )),
        feeds: Arc::new(PgIcalFeedRepository::new(shared.pool.clone())),
        clock: shared.clock.clone(),
        ids: shared.ids.clone(),
        pricing: PaymentCalculationService::new(rules),
    }
}

/// The published interface reservations asks for quotes and calendar holds.
pub fn catalog(app: &Properties) -> Arc<dyn PropertyCatalog> {
    Arc::new(Catalog::new(app.clone()))
}

/// The context's module: its routes (owners' rights asked of `owners`), the iCal sync
/// job reading the channels' calendars through `feeds` and its schedule
/// (`SEJOUR_ICAL_SYNC_MINUTES`), its migrations.
#[doc(alias = "PropertiesModule")]
pub fn module(
    shared: &Shared,
    app: &Properties,
    owners: Arc<dyn OwnerDirectory>,
    feeds: Arc<dyn FeedSource>,
) -> ContextModule {
    let max_upload_bytes = shared.settings.max_upload_bytes;
    let state = PropertiesState {
        app: app.clone(),
        access: Access::new(owners),
        storage: shared.storage.clone(),
        feeds: feeds.clone(),
        max_upload_bytes,
    };
    ContextModule::new("properties", &MIGRATOR)
        .routes(presentation::routes(max_upload_bytes).with_state(state))
        .consumer(Arc::new(SyncIcalFeeds::new(app.clone(), feeds)))
        .schedule(
            "properties.sync_ical_feeds",
            shared.settings.ical_sync_cron(),
            sync_job::JOB,
        )
}
