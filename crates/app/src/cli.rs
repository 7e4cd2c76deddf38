//! The command line of the `sejour` binary.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// Séjour: the back end of a holiday-rental management platform.
#[derive(Debug, Parser)]
#[command(name = "sejour", version, about)]
pub struct Cli {
    /// A TOML configuration file; environment variables override it.
    #[arg(long, global = true, env = "SEJOUR_CONFIG_FILE")]
    pub config: Option<PathBuf>,
    /// What to run (default: `all`).
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The roles and tools of the binary.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// API, workers and scheduler in one process (development, small agencies).
    All,
    /// The HTTP API only.
    Api,
    /// Outbox consumers and jobs only.
    Worker,
    /// Timed jobs only.
    Scheduler,
    /// Apply database migrations and exit.
    Migrate,
    /// Print the OpenAPI document and exit.
    Openapi,
    /// Administrator accounts.
    Admin {
        /// What to do.
        #[command(subcommand)]
        command: AdminCommand,
    },
    /// Audit log tools.
    Audit {
        /// What to do with the audit log.
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// Demo data.
    Demo {
        /// What to do.
        #[command(subcommand)]
        command: DemoCommand,
    },
}

/// Demo data.
#[derive(Debug, Subcommand)]
pub enum DemoCommand {
    /// Fill an EMPTY database with a demo agency (accounts, owners, properties); exit 2 if
    /// it already holds data.
    Seed,
}

/// Audit log tools.
#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Walk the hash chain; exit non-zero naming the first broken row.
    Verify,
}

/// Administrator accounts.
#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    /// Create an administrator (the first one, typically).
    Create {
        /// Sign-in email.
        #[arg(long)]
        email: String,
        /// Password (at least 10 characters, not a common one).
        #[arg(long, env = "SEJOUR_ADMIN_PASSWORD", hide_env_values = true)]
        password: String,
    },
}
