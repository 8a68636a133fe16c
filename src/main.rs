//! `faisceau`: the command line of the Faisceau training simulation.

// The browser client (wasm32) is the trainee's part of the app only, drawn
// by eframe: no Bevy, host, journal, archive or command line; what only
// they use is not built.
#![cfg_attr(target_arch = "wasm32", allow(dead_code, unused_imports))]

#[cfg(not(target_arch = "wasm32"))]
mod app;
#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(not(target_arch = "wasm32"))]
mod cli;
mod i18n;
#[cfg(not(target_arch = "wasm32"))]
mod map;
mod net;
mod records;
mod rulebooks;
mod ui;
mod views;

#[cfg(not(target_arch = "wasm32"))]
use std::process::ExitCode;

#[cfg(not(target_arch = "wasm32"))]
use clap::Parser;

#[cfg(not(target_arch = "wasm32"))]
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

/// In a browser: the trainee's client, joining the workshop that served the page.
#[cfg(target_arch = "wasm32")]
fn main() {
    browser::run();
}
