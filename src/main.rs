//! `faisceau`: the command line of the Faisceau training simulation.

mod app;
mod archive;
mod cli;
mod i18n;
mod net;
mod report;
mod rulebooks;
mod ui;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("faisceau: {message}");
            ExitCode::from(2)
        }
    }
}
