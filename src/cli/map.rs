//! `faisceau map CASE [--html FILE] [--lang fr|en] [--runs N] [--seed S]`:
//! the case on one page. The roles in columns by family, each clue where it
//! starts or under the action that reveals it; the key shares as arrows with
//! the frames that can carry them (their verdict, and the act or situation
//! each needs); the expected decisions with their requirements and
//! deadlines; the traps and where they lead; the injects and their
//! triggers; the bundle's minimums. Overlaid with `simulate`'s figures from
//! a fixed seed: how often bot tables made each key share, took each
//! decision in time, fell into each trap.
//!
//! What the map says is built once ([`CaseMap::build`]) and drawn twice:
//! as text on the terminal, and as one self-contained HTML page with an
//! inline SVG that prints on one A3 landscape sheet.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use faisceau_engine::model::{Condition, Deadline, Trigger};
use faisceau_engine::rulebook::Verdict;
use faisceau_engine::{Case, Id, Simulation, simulate};

use crate::i18n::Lang;

/// A role's column.
#[derive(Debug, PartialEq)]
pub struct Column {
    pub role: Id,
    pub name: String,
    pub profession: String,
    pub family: String,
    /// Clues the role knows from the start.
    pub start: Vec<Id>,
    /// The role's actions and the clues each may reveal.
    pub actions: Vec<(String, Vec<Id>)>,
    /// Decisions the role holds.
    pub powers: Vec<Id>,
}

/// A frame that can carry a key share from one holder.
#[derive(Debug, PartialEq)]
pub struct Route {
    pub from: Id,
    pub frame: Id,
    pub verdict: Verdict,
    /// The act the recipient must have issued, if the frame answers one.
    pub act: Option<Id>,
    /// The situations of fact the frame needs.
    pub situations: Vec<Id>,
}

/// A key share and how it may travel.
#[derive(Debug, PartialEq)]
pub struct Arrow {
    pub clue: Id,
    pub to: Id,
    /// Roles that can come to know the clue without a share.
    pub holders: Vec<Id>,
    pub routes: Vec<Route>,
    /// Share of simulated runs in which the clue reached the role.
    pub reached: Option<f64>,
    /// How it first arrived in those runs: a frame, or none (found or told
    /// otherwise), each with its share of all runs.
    pub through: Vec<(Option<Id>, f64)>,
}

/// An expected decision.
#[derive(Debug, PartialEq)]
pub struct DecisionRow {
    pub decision: Id,
    pub name: String,
    pub holders: Vec<Id>,
    pub requires: Vec<String>,
    pub deadline: Option<String>,
    pub on_time: Option<f64>,
    pub taken: Option<f64>,
}

/// A trap: a clue's, or a share's.
#[derive(Debug, PartialEq)]
pub struct TrapRow {
    pub id: Id,
    pub share: bool,
    /// The wrong conclusion it leads to, or the share that springs it.
    pub leads_to: String,
    pub caught: Option<f64>,
}

/// An inject.
#[derive(Debug, PartialEq)]
pub struct InjectRow {
    pub id: Id,
    pub name: String,
    pub trigger: String,
    pub reveals: Vec<Id>,
    pub fired: Option<f64>,
}

/// The case on one page.
#[derive(Debug, PartialEq)]
pub struct CaseMap {
    pub title: String,
    pub rulebook: String,
    pub columns: Vec<Column>,
    pub arrows: Vec<Arrow>,
    pub decisions: Vec<DecisionRow>,
    pub traps: Vec<TrapRow>,
    pub injects: Vec<InjectRow>,
    /// Category, minimum weight.
    pub bundle: Vec<(Id, u32)>,
    /// Runs and first seed of the figures.
    pub runs: usize,
    pub seed: u64,
}

impl CaseMap {
    /// The map of `case` in `lang`, with the figures of `sim` if given.
    pub fn build(
        case: &Case,
        lang: &str,
        sim: Option<&Simulation>,
        runs: usize,
        seed: u64,
    ) -> Self {
        let s = case.scenario();
        let book = case.rulebook();
        let t = |text: &faisceau_engine::text::Text| text.get(lang).to_owned();
        // Who reveals what: actions (always or by an outcome), and effects.
        let mut columns: Vec<Column> = s
            .roles
            .iter()
            .enumerate()
            .map(|(r, role)| {
                let profession = case.profession_of(r);
                let family = profession
                    .family
                    .as_ref()
                    .and_then(|f| book.families.iter().find(|x| x.id == *f))
                    .map_or_else(String::new, |f| t(&f.name));
                Column {
                    role: role.id.clone(),
                    name: t(&role.name),
                    profession: t(&profession.name),
                    family,
                    start: s
                        .clues
                        .iter()
                        .filter(|c| c.known_to.contains(&role.id))
                        .map(|c| c.id.clone())
                        .collect(),
                    actions: s
                        .actions
                        .iter()
                        .filter(|a| a.by.contains(&role.id))
                        .map(|a| {
                            let mut clues: Vec<Id> = a.reveals.clone();
                            for outcome in &a.outcomes {
                                for c in &outcome.reveals {
                                    if !clues.contains(c) {
                                        clues.push(c.clone());
                                    }
                                }
                            }
                            (t(&a.name), clues)
                        })
                        .collect(),
                    powers: role.powers.clone(),
                }
            })
            .collect();
        // Roles of one family side by side, in the rulebook's order of families.
        let family_rank = |c: &Column| {
            book.families
                .iter()
                .position(|f| t(&f.name) == c.family)
                .unwrap_or(usize::MAX)
        };
        columns.sort_by_key(family_rank);
        let knows_alone = |role: &Id, clue: &Id| {
            columns.iter().find(|c| c.role == *role).is_some_and(|c| {
                c.start.contains(clue) || c.actions.iter().any(|(_, cl)| cl.contains(clue))
            })
        };
        let arrows = s
            .solution
            .key_shares
            .iter()
            .map(|share| {
                let holders: Vec<Id> = s
                    .roles
                    .iter()
                    .filter(|r| r.id != share.to && knows_alone(&r.id, &share.clue))
                    .map(|r| r.id.clone())
                    .collect();
                let mut routes = Vec::new();
                if let (Some(c), Some(to)) =
                    (case.clue(share.clue.as_str()), case.role(share.to.as_str()))
                {
                    let class = case.class(s.clues[c].class.as_str());
                    let relevant = !s.clues[c].indicators.is_empty();
                    for holder in &holders {
                        let Some(from) = case.role(holder.as_str()) else {
                            continue;
                        };
                        for (f, frame) in book.frames.iter().enumerate() {
                            if !case.frame_reaches(f, from, to) {
                                continue;
                            }
                            let verdict = class.map_or(frame.verdict, |class| {
                                case.judge_class(f, class, relevant, from, to, &frame.requires)
                                    .verdict
                            });
                            routes.push(Route {
                                from: holder.clone(),
                                frame: frame.id.clone(),
                                verdict,
                                act: frame.opened_by.clone(),
                                situations: frame.requires.clone(),
                            });
                        }
                    }
                }
                // The lawful routes first, then the cautions, then the breaches.
                routes.sort_by_key(|r| (r.verdict, r.act.is_some()));
                let rate = sim.and_then(|sim| {
                    sim.key_shares
                        .iter()
                        .find(|k| k.clue == share.clue && k.to == share.to)
                });
                Arrow {
                    reached: rate.map(|k| k.reached),
                    through: rate.map(|k| k.through.clone()).unwrap_or_default(),
                    clue: share.clue.clone(),
                    to: share.to.clone(),
                    holders,
                    routes,
                }
            })
            .collect();
        let decisions = s
            .solution
            .expected_decisions
            .iter()
            .map(|expected| {
                let decision = case
                    .decision(expected.decision.as_str())
                    .map(|d| &s.decisions[d]);
                let rate = sim.and_then(|sim| {
                    sim.decisions
                        .iter()
                        .find(|d| d.decision == expected.decision)
                });
                DecisionRow {
                    decision: expected.decision.clone(),
                    name: decision.map_or_else(String::new, |d| t(&d.name)),
                    holders: s
                        .roles
                        .iter()
                        .filter(|r| r.powers.contains(&expected.decision))
                        .map(|r| r.id.clone())
                        .collect(),
                    requires: decision
                        .map(|d| d.requires.iter().map(condition).collect())
                        .unwrap_or_default(),
                    deadline: expected.deadline.as_ref().map(|d| deadline(case, d, lang)),
                    on_time: rate.map(|r| r.on_time),
                    taken: rate.map(|r| r.taken),
                }
            })
            .collect();
        let mut traps: Vec<TrapRow> = s
            .clues
            .iter()
            .filter_map(|c| c.trap.as_ref().map(|trap| (c, trap)))
            .map(|(c, trap)| TrapRow {
                id: c.id.clone(),
                share: false,
                leads_to: trap.leads_to.as_ref().map_or_else(String::new, |l| {
                    case.conclusion(l.as_str())
                        .map_or_else(|| l.to_string(), |i| t(&s.conclusions[i].name))
                }),
                caught: sim.and_then(|sim| {
                    sim.traps
                        .iter()
                        .find(|x| x.clue == c.id && !x.share)
                        .map(|x| x.caught)
                }),
            })
            .collect();
        traps.extend(s.share_traps.iter().map(|trap| {
            let b = &trap.share;
            let what = [
                b.clue.as_ref().map(|c| c.to_string()),
                b.class.as_ref().map(|c| format!("[{c}]")),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
            let to =
                b.to.as_ref()
                    .or(b.profession.as_ref())
                    .map_or_else(|| "*".to_owned(), Id::to_string);
            let frame = b
                .frame
                .as_ref()
                .map_or_else(String::new, |f| format!(" ({f})"));
            TrapRow {
                id: trap.id.clone(),
                share: true,
                leads_to: format!("{what} → {to}{frame}, ≥ {:?}", b.at_least),
                caught: sim.and_then(|sim| {
                    sim.traps
                        .iter()
                        .find(|x| x.clue == trap.id && x.share)
                        .map(|x| x.caught)
                }),
            }
        }));
        let injects = s
            .injects
            .iter()
            .map(|inject| InjectRow {
                id: inject.id.clone(),
                name: t(&inject.name),
                trigger: trigger(&inject.trigger),
                reveals: inject
                    .effects
                    .iter()
                    .filter_map(|e| match e {
                        faisceau_engine::model::Effect::Reveal { clue, .. } => Some(clue.clone()),
                        _ => None,
                    })
                    .collect(),
                fired: sim.and_then(|sim| {
                    sim.injects
                        .iter()
                        .find(|i| i.inject == inject.id)
                        .map(|i| i.fired)
                }),
            })
            .collect();
        CaseMap {
            title: t(&s.title),
            rulebook: format!("{} ({})", book.id, book.law_as_of),
            columns,
            arrows,
            decisions,
            traps,
            injects,
            bundle: s
                .solution
                .bundle
                .iter()
                .map(|b| (b.category.clone(), b.min_weight))
                .collect(),
            runs,
            seed,
        }
    }
}

/// A condition in the case's own words (its RON, without the quotes).
pub fn condition(c: &Condition) -> String {
    let list = |cs: &[Condition]| cs.iter().map(condition).collect::<Vec<_>>().join(", ");
    match c {
        Condition::All(cs) => format!("All({})", list(cs)),
        Condition::Any(cs) => format!("Any({})", list(cs)),
        Condition::Not(c) => format!("Not({})", condition(c)),
        Condition::During { from, to } => format!("During({from}…{to})"),
        Condition::SharedTo { clue, to } => format!("SharedTo({clue} → {to})"),
        Condition::Issued(x) => format!("Issued({x})"),
        Condition::SharedThrough(x) => format!("SharedThrough({x})"),
        Condition::Knows(x) => format!("Knows({x})"),
        Condition::Decided(x) => format!("Decided({x})"),
        Condition::FromPhase(x) => format!("FromPhase({x})"),
        Condition::Done(x) => format!("Done({x})"),
        Condition::Released(x) => format!("Released({x})"),
        Condition::Situation(x) => format!("Situation({x})"),
        Condition::Trust { person, at_least } => format!("Trust({person} ≥ {at_least})"),
    }
}

fn trigger(t: &Trigger) -> String {
    match t {
        Trigger::Trainer => "Trainer".to_owned(),
        Trigger::AtPhase(p) => format!("AtPhase({p})"),
        Trigger::IfNotDecided { decision, by } => format!("IfNotDecided({decision}, by {by})"),
        Trigger::AfterDecision(d) => format!("AfterDecision({d})"),
        Trigger::When(c) => format!("When({})", condition(c)),
        Trigger::IfNotBy { condition: c, by } => format!("IfNotBy({}, by {by})", condition(c)),
    }
}

fn deadline(case: &Case, d: &Deadline, lang: &str) -> String {
    let minutes = case.deadline_minutes(d);
    let (day, hour, minute) = (
        minutes / (24 * 60) + 1,
        minutes % (24 * 60) / 60,
        minutes % 60,
    );
    let when = if lang == "fr" {
        format!("J{day} {hour:02}:{minute:02}")
    } else {
        format!("day {day} {hour:02}:{minute:02}")
    };
    match d {
        Deadline::EndOfPhase(p) => format!("{when} (EndOfPhase({p}))"),
        Deadline::WithinHours(h) => format!("{when} (WithinHours({h}))"),
    }
}

fn percent(x: Option<f64>) -> String {
    x.map_or_else(|| "—".to_owned(), super::simulate::percent)
}

/// `s` escaped for HTML, cut to `max` characters with an ellipsis; the
/// whole text stays in a tooltip.
fn fit(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return escape(s);
    }
    let cut: String = s.chars().take(max - 1).collect();
    format!("{}…<title>{}</title>", escape(&cut), escape(s))
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The words of the page, in the workshop's two languages.
struct Words {
    fr: bool,
}

impl Words {
    fn w(&self, en: &'static str, fr: &'static str) -> &'static str {
        if self.fr { fr } else { en }
    }
}

/// The map as text, for the terminal.
pub fn text(map: &CaseMap, lang: &str) -> String {
    let w = Words { fr: lang == "fr" };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} — {} {}",
        map.title,
        w.w("rulebook", "référentiel"),
        map.rulebook
    );
    for c in &map.columns {
        let _ = writeln!(
            out,
            "\n[{}] {} — {} ({})",
            c.role, c.name, c.profession, c.family
        );
        if !c.start.is_empty() {
            let _ = writeln!(
                out,
                "  {}: {}",
                w.w("knows from the start", "sait dès le début"),
                ids(&c.start)
            );
        }
        for (action, clues) in &c.actions {
            if !clues.is_empty() {
                let _ = writeln!(out, "  {action} → {}", ids(clues));
            }
        }
        if !c.powers.is_empty() {
            let _ = writeln!(out, "  {}: {}", w.w("decides", "décide"), ids(&c.powers));
        }
    }
    let _ = writeln!(
        out,
        "\n{} ({} {}, seed {}):",
        w.w("Key shares", "Partages clés"),
        map.runs,
        w.w("runs", "parties"),
        map.seed
    );
    for a in &map.arrows {
        let _ = writeln!(
            out,
            "  {} → {} ({} {}{})",
            a.clue,
            a.to,
            percent(a.reached),
            w.w("of runs", "des parties"),
            through(a, &w)
        );
        for r in &a.routes {
            let _ = writeln!(
                out,
                "    {} {} `{}`: {:?}{}",
                w.w("from", "de"),
                r.from,
                r.frame,
                r.verdict,
                needs(r, &w)
            );
        }
    }
    let _ = writeln!(
        out,
        "\n{}:",
        w.w("Expected decisions", "Décisions attendues")
    );
    for d in &map.decisions {
        let _ = writeln!(
            out,
            "  {} ({}) — {}: {}; {}: {}; {} {} / {} {}",
            d.decision,
            ids(&d.holders),
            w.w("requires", "exige"),
            if d.requires.is_empty() {
                "—".to_owned()
            } else {
                d.requires.join(", ")
            },
            w.w("deadline", "échéance"),
            d.deadline.as_deref().unwrap_or("—"),
            percent(d.on_time),
            w.w("in time", "à temps"),
            percent(d.taken),
            w.w("taken", "prises"),
        );
    }
    let _ = writeln!(out, "\n{}:", w.w("Traps", "Pièges"));
    for t in &map.traps {
        let _ = writeln!(
            out,
            "  {} → {} ({} {})",
            t.id,
            t.leads_to,
            percent(t.caught),
            w.w("caught", "pris")
        );
    }
    if !map.injects.is_empty() {
        let _ = writeln!(out, "\n{}:", w.w("Injects", "Événements"));
        for i in &map.injects {
            let _ = writeln!(
                out,
                "  {} — {}{} ({} {})",
                i.id,
                i.trigger,
                reveals(&i.reveals),
                percent(i.fired),
                w.w("fired", "déclenchés")
            );
        }
    }
    let _ = writeln!(
        out,
        "\n{}: {}",
        w.w("Bundle minimums", "Minimums du faisceau"),
        map.bundle
            .iter()
            .map(|(c, m)| format!("{c} ≥ {m}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    out
}

/// How the simulated tables made a key share: ", via f 60%, found 10%".
fn through(a: &Arrow, w: &Words) -> String {
    if a.through.is_empty() {
        return String::new();
    }
    let ways: Vec<String> = a
        .through
        .iter()
        .map(|(frame, share)| {
            format!(
                "{} {}",
                frame.as_ref().map_or(
                    w.w("found or told otherwise", "trouvé ou appris autrement"),
                    |f| f.as_str()
                ),
                percent(Some(*share))
            )
        })
        .collect();
    format!(", {} {}", w.w("via", "par"), ways.join(", "))
}

fn ids(list: &[Id]) -> String {
    list.iter().map(Id::as_str).collect::<Vec<_>>().join(", ")
}

fn reveals(list: &[Id]) -> String {
    if list.is_empty() {
        String::new()
    } else {
        format!(" → {}", ids(list))
    }
}

fn needs(r: &Route, w: &Words) -> String {
    let mut parts = Vec::new();
    if let Some(act) = &r.act {
        parts.push(format!("{} {act}", w.w("after the act", "après l'acte")));
    }
    if !r.situations.is_empty() {
        parts.push(format!(
            "{} {}",
            w.w("while", "tant que"),
            ids(&r.situations)
        ));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" ({})", parts.join("; "))
    }
}

const COLUMN: f64 = 250.0;
const ROW: f64 = 18.0;

/// The map as one self-contained HTML page (inline SVG and CSS), sized to
/// print on one A3 landscape sheet.
pub fn html(map: &CaseMap, lang: &str) -> String {
    let w = Words { fr: lang == "fr" };
    let mut svg = String::new();
    let n = map.columns.len().max(1) as f64;
    let width = n * COLUMN;
    // The columns: header, then the clues at start and by action.
    let mut bottom: f64 = 0.0;
    let mut clue_y: Vec<(Id, usize, f64)> = Vec::new();
    for (i, c) in map.columns.iter().enumerate() {
        let x = i as f64 * COLUMN + 6.0;
        let mut y = 8.0;
        let _ = write!(
            svg,
            r#"<rect x="{x}" y="{y}" width="{}" height="46" rx="6" class="head"/><text x="{}" y="{}" class="role">{}</text><text x="{}" y="{}" class="prof">{}</text><text x="{}" y="{}" class="fam">{}</text>"#,
            COLUMN - 12.0,
            x + 8.0,
            y + 17.0,
            fit(&c.name, 30),
            x + 8.0,
            y + 31.0,
            fit(&c.profession, 38),
            x + 8.0,
            y + 42.0,
            fit(&c.family, 42)
        );
        y += 58.0;
        let mut chip = |svg: &mut String, y: &mut f64, id: &Id, indent: f64| {
            let key = map.arrows.iter().any(|a| a.clue == *id);
            let trap = map.traps.iter().any(|t| t.id == *id && !t.share);
            let class = if trap {
                "chip trap"
            } else if key {
                "chip key"
            } else {
                "chip"
            };
            let mark = if trap {
                "⚠ "
            } else if key {
                "★ "
            } else {
                ""
            };
            let _ = write!(
                svg,
                r#"<rect x="{}" y="{}" width="{}" height="{}" rx="4" class="{class}"/><text x="{}" y="{}" class="clue">{mark}{}</text>"#,
                x + indent,
                *y,
                COLUMN - 14.0 - indent,
                ROW - 3.0,
                x + indent + 5.0,
                *y + 11.5,
                fit(id.as_str(), 36)
            );
            clue_y.push((id.clone(), i, *y + ROW / 2.0));
            *y += ROW;
        };
        if !c.start.is_empty() {
            let _ = write!(
                svg,
                r#"<text x="{}" y="{}" class="label">{}</text>"#,
                x + 2.0,
                y + 10.0,
                w.w("From the start", "Dès le début")
            );
            y += 14.0;
            for id in &c.start {
                chip(&mut svg, &mut y, id, 0.0);
            }
        }
        for (action, clues) in &c.actions {
            if clues.is_empty() {
                continue;
            }
            let _ = write!(
                svg,
                r#"<text x="{}" y="{}" class="label">▸ {}</text>"#,
                x + 2.0,
                y + 10.0,
                escape(action)
            );
            y += 14.0;
            for id in clues {
                chip(&mut svg, &mut y, id, 8.0);
            }
        }
        // The decisions the role holds, one per line.
        for (k, power) in c.powers.iter().enumerate() {
            let _ = write!(
                svg,
                r#"<text x="{}" y="{}" class="label">{} {}</text>"#,
                x + 2.0,
                y + 12.0,
                if k == 0 { "⚖" } else { "\u{2003}" },
                fit(power.as_str(), 40)
            );
            y += 13.0;
        }
        bottom = bottom.max(y);
    }
    // The key shares: one row each below the columns, an arrow from each
    // holder's column to the recipient's.
    let mut y = bottom + 58.0;
    let _ = write!(
        svg,
        r#"<text x="6" y="{}" class="section">{} — {} {}, seed {}</text>"#,
        y - 36.0,
        w.w(
            "Key shares and the frames that can carry them",
            "Partages clés et cadres qui peuvent les porter"
        ),
        map.runs,
        w.w("simulated runs", "parties simulées"),
        map.seed
    );
    let col_of = |role: &Id| map.columns.iter().position(|c| c.role == *role);
    for a in &map.arrows {
        let Some(to) = col_of(&a.to) else { continue };
        let to_x = to as f64 * COLUMN + COLUMN / 2.0;
        for holder in &a.holders {
            let Some(from) = col_of(holder) else { continue };
            let from_x = from as f64 * COLUMN + COLUMN / 2.0;
            let lawful = a
                .routes
                .iter()
                .any(|r| r.from == *holder && r.verdict != Verdict::Breach);
            let _ = write!(
                svg,
                r#"<line x1="{from_x}" y1="{}" x2="{}" y2="{}" class="{}" marker-end="url(#head)"/>"#,
                y + 6.0,
                if to_x > from_x {
                    to_x - 6.0
                } else {
                    to_x + 6.0
                },
                y + 6.0,
                if lawful { "share" } else { "share breach" }
            );
            let _ = write!(
                svg,
                r#"<circle cx="{from_x}" cy="{}" r="3.5" class="dot"/>"#,
                y + 6.0
            );
        }
        let frames: Vec<String> = a
            .routes
            .iter()
            .filter(|r| r.verdict != Verdict::Breach)
            .map(|r| {
                let mark = if r.verdict == Verdict::Allowed {
                    "✓"
                } else {
                    "!"
                };
                let mut needs = Vec::new();
                if let Some(act) = &r.act {
                    needs.push(format!("{} {act}", w.w("after", "après")));
                }
                if !r.situations.is_empty() {
                    needs.push(ids(&r.situations));
                }
                if needs.is_empty() {
                    format!("{mark} {}", r.frame)
                } else {
                    format!("{mark} {} ({})", r.frame, needs.join("; "))
                }
            })
            .fold(Vec::new(), |mut v, f| {
                if !v.contains(&f) {
                    v.push(f);
                }
                v
            });
        // Two lines above the arrow: what the tables did, then the frames
        // the law offers; each cut to the page's width.
        let fits = (width / 6.4) as usize;
        let made = format!(
            "{} → {} · {} {}{}",
            a.clue,
            a.to,
            percent(a.reached),
            w.w("of runs", "des parties"),
            through(a, &w)
        );
        let lawful = format!(
            "{}: {}",
            w.w("lawful frames", "cadres licites"),
            if frames.is_empty() {
                w.w("none", "aucun").to_owned()
            } else {
                frames.join(", ")
            }
        );
        let _ = write!(
            svg,
            r#"<text x="8" y="{}" class="arrowlabel"><tspan font-weight="700">{}</tspan></text><text x="8" y="{}" class="arrowlabel frames">{}</text>"#,
            y - 14.0,
            fit(&made, fits),
            y - 1.0,
            fit(&lawful, fits)
        );
        y += 44.0;
    }
    let height = y + 10.0;
    let mut page = String::new();
    let _ = write!(
        page,
        r#"<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title><style>
@page {{ size: A3 landscape; margin: 10mm; }}
body {{ font-family: "Inter", "Segoe UI", Arial, sans-serif; color: #1d2433; margin: 16px; }}
h1 {{ font-size: 20px; margin: 0 0 2px; }} .sub {{ color: #555; font-size: 12px; margin-bottom: 8px; }}
svg {{ width: 100%; height: auto; }}
.head {{ fill: #e8eef8; stroke: #2c4a7a; }} .role {{ font-weight: 700; font-size: 13px; fill: #1d2433; }}
.prof {{ font-size: 11px; fill: #333; }} .fam {{ font-size: 10px; fill: #667; font-style: italic; }}
.chip {{ fill: #fff; stroke: #aab; }} .chip.key {{ fill: #fff7d6; stroke: #c9a227; }} .chip.trap {{ fill: #fde8e4; stroke: #b5432f; }}
.clue {{ font-size: 10.5px; fill: #1d2433; }} .label {{ font-size: 10px; fill: #555; }}
.section {{ font-size: 13px; font-weight: 700; fill: #1d2433; }}
.share {{ stroke: #2c4a7a; stroke-width: 2; }} .share.breach {{ stroke: #b5432f; stroke-dasharray: 5 3; }}
.dot {{ fill: #2c4a7a; }} .arrowlabel {{ font-size: 11px; fill: #1d2433; }} .frames {{ fill: #444; }}
.tables {{ display: grid; grid-template-columns: 1.6fr 1fr 1fr; gap: 14px; font-size: 11px; margin-top: 8px; }}
table {{ border-collapse: collapse; width: 100%; }} th, td {{ border-bottom: 1px solid #ccd; text-align: left; padding: 2px 4px; vertical-align: top; }}
th {{ background: #f0f3f8; }} h2 {{ font-size: 13px; margin: 4px 0; }} .num {{ text-align: right; white-space: nowrap; }}
.legend {{ font-size: 11px; color: #444; margin: 4px 0 8px; }}
</style></head><body><h1>{title}</h1><div class="sub">{rulebook_word} {rulebook} · {legend}</div>"#,
        title = escape(&map.title),
        rulebook_word = w.w("rulebook", "référentiel"),
        rulebook = escape(&map.rulebook),
        legend = w.w(
            "★ key clue · ⚠ trap · ▸ action that reveals · ⚖ decisions held · solid arrow: a frame carries it lawfully (✓ allowed, ! caution) · dashed: only through a breach",
            "★ indice clé · ⚠ piège · ▸ action qui révèle · ⚖ décisions détenues · flèche pleine : un cadre le porte licitement (✓ permis, ! prudence) · pointillés : seulement par une faute"
        ),
    );
    let _ = write!(
        page,
        r##"<svg viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg" role="img"><defs><marker id="head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#2c4a7a"/></marker></defs>{svg}</svg>"##
    );
    // The tables: decisions; traps; injects and the bundle.
    let _ = write!(
        page,
        r#"<div class="tables"><div><h2>{}</h2><table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th class="num">{}</th></tr>"#,
        w.w("Expected decisions", "Décisions attendues"),
        w.w("decision", "décision"),
        w.w("held by", "détenue par"),
        w.w("requires", "exige"),
        w.w("deadline", "échéance"),
        w.w("in time / taken", "à temps / prises")
    );
    for d in &map.decisions {
        let _ = write!(
            page,
            r#"<tr><td><b>{}</b><br>{}</td><td>{}</td><td>{}</td><td>{}</td><td class="num">{} / {}</td></tr>"#,
            escape(d.decision.as_str()),
            escape(&d.name),
            escape(&ids(&d.holders)),
            escape(&if d.requires.is_empty() {
                "—".to_owned()
            } else {
                d.requires.join(", ")
            }),
            escape(d.deadline.as_deref().unwrap_or("—")),
            percent(d.on_time),
            percent(d.taken)
        );
    }
    let _ = write!(
        page,
        r#"</table></div><div><h2>{}</h2><table><tr><th>{}</th><th>{}</th><th class="num">{}</th></tr>"#,
        w.w("Traps", "Pièges"),
        w.w("trap", "piège"),
        w.w("leads to", "mène à"),
        w.w("caught", "pris")
    );
    for t in &map.traps {
        let _ = write!(
            page,
            r#"<tr><td>⚠ {}{}</td><td>{}</td><td class="num">{}</td></tr>"#,
            escape(t.id.as_str()),
            if t.share {
                w.w(" (share)", " (partage)")
            } else {
                ""
            },
            escape(&t.leads_to),
            percent(t.caught)
        );
    }
    let _ = write!(
        page,
        r#"</table></div><div><h2>{}</h2><table><tr><th>{}</th><th>{}</th><th class="num">{}</th></tr>"#,
        w.w("Injects", "Événements"),
        w.w("inject", "événement"),
        w.w("trigger", "déclencheur"),
        w.w("fired", "déclenchés")
    );
    for i in &map.injects {
        let _ = write!(
            page,
            r#"<tr><td><b>{}</b><br>{}</td><td>{}{}</td><td class="num">{}</td></tr>"#,
            escape(i.id.as_str()),
            escape(&i.name),
            escape(&i.trigger),
            escape(&reveals(&i.reveals)),
            percent(i.fired)
        );
    }
    let _ = write!(
        page,
        r#"</table><h2>{}</h2><table>"#,
        w.w("Bundle minimums", "Minimums du faisceau")
    );
    for (category, min) in &map.bundle {
        let _ = write!(
            page,
            r#"<tr><td>{}</td><td class="num">≥ {min}</td></tr>"#,
            escape(category.as_str())
        );
    }
    page.push_str("</table></div></div></body></html>\n");
    page
}

pub fn run(
    path: &Path,
    html_file: Option<&Path>,
    lang: Lang,
    runs: usize,
    seed: u64,
) -> Result<ExitCode, String> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| format!("{name}: {e}"))?;
    let loaded = faisceau_engine::load_bytes(&bytes, &name, &crate::rulebooks::shelf_for(path))
        .map_err(|err| super::in_words(&err.diagnostics, lang))?;
    let case = Arc::new(loaded.case);
    let sim = (runs > 0).then(|| simulate(Arc::clone(&case), runs, seed));
    let map = CaseMap::build(&case, lang.code(), sim.as_ref(), runs, seed);
    match html_file {
        Some(file) => {
            std::fs::write(file, html(&map, lang.code()))
                .map_err(|e| format!("{}: {e}", file.display()))?;
            super::emit(&format!("{}\n", file.display()))?;
        }
        None => super::emit(&text(&map, lang.code()))?,
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(file: &str) -> Arc<Case> {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("scenarios")
            .join(file);
        let bytes = std::fs::read(&path).unwrap();
        let loaded = faisceau_engine::load_bytes(&bytes, file, &crate::rulebooks::shelf_for(&path))
            .unwrap_or_else(|e| panic!("{:#?}", e.diagnostics));
        Arc::new(loaded.case)
    }

    #[test]
    fn every_key_share_trap_decision_and_clue_of_every_case_is_on_its_map() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
        let mut cases = 0;
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "ron") {
                continue;
            }
            let file = path.file_name().unwrap().to_string_lossy().into_owned();
            let case = load(&file);
            let s = case.scenario();
            let map = CaseMap::build(&case, "fr", None, 0, 1);
            for share in &s.solution.key_shares {
                let arrow = map
                    .arrows
                    .iter()
                    .find(|a| a.clue == share.clue && a.to == share.to)
                    .unwrap_or_else(|| panic!("{file}: {} → {} missing", share.clue, share.to));
                // Each route is a frame that runs between the two roles.
                for route in &arrow.routes {
                    let (f, from, to) = (
                        case.frame(route.frame.as_str()).unwrap(),
                        case.role(route.from.as_str()).unwrap(),
                        case.role(share.to.as_str()).unwrap(),
                    );
                    assert!(case.frame_between(f, from, to).is_ok(), "{file}: {route:?}");
                }
            }
            for expected in &s.solution.expected_decisions {
                assert!(
                    map.decisions
                        .iter()
                        .any(|d| d.decision == expected.decision),
                    "{file}"
                );
            }
            for clue in s.clues.iter().filter(|c| c.trap.is_some()) {
                assert!(
                    map.traps.iter().any(|t| t.id == clue.id && !t.share),
                    "{file}"
                );
            }
            for trap in &s.share_traps {
                assert!(
                    map.traps.iter().any(|t| t.id == trap.id && t.share),
                    "{file}"
                );
            }
            assert_eq!(map.columns.len(), s.roles.len());
            assert_eq!(map.injects.len(), s.injects.len());
            assert_eq!(map.bundle.len(), s.solution.bundle.len());
            // Every clue that starts somewhere is in its role's column.
            for clue in &s.clues {
                for role in &clue.known_to {
                    let column = map.columns.iter().find(|c| c.role == *role).unwrap();
                    assert!(column.start.contains(&clue.id), "{file}: {}", clue.id);
                }
            }
            let page = html(&map, "fr");
            for share in &s.solution.key_shares {
                assert!(
                    page.contains(&format!("{} → {}", share.clue, share.to)),
                    "{file}"
                );
            }
            cases += 1;
        }
        assert!(cases >= 8, "the library's cases");
    }

    #[test]
    fn the_figures_come_from_a_fixed_seed() {
        let case = load("foyer_fugues.ron");
        let first = simulate(Arc::clone(&case), 40, 7);
        let again = simulate(Arc::clone(&case), 40, 7);
        let a = CaseMap::build(&case, "en", Some(&first), 40, 7);
        let b = CaseMap::build(&case, "en", Some(&again), 40, 7);
        assert_eq!(a, b);
        let reached: Vec<Option<f64>> = a.arrows.iter().map(|a| a.reached).collect();
        assert!(reached.iter().all(Option::is_some));
        for (arrow, rate) in a.arrows.iter().zip(&first.key_shares) {
            assert_eq!(arrow.reached, Some(rate.reached));
            assert_eq!(arrow.through, rate.through);
        }
        // Some key share of this case travels through a frame in the runs.
        assert!(
            a.arrows
                .iter()
                .any(|a| a.through.iter().any(|(f, _)| f.is_some()))
        );
    }
}
