//! What each command of the CLI does.

use std::{io::Write, process::ExitCode};

use sejour_infrastructure::{config::Settings, telemetry};
use tokio_util::sync::CancellationToken;

use crate::{
    cli::{AdminCommand, AuditCommand, Cli, Command, DemoCommand},
    platform::{Platform, StartError},
    roles::{self, Roles},
};

/// Runs the parsed command line; returns the process's exit code.
pub async fn execute(cli: Cli) -> ExitCode {
    let settings = match Settings::load(cli.config.as_deref()) {
        Ok(s) => s,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "sejour: {e}");
            return ExitCode::from(2);
        }
    };
    let command = cli.command.unwrap_or(Command::All);
    if let Command::Openapi = command {
        return print_openapi(settings);
    }
    telemetry::init_tracing(settings.log_format);
    telemetry::init_metrics();
    match run(command, settings).await {
        Ok(code) => code,
        Err(e) => {
            tracing::error!(error = %e, "sejour failed");
            let _ = writeln!(std::io::stderr(), "sejour: {e}");
            ExitCode::FAILURE
        }
    }
}

fn print_openapi(settings: Settings) -> ExitCode {
    let doc = Platform::offline(settings)
        .map_err(|e| e.to_string())
        .and_then(|p| p.openapi().to_pretty_json().map_err(|e| e.to_string()));
    match doc {
        Ok(json) => {
            let _ = writeln!(std::io::stdout(), "{json}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "sejour: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(command: Command, settings: Settings) -> Result<ExitCode, StartError> {
    let platform = Platform::connect(settings).await?;
    let roles = match command {
        Command::All => Roles::ALL,
        Command::Api => Roles {
            api: true,
            worker: false,
            scheduler: false,
        },
        Command::Worker => Roles {
            api: false,
            worker: true,
            scheduler: false,
        },
        Command::Scheduler => Roles {
            api: false,
            worker: false,
            scheduler: true,
        },
        Command::Migrate => {
            platform.migrate().await?;
            platform.register_subscriptions().await?;
            tracing::info!("migrations applied");
            return Ok(ExitCode::SUCCESS);
        }
        Command::Audit {
            command: AuditCommand::Verify,
        } => return verify_audit(&platform).await,
        Command::Admin {
            command: AdminCommand::Create { email, password },
        } => return create_admin(&platform, &email, &password).await,
        Command::Demo {
            command: DemoCommand::Seed,
        } => {
            let (mut out, mut err) = (std::io::stdout(), std::io::stderr());
            return crate::demo::run_seed(&platform, &mut out, &mut err).await;
        }
        Command::Openapi => return Ok(ExitCode::SUCCESS),
    };
    let shutdown = CancellationToken::new();
    roles::cancel_on_signals(shutdown.clone());
    roles::run(platform, roles, shutdown).await?;
    Ok(ExitCode::SUCCESS)
}

async fn verify_audit(platform: &Platform) -> Result<ExitCode, StartError> {
    use sejour_administration::application::commands::verify_audit_chain::{
        ChainVerdict, VerifyAuditChainHandler,
    };
    let audit = sejour_administration::audit_log(&platform.shared());
    match VerifyAuditChainHandler::new(audit).handle().await {
        Ok(ChainVerdict::Intact { rows, head }) => {
            let _ = writeln!(
                std::io::stdout(),
                "audit chain intact: {rows} rows verified, head {head}"
            );
            Ok(ExitCode::SUCCESS)
        }
        Ok(ChainVerdict::Broken(broken)) => {
            let _ = writeln!(
                std::io::stderr(),
                "audit chain BROKEN at row seq={}: {:?}",
                broken.seq,
                broken.reason
            );
            Ok(ExitCode::from(3))
        }
        Err(e) => Err(StartError::Other(format!("audit verification failed: {e}"))),
    }
}

async fn create_admin(
    platform: &Platform,
    email: &str,
    password: &str,
) -> Result<ExitCode, StartError> {
    platform.migrate().await?;
    platform.register_subscriptions().await?;
    let ctx = sejour_core::Ctx::system("cli", uuid::Uuid::now_v7().to_string());
    match sejour_auth::application::commands::create_admin::create_admin(
        &platform.auth,
        &ctx,
        email,
        password,
    )
    .await
    {
        Ok(user) => {
            let _ = writeln!(
                std::io::stdout(),
                "admin created: {} ({})",
                user.email.as_str(),
                user.id
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            let fields: Vec<String> = e
                .errors
                .iter()
                .map(|f| format!("{}: {}", f.field, f.message))
                .collect();
            let _ = writeln!(
                std::io::stderr(),
                "sejour: {} {}",
                e.message,
                fields.join("; ")
            );
            Ok(ExitCode::from(2))
        }
    }
}
