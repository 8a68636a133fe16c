//! The trainer's debrief of a workshop, structured on PEARLS (Promoting
//! Excellence And Reflective Learning in Simulation: reactions, description,
//! analysis, application, summary), with prompts drawn from what each table
//! did: "table 2 sent the nurse's notes to the police under an informal
//! conversation at J3 — ask what they weighed", "no table took the
//! requisition before the deadline", "the trap X caught three tables out of
//! four".
//!
//! Prompts are data (ids, tables, times); the shell words them in the
//! trainer's language.

use serde::{Deserialize, Serialize};

use crate::case::Case;
use crate::case::Minutes;
use crate::debrief::{Debrief, DecisionStatus};
use crate::id::Id;
use crate::model::Verdict;

/// One prompt for the trainer. Tables are numbered from 0.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Prompt {
    /// Open with how people feel: always first.
    Reactions,
    /// What a table concluded, and when.
    Concluded {
        /// The table.
        table: usize,
        /// Its adopted conclusion, if any.
        conclusion: Option<Id>,
        /// Whether it is the case's.
        correct: bool,
        /// When the table identified the situation.
        at: Option<Minutes>,
    },
    /// A share outside what the law allows: ask what they weighed.
    Breach {
        /// The table.
        table: usize,
        /// Who shared.
        from: Id,
        /// With whom.
        to: Vec<Id>,
        /// Under which frame.
        frame: Id,
        /// What.
        clues: Vec<Id>,
        /// When.
        at: Minutes,
    },
    /// A key share some tables never made.
    KeyShareMissed {
        /// The information.
        clue: Id,
        /// Who needed it.
        to: Id,
        /// The tables where it never arrived.
        tables: Vec<usize>,
        /// Out of how many.
        of: usize,
    },
    /// An expected decision taken late or not at all.
    DecisionLateOrMissing {
        /// The decision.
        decision: Id,
        /// Tables that took it late.
        late: Vec<usize>,
        /// Tables that never took it.
        missing: Vec<usize>,
        /// Out of how many.
        of: usize,
    },
    /// A trap that caught tables.
    TrapCaught {
        /// The trap's clue.
        clue: Id,
        /// The tables it caught.
        tables: Vec<usize>,
        /// Out of how many.
        of: usize,
    },
    /// A category of indicators some tables did not gather enough of.
    CategoryShort {
        /// The category.
        category: Id,
        /// The tables short of it.
        tables: Vec<usize>,
        /// Out of how many.
        of: usize,
    },
    /// A teaching point to carry into practice, with the tables it concerns.
    TeachingPoint {
        /// The point.
        point: Id,
        /// The tables whose play raised it.
        tables: Vec<usize>,
    },
    /// The workshop in one line.
    Summary {
        /// Tables that identified the situation.
        solved: usize,
        /// Tables.
        of: usize,
        /// Shares that breached secrecy, all tables together.
        breaches: usize,
    },
}

/// The five phases of a PEARLS debrief, each with its prompts.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Pearls {
    /// How people feel.
    pub reactions: Vec<Prompt>,
    /// What happened.
    pub description: Vec<Prompt>,
    /// Why: what went well, what did not.
    pub analysis: Vec<Prompt>,
    /// What to take back to practice.
    pub application: Vec<Prompt>,
    /// The take-home message.
    pub summary: Vec<Prompt>,
}

/// The PEARLS prompts of a workshop from the debriefs of its tables.
pub fn pearls(case: &Case, tables: &[Debrief]) -> Pearls {
    let of = tables.len();
    let mut p = Pearls {
        reactions: vec![Prompt::Reactions],
        ..Pearls::default()
    };
    for (t, d) in tables.iter().enumerate() {
        p.description.push(Prompt::Concluded {
            table: t,
            conclusion: d.table.conclusion.clone(),
            correct: d.table.conclusion_correct,
            at: d.table.time_to_identification,
        });
    }
    p.analysis.extend(breaches(tables));
    p.analysis.extend(decisions_late_or_missing(case, tables));
    p.analysis.extend(key_shares_missed(tables));
    p.analysis.extend(traps_caught(tables));
    p.analysis.extend(categories_short(tables));
    // Teaching points, in the case's order, with the tables that raised them.
    for point in &case.scenario().teaching_points {
        let raised: Vec<usize> = tables
            .iter()
            .enumerate()
            .filter(|(_, d)| d.table.teaching_points.contains(&point.id))
            .map(|(t, _)| t)
            .collect();
        if !raised.is_empty() {
            p.application.push(Prompt::TeachingPoint {
                point: point.id.clone(),
                tables: raised,
            });
        }
    }
    p.summary.push(Prompt::Summary {
        solved: tables.iter().filter(|d| d.table.solved).count(),
        of,
        breaches: tables.iter().map(|d| d.table.breaches).sum(),
    });
    p
}

/// Breaches, in time order within each table (they come first: they are
/// the lesson).
fn breaches(tables: &[Debrief]) -> Vec<Prompt> {
    let mut out = Vec::new();
    for (t, d) in tables.iter().enumerate() {
        let mut shares: Vec<_> = d
            .roles
            .iter()
            .flat_map(|r| r.sent.iter())
            .filter(|s| s.verdict == Verdict::Breach)
            .collect();
        shares.sort_by_key(|s| s.at);
        for share in shares {
            out.push(Prompt::Breach {
                table: t,
                from: share.from.clone(),
                to: share.to.clone(),
                frame: share.frame.clone(),
                clues: share.clues.clone(),
                at: share.at,
            });
        }
    }
    out
}

/// Decisions late or missing, in the case's order.
fn decisions_late_or_missing(case: &Case, tables: &[Debrief]) -> Vec<Prompt> {
    let of = tables.len();
    let mut out = Vec::new();
    for expected in &case.scenario().solution.expected_decisions {
        let (mut late, mut missing) = (Vec::new(), Vec::new());
        for (t, d) in tables.iter().enumerate() {
            match d
                .table
                .decisions
                .iter()
                .find(|r| r.decision == expected.decision)
                .map(|r| &r.status)
            {
                Some(DecisionStatus::Late { .. }) => late.push(t),
                Some(DecisionStatus::Missing) | None => missing.push(t),
                _ => {}
            }
        }
        if !late.is_empty() || !missing.is_empty() {
            out.push(Prompt::DecisionLateOrMissing {
                decision: expected.decision.clone(),
                late,
                missing,
                of,
            });
        }
    }
    out
}

/// Key shares that did not happen everywhere.
fn key_shares_missed(tables: &[Debrief]) -> Vec<Prompt> {
    let of = tables.len();
    let mut out = Vec::new();
    if let Some(first) = tables.first() {
        for (k, key) in first.table.key_shares.iter().enumerate() {
            let tables_without: Vec<usize> = tables
                .iter()
                .enumerate()
                .filter(|(_, d)| {
                    d.table
                        .key_shares
                        .get(k)
                        .is_none_or(|s| s.reached_at.is_none())
                })
                .map(|(t, _)| t)
                .collect();
            if !tables_without.is_empty() {
                out.push(Prompt::KeyShareMissed {
                    clue: key.clue.clone(),
                    to: key.to.clone(),
                    tables: tables_without,
                    of,
                });
            }
        }
    }
    out
}

/// Traps, by how many tables they caught (most first).
fn traps_caught(tables: &[Debrief]) -> Vec<Prompt> {
    let of = tables.len();
    let mut out = Vec::new();
    let mut traps: Vec<(Id, Vec<usize>)> = Vec::new();
    for (t, d) in tables.iter().enumerate() {
        for trap in d.roles.iter().flat_map(|r| r.traps.iter()) {
            // A share trap is known by its id, a clue's trap by its clue.
            let key = trap.share_trap.as_ref().unwrap_or(&trap.clue);
            let entry = match traps.iter_mut().find(|(c, _)| c == key) {
                Some(entry) => entry,
                None => {
                    traps.push((key.clone(), Vec::new()));
                    traps.last_mut().expect("just pushed")
                }
            };
            if trap.fallen && !entry.1.contains(&t) {
                entry.1.push(t);
            }
        }
    }
    traps.sort_by_key(|(_, caught)| std::cmp::Reverse(caught.len()));
    for (clue, caught) in traps.into_iter().filter(|(_, c)| !c.is_empty()) {
        out.push(Prompt::TrapCaught {
            clue,
            tables: caught,
            of,
        });
    }
    out
}

/// Categories of indicators short of their minimum.
fn categories_short(tables: &[Debrief]) -> Vec<Prompt> {
    let of = tables.len();
    let mut out = Vec::new();
    if let Some(first) = tables.first() {
        for score in &first.table.bundle {
            let short: Vec<usize> = tables
                .iter()
                .enumerate()
                .filter(|(_, d)| {
                    d.table
                        .bundle
                        .iter()
                        .find(|b| b.category == score.category)
                        .is_some_and(|b| b.weight < b.required)
                })
                .map(|(t, _)| t)
                .collect();
            if !short.is_empty() {
                out.push(Prompt::CategoryShort {
                    category: score.category.clone(),
                    tables: short,
                    of,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::bot::{Temperament, play_on};
    use crate::session::{RoleCommand, Session, TrainerCommand};

    fn case() -> Arc<Case> {
        let shelf = crate::rulebook::Books::one(
            "france",
            "scenarios/rulebooks/france.ron",
            include_str!("../../../scenarios/rulebooks/france.ron"),
        );
        Arc::new(
            crate::load::load(
                include_str!("../../../scenarios/foyer_fugues.ron"),
                "foyer_fugues.ron",
                &shelf,
            )
            .unwrap()
            .case,
        )
    }

    #[test]
    fn prompts_come_from_what_each_table_did() {
        let case = case();
        // Table 1: a breach at once, then the session ends with nothing else.
        let mut one = Session::new(Arc::clone(&case), 1);
        one.direct(TrainerCommand::Start).unwrap();
        one.submit(
            "educatrice",
            RoleCommand::Share {
                clues: vec!["fugues_nocturnes".into()],
                to: vec!["policier".into()],
                frame: "hors_cadre".into(),
            },
        )
        .unwrap();
        while one.state().status != crate::session::Status::Ended {
            one.direct(TrainerCommand::NextPhase).unwrap();
        }
        // Table 2: bots play it through.
        let mut two = Session::new(Arc::clone(&case), 2);
        play_on(&mut two, None, &Temperament::default());
        let debriefs: Vec<Debrief> = [&one, &two]
            .iter()
            .map(|s| Debrief::build(&case, s.events()).unwrap())
            .collect();
        let p = pearls(&case, &debriefs);
        assert_eq!(p.reactions, vec![Prompt::Reactions]);
        assert_eq!(p.description.len(), 2, "one line per table");
        assert!(
            p.analysis.iter().any(|prompt| matches!(
                prompt,
                Prompt::Breach { table: 0, from, frame, .. }
                    if from.as_str() == "educatrice" && frame.as_str() == "hors_cadre"
            )),
            "the breach at table 1 is named, with who and under what"
        );
        assert!(
            p.analysis.iter().any(|prompt| matches!(
                prompt,
                Prompt::DecisionLateOrMissing { decision, missing, of: 2, .. }
                    if decision.as_str() == "information_preoccupante" && missing.contains(&0)
            )),
            "table 1 never sent the information préoccupante"
        );
        assert!(matches!(
            p.summary.as_slice(),
            [Prompt::Summary { of: 2, breaches, .. }] if *breaches >= 1
        ));
    }
}
