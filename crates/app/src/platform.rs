//! The composition root: builds the shared adapters once, then the list of context
//! modules ([`Platform::modules`]); the API, the worker, the scheduler and the migrator
//! are read off that list. Adding a context is a crate and one line in
//! [`Platform::assemble`].

use std::{net::SocketAddr, sync::Arc, time::Duration};

use axum::{
    Router,
    http::{HeaderValue, header},
    middleware,
};
use secrecy::ExposeSecret;
use sejour_core::{AppError, Clock, IdGenerator, SystemClock, UuidV7Generator};
use sejour_infrastructure::{
    config::Settings,
    db::{self, DbError},
    http::{
        edge::{self, EdgeOptions},
        health::{self, HealthState},
        problem,
        security::{SecuredRoutes, require_bearer},
    },
    mail::{self, SendEmail},
    module::{ContextModule, Shared},
    queue::{
        Consumer, Worker, WorkerOptions, purge::PurgeDelivered, worker::register_subscriptions,
    },
    redis::RedisClient,
    scheduler::{Schedule, Scheduler, SchedulerError},
    storage::{ObjectStorage, storage_from_settings},
};
use sqlx::{PgPool, migrate::Migrator};
use tower_http::set_header::SetResponseHeaderLayer;
use utoipa::OpenApi;
use utoipa_axum::{router::OpenApiRouter, routes};
use utoipa_swagger_ui::SwaggerUi;

use sejour_auth::{
    application::{Auth, commands::create_admin::bootstrap_admin},
    presentation::authenticate,
};
use sejour_owners::infrastructure::PgOwnerDirectory;
use sejour_properties::{
    application::Properties,
    domain::pricing::ScheduleRules,
    infrastructure::ical::fetch::{FeedFetcher, FetcherConfig},
};
use sejour_reservations::application::Reservations;
use sejour_users::infrastructure::PgUserDirectory;

use crate::openapi::ApiDoc;

/// Why the platform could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// The database.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Redis.
    #[error("cannot reach Redis at REDIS_URL: {0}")]
    Redis(String),
    /// The data directory.
    #[error("cannot create SEJOUR_DATA_DIR {path}: {source}")]
    DataDir {
        /// The directory.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// A schedule.
    #[error(transparent)]
    Scheduler(#[from] SchedulerError),
    /// Another start-up step.
    #[error("{0}")]
    Other(String),
}

impl StartError {
    /// A start-up step that failed with an application error.
    fn step(what: &str) -> impl FnOnce(AppError) -> Self + '_ {
        move |e| Self::Other(format!("{what}: {}", e.internal.unwrap_or(e.message)))
    }
}

/// The shared adapters, the contexts' published interfaces, and every context module.
#[derive(Clone)]
pub struct Platform {
    /// The auth context (sign-in, tokens, request authentication).
    pub auth: Arc<Auth>,
    /// The users context's published interface.
    pub users: Arc<PgUserDirectory>,
    /// The owners context's published interface.
    pub owners: Arc<PgOwnerDirectory>,
    /// The properties context's use cases.
    pub properties: Properties,
    /// The reservations context's use cases.
    pub reservations: Arc<Reservations>,
    /// Outgoing email.
    pub mailer: Arc<dyn mail::Mailer>,
    /// Object storage (photos, documents).
    pub storage: ObjectStorage,
    /// The validated settings.
    pub settings: Arc<Settings>,
    /// The PostgreSQL pool.
    pub pool: PgPool,
    /// Redis, when configured.
    pub redis: Option<RedisClient>,
    /// Time.
    pub clock: Arc<dyn Clock>,
    /// Identity.
    pub ids: Arc<dyn IdGenerator>,
    /// Every context, as it plugs into the platform.
    modules: Arc<[ContextModule]>,
}

impl Platform {
    /// Connects to everything configured; creates the database if needed.
    pub async fn connect(settings: Settings) -> Result<Self, StartError> {
        let url = settings.database_url.expose_secret().to_owned();
        db::ensure_database(&url).await?;
        let pool = db::connect(&url, settings.db_max_connections).await?;
        let redis = match &settings.redis_url {
            Some(url) => Some(
                RedisClient::connect(url.expose_secret())
                    .await
                    .map_err(|e| StartError::Redis(e.to_string()))?,
            ),
            None => None,
        };
        std::fs::create_dir_all(&settings.data_dir).map_err(|source| StartError::DataDir {
            path: settings.data_dir.display().to_string(),
            source,
        })?;
        Self::assemble(settings, pool, redis, Arc::new(SystemClock))
    }

    /// A platform over an existing pool (tests) with the given clock: the shared adapters,
    /// the published interfaces contexts ask of each other, then the modules.
    pub fn assemble(
        settings: Settings,
        pool: PgPool,
        redis: Option<RedisClient>,
        clock: Arc<dyn Clock>,
    ) -> Result<Self, StartError> {
        let ids: Arc<dyn IdGenerator> = Arc::new(UuidV7Generator);
        let mailer = mail::mailer_from_settings(&settings)
            .map_err(|e| StartError::Other(format!("mail: {e}")))?;
        let storage = storage_from_settings(&settings)
            .map_err(|e| StartError::Other(format!("storage: {e}")))?;
        let fetcher = FeedFetcher::with_config(FetcherConfig {
            allow_private_hosts: settings.ical_allow_private_hosts,
            ..FetcherConfig::default()
        })
        .map_err(|e| StartError::Other(format!("calendar feeds: {e}")))?;
        let schedule_rules = ScheduleRules::new(
            settings.deposit_bp,
            settings.mandate_advance_cap_bp,
            settings.advance_max_months,
            settings.balance_due_days,
        )
        .map_err(|e| StartError::Other(format!("SEJOUR_DEPOSIT_BP and related settings: {e}")))?;
        let stripe = sejour_payments::stripe(&settings)
            .map_err(|e| StartError::Other(format!("stripe: {e}")))?;
        let shared = Shared {
            settings: Arc::new(settings),
            pool,
            redis,
            clock,
            ids,
            storage,
            mailer,
        };

        // The published interfaces first: auth needs the users' directory, users need
        // auth's credentials, reservations the catalogue, owners and users.
        let users = sejour_users::directory(&shared);
        let auth = sejour_auth::auth(&shared, users.clone()).map_err(StartError::step("auth"))?;
        let owners = sejour_owners::directory(&shared);
        let properties = sejour_properties::properties(&shared, schedule_rules);
        let catalog = sejour_properties::catalog(&properties);
        let reservations =
            sejour_reservations::use_cases(&shared, catalog.clone(), owners.clone(), users.clone());

        let modules = [
            sejour_administration::module(&shared),
            sejour_users::module(&shared, auth.clone()),
            sejour_auth::module(&shared, &auth),
            sejour_owners::module(&shared, users.clone()),
            sejour_properties::module(&shared, &properties, owners.clone(), Arc::new(fetcher)),
            sejour_reservations::module(reservations.clone()),
            sejour_payments::module(
                &shared,
                sejour_payments::Neighbours {
                    book: reservations.clone(),
                    catalog,
                    owners: owners.clone(),
                },
                stripe,
            ),
        ];

        let Shared {
            settings,
            pool,
            redis,
            clock,
            ids,
            storage,
            mailer,
        } = shared;
        Ok(Self {
            auth,
            users,
            owners,
            properties,
            reservations,
            mailer,
            storage,
            settings,
            pool,
            redis,
            clock,
            ids,
            modules: modules.into(),
        })
    }

    /// A platform that connects to nothing (for printing the OpenAPI document).
    pub fn offline(settings: Settings) -> Result<Self, StartError> {
        let pool = sqlx::postgres::PgPoolOptions::new()
            .connect_lazy(settings.database_url.expose_secret())
            .map_err(|e| StartError::Other(format!("DATABASE_URL: {e}")))?;
        Self::assemble(settings, pool, None, Arc::new(SystemClock))
    }

    /// The shared adapters every context is built from.
    pub fn shared(&self) -> Shared {
        Shared {
            settings: self.settings.clone(),
            pool: self.pool.clone(),
            redis: self.redis.clone(),
            clock: self.clock.clone(),
            ids: self.ids.clone(),
            storage: self.storage.clone(),
            mailer: self.mailer.clone(),
        }
    }

    /// Every context module, in the order they were listed.
    pub fn modules(&self) -> &[ContextModule] {
        &self.modules
    }

    /// The platform's and every context's migrations, in version order.
    pub fn migrator(&self) -> Result<Migrator, DbError> {
        let migrators: Vec<&Migrator> = std::iter::once(&db::MIGRATOR)
            .chain(self.modules.iter().map(|m| m.migrator))
            .collect();
        db::merge_migrators(&migrators)
    }

    /// Applies every context's migrations (a no-op when up to date).
    pub async fn migrate(&self) -> Result<(), StartError> {
        self.migrator()?
            .run(&self.pool)
            .await
            .map_err(DbError::from)?;
        Ok(())
    }

    /// Creates the first admin from `SEJOUR_BOOTSTRAP_ADMIN_*` when none exists yet.
    pub async fn bootstrap_admin(&self) -> Result<(), StartError> {
        let (Some(email), Some(password)) = (
            &self.settings.bootstrap_admin_email,
            &self.settings.bootstrap_admin_password,
        ) else {
            return Ok(());
        };
        let ctx = sejour_core::Ctx::system("bootstrap", self.ids.new_id().to_string());
        bootstrap_admin(&self.auth, &ctx, email, password.expose_secret())
            .await
            .map(|_| ())
            .map_err(|e| {
                let fields: Vec<String> = e
                    .errors
                    .iter()
                    .map(|f| format!("{}: {}", f.field, f.message))
                    .collect();
                StartError::Other(format!(
                    "SEJOUR_BOOTSTRAP_ADMIN_*: {} {}",
                    e.message,
                    fields.join("; ")
                ))
            })
    }

    /// Every outbox consumer and job handler: the platform's own (purging delivered
    /// messages, sending email) and every context's.
    pub fn consumers(&self) -> Vec<Arc<dyn Consumer>> {
        let own: [Arc<dyn Consumer>; 2] = [
            Arc::new(PurgeDelivered::new(
                self.clock.clone(),
                self.settings.outbox_retention_days,
            )),
            Arc::new(SendEmail::new(self.mailer.clone())),
        ];
        own.into_iter()
            .chain(
                self.modules
                    .iter()
                    .flat_map(|m| m.consumers.iter().cloned()),
            )
            .collect()
    }

    /// Writes the consumers' subscriptions so that new messages fan out to them.
    pub async fn register_subscriptions(&self) -> Result<(), StartError> {
        register_subscriptions(&self.pool, &self.consumers())
            .await
            .map_err(|e| StartError::Db(DbError::Connect(e)))
    }

    /// The timed jobs: the platform's nightly purge and every context's.
    pub fn schedules(&self) -> Vec<Schedule> {
        let purge = Schedule {
            name: "queue.purge_delivered",
            cron: "17 3 * * *".into(),
            job: sejour_infrastructure::queue::purge::JOB,
        };
        std::iter::once(purge)
            .chain(
                self.modules
                    .iter()
                    .flat_map(|m| m.schedules.iter().cloned()),
            )
            .collect()
    }

    /// The worker, configured from the settings.
    pub fn worker(&self) -> Worker {
        let s = &self.settings;
        Worker::new(
            self.pool.clone(),
            self.clock.clone(),
            self.consumers(),
            WorkerOptions {
                concurrency: s.worker_concurrency,
                lease: Duration::from_secs(s.worker_lease_secs),
                poll_interval: Duration::from_millis(s.worker_poll_ms),
                max_attempts: s.worker_max_attempts,
                backoff_base: Duration::from_millis(s.worker_backoff_base_ms),
                backoff_max: Duration::from_secs(s.worker_backoff_max_secs),
                shutdown_grace: Duration::from_secs(s.shutdown_grace_secs),
            },
        )
    }

    /// The scheduler.
    pub fn scheduler(&self) -> Result<Scheduler, StartError> {
        Ok(Scheduler::new(
            self.pool.clone(),
            self.clock.clone(),
            self.ids.clone(),
            self.schedules(),
            Duration::from_secs(1),
        )?)
    }

    /// The API's routes with their OpenAPI description, before the edge layers: every
    /// context's routes under `/api/v1`, authenticated by the auth context.
    pub fn api(&self) -> (Router, utoipa::openapi::OpenApi) {
        let health = HealthState {
            pool: self.pool.clone(),
            redis: self.redis.clone(),
            data_dir: self.settings.data_dir.clone(),
            clock: self.clock.clone(),
        };
        let v1 = self
            .modules
            .iter()
            .fold(OpenApiRouter::new(), |v1, m| v1.merge(m.routes.clone()))
            .layer(middleware::from_fn_with_state(
                self.auth.clone(),
                authenticate,
            ));
        let (router, doc) = OpenApiRouter::with_openapi(ApiDoc::openapi())
            .merge(
                OpenApiRouter::new()
                    .routes(routes!(health::live))
                    .routes(routes!(health::ready))
                    .routes(routes!(health::metrics))
                    .with_state(health),
            )
            .nest("/api/v1", v1)
            .split_for_parts();
        let doc = crate::openapi::complete(doc);
        let router = router.layer(middleware::from_fn_with_state(
            SecuredRoutes::from_openapi(&doc),
            require_bearer,
        ));
        (router, doc)
    }

    /// The OpenAPI document.
    pub fn openapi(&self) -> utoipa::openapi::OpenApi {
        self.api().1
    }

    /// The whole HTTP application: API, OpenAPI document, docs UI, edge layers.
    pub fn router(&self) -> Router {
        sejour_infrastructure::telemetry::init_metrics();
        let (api, openapi) = self.api();
        let docs: Router = Router::from(
            SwaggerUi::new("/docs").url("/api/v1/openapi.json", openapi),
        )
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(
                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; \
                     script-src 'self'; frame-ancestors 'none'",
            ),
        ));
        let app = api
            .merge(docs)
            .fallback(|| async { problem::for_status(axum::http::StatusCode::NOT_FOUND) });
        let s = &self.settings;
        edge::wrap(
            app,
            &EdgeOptions {
                timeout: s.request_timeout(),
                body_limit: s.body_limit_bytes,
                upload_limit: s.max_upload_bytes,
                cors_origins: s.cors_origins.clone(),
                trusted_proxies: s.trusted_proxies(),
            },
        )
    }

    /// The address to listen on.
    pub fn http_addr(&self) -> SocketAddr {
        self.settings.http_addr
    }
}
