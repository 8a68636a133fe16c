//! The workshop's report: one self-contained HTML file (no external
//! resource: styles inline, charts as inline SVG) with the PEARLS prompts,
//! one section per table, the teaching points, the legal bases of the
//! verdicts, and one personal page per trainee. A print stylesheet gives A4
//! pages. Also the wording of PEARLS prompts, for any screen.

use std::fmt::Write;

use faisceau_engine::debrief::DecisionStatus;
use faisceau_engine::model::{Scenario, Verdict};
use faisceau_engine::pearls::{Pearls, Prompt, pearls};
use faisceau_engine::{Case, Debrief, Id, Text};

use super::html::esc;
use crate::i18n::Tr;
use crate::ui::{clock, name_in};

/// A person seated at a table: their name and role.
#[derive(Clone, Debug)]
pub struct Seated {
    /// The table, from 0.
    pub table: usize,
    /// The role.
    pub role: Id,
    /// The person's name.
    pub name: String,
}

/// What the report is made from.
pub struct Workshop<'a> {
    /// The workshop's name.
    pub name: &'a str,
    /// The case played.
    pub case: &'a Case,
    /// Each table's debrief, in table order.
    pub tables: &'a [Debrief],
    /// The people who get a personal page: none unless the trainer asked
    /// for trainee pages.
    pub people: &'a [Seated],
    /// Whether the report may hold personal data: names, the trainer's
    /// observer notes, the reasons people wrote. A pseudonymous report (the
    /// archive's, unless the trainer chose to keep names) holds none.
    pub personal: bool,
}

fn t<'a>(tr: &Tr, text: &'a Text) -> &'a str {
    text.get(tr.lang().code())
}

fn tables_list(tr: &Tr, tables: &[usize]) -> String {
    tables
        .iter()
        .map(|t| tr.t_args("table-n", &[("n", (t + 1).to_string())]))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A PEARLS prompt in the reader's language.
pub fn prompt_text(tr: &Tr, s: &Scenario, case: &Case, prompt: &Prompt) -> String {
    let role = |id: &Id| name_in(tr, &s.roles, id, |r| (&r.id, &r.name));
    let clue = |id: &Id| name_in(tr, &s.clues, id, |c| (&c.id, &c.text));
    match prompt {
        Prompt::Reactions => tr.t("pearls-reactions-prompt"),
        Prompt::Concluded {
            table,
            conclusion,
            correct,
            at,
        } => {
            let n = (table + 1).to_string();
            match conclusion {
                Some(c) => tr.t_args(
                    if *correct {
                        "pearls-concluded-correct"
                    } else {
                        "pearls-concluded-wrong"
                    },
                    &[
                        ("table", n),
                        (
                            "conclusion",
                            name_in(tr, &s.conclusions, c, |c| (&c.id, &c.name)),
                        ),
                        ("time", at.map(|a| clock(tr, a)).unwrap_or_default()),
                    ],
                ),
                None => tr.t_args("pearls-concluded-none", &[("table", n)]),
            }
        }
        Prompt::Breach {
            table,
            from,
            to,
            frame,
            clues,
            at,
        } => tr.t_args(
            "pearls-breach",
            &[
                ("table", (table + 1).to_string()),
                ("from", role(from)),
                ("to", to.iter().map(&role).collect::<Vec<_>>().join(", ")),
                (
                    "frame",
                    name_in(tr, &case.rulebook().frames, frame, |f| (&f.id, &f.name)),
                ),
                (
                    "what",
                    clues.iter().map(&clue).collect::<Vec<_>>().join(" ; "),
                ),
                ("time", clock(tr, *at)),
            ],
        ),
        Prompt::DecisionLateOrMissing {
            decision,
            late,
            missing,
            of,
        } => {
            let decision = name_in(tr, &s.decisions, decision, |d| (&d.id, &d.name));
            if missing.len() == *of {
                tr.t_args("pearls-decision-none", &[("decision", decision)])
            } else {
                tr.t_args(
                    "pearls-decision",
                    &[
                        ("decision", decision),
                        ("late", tables_list(tr, late)),
                        ("missing", tables_list(tr, missing)),
                        ("nlate", late.len().to_string()),
                        ("nmissing", missing.len().to_string()),
                    ],
                )
            }
        }
        Prompt::KeyShareMissed {
            clue: c,
            to,
            tables,
            of,
        } => tr.t_args(
            "pearls-key-share",
            &[
                ("clue", clue(c)),
                ("to", role(to)),
                ("count", tables.len().to_string()),
                ("of", of.to_string()),
            ],
        ),
        Prompt::TrapCaught {
            clue: c,
            tables,
            of,
        } => tr.t_args(
            "pearls-trap",
            &[
                ("clue", crate::ui::trap_name(tr, s, c)),
                ("count", tables.len().to_string()),
                ("of", of.to_string()),
            ],
        ),
        Prompt::CategoryShort {
            category,
            tables,
            of,
        } => tr.t_args(
            "pearls-category",
            &[
                (
                    "category",
                    name_in(tr, &s.categories, category, |c| (&c.id, &c.name)),
                ),
                ("count", tables.len().to_string()),
                ("of", of.to_string()),
            ],
        ),
        Prompt::TeachingPoint { point, tables } => tr.t_args(
            "pearls-teaching",
            &[
                (
                    "point",
                    name_in(tr, &s.teaching_points, point, |p| (&p.id, &p.title)),
                ),
                ("tables", tables_list(tr, tables)),
            ],
        ),
        Prompt::Summary {
            solved,
            of,
            breaches,
        } => tr.t_args(
            "pearls-summary",
            &[
                ("solved", solved.to_string()),
                ("of", of.to_string()),
                ("breaches", breaches.to_string()),
            ],
        ),
    }
}

pub(crate) const STYLE: &str = "
body { font-family: 'Inter', 'Segoe UI', system-ui, sans-serif; color: #171c26; margin: 2rem auto; max-width: 60rem; line-height: 1.5; padding: 0 1rem; }
h1 { font-size: 1.9rem; margin-bottom: 0.2rem; } h2 { color: #1f4e9a; border-bottom: 2px solid #c4ccd8; padding-bottom: 0.2rem; margin-top: 2.2rem; }
h3 { color: #1f4e9a; margin-bottom: 0.3rem; } .muted { color: #4a5463; } .card { border: 1px solid #c4ccd8; border-radius: 6px; padding: 0.6rem 0.9rem; margin: 0.5rem 0; }
.allowed { color: #166b34; } .caution { color: #8a4b00; } .breach { color: #b01e24; } .tag { font-weight: 600; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; } th, td { border-bottom: 1px solid #dde3ec; text-align: left; padding: 0.3rem 0.4rem; vertical-align: top; }
.pearls h3 { margin-top: 1.2rem; } .timeline td:first-child { white-space: nowrap; color: #4a5463; } .note { font-style: italic; color: #1f4e9a; } .page { break-before: page; page-break-before: always; }
svg { max-width: 100%; height: auto; } .graph svg { max-height: 88mm; display: block; margin: 0 auto; }
.timeline td:nth-child(2) { width: 24%; } .points { columns: 2; column-gap: 1.2rem; } .points .card { margin-top: 0; break-inside: avoid; } .points p { margin: 0.25rem 0; }
@page { size: A4; margin: 0; }
@media print {
  /* No page margin, so the browser prints no header or footer of its own; each
     page's padding gives the margin instead, on every fragment of a page. */
  body { margin: 0; max-width: none; font-size: 10.5pt; line-height: 1.35; padding: 0; }
  header, section { padding: 12mm 15mm; box-decoration-break: clone; -webkit-box-decoration-break: clone; }
  header { padding-bottom: 0; } header + section { padding-top: 0; }
  h2 { margin-top: 0; } h2, h3 { break-after: avoid; } h3 { margin: 0.7rem 0 0.2rem; }
  .card, tr, .keep, svg { break-inside: avoid; } .timeline, .points { font-size: 9pt; line-height: 1.3; } .graph svg { max-height: 64mm; } .pearls { columns: 2; column-gap: 1.2rem; } .pearls h2, .pearls > p { column-span: all; } .pearls ul { padding-left: 1.1rem; margin: 0.2rem 0; } .pearls li { break-inside: avoid; } p { margin: 0.35rem 0; } td, th { padding: 0.18rem 0.35rem; }
}
";

fn verdict_class(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Allowed => "allowed",
        Verdict::Caution => "caution",
        Verdict::Breach => "breach",
    }
}

fn verdict_word(tr: &Tr, verdict: Verdict) -> String {
    format!(
        "<span class=\"tag {}\">{}</span>",
        verdict_class(verdict),
        esc(&crate::ui::verdict_name(tr, verdict))
    )
}

fn status_text(tr: &Tr, status: &DecisionStatus) -> (String, &'static str) {
    match status {
        DecisionStatus::OnTime { at } => (
            tr.t_args("debrief-on-time", &[("time", clock(tr, *at))]),
            "allowed",
        ),
        DecisionStatus::Late { at, deadline } => (
            tr.t_args(
                "debrief-late",
                &[("time", clock(tr, *at)), ("deadline", clock(tr, *deadline))],
            ),
            "caution",
        ),
        DecisionStatus::Acceptable { at } => (
            tr.t_args("debrief-acceptable", &[("time", clock(tr, *at))]),
            "caution",
        ),
        DecisionStatus::Missing => (tr.t("debrief-missing"), "breach"),
        DecisionStatus::Unexpected { at } => (
            tr.t_args("debrief-unexpected", &[("time", clock(tr, *at))]),
            "muted",
        ),
    }
}

/// The bundle of a table as horizontal bars, each with its minimum marked.
fn bundle_svg(tr: &Tr, s: &Scenario, debrief: &Debrief) -> String {
    let bundle = &debrief.table.bundle;
    let max = bundle
        .iter()
        .map(|b| b.weight.max(b.required))
        .max()
        .unwrap_or(1)
        .max(1) as f32;
    let (label_w, bar_w, row_h) = (260.0, 380.0, 30.0);
    let height = row_h * bundle.len() as f32 + 10.0;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"720\" height=\"{height}\" viewBox=\"0 0 720 {height}\" aria-label=\"{}\">",
        esc(&tr.t("debrief-bundle"))
    );
    for (i, score) in bundle.iter().enumerate() {
        let y = 5.0 + i as f32 * row_h;
        let name = name_in(tr, &s.categories, &score.category, |c| (&c.id, &c.name));
        let met = score.required == 0 || score.weight >= score.required;
        let color = if met { "#166b34" } else { "#8a4b00" };
        let width = bar_w * score.weight as f32 / max;
        let _ = write!(
            svg,
            "<text x=\"0\" y=\"{ty}\" font-size=\"14\" fill=\"#171c26\">{name}</text>\
             <rect x=\"{label_w}\" y=\"{y}\" width=\"{bar_w}\" height=\"20\" rx=\"3\" fill=\"#e3e8f0\"/>\
             <rect x=\"{label_w}\" y=\"{y}\" width=\"{width}\" height=\"20\" rx=\"3\" fill=\"{color}\"/>",
            ty = y + 15.0,
            name = esc(&name),
        );
        if score.required > 0 {
            let x = label_w + bar_w * score.required as f32 / max;
            let _ = write!(
                svg,
                "<line x1=\"{x}\" x2=\"{x}\" y1=\"{}\" y2=\"{}\" stroke=\"#171c26\" stroke-width=\"3\"/>",
                y - 3.0,
                y + 23.0
            );
        }
        // No minimum: the weight alone, never "6 / 0".
        let figures = if score.required == 0 {
            score.weight.to_string()
        } else {
            format!("{} / {}", score.weight, score.required)
        };
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\" font-size=\"14\" fill=\"#171c26\">{figures}</text>",
            label_w + bar_w + 10.0,
            y + 15.0,
        );
    }
    svg.push_str("</svg>");
    svg
}

/// The five PEARLS sections in order, each with its heading's key.
pub fn sections(p: &Pearls) -> [(&'static str, &[Prompt]); 5] {
    [
        ("pearls-reactions", &p.reactions),
        ("pearls-description", &p.description),
        ("pearls-analysis", &p.analysis),
        ("pearls-application", &p.application),
        ("pearls-summary-title", &p.summary),
    ]
}

/// A teaching point as a card.
fn point_card(out: &mut String, tr: &Tr, point: &faisceau_engine::model::TeachingPoint) {
    let _ = write!(
        out,
        "<div class=\"card\"><p><b>{}</b></p><p>{}</p></div>",
        esc(t(tr, &point.title)),
        esc(t(tr, &point.text))
    );
}

fn pearls_html(out: &mut String, tr: &Tr, case: &Case, p: &Pearls) {
    let s = case.scenario();
    let _ = write!(
        out,
        "<section class=\"pearls\"><h2>{}</h2><p class=\"muted\">{}</p>",
        esc(&tr.t("pearls-title")),
        esc(&tr.t("pearls-intro"))
    );
    for (key, prompts) in sections(p) {
        let _ = write!(out, "<h3>{}</h3><ul>", esc(&tr.t(key)));
        for prompt in prompts {
            let _ = write!(out, "<li>{}</li>", esc(&prompt_text(tr, s, case, prompt)));
        }
        out.push_str("</ul>");
    }
    out.push_str("</section>");
}

fn table_html(out: &mut String, tr: &Tr, case: &Case, t: usize, d: &Debrief, personal: bool) {
    let s = case.scenario();
    let conclusion = |id: &Id| name_in(tr, &s.conclusions, id, |c| (&c.id, &c.name));
    let role = |id: &Id| name_in(tr, &s.roles, id, |r| (&r.id, &r.name));
    let table = &d.table;
    let _ = write!(
        out,
        "<section class=\"page\"><h2>{}</h2>",
        esc(&tr.t_args("table-n", &[("n", (t + 1).to_string())]))
    );
    let expected = conclusion(&s.solution.conclusion);
    let (line, class) = match &table.conclusion {
        Some(c) if table.conclusion_correct => (
            tr.t_args(
                "debrief-conclusion-correct",
                &[("conclusion", conclusion(c))],
            ),
            "allowed",
        ),
        Some(c) => (
            tr.t_args(
                "debrief-conclusion-wrong",
                &[("conclusion", conclusion(c)), ("expected", expected)],
            ),
            "breach",
        ),
        None => (
            tr.t_args("debrief-no-conclusion", &[("expected", expected)]),
            "caution",
        ),
    };
    let _ = write!(out, "<p class=\"tag {class}\">{}</p>", esc(&line));
    if let Some(at) = table.time_to_identification {
        let _ = write!(
            out,
            "<p>{}</p>",
            esc(&tr.t_args("debrief-time", &[("time", clock(tr, at))]))
        );
    }
    let _ = write!(
        out,
        "<p>{}</p><h3>{}</h3><p class=\"muted\">{}</p>{}",
        esc(&tr.t_args("debrief-breaches", &[("count", table.breaches.to_string())])),
        esc(&tr.t("debrief-bundle")),
        esc(&tr.t("debrief-bundle-legend")),
        bundle_svg(tr, s, d)
    );
    let _ = write!(out, "<h3>{}</h3><table>", esc(&tr.t("debrief-decisions")));
    for review in &table.decisions {
        let (status, class) = status_text(tr, &review.status);
        let by = review.by.as_ref().map(&role).unwrap_or_default();
        let _ = write!(
            out,
            "<tr><td>{}</td><td class=\"{class}\">{}</td><td>{}</td></tr>",
            esc(&name_in(tr, &s.decisions, &review.decision, |x| (
                &x.id, &x.name
            ))),
            esc(&status),
            esc(&by)
        );
    }
    // Who told whom, under the decisions.
    let _ = write!(
        out,
        "</table><div class=\"keep graph\"><h3>{}</h3>{}<p class=\"muted\">{}</p></div></section>",
        esc(&tr.t("debrief-graph")),
        crate::ui::graph::svg(s, case.rulebook(), &table.sharing_graph, tr),
        esc(&tr.t("graph-legend")),
    );
    // The second page: the moments that matter.
    let _ = write!(
        out,
        "<section class=\"page\"><h2>{}</h2><h3>{}</h3><p class=\"muted\">{}</p><table class=\"timeline\">",
        esc(&tr.t_args("report-table-continued", &[("n", (t + 1).to_string())])),
        esc(&tr.t("timeline-key")),
        esc(&tr.t("report-moments-legend"))
    );
    let moments = moments(tr, case, d, personal);
    if moments.is_empty() {
        let _ = write!(
            out,
            "<tr><td></td><td></td><td>{}</td></tr>",
            esc(&tr.t("report-moments-none"))
        );
    }
    for moment in moments {
        let who = if moment.who.is_empty() {
            tr.t("timeline-trainer")
        } else {
            moment.who.iter().map(&role).collect::<Vec<_>>().join(", ")
        };
        // A folded run's first and last times, one under the other.
        let when = match moment.until {
            Some(until) if until != moment.at => format!(
                "{}<br>– {}",
                esc(&clock(tr, moment.at)),
                esc(&clock(tr, until))
            ),
            _ => esc(&clock(tr, moment.at)),
        };
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td><td class=\"{}\">{}</td></tr>",
            when,
            esc(&who),
            moment.class,
            esc(&moment.what)
        );
    }
    out.push_str("</table></section>");
}

/// One of the key moments a report lists for a table.
#[derive(Debug)]
struct Moment {
    at: u32,
    /// The last time, for shares folded into one line.
    until: Option<u32>,
    /// The roles, or none for the trainer's note.
    who: Vec<Id>,
    what: String,
    class: &'static str,
}

/// The moments a trainer discusses, short enough for a page: shares the
/// rules did not simply allow, folded by sender, frame and verdict with
/// their count; decisions taken late or never; proposals and rejections;
/// and, in the trainer's own report, the observer notes. The sharing graph
/// holds every share.
fn moments(tr: &Tr, case: &Case, d: &Debrief, personal: bool) -> Vec<Moment> {
    let s = case.scenario();
    let role_name = |id: &Id| name_in(tr, &s.roles, id, |r| (&r.id, &r.name));
    let decision_name = |id: &Id| name_in(tr, &s.decisions, id, |x| (&x.id, &x.name));
    let mut out: Vec<Moment> = Vec::new();
    // Folded shares: (sender, frame, verdict) -> first, last, shares, recipients, clues.
    struct Fold {
        from: Id,
        frame: Id,
        verdict: Verdict,
        first: u32,
        last: u32,
        shares: usize,
        to: Vec<Id>,
        clues: usize,
    }
    let mut folds: Vec<Fold> = Vec::new();
    // Each proposal's number and line, and the rejections of one proposal:
    // its number, the first time, who, why.
    let mut proposals: Vec<(u32, usize)> = Vec::new();
    let mut rejections: Vec<(u32, u32, Vec<Id>, Vec<String>)> = Vec::new();
    for role in &d.roles {
        for entry in &role.timeline {
            match &entry.step {
                faisceau_engine::debrief::Step::Sent { share }
                    if share.verdict != Verdict::Allowed =>
                {
                    let fold = match folds.iter_mut().position(|f| {
                        f.from == role.role && f.frame == share.frame && f.verdict == share.verdict
                    }) {
                        Some(i) => &mut folds[i],
                        None => {
                            folds.push(Fold {
                                from: role.role.clone(),
                                frame: share.frame.clone(),
                                verdict: share.verdict,
                                first: entry.at,
                                last: entry.at,
                                shares: 0,
                                to: Vec::new(),
                                clues: 0,
                            });
                            folds.last_mut().expect("just pushed")
                        }
                    };
                    fold.last = entry.at;
                    fold.shares += 1;
                    fold.clues += share.clues.len();
                    for to in &share.to {
                        if !fold.to.contains(to) {
                            fold.to.push(to.clone());
                        }
                    }
                }
                faisceau_engine::debrief::Step::Decided { decision } => {
                    let late = table_status(d, decision).and_then(|status| match status {
                        DecisionStatus::Late { deadline, .. } => Some(*deadline),
                        _ => None,
                    });
                    if let Some(deadline) = late {
                        out.push(Moment {
                            at: entry.at,
                            until: None,
                            who: vec![role.role.clone()],
                            what: tr.t_args(
                                "report-moment-late",
                                &[
                                    ("decision", decision_name(decision)),
                                    ("deadline", clock(tr, deadline)),
                                ],
                            ),
                            class: "caution",
                        });
                    }
                }
                faisceau_engine::debrief::Step::Proposed { conclusion, number } => {
                    proposals.push((*number, out.len()));
                    out.push(Moment {
                        at: entry.at,
                        until: None,
                        who: vec![role.role.clone()],
                        what: tr.t_args(
                            "timeline-proposed",
                            &[(
                                "conclusion",
                                name_in(tr, &s.conclusions, conclusion, |c| (&c.id, &c.name)),
                            )],
                        ),
                        class: "",
                    });
                }
                faisceau_engine::debrief::Step::Rejected { proposal, reason } => {
                    match rejections.iter_mut().find(|r| r.0 == *proposal) {
                        Some(run) => {
                            run.2.push(role.role.clone());
                            run.3.push(reason.clone());
                        }
                        None => rejections.push((
                            *proposal,
                            entry.at,
                            vec![role.role.clone()],
                            vec![reason.clone()],
                        )),
                    }
                }
                _ => {}
            }
        }
    }
    // A proposal's rejections go on its own line: "… rejected by A, B".
    for (number, at, who, reasons) in rejections {
        let reasons: Vec<String> = reasons
            .into_iter()
            .filter(|r| personal && !r.trim().is_empty())
            .map(|r| tr.t_args("report-quoted", &[("text", r)]))
            .collect();
        let names: Vec<String> = who.iter().map(&role_name).collect();
        let line = proposals
            .iter()
            .find(|(n, _)| *n == number && number > 0)
            .map(|(_, line)| *line);
        let mut what = match line {
            Some(_) => tr.t_args("report-moment-rejected-by", &[("roles", names.join(", "))]),
            None => tr.t_args(
                "report-moment-rejected",
                &[
                    ("count", who.len().to_string()),
                    ("number", number.to_string()),
                ],
            ),
        };
        if !reasons.is_empty() {
            what = tr.t_args(
                "report-moment-why",
                &[("what", what), ("reasons", reasons.join(" ; "))],
            );
        }
        match line {
            Some(line) => {
                let proposal = &mut out[line];
                proposal.what = format!("{} — {what}", proposal.what);
            }
            None => out.push(Moment {
                at,
                until: None,
                who,
                what,
                class: "",
            }),
        }
    }
    for fold in folds {
        let to: Vec<String> = fold.to.iter().map(&role_name).collect();
        out.push(Moment {
            at: fold.first,
            until: Some(fold.last),
            who: vec![fold.from],
            what: tr.t_args(
                "report-moment-shares",
                &[
                    ("shares", fold.shares.to_string()),
                    ("count", fold.clues.to_string()),
                    ("to", to.join(", ")),
                    (
                        "frame",
                        crate::ui::frame_name(tr, &case.rulebook().frames, &fold.frame),
                    ),
                    ("verdict", crate::ui::verdict_name(tr, fold.verdict)),
                ],
            ),
            class: verdict_class(fold.verdict),
        });
    }
    if personal {
        for (at, note) in &d.table.observer_notes {
            out.push(Moment {
                at: *at,
                until: None,
                who: Vec::new(),
                what: tr.t_args("timeline-note", &[("text", note.clone())]),
                class: "note",
            });
        }
    }
    out.sort_by_key(|m| m.at);
    // Decisions never taken close the list: they have no time.
    for review in &d.table.decisions {
        if review.status == DecisionStatus::Missing {
            out.push(Moment {
                at: d.table.duration,
                until: None,
                // The role that held the power, though it did not use it.
                who: s
                    .decisions
                    .iter()
                    .position(|x| x.id == review.decision)
                    .and_then(|d| (0..s.roles.len()).find(|&r| case.has_power(r, d)))
                    .map(|r| vec![s.roles[r].id.clone()])
                    .unwrap_or_default(),
                what: tr.t_args(
                    "report-moment-missed",
                    &[("decision", decision_name(&review.decision))],
                ),
                class: "breach",
            });
        }
    }
    out
}

/// How the table's review rates a decision.
fn table_status<'a>(d: &'a Debrief, decision: &Id) -> Option<&'a DecisionStatus> {
    d.table
        .decisions
        .iter()
        .find(|r| r.decision == *decision)
        .map(|r| &r.status)
}

/// The legal frames behind the verdicts that were not "allowed", once each.
fn bases_html(out: &mut String, tr: &Tr, case: &Case, tables: &[Debrief]) {
    let mut frames: Vec<(Id, Verdict)> = Vec::new();
    for d in tables {
        for share in d.roles.iter().flat_map(|r| r.sent.iter()) {
            if share.verdict != Verdict::Allowed
                && !frames
                    .iter()
                    .any(|(f, v)| *f == share.frame && *v == share.verdict)
            {
                frames.push((share.frame.clone(), share.verdict));
            }
        }
    }
    let _ = write!(
        out,
        "<section class=\"page\"><h2>{}</h2><p class=\"muted\">{}</p>",
        esc(&tr.t("report-bases")),
        esc(&tr.t_args(
            "share-law-as-of",
            &[("date", case.rulebook().law_as_of.clone())]
        ))
    );
    if frames.is_empty() {
        let _ = write!(out, "<p>{}</p>", esc(&tr.t("report-bases-none")));
    }
    for (id, verdict) in frames {
        if let Some(frame) = case.rulebook().frame(id.as_str()) {
            let _ = write!(
                out,
                "<div class=\"card\"><p><b>{}</b> — {}</p><p>{}</p><p class=\"muted\">{}</p></div>",
                esc(t(tr, &frame.name)),
                verdict_word(tr, verdict),
                esc(t(tr, &frame.explanation)),
                esc(t(tr, &frame.basis))
            );
        }
    }
    out.push_str("</section>");
}

fn person_html(out: &mut String, tr: &Tr, case: &Case, person: &Seated, d: &Debrief) {
    let s = case.scenario();
    let Some(mine) = d.roles.iter().find(|r| r.role == person.role) else {
        return;
    };
    let role = |id: &Id| name_in(tr, &s.roles, id, |r| (&r.id, &r.name));
    let clue = |id: &Id| name_in(tr, &s.clues, id, |c| (&c.id, &c.text));
    let _ = write!(
        out,
        "<section class=\"page\"><h2>{}</h2><p class=\"muted\">{}</p>",
        esc(&person.name),
        esc(&tr.t_args(
            "report-person-role",
            &[
                ("role", role(&person.role)),
                ("table", (person.table + 1).to_string())
            ]
        ))
    );
    let _ = write!(out, "<h3>{}</h3><ul>", esc(&tr.t("report-my-decisions")));
    for review in &mine.decisions {
        let (status, class) = status_text(tr, &review.status);
        let _ = write!(
            out,
            "<li>{} — <span class=\"{class}\">{}</span></li>",
            esc(&name_in(tr, &s.decisions, &review.decision, |x| (
                &x.id, &x.name
            ))),
            esc(&status)
        );
    }
    if mine.decisions.is_empty() {
        let _ = write!(out, "<li>{}</li>", esc(&tr.t("report-none")));
    }
    let _ = write!(out, "</ul><h3>{}</h3><ul>", esc(&tr.t("report-my-shares")));
    for share in &mine.sent {
        let frame = name_in(tr, &case.rulebook().frames, &share.frame, |f| {
            (&f.id, &f.name)
        });
        let _ = write!(
            out,
            "<li>{} · {} → {} — {} ({})</li>",
            esc(&clock(tr, share.at)),
            esc(&share
                .clues
                .iter()
                .map(&clue)
                .collect::<Vec<_>>()
                .join(" ; ")),
            esc(&share.to.iter().map(&role).collect::<Vec<_>>().join(", ")),
            verdict_word(tr, share.verdict),
            esc(&frame)
        );
    }
    if mine.sent.is_empty() {
        let _ = write!(out, "<li>{}</li>", esc(&tr.t("report-none")));
    }
    out.push_str("</ul>");
    if !mine.missed.is_empty() {
        let _ = write!(out, "<h3>{}</h3><ul>", esc(&tr.t("debrief-missed")));
        for c in &mine.missed {
            let _ = write!(out, "<li>{}</li>", esc(&clue(c)));
        }
        out.push_str("</ul>");
    }
    let _ = write!(out, "<h3>{}</h3>", esc(&tr.t("report-remember")));
    for id in &d.table.teaching_points {
        if let Some(point) = s.teaching_points.iter().find(|p| p.id == *id) {
            point_card(out, tr, point);
        }
    }
    out.push_str("</section>");
}

/// The report of a workshop being hosted: every table's debrief so far,
/// and the people seated.
/// With `trainees`, a personal page for each person seated.
pub fn for_workshop(
    workshop: &crate::net::workshop::Workshop,
    tr: &Tr,
    trainees: bool,
) -> Result<String, String> {
    let case = workshop.case();
    let tables = workshop
        .tables
        .iter()
        .enumerate()
        .map(|(t, table)| {
            Debrief::build(case, table.session.events())
                .map_err(|e| format!("table {}: {e}", t + 1))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let roles = &case.scenario().roles;
    let people: Vec<Seated> = workshop
        .tables
        .iter()
        .enumerate()
        .flat_map(|(t, table)| {
            table
                .seats
                .iter()
                .enumerate()
                .filter_map(move |(r, seat)| match seat {
                    crate::net::workshop::Seat::Person { name, .. } if trainees => Some(Seated {
                        table: t,
                        role: roles[r].id.clone(),
                        name: name.clone(),
                    }),
                    _ => None,
                })
        })
        .collect();
    Ok(html(
        &Workshop {
            name: &workshop.name,
            case,
            tables: &tables,
            people: &people,
            personal: true,
        },
        tr,
    ))
}

/// Where the report of a workshop goes: beside its journal, else here.
pub fn path_for(journal: Option<&std::path::Path>) -> std::path::PathBuf {
    match journal {
        Some(journal) => journal.with_extension("html"),
        None => std::path::PathBuf::from("faisceau-report.html"),
    }
}

/// The whole report as one HTML document.
pub fn html(workshop: &Workshop<'_>, tr: &Tr) -> String {
    let case = workshop.case;
    let s = case.scenario();
    let mut out = String::new();
    let _ = write!(
        out,
        "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{} — {}</title><style>{STYLE}</style></head><body>",
        tr.lang().code(),
        esc(workshop.name),
        esc(t(tr, &s.title))
    );
    let _ = write!(
        out,
        "<header><h1>{}</h1><p class=\"muted\">{} · {}</p><div class=\"card\"><b>{}</b> {}</div></header>",
        esc(t(tr, &s.title)),
        esc(workshop.name),
        esc(&tr.t_args(
            "report-tables",
            &[("count", workshop.tables.len().to_string())]
        )),
        esc(&tr.t("picker-content-note")),
        esc(t(tr, &s.content_note))
    );
    pearls_html(&mut out, tr, case, &pearls(case, workshop.tables));
    for (i, d) in workshop.tables.iter().enumerate() {
        table_html(&mut out, tr, case, i, d, workshop.personal);
    }
    let _ = write!(
        out,
        "<section class=\"page\"><h2>{}</h2>",
        esc(&tr.t("debrief-teaching"))
    );
    out.push_str("<div class=\"points\">");
    for point in &s.teaching_points {
        point_card(&mut out, tr, point);
    }
    out.push_str("</div></section>");
    bases_html(&mut out, tr, case, workshop.tables);
    for person in workshop.people {
        if let Some(d) = workshop.tables.get(person.table) {
            person_html(&mut out, tr, case, person, d);
        }
    }
    out.push_str("</body></html>\n");
    out
}

/// The journal's workshop and its case, loaded under the rules it was
/// played with.
pub fn open_journal(
    journal: &std::path::Path,
) -> Result<(faisceau_store::Restored, faisceau_engine::Case), String> {
    let (_journal, restored) = faisceau_store::Journal::open(journal).map_err(|e| e.to_string())?;
    let case = faisceau_engine::load(
        &restored.workshop.scenario_text,
        &restored.workshop.scenario_path,
        &crate::rulebooks::kept(
            &restored.workshop.rulebook_path,
            &restored.workshop.rulebook_text,
        ),
    )
    .map_err(|e| {
        format!(
            "{}: the journal's scenario does not load: {e}",
            journal.display()
        )
    })?
    .case;
    Ok((restored, case))
}

/// Every table's debrief from a restored journal.
pub fn debriefs(restored: &faisceau_store::Restored, case: &Case) -> Result<Vec<Debrief>, String> {
    restored
        .tables
        .iter()
        .enumerate()
        .map(|(t, events)| {
            Debrief::build(case, events).map_err(|e| format!("table {}: {e}", t + 1))
        })
        .collect()
}

/// The people seated in a restored journal: their names, or pseudonyms
/// ("Stagiaire 1", numbered in table and role order) when `names` is false.
pub fn seated(restored: &faisceau_store::Restored, names: bool, tr: &Tr) -> Vec<Seated> {
    let mut people: Vec<Seated> = restored
        .seats
        .iter()
        .filter_map(|seat| {
            Some(Seated {
                table: seat.table,
                role: Id::new(&seat.role),
                name: seat.name.clone()?,
            })
        })
        .collect();
    people.sort_by(|a, b| (a.table, &a.role).cmp(&(b.table, &b.role)));
    if !names {
        for (n, person) in people.iter_mut().enumerate() {
            person.name = tr.t_args("report-pseudonym", &[("n", (n + 1).to_string())]);
        }
    }
    people
}

/// The report of the workshop in a journal, with the trainees' names or
/// pseudonyms.
/// Trainee pages only when `trainees` asks for them: a trainer hands out
/// the tables' pages, and gives each trainee their own separately.
pub fn from_journal(
    journal: &std::path::Path,
    tr: &Tr,
    names: bool,
    trainees: bool,
) -> Result<String, String> {
    let (restored, case) = open_journal(journal)?;
    let tables = debriefs(&restored, &case)?;
    let people = if trainees {
        seated(&restored, names, tr)
    } else {
        Vec::new()
    };
    Ok(html(
        &Workshop {
            name: &restored.workshop.name,
            case: &case,
            tables: &tables,
            people: &people,
            personal: names,
        },
        tr,
    ))
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use faisceau_engine::bot::{Temperament, play_on};
    use faisceau_engine::{Session, load};

    use super::*;
    use crate::i18n::Lang;

    fn case() -> Arc<Case> {
        Arc::new(
            load(
                include_str!("../../scenarios/foyer_fugues.ron"),
                "foyer_fugues.ron",
                &crate::rulebooks::shelf_for(std::path::Path::new("scenarios/foyer_fugues.ron")),
            )
            .unwrap()
            .case,
        )
    }

    fn report(lang: Lang) -> String {
        let case = case();
        let tables: Vec<Debrief> = (1..=2)
            .map(|seed| {
                let mut session = Session::new(Arc::clone(&case), seed);
                play_on(&mut session, None, &Temperament::default());
                Debrief::build(&case, session.events()).unwrap()
            })
            .collect();
        let people = vec![Seated {
            table: 1,
            role: Id::new("educatrice"),
            name: "Inès <B.>".into(),
        }];
        html(
            &Workshop {
                name: "Atelier de Lyon",
                case: &case,
                tables: &tables,
                people: &people,
                personal: true,
            },
            &Tr::new(lang),
        )
    }

    #[test]
    fn a_pseudonymous_report_holds_no_note_and_no_reason_written_at_the_table() {
        let case = case();
        // The first seed whose table rejects a proposal with a reason.
        let (session, reasons) = (1..50)
            .map(|seed| {
                let mut session = Session::new(Arc::clone(&case), seed);
                session
                    .direct(faisceau_engine::TrainerCommand::Start)
                    .unwrap();
                session
                    .direct(faisceau_engine::TrainerCommand::Note {
                        text: "Inès hésite à appeler la police".into(),
                    })
                    .unwrap();
                play_on(&mut session, None, &Temperament::default());
                let reasons: Vec<String> = session
                    .events()
                    .iter()
                    .filter_map(|e| match &e.kind {
                        faisceau_engine::EventKind::Rejected { reason, .. }
                            if !reason.is_empty() =>
                        {
                            Some(reason.clone())
                        }
                        _ => None,
                    })
                    .collect();
                (session, reasons)
            })
            .find(|(_, reasons)| !reasons.is_empty())
            .unwrap_or_else(|| (Session::new(Arc::clone(&case), 0), Vec::new()));
        let debrief = Debrief::build(&case, session.events()).unwrap();
        assert!(
            !reasons.is_empty(),
            "the bots rejected a proposal with a reason"
        );
        let page = |personal| {
            html(
                &Workshop {
                    name: "Atelier de Lyon",
                    case: &case,
                    tables: std::slice::from_ref(&debrief),
                    people: &[],
                    personal,
                },
                &Tr::new(Lang::Fr),
            )
        };
        let full = page(true);
        assert!(
            full.contains("Inès hésite"),
            "the trainer's own report has the note"
        );
        let pseudonymous = page(false);
        assert!(!pseudonymous.contains("Inès hésite"));
        for reason in &reasons {
            assert!(!pseudonymous.contains(&esc(reason)), "{reason}");
        }
    }

    /// Tables played by the engine's bots, one seed each.
    fn played(case: &Arc<Case>, seeds: std::ops::RangeInclusive<u64>) -> Vec<Debrief> {
        seeds
            .map(|seed| {
                let mut session = Session::new(Arc::clone(case), seed);
                play_on(&mut session, None, &Temperament::default());
                Debrief::build(case, session.events()).unwrap()
            })
            .collect()
    }

    #[test]
    fn repeated_shares_are_folded_into_one_moment_with_their_count() {
        let case = case();
        let tr = Tr::new(Lang::Fr);
        for d in played(&case, 1..=6) {
            let sent: Vec<(&Id, &faisceau_engine::debrief::ShareRecord)> = d
                .roles
                .iter()
                .flat_map(|r| r.sent.iter().map(move |share| (&r.role, share)))
                .filter(|(_, share)| share.verdict != Verdict::Allowed)
                .collect();
            let mut runs: Vec<(&Id, &Id, Verdict)> = sent
                .iter()
                .map(|(role, share)| (*role, &share.frame, share.verdict))
                .collect();
            runs.sort_by_key(|(role, frame, verdict)| (*role, *frame, *verdict as u8));
            runs.dedup();
            let moments = moments(&tr, &case, &d, false);
            let folded: Vec<&Moment> = moments.iter().filter(|m| m.until.is_some()).collect();
            assert_eq!(
                folded.len(),
                runs.len(),
                "one line per sender, frame and verdict"
            );
            // Every share is counted in its line: "N partages", or "un partage".
            let counted: usize = folded
                .iter()
                .map(|m| {
                    m.what
                        .split_whitespace()
                        .next()
                        .and_then(|n| n.parse().ok())
                        .unwrap_or(1)
                })
                .sum();
            assert_eq!(counted, sent.len(), "{folded:?}");
            assert!(
                moments.iter().all(|m| m.class != "allowed"),
                "allowed shares are in the graph, not among the moments"
            );
        }
    }

    /// The report of six tables played by bots, printed by Chromium as a
    /// trainer would: two pages per table at most, PEARLS first, no trainee
    /// page unless asked, no page header or footer from the browser.
    #[test]
    fn six_tables_print_on_at_most_sixteen_a4_pages() {
        if std::process::Command::new("chromium")
            .arg("--version")
            .output()
            .is_err()
        {
            assert!(
                std::env::var_os("FAISCEAU_REQUIRE_BROWSER").is_none(),
                "chromium is required here"
            );
            eprintln!("skipped: chromium is not installed");
            return;
        }
        let case = case();
        let tables = played(&case, 1..=6);
        let page = html(
            &Workshop {
                name: "Atelier de Lyon",
                case: &case,
                tables: &tables,
                people: &[],
                personal: true,
            },
            &Tr::new(Lang::Fr),
        );
        let pearls = page.find("PEARLS").expect("the PEARLS section");
        assert!(
            pearls < page.find("Table 1").expect("table 1"),
            "PEARLS first"
        );
        assert!(
            page.contains("@page { size: A4; margin: 0; }"),
            "no browser header or footer"
        );
        let dir = std::env::temp_dir().join(format!("faisceau-report-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let (file, pdf) = (dir.join("report.html"), dir.join("report.pdf"));
        std::fs::write(&file, &page).unwrap();
        let output = std::process::Command::new("chromium")
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-pdf-header-footer",
            ])
            .arg(format!("--user-data-dir={}", dir.join("profile").display()))
            .arg(format!("--print-to-pdf={}", pdf.display()))
            .arg(format!("file://{}", file.display()))
            .output()
            .unwrap();
        let bytes = std::fs::read(&pdf)
            .unwrap_or_else(|_| panic!("no PDF: {}", String::from_utf8_lossy(&output.stderr)));
        // Each page object is "/Type /Page"; the tree's nodes are "/Pages".
        let text = String::from_utf8_lossy(&bytes);
        let pages = text
            .match_indices("/Type /Page")
            .filter(|(i, _)| !text[i + 11..].starts_with('s'))
            .count();
        assert!(
            (8..=16).contains(&pages),
            "six tables on {pages} pages (PEARLS, 2 per table, teaching points, bases): {}",
            pdf.display()
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_report_names_no_external_resource() {
        let page = report(Lang::Fr).to_lowercase();
        for needle in [
            "src=", "href=", "<link", "url(", "@import", "<script", "<img", "<iframe",
        ] {
            assert!(!page.contains(needle), "the report contains {needle}");
        }
        assert!(page.starts_with("<!doctype html>"));
    }

    #[test]
    fn the_report_has_pearls_every_table_the_bases_and_a_page_per_trainee() {
        let page = report(Lang::Fr);
        for heading in [
            "Débriefing structuré (PEARLS)",
            "Réactions",
            "Description",
            "Analyse",
            "Application",
            "Synthèse",
            "Table 1",
            "Table 2",
            "Les bases légales des verdicts",
            "Les points à retenir",
        ] {
            assert!(page.contains(heading), "{heading}");
        }
        assert_eq!(
            page.matches("<svg").count(),
            4,
            "a bundle chart and a sharing graph per table"
        );
        assert!(page.contains("Les moments clés"), "each table's timeline");
        // The trainee's page, with the name escaped.
        assert!(page.contains("Inès &lt;B.&gt;"));
        assert!(page.contains("Éducatrice de la MECS, table 2"));
        assert!(page.contains("@page { size: A4"), "a print stylesheet");
        let english = report(Lang::En);
        assert!(english.contains("Structured debrief (PEARLS)"));
        assert!(english.contains("<html lang=\"en\">"));
    }
}
