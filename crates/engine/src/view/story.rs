//! A role's story, read from the table's events: the clues it learned and
//! how, its results, its inbox and what it sent, its decisions, the
//! discussion, its messages and notes, the acts it issued or received.

use super::types::*;
use crate::case::{Case, Minutes};
use crate::id::Id;
use crate::session::{Discovery, Event, EventKind};
use crate::text::Text;

/// What a role has lived through, read from the events: the clues it
/// knows and how, its results, shares, acts, the table's decisions and
/// discussion, its messages and notes.
#[derive(Default)]
pub(super) struct Story {
    pub(super) clues: Vec<KnownClue>,
    pub(super) results: Vec<ActionResult>,
    pub(super) inbox: Vec<ShareView>,
    pub(super) sent: Vec<ShareView>,
    pub(super) decisions_taken: Vec<TakenDecision>,
    pub(super) discussion: Vec<(Minutes, Discussion)>,
    pub(super) messages: Vec<Message>,
    pub(super) notes: Vec<(Minutes, String)>,
    pub(super) adopted: Option<Adopted>,
    pub(super) acts: Vec<ActView>,
}

/// The story of `role_id` at a table, from its events.
pub(super) fn story(case: &Case, events: &[Event], role_id: &Id) -> Story {
    let mut story = Story::default();
    for event in events {
        story.read(case, event, role_id);
    }
    story
}

impl Story {
    /// What one event adds to the role's story.
    fn read(&mut self, case: &Case, event: &Event, role_id: &Id) {
        let s = case.scenario();
        match &event.kind {
            EventKind::ClueLearned { role, clue, source } if role == role_id => {
                self.discovered(case, event.at, clue, source);
            }
            EventKind::ActionTaken {
                role,
                action,
                outcome,
            } if role == role_id => {
                let text = case
                    .action(action.as_str())
                    .zip(*outcome)
                    .and_then(|(a, o)| s.actions[a].outcomes.get(o as usize))
                    .and_then(|o| o.text.clone());
                self.results.push(ActionResult {
                    at: event.at,
                    action: action.clone(),
                    text,
                    revealed: Vec::new(),
                });
            }
            EventKind::Shared { .. } => self.shared(case, event, role_id),
            EventKind::ActIssued {
                number,
                act,
                by,
                to,
                scope,
            } if by == role_id || to == role_id => self.acts.push(ActView {
                number: *number,
                act: act.clone(),
                by: by.clone(),
                to: to.clone(),
                scope: scope.clone(),
                at: event.at,
                declined: None,
                answered: false,
            }),
            EventKind::ActDeclined { number, reason, .. } => {
                if let Some(declined) = self.acts.iter_mut().find(|a| a.number == *number) {
                    declined.declined = Some(reason.clone());
                }
            }
            EventKind::Decided { role, decision } => {
                if let Some(d) = case.decision(decision.as_str()) {
                    self.decisions_taken.push(TakenDecision {
                        decision: decision.clone(),
                        name: s.decisions[d].name.clone(),
                        by: role.clone(),
                        at: event.at,
                    });
                }
            }
            EventKind::Proposed { .. }
            | EventKind::Endorsed { .. }
            | EventKind::Rejected { .. } => {
                self.discussed(event.at, &event.kind);
            }
            EventKind::ConclusionAdopted {
                conclusion,
                orientation,
                ..
            } => {
                self.adopted = Some(Adopted {
                    conclusion: conclusion.clone(),
                    orientation: orientation.clone(),
                    at: event.at,
                });
            }
            EventKind::InjectReleased { inject, .. } => {
                if let Some(i) = case.inject(inject.as_str()) {
                    let spec = &s.injects[i];
                    if spec.to.is_empty() || spec.to.contains(role_id) {
                        self.messages.push(Message {
                            at: event.at,
                            title: Some(spec.name.clone()),
                            text: spec.text.clone(),
                            hint: false,
                        });
                    }
                }
            }
            EventKind::HintSent { to, text } if to.as_ref().is_none_or(|t| t == role_id) => {
                self.messages.push(Message {
                    at: event.at,
                    title: None,
                    text: Text::fr_en(text.clone(), text.clone()),
                    hint: true,
                });
            }
            EventKind::Noted {
                role: Some(author),
                text,
            } if author == role_id => self.notes.push((event.at, text.clone())),
            _ => {}
        }
    }

    /// A clue the role now knows, or another way it came to know it.
    fn learn(&mut self, case: &Case, clue: &Id, at: Minutes, provenance: Provenance) {
        if let Some(known) = self.clues.iter_mut().find(|k| k.id == *clue) {
            known.provenance.push(provenance);
            return;
        }
        if let Some(c) = case.clue(clue.as_str()) {
            let spec = &case.scenario().clues[c];
            self.clues.push(KnownClue {
                id: spec.id.clone(),
                text: spec.text.clone(),
                class: spec.class.clone(),
                learned_at: at,
                provenance: vec![provenance],
                tags: Vec::new(),
            });
        }
    }

    /// A clue found by the role's own means; one found by its last action
    /// is listed with that action's result.
    fn discovered(&mut self, case: &Case, at: Minutes, clue: &Id, source: &Discovery) {
        self.learn(case, clue, at, Provenance::Discovered(source.clone()));
        if let (Discovery::Action(action), Some(last)) = (source, self.results.last_mut())
            && let ActionResult {
                action: taken,
                revealed,
                ..
            } = last
            && taken == action
        {
            revealed.push(clue.clone());
        }
    }

    /// A share the role sent (answering an act, maybe) or received, with
    /// its copies.
    fn shared(&mut self, case: &Case, event: &Event, role_id: &Id) {
        let EventKind::Shared {
            from,
            to,
            clues: shared,
            frame,
            act,
            copies,
            copies_outside,
            judgements,
        } = &event.kind
        else {
            return;
        };
        let view = |to: Vec<Id>, verdict| ShareView {
            at: event.at,
            from: from.clone(),
            to,
            clues: shared.clone(),
            frame: frame.clone(),
            act: *act,
            copies: copies.clone(),
            copies_outside: copies_outside.clone(),
            verdict,
        };
        if from == role_id {
            let verdict = judgements.iter().map(|j| j.judgement.verdict).max();
            self.sent.push(view(to.clone(), verdict));
            if let Some(number) = act
                && let Some(answered) = self.acts.iter_mut().find(|a| a.number == *number)
            {
                answered.answered = true;
            }
        } else if to.contains(role_id) || copies.contains(role_id) {
            for clue in shared {
                let provenance = Provenance::Received {
                    from: from.clone(),
                    frame: frame.clone(),
                };
                self.learn(case, clue, event.at, provenance);
            }
            self.inbox.push(view(vec![role_id.clone()], None));
        }
    }

    /// A proposal, an endorsement or a rejection, in the table's discussion.
    fn discussed(&mut self, at: Minutes, kind: &EventKind) {
        let entry = match kind {
            EventKind::Proposed {
                role,
                proposal,
                conclusion,
                reason,
                ..
            } => Discussion::Proposed {
                number: *proposal,
                by: role.clone(),
                conclusion: conclusion.clone(),
                reason: reason.clone(),
            },
            EventKind::Endorsed { role, proposal } => Discussion::Endorsed {
                number: *proposal,
                by: role.clone(),
            },
            EventKind::Rejected {
                role,
                proposal,
                reason,
                lacking,
            } => Discussion::Rejected {
                number: *proposal,
                by: role.clone(),
                reason: reason.clone(),
                lacking: lacking.clone(),
            },
            _ => return,
        };
        self.discussion.push((at, entry));
    }
}
