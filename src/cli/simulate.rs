//! `faisceau simulate SCENARIO --runs N [--seed S] [--format json]`

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use faisceau_engine::load::load_bytes;
use faisceau_engine::simulate;

use super::Format;

pub fn run(path: &Path, runs: usize, seed: u64, format: Format) -> Result<ExitCode, String> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {name}: {e}"))?;
    let loaded = match load_bytes(&bytes, &name, &crate::rulebooks::shelf_for(path)) {
        Ok(loaded) => loaded,
        Err(err) => {
            for diagnostic in &err.diagnostics {
                eprintln!("{diagnostic}");
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
            let percent = |x: f64| format!("{:.0}%", x * 100.0);
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
            let _ = writeln!(out, "  expected decisions (on time / taken at all):");
            for d in &report.decisions {
                let _ = writeln!(
                    out,
                    "    {:<32} {:>5} / {:>5}",
                    d.decision.as_str(),
                    percent(d.on_time),
                    percent(d.taken)
                );
            }
        }
    }
    super::emit(&out)?;
    Ok(ExitCode::SUCCESS)
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
