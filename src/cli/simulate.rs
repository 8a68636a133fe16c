//! `faisceau simulate SCENARIO --runs N [--seed S] [--format json]`

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use faisceau_engine::bot::Simulation;
use faisceau_engine::load::load_bytes;
use faisceau_engine::simulate;

use crate::map::percent;

use super::Format;

pub fn run(path: &Path, runs: usize, seed: u64, format: Format) -> Result<ExitCode, String> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {name}: {e}"))?;
    let loaded = match load_bytes(&bytes, &name, &crate::rulebooks::shelf_for(path)) {
        Ok(loaded) => loaded,
        Err(err) => {
            let lang = crate::i18n::Lang::detect(None);
            for diagnostic in &err.diagnostics {
                eprintln!("{}", diagnostic.in_lang(lang.code()));
            }
            eprintln!("✗ {name} does not load: run `faisceau check {name}`");
            return Ok(ExitCode::FAILURE);
        }
    };
    let started = Instant::now();
    let report = simulate(Arc::new(loaded.case), runs, seed);
    let elapsed = started.elapsed();
    let mut out = String::new();
    match format {
        Format::Json => {
            let _ = writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?
            );
        }
        Format::Human => {
            human(&mut out, &name, &report, elapsed);
        }
    }
    super::emit(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// The report for a person: outcomes, wrong conclusions and breaches by
/// rule, decisions and key shares, traps and injects.
fn human(out: &mut String, name: &str, report: &Simulation, elapsed: std::time::Duration) {
    let _ = writeln!(
        out,
        "{name}: {} bot-team runs from seed {} ({:.2} s)",
        report.runs,
        report.seed,
        elapsed.as_secs_f64()
    );
    let _ = writeln!(
        out,
        "  solved (correct conclusion and bundle): {}",
        percent(report.solve_rate)
    );
    let _ = writeln!(
        out,
        "  correct conclusion: {}   wrong conclusion: {}",
        percent(report.correct_conclusion_rate),
        percent(report.wrong_conclusion_rate)
    );
    let _ = writeln!(
        out,
        "  median scenario time: {}",
        hours(report.median_minutes)
    );
    let _ = writeln!(
        out,
        "  clues found by the table: {}",
        percent(report.clues_found)
    );
    let _ = writeln!(
        out,
        "  breaches: {:.2} per run, in {} of runs",
        report.breaches_per_run,
        percent(report.runs_with_breach)
    );
    let _ = writeln!(
        out,
        "  acceptable conclusion (partial credit): {}",
        percent(report.acceptable_conclusion_rate)
    );
    wrong_and_breaches(out, report);
    decisions_and_shares(out, report);
    traps_and_injects(out, report);
}

/// Which wrong conclusions, how often, and the breaches by rule.
fn wrong_and_breaches(out: &mut String, report: &Simulation) {
    for (conclusion, share) in &report.wrong_conclusions {
        let _ = writeln!(
            out,
            "    wrong: {:<30} {:>5}",
            conclusion.as_str(),
            percent(*share)
        );
    }
    if !report.breaches_by_rule.is_empty() {
        let _ = writeln!(out, "  breaches by rule (per run):");
        for b in &report.breaches_by_rule {
            let rule = match b.exception {
                Some(e) => format!("{} (exception {})", b.frame, e + 1),
                None => b.frame.to_string(),
            };
            let _ = writeln!(out, "    {rule:<40} {:.2}", b.per_run);
        }
    }
}

/// Expected decisions (on time, taken, acceptable) and key shares reached.
fn decisions_and_shares(out: &mut String, report: &Simulation) {
    let when = |m: Option<u32>| m.map_or("—".to_owned(), hours);
    let _ = writeln!(
        out,
        "  expected decisions (on time / taken at all / acceptable only; median time taken, on the deciding role's own clock):"
    );
    for d in &report.decisions {
        let _ = writeln!(
            out,
            "    {:<32} {:>5} / {:>5} / {:>5}; {}",
            d.decision.as_str(),
            percent(d.on_time),
            percent(d.taken),
            percent(d.acceptable),
            when(d.median_minutes)
        );
    }
    if !report.key_shares.is_empty() {
        let _ = writeln!(
            out,
            "  key shares (reached; median time; how it first arrived):"
        );
        for k in &report.key_shares {
            let through: Vec<String> = k
                .through
                .iter()
                .map(|(frame, share)| {
                    format!(
                        "{} {}",
                        frame
                            .as_ref()
                            .map_or("found or told otherwise", |f| f.as_str()),
                        percent(*share)
                    )
                })
                .collect();
            let _ = writeln!(
                out,
                "    {:<40} {:>5}; {}; {}",
                format!("{} -> {}", k.clue, k.to),
                percent(k.reached),
                when(k.median_minutes),
                if through.is_empty() {
                    "—".to_owned()
                } else {
                    through.join(", ")
                }
            );
        }
    }
}

/// Traps met and caught, and what the table concluded; injects fired.
fn traps_and_injects(out: &mut String, report: &Simulation) {
    if !report.traps.is_empty() {
        let _ = writeln!(
            out,
            "  traps (met / caught a bot; then the table concluded):"
        );
        for t in &report.traps {
            let followed: Vec<String> = t
                .followed_by
                .iter()
                .map(|(c, share)| {
                    format!(
                        "{} {}",
                        c.as_ref().map_or("no conclusion", |c| c.as_str()),
                        percent(*share)
                    )
                })
                .collect();
            let _ = writeln!(
                out,
                "    {:<32} {:>5} / {:>5}; {}",
                if t.share {
                    format!("{} (share)", t.clue)
                } else {
                    t.clue.to_string()
                },
                percent(t.met),
                percent(t.caught),
                if followed.is_empty() {
                    "—".to_owned()
                } else {
                    followed.join(", ")
                }
            );
        }
    }
    if !report.injects.is_empty() {
        let _ = writeln!(out, "  injects (fired; in which phase):");
        for i in &report.injects {
            let phases: Vec<String> = i
                .phases
                .iter()
                .map(|(p, share)| format!("{p} {}", percent(*share)))
                .collect();
            let _ = writeln!(
                out,
                "    {:<32} {:>5}; {}",
                i.inject.as_str(),
                percent(i.fired),
                if phases.is_empty() {
                    "never".to_owned()
                } else {
                    phases.join(", ")
                }
            );
        }
    }
}

fn hours(minutes: u32) -> String {
    let days = minutes / (24 * 60);
    let rest = minutes % (24 * 60);
    if days > 0 {
        format!("{days} d {} h", rest / 60)
    } else {
        format!("{} h {:02}", rest / 60, rest % 60)
    }
}
