//! The trainer's commands: start, pause, resume, move on, release an
//! inject, send a hint, end.

use super::events::*;
use super::state::*;
use super::table::*;
use crate::model::Trigger;
use crate::refusal::Refusal;

impl Session {
    pub(super) fn judge_trainer(&self, command: TrainerCommand) -> Result<Vec<Event>, Refusal> {
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
}
