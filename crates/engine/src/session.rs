//! The session: one table playing one case, as an event-sourced state machine.
//!
//! Commands are checked against the case's rules and become events; the
//! state is the fold of the events. The same seed and the same commands
//! always give the same events.

use std::sync::Arc;

use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use serde::{Deserialize, Serialize};

use crate::case::{Case, Judgement, Minutes};
use crate::id::Id;
use crate::model::{Channel, Condition, Effect, Purpose, Trigger};
use crate::refusal::{Refusal, Unmet};

/// Longest free text a trainee may send, in characters.
pub const MAX_TEXT: usize = 2000;

/// What a role asks to do.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum RoleCommand {
    /// Take an action, spending time from the role's budget.
    TakeAction {
        /// The action.
        action: Id,
    },
    /// Send clues to other roles through a channel, for a purpose.
    Share {
        /// The clues sent.
        clues: Vec<Id>,
        /// The roles receiving them.
        to: Vec<Id>,
        /// The legal channel used.
        channel: Channel,
        /// Why.
        purpose: Purpose,
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
    },
    /// Write a personal note.
    Note {
        /// The note.
        text: String,
    },
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
    /// A role shared clues with others.
    Shared {
        from: Id,
        to: Vec<Id>,
        clues: Vec<Id>,
        channel: Channel,
        purpose: Purpose,
        judgements: Vec<ShareJudgement>,
    },
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

/// One role's state.
#[derive(Clone, Debug, Default)]
pub struct RoleState {
    /// Minutes spent in the current phase.
    pub spent: Minutes,
    /// Which clues the role knows, by discovery or share.
    pub known: Vec<bool>,
    /// How many times the role took each action.
    pub done: Vec<u32>,
    /// The role's bundle: (clue, indicator) pairs.
    pub bundle: Vec<(usize, usize)>,
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
                    known: vec![false; s.clues.len()],
                    done: vec![0; s.actions.len()],
                    bundle: Vec::new()
                };
                s.roles.len()
            ],
            trust: s.people.iter().map(|p| p.trust.clamp(0, 5)).collect(),
            decided: vec![None; s.decisions.len()],
            released: vec![false; s.injects.len()],
            proposal: None,
            proposals: 0,
            adopted: None,
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

    /// Minutes left in a role's budget for this phase.
    pub fn budget_left(&self, case: &Case, role: usize) -> Minutes {
        case.role_budget(role)
            .saturating_sub(self.roles[role].spent)
    }

    /// The first condition that does not hold for a role, if any.
    pub fn unmet(&self, case: &Case, role: usize, conditions: &[Condition]) -> Option<Unmet> {
        conditions.iter().find_map(|condition| match condition {
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
            Condition::Trust { person, at_least } => {
                let level = case.person(person.as_str()).map_or(0, |p| self.trust[p]);
                (level < *at_least).then(|| Unmet::Trust {
                    person: person.clone(),
                    at_least: *at_least,
                })
            }
        })
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
        match self.unmet(case, role, &case.scenario().decisions[decision].requires) {
            Some(unmet) => Err(Refusal::Unmet(unmet)),
            None => Ok(()),
        }
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
            EventKind::Shared { to, clues, .. } => {
                for recipient in to {
                    let r = role(recipient)?;
                    for c in clues {
                        let c = clue(c)?;
                        self.roles[r].known[c] = true;
                    }
                }
            }
            EventKind::Decided { role: r, decision } => {
                let r = role(r)?;
                let d = case
                    .decision(decision.as_str())
                    .ok_or_else(|| ReplayError::unknown("decision", decision))?;
                self.decided[d] = Some((r, event.at));
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
            let _ = self.state.apply(&self.case, event);
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
        let case = &*self.case;
        let s = case.scenario();
        let state = &self.state;
        let role_id = s.roles[r].id.clone();
        if state.status == Status::Ended {
            return Err(Refusal::Ended);
        }
        match command {
            RoleCommand::Note { text } => {
                let text = checked_text(text)?;
                Ok(vec![Event {
                    at: state.table_clock(case),
                    kind: EventKind::Noted {
                        role: Some(role_id),
                        text,
                    },
                }])
            }
            RoleCommand::TakeAction { action } => {
                let a = case.action(action.as_str()).ok_or(Refusal::UnknownAction)?;
                state.can_take(case, r, a)?;
                let spec = &s.actions[a];
                let at = state.clock(case, r) + case.action_cost(a);
                let outcome = if spec.outcomes.is_empty() {
                    None
                } else {
                    let total: u32 = spec.outcomes.iter().map(|o| o.weight).sum();
                    let mut draw = self.rng().random_range(0..total.max(1));
                    let mut chosen = 0;
                    for (i, o) in spec.outcomes.iter().enumerate() {
                        if draw < o.weight {
                            chosen = i;
                            break;
                        }
                        draw -= o.weight;
                    }
                    Some(chosen as u32)
                };
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
                    let level = (state.trust[p] + change).clamp(0, 5);
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
            RoleCommand::Decide { decision } => {
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
                events.extend(effects(
                    case,
                    state,
                    &s.decisions[d].effects,
                    &[role_id],
                    &Discovery::Decision(decision),
                    at,
                ));
                Ok(events)
            }
            RoleCommand::Share {
                clues,
                to,
                channel,
                purpose,
            } => {
                state.running()?;
                if clues.is_empty() {
                    return Err(Refusal::NothingToShare);
                }
                if to.is_empty() {
                    return Err(Refusal::NoRecipient);
                }
                let mut clue_ix = Vec::new();
                for clue in &clues {
                    // Unknown and not-held clues get the same answer, so that a
                    // refusal never confirms that a clue exists.
                    let c = case
                        .clue(clue.as_str())
                        .filter(|&c| state.roles[r].known[c])
                        .ok_or(Refusal::NotHeld)?;
                    if !clue_ix.contains(&c) {
                        clue_ix.push(c);
                    }
                }
                let mut recipients = Vec::new();
                for recipient in &to {
                    let t = case
                        .role(recipient.as_str())
                        .ok_or_else(|| Refusal::UnknownRecipient(recipient.clone()))?;
                    if t == r {
                        return Err(Refusal::ShareWithSelf);
                    }
                    if !recipients.contains(&t) {
                        recipients.push(t);
                    }
                }
                let mut judgements = Vec::new();
                for &c in &clue_ix {
                    for &t in &recipients {
                        judgements.push(ShareJudgement {
                            clue: s.clues[c].id.clone(),
                            to: s.roles[t].id.clone(),
                            judgement: case.judge(c, r, t, channel, purpose),
                        });
                    }
                }
                let at = state.clock(case, r);
                Ok(vec![Event {
                    at,
                    kind: EventKind::Shared {
                        from: role_id,
                        to: recipients.iter().map(|&t| s.roles[t].id.clone()).collect(),
                        clues: clue_ix.iter().map(|&c| s.clues[c].id.clone()).collect(),
                        channel,
                        purpose,
                        judgements,
                    },
                }])
            }
            RoleCommand::Tag { clue, indicator } => {
                if state.roles[r]
                    .bundle
                    .contains(&bundle_entry(case, state, r, &clue, &indicator)?)
                {
                    return Err(Refusal::AlreadyTagged);
                }
                let kind = EventKind::Tagged {
                    role: role_id,
                    clue,
                    indicator,
                };
                Ok(vec![Event {
                    at: state.clock(case, r),
                    kind,
                }])
            }
            RoleCommand::Untag { clue, indicator } => {
                if !state.roles[r]
                    .bundle
                    .contains(&bundle_entry(case, state, r, &clue, &indicator)?)
                {
                    return Err(Refusal::NotTagged);
                }
                let kind = EventKind::Untagged {
                    role: role_id,
                    clue,
                    indicator,
                };
                Ok(vec![Event {
                    at: state.clock(case, r),
                    kind,
                }])
            }
            RoleCommand::Propose {
                conclusion,
                orientation,
                reason,
            } => {
                state.running()?;
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
                        role: role_id,
                        proposal: number,
                        conclusion: conclusion.clone(),
                        orientation: orientation.clone(),
                        reason,
                    },
                }];
                if s.roles.len() == 1 {
                    events.push(Event {
                        at,
                        kind: EventKind::ConclusionAdopted {
                            proposal: number,
                            conclusion,
                            orientation,
                        },
                    });
                    events.push(Event {
                        at,
                        kind: EventKind::Ended {
                            ending: Ending::Concluded,
                        },
                    });
                }
                Ok(events)
            }
            RoleCommand::Endorse { proposal } => {
                state.running()?;
                let open = open_proposal(state, proposal)?;
                if open.by == r {
                    return Err(Refusal::OwnProposal);
                }
                if open.endorsed[r] {
                    return Err(Refusal::AlreadyEndorsed);
                }
                let at = state.clock(case, r);
                let mut events = vec![Event {
                    at,
                    kind: EventKind::Endorsed {
                        role: role_id,
                        proposal,
                    },
                }];
                let all = open.endorsed.iter().enumerate().all(|(i, e)| *e || i == r);
                if all {
                    let at = state.table_clock(case);
                    events.push(Event {
                        at,
                        kind: EventKind::ConclusionAdopted {
                            proposal,
                            conclusion: s.conclusions[open.conclusion].id.clone(),
                            orientation: open.orientation.map(|o| s.orientations[o].id.clone()),
                        },
                    });
                    events.push(Event {
                        at,
                        kind: EventKind::Ended {
                            ending: Ending::Concluded,
                        },
                    });
                }
                Ok(events)
            }
            RoleCommand::Reject { proposal, reason } => {
                state.running()?;
                let open = open_proposal(state, proposal)?;
                if open.by == r {
                    return Err(Refusal::OwnProposal);
                }
                let reason = checked_text(reason)?;
                Ok(vec![Event {
                    at: state.clock(case, r),
                    kind: EventKind::Rejected {
                        role: role_id,
                        proposal,
                        reason,
                    },
                }])
            }
        }
    }

    fn judge_trainer(&self, command: TrainerCommand) -> Result<Vec<Event>, Refusal> {
        let case = &*self.case;
        let s = case.scenario();
        let state = &self.state;
        let at = state.table_clock(case);
        if state.status == Status::Ended && !matches!(command, TrainerCommand::Note { .. }) {
            return Err(Refusal::Ended);
        }
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
                if state.status == Status::Waiting {
                    return Err(Refusal::NotStarted);
                }
                let current = &s.phases[state.phase].id;
                let end = case.phase_start(state.phase) + case.phase_length(state.phase);
                let mut events = Vec::new();
                let mut released = state.released.clone();
                for (i, inject) in s.injects.iter().enumerate() {
                    if let Trigger::IfNotDecided { decision, by } = &inject.trigger
                        && by == current
                        && !released[i]
                        && case
                            .decision(decision.as_str())
                            .is_some_and(|d| state.decided[d].is_none())
                    {
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
                if state.status == Status::Waiting {
                    return Err(Refusal::NotStarted);
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

    /// Releases injects whose decision trigger has fired.
    fn fire_triggers(&mut self) {
        let case = Arc::clone(&self.case);
        for (i, inject) in case.scenario().injects.iter().enumerate() {
            if let Trigger::AfterDecision(decision) = &inject.trigger
                && !self.state.released[i]
                && self.state.status != Status::Ended
                && case
                    .decision(decision.as_str())
                    .is_some_and(|d| self.state.decided[d].is_some())
            {
                let at = self.state.table_clock(&case);
                let events = inject_events(&case, &self.state, i, Release::Trigger, at);
                self.commit(events);
            }
        }
    }
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
    events.extend(effects(
        case,
        state,
        &spec.effects,
        &audience,
        &Discovery::Inject(spec.id.clone()),
        at,
    ));
    events
}

fn effects(
    case: &Case,
    state: &State,
    effects: &[Effect],
    default_to: &[Id],
    source: &Discovery,
    at: Minutes,
) -> Vec<Event> {
    let mut events = Vec::new();
    let mut trust = state.trust.clone();
    for effect in effects {
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
                        events.push(Event {
                            at,
                            kind: EventKind::ClueLearned {
                                role: target.clone(),
                                clue: clue.clone(),
                                source: source.clone(),
                            },
                        });
                    }
                }
            }
            Effect::Trust { person, change } => {
                let Some(p) = case.person(person.as_str()) else {
                    continue;
                };
                let level = (trust[p] + change).clamp(0, 5);
                if level != trust[p] {
                    trust[p] = level;
                    events.push(Event {
                        at,
                        kind: EventKind::TrustChanged {
                            person: person.clone(),
                            level,
                        },
                    });
                }
            }
        }
    }
    events
}
