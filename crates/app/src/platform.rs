//! The composition root: builds every adapter once and wires the contexts together.

use std::{net::SocketAddr, sync::Arc, time::Duration};

use axum::{
    Router,
    http::{HeaderValue, header},
    middleware,
};
use secrecy::ExposeSecret;
use sejour_core::{Clock, IdGenerator, SystemClock, UuidV7Generator};
use sejour_infrastructure::{
    config::Settings,
    db::{self, DbError},
    http::{
        context::require_admin,
        edge::{self, EdgeOptions},
        health::{self, HealthState},
        problem,
    },
    mail::{self, SendEmail},
    queue::{
        Consumer, Worker, WorkerOptions, purge::PurgeDelivered, worker::register_subscriptions,
    },
    rate_limit,
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
    infrastructure::{purge::PurgeExpiredTokens, wiring::auth_from_settings},
    presentation::authenticate,
};
use sejour_owners::{infrastructure::PgOwnerDirectory, presentation::OwnersState};
use sejour_properties::application::catalog::Catalog;
use sejour_properties::{
    application::access::Access,
    domain::pricing::ScheduleRules,
    infrastructure::{
        PgPropertyRepository,
        ical::fetch::{FeedFetcher, FetcherConfig},
        sync_job::SyncIcalFeeds,
    },
    presentation::PropertiesState,
};
use sejour_reservations::{
    application::{
        Reservations,
        commands::{complete_stays, expire_holds},
    },
    infrastructure::{
        PgReservationRepository,
        jobs::{PURGE_KEYS_JOB, ReservationJobs},
        timeline::TimelineRecorder,
    },
};
use sejour_users::{infrastructure::PgUserDirectory, presentation::UsersState};

use crate::openapi::ApiDoc;
use sejour_infrastructure::http::security::{SecuredRoutes, require_bearer};

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

/// Every adapter, built once.
#[derive(Clone)]
pub struct Platform {
    /// The auth context (sign-in, tokens, request authentication).
    pub auth: Arc<Auth>,
    /// The users context's published interface.
    pub users: Arc<PgUserDirectory>,
    /// Outgoing email.
    pub mailer: Arc<dyn mail::Mailer>,
    /// Object storage (photos, documents).
    pub storage: ObjectStorage,
    /// The properties context's repository.
    pub properties: PgPropertyRepository,
    /// The owners context's published interface.
    pub owners: Arc<PgOwnerDirectory>,
    /// Downloads imported calendars.
    pub fetcher: FeedFetcher,
    /// When stays are paid (deposit, balance), from the settings.
    pub schedule_rules: ScheduleRules,
    /// The reservations context's use cases.
    pub reservations: Arc<Reservations>,
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
}

/// All the contexts' migrations, in version order.
pub fn migrator() -> Result<Migrator, DbError> {
    db::merge_migrators(&[
        &db::MIGRATOR,
        &sejour_administration::MIGRATOR,
        &sejour_users::MIGRATOR,
        &sejour_auth::MIGRATOR,
        &sejour_owners::MIGRATOR,
        &sejour_properties::MIGRATOR,
        &sejour_reservations::MIGRATOR,
    ])
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

    /// A platform over an existing pool (tests) with the given clock.
    pub fn assemble(
        settings: Settings,
        pool: PgPool,
        redis: Option<RedisClient>,
        clock: Arc<dyn Clock>,
    ) -> Result<Self, StartError> {
        let ids: Arc<dyn IdGenerator> = Arc::new(UuidV7Generator);
        let users = Arc::new(PgUserDirectory::new(
            pool.clone(),
            clock.clone(),
            ids.clone(),
        ));
        let limiter = rate_limit::limiter_from(redis.clone(), clock.clone());
        let auth = auth_from_settings(
            &settings,
            pool.clone(),
            clock.clone(),
            ids.clone(),
            users.clone(),
            limiter,
        )
        .map_err(|e| StartError::Other(e.internal.unwrap_or(e.message)))?;
        let mailer = mail::mailer_from_settings(&settings)
            .map_err(|e| StartError::Other(format!("mail: {e}")))?;
        let storage = storage_from_settings(&settings)
            .map_err(|e| StartError::Other(format!("storage: {e}")))?;
        let properties = PgPropertyRepository::new(pool.clone(), clock.clone(), ids.clone());
        let owners = Arc::new(PgOwnerDirectory::new(pool.clone()));
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
        let reservations = Arc::new(Reservations {
            repo: PgReservationRepository::new(pool.clone(), clock.clone(), ids.clone()),
            catalog: Arc::new(Catalog::new(properties.clone(), schedule_rules)),
            owners: owners.clone(),
            users: users.clone(),
            hold: chrono::Duration::minutes(i64::from(settings.reservation_hold_minutes)),
        });
        Ok(Self {
            settings: Arc::new(settings),
            pool,
            redis,
            clock,
            ids,
            auth: Arc::new(auth),
            users,
            mailer,
            storage,
            properties,
            owners,
            fetcher,
            schedule_rules,
            reservations,
        })
    }

    /// A platform that connects to nothing (for printing the OpenAPI document).
    pub fn offline(settings: Settings) -> Result<Self, StartError> {
        let pool = sqlx::postgres::PgPoolOptions::new()
            .connect_lazy(settings.database_url.expose_secret())
            .map_err(|e| StartError::Other(format!("DATABASE_URL: {e}")))?;
        Self::assemble(settings, pool, None, Arc::new(SystemClock))
    }

    /// Applies every context's migrations (a no-op when up to date).
    pub async fn migrate(&self) -> Result<(), StartError> {
        migrator()?.run(&self.pool).await.map_err(DbError::from)?;
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

    /// Every outbox consumer and job handler of every context.
    pub fn consumers(&self) -> Vec<Arc<dyn Consumer>> {
        let mut consumers: Vec<Arc<dyn Consumer>> = vec![Arc::new(PurgeDelivered::new(
            self.clock.clone(),
            self.settings.outbox_retention_days,
        ))];
        consumers.extend(sejour_administration::consumers(
            self.clock.clone(),
            self.ids.clone(),
        ));
        consumers.push(Arc::new(SendEmail::new(self.mailer.clone())));
        consumers.push(Arc::new(PurgeExpiredTokens::new(self.clock.clone())));
        consumers.push(Arc::new(SyncIcalFeeds::new(
            self.properties.clone(),
            self.fetcher.clone(),
        )));
        consumers.push(Arc::new(TimelineRecorder));
        consumers.push(Arc::new(ReservationJobs::new(self.reservations.clone())));
        consumers
    }

    /// Writes the consumers' subscriptions so that new messages fan out to them.
    pub async fn register_subscriptions(&self) -> Result<(), StartError> {
        register_subscriptions(&self.pool, &self.consumers())
            .await
            .map_err(|e| StartError::Db(DbError::Connect(e)))
    }

    /// The timed jobs.
    pub fn schedules(&self) -> Vec<Schedule> {
        vec![
            Schedule {
                name: "queue.purge_delivered",
                cron: "17 3 * * *".into(),
                job: sejour_infrastructure::queue::purge::JOB,
            },
            Schedule {
                name: "auth.purge_expired_tokens",
                cron: "41 * * * *".into(),
                job: sejour_auth::infrastructure::purge::JOB,
            },
            Schedule {
                name: "properties.sync_ical_feeds",
                cron: self.settings.ical_sync_cron(),
                job: sejour_properties::infrastructure::sync_job::JOB,
            },
            Schedule {
                name: "reservations.expire_holds",
                cron: "* * * * *".into(),
                job: expire_holds::JOB,
            },
            Schedule {
                name: "reservations.complete_stays",
                cron: "7 * * * *".into(),
                job: complete_stays::JOB,
            },
            Schedule {
                name: "reservations.purge_idempotency_keys",
                cron: "23 * * * *".into(),
                job: PURGE_KEYS_JOB,
            },
        ]
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

    /// The API's routes with their OpenAPI description, before the edge layers.
    pub fn api(&self) -> (Router, utoipa::openapi::OpenApi) {
        let health = HealthState {
            pool: self.pool.clone(),
            redis: self.redis.clone(),
            data_dir: self.settings.data_dir.clone(),
            clock: self.clock.clone(),
        };
        let admin = sejour_administration::presentation::routes()
            .layer(middleware::from_fn(require_admin))
            .with_state(sejour_administration::presentation::AdminState {
                pool: self.pool.clone(),
                clock: self.clock.clone(),
                ids: self.ids.clone(),
            });
        let users = sejour_users::presentation::routes().with_state(UsersState {
            pool: self.pool.clone(),
            clock: self.clock.clone(),
            ids: self.ids.clone(),
            credentials: self.auth.clone(),
        });
        let auth = sejour_auth::presentation::routes().with_state(self.auth.clone());
        let owners = sejour_owners::presentation::routes().with_state(OwnersState {
            pool: self.pool.clone(),
            clock: self.clock.clone(),
            ids: self.ids.clone(),
            users: self.users.clone(),
        });
        let properties = sejour_properties::presentation::routes(self.settings.max_upload_bytes)
            .with_state(PropertiesState {
                repo: self.properties.clone(),
                access: Access::new(self.owners.clone()),
                storage: self.storage.clone(),
                fetcher: self.fetcher.clone(),
                max_upload_bytes: self.settings.max_upload_bytes,
                schedule_rules: self.schedule_rules,
            });
        let reservations =
            sejour_reservations::presentation::routes().with_state(self.reservations.clone());
        let v1 = OpenApiRouter::new()
            .merge(auth)
            .merge(users)
            .merge(owners)
            .merge(properties)
            .merge(reservations)
            .nest("/admin", admin)
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
