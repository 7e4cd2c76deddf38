//! The roles the binary runs in, and graceful shutdown.

use std::{net::SocketAddr, sync::Arc};

use tokio::{net::TcpListener, task::JoinSet};
use tokio_util::sync::CancellationToken;

use crate::platform::{Platform, StartError};

/// What a process runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Roles {
    /// The HTTP API.
    pub api: bool,
    /// Outbox consumers and jobs.
    pub worker: bool,
    /// Timed jobs.
    pub scheduler: bool,
}

impl Roles {
    /// API, worker and scheduler.
    pub const ALL: Roles = Roles {
        api: true,
        worker: true,
        scheduler: true,
    };
}

/// Cancels `token` on SIGTERM or SIGINT.
pub fn cancel_on_signals(token: CancellationToken) {
    tokio::spawn(async move {
        let ctrl_c = tokio::signal::ctrl_c();
        #[cfg(unix)]
        {
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(mut term) => {
                    tokio::select! {
                        _ = ctrl_c => {}
                        _ = term.recv() => {}
                    }
                }
                Err(e) => {
                    tracing::warn!(error = %e, "cannot listen for SIGTERM; only Ctrl-C stops");
                    let _ = ctrl_c.await;
                }
            }
        }
        #[cfg(not(unix))]
        let _ = ctrl_c.await;
        tracing::info!("shutdown requested: finishing in-flight work");
        token.cancel();
    });
}

/// Runs `roles` until `shutdown`, then drains each and returns.
pub async fn run(
    platform: Platform,
    roles: Roles,
    shutdown: CancellationToken,
) -> Result<(), StartError> {
    if roles.api && platform.settings.migrate_on_start {
        platform.migrate().await?;
    }
    platform.register_subscriptions().await?;
    if roles.api {
        platform.bootstrap_admin().await?;
    }
    let mut tasks = JoinSet::new();
    if roles.api {
        let listener = TcpListener::bind(platform.http_addr()).await.map_err(|e| {
            StartError::Other(format!(
                "cannot listen on SEJOUR_HTTP_ADDR {}: {e}",
                platform.http_addr()
            ))
        })?;
        tracing::info!(addr = %platform.http_addr(), "API listening");
        let router = platform.router();
        let token = shutdown.clone();
        tasks.spawn(async move {
            let served = axum::serve(
                listener,
                router.into_make_service_with_connect_info::<SocketAddr>(),
            )
            .with_graceful_shutdown(token.cancelled_owned())
            .await;
            if let Err(e) = served {
                tracing::error!(error = %e, "HTTP server failed");
            }
        });
    }
    if roles.worker {
        let worker = Arc::new(platform.worker());
        tasks.spawn(worker.run(shutdown.clone()));
    }
    if roles.scheduler {
        let scheduler = platform.scheduler()?;
        tasks.spawn(scheduler.run(shutdown.clone()));
    }
    while let Some(done) = tasks.join_next().await {
        if let Err(e) = done {
            tracing::error!(error = %e, "a role stopped abnormally");
            shutdown.cancel();
        }
    }
    platform.pool.close().await;
    Ok(())
}
