//! The session: one table playing one case, as an event-sourced state machine.
//!
//! Commands are checked against the case's rules and become events; the
//! state is the fold of the events. The same seed and the same commands
//! always give the same events.

use std::sync::Arc;

use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use serde::{Deserialize, Serialize};

use crate::case::{Case, Minutes};
use crate::id::Id;
use crate::model::{Adoption, Condition, Effect, Holds, Trigger};
use crate::refusal::{Refusal, Unmet};
use crate::rulebook::{Closed, Judgement};

/// Longest free text a trainee may send, in characters.
pub const MAX_TEXT: usize = 2000;

/// Notes a role may write in a session: the desk needs a few dozen, and a
/// role's view carries them all.
pub const MAX_NOTES: u32 = 100;

/// The highest level of a person's trust; the lowest is 0.
pub const MAX_TRUST: i32 = 5;

/// What a role asks to do.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum RoleCommand {
    /// Take an action, spending time from the role's budget.
    TakeAction {
        /// The action.
        action: Id,
    },
    /// Send clues to other roles through a frame of the rulebook. A frame
    /// that an act opens is used in answer to the latest standing act of
    /// that kind from each recipient.
    Share {
        /// The clues sent.
        clues: Vec<Id>,
        /// The roles receiving them.
        to: Vec<Id>,
        /// The frame used.
        frame: Id,
    },
    /// Issue an act of the rulebook, such as a requisition, to another role.
    Issue {
        /// The act.
        act: Id,
        /// The role it is addressed to.
        to: Id,
        /// The kinds of information it covers.
        scope: Vec<Id>,
    },
    /// Decline an act addressed to oneself, with a reason.
    Decline {
        /// The act's number.
        act: u32,
        /// Why.
        reason: String,
    },
    /// Exercise a power.
    Decide {
        /// The decision.
        decision: Id,
    },
    /// Add an indicator, backed by a clue, to one's own bundle.
    Tag {
        /// The clue.
        clue: Id,
        /// The indicator it supports in the role's view.
        indicator: Id,
    },
    /// Remove an indicator from one's own bundle.
    Untag {
        /// The clue.
        clue: Id,
        /// The indicator.
        indicator: Id,
    },
    /// Propose a conclusion to the table.
    Propose {
        /// The conclusion.
        conclusion: Id,
        /// The orientation chosen with it.
        orientation: Option<Id>,
        /// Why, in the role's words.
        reason: String,
    },
    /// Agree with the open proposal.
    Endorse {
        /// The proposal's number.
        proposal: u32,
    },
    /// Turn down the open proposal.
    Reject {
        /// The proposal's number.
        proposal: u32,
        /// Why.
        reason: String,
        /// What the rejecting role's evidence lacks, when it can say so as
        /// data (a bot does), for words in each reader's language.
        #[serde(default)]
        lacking: Option<Lacking>,
    },
    /// Write a personal note.
    Note {
        /// The note.
        text: String,
    },
}

/// What a role's evidence lacks to support a conclusion: the category of
/// indicators furthest below a sound reading. The minimum itself belongs to
/// the solution and is not said.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lacking {
    /// The category.
    pub category: Id,
}

/// What the trainer asks to do.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum TrainerCommand {
    /// Start the session, or resume it after a pause.
    Start,
    /// Pause the session: roles can read but not act.
    Pause,
    /// Move to the next phase; after the last, the session ends.
    NextPhase,
    /// Release an inject now.
    ReleaseInject {
        /// The inject.
        inject: Id,
    },
    /// Send a hint to one role, or to the whole table.
    Hint {
        /// The role, or none for everyone.
        to: Option<Id>,
        /// The hint.
        text: String,
    },
    /// Write a timestamped observer note.
    Note {
        /// The note.
        text: String,
    },
    /// End the session.
    End,
}

/// Where a discovered clue came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Discovery {
    /// The role knew it from the start.
    Start,
    /// The role's own action.
    Action(Id),
    /// A decision's effect.
    Decision(Id),
    /// An inject.
    Inject(Id),
}

/// Why an inject was released.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Release {
    /// The trainer released it.
    Trainer,
    /// Its phase started.
    Phase,
    /// Its trigger fired.
    Trigger,
}

/// Why a session ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Ending {
    /// The table adopted a conclusion.
    Concluded,
    /// The last phase ended.
    TimeUp,
    /// The trainer ended it.
    Trainer,
}

/// The judgement of one clue sent to one role.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ShareJudgement {
    /// The clue.
    pub clue: Id,
    /// The recipient.
    pub to: Id,
    /// How the rules judged it.
    pub judgement: Judgement,
}

/// Something that happened, at a minute of scenario time.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Minutes of scenario time since the case began.
    pub at: Minutes,
    /// What happened.
    pub kind: EventKind,
}

/// What happened.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub enum EventKind {
    /// The session started running.
    Started,
    /// The trainer paused the session.
    Paused,
    /// The trainer resumed the session.
    Resumed,
    /// A phase began.
    PhaseBegan { phase: Id },
    /// A role took an action; `outcome` is the drawn outcome, if any.
    ActionTaken {
        role: Id,
        action: Id,
        outcome: Option<u32>,
    },
    /// A role learned a clue by its own means.
    ClueLearned {
        role: Id,
        clue: Id,
        source: Discovery,
    },
    /// A person's trust changed to `level`.
    TrustChanged { person: Id, level: i32 },
    /// A role shared clues with others through a frame; `act` is the act
    /// it answered, `copies` the roles at the table that received the copy
    /// the frame requires, `copies_outside` the professions owed a copy that
    /// have no role at the table.
    Shared {
        from: Id,
        to: Vec<Id>,
        clues: Vec<Id>,
        frame: Id,
        act: Option<u32>,
        copies: Vec<Id>,
        copies_outside: Vec<Id>,
        judgements: Vec<ShareJudgement>,
    },
    /// A role issued an act to another.
    ActIssued {
        number: u32,
        act: Id,
        by: Id,
        to: Id,
        scope: Vec<Id>,
    },
    /// The addressee declined an act.
    ActDeclined { number: u32, by: Id, reason: String },
    /// An action or decision became available, or stopped being so.
    Availability { item: Id, enabled: bool },
    /// A role's time in the current phase changed by this many minutes.
    BudgetChanged { role: Id, minutes: i32 },
    /// A role took a decision.
    Decided { role: Id, decision: Id },
    /// A role added an indicator to its bundle.
    Tagged { role: Id, clue: Id, indicator: Id },
    /// A role removed an indicator from its bundle.
    Untagged { role: Id, clue: Id, indicator: Id },
    /// A role proposed a conclusion.
    Proposed {
        role: Id,
        proposal: u32,
        conclusion: Id,
        orientation: Option<Id>,
        reason: String,
    },
    /// A role endorsed the open proposal.
    Endorsed { role: Id, proposal: u32 },
    /// A role rejected the open proposal.
    Rejected {
        role: Id,
        proposal: u32,
        reason: String,
        #[serde(default)]
        lacking: Option<Lacking>,
    },
    /// Every role endorsed: the table's conclusion.
    ConclusionAdopted {
        proposal: u32,
        conclusion: Id,
        orientation: Option<Id>,
    },
    /// A note by a role, or by the trainer when `role` is none.
    Noted { role: Option<Id>, text: String },
    /// An inject was released.
    InjectReleased { inject: Id, release: Release },
    /// The trainer sent a hint.
    HintSent { to: Option<Id>, text: String },
    /// The session ended.
    Ended { ending: Ending },
}

impl EventKind {
    /// The one role whose view this event can change, when it changes no
    /// other: a role's own note, or a change to its own bundle. Every other
    /// role's view stays exactly as it was, so a host keeps those rather
    /// than building them again (`tests/view_bot.rs` checks it on every
    /// shipped case).
    pub fn private_to(&self) -> Option<&Id> {
        match self {
            EventKind::Noted {
                role: Some(role), ..
            }
            | EventKind::Tagged { role, .. }
            | EventKind::Untagged { role, .. } => Some(role),
            _ => None,
        }
    }
}

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

    fn unmet_one(&self, case: &Case, role: usize, condition: &Condition) -> Option<Unmet> {
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

    fn running(&self) -> Result<(), Refusal> {
        match self.status {
            Status::Running => Ok(()),
            Status::Waiting => Err(Refusal::NotStarted),
            Status::Paused => Err(Refusal::Paused),
            Status::Ended => Err(Refusal::Ended),
        }
    }

    /// Folds one event into the state. Unknown ids, which only a journal
    /// written for another version of the case could hold, are an error.
    pub fn apply(&mut self, case: &Case, event: &Event) -> Result<(), ReplayError> {
        let role = |id: &Id| {
            case.role(id.as_str())
                .ok_or_else(|| ReplayError::unknown("role", id))
        };
        let clue = |id: &Id| {
            case.clue(id.as_str())
                .ok_or_else(|| ReplayError::unknown("clue", id))
        };
        match &event.kind {
            EventKind::Started | EventKind::Resumed => self.status = Status::Running,
            EventKind::Paused => self.status = Status::Paused,
            EventKind::PhaseBegan { phase } => {
                self.phase = case
                    .phase(phase.as_str())
                    .ok_or_else(|| ReplayError::unknown("phase", phase))?;
                for r in &mut self.roles {
                    r.spent = 0;
                    r.extra = 0;
                }
            }
            EventKind::ActionTaken {
                role: r, action, ..
            } => {
                let r = role(r)?;
                let a = case
                    .action(action.as_str())
                    .ok_or_else(|| ReplayError::unknown("action", action))?;
                self.roles[r].done[a] += 1;
                self.roles[r].spent += case.action_cost(a);
            }
            EventKind::ClueLearned {
                role: r, clue: c, ..
            } => {
                let (r, c) = (role(r)?, clue(c)?);
                self.roles[r].known[c] = true;
            }
            EventKind::TrustChanged { person, level } => {
                let p = case
                    .person(person.as_str())
                    .ok_or_else(|| ReplayError::unknown("person", person))?;
                self.trust[p] = *level;
            }
            EventKind::Shared {
                to,
                clues,
                frame,
                copies,
                ..
            } => {
                let f = case
                    .frame(frame.as_str())
                    .ok_or_else(|| ReplayError::unknown("frame", frame))?;
                self.frames_used[f] = true;
                for recipient in to.iter().chain(copies) {
                    let r = role(recipient)?;
                    for c in clues {
                        let c = clue(c)?;
                        self.roles[r].known[c] = true;
                        self.roles[r].received[c] = true;
                    }
                }
            }
            EventKind::ActIssued {
                number,
                act,
                by,
                to,
                scope,
            } => {
                let kind = case
                    .act(act.as_str())
                    .ok_or_else(|| ReplayError::unknown("act", act))?;
                let mut classes = Vec::new();
                for class in scope {
                    classes.push(
                        case.class(class.as_str())
                            .ok_or_else(|| ReplayError::unknown("kind of information", class))?,
                    );
                }
                self.acts.push(ActState {
                    number: *number,
                    kind,
                    by: role(by)?,
                    to: role(to)?,
                    scope: classes,
                    declined: false,
                });
            }
            EventKind::ActDeclined { number, .. } => {
                if let Some(act) = self.acts.iter_mut().find(|a| a.number == *number) {
                    act.declined = true;
                }
            }
            EventKind::Availability { item, enabled } => {
                if let Some(a) = case.action(item.as_str()) {
                    self.actions_enabled[a] = *enabled;
                } else if let Some(d) = case.decision(item.as_str()) {
                    self.decisions_enabled[d] = *enabled;
                } else {
                    return Err(ReplayError::unknown("action or decision", item));
                }
            }
            EventKind::BudgetChanged { role: r, minutes } => {
                let r = role(r)?;
                self.roles[r].extra += *minutes;
            }
            EventKind::Decided { role: r, decision } => {
                let r = role(r)?;
                let d = case
                    .decision(decision.as_str())
                    .ok_or_else(|| ReplayError::unknown("decision", decision))?;
                self.decided[d] = Some((r, event.at));
                self.roles[r].spent += case.decision_cost(d);
            }
            EventKind::Tagged {
                role: r,
                clue: c,
                indicator,
            } => {
                let (r, c) = (role(r)?, clue(c)?);
                let i = case
                    .indicator(indicator.as_str())
                    .ok_or_else(|| ReplayError::unknown("indicator", indicator))?;
                self.roles[r].bundle.push((c, i));
            }
            EventKind::Untagged {
                role: r,
                clue: c,
                indicator,
            } => {
                let (r, c) = (role(r)?, clue(c)?);
                let i = case
                    .indicator(indicator.as_str())
                    .ok_or_else(|| ReplayError::unknown("indicator", indicator))?;
                self.roles[r].bundle.retain(|entry| *entry != (c, i));
            }
            EventKind::Proposed {
                role: r,
                proposal,
                conclusion,
                orientation,
                reason,
            } => {
                let r = role(r)?;
                let conclusion = case
                    .conclusion(conclusion.as_str())
                    .ok_or_else(|| ReplayError::unknown("conclusion", conclusion))?;
                let orientation = match orientation {
                    Some(o) => Some(
                        case.orientation(o.as_str())
                            .ok_or_else(|| ReplayError::unknown("orientation", o))?,
                    ),
                    None => None,
                };
                let mut endorsed = vec![false; self.roles.len()];
                endorsed[r] = true;
                self.proposal = Some(Proposal {
                    number: *proposal,
                    by: r,
                    conclusion,
                    orientation,
                    endorsed,
                    reason: reason.clone(),
                });
                self.proposals = self.proposals.max(*proposal);
            }
            EventKind::Endorsed { role: r, .. } => {
                let r = role(r)?;
                if let Some(proposal) = &mut self.proposal {
                    proposal.endorsed[r] = true;
                }
            }
            EventKind::Rejected { .. } => self.proposal = None,
            EventKind::ConclusionAdopted { .. } => {
                if let Some(proposal) = self.proposal.take() {
                    self.adopted = Some((proposal.conclusion, proposal.orientation, event.at));
                }
            }
            EventKind::InjectReleased { inject, .. } => {
                let i = case
                    .inject(inject.as_str())
                    .ok_or_else(|| ReplayError::unknown("inject", inject))?;
                self.released[i] = true;
            }
            EventKind::Noted {
                role: Some(author), ..
            } => {
                let r = role(author)?;
                self.roles[r].notes += 1;
            }
            EventKind::Noted { .. } | EventKind::HintSent { .. } => {}
            EventKind::Ended { .. } => self.status = Status::Ended,
        }
        Ok(())
    }
}

/// A journal that does not fit the case it is replayed against.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the journal refers to the {kind} `{id}`, which this version of the case does not have")]
pub struct ReplayError {
    /// What kind of item is missing.
    pub kind: &'static str,
    /// Its id.
    pub id: Id,
}

impl ReplayError {
    fn unknown(kind: &'static str, id: &Id) -> ReplayError {
        ReplayError {
            kind,
            id: id.clone(),
        }
    }
}

/// One table playing one case.
#[derive(Clone, Debug)]
pub struct Session {
    case: Arc<Case>,
    seed: u64,
    events: Vec<Event>,
    state: State,
}

impl Session {
    /// Opens a session: roles learn what they know from the start.
    pub fn new(case: Arc<Case>, seed: u64) -> Session {
        let mut session = Session {
            state: State::for_case(&case),
            case,
            seed,
            events: Vec::new(),
        };
        let mut opening = Vec::new();
        for clue in &session.case.scenario().clues {
            for role in &clue.known_to {
                opening.push(Event {
                    at: 0,
                    kind: EventKind::ClueLearned {
                        role: role.clone(),
                        clue: clue.id.clone(),
                        source: Discovery::Start,
                    },
                });
            }
        }
        session.commit(opening);
        session
    }

    /// Rebuilds a session from its journal.
    pub fn replay(case: Arc<Case>, seed: u64, events: Vec<Event>) -> Result<Session, ReplayError> {
        let mut state = State::for_case(&case);
        for event in &events {
            state.apply(&case, event)?;
        }
        Ok(Session {
            case,
            seed,
            events,
            state,
        })
    }

    /// The case being played.
    pub fn case(&self) -> &Arc<Case> {
        &self.case
    }

    /// The seed of the session's random draws.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// Every event so far.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// The current state.
    pub fn state(&self) -> &State {
        &self.state
    }

    fn commit(&mut self, events: Vec<Event>) {
        for event in &events {
            // Events built here only name ids of this case.
            let applied = self.state.apply(&self.case, event);
            debug_assert!(applied.is_ok(), "{applied:?}");
        }
        self.events.extend(events);
    }

    fn rng(&self) -> StdRng {
        let n = self.events.len() as u64;
        StdRng::seed_from_u64(self.seed ^ n.wrapping_mul(0x9E37_79B9_7F4A_7C15))
    }

    /// Checks a role's command and, if the rules allow it, records its
    /// events, which it returns (with any inject they triggered).
    pub fn submit(&mut self, role: &str, command: RoleCommand) -> Result<&[Event], Refusal> {
        let r = self.case.role(role).ok_or(Refusal::UnknownRole)?;
        let events = self.judge(r, command)?;
        let start = self.events.len();
        self.commit(events);
        self.fire_triggers();
        Ok(&self.events[start..])
    }

    /// Checks a trainer's command and records its events, which it returns.
    pub fn direct(&mut self, command: TrainerCommand) -> Result<&[Event], Refusal> {
        let events = self.judge_trainer(command)?;
        let start = self.events.len();
        self.commit(events);
        self.fire_triggers();
        Ok(&self.events[start..])
    }

    fn judge(&self, r: usize, command: RoleCommand) -> Result<Vec<Event>, Refusal> {
        let state = &self.state;
        allowed_in(state.status, &Command::Role(&command))?;
        match command {
            RoleCommand::Note { text } => self.note(r, text),
            RoleCommand::TakeAction { action } => self.take_action(r, &action),
            RoleCommand::Decide { decision } => self.decide(r, &decision),
            RoleCommand::Share { clues, to, frame } => self.share(r, &clues, &to, &frame),
            RoleCommand::Issue { act, to, scope } => self.issue(r, &act, &to, &scope),
            RoleCommand::Decline { act, reason } => self.decline(r, act, reason),
            RoleCommand::Tag { clue, indicator } => self.tag(r, clue, indicator, true),
            RoleCommand::Untag { clue, indicator } => self.tag(r, clue, indicator, false),
            RoleCommand::Propose {
                conclusion,
                orientation,
                reason,
            } => self.propose(r, conclusion, orientation, reason),
            RoleCommand::Endorse { proposal } => self.endorse(r, proposal),
            RoleCommand::Reject {
                proposal,
                reason,
                lacking,
            } => self.reject(r, proposal, reason, lacking),
        }
    }

    fn role_id(&self, r: usize) -> Id {
        self.case.scenario().roles[r].id.clone()
    }

    fn note(&self, r: usize, text: String) -> Result<Vec<Event>, Refusal> {
        if self.state.roles[r].notes >= MAX_NOTES {
            return Err(Refusal::TooManyNotes);
        }
        let text = checked_text(text)?;
        Ok(vec![Event {
            at: self.state.table_clock(&self.case),
            kind: EventKind::Noted {
                role: Some(self.role_id(r)),
                text,
            },
        }])
    }

    /// Draws the outcome of an uncertain action by weight.
    fn draw_outcome(&self, action: usize) -> Option<u32> {
        let spec = &self.case.scenario().actions[action];
        if spec.outcomes.is_empty() {
            return None;
        }
        let total: u32 = spec.outcomes.iter().map(|o| o.weight).sum();
        let mut draw = self.rng().random_range(0..total.max(1));
        for (i, o) in spec.outcomes.iter().enumerate() {
            if draw < o.weight {
                return Some(i as u32);
            }
            draw -= o.weight;
        }
        Some(0)
    }

    fn take_action(&self, r: usize, action: &Id) -> Result<Vec<Event>, Refusal> {
        let case = &*self.case;
        let state = &self.state;
        let role_id = self.role_id(r);
        let a = case.action(action.as_str()).ok_or(Refusal::UnknownAction)?;
        state.can_take(case, r, a)?;
        let spec = &case.scenario().actions[a];
        let at = state.clock(case, r) + case.action_cost(a);
        let outcome = self.draw_outcome(a);
        let mut events = vec![Event {
            at,
            kind: EventKind::ActionTaken {
                role: role_id.clone(),
                action: action.clone(),
                outcome,
            },
        }];
        let drawn = outcome.map(|o| &spec.outcomes[o as usize]);
        let mut learned = Vec::new();
        for clue in spec
            .reveals
            .iter()
            .chain(drawn.iter().flat_map(|o| o.reveals.iter()))
        {
            let c = case.clue(clue.as_str()).ok_or(Refusal::UnknownAction)?;
            if !state.roles[r].known[c] && !learned.contains(&c) {
                learned.push(c);
                events.push(Event {
                    at,
                    kind: EventKind::ClueLearned {
                        role: role_id.clone(),
                        clue: clue.clone(),
                        source: Discovery::Action(action.clone()),
                    },
                });
            }
        }
        let change = spec.trust + drawn.map_or(0, |o| o.trust);
        if let Some(person) = &spec.person
            && change != 0
            && let Some(p) = case.person(person.as_str())
        {
            let level = (state.trust[p] + change).clamp(0, MAX_TRUST);
            if level != state.trust[p] {
                events.push(Event {
                    at,
                    kind: EventKind::TrustChanged {
                        person: person.clone(),
                        level,
                    },
                });
            }
        }
        Ok(events)
    }

    fn decide(&self, r: usize, decision: &Id) -> Result<Vec<Event>, Refusal> {
        let case = &*self.case;
        let state = &self.state;
        let role_id = self.role_id(r);
        let d = case
            .decision(decision.as_str())
            .ok_or(Refusal::UnknownDecision)?;
        state.can_decide(case, r, d)?;
        let at = state.clock(case, r);
        let mut events = vec![Event {
            at,
            kind: EventKind::Decided {
                role: role_id.clone(),
                decision: decision.clone(),
            },
        }];
        let mut after = state.clone();
        after.decided[d] = Some((r, at));
        events.extend(effects(
            case,
            &after,
            r,
            &case.scenario().decisions[d].effects,
            &[role_id],
            &Discovery::Decision(decision.clone()),
            at,
        ));
        Ok(events)
    }

    /// The clues a role may send: held ones, each once. Unknown and
    /// not-held clues get the same answer, so that a refusal never confirms
    /// that a clue exists.
    fn held_clues(&self, r: usize, clues: &[Id]) -> Result<Vec<usize>, Refusal> {
        let mut held = Vec::new();
        for clue in clues {
            let c = self
                .case
                .clue(clue.as_str())
                .filter(|&c| self.state.roles[r].known[c])
                .ok_or(Refusal::NotHeld)?;
            if !held.contains(&c) {
                held.push(c);
            }
        }
        Ok(held)
    }

    fn recipients(&self, r: usize, to: &[Id]) -> Result<Vec<usize>, Refusal> {
        let mut recipients = Vec::new();
        for recipient in to {
            let t = self
                .case
                .role(recipient.as_str())
                .ok_or_else(|| Refusal::UnknownRecipient(recipient.clone()))?;
            if t == r {
                return Err(Refusal::ShareWithSelf);
            }
            if !recipients.contains(&t) {
                recipients.push(t);
            }
        }
        Ok(recipients)
    }

    fn share(&self, r: usize, clues: &[Id], to: &[Id], frame: &Id) -> Result<Vec<Event>, Refusal> {
        let case = &*self.case;
        let s = case.scenario();
        let state = &self.state;
        if clues.is_empty() {
            return Err(Refusal::NothingToShare);
        }
        if to.is_empty() {
            return Err(Refusal::NoRecipient);
        }
        let held = self.held_clues(r, clues)?;
        let recipients = self.recipients(r, to)?;
        let f = case.frame(frame.as_str()).ok_or(Refusal::UnknownFrame)?;
        let mut answered = None;
        for &t in &recipients {
            let act = state
                .opening_act(case, f, r, t)
                .map_err(Refusal::FrameClosed)?;
            if let Some(act) = act {
                for &c in &held {
                    if !act.scope.is_empty() && !act.scope.contains(&case.clue_class[c]) {
                        return Err(Refusal::FrameClosed(Closed::OutOfScope {
                            act: act.number,
                            class: case.rulebook().classes[case.clue_class[c]].id.clone(),
                        }));
                    }
                }
                answered = Some(act.number);
            }
        }
        let holding = state.holding(case);
        let mut judgements = Vec::new();
        for &c in &held {
            for &t in &recipients {
                judgements.push(ShareJudgement {
                    clue: s.clues[c].id.clone(),
                    to: s.roles[t].id.clone(),
                    judgement: case.judge(c, f, r, t, &holding),
                });
            }
        }
        let (copies, copies_outside) = self.copies(f, r, &recipients);
        Ok(vec![Event {
            at: state.clock(case, r),
            kind: EventKind::Shared {
                from: self.role_id(r),
                to: recipients.iter().map(|&t| s.roles[t].id.clone()).collect(),
                clues: held.iter().map(|&c| s.clues[c].id.clone()).collect(),
                frame: frame.clone(),
                act: answered,
                copies,
                copies_outside,
                judgements,
            },
        }])
    }

    /// Who receives the copy a frame requires: the roles at the table of
    /// each profession owed one, and the professions with no role here.
    fn copies(&self, frame: usize, from: usize, recipients: &[usize]) -> (Vec<Id>, Vec<Id>) {
        let case = &*self.case;
        let s = case.scenario();
        let mut at_table = Vec::new();
        let mut outside = Vec::new();
        for profession in &case.rulebook().frames[frame].copy_to {
            let holders: Vec<usize> = (0..s.roles.len())
                .filter(|&r| case.profession_of(r).id == *profession)
                .collect();
            if holders.is_empty() {
                outside.push(profession.clone());
            }
            for r in holders {
                if r != from && !recipients.contains(&r) && !at_table.contains(&s.roles[r].id) {
                    at_table.push(s.roles[r].id.clone());
                }
            }
        }
        (at_table, outside)
    }

    fn issue(&self, r: usize, act: &Id, to: &Id, scope: &[Id]) -> Result<Vec<Event>, Refusal> {
        let case = &*self.case;
        let state = &self.state;
        let a = case.act(act.as_str()).ok_or(Refusal::UnknownAct)?;
        state.can_issue(case, r, a)?;
        let t = self.recipients(r, std::slice::from_ref(to))?[0];
        let kind = &case.rulebook().acts[a];
        if !kind.to.is_empty() && !kind.to.contains(&case.profession_of(t).id) {
            return Err(Refusal::NotAnAddressee {
                act: act.clone(),
                only: kind.to.clone(),
            });
        }
        let mut classes: Vec<Id> = Vec::new();
        for class in scope {
            case.class(class.as_str())
                .ok_or_else(|| Refusal::UnknownClass(class.clone()))?;
            if !classes.contains(class) {
                classes.push(class.clone());
            }
        }
        if kind.scoped && classes.is_empty() {
            return Err(Refusal::EmptyScope);
        }
        let number = state.acts.len() as u32 + 1;
        Ok(vec![Event {
            at: state.clock(case, r),
            kind: EventKind::ActIssued {
                number,
                act: act.clone(),
                by: self.role_id(r),
                to: to.clone(),
                scope: classes,
            },
        }])
    }

    fn decline(&self, r: usize, number: u32, reason: String) -> Result<Vec<Event>, Refusal> {
        let state = &self.state;
        let act = state
            .acts
            .iter()
            .find(|a| a.number == number && a.to == r)
            .ok_or(Refusal::NoSuchAct)?;
        if act.declined {
            return Err(Refusal::NoSuchAct);
        }
        let reason = checked_text(reason)?;
        Ok(vec![Event {
            at: state.clock(&self.case, r),
            kind: EventKind::ActDeclined {
                number,
                by: self.role_id(r),
                reason,
            },
        }])
    }

    fn tag(&self, r: usize, clue: Id, indicator: Id, add: bool) -> Result<Vec<Event>, Refusal> {
        let case = &*self.case;
        let state = &self.state;
        let entry = bundle_entry(case, state, r, &clue, &indicator)?;
        let tagged = state.roles[r].bundle.contains(&entry);
        let role = self.role_id(r);
        let kind = match (add, tagged) {
            (true, true) => return Err(Refusal::AlreadyTagged),
            (false, false) => return Err(Refusal::NotTagged),
            (true, false) => EventKind::Tagged {
                role,
                clue,
                indicator,
            },
            (false, true) => EventKind::Untagged {
                role,
                clue,
                indicator,
            },
        };
        Ok(vec![Event {
            at: state.clock(case, r),
            kind,
        }])
    }

    fn propose(
        &self,
        r: usize,
        conclusion: Id,
        orientation: Option<Id>,
        reason: String,
    ) -> Result<Vec<Event>, Refusal> {
        let case = &*self.case;
        let state = &self.state;
        case.conclusion(conclusion.as_str())
            .ok_or(Refusal::UnknownConclusion)?;
        if let Some(o) = &orientation {
            case.orientation(o.as_str())
                .ok_or(Refusal::UnknownOrientation)?;
        }
        let reason = checked_text(reason)?;
        let at = state.clock(case, r);
        let number = state.proposals + 1;
        let mut events = vec![Event {
            at,
            kind: EventKind::Proposed {
                role: self.role_id(r),
                proposal: number,
                conclusion: conclusion.clone(),
                orientation: orientation.clone(),
                reason,
            },
        }];
        let mut endorsed = vec![false; state.roles.len()];
        endorsed[r] = true;
        if adopted(case.scenario().adoption, &endorsed) {
            events.extend(adoption(number, conclusion, orientation, at));
        }
        Ok(events)
    }

    fn endorse(&self, r: usize, proposal: u32) -> Result<Vec<Event>, Refusal> {
        let case = &*self.case;
        let s = case.scenario();
        let state = &self.state;
        let open = open_proposal(state, proposal)?;
        if open.by == r {
            return Err(Refusal::OwnProposal);
        }
        if open.endorsed[r] {
            return Err(Refusal::AlreadyEndorsed);
        }
        let mut events = vec![Event {
            at: state.clock(case, r),
            kind: EventKind::Endorsed {
                role: self.role_id(r),
                proposal,
            },
        }];
        let mut endorsed = open.endorsed.clone();
        endorsed[r] = true;
        if adopted(s.adoption, &endorsed) {
            events.extend(adoption(
                proposal,
                s.conclusions[open.conclusion].id.clone(),
                open.orientation.map(|o| s.orientations[o].id.clone()),
                state.table_clock(case),
            ));
        }
        Ok(events)
    }

    fn reject(
        &self,
        r: usize,
        proposal: u32,
        reason: String,
        lacking: Option<Lacking>,
    ) -> Result<Vec<Event>, Refusal> {
        let state = &self.state;
        let open = open_proposal(state, proposal)?;
        if open.by == r {
            return Err(Refusal::OwnProposal);
        }
        let reason = checked_text(reason)?;
        Ok(vec![Event {
            at: state.clock(&self.case, r),
            kind: EventKind::Rejected {
                role: self.role_id(r),
                proposal,
                reason,
                lacking: lacking.filter(|l| self.case.category(l.category.as_str()).is_some()),
            },
        }])
    }

    fn judge_trainer(&self, command: TrainerCommand) -> Result<Vec<Event>, Refusal> {
        let case = &*self.case;
        let s = case.scenario();
        let state = &self.state;
        let at = state.table_clock(case);
        allowed_in(state.status, &Command::Trainer(&command))?;
        match command {
            TrainerCommand::Start => match state.status {
                Status::Waiting => {
                    let first = &s.phases[0].id;
                    let mut events = vec![
                        Event {
                            at: 0,
                            kind: EventKind::Started,
                        },
                        Event {
                            at: 0,
                            kind: EventKind::PhaseBegan {
                                phase: first.clone(),
                            },
                        },
                    ];
                    events.extend(phase_injects(case, state, first, 0));
                    Ok(events)
                }
                Status::Paused => Ok(vec![Event {
                    at,
                    kind: EventKind::Resumed,
                }]),
                _ => Err(Refusal::AlreadyRunning),
            },
            TrainerCommand::Pause => match state.status {
                Status::Running => Ok(vec![Event {
                    at,
                    kind: EventKind::Paused,
                }]),
                _ => Err(Refusal::NotRunning),
            },
            TrainerCommand::NextPhase => {
                let current = &s.phases[state.phase].id;
                let end = case.phase_start(state.phase) + case.phase_length(state.phase);
                let mut events = Vec::new();
                let mut released = state.released.clone();
                for (i, inject) in s.injects.iter().enumerate() {
                    let due = match &inject.trigger {
                        Trigger::IfNotDecided { decision, by } => {
                            by == current
                                && case
                                    .decision(decision.as_str())
                                    .is_some_and(|d| state.decided[d].is_none())
                        }
                        Trigger::IfNotBy { condition, by } => {
                            by == current && !state.holds_for_table(case, condition)
                        }
                        _ => false,
                    };
                    if due && !released[i] {
                        released[i] = true;
                        events.extend(inject_events(case, state, i, Release::Trigger, end));
                    }
                }
                match s.phases.get(state.phase + 1) {
                    Some(next) => {
                        events.push(Event {
                            at: end,
                            kind: EventKind::PhaseBegan {
                                phase: next.id.clone(),
                            },
                        });
                        let mut after = state.clone();
                        after.released = released;
                        events.extend(phase_injects(case, &after, &next.id, end));
                    }
                    None => events.push(Event {
                        at: end,
                        kind: EventKind::Ended {
                            ending: Ending::TimeUp,
                        },
                    }),
                }
                Ok(events)
            }
            TrainerCommand::ReleaseInject { inject } => {
                let i = case.inject(inject.as_str()).ok_or(Refusal::UnknownInject)?;
                if state.released[i] {
                    return Err(Refusal::AlreadyReleased);
                }
                Ok(inject_events(case, state, i, Release::Trainer, at))
            }
            TrainerCommand::Hint { to, text } => {
                if let Some(role) = &to {
                    case.role(role.as_str()).ok_or(Refusal::UnknownRole)?;
                }
                let text = checked_text(text)?;
                Ok(vec![Event {
                    at,
                    kind: EventKind::HintSent { to, text },
                }])
            }
            TrainerCommand::Note { text } => {
                let text = checked_text(text)?;
                Ok(vec![Event {
                    at,
                    kind: EventKind::Noted { role: None, text },
                }])
            }
            TrainerCommand::End => Ok(vec![Event {
                at,
                kind: EventKind::Ended {
                    ending: Ending::Trainer,
                },
            }]),
        }
    }

    /// Releases injects whose decision or condition trigger has fired.
    fn fire_triggers(&mut self) {
        let case = Arc::clone(&self.case);
        // An inject's effects may make another's condition hold: look again
        // until nothing more fires (each inject fires once).
        loop {
            let due = case
                .scenario()
                .injects
                .iter()
                .enumerate()
                .find(|(i, inject)| {
                    !self.state.released[*i]
                        && self.state.status == Status::Running
                        && match &inject.trigger {
                            Trigger::AfterDecision(decision) => case
                                .decision(decision.as_str())
                                .is_some_and(|d| self.state.decided[d].is_some()),
                            Trigger::When(condition) => {
                                self.state.holds_for_table(&case, condition)
                            }
                            _ => false,
                        }
                });
            let Some((i, _)) = due else {
                break;
            };
            let at = self.state.table_clock(&case);
            let events = inject_events(&case, &self.state, i, Release::Trigger, at);
            self.commit(events);
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

/// Whether enough roles endorsed a proposal under the case's rule.
fn adopted(rule: Adoption, endorsed: &[bool]) -> bool {
    let yes = endorsed.iter().filter(|e| **e).count();
    match rule {
        Adoption::Unanimity => yes == endorsed.len(),
        Adoption::Majority => yes * 2 > endorsed.len(),
    }
}

fn adoption(proposal: u32, conclusion: Id, orientation: Option<Id>, at: Minutes) -> Vec<Event> {
    vec![
        Event {
            at,
            kind: EventKind::ConclusionAdopted {
                proposal,
                conclusion,
                orientation,
            },
        },
        Event {
            at,
            kind: EventKind::Ended {
                ending: Ending::Concluded,
            },
        },
    ]
}

/// The (clue, indicator) pair a role may put in or take out of its bundle:
/// the clue must be one it holds.
fn bundle_entry(
    case: &Case,
    state: &State,
    role: usize,
    clue: &Id,
    indicator: &Id,
) -> Result<(usize, usize), Refusal> {
    let c = case
        .clue(clue.as_str())
        .filter(|&c| state.roles[role].known[c])
        .ok_or(Refusal::NotHeld)?;
    let i = case
        .indicator(indicator.as_str())
        .ok_or(Refusal::UnknownIndicator)?;
    Ok((c, i))
}

fn open_proposal(state: &State, number: u32) -> Result<&Proposal, Refusal> {
    match &state.proposal {
        None => Err(Refusal::NoOpenProposal),
        Some(p) if p.number != number => Err(Refusal::StaleProposal),
        Some(p) => Ok(p),
    }
}

fn checked_text(text: String) -> Result<String, Refusal> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(Refusal::EmptyText);
    }
    if trimmed.chars().count() > MAX_TEXT {
        return Err(Refusal::TooLong);
    }
    // Line breaks and tabs are text; other control characters and the
    // bidirectional overrides that reorder what a reader sees are not.
    let hostile = |c: char| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    if trimmed.chars().any(hostile) {
        return Err(Refusal::ControlCharacters);
    }
    Ok(trimmed.to_owned())
}

fn phase_injects(case: &Case, state: &State, phase: &Id, at: Minutes) -> Vec<Event> {
    let mut events = Vec::new();
    for (i, inject) in case.scenario().injects.iter().enumerate() {
        if matches!(&inject.trigger, Trigger::AtPhase(p) if p == phase) && !state.released[i] {
            events.extend(inject_events(case, state, i, Release::Phase, at));
        }
    }
    events
}

fn inject_events(
    case: &Case,
    state: &State,
    inject: usize,
    release: Release,
    at: Minutes,
) -> Vec<Event> {
    let s = case.scenario();
    let spec = &s.injects[inject];
    let audience: Vec<Id> = if spec.to.is_empty() {
        s.roles.iter().map(|r| r.id.clone()).collect()
    } else {
        spec.to.clone()
    };
    let mut events = vec![Event {
        at,
        kind: EventKind::InjectReleased {
            inject: spec.id.clone(),
            release,
        },
    }];
    let first = audience
        .first()
        .and_then(|r| case.role(r.as_str()))
        .unwrap_or(0);
    events.extend(effects(
        case,
        state,
        first,
        &spec.effects,
        &audience,
        &Discovery::Inject(spec.id.clone()),
        at,
    ));
    events
}

/// The events that effects cause. `role` is the role whose conditions an
/// `If` effect is judged for; `default_to` who learns a clue when the effect
/// names nobody.
fn effects(
    case: &Case,
    state: &State,
    role: usize,
    effects: &[Effect],
    default_to: &[Id],
    source: &Discovery,
    at: Minutes,
) -> Vec<Event> {
    let mut events = Vec::new();
    let mut after = state.clone();
    apply_effects(
        case,
        &mut after,
        role,
        effects,
        default_to,
        source,
        at,
        &mut events,
    );
    events
}

#[allow(clippy::too_many_arguments)]
fn apply_effects(
    case: &Case,
    state: &mut State,
    role: usize,
    effects: &[Effect],
    default_to: &[Id],
    source: &Discovery,
    at: Minutes,
    events: &mut Vec<Event>,
) {
    for effect in effects {
        let mut caused = Vec::new();
        match effect {
            Effect::Reveal { clue, to } => {
                let Some(c) = case.clue(clue.as_str()) else {
                    continue;
                };
                let targets = if to.is_empty() {
                    default_to
                } else {
                    to.as_slice()
                };
                for target in targets {
                    let Some(r) = case.role(target.as_str()) else {
                        continue;
                    };
                    if !state.roles[r].known[c] {
                        caused.push(EventKind::ClueLearned {
                            role: target.clone(),
                            clue: clue.clone(),
                            source: source.clone(),
                        });
                    }
                }
            }
            Effect::Trust { person, change } => {
                let Some(p) = case.person(person.as_str()) else {
                    continue;
                };
                let level = (state.trust[p] + change).clamp(0, MAX_TRUST);
                if level != state.trust[p] {
                    caused.push(EventKind::TrustChanged {
                        person: person.clone(),
                        level,
                    });
                }
            }
            Effect::Enable(item) | Effect::Disable(item) => {
                let enabled = matches!(effect, Effect::Enable(_));
                let now = case
                    .action(item.as_str())
                    .map(|a| state.actions_enabled[a])
                    .or_else(|| {
                        case.decision(item.as_str())
                            .map(|d| state.decisions_enabled[d])
                    });
                if now.is_some_and(|now| now != enabled) {
                    caused.push(EventKind::Availability {
                        item: item.clone(),
                        enabled,
                    });
                }
            }
            Effect::Budget {
                role: target,
                hours,
            } => {
                if case.role(target.as_str()).is_some() {
                    caused.push(EventKind::BudgetChanged {
                        role: target.clone(),
                        minutes: (hours * 60.0).round() as i32,
                    });
                }
            }
            Effect::If { condition, then } => {
                if state.holds(case, role, condition) {
                    apply_effects(case, state, role, then, default_to, source, at, events);
                }
            }
        }
        for kind in caused {
            let event = Event { at, kind };
            // Effects name only ids the validated case has.
            let _ = state.apply(case, &event);
            events.push(event);
        }
    }
}
