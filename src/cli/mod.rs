//! Subcommands. Each reads files and prints; the rules live in the engine.

mod check;
mod simulate;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// Faisceau: a networked training simulation for identifying minors who are
/// victims of, or at risk of, sexual exploitation and trafficking.
#[derive(Debug, Parser)]
#[command(name = "faisceau", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

/// How results are printed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For people.
    #[default]
    Human,
    /// For tools: one JSON object per file (JSON Lines).
    Json,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate scenarios: every error with file:line:column and a hint, then an analysis.
    Check {
        /// Scenario files, or directories whose .ron files are all checked.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Play bot teams headless and report solve rate, durations, clues found and breaches.
    Simulate {
        /// The scenario file.
        scenario: PathBuf,
        /// How many sessions to play.
        #[arg(long, default_value_t = 100)]
        runs: usize,
        /// The first seed; run i uses seed + i.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
}

/// Prints a command's output; a reader that went away (`| head`) is not an error.
fn emit(out: &str) -> Result<(), String> {
    use std::io::Write;
    match std::io::stdout().lock().write_all(out.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.to_string()),
        _ => Ok(()),
    }
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<ExitCode, String> {
    match cli.command {
        Some(Command::Check { paths, format }) => check::run(&paths, format),
        Some(Command::Simulate {
            scenario,
            runs,
            seed,
            format,
        }) => simulate::run(&scenario, runs, seed, format),
        None => {
            use clap::CommandFactory;
            let mut command = Cli::command();
            command.print_help().map_err(|e| e.to_string())?;
            println!();
            println!("The graphical launcher arrives with the desktop app; for now, try:");
            println!("  faisceau check scenarios/");
            println!("  faisceau simulate scenarios/foyer_fugues.ron --runs 500");
            Ok(ExitCode::SUCCESS)
        }
    }
}
