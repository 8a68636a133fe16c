//! `faisceau archive`: the workshops kept across workshops.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Subcommand, ValueEnum};

use super::emit;
use crate::i18n::{Lang, Tr};
use crate::records::archive;

/// What to do with the archive.
#[derive(Debug, Subcommand)]
pub enum ArchiveCommand {
    /// List the archived workshops, oldest first.
    List,
    /// One workshop: its tables in words, or its report with --html.
    Show {
        /// Its number (the first digits are enough).
        id: String,
        /// Write the workshop's report to this HTML file.
        #[arg(long)]
        html: Option<PathBuf>,
    },
    /// Statistics per case: solve rate, time to identification, breaches by
    /// frame, traps, decisions late or missing. No trainee's name is used.
    Stats {
        /// Only this case (its id, such as foyer_fugues).
        #[arg(long = "case")]
        case: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: StatsFormat,
        /// With --format html, write the page to this file (else standard output).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Keep a finished workshop from its journal (the console does it by
    /// itself when every table has ended).
    Add {
        /// The journal written by `faisceau host`.
        journal: PathBuf,
        /// Keep the trainees' names in the archived report (personal data:
        /// only with their agreement); pseudonyms otherwise.
        #[arg(long)]
        names: bool,
    },
    /// Merge another trainer's archive; workshops already here are skipped,
    /// and names never travel.
    Import {
        /// The other archive file.
        other: PathBuf,
    },
    /// Delete a workshop from the archive, and its journal.
    Forget {
        /// Its number (the first digits are enough).
        id: String,
    },
}

/// How the statistics are written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum StatsFormat {
    /// For people.
    #[default]
    Text,
    /// For tools.
    Json,
    /// One self-contained page with charts.
    Html,
}

/// Runs an archive command on the archive at `file` (the user's own when
/// none is given).
pub fn run(command: ArchiveCommand, file: Option<&Path>, lang: Lang) -> Result<ExitCode, String> {
    let tr = Tr::new(lang);
    let file = match file {
        Some(file) => file.to_path_buf(),
        None => archive::path()?,
    };
    let mut store = archive::open(&file)?;
    match command {
        ArchiveCommand::List => {
            let entries = store.entries(None).map_err(|e| e.to_string())?;
            emit(&archive::list_text(&entries, &tr))?;
        }
        ArchiveCommand::Show { id, html } => {
            let entry = store
                .get(&id)
                .map_err(|e| e.to_string())?
                .ok_or_else(|| tr.t_args("archive-not-found", &[("id", id.clone())]))?;
            match html {
                Some(path) => {
                    if entry.report.is_empty() {
                        return Err(tr.t("archive-no-report"));
                    }
                    std::fs::write(&path, &entry.report)
                        .map_err(|e| format!("{}: {e}", path.display()))?;
                    eprintln!(
                        "{}",
                        tr.t_args("report-written", &[("file", path.display().to_string())])
                    );
                }
                None => emit(&archive::show_text(&entry, &tr))?,
            }
        }
        ArchiveCommand::Stats { case, format, out } => {
            let entries = store.entries(case.as_deref()).map_err(|e| e.to_string())?;
            let text = match format {
                StatsFormat::Text => archive::stats_text(&entries, &tr),
                StatsFormat::Json => archive::stats_json(&entries, &tr),
                StatsFormat::Html => archive::stats_html(&entries, &tr),
            };
            match out {
                Some(path) => {
                    std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
                    eprintln!(
                        "{}",
                        tr.t_args("report-written", &[("file", path.display().to_string())])
                    );
                }
                None => emit(&text)?,
            }
        }
        ArchiveCommand::Add { journal, names } => {
            drop(store);
            let (entry, fresh) = archive::keep(&journal, names, &tr, &file)?;
            let names = tr.t(if names {
                "room-archived-names"
            } else {
                "room-archived-pseudonyms"
            });
            let line = if fresh {
                tr.t_args(
                    "archive-kept",
                    &[
                        ("id", archive::short(&entry.id).to_owned()),
                        ("names", names),
                        ("file", file.display().to_string()),
                    ],
                )
            } else {
                tr.t_args(
                    "archive-kept-again",
                    &[
                        ("id", archive::short(&entry.id).to_owned()),
                        ("names", names),
                    ],
                )
            };
            emit(&format!("{line}\n"))?;
        }
        ArchiveCommand::Import { other } => {
            let (added, skipped) = store.import(&other).map_err(|e| e.to_string())?;
            emit(&format!(
                "{}\n",
                tr.t_args(
                    "archive-imported",
                    &[
                        ("added", added.to_string()),
                        ("skipped", skipped.to_string())
                    ]
                )
            ))?;
        }
        ArchiveCommand::Forget { id } => {
            let entry = store
                .forget(&id)
                .map_err(|e| e.to_string())?
                .ok_or_else(|| tr.t_args("archive-not-found", &[("id", id.clone())]))?;
            let mut out = tr.t_args(
                "archive-forgotten",
                &[("id", archive::short(&entry.id).to_owned())],
            );
            if let Some(journal) = entry.journal {
                out.push('\n');
                out.push_str(&forget_journal(Path::new(&journal), &tr));
            }
            emit(&format!("{out}\n"))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Deletes a journal and SQLite's files beside it.
fn forget_journal(journal: &Path, tr: &Tr) -> String {
    let file = [("file", journal.display().to_string())];
    if !journal.exists() {
        return tr.t_args("archive-journal-kept", &file);
    }
    for suffix in ["", "-wal", "-shm"] {
        let mut path = journal.as_os_str().to_owned();
        path.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(path));
    }
    tr.t_args("archive-journal-deleted", &file)
}
