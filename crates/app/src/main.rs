//! `sejour`: the one binary of the platform. See `sejour --help`.

use std::process::ExitCode;

use clap::Parser;
use sejour::cli::Cli;

#[tokio::main]
async fn main() -> ExitCode {
    sejour::commands::execute(Cli::parse()).await
}
