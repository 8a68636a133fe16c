//! One table's session: its case, seed and events, how a command becomes
//! events and is committed, and the injects and effects the story fires.

use super::events::*;
use super::replay::*;
use super::state::*;
use crate::case::{Case, Minutes};
use crate::id::Id;
use crate::model::{Adoption, Effect, Trigger};
use crate::refusal::Refusal;
use rand::SeedableRng;
use rand::rngs::StdRng;
use std::sync::Arc;

/// One table playing one case.
#[derive(Clone, Debug)]
pub struct Session {
    pub(super) case: Arc<Case>,
    pub(super) seed: u64,
    pub(super) events: Vec<Event>,
    pub(super) state: State,
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

    pub(super) fn commit(&mut self, events: Vec<Event>) {
        for event in &events {
            // Events built here only name ids of this case.
            let applied = self.state.apply(&self.case, event);
            debug_assert!(applied.is_ok(), "{applied:?}");
        }
        self.events.extend(events);
    }

    pub(super) fn rng(&self) -> StdRng {
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

    pub(super) fn judge(&self, r: usize, command: RoleCommand) -> Result<Vec<Event>, Refusal> {
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

    pub(super) fn role_id(&self, r: usize) -> Id {
        self.case.scenario().roles[r].id.clone()
    }

    /// Releases injects whose decision or condition trigger has fired.
    pub(super) fn fire_triggers(&mut self) {
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

/// Whether enough roles endorsed a proposal under the case's rule.
pub(super) fn adopted(rule: Adoption, endorsed: &[bool]) -> bool {
    let yes = endorsed.iter().filter(|e| **e).count();
    match rule {
        Adoption::Unanimity => yes == endorsed.len(),
        Adoption::Majority => yes * 2 > endorsed.len(),
    }
}

pub(super) fn adoption(
    proposal: u32,
    conclusion: Id,
    orientation: Option<Id>,
    at: Minutes,
) -> Vec<Event> {
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
pub(super) fn bundle_entry(
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

pub(super) fn open_proposal(state: &State, number: u32) -> Result<&Proposal, Refusal> {
    match &state.proposal {
        None => Err(Refusal::NoOpenProposal),
        Some(p) if p.number != number => Err(Refusal::StaleProposal),
        Some(p) => Ok(p),
    }
}

pub(super) fn phase_injects(case: &Case, state: &State, phase: &Id, at: Minutes) -> Vec<Event> {
    let mut events = Vec::new();
    for (i, inject) in case.scenario().injects.iter().enumerate() {
        if matches!(&inject.trigger, Trigger::AtPhase(p) if p == phase) && !state.released[i] {
            events.extend(inject_events(case, state, i, Release::Phase, at));
        }
    }
    events
}

pub(super) fn inject_events(
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
pub(super) fn effects(
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
pub(super) fn apply_effects(
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
