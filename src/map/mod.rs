//! The case on one page: the roles in columns by family, each clue where
//! it starts or under the action that reveals it; the key shares as arrows
//! with the frames that can carry them (their verdict, and the act or
//! situation each needs); the expected decisions with their requirements
//! and deadlines; the traps and where they lead; the injects and their
//! triggers; the bundle's minimums. Overlaid with `simulate`'s figures from
//! a fixed seed: how often bot tables made each key share, took each
//! decision in time, fell into each trap.
//!
//! What the map says is built once ([`CaseMap::build`]); where each of its
//! marks goes is laid out once ([`draw::layout`]); that picture is drawn
//! as an inline SVG in one self-contained HTML page that prints on one A3
//! landscape sheet (`faisceau map --html`), and by the author preview's map
//! tab. The map also reads as text on the terminal (`faisceau map`).

use std::fmt::Write as _;

use faisceau_engine::model::{Condition, Deadline, Trigger};
use faisceau_engine::rulebook::Verdict;
use faisceau_engine::{Case, Id, Simulation};

pub mod draw;
pub mod live;

/// Simulated runs behind the map's figures, on the command line and in
/// the author preview.
pub const RUNS: usize = 200;
/// The first seed of those runs: the same bot tables for every version.
pub const SEED: u64 = 1;

pub use draw::html;

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
        Condition::SharedBy {
            clue,
            from,
            to,
            through,
        } => {
            let from = from.as_ref().map_or_else(String::new, |f| format!("{f} "));
            let through = through
                .as_ref()
                .map_or_else(String::new, |t| format!(" via {t}"));
            format!("SharedBy({clue}: {from}→ {to}{through})")
        }
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

/// A share as a whole percentage; a share that is not zero never reads
/// "0%" (0.01 breaches per run "in 0% of runs" read as a contradiction).
pub fn percent(x: f64) -> String {
    let rounded = (x * 100.0).round();
    if x > 0.0 && rounded == 0.0 {
        "<1%".to_owned()
    } else if x < 1.0 && rounded >= 100.0 {
        ">99%".to_owned()
    } else {
        format!("{rounded:.0}%")
    }
}

pub(crate) fn percent_or_dash(x: Option<f64>) -> String {
    x.map_or_else(|| "—".to_owned(), percent)
}

pub(crate) fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The words of the page, in the workshop's two languages.
pub(crate) struct Words {
    pub(crate) fr: bool,
}

impl Words {
    pub(crate) fn w(&self, en: &'static str, fr: &'static str) -> &'static str {
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
            percent_or_dash(a.reached),
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
            percent_or_dash(d.on_time),
            w.w("in time", "à temps"),
            percent_or_dash(d.taken),
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
            percent_or_dash(t.caught),
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
                percent_or_dash(i.fired),
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
pub(crate) fn through(a: &Arrow, w: &Words) -> String {
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
                percent_or_dash(Some(*share))
            )
        })
        .collect();
    format!(", {} {}", w.w("via", "par"), ways.join(", "))
}

pub(crate) fn ids(list: &[Id]) -> String {
    list.iter().map(Id::as_str).collect::<Vec<_>>().join(", ")
}

pub(crate) fn reveals(list: &[Id]) -> String {
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

#[cfg(test)]
mod tests {
    use std::path::Path;
    use std::sync::Arc;

    use faisceau_engine::simulate;

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
            // The picture both the page and the preview draw: every key
            // share's line, an arrow from each of its holders, every clue
            // that starts somewhere, all within the drawing.
            let drawing = draw::layout(&map, "en");
            let texts: Vec<&str> = drawing
                .marks
                .iter()
                .filter_map(|m| match m {
                    draw::Mark::Text { text, whole, .. } => {
                        Some(whole.as_deref().unwrap_or(text.as_str()))
                    }
                    _ => None,
                })
                .collect();
            for arrow in &map.arrows {
                let line = format!("{} → {}", arrow.clue, arrow.to);
                assert!(texts.iter().any(|t| t.starts_with(&line)), "{file}: {line}");
            }
            let arrows = drawing
                .marks
                .iter()
                .filter(|m| matches!(m, draw::Mark::Arrow { .. }))
                .count();
            assert_eq!(
                arrows,
                map.arrows.iter().map(|a| a.holders.len()).sum::<usize>(),
                "{file}"
            );
            for clue in s.clues.iter().filter(|c| !c.known_to.is_empty()) {
                assert!(
                    texts.iter().any(|t| t.ends_with(clue.id.as_str())),
                    "{file}: {}",
                    clue.id
                );
            }
            for mark in &drawing.marks {
                let (x, y) = match mark {
                    draw::Mark::Box { x, y, w, h, .. } => (x + w, y + h),
                    draw::Mark::Text { x, y, .. } => (*x, *y),
                    draw::Mark::Arrow { from, to, y, .. } => (from.max(*to), *y),
                };
                assert!(
                    x <= drawing.width && y <= drawing.height,
                    "{file}: {mark:?}"
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

    #[test]
    fn a_share_that_is_not_zero_never_reads_zero_or_all() {
        assert_eq!(percent(0.0), "0%");
        assert_eq!(percent(0.002), "<1%");
        assert_eq!(percent(0.005), "1%");
        assert_eq!(percent(1.0 / 300.0), "<1%");
        assert_eq!(percent(0.4), "40%");
        assert_eq!(percent(0.998), ">99%");
        assert_eq!(percent(1.0), "100%");
    }
}
