//! `faisceau rulebook FILE [--lang fr|en] [--format md|json] [--verify SUITE]`:
//! a rulebook as tables a lawyer can review and annotate, and its verdict
//! suite played against it.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use faisceau_engine::Id;
use faisceau_engine::rulebook::{Carries, Closed, Frame, Rulebook, Secrecy, Verdict};
use faisceau_engine::verdicts::{Expected, Suite, Verification};

use crate::i18n::{Lang, Tr};

/// What `faisceau rulebook` prints.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum RulebookFormat {
    /// Markdown tables, for review.
    #[default]
    Md,
    /// The rulebook as JSON.
    Json,
}

pub fn run(
    path: &Path,
    lang: Lang,
    format: RulebookFormat,
    verify: Option<&Path>,
) -> Result<ExitCode, String> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {name}: {e}"))?;
    let loaded = match faisceau_engine::load_rulebook(&text, &name) {
        Ok(loaded) => loaded,
        Err(err) => {
            for diagnostic in &err.diagnostics {
                eprintln!("{}", diagnostic.in_lang(lang.code()));
            }
            return Ok(ExitCode::FAILURE);
        }
    };
    for warning in &loaded.warnings {
        eprintln!("{warning}");
    }
    let book = &loaded.rulebook;
    let tr = Tr::new(lang);
    if let Some(suite_path) = verify {
        let Some((suite, verification)) = read_suite(book, suite_path)? else {
            return Ok(ExitCode::FAILURE);
        };
        let out = match format {
            RulebookFormat::Md => suite_table(book, &suite, &verification, &tr),
            RulebookFormat::Json => {
                serde_json::to_string_pretty(&verification).map_err(|e| e.to_string())? + "\n"
            }
        };
        super::emit(&out)?;
        let differences = verification.differences();
        if differences > 0 {
            eprintln!(
                "{}",
                tr.t_args(
                    "rb-suite-differences",
                    &[("count", differences.to_string())]
                )
            );
            return Ok(ExitCode::FAILURE);
        }
        return Ok(ExitCode::SUCCESS);
    }
    let out = match format {
        RulebookFormat::Md => {
            let mut out = markdown(book, &tr);
            // The suite beside the rulebook, when there is one, goes with it.
            let beside = crate::rulebooks::suite_beside(path);
            if beside.exists()
                && let Some((suite, verification)) = read_suite(book, &beside)?
            {
                out.push('\n');
                out.push_str(&suite_table(book, &suite, &verification, &tr));
            }
            out
        }
        RulebookFormat::Json => {
            serde_json::to_string_pretty(book).map_err(|e| e.to_string())? + "\n"
        }
    };
    super::emit(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// Reads a suite and plays it; its errors go to standard error, located.
fn read_suite(book: &Rulebook, path: &Path) -> Result<Option<(Suite, Verification)>, String> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {name}: {e}"))?;
    match faisceau_engine::load_suite(&text, &name, book) {
        Ok(suite) => {
            let verification = faisceau_engine::verdicts::verify(book, &suite)
                .map_err(|_| format!("{name}: names the rulebook does not know"))?;
            Ok(Some((suite, verification)))
        }
        Err(err) => {
            let lang = crate::i18n::Lang::detect(None);
            for diagnostic in &err.diagnostics {
                eprintln!("{}", diagnostic.in_lang(lang.code()));
            }
            Ok(None)
        }
    }
}

fn expected_name(tr: &Tr, expected: Expected) -> String {
    match expected {
        Expected::Allowed => verdict(tr, Verdict::Allowed),
        Expected::Caution => verdict(tr, Verdict::Caution),
        Expected::Breach => verdict(tr, Verdict::Breach),
        Expected::Closed => tr.t("rb-closed"),
    }
}

/// Why a frame is closed, in words read from the rulebook.
fn closed_why(book: &Rulebook, tr: &Tr, closed: &Closed) -> String {
    match closed {
        Closed::NoSituation { situation, .. } => book
            .situation(situation.as_str())
            .map_or(situation.to_string(), |s| {
                crate::ui::text(tr, &s.absent).to_owned()
            }),
        Closed::NoAct { act, .. } => {
            let act = book
                .act(act.as_str())
                .map_or(act.to_string(), |a| crate::ui::text(tr, &a.name).to_owned());
            tr.t_args("rb-closed-no-act", &[("act", act)])
        }
        Closed::NotFrom { .. } | Closed::NotTo { .. } => tr.t("rb-closed-between"),
        Closed::OutOfScope { .. } => tr.t("rb-closed"),
    }
}

/// The suite played against the rulebook, as a table: one row per share,
/// what the law gives it, what the rulebook judges, and the basis; a
/// difference is marked ✗. Then the frames and exceptions no line checks.
pub fn suite_table(book: &Rulebook, suite: &Suite, verification: &Verification, tr: &Tr) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "## {}\n", tr.t("rb-suite"));
    let _ = writeln!(out, "{}\n", tr.t("rb-suite-intro"));
    let _ = writeln!(out, "| {} |\n|---|---|---|---|---|", tr.t("rb-suite-head"));
    for (share, played) in suite.shares.iter().zip(&verification.played) {
        let profession = |id: &Id| {
            book.profession(id.as_str())
                .map_or(id.to_string(), |p| crate::ui::text(tr, &p.name).to_owned())
        };
        let class = book
            .class(share.class.as_str())
            .map_or(share.class.to_string(), |c| {
                crate::ui::text(tr, &c.name).to_owned()
            });
        let frame = book
            .frame(share.frame.as_str())
            .map_or(share.frame.to_string(), |f| {
                crate::ui::text(tr, &f.name).to_owned()
            });
        let mut what = tr.t_args(
            "rb-suite-share",
            &[
                ("from", profession(&share.from)),
                ("to", profession(&share.to)),
                ("class", class),
                ("frame", frame),
            ],
        );
        if !share.relevant {
            what.push_str(&format!(" ({})", tr.t("rb-suite-not-relevant")));
        }
        let situations: Vec<String> = share
            .situations
            .iter()
            .map(|id| {
                book.situation(id.as_str())
                    .map_or(id.to_string(), |s| crate::ui::text(tr, &s.name).to_owned())
            })
            .collect();
        what.push_str("<br>");
        what.push_str(&if situations.is_empty() {
            tr.t("rb-suite-no-situation")
        } else {
            tr.t_args("rb-suite-situations", &[("list", situations.join(" ; "))])
        });
        if let Some(act) = &share.after {
            let act = book
                .act(act.as_str())
                .map_or(act.to_string(), |a| crate::ui::text(tr, &a.name).to_owned());
            what.push_str(&format!(
                " · {}",
                tr.t_args("rb-suite-after", &[("act", act)])
            ));
        }
        let mut judged = expected_name(tr, played.judged);
        if let Some(closed) = &played.closed {
            judged.push_str(&format!(" : {}", closed_why(book, tr, closed)));
        }
        let judged = if played.agrees {
            format!("**{judged}**")
        } else {
            format!("✗ **{judged}**")
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {judged} | {} |",
            played.line + 1,
            cell(&what),
            expected_name(tr, share.expect),
            cell(crate::ui::text(tr, &share.basis))
        );
    }
    let differences = verification.differences();
    let _ = writeln!(
        out,
        "\n{}",
        if differences == 0 {
            tr.t_args("rb-suite-ok", &[("count", suite.shares.len().to_string())])
        } else {
            tr.t_args(
                "rb-suite-differences",
                &[("count", differences.to_string())],
            )
        }
    );
    for frame in &verification.frames_without_line {
        let _ = writeln!(
            out,
            "\n- {}",
            tr.t_args("rb-suite-frame-unchecked", &[("frame", frame.to_string())])
        );
    }
    for (frame, e) in &verification.exceptions_without_line {
        let _ = writeln!(
            out,
            "\n- {}",
            tr.t_args(
                "rb-suite-exception-unchecked",
                &[
                    ("frame", frame.to_string()),
                    ("number", (e + 1).to_string())
                ]
            )
        );
    }
    out
}

/// A table cell: one line, with `|` escaped.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

fn names(book: &Rulebook, tr: &Tr, ids: &[Id]) -> String {
    if ids.is_empty() {
        return tr.t("rb-anyone");
    }
    ids.iter()
        .map(|id| {
            book.profession(id.as_str())
                .map_or(id.to_string(), |p| crate::ui::text(tr, &p.name).to_owned())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn classes(book: &Rulebook, tr: &Tr, ids: &[Id]) -> String {
    ids.iter()
        .map(|id| {
            book.class(id.as_str())
                .map_or(id.to_string(), |c| crate::ui::text(tr, &c.name).to_owned())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn secrecy(tr: &Tr, secrecy: Secrecy) -> String {
    tr.t(match secrecy {
        Secrecy::Professional => "rb-secrecy-professional",
        Secrecy::Discretion => "rb-secrecy-discretion",
        Secrecy::None => "rb-secrecy-none",
    })
}

fn verdict(tr: &Tr, verdict: Verdict) -> String {
    crate::ui::verdict_name(tr, verdict)
}

fn carries(tr: &Tr, carries: Carries) -> String {
    tr.t(match carries {
        Carries::StrictlyNecessary => "rb-carries-strict",
        Carries::Facts => "rb-carries-facts",
        Carries::WholeFile => "rb-carries-file",
    })
}

/// The rulebook as Markdown: professions, kinds of information, acts, then
/// one row per frame and per exception, then the points to confirm.
pub fn markdown(book: &Rulebook, tr: &Tr) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", crate::ui::text(tr, &book.name));
    let _ = writeln!(
        out,
        "{}\n",
        tr.t_args(
            "rb-as-of",
            &[
                ("date", book.law_as_of.clone()),
                ("id", book.id.to_string())
            ]
        )
    );
    let _ = writeln!(out, "{}\n", tr.t("rb-generated"));

    let _ = writeln!(out, "## {}\n", tr.t("rb-professions"));
    let _ = writeln!(
        out,
        "| {} |\n|---|---|---|---|",
        tr.t("rb-professions-head")
    );
    for p in &book.professions {
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} |",
            p.id,
            cell(crate::ui::text(tr, &p.name)),
            secrecy(tr, p.secrecy),
            cell(crate::ui::text(tr, &p.basis))
        );
    }

    let _ = writeln!(out, "\n## {}\n", tr.t("rb-classes"));
    let _ = writeln!(out, "| {} |\n|---|---|---|", tr.t("rb-classes-head"));
    for c in &book.classes {
        let kind = if c.record {
            tr.t("rb-record")
        } else {
            tr.t("rb-fact")
        };
        let _ = writeln!(
            out,
            "| `{}` | {} | {kind} |",
            c.id,
            cell(crate::ui::text(tr, &c.name))
        );
    }

    if !book.acts.is_empty() {
        let _ = writeln!(out, "\n## {}\n", tr.t("rb-acts"));
        let _ = writeln!(out, "| {} |\n|---|---|---|---|---|", tr.t("rb-acts-head"));
        for a in &book.acts {
            let _ = writeln!(
                out,
                "| **{}** (`{}`) | {} | {} | {} | {} |",
                cell(crate::ui::text(tr, &a.name)),
                a.id,
                cell(&names(book, tr, &a.by)),
                cell(&names(book, tr, &a.to)),
                cell(crate::ui::text(tr, &a.basis)),
                cell(crate::ui::text(tr, &a.explanation))
            );
        }
    }

    if !book.situations.is_empty() {
        let _ = writeln!(out, "\n## {}\n", tr.t("rb-situations"));
        let _ = writeln!(out, "{}\n", tr.t("rb-situations-intro"));
        let _ = writeln!(out, "| {} |\n|---|---|---|", tr.t("rb-situations-head"));
        for situation in &book.situations {
            let _ = writeln!(
                out,
                "| `{}` | {} | {} |",
                situation.id,
                cell(crate::ui::text(tr, &situation.name)),
                cell(crate::ui::text(tr, &situation.absent))
            );
        }
    }

    let _ = writeln!(out, "\n## {}\n", tr.t("rb-frames"));
    let _ = writeln!(out, "{}\n", tr.t("rb-frames-intro"));
    let _ = writeln!(
        out,
        "| {} |\n|---|---|---|---|---|---|---|",
        tr.t("rb-frames-head")
    );
    for frame in &book.frames {
        frame_rows(&mut out, book, frame, tr);
    }

    if !book.to_confirm.is_empty() {
        let _ = writeln!(out, "\n## {}\n", tr.t("rb-to-confirm"));
        for (i, point) in book.to_confirm.iter().enumerate() {
            let _ = writeln!(out, "{}. {}", i + 1, crate::ui::text(tr, point));
        }
    }
    out
}

fn frame_rows(out: &mut String, book: &Rulebook, frame: &Frame, tr: &Tr) {
    let mut name = format!(
        "**{}** (`{}`)",
        cell(crate::ui::text(tr, &frame.name)),
        frame.id
    );
    if let Some(act) = &frame.opened_by {
        let act = book
            .act(act.as_str())
            .map_or(act.to_string(), |a| crate::ui::text(tr, &a.name).to_owned());
        name.push_str(&format!(
            "<br>{}",
            tr.t_args("rb-opened-by", &[("act", act)])
        ));
    }
    for situation in &frame.requires {
        let situation = book
            .situation(situation.as_str())
            .map_or(situation.to_string(), |s| {
                crate::ui::text(tr, &s.name).to_owned()
            });
        name.push_str(&format!(
            "<br>{}",
            tr.t_args("rb-requires", &[("situation", situation)])
        ));
    }
    let mut what = carries(tr, frame.carries);
    if !frame.copy_to.is_empty() {
        what.push_str(&format!(
            "<br>{}",
            tr.t_args("rb-copy-to", &[("to", names(book, tr, &frame.copy_to))])
        ));
    }
    let from = if frame.opened_by.is_some() && frame.from.is_empty() {
        tr.t("rb-addressee")
    } else {
        names(book, tr, &frame.from)
    };
    let to = if frame.opened_by.is_some() && frame.to.is_empty() {
        tr.t("rb-issuer")
    } else {
        names(book, tr, &frame.to)
    };
    let _ = writeln!(
        out,
        "| {name} | {} | {} | {} | **{}** | {} | {} |",
        cell(&from),
        cell(&to),
        cell(&what),
        verdict(tr, frame.verdict),
        cell(crate::ui::text(tr, &frame.basis)),
        cell(crate::ui::text(tr, &frame.explanation))
    );
    for e in &frame.exceptions {
        let mut when = Vec::new();
        if !e.classes.is_empty() {
            when.push(classes(book, tr, &e.classes));
        }
        if !e.secrecy.is_empty() {
            let regimes: Vec<String> = e.secrecy.iter().map(|s| secrecy(tr, *s)).collect();
            when.push(tr.t_args("rb-sender-bound", &[("regime", regimes.join(", "))]));
        }
        for situation in &e.situations {
            let situation = book
                .situation(situation.as_str())
                .map_or(situation.to_string(), |s| {
                    crate::ui::text(tr, &s.name).to_owned()
                });
            when.push(tr.t_args("rb-while", &[("situation", situation)]));
        }
        let from = if e.from.is_empty() {
            "".to_owned()
        } else {
            names(book, tr, &e.from)
        };
        let to = if e.to.is_empty() {
            "".to_owned()
        } else {
            names(book, tr, &e.to)
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} |  | **{}** | | {} |",
            tr.t_args("rb-exception", &[("when", cell(&when.join("; ")))]),
            cell(&from),
            cell(&to),
            verdict(tr, e.verdict),
            cell(crate::ui::text(tr, &e.explanation))
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// docs/rulebook-fr.md is this command's French output: regenerate it
    /// with `faisceau rulebook scenarios/rulebooks/france.ron --lang fr > docs/rulebook-fr.md`.
    #[test]
    fn the_committed_french_table_is_in_step_with_the_rulebook() {
        let text = include_str!("../../scenarios/rulebooks/france.ron");
        let book = faisceau_engine::load_rulebook(text, "france.ron")
            .unwrap()
            .rulebook;
        let suite = faisceau_engine::load_suite(
            include_str!("../../scenarios/rulebooks/france.verdicts.ron"),
            "france.verdicts.ron",
            &book,
        )
        .unwrap();
        let verification = faisceau_engine::verdicts::verify(&book, &suite).unwrap();
        let tr = Tr::new(Lang::Fr);
        let generated =
            markdown(&book, &tr) + "\n" + &suite_table(&book, &suite, &verification, &tr);
        let committed = include_str!("../../docs/rulebook-fr.md");
        assert!(
            committed == generated,
            "docs/rulebook-fr.md is out of date: run `faisceau rulebook scenarios/rulebooks/france.ron --lang fr > docs/rulebook-fr.md`"
        );
        assert!(committed.contains("| **Signalement au procureur** (`signalement`)"));
        assert!(committed.contains("Points à confirmer avec un juriste"));
        let english = markdown(&book, &Tr::new(Lang::En));
        assert!(
            english.contains("State of the law on 2026-11-30"),
            "{}",
            &english[..300]
        );
    }
}
