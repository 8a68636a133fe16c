//! A bot that sees only its role's view, as a networked client does.

use crate::Id;
use crate::rulebook::Verdict;
use crate::session::{RoleCommand, Status};
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};

/// A bot that sees only its role's view, as a networked client does: it
/// takes the actions and decisions open to it, passes what it knows on by
/// the first legal route, answers proposals, and in the last phase puts a
/// conclusion to the table. It knows nothing of the solution, so its
/// conclusion is often wrong: it is a player for load and network tests,
/// not a model trainee. Like the session's bots it behaves as a colleague:
/// it never proposes or approves a reading that leaves the young person
/// without protection once its own bundle shows danger, proposes nothing on
/// a thin bundle, gives its reasons in the table's language, and does not
/// send a colleague a clue that colleague sent it.
#[derive(Debug)]
pub struct ViewBot {
    pub(super) rng: StdRng,
    pub(super) shared: std::collections::HashSet<(Id, Id)>,
    pub(super) issued: std::collections::HashSet<(Id, Id)>,
    pub(super) answered_acts: std::collections::HashSet<u32>,
    pub(super) answered: u32,
    pub(super) proposed_in_phase: Option<usize>,
    pub(super) lang: String,
}

/// Facts held from which a view bot's file shows danger.
const DANGER_FACTS: usize = 3;
/// Fewer facts than this, and a view bot finds it too early to conclude.
const THIN_FACTS: usize = 1;

impl ViewBot {
    /// A bot with its own random draws.
    pub fn new(seed: u64) -> ViewBot {
        ViewBot {
            rng: StdRng::seed_from_u64(seed),
            shared: std::collections::HashSet::new(),
            issued: std::collections::HashSet::new(),
            answered_acts: std::collections::HashSet::new(),
            answered: 0,
            proposed_in_phase: None,
            lang: crate::text::FALLBACK_LANGUAGE.to_owned(),
        }
    }

    /// The bot gives its reasons in `lang` (the table's language).
    pub fn speak(&mut self, lang: &str) {
        self.lang = lang.to_owned();
    }

    /// Whether what the role holds shows danger: a view bot cannot weigh
    /// indicators (it files nothing), so it counts the facts it holds.
    fn shows_danger(view: &crate::view::RoleView) -> bool {
        view.clues.len() >= DANGER_FACTS
    }

    /// Answers a standing act addressed to this role with what it holds
    /// within the act's scope.
    pub(super) fn answer_act(&mut self, view: &crate::view::RoleView) -> Option<RoleCommand> {
        let me = &view.role.id;
        for act in &view.acts {
            if act.to != *me || act.declined.is_some() || act.answered {
                continue;
            }
            if !self.answered_acts.insert(act.number) {
                continue;
            }
            let frame = view
                .frames
                .iter()
                .find(|f| f.opened_by.as_ref() == Some(&act.act))?;
            let clues: Vec<Id> = view
                .clues
                .iter()
                .filter(|c| act.covers(&c.class))
                .map(|c| c.id.clone())
                .collect();
            if !clues.is_empty() {
                return Some(RoleCommand::Share {
                    clues,
                    to: vec![act.by.clone()],
                    frame: frame.id.clone(),
                });
            }
        }
        None
    }

    /// Issues each act it may issue once to each colleague it may address.
    pub(super) fn issue_act(&mut self, view: &crate::view::RoleView) -> Option<RoleCommand> {
        for issuable in view.issuable.iter().filter(|i| i.blocked.is_none()) {
            for to in &issuable.to {
                if self.issued.insert((issuable.act.clone(), to.clone())) {
                    return Some(RoleCommand::Issue {
                        act: issuable.act.clone(),
                        to: to.clone(),
                        scope: view.classes.iter().map(|c| c.id.clone()).collect(),
                    });
                }
            }
        }
        None
    }

    /// The next command, or none when the bot waits (for a phase, a
    /// colleague, or the end).
    pub fn next(&mut self, view: &crate::view::RoleView) -> Option<RoleCommand> {
        if view.status != Status::Running {
            return None;
        }
        let me = &view.role.id;
        if let Some(proposal) = &view.proposal
            && proposal.waiting_for.contains(me)
            && self.answered < proposal.number
        {
            self.answered = proposal.number;
            let danger = Self::shows_danger(view);
            let held = view.clues.len();
            let no_protection = view
                .conclusions
                .iter()
                .any(|c| c.id == proposal.conclusion && c.no_protection);
            let reason = if no_protection && danger {
                Some(super::words::facts_show_danger(&self.lang, held))
            } else if !no_protection && held < THIN_FACTS {
                Some(super::words::too_early(&self.lang))
            } else {
                None
            };
            return Some(match reason {
                Some(reason) => RoleCommand::Reject {
                    proposal: proposal.number,
                    reason,
                    lacking: None,
                },
                None => RoleCommand::Endorse {
                    proposal: proposal.number,
                },
            });
        }
        if let Some(decision) = view.decisions.iter().find(|d| d.blocked.is_none()) {
            return Some(RoleCommand::Decide {
                decision: decision.id.clone(),
            });
        }
        if let Some(command) = self.answer_act(view) {
            return Some(command);
        }
        if let Some(command) = self.issue_act(view) {
            return Some(command);
        }
        for clue in &view.clues {
            for colleague in &view.colleagues {
                if !self.shared.insert((clue.id.clone(), colleague.id.clone())) {
                    continue;
                }
                // The colleague sent it: they have it.
                if view
                    .inbox
                    .iter()
                    .any(|s| s.from == colleague.id && s.clues.contains(&clue.id))
                {
                    continue;
                }
                let legal = view
                    .routes_to(colleague.id.as_str())
                    .filter(|r| r.closed.is_none() && r.act.is_none())
                    .find(|r| {
                        view.preview(
                            std::slice::from_ref(&clue.id),
                            std::slice::from_ref(&colleague.id),
                            &r.frame,
                        )
                        .iter()
                        .all(|p| p.verdict == Some(Verdict::Allowed) && !p.strictly_necessary)
                    });
                if let Some(route) = legal {
                    return Some(RoleCommand::Share {
                        clues: vec![clue.id.clone()],
                        to: vec![colleague.id.clone()],
                        frame: route.frame.clone(),
                    });
                }
            }
        }
        let open: Vec<&crate::view::ActionView> = view
            .actions
            .iter()
            .filter(|a| a.blocked.is_none())
            .collect();
        if !open.is_empty() {
            let action = open[self.rng.random_range(0..open.len())];
            return Some(RoleCommand::TakeAction {
                action: action.id.clone(),
            });
        }
        let last = view.phase.index + 1 == view.phase.count;
        // Only a file that shows danger puts a reading to the table, and
        // never one that would leave the young person without protection.
        let supported: Vec<&crate::model::ConclusionOption> = view
            .conclusions
            .iter()
            .filter(|c| !c.no_protection)
            .collect();
        if last
            && Self::shows_danger(view)
            && view.proposal.is_none()
            && view.adopted.is_none()
            && self.proposed_in_phase.is_none()
            && !supported.is_empty()
        {
            self.proposed_in_phase = Some(view.phase.index);
            let conclusion = supported[self.rng.random_range(0..supported.len())];
            return Some(RoleCommand::Propose {
                conclusion: conclusion.id.clone(),
                orientation: view.orientations.first().map(|o| o.id.clone()),
                reason: super::words::facts_support(&self.lang, view.clues.len()),
            });
        }
        None
    }
}
