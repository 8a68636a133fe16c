//! `faisceau debrief JOURNAL`: every table's debrief, rebuilt from the
//! journal alone and printed for people (or as JSON).

use std::fmt::Write;
use std::path::Path;
use std::process::ExitCode;

use faisceau_engine::debrief::DecisionStatus;
use faisceau_engine::model::Scenario;
use faisceau_engine::refusal::duration;
use faisceau_engine::{Debrief, Id, Text};

use super::{Format, emit};
use crate::i18n::{Lang, Tr};

/// Writes the workshop's report as one self-contained HTML file.
pub fn report(journal: &Path, lang: Lang, file: &Path, trainees: bool) -> Result<ExitCode, String> {
    let tr = Tr::new(lang);
    let html = crate::records::report::from_journal(journal, &tr, true, trainees)?;
    std::fs::write(file, html).map_err(|e| format!("{}: {e}", file.display()))?;
    eprintln!(
        "{}",
        tr.t_args("report-written", &[("file", file.display().to_string())])
    );
    Ok(ExitCode::SUCCESS)
}

use crate::records::report::open_journal as open;

/// Prints the debrief of every table in the journal.
pub fn run(journal: &Path, lang: Lang, format: Format) -> Result<ExitCode, String> {
    let (restored, case) = open(journal)?;
    let tr = Tr::new(lang);
    let code = tr.lang().code();
    let s = case.scenario();
    let mut out = String::new();
    if format == Format::Human {
        let _ = writeln!(out, "{} — {}", restored.workshop.name, s.title.get(code));
    }
    for (t, events) in restored.tables.iter().enumerate() {
        let debrief = Debrief::build(&case, events).map_err(|e| format!("table {}: {e}", t + 1))?;
        if format == Format::Json {
            let seats: Vec<serde_json::Value> = restored
                .seats
                .iter()
                .filter(|seat| seat.table == t)
                .map(|seat| serde_json::json!({ "role": seat.role, "name": seat.name }))
                .collect();
            let line = serde_json::json!({ "table": t + 1, "seats": seats, "debrief": debrief });
            let _ = writeln!(out, "{line}");
            continue;
        }
        let people = |role: &Id| {
            restored
                .seats
                .iter()
                .find(|seat| seat.table == t && seat.role == role.as_str())
                .map(|seat| seat.name.clone().unwrap_or_else(|| "bot".into()))
                .unwrap_or_else(|| "—".into())
        };
        table_text(&mut out, s, case.rulebook(), &debrief, t, &people, &tr);
    }
    emit(&out)?;
    Ok(ExitCode::SUCCESS)
}

fn name<'a, T>(
    items: &'a [T],
    id: &Id,
    get: impl Fn(&'a T) -> (&'a Id, &'a Text),
    code: &str,
) -> String {
    items
        .iter()
        .map(get)
        .find(|(i, _)| *i == id)
        .map_or(id.to_string(), |(_, text)| text.get(code).to_owned())
}

fn table_text(
    out: &mut String,
    s: &Scenario,
    rulebook: &faisceau_engine::Rulebook,
    debrief: &Debrief,
    t: usize,
    people: &dyn Fn(&Id) -> String,
    tr: &Tr,
) {
    let code = tr.lang().code();
    let table = &debrief.table;
    let conclusion = |id: &Id| name(&s.conclusions, id, |c| (&c.id, &c.name), code);
    let role_name = |id: &Id| name(&s.roles, id, |r| (&r.id, &r.name), code);
    let _ = writeln!(out, "\n== {} {} ==", tr.t("debrief-table"), t + 1);
    let expected = conclusion(&s.solution.conclusion);
    let line = match &table.conclusion {
        Some(c) if table.conclusion_correct => tr.t_args(
            "debrief-conclusion-correct",
            &[("conclusion", conclusion(c))],
        ),
        Some(c) => tr.t_args(
            "debrief-conclusion-wrong",
            &[("conclusion", conclusion(c)), ("expected", expected)],
        ),
        None => tr.t_args("debrief-no-conclusion", &[("expected", expected)]),
    };
    let _ = writeln!(out, "{line}");
    if let Some(at) = table.time_to_identification {
        let _ = writeln!(
            out,
            "{}",
            tr.t_args("debrief-time", &[("time", crate::ui::clock(tr, at))])
        );
    }
    let _ = writeln!(out, "\n{}", tr.t("debrief-bundle"));
    for score in &table.bundle {
        let category = name(&s.categories, &score.category, |c| (&c.id, &c.name), code);
        let filled = (score.weight * 10)
            .checked_div(score.required)
            .map_or(10, |tenths| tenths.min(10) as usize);
        let _ = writeln!(
            out,
            "  {category:<40} {}{} {}/{}",
            "█".repeat(filled),
            "░".repeat(10 - filled),
            score.weight,
            score.required
        );
    }
    let _ = writeln!(out, "\n{}", tr.t("debrief-decisions"));
    for review in &table.decisions {
        let line = decision_line(s, review, tr);
        let _ = writeln!(out, "  {line}");
    }
    let _ = writeln!(out, "\n{}", tr.t("debrief-graph"));
    for edge in &table.sharing_graph {
        let frames: Vec<String> = edge
            .frames
            .iter()
            .map(|f| {
                rulebook
                    .frame(f.as_str())
                    .map_or(f.to_string(), |f| f.name.get(code).to_owned())
            })
            .collect();
        let _ = writeln!(
            out,
            "  {} → {}: {} ({}; {})",
            role_name(&edge.from),
            role_name(&edge.to),
            edge.clues.len(),
            frames.join(", "),
            crate::ui::verdict_name(tr, edge.verdict)
        );
    }
    let _ = writeln!(
        out,
        "{}",
        tr.t_args("debrief-breaches", &[("count", table.breaches.to_string())])
    );
    let _ = writeln!(out, "\n{}", tr.t("debrief-roles"));
    for role in &debrief.roles {
        let _ = writeln!(out, "- {} ({})", role_name(&role.role), people(&role.role));
        let _ = writeln!(
            out,
            "    {}: {} · {}: {} · {}: {}",
            tr.t("debrief-found"),
            role.found.len(),
            tr.t("debrief-missed"),
            role.missed.len(),
            tr.t("debrief-sent"),
            role.sent.len()
        );
        for trap in &role.traps {
            let _ = writeln!(out, "    {}", crate::ui::trap_line(tr, s, trap));
        }
    }
    if !table.teaching_points.is_empty() {
        let _ = writeln!(out, "\n{}", tr.t("debrief-teaching"));
        for id in &table.teaching_points {
            if let Some(point) = s.teaching_points.iter().find(|p| p.id == *id) {
                let _ = writeln!(
                    out,
                    "  • {} — {}",
                    point.title.get(code),
                    point.text.get(code)
                );
            }
        }
    }
}

/// A decision's review in one line: its status, by whom, and what was
/// taken instead.
fn decision_line(
    s: &Scenario,
    review: &faisceau_engine::debrief::DecisionReview,
    tr: &Tr,
) -> String {
    let code = tr.lang().code();
    let role_name = |id: &Id| name(&s.roles, id, |r| (&r.id, &r.name), code);
    let decision_name = |id: &Id| name(&s.decisions, id, |d| (&d.id, &d.name), code);
    let status = match &review.status {
        DecisionStatus::OnTime { at } => tr.t_args("debrief-on-time", &[("time", duration(*at))]),
        DecisionStatus::Late { at, deadline } => tr.t_args(
            "debrief-late",
            &[("time", duration(*at)), ("deadline", duration(*deadline))],
        ),
        DecisionStatus::Acceptable { at } => {
            tr.t_args("debrief-acceptable", &[("time", duration(*at))])
        }
        DecisionStatus::Missing => tr.t("debrief-missing"),
        DecisionStatus::Unexpected { at } => {
            tr.t_args("debrief-unexpected", &[("time", duration(*at))])
        }
    };
    let instead = review
        .instead
        .as_ref()
        .map(|d| tr.t_args("debrief-instead", &[("decision", decision_name(d))]))
        .unwrap_or_default();
    let by = review
        .by
        .as_ref()
        .map(|r| tr.t_args("debrief-by", &[("role", role_name(r))]))
        .unwrap_or_default();
    format!(
        "{} — {status}{by}{instead}",
        decision_name(&review.decision)
    )
}
