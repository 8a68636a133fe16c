//! `faisceau check PATH... [--format json] [--lang fr|en]`: every message
//! in the author's language.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use faisceau_engine::diagnostic::Diagnostic;
use faisceau_engine::load::{load_bytes, parse};
use faisceau_engine::{Analysis, Loaded};
use serde::Serialize;

use super::Format;
use crate::i18n::{Lang, Tr};

/// Every `.ron` file named or found under the paths, in a stable order.
pub fn scenario_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            collect(path, &mut files)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        } else if path.exists() {
            files.push(path.clone());
        } else {
            return Err(format!("{}: no such file or directory", path.display()));
        }
    }
    Ok(files)
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(&path, files)?;
        } else if path.extension().is_some_and(|e| e == "ron") {
            files.push(path);
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct Located<'a> {
    file: &'a str,
    line: usize,
    column: usize,
    message: &'a str,
    hint: Option<&'a str>,
}

impl<'a> Located<'a> {
    fn of(d: &'a Diagnostic, lang: Lang) -> Self {
        Located {
            file: &d.file,
            line: d.line,
            column: d.column,
            message: d.message(lang.code()),
            hint: d.hint(lang.code()),
        }
    }
}

#[derive(Serialize, Default)]
struct Counts {
    roles: usize,
    clues: usize,
    actions: usize,
    decisions: usize,
}

#[derive(Serialize)]
struct FileReport<'a> {
    file: &'a str,
    ok: bool,
    errors: Vec<Located<'a>>,
    warnings: Vec<Located<'a>>,
    languages: Vec<String>,
    /// The rulebook file the case was judged by.
    rulebook_file: Option<String>,
    counts: Option<Counts>,
    solvable: bool,
    analysis: Option<&'a Analysis>,
}

pub fn run(paths: &[PathBuf], format: Format, lang: Lang) -> Result<ExitCode, String> {
    let tr = Tr::new(lang);
    let files = scenario_files(paths)?;
    if files.is_empty() {
        return Err(tr.t("check-no-file"));
    }
    let mut failed = 0;
    let mut out = String::new();
    for path in &files {
        let name = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| format!("cannot read {name}: {e}"))?;
        if crate::rulebooks::is_suite(path) {
            failed += usize::from(!check_suite(&mut out, path, &name, &bytes, format, &tr)?);
            continue;
        }
        if crate::rulebooks::is_rulebook(path) {
            failed += usize::from(!check_rulebook(&mut out, &name, &bytes, format, &tr)?);
            continue;
        }
        let outcome: Result<Loaded, Vec<Diagnostic>> =
            load_bytes(&bytes, &name, &crate::rulebooks::shelf_for(path))
                .map_err(|err| err.diagnostics);
        // A file that fails later checks still parses: its counts help the author.
        let parsed = match &outcome {
            Ok(loaded) => Some(loaded.case.scenario().clone()),
            Err(_) => std::str::from_utf8(&bytes)
                .ok()
                .and_then(|s| parse(s, &name).ok()),
        };
        let counts = parsed.as_ref().map(|s| Counts {
            roles: s.roles.len(),
            clues: s.clues.len(),
            actions: s.actions.len(),
            decisions: s.decisions.len(),
        });
        let languages = parsed
            .as_ref()
            .map(|s| s.languages.clone())
            .unwrap_or_default();
        let diagnostics: &[Diagnostic] = match &outcome {
            Ok(loaded) => &loaded.warnings,
            Err(diagnostics) => diagnostics,
        };
        let analysis = match &outcome {
            Ok(loaded) => Some(&loaded.analysis),
            Err(_) => None,
        };
        // Which rulebook file the case was judged by (a local copy beside
        // the case, one folder up, or the built-in one), failed or not.
        let rulebook_file = match &outcome {
            Ok(loaded) => Some(loaded.case.rulebook_source().0.to_owned()),
            Err(_) => parsed.as_ref().and_then(|s| {
                use faisceau_engine::Shelf as _;
                crate::rulebooks::shelf_for(path)
                    .rulebook(s.rulebook.as_str())
                    .map(|(file, _)| file)
            }),
        };
        let ok = outcome.is_ok();
        failed += usize::from(!ok);
        match format {
            Format::Json => {
                let report = FileReport {
                    file: &name,
                    ok,
                    errors: located(diagnostics, true, lang),
                    warnings: located(diagnostics, false, lang),
                    languages,
                    rulebook_file: rulebook_file.clone(),
                    counts,
                    solvable: analysis.is_some_and(|a| a.solvable),
                    analysis,
                };
                write_report(&mut out, &report)?;
            }
            Format::Human => {
                let (errors, warnings) = write_diagnostics(&mut out, diagnostics, lang);
                match (&outcome, counts) {
                    (Ok(loaded), Some(counts)) => {
                        let s = loaded.case.scenario();
                        let _ = writeln!(
                            out,
                            "{}",
                            tr.t_args(
                                "check-case-ok",
                                &[
                                    ("file", name.clone()),
                                    ("title", s.title.get(lang.code()).to_owned())
                                ]
                            )
                        );
                        let _ = writeln!(
                            out,
                            "  {}",
                            tr.t_args(
                                "check-case-counts",
                                &[
                                    ("roles", count(&tr, "check-roles", counts.roles)),
                                    ("clues", count(&tr, "check-clues", counts.clues)),
                                    ("actions", count(&tr, "check-actions", counts.actions)),
                                    ("decisions", count(&tr, "check-decisions", counts.decisions)),
                                    ("languages", languages.join(", ")),
                                    ("warnings", count(&tr, "check-warnings", warnings)),
                                ]
                            )
                        );
                        let book = loaded.case.rulebook();
                        let (book_file, _) = loaded.case.rulebook_source();
                        let _ = writeln!(
                            out,
                            "  {}",
                            tr.t_args(
                                "check-case-rulebook",
                                &[
                                    ("rulebook", book.id.to_string()),
                                    ("file", book_file.to_owned()),
                                    ("date", book.law_as_of.clone()),
                                ]
                            )
                        );
                        print_analysis(&mut out, &loaded.analysis, &tr);
                    }
                    _ => {
                        write_failed(&mut out, &name, errors, warnings, &tr);
                        if let Some(file) = &rulebook_file {
                            let _ = writeln!(
                                out,
                                "  {}",
                                tr.t_args("check-rulebook-read", &[("file", file.clone())])
                            );
                        }
                    }
                }
                let _ = writeln!(out);
            }
        }
    }
    if format == Format::Human {
        let _ = writeln!(
            out,
            "{}",
            tr.t_args(
                "check-summary",
                &[
                    ("files", count(&tr, "check-files", files.len())),
                    ("ok", (files.len() - failed).to_string()),
                    ("failed", failed.to_string()),
                ]
            )
        );
    }
    super::emit(&out)?;
    Ok(if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Checks a verdict suite: every name it uses, then every share judged as
/// it expects (a difference is an error) and every frame and exception of
/// the rulebook checked by some line (a gap is a warning).
fn check_suite(
    out: &mut String,
    path: &Path,
    name: &str,
    bytes: &[u8],
    format: Format,
    tr: &Tr,
) -> Result<bool, String> {
    use faisceau_engine::diagnostic::Severity;
    let text = String::from_utf8_lossy(bytes);
    let book_path = crate::rulebooks::suite_rulebook(path);
    let book_name = book_path.display().to_string();
    let book_text = std::fs::read_to_string(&book_path)
        .map_err(|e| format!("{name}: cannot read its rulebook {book_name}: {e}"))?;
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    let mut summary = None;
    match faisceau_engine::load_rulebook(&book_text, &book_name) {
        Err(err) => diagnostics.extend(err.diagnostics),
        Ok(loaded) => match faisceau_engine::load_suite(&text, name, &loaded.rulebook) {
            Err(err) => diagnostics.extend(err.diagnostics),
            Ok(suite) => {
                let verification = faisceau_engine::verdicts::verify(&loaded.rulebook, &suite)
                    .map_err(|_| format!("{name}: names the rulebook does not know"))?;
                let at = |line: usize| {
                    let needle = format!("shares[{line}]");
                    let map = faisceau_engine::locate::SourceMap::build(&text);
                    let place = map.resolve_item(&needle);
                    (place.line, place.column)
                };
                for played in verification.played.iter().filter(|p| !p.agrees) {
                    let share = &suite.shares[played.line];
                    let (line, column) = at(played.line);
                    diagnostics.push(Diagnostic::at(
                        Severity::Error,
                        name,
                        &text,
                        line,
                        column,
                        {
                            let number = played.line + 1;
                            let (expect, judged) = (format!("{:?}", share.expect), format!("{:?}", played.judged));
                            let (from, to, class, frame) = (&share.from, &share.to, &share.class, &share.frame);
                            faisceau_engine::say!(
                                "share {number}: expected {expect}, the rulebook judges {judged} ({from} → {to}, `{class}` through `{frame}`)",
                                "partage n° {number} : attendu {expect}, le référentiel juge {judged} ({from} → {to}, `{class}` par `{frame}`)"
                            )
                        },
                        Some(faisceau_engine::say!(
                            "correct the rulebook's rule, or this line if the law says otherwise",
                            "corrigez la règle du référentiel, ou cette ligne si la loi dit autre chose"
                        )),
                    ));
                }
                for frame in &verification.frames_without_line {
                    diagnostics.push(Diagnostic::at(
                        Severity::Warning,
                        name,
                        &text,
                        1,
                        1,
                        faisceau_engine::say!(
                            "no line checks the frame `{frame}`",
                            "aucune ligne ne vérifie le cadre `{frame}`"
                        ),
                        Some(faisceau_engine::say!(
                            "add a share through it with the verdict the law gives",
                            "ajoutez un partage par ce cadre, avec le verdict que donne la loi"
                        )),
                    ));
                }
                for (frame, e) in &verification.exceptions_without_line {
                    diagnostics.push(Diagnostic::at(
                        Severity::Warning,
                        name,
                        &text,
                        1,
                        1,
                        {
                            let number = e + 1;
                            faisceau_engine::say!(
                                "no line checks exception {number} of the frame `{frame}`",
                                "aucune ligne ne vérifie l'exception n° {number} du cadre `{frame}`"
                            )
                        },
                        Some(faisceau_engine::say!(
                            "add a share that this exception decides",
                            "ajoutez un partage que cette exception tranche"
                        )),
                    ));
                }
                summary = Some((suite.shares.len(), verification.differences()));
            }
        },
    }
    let ok = summary.is_some_and(|(_, differences)| differences == 0)
        && !diagnostics.iter().any(Diagnostic::is_error);
    match format {
        Format::Json => {
            let report = FileReport {
                file: name,
                ok,
                errors: located(&diagnostics, true, tr.lang()),
                warnings: located(&diagnostics, false, tr.lang()),
                languages: Vec::new(),
                rulebook_file: Some(book_name.clone()),
                counts: None,
                solvable: false,
                analysis: None,
            };
            write_report(out, &report)?;
        }
        Format::Human => {
            let _ = write_diagnostics(out, &diagnostics, tr.lang());
            if let (true, Some((shares, _))) = (ok, summary) {
                let _ = writeln!(
                    out,
                    "{}",
                    tr.t_args(
                        "check-suite-ok",
                        &[
                            ("file", name.to_owned()),
                            ("shares", shares.to_string()),
                            ("rulebook", book_name.clone()),
                        ]
                    )
                );
            }
        }
    }
    Ok(ok)
}

/// Checks a rulebook file on its own; whether it loaded.
fn check_rulebook(
    out: &mut String,
    name: &str,
    bytes: &[u8],
    format: Format,
    tr: &Tr,
) -> Result<bool, String> {
    let text = String::from_utf8_lossy(bytes);
    let outcome = faisceau_engine::load_rulebook(&text, name);
    let diagnostics: &[Diagnostic] = match &outcome {
        Ok(loaded) => &loaded.warnings,
        Err(err) => &err.diagnostics,
    };
    let ok = outcome.is_ok();
    match format {
        Format::Json => {
            let report = FileReport {
                file: name,
                ok,
                errors: located(diagnostics, true, tr.lang()),
                warnings: located(diagnostics, false, tr.lang()),
                languages: outcome
                    .as_ref()
                    .map(|l| l.rulebook.languages.clone())
                    .unwrap_or_default(),
                rulebook_file: None,
                counts: None,
                solvable: false,
                analysis: None,
            };
            write_report(out, &report)?;
        }
        Format::Human => {
            let (errors, warnings) = write_diagnostics(out, diagnostics, tr.lang());
            match &outcome {
                Ok(loaded) => {
                    let book = &loaded.rulebook;
                    let _ = writeln!(
                        out,
                        "{}",
                        tr.t_args(
                            "check-rulebook-ok",
                            &[
                                ("file", name.to_owned()),
                                ("name", book.name.get(tr.lang().code()).to_owned()),
                            ]
                        )
                    );
                    let _ = writeln!(
                        out,
                        "  {}",
                        tr.t_args(
                            "check-rulebook-counts",
                            &[
                                (
                                    "professions",
                                    count(tr, "check-professions", book.professions.len())
                                ),
                                ("kinds", count(tr, "check-kinds", book.classes.len())),
                                ("acts", count(tr, "check-acts", book.acts.len())),
                                ("frames", count(tr, "check-frames", book.frames.len())),
                                ("date", book.law_as_of.clone()),
                                ("points", count(tr, "check-points", book.to_confirm.len())),
                            ]
                        )
                    );
                }
                Err(_) => write_failed(out, name, errors, warnings, tr),
            }
            let _ = writeln!(out);
        }
    }
    Ok(ok)
}

/// One file's JSON report, on its own line.
fn write_report(out: &mut String, report: &FileReport<'_>) -> Result<(), String> {
    let line = serde_json::to_string(report).map_err(|e| e.to_string())?;
    let _ = writeln!(out, "{line}");
    Ok(())
}

/// Prints each diagnostic; returns how many are errors and how many warnings.
fn write_diagnostics(out: &mut String, diagnostics: &[Diagnostic], lang: Lang) -> (usize, usize) {
    for diagnostic in diagnostics {
        let _ = writeln!(out, "{}", diagnostic.in_lang(lang.code()));
    }
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    (errors, diagnostics.len() - errors)
}

/// The summary line of a file that did not load.
fn write_failed(out: &mut String, name: &str, errors: usize, warnings: usize, tr: &Tr) {
    let _ = writeln!(
        out,
        "{}",
        tr.t_args(
            "check-failed",
            &[
                ("file", name.to_owned()),
                ("errors", count(tr, "check-errors", errors)),
                ("warnings", count(tr, "check-warnings", warnings)),
            ]
        )
    );
}

/// The errors, or the warnings, of a file for the JSON report.
fn located(diagnostics: &[Diagnostic], errors: bool, lang: Lang) -> Vec<Located<'_>> {
    diagnostics
        .iter()
        .filter(|d| d.is_error() == errors)
        .map(|d| Located::of(d, lang))
        .collect()
}

/// "1 indice", "2 clues": a count with its noun, in the language of `tr`.
fn count(tr: &Tr, key: &str, n: usize) -> String {
    tr.t_args(key, &[("count", n.to_string())])
}

fn print_analysis(out: &mut String, analysis: &Analysis, tr: &Tr) {
    let _ = writeln!(
        out,
        "  {}",
        tr.t_args(
            "check-solvable",
            &[
                (
                    "solvable",
                    tr.t(if analysis.solvable {
                        "check-yes"
                    } else {
                        "check-no"
                    })
                ),
                ("clues", count(tr, "check-clues", analysis.reachable_clues)),
                (
                    "actions",
                    count(tr, "check-actions", analysis.reachable_actions)
                ),
                (
                    "decisions",
                    count(tr, "check-decisions", analysis.reachable_decisions)
                ),
            ]
        )
    );
    if !analysis.bundle.is_empty() {
        let bundle: Vec<String> = analysis
            .bundle
            .iter()
            .map(|b| format!("{} {}/{}", b.category, b.reachable, b.required))
            .collect();
        let _ = writeln!(
            out,
            "  {}",
            tr.t_args("check-bundle", &[("bundle", bundle.join(", "))])
        );
    }
    let reach: Vec<String> = analysis
        .role_reach
        .iter()
        .map(|r| {
            format!(
                "{} {}+{}",
                r.role,
                r.discoverable,
                r.knowable - r.discoverable.min(r.knowable)
            )
        })
        .collect();
    let _ = writeln!(
        out,
        "  {}",
        tr.t_args("check-role-reach", &[("reach", reach.join(", "))])
    );
}
