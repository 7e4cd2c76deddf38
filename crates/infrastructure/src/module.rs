//! One module per context. Each context crate exports `module(...) -> ContextModule`
//! carrying everything it plugs into the platform — its routes with their OpenAPI
//! description, its outbox consumers and job handlers, its timed jobs and its
//! migrations — so that the composition root is a list of modules and adding a context
//! is a crate and a line.

use std::sync::Arc;

use sejour_core::{Clock, IdGenerator};
use sqlx::{PgPool, migrate::Migrator};
use utoipa_axum::router::OpenApiRouter;

use crate::{
    config::Settings,
    mail::Mailer,
    queue::Consumer,
    redis::RedisClient,
    scheduler::Schedule,
    storage::ObjectStorage,
    store::{PgUnitOfWork, Store},
};

/// What every context is built from: the settings and the shared adapters, built once by
/// the composition root.
#[derive(Clone)]
pub struct Shared {
    /// The validated settings (each context reads its own).
    pub settings: Arc<Settings>,
    /// The PostgreSQL pool.
    pub pool: PgPool,
    /// Redis, when configured.
    pub redis: Option<RedisClient>,
    /// Time.
    pub clock: Arc<dyn Clock>,
    /// Identity.
    pub ids: Arc<dyn IdGenerator>,
    /// Object storage (photos, documents).
    pub storage: ObjectStorage,
    /// Outgoing email.
    pub mailer: Arc<dyn Mailer>,
}

impl Shared {
    /// A repository core over the pool, clock and ids.
    pub fn store(&self) -> Store {
        Store::new(self.pool.clone(), self.clock.clone(), self.ids.clone())
    }

    /// Business transactions on the pool.
    pub fn unit_of_work(&self) -> PgUnitOfWork {
        PgUnitOfWork::new(self.pool.clone())
    }
}

/// What one context plugs into the platform.
pub struct ContextModule {
    /// The context's name (its PostgreSQL schema), e.g. `reservations`.
    pub name: &'static str,
    /// Its migrations.
    pub migrator: &'static Migrator,
    /// Its routes under `/api/v1`, with their state and OpenAPI description.
    pub routes: OpenApiRouter,
    /// Its outbox consumers and job handlers.
    pub consumers: Vec<Arc<dyn Consumer>>,
    /// Its timed jobs.
    pub schedules: Vec<Schedule>,
}

impl ContextModule {
    /// A context with its migrations and nothing else yet.
    pub fn new(name: &'static str, migrator: &'static Migrator) -> Self {
        Self {
            name,
            migrator,
            routes: OpenApiRouter::new(),
            consumers: Vec::new(),
            schedules: Vec::new(),
        }
    }

    /// With these routes.
    pub fn routes(mut self, routes: OpenApiRouter) -> Self {
        self.routes = self.routes.merge(routes);
        self
    }

    /// With this consumer or job handler.
    pub fn consumer(mut self, consumer: Arc<dyn Consumer>) -> Self {
        self.consumers.push(consumer);
        self
    }

    /// With this timed job.
    pub fn schedule(
        mut self,
        name: &'static str,
        cron: impl Into<String>,
        job: &'static str,
    ) -> Self {
        self.schedules.push(Schedule {
            name,
            cron: cron.into(),
            job,
        });
        self
    }
}
