//! The debrief: computed from the case and the event list alone, never stored.
//!
//! It is meant to be presented as learning points, not as a grade.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::case::{Case, Minutes};
use crate::id::Id;
use crate::model::When;
use crate::rulebook::Verdict;
use crate::session::{Discovery, Ending, Event, EventKind, ReplayError, ShareJudgement, State};

/// One step of a role's timeline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Step {
    /// The role took an action.
    Action {
        /// The action.
        action: Id,
    },
    /// The role learned a clue by its own means.
    Learned {
        /// The clue.
        clue: Id,
        /// How.
        source: Discovery,
    },
    /// The role shared clues.
    Sent {
        /// The record of the share.
        share: ShareRecord,
    },
    /// The role received clues.
    Received {
        /// The record of the share.
        share: ShareRecord,
    },
    /// The role took a decision.
    Decided {
        /// The decision.
        decision: Id,
    },
    /// The role proposed a conclusion.
    Proposed {
        /// The conclusion.
        conclusion: Id,
        /// The proposal's number, which endorsements and rejections name
        /// (0 in debriefs archived before it was kept).
        #[serde(default)]
        number: u32,
    },
    /// The role endorsed a proposal.
    Endorsed {
        /// The proposal's number.
        proposal: u32,
    },
    /// The role rejected a proposal.
    Rejected {
        /// The proposal's number.
        proposal: u32,
        /// Why.
        reason: String,
    },
}

/// A step at a minute of scenario time.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {
    /// When.
    pub at: Minutes,
    /// What.
    pub step: Step,
}

/// One share, with how the rules judged it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ShareRecord {
    /// When.
    pub at: Minutes,
    /// The sender.
    pub from: Id,
    /// The recipients.
    pub to: Vec<Id>,
    /// The clues.
    pub clues: Vec<Id>,
    /// The frame it went through.
    pub frame: Id,
    /// The act it answered, with the act's kind, when the frame needs one.
    pub act: Option<(u32, Id)>,
    /// Roles at the table that received the copy the frame requires.
    pub copies: Vec<Id>,
    /// Professions owed a copy that have no role at the table.
    pub copies_outside: Vec<Id>,
    /// The worst verdict among its clues and recipients.
    pub verdict: Verdict,
    /// The verdict for each clue and recipient.
    pub judgements: Vec<ShareJudgement>,
}

/// A clue a role came to know.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FoundClue {
    /// The clue.
    pub clue: Id,
    /// When it was first known.
    pub at: Minutes,
    /// Whether the role discovered it itself, rather than being told.
    pub discovered: bool,
}

/// How an expected decision went.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum DecisionStatus {
    /// Taken by its deadline.
    OnTime {
        /// When.
        at: Minutes,
    },
    /// Taken after its deadline.
    Late {
        /// When.
        at: Minutes,
        /// The deadline.
        deadline: Minutes,
    },
    /// Not taken; a decision the case accepts in part was taken instead.
    Acceptable {
        /// When.
        at: Minutes,
    },
    /// Never taken.
    Missing,
    /// Taken, but not among the expected decisions.
    Unexpected {
        /// When.
        at: Minutes,
    },
}

/// One decision reviewed against the solution.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DecisionReview {
    /// The decision.
    pub decision: Id,
    /// The role that took it, if any.
    pub by: Option<Id>,
    /// How it went.
    pub status: DecisionStatus,
    /// The alternative or acceptable decision taken instead of it, if any.
    pub instead: Option<Id>,
}

/// A trap a role met.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrapReview {
    /// The trap clue; for a share trap, the clue the role shared.
    pub clue: Id,
    /// Whether the role went along with the conclusion it leads to, or
    /// made the share.
    pub fallen: bool,
    /// The share trap, when the trap is a share rather than a clue.
    #[serde(default)]
    pub share_trap: Option<Id>,
}

/// One role's debrief.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoleDebrief {
    /// The role.
    pub role: Id,
    /// Everything it did and received, in order.
    pub timeline: Vec<TimelineEntry>,
    /// Clues it knew by the end.
    pub found: Vec<FoundClue>,
    /// Clues within its reach that it never knew.
    pub missed: Vec<Id>,
    /// Shares it sent.
    pub sent: Vec<ShareRecord>,
    /// Shares it received.
    pub received: Vec<ShareRecord>,
    /// Its powers, reviewed against the expected decisions.
    pub decisions: Vec<DecisionReview>,
    /// Traps among the clues it knew.
    pub traps: Vec<TrapReview>,
    /// Minutes of work it spent.
    pub time_spent: Minutes,
}

/// Bundle weight in one category.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CategoryScore {
    /// The category.
    pub category: Id,
    /// The weight of the table's bundle in it.
    pub weight: u32,
    /// The weight the solution requires, 0 when it requires none.
    pub required: u32,
}

/// Shares from one role to another, for the sharing graph.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Edge {
    /// The sender.
    pub from: Id,
    /// The recipient.
    pub to: Id,
    /// Distinct clues sent.
    pub clues: Vec<Id>,
    /// Frames used.
    pub frames: Vec<Id>,
    /// The worst verdict.
    pub verdict: Verdict,
    /// When the first share went.
    pub first_at: Minutes,
}

/// A key share of the solution, and whether it happened.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KeyShareReview {
    /// The clue.
    pub clue: Id,
    /// The role that should have received it.
    pub to: Id,
    /// When the role first knew it, if ever.
    pub reached_at: Option<Minutes>,
}

/// A tag whose clue does not support the indicator.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnsupportedTag {
    /// The role.
    pub role: Id,
    /// The clue.
    pub clue: Id,
    /// The indicator.
    pub indicator: Id,
}

/// The table's debrief.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TableDebrief {
    /// The adopted conclusion, if any.
    pub conclusion: Option<Id>,
    /// The adopted orientation, if any.
    pub orientation: Option<Id>,
    /// Whether the conclusion is the solution's.
    pub conclusion_correct: bool,
    /// Whether the conclusion, not the solution's, is one the case accepts
    /// for partial credit.
    pub conclusion_acceptable: bool,
    /// Whether the orientation is the solution's, when the solution names one.
    pub orientation_correct: Option<bool>,
    /// When the correct conclusion was adopted.
    pub time_to_identification: Option<Minutes>,
    /// The bundle per category.
    pub bundle: Vec<CategoryScore>,
    /// Whether the bundle meets every minimum of the solution.
    pub bundle_complete: bool,
    /// Tags that their clues do not support.
    pub unsupported_tags: Vec<UnsupportedTag>,
    /// Correct conclusion with a complete bundle.
    pub solved: bool,
    /// Who told whom what.
    pub sharing_graph: Vec<Edge>,
    /// The solution's key shares.
    pub key_shares: Vec<KeyShareReview>,
    /// Expected decisions and unexpected ones.
    pub decisions: Vec<DecisionReview>,
    /// How many clue-to-role shares were breaches.
    pub breaches: usize,
    /// How many clue-to-role shares were cautions.
    pub cautions: usize,
    /// Share of the case's clues known by some role, from 0 to 1.
    pub clues_found: f64,
    /// Teaching points raised.
    pub teaching_points: Vec<Id>,
    /// How the session ended, if it did.
    pub ending: Option<Ending>,
    /// Minutes of scenario time from start to the last event.
    pub duration: Minutes,
    /// The trainer's observer notes, at their times. For the trainer's
    /// debrief and report: a host removes them from what trainees receive.
    #[serde(default)]
    pub observer_notes: Vec<(Minutes, String)>,
}

/// The whole debrief of one table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Debrief {
    /// The case.
    pub case: Id,
    /// Each role's debrief.
    pub roles: Vec<RoleDebrief>,
    /// The table's debrief.
    pub table: TableDebrief,
}

/// The table's bundle per category: distinct (clue, indicator) pairs tagged
/// by any role, weighted by how much the clue supports the indicator.
pub fn bundle_scores(
    case: &Case,
    state: &State,
) -> (Vec<CategoryScore>, Vec<(usize, usize, usize)>) {
    let s = case.scenario();
    let mut weights = vec![0u32; s.categories.len()];
    let mut seen: Vec<(usize, usize)> = Vec::new();
    let mut unsupported = Vec::new();
    for (r, role) in state.roles.iter().enumerate() {
        for &(c, i) in &role.bundle {
            let support = s.clues[c]
                .indicators
                .iter()
                .find(|sup| case.indicator(sup.indicator.as_str()) == Some(i));
            match support {
                Some(support) => {
                    if !seen.contains(&(c, i)) {
                        seen.push((c, i));
                        weights[case.indicator_category[i]] += support.weight;
                    }
                }
                None => unsupported.push((r, c, i)),
            }
        }
    }
    let scores = s
        .categories
        .iter()
        .enumerate()
        .map(|(k, category)| CategoryScore {
            category: category.id.clone(),
            weight: weights[k],
            required: s
                .solution
                .bundle
                .iter()
                .filter(|req| req.category == category.id)
                .map(|req| req.min_weight)
                .max()
                .unwrap_or(0),
        })
        .collect();
    (scores, unsupported)
}

/// What the events say, role by role, before the debrief judges it.
struct Reading {
    state: State,
    timelines: Vec<Vec<TimelineEntry>>,
    found: Vec<Vec<FoundClue>>,
    sent: Vec<Vec<ShareRecord>>,
    received: Vec<Vec<ShareRecord>>,
    spent: Vec<Minutes>,
    /// Conclusions each role went along with, for the traps.
    supported: Vec<Vec<usize>>,
    ending: Option<Ending>,
    duration: Minutes,
    observer_notes: Vec<(Minutes, String)>,
}

/// Reads a table's events into each role's timeline, clues, shares and time.
fn read(case: &Case, events: &[Event]) -> Result<Reading, ReplayError> {
    let roles = case.scenario().roles.len();
    let mut reading = Reading {
        state: State::for_case(case),
        timelines: vec![Vec::new(); roles],
        found: vec![Vec::new(); roles],
        sent: vec![Vec::new(); roles],
        received: vec![Vec::new(); roles],
        spent: vec![0 as Minutes; roles],
        supported: vec![Vec::new(); roles],
        ending: None,
        duration: 0,
        observer_notes: Vec::new(),
    };
    // Each proposal's conclusion, for the roles that endorse it.
    let mut proposals: BTreeMap<u32, usize> = BTreeMap::new();
    for event in events {
        reading.duration = reading.duration.max(event.at);
        reading.read(case, event, &mut proposals)?;
        reading.state.apply(case, event)?;
    }
    Ok(reading)
}

impl Reading {
    /// What one event adds, before the state takes it in.
    fn read(
        &mut self,
        case: &Case,
        event: &Event,
        proposals: &mut BTreeMap<u32, usize>,
    ) -> Result<(), ReplayError> {
        let at = event.at;
        let role = |id: &Id| {
            case.role(id.as_str()).ok_or_else(|| ReplayError {
                kind: "role",
                id: id.clone(),
            })
        };
        match &event.kind {
            EventKind::ActionTaken {
                role: r, action, ..
            } => {
                let r = role(r)?;
                if let Some(a) = case.action(action.as_str()) {
                    self.spent[r] += case.action_cost(a);
                }
                let action = action.clone();
                self.step(r, at, Step::Action { action });
            }
            EventKind::ClueLearned {
                role: r,
                clue,
                source,
            } => {
                let r = role(r)?;
                self.found_clue(r, clue, at, true);
                let (clue, source) = (clue.clone(), source.clone());
                self.step(r, at, Step::Learned { clue, source });
            }
            EventKind::Shared { .. } => self.shared(case, event)?,
            EventKind::Decided { role: r, decision } => {
                let decision = decision.clone();
                self.step(role(r)?, at, Step::Decided { decision });
            }
            EventKind::Proposed {
                role: r,
                proposal,
                conclusion,
                ..
            } => {
                let r = role(r)?;
                if let Some(c) = case.conclusion(conclusion.as_str()) {
                    proposals.insert(*proposal, c);
                    self.supported[r].push(c);
                }
                let conclusion = conclusion.clone();
                let number = *proposal;
                self.step(r, at, Step::Proposed { conclusion, number });
            }
            EventKind::Endorsed { role: r, proposal } => {
                let r = role(r)?;
                if let Some(&c) = proposals.get(proposal) {
                    self.supported[r].push(c);
                }
                let proposal = *proposal;
                self.step(r, at, Step::Endorsed { proposal });
            }
            EventKind::Rejected {
                role: r,
                proposal,
                reason,
                ..
            } => {
                let (proposal, reason) = (*proposal, reason.clone());
                self.step(role(r)?, at, Step::Rejected { proposal, reason });
            }
            EventKind::Ended { ending } => self.ending = Some(*ending),
            EventKind::Noted { role: None, text } => {
                self.observer_notes.push((at, text.clone()));
            }
            _ => {}
        }
        Ok(())
    }

    /// A line of role `r`'s timeline.
    fn step(&mut self, r: usize, at: Minutes, step: Step) {
        self.timelines[r].push(TimelineEntry { at, step });
    }

    /// The first time role `r` came to know `clue`, and how.
    fn found_clue(&mut self, r: usize, clue: &Id, at: Minutes, discovered: bool) {
        if !self.found[r].iter().any(|f| f.clue == *clue) {
            self.found[r].push(FoundClue {
                clue: clue.clone(),
                at,
                discovered,
            });
        }
    }

    /// A share, in its sender's and its recipients' records and timelines.
    fn shared(&mut self, case: &Case, event: &Event) -> Result<(), ReplayError> {
        let EventKind::Shared {
            from,
            to,
            clues,
            frame,
            act,
            copies,
            copies_outside,
            judgements,
        } = &event.kind
        else {
            return Ok(());
        };
        let at = event.at;
        let role = |id: &Id| {
            case.role(id.as_str()).ok_or_else(|| ReplayError {
                kind: "role",
                id: id.clone(),
            })
        };
        let act_kind = act.and_then(|n| {
            self.state
                .acts
                .iter()
                .find(|a| a.number == n)
                .map(|a| (n, case.rulebook().acts[a.kind].id.clone()))
        });
        let record = ShareRecord {
            at,
            from: from.clone(),
            to: to.clone(),
            clues: clues.clone(),
            frame: frame.clone(),
            act: act_kind,
            copies: copies.clone(),
            copies_outside: copies_outside.clone(),
            verdict: judgements
                .iter()
                .map(|j| j.judgement.verdict)
                .max()
                .unwrap_or(Verdict::Allowed),
            judgements: judgements.clone(),
        };
        let f = role(from)?;
        let share = record.clone();
        self.step(f, at, Step::Sent { share });
        self.sent[f].push(record.clone());
        for recipient in to {
            let t = role(recipient)?;
            for clue in clues {
                self.found_clue(t, clue, at, false);
            }
            let share = record.clone();
            self.step(t, at, Step::Received { share });
            self.received[t].push(record.clone());
        }
        Ok(())
    }
}

/// Who told whom what, with the frames used and the worst verdict, and the
/// number of breaches and cautions.
fn sharing_graph(role_debriefs: &[RoleDebrief]) -> (Vec<Edge>, usize, usize) {
    let mut graph: Vec<Edge> = Vec::new();
    let mut breaches = 0;
    let mut cautions = 0;
    for record in role_debriefs.iter().flat_map(|d| d.sent.iter()) {
        for judgement in &record.judgements {
            match judgement.judgement.verdict {
                Verdict::Breach => breaches += 1,
                Verdict::Caution => cautions += 1,
                Verdict::Allowed => {}
            }
            let edge = match graph
                .iter_mut()
                .find(|e| e.from == record.from && e.to == judgement.to)
            {
                Some(edge) => edge,
                None => {
                    graph.push(Edge {
                        from: record.from.clone(),
                        to: judgement.to.clone(),
                        clues: Vec::new(),
                        frames: Vec::new(),
                        verdict: Verdict::Allowed,
                        first_at: record.at,
                    });
                    graph.last_mut().expect("just pushed")
                }
            };
            if !edge.clues.contains(&judgement.clue) {
                edge.clues.push(judgement.clue.clone());
            }
            if !edge.frames.contains(&record.frame) {
                edge.frames.push(record.frame.clone());
            }
            edge.verdict = edge.verdict.max(judgement.judgement.verdict);
        }
    }

    (graph, breaches, cautions)
}

/// Reviews a decision against the solution; none when it was neither
/// expected nor taken, or when it only stands in for an expected one.
fn review(case: &Case, state: &State, decision: usize) -> Option<DecisionReview> {
    let s = case.scenario();
    let id = &s.decisions[decision].id;
    let spec = s
        .solution
        .expected_decisions
        .iter()
        .find(|e| e.decision == *id);
    let Some(spec) = spec else {
        let stands_in = s
            .solution
            .expected_decisions
            .iter()
            .any(|e| e.alternatives.contains(id) || e.acceptable.contains(id));
        let (r, at) = state.decided[decision]?;
        return (!stands_in).then(|| DecisionReview {
            decision: id.clone(),
            by: Some(s.roles[r].id.clone()),
            status: DecisionStatus::Unexpected { at },
            instead: None,
        });
    };
    let taken_of = |ids: &[Id]| {
        ids.iter()
            .filter_map(|d| case.decision(d.as_str()))
            .filter_map(|d| state.decided[d].map(|(r, at)| (d, r, at)))
            .min_by_key(|(_, _, at)| *at)
    };
    let deadline = spec.deadline.as_ref().map(|d| case.deadline_minutes(d));
    let timely = |at: Minutes| match deadline {
        Some(deadline) if at > deadline => DecisionStatus::Late { at, deadline },
        _ => DecisionStatus::OnTime { at },
    };
    let (by, status, instead) = match state.decided[decision] {
        Some((r, at)) => (Some(r), timely(at), None),
        None => match taken_of(&spec.alternatives) {
            Some((d, r, at)) => (Some(r), timely(at), Some(d)),
            None => match taken_of(&spec.acceptable) {
                Some((d, r, at)) => (Some(r), DecisionStatus::Acceptable { at }, Some(d)),
                None => (None, DecisionStatus::Missing, None),
            },
        },
    };
    Some(DecisionReview {
        decision: id.clone(),
        by: by.map(|r| s.roles[r].id.clone()),
        status,
        instead: instead.map(|d| s.decisions[d].id.clone()),
    })
}

impl Debrief {
    /// Builds the debrief of a table from its case and events.
    pub fn build(case: &Case, events: &[Event]) -> Result<Debrief, ReplayError> {
        let s = case.scenario();
        let roles = s.roles.len();
        let Reading {
            state,
            mut timelines,
            mut found,
            mut sent,
            mut received,
            spent,
            supported,
            ending,
            duration,
            observer_notes,
        } = read(case, events)?;
        let mut role_debriefs = Vec::with_capacity(roles);
        let mut fallen_traps: Vec<usize> = Vec::new();
        let mut fallen_share_traps: Vec<usize> = Vec::new();
        for r in 0..roles {
            let role_id = &s.roles[r].id;
            let missed = missed_clues(case, &state, r);
            let decisions = (0..s.decisions.len())
                .filter(|&d| {
                    case.has_power(r, d) || state.decided[d].is_some_and(|(by, _)| by == r)
                })
                .filter_map(|d| review(case, &state, d))
                .collect();
            let mut traps = clue_traps(case, &state, r, &supported[r], &mut fallen_traps);
            traps.extend(share_traps(case, events, r, &mut fallen_share_traps));
            role_debriefs.push(RoleDebrief {
                role: role_id.clone(),
                timeline: std::mem::take(&mut timelines[r]),
                found: std::mem::take(&mut found[r]),
                missed,
                sent: std::mem::take(&mut sent[r]),
                received: std::mem::take(&mut received[r]),
                decisions,
                traps,
                time_spent: spent[r],
            });
        }

        let (bundle, unsupported) = bundle_scores(case, &state);
        let bundle_complete = s.solution.bundle.iter().all(|req| {
            bundle
                .iter()
                .any(|b| b.category == req.category && b.weight >= req.min_weight)
        });
        let correct_conclusion = case.conclusion(s.solution.conclusion.as_str());
        let (conclusion, orientation, conclusion_correct, adopted_at) = match state.adopted {
            Some((c, o, at)) => (
                Some(s.conclusions[c].id.clone()),
                o.map(|o| s.orientations[o].id.clone()),
                Some(c) == correct_conclusion,
                Some(at),
            ),
            None => (None, None, false, None),
        };
        let conclusion_acceptable = !conclusion_correct
            && conclusion
                .as_ref()
                .is_some_and(|c| s.solution.acceptable_conclusions.contains(c));
        let orientation_correct = s
            .solution
            .orientation
            .as_ref()
            .map(|expected| orientation.as_ref() == Some(expected));

        let (graph, breaches, cautions) = sharing_graph(&role_debriefs);

        let key_shares = key_share_reviews(case, &role_debriefs);
        let decisions: Vec<DecisionReview> = (0..s.decisions.len())
            .filter_map(|d| review(case, &state, d))
            .collect();
        let known_by_table = (0..s.clues.len())
            .filter(|&c| state.roles.iter().any(|r| r.known[c]))
            .count();

        let teaching_points = raised_points(
            case,
            events,
            &state,
            &Raised {
                fallen_traps: &fallen_traps,
                fallen_share_traps: &fallen_share_traps,
                decisions: &decisions,
                breaches,
                conclusion_correct,
            },
        );

        Ok(Debrief {
            case: s.id.clone(),
            roles: role_debriefs,
            table: TableDebrief {
                conclusion,
                orientation,
                conclusion_correct,
                conclusion_acceptable,
                orientation_correct,
                time_to_identification: if conclusion_correct { adopted_at } else { None },
                bundle_complete,
                solved: conclusion_correct && bundle_complete,
                bundle,
                unsupported_tags: unsupported
                    .into_iter()
                    .map(|(r, c, i)| UnsupportedTag {
                        role: s.roles[r].id.clone(),
                        clue: s.clues[c].id.clone(),
                        indicator: s.indicators[i].id.clone(),
                    })
                    .collect(),
                sharing_graph: graph,
                key_shares,
                decisions,
                breaches,
                cautions,
                clues_found: if s.clues.is_empty() {
                    0.0
                } else {
                    known_by_table as f64 / s.clues.len() as f64
                },
                teaching_points,
                ending,
                duration,
                observer_notes,
            },
        })
    }
}

/// The clues a role could reach (by its actions, or as a key share owed to
/// it) that it never learned.
fn missed_clues(case: &Case, state: &State, r: usize) -> Vec<Id> {
    let s = case.scenario();
    let role_id = &s.roles[r].id;
    let mut reach: Vec<usize> = Vec::new();
    for &a in case.role_actions(r) {
        let action = &s.actions[a];
        for clue in action
            .reveals
            .iter()
            .chain(action.outcomes.iter().flat_map(|o| o.reveals.iter()))
        {
            reach.extend(case.clue(clue.as_str()));
        }
    }
    for share in s.solution.key_shares.iter().filter(|k| k.to == *role_id) {
        reach.extend(case.clue(share.clue.as_str()));
    }
    reach.sort_unstable();
    reach.dedup();
    reach
        .into_iter()
        .filter(|&c| !state.roles[r].known[c])
        .map(|c| s.clues[c].id.clone())
        .collect()
}

/// The misleading clues a role met, and whether it fell for each (its
/// evidence supports the conclusion the trap leads to); those it fell for
/// are added to `fallen`.
fn clue_traps(
    case: &Case,
    state: &State,
    r: usize,
    supported: &[usize],
    fallen_traps: &mut Vec<usize>,
) -> Vec<TrapReview> {
    let mut traps = Vec::new();
    for (c, clue) in case.scenario().clues.iter().enumerate() {
        let Some(trap) = &clue.trap else { continue };
        if !state.roles[r].known[c] {
            continue;
        }
        let fallen = trap
            .leads_to
            .as_ref()
            .and_then(|t| case.conclusion(t.as_str()))
            .is_some_and(|t| supported.contains(&t));
        if fallen {
            fallen_traps.push(c);
        }
        traps.push(TrapReview {
            clue: clue.id.clone(),
            fallen,
            share_trap: None,
        });
    }
    traps
}

/// The share traps a role fell into (a share it made that the case marks);
/// they are added to `fallen`.
fn share_traps(
    case: &Case,
    events: &[Event],
    r: usize,
    fallen_share_traps: &mut Vec<usize>,
) -> Vec<TrapReview> {
    let s = case.scenario();
    let mut traps = Vec::new();
    for (t, trap) in s.share_traps.iter().enumerate() {
        let made = crate::trap::made(case, events, &trap.share);
        if let Some(made) = made.iter().find(|m| m.sender == r) {
            fallen_share_traps.push(t);
            traps.push(TrapReview {
                clue: s.clues[made.clue].id.clone(),
                fallen: true,
                share_trap: Some(trap.id.clone()),
            });
        }
    }
    traps
}

/// Whether each share the case needs reached its role, and when.
fn key_share_reviews(case: &Case, role_debriefs: &[RoleDebrief]) -> Vec<KeyShareReview> {
    case.scenario()
        .solution
        .key_shares
        .iter()
        .map(|k| {
            let reached_at = case.role(k.to.as_str()).and_then(|r| {
                role_debriefs[r]
                    .found
                    .iter()
                    .find(|f| f.clue == k.clue)
                    .map(|f| f.at)
            });
            KeyShareReview {
                clue: k.clue.clone(),
                to: k.to.clone(),
                reached_at,
            }
        })
        .collect()
}

/// What happened at the table that teaching points are raised by.
struct Raised<'a> {
    fallen_traps: &'a [usize],
    fallen_share_traps: &'a [usize],
    decisions: &'a [DecisionReview],
    breaches: usize,
    conclusion_correct: bool,
}

/// The teaching points the table raised, by their `when`.
fn raised_points(case: &Case, events: &[Event], state: &State, raised: &Raised<'_>) -> Vec<Id> {
    let s = case.scenario();
    s.teaching_points
        .iter()
        .filter(|point| match &point.when {
            When::Always => true,
            When::TrapFallen(id) => {
                case.clue(id.as_str())
                    .is_some_and(|c| raised.fallen_traps.contains(&c))
                    || s.share_traps
                        .iter()
                        .position(|t| t.id == *id)
                        .is_some_and(|t| raised.fallen_share_traps.contains(&t))
            }
            When::Shared(binding) => !crate::trap::made(case, events, binding).is_empty(),
            When::DecisionMissed(decision) => raised.decisions.iter().any(|d| {
                d.decision == *decision
                    && matches!(
                        d.status,
                        DecisionStatus::Missing | DecisionStatus::Late { .. }
                    )
            }),
            When::AnyBreach => raised.breaches > 0,
            When::NotShared { clue, to } => case
                .role(to.as_str())
                .zip(case.clue(clue.as_str()))
                .is_some_and(|(r, c)| !state.roles[r].known[c]),
            When::WrongConclusion => !raised.conclusion_correct,
        })
        .map(|point| point.id.clone())
        .collect()
}

/// One table in a side-by-side comparison.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TableSummary {
    /// The table's label, such as "Table 2".
    pub label: String,
    /// The adopted conclusion.
    pub conclusion: Option<Id>,
    /// Whether it is correct.
    pub conclusion_correct: bool,
    /// When the correct conclusion was adopted.
    pub time_to_identification: Option<Minutes>,
    /// The bundle per category.
    pub bundle: Vec<CategoryScore>,
    /// Expected decisions taken on time, and how many were expected.
    pub decisions_on_time: (usize, usize),
    /// Key shares made, and how many were expected.
    pub key_shares_made: (usize, usize),
    /// Breaches.
    pub breaches: usize,
}

/// Puts several tables' debriefs side by side.
pub fn compare(tables: &[(String, Debrief)]) -> Vec<TableSummary> {
    tables
        .iter()
        .map(|(label, debrief)| {
            let t = &debrief.table;
            let expected: Vec<&DecisionReview> = t
                .decisions
                .iter()
                .filter(|d| !matches!(d.status, DecisionStatus::Unexpected { .. }))
                .collect();
            TableSummary {
                label: label.clone(),
                conclusion: t.conclusion.clone(),
                conclusion_correct: t.conclusion_correct,
                time_to_identification: t.time_to_identification,
                bundle: t.bundle.clone(),
                decisions_on_time: (
                    expected
                        .iter()
                        .filter(|d| matches!(d.status, DecisionStatus::OnTime { .. }))
                        .count(),
                    expected.len(),
                ),
                key_shares_made: (
                    t.key_shares
                        .iter()
                        .filter(|k| k.reached_at.is_some())
                        .count(),
                    t.key_shares.len(),
                ),
                breaches: t.breaches,
            }
        })
        .collect()
}
