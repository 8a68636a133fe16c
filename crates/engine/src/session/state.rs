//! Where a table stands: the fold of its events (phase, clocks, trust,
//! what each role holds, open acts and proposals), and the questions the
//! rules ask of it (may this role take this action now? does this
//! condition hold?).

use super::events::*;
use crate::case::{Case, Minutes};
use crate::id::Id;
use crate::model::{Condition, Holds};
use crate::refusal::{Refusal, Unmet};
use crate::rulebook::Closed;
use serde::{Deserialize, Serialize};

/// Where the session stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    /// Roles read their cards; the trainer has not started.
    Waiting,
    /// Roles act.
    Running,
    /// The trainer paused the table.
    Paused,
    /// Over; the debrief is ready.
    Ended,
}

/// An open proposal of conclusion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proposal {
    /// Its number, which endorsements refer to.
    pub number: u32,
    /// The role that proposed it.
    pub by: usize,
    /// The conclusion.
    pub conclusion: usize,
    /// The orientation.
    pub orientation: Option<usize>,
    /// Which roles endorsed it; the proposer counts.
    pub endorsed: Vec<bool>,
    /// The proposer's reason.
    pub reason: String,
}

/// An act issued at the table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActState {
    /// Its number, from 1.
    pub number: u32,
    /// The act's position in the rulebook.
    pub kind: usize,
    /// The role that issued it.
    pub by: usize,
    /// The role it is addressed to.
    pub to: usize,
    /// Kinds of information it covers, by position in the rulebook.
    pub scope: Vec<usize>,
    /// Whether the addressee declined it.
    pub declined: bool,
}

/// One role's state.
#[derive(Clone, Debug, Default)]
pub struct RoleState {
    /// Minutes spent in the current phase.
    pub spent: Minutes,
    /// Minutes added to (or taken from) the budget of the current phase.
    pub extra: i32,
    /// Which clues the role knows, by discovery or share.
    pub known: Vec<bool>,
    /// Which clues were shared to the role.
    pub received: Vec<bool>,
    /// How many times the role took each action.
    pub done: Vec<u32>,
    /// The role's bundle: (clue, indicator) pairs.
    pub bundle: Vec<(usize, usize)>,
    /// Notes the role has written.
    pub notes: u32,
}

/// The fold of the events: everything the rules need to judge a command.
#[derive(Clone, Debug)]
pub struct State {
    /// Where the session stands.
    pub status: Status,
    /// The current phase.
    pub phase: usize,
    /// Each role's state.
    pub roles: Vec<RoleState>,
    /// Each person's trust.
    pub trust: Vec<i32>,
    /// Each decision: who took it and when.
    pub decided: Vec<Option<(usize, Minutes)>>,
    /// Whether each inject has been released.
    pub released: Vec<bool>,
    /// The open proposal.
    pub proposal: Option<Proposal>,
    /// Number of proposals made so far.
    pub proposals: u32,
    /// The adopted conclusion and orientation, and when.
    pub adopted: Option<(usize, Option<usize>, Minutes)>,
    /// Acts issued so far.
    pub acts: Vec<ActState>,
    /// Whether each frame has been used.
    pub frames_used: Vec<bool>,
    /// Each route a clue has travelled: (clue, sender, recipient, frame),
    /// once each.
    pub routes: Vec<(usize, usize, usize, usize)>,
    /// Whether each action is available.
    pub actions_enabled: Vec<bool>,
    /// Whether each decision is available.
    pub decisions_enabled: Vec<bool>,
}

impl State {
    /// The state of a case before any event.
    pub fn for_case(case: &Case) -> State {
        let s = case.scenario();
        State {
            status: Status::Waiting,
            phase: 0,
            roles: vec![
                RoleState {
                    spent: 0,
                    extra: 0,
                    known: vec![false; s.clues.len()],
                    received: vec![false; s.clues.len()],
                    done: vec![0; s.actions.len()],
                    bundle: Vec::new(),
                    notes: 0,
                };
                s.roles.len()
            ],
            trust: s
                .people
                .iter()
                .map(|p| p.trust.clamp(0, MAX_TRUST))
                .collect(),
            decided: vec![None; s.decisions.len()],
            released: vec![false; s.injects.len()],
            proposal: None,
            proposals: 0,
            adopted: None,
            acts: Vec::new(),
            frames_used: vec![false; case.rulebook().frames.len()],
            routes: Vec::new(),
            actions_enabled: s.actions.iter().map(|a| a.enabled).collect(),
            decisions_enabled: s.decisions.iter().map(|d| d.enabled).collect(),
        }
    }

    /// A role's clock: the start of the phase plus the time it has spent.
    pub fn clock(&self, case: &Case, role: usize) -> Minutes {
        case.phase_start(self.phase) + self.roles[role].spent
    }

    /// The table's clock: the start of the phase plus the most time any role spent.
    pub fn table_clock(&self, case: &Case) -> Minutes {
        case.phase_start(self.phase) + self.roles.iter().map(|r| r.spent).max().unwrap_or(0)
    }

    /// A role's budget in the current phase, with any change an effect made.
    pub fn budget(&self, case: &Case, role: usize) -> Minutes {
        let base = case.role_budget(role, self.phase) as i64;
        (base + i64::from(self.roles[role].extra)).max(0) as Minutes
    }

    /// Minutes left in a role's budget for this phase.
    pub fn budget_left(&self, case: &Case, role: usize) -> Minutes {
        self.budget(case, role)
            .saturating_sub(self.roles[role].spent)
    }

    /// Whether the case is within a window of phases, both ends included.
    pub fn within(&self, case: &Case, window: &Option<(Id, Id)>) -> Result<(), Unmet> {
        let Some((from, to)) = window else {
            return Ok(());
        };
        let start = case.phase(from.as_str()).unwrap_or(0);
        let end = case.phase(to.as_str()).unwrap_or(usize::MAX);
        if self.phase < start {
            Err(Unmet::Phase(from.clone()))
        } else if self.phase > end {
            Err(Unmet::PhaseOver(to.clone()))
        } else {
            Ok(())
        }
    }

    /// Whether a condition holds for a role.
    pub fn holds(&self, case: &Case, role: usize, condition: &Condition) -> bool {
        self.unmet_one(case, role, condition).is_none()
    }

    /// Whether a condition holds for some role at the table.
    pub fn holds_for_table(&self, case: &Case, condition: &Condition) -> bool {
        (0..self.roles.len()).any(|r| self.holds(case, r, condition))
    }

    /// Whether one of the rulebook's situations holds in the story now, as
    /// the case says; a situation the case does not mention never holds.
    pub fn situation_holds(&self, case: &Case, situation: usize) -> bool {
        let Some(u) = case.situation_use[situation] else {
            return false;
        };
        match &case.scenario().situations[u].holds {
            Holds::Never => false,
            Holds::Always => true,
            Holds::When(condition) => self.holds_for_table(case, condition),
        }
    }

    /// The situations that hold in the story now.
    pub fn holding(&self, case: &Case) -> Vec<Id> {
        case.rulebook()
            .situations
            .iter()
            .enumerate()
            .filter(|(i, _)| self.situation_holds(case, *i))
            .map(|(_, s)| s.id.clone())
            .collect()
    }

    /// The first condition that does not hold for a role, if any.
    pub fn unmet(&self, case: &Case, role: usize, conditions: &[Condition]) -> Option<Unmet> {
        conditions
            .iter()
            .find_map(|condition| self.unmet_one(case, role, condition))
    }

    pub(super) fn unmet_one(
        &self,
        case: &Case,
        role: usize,
        condition: &Condition,
    ) -> Option<Unmet> {
        match condition {
            Condition::All(all) => self.unmet(case, role, all),
            Condition::Any(any) => {
                let mut first = None;
                for c in any {
                    match self.unmet_one(case, role, c) {
                        None => return None,
                        Some(u) => {
                            first.get_or_insert(u);
                        }
                    }
                }
                first
            }
            Condition::Not(inner) => self
                .unmet_one(case, role, inner)
                .is_none()
                .then_some(Unmet::Circumstances),
            Condition::During { from, to } => {
                self.within(case, &Some((from.clone(), to.clone()))).err()
            }
            Condition::SharedTo { clue, to } => {
                let shared = case
                    .clue(clue.as_str())
                    .zip(case.role(to.as_str()))
                    .is_some_and(|(c, r)| self.roles[r].received[c]);
                (!shared).then_some(Unmet::Circumstances)
            }
            Condition::SharedBy {
                clue,
                from,
                to,
                through,
            } => {
                // A sender or frame left out matches any; one the case lacks, none.
                let named = |x: &Option<Id>, found: Option<usize>| x.is_none() || found.is_some();
                let (c, f, r, t) = (
                    case.clue(clue.as_str()),
                    from.as_ref().and_then(|x| case.role(x.as_str())),
                    case.role(to.as_str()),
                    through.as_ref().and_then(|x| case.frame(x.as_str())),
                );
                let travelled = named(from, f)
                    && named(through, t)
                    && self.routes.iter().any(|&(rc, rf, rr, rt)| {
                        Some(rc) == c
                            && Some(rr) == r
                            && f.is_none_or(|f| f == rf)
                            && t.is_none_or(|t| t == rt)
                    });
                (!travelled).then_some(Unmet::Circumstances)
            }
            Condition::Issued(act) => {
                let issued = case
                    .act(act.as_str())
                    .is_some_and(|a| self.acts.iter().any(|x| x.kind == a));
                (!issued).then(|| Unmet::Act(act.clone()))
            }
            Condition::SharedThrough(frame) => {
                let used = case
                    .frame(frame.as_str())
                    .is_some_and(|f| self.frames_used[f]);
                (!used).then_some(Unmet::Circumstances)
            }
            Condition::Knows(clue) => {
                let known = case
                    .clue(clue.as_str())
                    .is_some_and(|c| self.roles[role].known[c]);
                (!known).then_some(Unmet::Knowledge)
            }
            Condition::Decided(decision) => {
                let taken = case
                    .decision(decision.as_str())
                    .is_some_and(|d| self.decided[d].is_some());
                (!taken).then(|| Unmet::Decision(decision.clone()))
            }
            Condition::FromPhase(phase) => {
                let reached = case.phase(phase.as_str()).is_some_and(|p| self.phase >= p);
                (!reached).then(|| Unmet::Phase(phase.clone()))
            }
            Condition::Done(action) => {
                let done = case
                    .action(action.as_str())
                    .is_some_and(|a| self.roles[role].done[a] > 0);
                (!done).then(|| Unmet::Action(action.clone()))
            }
            Condition::Released(inject) => {
                let released = case
                    .inject(inject.as_str())
                    .is_some_and(|i| self.released[i]);
                (!released).then_some(Unmet::Circumstances)
            }
            Condition::Situation(situation) => {
                let holds = case
                    .situation(situation.as_str())
                    .is_some_and(|i| self.situation_holds(case, i));
                (!holds).then_some(Unmet::Circumstances)
            }
            Condition::Trust { person, at_least } => {
                let level = case.person(person.as_str()).map_or(0, |p| self.trust[p]);
                (level < *at_least).then(|| Unmet::Trust {
                    person: person.clone(),
                    at_least: *at_least,
                })
            }
        }
    }

    /// Whether a role may take an action now, and if not, why.
    pub fn can_take(&self, case: &Case, role: usize, action: usize) -> Result<(), Refusal> {
        self.running()?;
        if !case.role_actions(role).contains(&action) {
            return Err(Refusal::NotYourAction);
        }
        let a = &case.scenario().actions[action];
        if !a.repeatable && self.roles[role].done[action] > 0 {
            return Err(Refusal::AlreadyDone);
        }
        if !self.actions_enabled[action] {
            return Err(Refusal::Unavailable);
        }
        self.within(case, &a.phases).map_err(Refusal::Unmet)?;
        if self.budget(case, role) == 0 {
            return Err(Refusal::OffDuty);
        }
        if let Some(unmet) = self.unmet(case, role, &a.requires) {
            return Err(Refusal::Unmet(unmet));
        }
        let needed = case.action_cost(action);
        let left = self.budget_left(case, role);
        if needed > left {
            return Err(Refusal::OverBudget { needed, left });
        }
        Ok(())
    }

    /// Whether a role may take a decision now, and if not, why.
    pub fn can_decide(&self, case: &Case, role: usize, decision: usize) -> Result<(), Refusal> {
        self.running()?;
        if !case.has_power(role, decision) {
            return Err(Refusal::NotYourPower);
        }
        if self.decided[decision].is_some() {
            return Err(Refusal::AlreadyDecided);
        }
        if !self.decisions_enabled[decision] {
            return Err(Refusal::Unavailable);
        }
        let spec = &case.scenario().decisions[decision];
        self.within(case, &spec.phases).map_err(Refusal::Unmet)?;
        if let Some(unmet) = self.unmet(case, role, &spec.requires) {
            return Err(Refusal::Unmet(unmet));
        }
        let needed = case.decision_cost(decision);
        let left = self.budget_left(case, role);
        if needed > left {
            return Err(Refusal::OverBudget { needed, left });
        }
        Ok(())
    }

    /// Whether a role may issue an act of the rulebook now, to anyone.
    pub fn can_issue(&self, case: &Case, role: usize, act: usize) -> Result<(), Refusal> {
        self.running()?;
        let kind = &case.rulebook().acts[act];
        if !kind.by.contains(&case.profession_of(role).id) {
            return Err(Refusal::NotYourAct);
        }
        let s = case.scenario();
        for usage in s.acts.iter().filter(|u| u.act == kind.id) {
            if !usage.by.is_empty() && !usage.by.contains(&s.roles[role].id) {
                return Err(Refusal::NotYourAct);
            }
            if let Some(unmet) = self.unmet(case, role, &usage.requires) {
                return Err(Refusal::Unmet(unmet));
            }
        }
        Ok(())
    }

    /// The standing act that opens `frame` from `from` to `to`: the latest
    /// act of the frame's kind that `to` addressed to `from` and that was
    /// not declined.
    pub fn opening_act(
        &self,
        case: &Case,
        frame: usize,
        from: usize,
        to: usize,
    ) -> Result<Option<&ActState>, Closed> {
        let f = &case.rulebook().frames[frame];
        case.frame_between(frame, from, to)?;
        f.in_situation(&self.holding(case))?;
        let Some(act) = &f.opened_by else {
            return Ok(None);
        };
        let kind = case.act(act.as_str());
        self.acts
            .iter()
            .rev()
            .find(|a| Some(a.kind) == kind && a.by == to && a.to == from && !a.declined)
            .map(Some)
            .ok_or_else(|| Closed::NoAct {
                frame: f.id.clone(),
                act: act.clone(),
                from: case.scenario().roles[to].id.clone(),
            })
    }

    pub(super) fn running(&self) -> Result<(), Refusal> {
        match self.status {
            Status::Running => Ok(()),
            Status::Waiting => Err(Refusal::NotStarted),
            Status::Paused => Err(Refusal::Paused),
            Status::Ended => Err(Refusal::Ended),
        }
    }
}

/// A command of either kind, for the table of what each status allows.
#[derive(Clone, Copy, Debug)]
pub enum Command<'a> {
    /// A role's command.
    Role(&'a RoleCommand),
    /// The trainer's command.
    Trainer(&'a TrainerCommand),
}

/// Which commands each status of the session allows: the one place that
/// answers "can a trainee tag while the table is paused?" (yes: reading and
/// sorting one's file is not acting in the case).
pub fn allowed_in(status: Status, command: &Command<'_>) -> Result<(), Refusal> {
    use RoleCommand as R;
    use TrainerCommand as T;
    let quiet = matches!(
        command,
        Command::Role(R::Note { .. } | R::Tag { .. } | R::Untag { .. })
    );
    match (status, command) {
        (Status::Running, Command::Trainer(T::Start)) => Err(Refusal::AlreadyRunning),
        (Status::Running, _) => Ok(()),
        (Status::Ended, Command::Trainer(T::Note { .. })) => Ok(()),
        (Status::Ended, _) => Err(Refusal::Ended),
        (Status::Waiting | Status::Paused, Command::Role(_)) if quiet => Ok(()),
        (Status::Waiting, Command::Role(_)) => Err(Refusal::NotStarted),
        (Status::Paused, Command::Role(_)) => Err(Refusal::Paused),
        (_, Command::Trainer(T::Pause)) => Err(Refusal::NotRunning),
        (Status::Waiting, Command::Trainer(T::NextPhase | T::ReleaseInject { .. })) => {
            Err(Refusal::NotStarted)
        }
        (_, Command::Trainer(_)) => Ok(()),
    }
}
