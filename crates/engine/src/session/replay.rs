//! Folding one event into the state, the step a journal is replayed by;
//! an event that does not fit the case is a [`ReplayError`].

use super::events::*;
use super::state::*;
use crate::case::Case;
use crate::id::Id;

impl State {
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
    pub(super) fn unknown(kind: &'static str, id: &Id) -> ReplayError {
        ReplayError {
            kind,
            id: id.clone(),
        }
    }
}
