//! What an archive keeps of a table, and the statistics across workshops.
//!
//! A [`TableRecord`] holds the facts a training body compares from one
//! workshop to the next — the conclusion, the time to identification, the
//! breaches by frame, the traps that caught the table, the decisions late or
//! missing — and nothing personal: no name, no note, no free text. Statistics
//! ([`CaseStats`]) are computed from records alone, so that archives merged
//! from several trainers never need anyone's name.

use serde::{Deserialize, Serialize};

use crate::case::Minutes;
use crate::debrief::{CategoryScore, Debrief, DecisionStatus};
use crate::id::Id;
use crate::rulebook::Verdict;

/// One table of an archived workshop.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TableRecord {
    /// The adopted conclusion, if any.
    pub conclusion: Option<Id>,
    /// Whether it is the solution's.
    pub correct: bool,
    /// Correct conclusion with a complete bundle.
    pub solved: bool,
    /// When the correct conclusion was adopted.
    pub time_to_identification: Option<Minutes>,
    /// Clue-to-role shares judged a breach, by frame (frames in the order
    /// first met).
    pub breaches: Vec<(Id, usize)>,
    /// Trap clues that led a role of the table to go along with their
    /// conclusion.
    pub traps_caught: Vec<Id>,
    /// Expected decisions taken after their deadline.
    pub late: Vec<Id>,
    /// Expected decisions never taken (an acceptable one may have been).
    pub missing: Vec<Id>,
    /// Key shares made, and how many the solution names.
    pub key_shares: (usize, usize),
    /// The bundle per category.
    pub bundle: Vec<CategoryScore>,
    /// Minutes of scenario time played.
    pub duration: Minutes,
}

impl TableRecord {
    /// The record of a table's debrief.
    pub fn of(debrief: &Debrief) -> TableRecord {
        let t = &debrief.table;
        let mut breaches: Vec<(Id, usize)> = Vec::new();
        for share in debrief.roles.iter().flat_map(|r| &r.sent) {
            let count = share
                .judgements
                .iter()
                .filter(|j| j.judgement.verdict == Verdict::Breach)
                .count();
            if count == 0 {
                continue;
            }
            match breaches.iter_mut().find(|(f, _)| *f == share.frame) {
                Some((_, n)) => *n += count,
                None => breaches.push((share.frame.clone(), count)),
            }
        }
        let mut traps_caught: Vec<Id> = Vec::new();
        for trap in debrief.roles.iter().flat_map(|r| &r.traps) {
            if trap.fallen && !traps_caught.contains(&trap.clue) {
                traps_caught.push(trap.clue.clone());
            }
        }
        let with = |wanted: fn(&DecisionStatus) -> bool| {
            t.decisions
                .iter()
                .filter(|d| wanted(&d.status))
                .map(|d| d.decision.clone())
                .collect()
        };
        TableRecord {
            conclusion: t.conclusion.clone(),
            correct: t.conclusion_correct,
            solved: t.solved,
            time_to_identification: t.time_to_identification,
            breaches,
            traps_caught,
            late: with(|s| matches!(s, DecisionStatus::Late { .. })),
            missing: with(|s| {
                matches!(
                    s,
                    DecisionStatus::Missing | DecisionStatus::Acceptable { .. }
                )
            }),
            key_shares: (
                t.key_shares
                    .iter()
                    .filter(|k| k.reached_at.is_some())
                    .count(),
                t.key_shares.len(),
            ),
            bundle: t.bundle.clone(),
            duration: t.duration,
        }
    }
}

/// A count over tables: how many tables, of how many.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    /// The frame, trap clue or decision.
    pub id: Id,
    /// Tables concerned.
    pub tables: usize,
    /// Occurrences over all tables (breaches: clue-to-role shares).
    pub count: usize,
}

/// One case across every archived workshop that played it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CaseStats {
    /// The case.
    pub case: Id,
    /// Workshops that played it.
    pub workshops: usize,
    /// Tables that played it.
    pub tables: usize,
    /// Tables that adopted the solution's conclusion.
    pub correct: usize,
    /// Tables that solved the case (correct conclusion, complete bundle).
    pub solved: usize,
    /// Time to identification over the tables that identified: lowest,
    /// median and highest.
    pub identification: Option<(Minutes, Minutes, Minutes)>,
    /// Breaches by frame, most tables first.
    pub breaches: Vec<Tally>,
    /// Traps by how many tables they caught, most first.
    pub traps: Vec<Tally>,
    /// Expected decisions taken late, most tables first.
    pub late: Vec<Tally>,
    /// Expected decisions never taken, most tables first.
    pub missing: Vec<Tally>,
}

impl CaseStats {
    /// The share of tables that solved the case, from 0 to 1.
    pub fn solve_rate(&self) -> f64 {
        if self.tables == 0 {
            0.0
        } else {
            self.solved as f64 / self.tables as f64
        }
    }
}

fn tally<'a>(items: impl Iterator<Item = (usize, &'a Id, usize)>) -> Vec<Tally> {
    let mut out: Vec<(Tally, Option<usize>)> = Vec::new();
    for (table, id, count) in items {
        match out.iter_mut().find(|(t, _)| t.id == *id) {
            Some((t, last)) => {
                t.count += count;
                if *last != Some(table) {
                    t.tables += 1;
                    *last = Some(table);
                }
            }
            None => out.push((
                Tally {
                    id: id.clone(),
                    tables: 1,
                    count,
                },
                Some(table),
            )),
        }
    }
    let mut out: Vec<Tally> = out.into_iter().map(|(t, _)| t).collect();
    // Stable: ties keep the order first met.
    out.sort_by_key(|t| std::cmp::Reverse((t.tables, t.count)));
    out
}

/// Statistics for one case over the tables of `workshops` workshops.
pub fn stats(case: &Id, workshops: usize, tables: &[&TableRecord]) -> CaseStats {
    let mut times: Vec<Minutes> = tables
        .iter()
        .filter_map(|t| t.time_to_identification)
        .collect();
    times.sort_unstable();
    let identification =
        (!times.is_empty()).then(|| (times[0], times[times.len() / 2], times[times.len() - 1]));
    let each = |pick: fn(&TableRecord) -> Vec<(&Id, usize)>| {
        tally(
            tables
                .iter()
                .enumerate()
                .flat_map(move |(i, t)| pick(t).into_iter().map(move |(id, n)| (i, id, n))),
        )
    };
    CaseStats {
        case: case.clone(),
        workshops,
        tables: tables.len(),
        correct: tables.iter().filter(|t| t.correct).count(),
        solved: tables.iter().filter(|t| t.solved).count(),
        identification,
        breaches: each(|t| t.breaches.iter().map(|(f, n)| (f, *n)).collect()),
        traps: each(|t| t.traps_caught.iter().map(|c| (c, 1)).collect()),
        late: each(|t| t.late.iter().map(|d| (d, 1)).collect()),
        missing: each(|t| t.missing.iter().map(|d| (d, 1)).collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(correct: bool, time: Option<u32>, breaches: &[(&str, usize)]) -> TableRecord {
        TableRecord {
            conclusion: Some(Id::from(if correct { "traite" } else { "fugue" })),
            correct,
            solved: correct,
            time_to_identification: time,
            breaches: breaches.iter().map(|(f, n)| (Id::from(*f), *n)).collect(),
            traps_caught: if correct {
                Vec::new()
            } else {
                vec![Id::from("piege")]
            },
            late: vec![Id::from("opp")],
            missing: if correct {
                Vec::new()
            } else {
                vec![Id::from("signalement")]
            },
            key_shares: (1, 2),
            bundle: Vec::new(),
            duration: 600,
        }
    }

    #[test]
    fn stats_count_tables_and_occurrences() {
        let a = record(true, Some(300), &[("informel", 2)]);
        let b = record(false, None, &[("informel", 1), ("signalement", 3)]);
        let c = record(true, Some(120), &[]);
        let s = stats(&Id::from("cas"), 2, &[&a, &b, &c]);
        assert_eq!((s.workshops, s.tables, s.correct, s.solved), (2, 3, 2, 2));
        assert_eq!(s.identification, Some((120, 300, 300)));
        assert!((s.solve_rate() - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(
            s.breaches,
            vec![
                Tally {
                    id: Id::from("informel"),
                    tables: 2,
                    count: 3
                },
                Tally {
                    id: Id::from("signalement"),
                    tables: 1,
                    count: 3
                },
            ]
        );
        assert_eq!(s.traps[0].tables, 1);
        assert_eq!(s.late[0].tables, 3);
        assert_eq!(s.missing[0].id, Id::from("signalement"));
    }

    #[test]
    fn a_played_table_gives_its_breaches_by_frame_and_its_decisions() {
        use std::sync::Arc;

        use crate::session::{RoleCommand, Session, Status, TrainerCommand};
        let shelf = crate::rulebook::Books::one(
            "france",
            "scenarios/rulebooks/france.ron",
            include_str!("../../../scenarios/rulebooks/france.ron"),
        );
        let case = Arc::new(
            crate::load::load(
                include_str!("../../../scenarios/foyer_fugues.ron"),
                "foyer_fugues.ron",
                &shelf,
            )
            .unwrap()
            .case,
        );
        let mut table = Session::new(Arc::clone(&case), 1);
        table.direct(TrainerCommand::Start).unwrap();
        table
            .submit(
                "educatrice",
                RoleCommand::Share {
                    clues: vec!["fugues_nocturnes".into()],
                    to: vec!["policier".into()],
                    frame: "hors_cadre".into(),
                },
            )
            .unwrap();
        while table.state().status != Status::Ended {
            table.direct(TrainerCommand::NextPhase).unwrap();
        }
        let debrief = Debrief::build(&case, table.events()).unwrap();
        let record = TableRecord::of(&debrief);
        assert_eq!(record.breaches, vec![(Id::from("hors_cadre"), 1)]);
        assert!(!record.correct && !record.solved);
        assert_eq!(record.conclusion, None);
        // Nothing was decided: every expected decision is missing.
        let expected = debrief
            .table
            .decisions
            .iter()
            .filter(|d| !matches!(d.status, DecisionStatus::Unexpected { .. }))
            .count();
        assert!(expected > 0);
        assert_eq!(record.missing.len(), expected);
        // The record carries no free text: its JSON names only ids.
        let json = serde_json::to_string(&record).unwrap();
        assert!(!json.contains(' '), "{json}");
    }
}
