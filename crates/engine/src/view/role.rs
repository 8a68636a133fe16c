//! A role's view built from the session: its story, then what it may do
//! now (actions, decisions, routes, acts it may issue) and the proposal
//! under discussion.

use super::story::*;
use super::types::*;
use crate::case::Case;
use crate::rulebook::Closed;
use crate::session::Session;

impl Session {
    /// Everything the role may know, and nothing more.
    pub fn view(&self, role: &str) -> Option<RoleView> {
        let case: &Case = self.case();
        let r = case.role(role)?;
        let s = case.scenario();
        let state = self.state();
        let role_id = &s.roles[r].id;
        let Story {
            mut clues,
            results,
            inbox,
            sent,
            decisions_taken,
            discussion,
            messages,
            notes,
            adopted,
            acts,
        } = story(case, self.events(), role_id);
        let mut bundle = Vec::new();
        for &(c, i) in &state.roles[r].bundle {
            let (clue, indicator) = (s.clues[c].id.clone(), s.indicators[i].id.clone());
            if let Some(known) = clues.iter_mut().find(|k| k.id == clue) {
                known.tags.push(indicator.clone());
            }
            bundle.push(BundleEntry { clue, indicator });
        }
        let actions = action_views(case, state, r);
        let decisions = decision_views(case, state, r);
        let proposal = proposal_view(case, state);
        let phase = &s.phases[state.phase];
        Some(RoleView {
            case: s.id.clone(),
            title: s.title.clone(),
            content_note: s.content_note.clone(),
            role: RoleCard {
                id: role_id.clone(),
                profession: s.roles[r].profession.clone(),
                secrecy_regime: case.profession_of(r).secrecy,
                name: s.roles[r].name.clone(),
                brief: s.roles[r].brief.clone(),
                secrecy: s.roles[r].secrecy.clone(),
                budget: state.budget(case, r),
            },
            status: state.status,
            phase: PhaseView {
                id: phase.id.clone(),
                name: phase.name.clone(),
                description: phase.description.clone(),
                index: state.phase,
                count: s.phases.len(),
                starts_at: case.phase_start(state.phase),
                length: case.phase_length(state.phase),
            },
            clock: state.clock(case, r),
            table_clock: state.table_clock(case),
            budget_left: state.budget_left(case, r),
            colleagues: s
                .roles
                .iter()
                .filter(|other| other.id != *role_id)
                .map(|other| Colleague {
                    id: other.id.clone(),
                    profession: other.profession.clone(),
                    name: other.name.clone(),
                })
                .collect(),
            people: s
                .people
                .iter()
                .enumerate()
                .map(|(p, person)| PersonView {
                    id: person.id.clone(),
                    name: person.name.clone(),
                    description: person.description.clone(),
                    trust: state.trust[p],
                })
                .collect(),
            clues,
            actions,
            results,
            decisions,
            decisions_taken,
            inbox,
            sent,
            bundle,
            categories: s.categories.clone(),
            indicators: s.indicators.clone(),
            classes: case.rulebook().classes.clone(),
            professions: case.rulebook().professions.clone(),
            families: case.rulebook().families.clone(),
            frames: case.rulebook().frames.clone(),
            act_kinds: case.rulebook().acts.clone(),
            situation_kinds: case.rulebook().situations.clone(),
            law_as_of: case.rulebook().law_as_of.clone(),
            routes: routes(case, state, r),
            situations: state.holding(case),
            acts,
            issuable: issuable(case, state, r),
            adoption: s.adoption,
            phase_names: s
                .phases
                .iter()
                .map(|p| (p.id.clone(), p.name.clone()))
                .collect(),
            decision_names: s
                .decisions
                .iter()
                .map(|d| (d.id.clone(), d.name.clone()))
                .collect(),
            conclusions: s.conclusions.clone(),
            orientations: s.orientations.clone(),
            proposal,
            discussion,
            adopted,
            messages,
            notes,
        })
    }
}

/// The actions a role may take, each with why it is blocked.
pub(super) fn action_views(
    case: &Case,
    state: &crate::session::State,
    r: usize,
) -> Vec<ActionView> {
    let s = case.scenario();
    case.role_actions(r)
        .iter()
        .map(|&a| {
            let spec = &s.actions[a];
            ActionView {
                id: spec.id.clone(),
                name: spec.name.clone(),
                description: spec.description.clone(),
                kind: spec.kind,
                cost: case.action_cost(a),
                person: spec.person.clone(),
                taken: state.roles[r].done[a],
                blocked: state.can_take(case, r, a).err(),
            }
        })
        .collect()
}

/// The decisions within a role's powers, each with why it is blocked.
pub(super) fn decision_views(
    case: &Case,
    state: &crate::session::State,
    r: usize,
) -> Vec<DecisionView> {
    let s = case.scenario();
    s.decisions
        .iter()
        .enumerate()
        .filter(|(d, _)| case.has_power(r, *d))
        .map(|(d, spec)| DecisionView {
            id: spec.id.clone(),
            name: spec.name.clone(),
            description: spec.description.clone(),
            basis: spec.basis.clone(),
            blocked: state.can_decide(case, r, d).err(),
        })
        .collect()
}

/// The proposal under discussion, as everyone at the table sees it.
pub(super) fn proposal_view(case: &Case, state: &crate::session::State) -> Option<ProposalView> {
    let s = case.scenario();
    state.proposal.as_ref().map(|p| ProposalView {
        number: p.number,
        by: s.roles[p.by].id.clone(),
        conclusion: s.conclusions[p.conclusion].id.clone(),
        orientation: p.orientation.map(|o| s.orientations[o].id.clone()),
        reason: p.reason.clone(),
        endorsed_by: p
            .endorsed
            .iter()
            .enumerate()
            .filter(|(_, e)| **e)
            .map(|(i, _)| s.roles[i].id.clone())
            .collect(),
        waiting_for: p
            .endorsed
            .iter()
            .enumerate()
            .filter(|(_, e)| !**e)
            .map(|(i, _)| s.roles[i].id.clone())
            .collect(),
    })
}

/// Every frame open to the role's profession, toward each colleague, and
/// whether it is open now.
pub(super) fn routes(case: &Case, state: &crate::session::State, r: usize) -> Vec<RouteView> {
    let s = case.scenario();
    let mut routes = Vec::new();
    for (t, colleague) in s.roles.iter().enumerate() {
        if t == r {
            continue;
        }
        for (f, frame) in case.rulebook().frames.iter().enumerate() {
            if matches!(case.frame_between(f, r, t), Err(Closed::NotFrom { .. })) {
                continue;
            }
            // A frame an act opens matters only toward a colleague who may
            // issue that act to this role: an educator never requisitions.
            if let Some(act) = frame
                .opened_by
                .as_ref()
                .and_then(|a| case.rulebook().act(a.as_str()))
                && (!act.by.contains(&case.profession_of(t).id)
                    || !(act.to.is_empty() || act.to.contains(&case.profession_of(r).id)))
            {
                continue;
            }
            let opening = state.opening_act(case, f, r, t);
            let act = opening.as_ref().ok().and_then(|a| *a).map(|a| {
                let scope = a
                    .scope
                    .iter()
                    .map(|&c| case.rulebook().classes[c].id.clone())
                    .collect();
                (a.number, scope)
            });
            let closed = opening.err();
            routes.push(RouteView {
                to: colleague.id.clone(),
                frame: frame.id.clone(),
                closed,
                act,
            });
        }
    }
    routes
}

/// The acts the role's profession may issue, and to whom.
pub(super) fn issuable(case: &Case, state: &crate::session::State, r: usize) -> Vec<IssuableView> {
    let s = case.scenario();
    case.rulebook()
        .acts
        .iter()
        .enumerate()
        .filter(|(_, kind)| kind.by.contains(&case.profession_of(r).id))
        .map(|(a, kind)| {
            let blocked = state.can_issue(case, r, a).err();
            IssuableView {
                act: kind.id.clone(),
                to: (0..s.roles.len())
                    .filter(|&t| {
                        t != r
                            && (kind.to.is_empty() || kind.to.contains(&case.profession_of(t).id))
                    })
                    .map(|t| s.roles[t].id.clone())
                    .collect(),
                blocked,
            }
        })
        .collect()
}
