//! A role's story, read from the table's events: the clues it learned and
//! how, its results, its inbox and what it sent, its decisions, the
//! discussion, its messages and notes, the acts it issued or received.

use super::types::*;
use crate::case::{Case, Minutes};
use crate::id::Id;
use crate::session::{Discovery, EventKind};
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
    pub(super) discussion: Vec<Discussion>,
    pub(super) messages: Vec<Message>,
    pub(super) notes: Vec<(Minutes, String)>,
    pub(super) adopted: Option<Adopted>,
    pub(super) acts: Vec<ActView>,
}

pub(super) fn story(case: &Case, events: &[crate::session::Event], role_id: &Id) -> Story {
    let s = case.scenario();
    let mut clues: Vec<KnownClue> = Vec::new();
    let mut results = Vec::new();
    let mut inbox = Vec::new();
    let mut sent = Vec::new();
    let mut decisions_taken = Vec::new();
    let mut discussion = Vec::new();
    let mut messages = Vec::new();
    let mut notes = Vec::new();
    let mut adopted = None;
    let mut acts: Vec<ActView> = Vec::new();
    let learn = |clues: &mut Vec<KnownClue>, clue: &Id, at: Minutes, provenance: Provenance| {
        if let Some(known) = clues.iter_mut().find(|k| k.id == *clue) {
            known.provenance.push(provenance);
            return;
        }
        if let Some(c) = case.clue(clue.as_str()) {
            let spec = &s.clues[c];
            clues.push(KnownClue {
                id: spec.id.clone(),
                text: spec.text.clone(),
                class: spec.class.clone(),
                learned_at: at,
                provenance: vec![provenance],
                tags: Vec::new(),
            });
        }
    };
    for event in events {
        match &event.kind {
            EventKind::ClueLearned { role, clue, source } if role == role_id => {
                learn(
                    &mut clues,
                    clue,
                    event.at,
                    Provenance::Discovered(source.clone()),
                );
                if let (Discovery::Action(action), Some(last)) = (source, results.last_mut())
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
                results.push(ActionResult {
                    at: event.at,
                    action: action.clone(),
                    text,
                    revealed: Vec::new(),
                });
            }
            EventKind::Shared {
                from,
                to,
                clues: shared,
                frame,
                act,
                copies,
                copies_outside,
                judgements,
            } => {
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
                    sent.push(view(to.clone(), verdict));
                    if let Some(number) = act
                        && let Some(answered) = acts.iter_mut().find(|a| a.number == *number)
                    {
                        answered.answered = true;
                    }
                } else if to.contains(role_id) || copies.contains(role_id) {
                    for clue in shared {
                        learn(
                            &mut clues,
                            clue,
                            event.at,
                            Provenance::Received {
                                from: from.clone(),
                                frame: frame.clone(),
                            },
                        );
                    }
                    inbox.push(view(vec![role_id.clone()], None));
                }
            }
            EventKind::ActIssued {
                number,
                act,
                by,
                to,
                scope,
            } if by == role_id || to == role_id => acts.push(ActView {
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
                if let Some(declined) = acts.iter_mut().find(|a| a.number == *number) {
                    declined.declined = Some(reason.clone());
                }
            }
            EventKind::Decided { role, decision } => {
                if let Some(d) = case.decision(decision.as_str()) {
                    decisions_taken.push(TakenDecision {
                        decision: decision.clone(),
                        name: s.decisions[d].name.clone(),
                        by: role.clone(),
                        at: event.at,
                    });
                }
            }
            EventKind::Proposed {
                role,
                proposal,
                conclusion,
                reason,
                ..
            } => {
                discussion.push(Discussion::Proposed {
                    number: *proposal,
                    by: role.clone(),
                    conclusion: conclusion.clone(),
                    reason: reason.clone(),
                });
            }
            EventKind::Endorsed { role, proposal } => discussion.push(Discussion::Endorsed {
                number: *proposal,
                by: role.clone(),
            }),
            EventKind::Rejected {
                role,
                proposal,
                reason,
                lacking,
            } => {
                discussion.push(Discussion::Rejected {
                    number: *proposal,
                    by: role.clone(),
                    reason: reason.clone(),
                    lacking: lacking.clone(),
                });
            }
            EventKind::ConclusionAdopted {
                conclusion,
                orientation,
                ..
            } => {
                adopted = Some(Adopted {
                    conclusion: conclusion.clone(),
                    orientation: orientation.clone(),
                    at: event.at,
                });
            }
            EventKind::InjectReleased { inject, .. } => {
                if let Some(i) = case.inject(inject.as_str()) {
                    let spec = &s.injects[i];
                    if spec.to.is_empty() || spec.to.contains(role_id) {
                        messages.push(Message {
                            at: event.at,
                            title: Some(spec.name.clone()),
                            text: spec.text.clone(),
                            hint: false,
                        });
                    }
                }
            }
            EventKind::HintSent { to, text } if to.as_ref().is_none_or(|t| t == role_id) => {
                messages.push(Message {
                    at: event.at,
                    title: None,
                    text: Text::fr_en(text.clone(), text.clone()),
                    hint: true,
                });
            }
            EventKind::Noted {
                role: Some(author),
                text,
            } if author == role_id => notes.push((event.at, text.clone())),
            _ => {}
        }
    }
    Story {
        clues,
        results,
        inbox,
        sent,
        decisions_taken,
        discussion,
        messages,
        notes,
        adopted,
        acts,
    }
}
