//! Subcommands. Each reads files and prints; the rules live in the engine.

mod archive;
mod check;
mod debrief;
mod map;
mod migrate;
pub mod net;
mod rulebook;
mod simulate;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::i18n::Lang;

/// Faisceau: a networked training simulation for identifying minors who are
/// victims of, or at risk of, sexual exploitation and trafficking.
#[derive(Debug, Parser)]
#[command(name = "faisceau", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Interface language of the launcher (fr or en); else the system's, else French.
    #[arg(long)]
    lang: Option<String>,
    /// Save the launcher's first laid-out frame as a PNG and exit.
    #[arg(long)]
    screenshot: Option<PathBuf>,
}

/// A screen to open (and capture) directly.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ScreenArg {
    /// The case picker.
    Picker,
    /// The role card.
    Card,
    /// The trainee desk.
    Desk,
    /// Every role side by side, and the trainer console.
    Preview,
    /// The trainer console of the author preview.
    Trainer,
    /// The map and figures of the author preview.
    Map,
    /// The debrief.
    Debrief,
    /// The join form.
    Join,
    /// The lobby of a workshop.
    Lobby,
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
        /// Language of the messages (fr or en); else the system's, else French.
        #[arg(long)]
        lang: Option<String>,
    },
    /// Play a case on this machine: you take one role, bots play the others at a human pace.
    Play {
        /// The scenario file.
        scenario: PathBuf,
        /// The role you play; without it, the case picker opens on this case.
        #[arg(long)]
        role: Option<String>,
        /// Seed of the session's uncertain outcomes.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Interface language (fr or en); else the system's, else French.
        #[arg(long)]
        lang: Option<String>,
        /// Save the first laid-out frame as a PNG and exit.
        #[arg(long)]
        screenshot: Option<PathBuf>,
        /// Open this screen directly.
        #[arg(long, value_enum)]
        screen: Option<ScreenArg>,
        /// Let bots play every role, yours included, for this many phases first (to show a table in progress).
        #[arg(long, default_value_t = 0)]
        warmup: u32,
        /// Open the projector window at once; with --screenshot, capture it.
        #[arg(long)]
        projector: bool,
        /// Window size, WIDTHxHEIGHT.
        #[arg(long, default_value = "1280x720")]
        size: String,
        /// Start in the high-contrast theme (also in the launcher's settings).
        #[arg(long)]
        high_contrast: bool,
    },
    /// Host a workshop: trainees join from their laptops with the code shown.
    Host(net::HostArgs),
    /// Join a workshop: find it on the network (or give its address) and type its code.
    Join(net::JoinArgs),
    /// Rebuild every table's debrief from a workshop's journal and print it.
    Debrief {
        /// The journal written by `faisceau host`.
        journal: PathBuf,
        /// Language (fr or en); else the system's, else French.
        #[arg(long)]
        lang: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
        /// Write the workshop's report to this file: one self-contained HTML
        /// page ready to print on A4 (the PEARLS prompts, two pages per
        /// table, the teaching points and the legal bases).
        #[arg(long)]
        html: Option<PathBuf>,
        /// With --html: add a personal page for each trainee, with their name.
        #[arg(long, requires = "html")]
        trainees: bool,
    },
    /// The archive of finished workshops: list, show, statistics, import, forget.
    Archive {
        /// What to do.
        #[command(subcommand)]
        what: archive::ArchiveCommand,
        /// The archive file; the one in your data directory when omitted.
        #[arg(long, global = true)]
        file: Option<PathBuf>,
        /// Language (fr or en); else the system's, else French.
        #[arg(long, global = true)]
        lang: Option<String>,
    },
    /// Print a rulebook as tables a lawyer can review: frames, who to whom, what they carry, verdicts, bases.
    Rulebook {
        /// The rulebook file, such as scenarios/rulebooks/france.ron.
        file: PathBuf,
        /// Language (fr or en); else the system's, else French.
        #[arg(long)]
        lang: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: rulebook::RulebookFormat,
        /// Play this verdict suite against the rulebook: a table of each share,
        /// the verdict expected and the one judged; exits non-zero on any difference.
        #[arg(long)]
        verify: Option<PathBuf>,
    },
    /// The case on one page: roles, clues, key shares and their frames, decisions, traps, injects, with simulated figures.
    Map {
        /// The scenario file.
        scenario: PathBuf,
        /// Write a self-contained HTML page (one A3 landscape sheet) to this file instead of text.
        #[arg(long)]
        html: Option<PathBuf>,
        /// Language (fr or en); else the system's, else French.
        #[arg(long)]
        lang: Option<String>,
        /// Simulated runs for the figures (0: none).
        #[arg(long, default_value_t = crate::map::RUNS)]
        runs: usize,
        /// The first seed of the simulated runs.
        #[arg(long, default_value_t = crate::map::SEED)]
        seed: u64,
    },
    /// An old-format case: its sharing rules beside the verdicts the rulebook gives them, and the overrides that would keep them.
    Migrate {
        /// The case in the old format (with `sharing_rules`).
        scenario: PathBuf,
        /// Language (fr or en); else the system's, else French.
        #[arg(long)]
        lang: Option<String>,
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

/// The case library next to the working directory, for the launcher and the picker.
/// The shipped cases: `scenarios/` in the current folder, else beside the
/// program (its folder or one above it, as in a build tree or an unpacked
/// release), so that the app finds them wherever it is started from.
fn library() -> Vec<PathBuf> {
    let mut folders = vec![PathBuf::from("scenarios")];
    if let Ok(exe) = std::env::current_exe() {
        folders.extend(
            exe.ancestors()
                .skip(1)
                .take(4)
                .map(|dir| dir.join("scenarios")),
        );
    }
    folders
        .iter()
        .filter(|dir| dir.is_dir())
        .map(|dir| {
            check::scenario_files(std::slice::from_ref(dir))
                .unwrap_or_default()
                .into_iter()
                .filter(|p| !crate::rulebooks::is_rulebook(p) && !crate::rulebooks::is_suite(p))
                .collect::<Vec<_>>()
        })
        .find(|cases| !cases.is_empty())
        .unwrap_or_default()
}

fn screen_of(arg: ScreenArg) -> crate::app::Screen {
    use crate::app::Screen;
    match arg {
        ScreenArg::Picker => Screen::Picker,
        ScreenArg::Card => Screen::RoleCard,
        ScreenArg::Desk => Screen::Desk,
        ScreenArg::Preview | ScreenArg::Trainer | ScreenArg::Map => Screen::Preview,
        ScreenArg::Debrief => Screen::Debrief,
        ScreenArg::Join => Screen::JoinForm,
        ScreenArg::Lobby => Screen::Lobby,
    }
}

fn parse_size(size: &str) -> Result<(u32, u32), String> {
    let (w, h) = size
        .split_once('x')
        .ok_or_else(|| format!("--size {size}: expected WIDTHxHEIGHT, such as 1600x1000"))?;
    match (w.parse(), h.parse()) {
        (Ok(w), Ok(h)) => Ok((w, h)),
        _ => Err(format!(
            "--size {size}: expected WIDTHxHEIGHT, such as 1600x1000"
        )),
    }
}

fn exit_code(exit: bevy::app::AppExit) -> ExitCode {
    if exit.is_success() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Diagnostics in the reader's language, one after the other: the error a
/// command returns when its file does not load.
fn in_words(diagnostics: &[faisceau_engine::Diagnostic], lang: Lang) -> String {
    diagnostics
        .iter()
        .map(|d| d.in_lang(lang.code()).to_string())
        .collect::<Vec<_>>()
        .join("\n")
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
        Some(Command::Check {
            paths,
            format,
            lang,
        }) => check::run(&paths, format, Lang::detect(lang.as_deref())),
        Some(Command::Host(args)) => {
            if args.headless {
                return net::host_headless(args);
            }
            let workshop = net::open_workshop(&args)?;
            let pace = std::time::Duration::from_millis(args.bot_pace_ms);
            let launch = crate::app::Launch {
                library: library(),
                lang: Lang::detect(args.lang.as_deref()),
                screenshot: args.screenshot,
                screen: Some(crate::app::Screen::HostConsole),
                projector: args.projector,
                projector_open: !args.no_projector,
                seed: args.seed,
                size: parse_size(&args.size)?,
                ..Default::default()
            };
            Ok(exit_code(crate::app::run_with(launch, move |app| {
                app.insert_resource(crate::net::host::Host::new(workshop, pace, None));
            })))
        }
        Some(Command::Join(args)) => {
            if args.bot {
                return net::join_bot(args);
            }
            let launch = crate::app::Launch {
                library: library(),
                lang: Lang::detect(args.lang.as_deref()),
                screenshot: args.screenshot,
                screen: Some(args.screen.map_or(crate::app::Screen::JoinForm, screen_of)),
                seed: 1,
                size: parse_size(&args.size)?,
                net: Some(crate::app::NetLaunch::Join {
                    address: args.addr,
                    code: args.code,
                    name: args.name,
                    seat: args
                        .role
                        .map(|role| (args.table.unwrap_or(1).saturating_sub(1), role)),
                }),
                ..Default::default()
            };
            Ok(exit_code(crate::app::run(launch)))
        }
        Some(Command::Debrief {
            journal,
            lang,
            format,
            html,
            trainees,
        }) => match html {
            Some(file) => debrief::report(&journal, Lang::detect(lang.as_deref()), &file, trainees),
            None => debrief::run(&journal, Lang::detect(lang.as_deref()), format),
        },
        Some(Command::Archive { what, file, lang }) => {
            archive::run(what, file.as_deref(), Lang::detect(lang.as_deref()))
        }
        Some(Command::Map {
            scenario,
            html,
            lang,
            runs,
            seed,
        }) => map::run(
            &scenario,
            html.as_deref(),
            Lang::detect(lang.as_deref()),
            runs,
            seed,
        ),
        Some(Command::Migrate { scenario, lang }) => {
            migrate::run(&scenario, Lang::detect(lang.as_deref()))
        }
        Some(Command::Simulate {
            scenario,
            runs,
            seed,
            format,
        }) => simulate::run(&scenario, runs, seed, format),
        Some(Command::Rulebook {
            file,
            lang,
            format,
            verify,
        }) => rulebook::run(
            &file,
            Lang::detect(lang.as_deref()),
            format,
            verify.as_deref(),
        ),
        Some(Command::Play {
            scenario,
            role,
            seed,
            lang,
            screenshot,
            screen,
            warmup,
            size,
            projector,
            high_contrast,
        }) => {
            if !scenario.exists() {
                return Err(format!("{}: no such file", scenario.display()));
            }
            // Without --screen, the play flow opens on the role card, or the picker.
            let first = if role.is_some() {
                crate::app::Screen::RoleCard
            } else {
                crate::app::Screen::Picker
            };
            let opening = screen.map_or(first, screen_of);
            let launch = crate::app::Launch {
                library: library(),
                play: Some((scenario, role)),
                seed,
                lang: Lang::detect(lang.as_deref()),
                screenshot,
                screen: Some(opening),
                console: screen == Some(ScreenArg::Trainer),
                map: screen == Some(ScreenArg::Map),
                projector,
                projector_open: false,
                warmup,
                size: parse_size(&size)?,
                net: None,
                high_contrast,
            };
            Ok(exit_code(crate::app::run(launch)))
        }
        None => {
            let launch = crate::app::Launch {
                library: library(),
                lang: Lang::detect(cli.lang.as_deref()),
                screenshot: cli.screenshot,
                seed: 1,
                size: (1280, 720),
                net: None,
                ..Default::default()
            };
            Ok(exit_code(crate::app::run(launch)))
        }
    }
}
