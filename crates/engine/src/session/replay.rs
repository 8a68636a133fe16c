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
        let role = |id: &Id| found("role", id, case.role(id.as_str()));
        let clue = |id: &Id| found("clue", id, case.clue(id.as_str()));
        match &event.kind {
            EventKind::Started | EventKind::Resumed => self.status = Status::Running,
            EventKind::Paused => self.status = Status::Paused,
            EventKind::PhaseBegan { phase } => {
                self.phase = found("phase", phase, case.phase(phase.as_str()))?;
                for r in &mut self.roles {
                    r.spent = 0;
                    r.extra = 0;
                }
            }
            EventKind::ActionTaken {
                role: r, action, ..
            } => {
                let r = role(r)?;
                let a = found("action", action, case.action(action.as_str()))?;
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
                let p = found("person", person, case.person(person.as_str()))?;
                self.trust[p] = *level;
            }
            EventKind::Shared {
                from,
                to,
                clues,
                frame,
                copies,
                ..
            } => self.receive_share(case, from, frame, to.iter().chain(copies), clues)?,
            EventKind::ActIssued {
                number,
                act,
                by,
                to,
                scope,
            } => self.issue_act(case, *number, act, (role(by)?, role(to)?), scope)?,
            EventKind::ActDeclined { number, .. } => {
                if let Some(act) = self.acts.iter_mut().find(|a| a.number == *number) {
                    act.declined = true;
                }
            }
            EventKind::Availability { item, enabled } => {
                self.make_available(case, item, *enabled)?;
            }
            EventKind::BudgetChanged { role: r, minutes } => {
                let r = role(r)?;
                self.roles[r].extra += *minutes;
            }
            EventKind::Decided { role: r, decision } => {
                let r = role(r)?;
                let d = found("decision", decision, case.decision(decision.as_str()))?;
                self.decided[d] = Some((r, event.at));
                self.roles[r].spent += case.decision_cost(d);
            }
            EventKind::Tagged {
                role: r,
                clue: c,
                indicator,
            } => {
                let entry = (clue(c)?, indicator_of(case, indicator)?);
                self.roles[role(r)?].bundle.push(entry);
            }
            EventKind::Untagged {
                role: r,
                clue: c,
                indicator,
            } => {
                let entry = (clue(c)?, indicator_of(case, indicator)?);
                self.roles[role(r)?].bundle.retain(|e| *e != entry);
            }
            EventKind::Proposed {
                role: r,
                proposal,
                conclusion,
                orientation,
                reason,
            } => self.open_proposal(case, role(r)?, *proposal, conclusion, orientation, reason)?,
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
                let i = found("inject", inject, case.inject(inject.as_str()))?;
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

    /// The clues of a share reach its recipients and the copies it owes;
    /// the frame counts as used, and each clue's route is kept.
    fn receive_share<'i>(
        &mut self,
        case: &Case,
        sender: &Id,
        frame: &Id,
        recipients: impl Iterator<Item = &'i Id>,
        clues: &[Id],
    ) -> Result<(), ReplayError> {
        let f = found("frame", frame, case.frame(frame.as_str()))?;
        let s = found("role", sender, case.role(sender.as_str()))?;
        self.frames_used[f] = true;
        for recipient in recipients {
            let r = found("role", recipient, case.role(recipient.as_str()))?;
            for c in clues {
                let c = found("clue", c, case.clue(c.as_str()))?;
                self.roles[r].known[c] = true;
                self.roles[r].received[c] = true;
                if !self.routes.contains(&(c, s, r, f)) {
                    self.routes.push((c, s, r, f));
                }
            }
        }
        Ok(())
    }

    /// A legal act issued from one role to another, over kinds of information.
    fn issue_act(
        &mut self,
        case: &Case,
        number: u32,
        act: &Id,
        (by, to): (usize, usize),
        scope: &[Id],
    ) -> Result<(), ReplayError> {
        let kind = found("act", act, case.act(act.as_str()))?;
        let scope = scope
            .iter()
            .map(|class| found("kind of information", class, case.class(class.as_str())))
            .collect::<Result<Vec<_>, _>>()?;
        self.acts.push(ActState {
            number,
            kind,
            by,
            to,
            scope,
            declined: false,
        });
        Ok(())
    }

    /// An action or a decision becomes available, or stops being so.
    fn make_available(&mut self, case: &Case, item: &Id, enabled: bool) -> Result<(), ReplayError> {
        if let Some(a) = case.action(item.as_str()) {
            self.actions_enabled[a] = enabled;
        } else if let Some(d) = case.decision(item.as_str()) {
            self.decisions_enabled[d] = enabled;
        } else {
            return Err(ReplayError::unknown("action or decision", item));
        }
        Ok(())
    }

    /// A proposal of conclusion opens, endorsed by the role that made it.
    fn open_proposal(
        &mut self,
        case: &Case,
        by: usize,
        number: u32,
        conclusion: &Id,
        orientation: &Option<Id>,
        reason: &str,
    ) -> Result<(), ReplayError> {
        let conclusion = found(
            "conclusion",
            conclusion,
            case.conclusion(conclusion.as_str()),
        )?;
        let orientation = orientation
            .as_ref()
            .map(|o| found("orientation", o, case.orientation(o.as_str())))
            .transpose()?;
        let mut endorsed = vec![false; self.roles.len()];
        endorsed[by] = true;
        self.proposal = Some(Proposal {
            number,
            by,
            conclusion,
            orientation,
            endorsed,
            reason: reason.to_owned(),
        });
        self.proposals = self.proposals.max(number);
        Ok(())
    }
}

/// The index the case gave an id, or the error that names what is missing.
fn found(kind: &'static str, id: &Id, index: Option<usize>) -> Result<usize, ReplayError> {
    index.ok_or_else(|| ReplayError::unknown(kind, id))
}

fn indicator_of(case: &Case, indicator: &Id) -> Result<usize, ReplayError> {
    found("indicator", indicator, case.indicator(indicator.as_str()))
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
