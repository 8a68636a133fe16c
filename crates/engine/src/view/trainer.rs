//! What the trainer sees: every role's progress, the injects, the whole
//! table, and a glance of it for the console's cards.

use super::role::*;
use super::types::*;
use crate::case::Minutes;
use crate::id::Id;
use crate::session::{EventKind, Session, Status};
use crate::text::Text;
use serde::{Deserialize, Serialize};

/// One role's progress, as the trainer console shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoleProgress {
    /// The role.
    pub role: Id,
    /// Clues it knows.
    pub clues_known: usize,
    /// Actions it took.
    pub actions_taken: u32,
    /// Minutes left in its budget this phase.
    pub budget_left: Minutes,
    /// Entries in its bundle.
    pub bundle_size: usize,
}

/// An inject as the trainer sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InjectStatus {
    /// Id of the inject.
    pub id: Id,
    /// Its name.
    pub name: Text,
    /// What releases it.
    pub trigger: crate::model::Trigger,
    /// Whether it has been released.
    pub released: bool,
}

/// Everything about a table: the only view that shows the whole case.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrainerView {
    /// The case as written, solution included.
    pub scenario: crate::model::Scenario,
    /// The rulebook, with the case's overrides.
    pub rulebook: crate::rulebook::Rulebook,
    /// Where the session stands.
    pub status: Status,
    /// The current phase.
    pub phase: usize,
    /// The table's clock.
    pub clock: Minutes,
    /// Each role's progress.
    pub progress: Vec<RoleProgress>,
    /// Clues known by at least one role, and how many the case has.
    pub clues_found: (usize, usize),
    /// The table's bundle per category against the solution.
    pub bundle: Vec<crate::debrief::CategoryScore>,
    /// Injects and whether they were released.
    pub injects: Vec<InjectStatus>,
    /// Each role's own view.
    pub roles: Vec<RoleView>,
    /// Trainer notes.
    pub notes: Vec<(Minutes, String)>,
    /// Every event so far.
    pub events: Vec<crate::session::Event>,
}

/// What a room's console or projector shows of a table at a glance, without
/// building any role's view: cheap enough for every table on every frame.
#[derive(Clone, Debug, PartialEq)]
pub struct Glance {
    /// Where the session stands.
    pub status: Status,
    /// The current phase.
    pub phase: usize,
    /// The table's clock.
    pub clock: Minutes,
    /// Clues known by at least one role, and how many the case has.
    pub clues_found: (usize, usize),
    /// The table's bundle per category against the solution.
    pub bundle: Vec<crate::debrief::CategoryScore>,
    /// The proposal under discussion.
    pub proposal: Option<ProposalView>,
    /// The adopted conclusion.
    pub adopted: Option<Id>,
    /// Clue-to-role shares judged a breach so far.
    pub breaches: usize,
    /// Proposals rejected since the last adoption (or the start).
    pub rejections: usize,
}

impl Session {
    /// The table at a glance.
    pub fn glance(&self) -> Glance {
        let case = self.case();
        let s = case.scenario();
        let state = self.state();
        let mut breaches = 0;
        let mut rejections = 0;
        for event in self.events() {
            match &event.kind {
                crate::session::EventKind::Shared { judgements, .. } => {
                    breaches += judgements
                        .iter()
                        .filter(|j| j.judgement.verdict == crate::rulebook::Verdict::Breach)
                        .count();
                }
                crate::session::EventKind::Rejected { .. } => rejections += 1,
                crate::session::EventKind::ConclusionAdopted { .. } => rejections = 0,
                _ => {}
            }
        }
        Glance {
            status: state.status,
            phase: state.phase,
            clock: state.table_clock(case),
            clues_found: (
                (0..s.clues.len())
                    .filter(|&c| state.roles.iter().any(|r| r.known[c]))
                    .count(),
                s.clues.len(),
            ),
            bundle: crate::debrief::bundle_scores(case, state).0,
            proposal: proposal_view(case, state),
            adopted: state.adopted.map(|(c, _, _)| s.conclusions[c].id.clone()),
            breaches,
            rejections,
        }
    }
}

impl Session {
    /// Everything: every role's view, the solution, the progress and the events.
    pub fn trainer_view(&self) -> TrainerView {
        let case = self.case();
        let s = case.scenario();
        let state = self.state();
        let known_by_table = (0..s.clues.len())
            .filter(|&c| state.roles.iter().any(|r| r.known[c]))
            .count();
        TrainerView {
            scenario: s.clone(),
            rulebook: case.rulebook().clone(),
            status: state.status,
            phase: state.phase,
            clock: state.table_clock(case),
            progress: s
                .roles
                .iter()
                .enumerate()
                .map(|(r, role)| RoleProgress {
                    role: role.id.clone(),
                    clues_known: state.roles[r].known.iter().filter(|k| **k).count(),
                    actions_taken: state.roles[r].done.iter().sum(),
                    budget_left: state.budget_left(case, r),
                    bundle_size: state.roles[r].bundle.len(),
                })
                .collect(),
            clues_found: (known_by_table, s.clues.len()),
            bundle: crate::debrief::bundle_scores(case, state).0,
            injects: s
                .injects
                .iter()
                .enumerate()
                .map(|(i, inject)| InjectStatus {
                    id: inject.id.clone(),
                    name: inject.name.clone(),
                    trigger: inject.trigger.clone(),
                    released: state.released[i],
                })
                .collect(),
            roles: s
                .roles
                .iter()
                .filter_map(|r| self.view(r.id.as_str()))
                .collect(),
            notes: self
                .events()
                .iter()
                .filter_map(|e| match &e.kind {
                    EventKind::Noted { role: None, text } => Some((e.at, text.clone())),
                    _ => None,
                })
                .collect(),
            events: self.events().to_vec(),
        }
    }
}
