//! A bot that plays a role from the whole session, with a temperament:
//! how often it shares, under which frame, what it proposes, how it answers
//! acts, and the traps it may fall into.

use crate::Id;
use crate::case::Case;
use crate::session::{RoleCommand, Session, Status};

use super::words;
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use std::sync::Arc;

/// How a bot behaves. Rates are chances from 0 to 1 at each opportunity.
#[derive(Clone, Debug)]
pub struct Temperament {
    /// Chance of tagging a clue's indicators when it is first considered.
    pub tagging: f64,
    /// Chance of sharing a useful clue with a colleague when considered.
    pub sharing: f64,
    /// Chance of using an informal channel instead of a legal one.
    pub carelessness: f64,
    /// Chance of taking an available decision at each turn.
    pub decisiveness: f64,
    /// Chance of endorsing a colleague's proposal without enough evidence of one's own.
    pub deference: f64,
    /// Chance, each phase, of proposing the conclusion a known trap leads to,
    /// while the bot's own bundle does not yet make the case.
    pub credulity: f64,
    /// Chance of making a share the case marks as a trap, once per trap,
    /// when the role holds what it needs.
    pub temptation: f64,
}

impl Default for Temperament {
    fn default() -> Self {
        Temperament {
            tagging: 0.85,
            sharing: 0.7,
            carelessness: 0.0015,
            decisiveness: 0.6,
            deference: 0.5,
            credulity: 0.25,
            temptation: 0.2,
        }
    }
}

/// A bot playing one role.
#[derive(Debug)]
pub struct Bot {
    pub(super) role: usize,
    pub(super) rng: StdRng,
    pub(super) temperament: Temperament,
    pub(super) considered_tags: Vec<bool>,
    pub(super) considered_shares: Vec<Vec<bool>>,
    /// Share traps this bot has already been tempted by.
    pub(super) considered_traps: Vec<bool>,
    pub(super) answered: u32,
    pub(super) proposed_in_phase: Option<usize>,
    pub(super) tempted_in_phase: Option<usize>,
    pub(super) issued: Vec<(usize, usize)>,
    pub(super) acts_answered: Vec<u32>,
    /// Events already read for rejections and shares.
    pub(super) seen: usize,
    /// Colleagues who have shared something with this role.
    pub(super) told_me: Vec<bool>,
    /// This role's proposals: number and conclusion.
    pub(super) mine: Vec<(u32, usize)>,
    /// Conclusions of its proposals the table rejected, with how many clues
    /// the role knew then.
    pub(super) rejected: Vec<(usize, usize)>,
    /// Decisions left to the people seated at the table.
    pub(super) deferred: Vec<bool>,
    /// The table's language, for the reasons the bot gives.
    pub(super) lang: String,
    /// Colleagues (role indices) the bot holds its shares back from for
    /// now: a person who has just received one, kept at a colleague's pace.
    pub(super) quiet: Vec<bool>,
}

impl Bot {
    /// A bot for `role`, or none if the case has no such role.
    pub fn new(case: &Case, role: &str, seed: u64, temperament: Temperament) -> Option<Bot> {
        let r = case.role(role)?;
        let s = case.scenario();
        Some(Bot {
            role: r,
            rng: StdRng::seed_from_u64(seed ^ (r as u64 + 1).wrapping_mul(0xA24B_AED4_963E_E407)),
            temperament,
            considered_tags: vec![false; s.clues.len()],
            considered_shares: vec![vec![false; s.roles.len()]; s.clues.len()],
            considered_traps: vec![false; s.share_traps.len()],
            answered: 0,
            proposed_in_phase: None,
            tempted_in_phase: None,
            issued: Vec::new(),
            acts_answered: Vec::new(),
            seen: 0,
            told_me: vec![false; s.roles.len()],
            mine: Vec::new(),
            rejected: Vec::new(),
            deferred: vec![false; s.decisions.len()],
            lang: crate::text::FALLBACK_LANGUAGE.to_owned(),
            quiet: vec![false; s.roles.len()],
        })
    }

    /// The bot gives its reasons in `lang` (the table's language).
    pub fn speak(&mut self, lang: &str) {
        self.lang = lang.to_owned();
    }

    /// Holds shares back from the colleagues marked in `quiet` for now.
    pub fn hold_back(&mut self, quiet: &[bool]) {
        for (mine, q) in self.quiet.iter_mut().zip(quiet) {
            *mine = *q;
        }
    }

    /// Whether this role's own evidence shows danger: three quarters of the
    /// weight the case's bundle calls for, all categories together. A bot
    /// whose bundle shows danger never proposes or approves a reading that
    /// leaves the young person without protection.
    pub(super) fn shows_danger(&self, case: &Case, session: &Session) -> bool {
        let weights = self.weights(case, session);
        let (mut held, mut called) = (0u32, 0u32);
        for requirement in &case.scenario().solution.bundle {
            if let Some(k) = case.category(requirement.category.as_str()) {
                held += weights[k].min(requirement.min_weight);
                called += requirement.min_weight;
            }
        }
        called > 0 && 4 * held >= 3 * called
    }

    /// The categories where this role's evidence is strongest, with its
    /// weight against the bundle's minimum, in the table's language.
    pub(super) fn strongest(&self, case: &Case, session: &Session) -> Vec<String> {
        let s = case.scenario();
        let weights = self.weights(case, session);
        let mut held: Vec<(u32, u32, usize)> = s
            .solution
            .bundle
            .iter()
            .filter_map(|r| {
                let k = case.category(r.category.as_str())?;
                (weights[k] > 0).then_some((weights[k], r.min_weight, k))
            })
            .collect();
        held.sort_by_key(|&(w, m, _)| std::cmp::Reverse(w * 100 / m.max(1)));
        held.iter()
            .take(2)
            .map(|&(w, m, k)| format!("{} {w}/{m}", s.categories[k].name.get(&self.lang)))
            .collect()
    }

    /// Whether the table has taken a decision: a protective measure that a
    /// "no protection" reading would contradict.
    pub(super) fn table_protected(session: &Session) -> bool {
        session.state().decided.iter().any(Option::is_some)
    }

    /// The role this bot plays.
    pub fn role<'c>(&self, case: &'c Case) -> &'c crate::Id {
        &case.scenario().roles[self.role].id
    }

    /// Whether the evidence this role holds meets the case's bundle in
    /// every category, and how much of it, from 0 to 1.
    /// The category of indicators furthest below the bundle the case calls
    /// for, in this role's evidence: the reason it gives for a rejection.
    pub(super) fn lacking(
        &self,
        case: &Case,
        session: &Session,
    ) -> Option<crate::session::Lacking> {
        let s = case.scenario();
        let weights = self.weights(case, session);
        s.solution
            .bundle
            .iter()
            .filter(|r| r.min_weight > 0)
            .filter_map(|r| case.category(r.category.as_str()).map(|k| (r, weights[k])))
            .filter(|(r, w)| *w < r.min_weight)
            .min_by(|(a, wa), (b, wb)| {
                let ra = f64::from(*wa) / f64::from(a.min_weight);
                let rb = f64::from(*wb) / f64::from(b.min_weight);
                ra.total_cmp(&rb)
            })
            .map(|(r, _)| crate::session::Lacking {
                category: r.category.clone(),
            })
    }

    pub(super) fn weights(&self, case: &Case, session: &Session) -> Vec<u32> {
        let s = case.scenario();
        let known = &session.state().roles[self.role].known;
        let mut weights = vec![0u32; s.categories.len()];
        for (c, clue) in s.clues.iter().enumerate() {
            if known[c] {
                for support in &clue.indicators {
                    if let Some(i) = case.indicator(support.indicator.as_str()) {
                        weights[case.indicator_category[i]] += support.weight;
                    }
                }
            }
        }
        weights
    }

    /// Whether the table rejected this conclusion and the role has learned
    /// nothing since: proposing it again would only repeat the question.
    pub(super) fn just_rejected(&self, session: &Session, conclusion: usize) -> bool {
        let known = session.state().roles[self.role]
            .known
            .iter()
            .filter(|k| **k)
            .count();
        self.rejected
            .iter()
            .any(|&(c, at)| c == conclusion && at == known)
    }

    /// Notes, since the last turn, the rejections of this role's proposals
    /// and the colleagues who shared something with it.
    pub(super) fn note_events(&mut self, case: &Case, session: &Session) {
        let events = session.events();
        let known = session.state().roles[self.role]
            .known
            .iter()
            .filter(|k| **k)
            .count();
        let me = &case.scenario().roles[self.role].id;
        for event in &events[self.seen.min(events.len())..] {
            match &event.kind {
                crate::EventKind::Proposed {
                    role,
                    proposal,
                    conclusion,
                    ..
                } if role == me => {
                    if let Some(c) = case.conclusion(conclusion.as_str()) {
                        self.mine.push((*proposal, c));
                    }
                }
                crate::EventKind::Shared { from, to, .. } if to.contains(me) => {
                    if let Some(r) = case.role(from.as_str()) {
                        self.told_me[r] = true;
                    }
                }
                crate::EventKind::Rejected { proposal, .. } => {
                    if let Some(&(_, c)) = self.mine.iter().find(|(p, _)| p == proposal) {
                        self.rejected.retain(|(r, _)| *r != c);
                        self.rejected.push((c, known));
                    }
                }
                _ => {}
            }
        }
        self.seen = events.len();
    }

    pub(super) fn evidence(&self, case: &Case, session: &Session) -> f64 {
        let s = case.scenario();
        let weights = self.weights(case, session);
        let mut ratio: f64 = 1.0;
        for requirement in &s.solution.bundle {
            if let Some(k) = case.category(requirement.category.as_str())
                && requirement.min_weight > 0
            {
                ratio = ratio.min(f64::from(weights[k]) / f64::from(requirement.min_weight));
            }
        }
        ratio.min(1.0)
    }

    /// The bot's next command, or none when it has nothing more to do for now.
    pub fn next(&mut self, session: &Session) -> Option<RoleCommand> {
        let case = Arc::clone(session.case());
        let case = &*case;
        let s = case.scenario();
        if session.state().status != Status::Running {
            return None;
        }
        let correct = case.conclusion(s.solution.conclusion.as_str())?;
        self.note_events(case, session);
        self.answer_proposal(case, session, correct)
            .or_else(|| self.tag_new_clue(case, session))
            .or_else(|| self.decide(case, session))
            .or_else(|| self.answer_act(case, session))
            .or_else(|| self.issue_act(case, session))
            // A tempting share outside the law, now and then; then useful shares.
            .or_else(|| self.tempted_share(case, session))
            .or_else(|| self.share(case, session))
            .or_else(|| self.propose_when_ready(case, session, correct))
            .or_else(|| self.take_action(case, session))
            .or_else(|| self.last_word(case, session, correct))
    }

    /// Answers a colleague's open proposal: endorsed when its own evidence
    /// supports it (or out of deference), else rejected with what lacks.
    fn answer_proposal(
        &mut self,
        case: &Case,
        session: &Session,
        correct: usize,
    ) -> Option<RoleCommand> {
        let state = session.state();
        let me = self.role;
        if let Some(proposal) = &state.proposal
            && proposal.by != me
            && !proposal.endorsed[me]
            && self.answered < proposal.number
        {
            self.answered = proposal.number;
            let evidence = self.evidence(case, session);
            let danger = self.shows_danger(case, session);
            let no_protection = case.scenario().conclusions[proposal.conclusion].no_protection;
            let tempted = self
                .trap_conclusions(case, session)
                .contains(&proposal.conclusion);
            let number = proposal.number;
            let reject = |reason: String, lacking| RoleCommand::Reject {
                proposal: number,
                reason,
                lacking,
            };
            return Some(if proposal.conclusion == correct {
                // The reading its evidence points to: approved when the
                // bundle makes it, or on a colleague's word (deference).
                if evidence >= 1.0
                    || self
                        .rng
                        .random_bool(self.temperament.deference.max(evidence))
                {
                    RoleCommand::Endorse { proposal: number }
                } else {
                    reject(words::not_yet(&self.lang), self.lacking(case, session))
                }
            } else if no_protection && danger {
                reject(
                    words::danger_shown(&self.lang, &self.strongest(case, session)),
                    None,
                )
            } else if evidence >= 1.0 {
                reject(
                    words::further(&self.lang, &self.strongest(case, session)),
                    None,
                )
            } else if self.rng.random_bool(if tempted {
                0.8
            } else {
                self.temperament.deference * 0.6
            }) {
                RoleCommand::Endorse { proposal: number }
            } else {
                reject(words::too_early(&self.lang), None)
            });
        }
        None
    }

    /// Tags an indicator of a newly known clue (or sets the clue aside).
    fn tag_new_clue(&mut self, case: &Case, session: &Session) -> Option<RoleCommand> {
        let s = case.scenario();
        let state = session.state();
        let me = self.role;
        for c in 0..s.clues.len() {
            if !state.roles[me].known[c] || self.considered_tags[c] {
                continue;
            }
            let clue = &s.clues[c];
            let untagged = clue.indicators.iter().find(|sup| {
                case.indicator(sup.indicator.as_str())
                    .is_some_and(|i| !state.roles[me].bundle.contains(&(c, i)))
            });
            match untagged {
                Some(support) if self.rng.random_bool(self.temperament.tagging) => {
                    return Some(RoleCommand::Tag {
                        clue: clue.id.clone(),
                        indicator: support.indicator.clone(),
                    });
                }
                _ => self.considered_tags[c] = true,
            }
        }
        None
    }

    /// Takes a decision within the role's powers, not left to a person.
    fn decide(&mut self, case: &Case, session: &Session) -> Option<RoleCommand> {
        let s = case.scenario();
        let state = session.state();
        let me = self.role;
        for d in 0..s.decisions.len() {
            if case.has_power(me, d)
                && !self.deferred[d]
                && state.can_decide(case, me, d).is_ok()
                && self.rng.random_bool(self.temperament.decisiveness)
            {
                return Some(RoleCommand::Decide {
                    decision: s.decisions[d].id.clone(),
                });
            }
        }
        None
    }

    /// Proposes a conclusion in the last phase when the evidence is there;
    /// earlier, only a trap may tempt a bot to conclude too fast.
    fn propose_when_ready(
        &mut self,
        case: &Case,
        session: &Session,
        correct: usize,
    ) -> Option<RoleCommand> {
        let s = case.scenario();
        let state = session.state();
        let last = state.phase + 1 == s.phases.len();
        if state.proposal.is_none()
            && state.adopted.is_none()
            && self.proposed_in_phase != Some(state.phase)
        {
            let evidence = self.evidence(case, session);
            if last && evidence >= 1.0 && !self.just_rejected(session, correct) {
                self.proposed_in_phase = Some(state.phase);
                return Some(self.proposal(case, session, correct));
            }
            // A bot whose own bundle shows danger is not tempted by a reading
            // that would leave the young person without protection.
            let blind = !self.shows_danger(case, session);
            let traps: Vec<usize> = self
                .trap_conclusions(case, session)
                .into_iter()
                .filter(|&c| !s.conclusions[c].no_protection || blind)
                .collect();
            if !traps.is_empty() && evidence < 1.0 && self.tempted_in_phase != Some(state.phase) {
                self.tempted_in_phase = Some(state.phase);
                let wrong = traps[self.rng.random_range(0..traps.len())];
                if self.rng.random_bool(self.temperament.credulity)
                    && !self.just_rejected(session, wrong)
                {
                    self.proposed_in_phase = Some(state.phase);
                    return Some(self.proposal(case, session, wrong));
                }
            }
        }
        None
    }

    /// Takes one of the actions open to the role, at random.
    fn take_action(&mut self, case: &Case, session: &Session) -> Option<RoleCommand> {
        let s = case.scenario();
        let state = session.state();
        let me = self.role;
        let available: Vec<usize> = case
            .role_actions(me)
            .iter()
            .copied()
            .filter(|&a| state.can_take(case, me, a).is_ok())
            .collect();
        if !available.is_empty() {
            let a = available[self.rng.random_range(0..available.len())];
            return Some(RoleCommand::TakeAction {
                action: s.actions[a].id.clone(),
            });
        }
        None
    }

    /// Last phase, nothing left to do: puts the best reading to the table.
    fn last_word(&mut self, case: &Case, session: &Session, correct: usize) -> Option<RoleCommand> {
        let s = case.scenario();
        let state = session.state();
        let last = state.phase + 1 == s.phases.len();
        if last
            && state.proposal.is_none()
            && state.adopted.is_none()
            && self.proposed_in_phase != Some(state.phase)
        {
            self.proposed_in_phase = Some(state.phase);
            let evidence = self.evidence(case, session);
            let traps = self.trap_conclusions(case, session);
            let choice = if evidence >= 0.6
                || self.shows_danger(case, session)
                || Self::table_protected(session)
                || traps.is_empty() && s.conclusions.len() < 2
            {
                correct
            } else if let Some(&wrong) = traps.first() {
                wrong
            } else {
                (0..s.conclusions.len())
                    .find(|&c| c != correct && !s.conclusions[c].no_protection)
                    .unwrap_or(correct)
            };
            if self.just_rejected(session, choice) {
                return None;
            }
            return Some(self.proposal(case, session, choice));
        }
        None
    }

    pub(super) fn proposal(
        &mut self,
        case: &Case,
        session: &Session,
        conclusion: usize,
    ) -> RoleCommand {
        let s = case.scenario();
        let orientation = if s.orientations.is_empty() {
            None
        } else if let (Some(expected), true) = (&s.solution.orientation, self.rng.random_bool(0.8))
        {
            Some(expected.clone())
        } else {
            Some(
                s.orientations[self.rng.random_range(0..s.orientations.len())]
                    .id
                    .clone(),
            )
        };
        RoleCommand::Propose {
            conclusion: s.conclusions[conclusion].id.clone(),
            orientation,
            reason: {
                let strongest = self.strongest(case, session);
                if s.conclusions[conclusion].no_protection || strongest.is_empty() {
                    words::thin(&self.lang)
                } else {
                    words::supported(&self.lang, &strongest)
                }
            },
        }
    }

    /// Leaves to the people seated on `seated` roles the decisions their role
    /// cards name as theirs: a bot filling a seat never takes them in a
    /// person's place.
    pub fn defer_to(&mut self, case: &Case, seated: &[usize]) {
        for (d, deferred) in self.deferred.iter_mut().enumerate() {
            *deferred = seated
                .iter()
                .any(|&r| r != self.role && case.has_power(r, d));
        }
    }

    /// Conclusions that the traps this role knows lead to.
    pub(super) fn trap_conclusions(&self, case: &Case, session: &Session) -> Vec<usize> {
        let s = case.scenario();
        let known = &session.state().roles[self.role].known;
        let mut found: Vec<usize> = s
            .clues
            .iter()
            .enumerate()
            .filter(|(c, _)| known[*c])
            .filter_map(|(_, clue)| clue.trap.as_ref()?.leads_to.as_ref())
            .filter_map(|id| case.conclusion(id.as_str()))
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }

    /// Answers a standing act addressed to this role with the relevant
    /// clues it holds within the act's scope, through the frame it opens.
    pub(super) fn answer_act(&mut self, case: &Case, session: &Session) -> Option<RoleCommand> {
        let s = case.scenario();
        let state = session.state();
        let me = self.role;
        for act in state.acts.iter().filter(|a| a.to == me && !a.declined) {
            if self.acts_answered.contains(&act.number) {
                continue;
            }
            self.acts_answered.push(act.number);
            let kind = &case.rulebook().acts[act.kind].id;
            let Some(frame) = case
                .rulebook()
                .frames
                .iter()
                .position(|f| f.opened_by.as_ref() == Some(kind))
            else {
                continue;
            };
            let clues: Vec<Id> = (0..s.clues.len())
                .filter(|&c| {
                    state.roles[me].known[c]
                        && case.clue_relevant[c]
                        && !state.roles[act.by].known[c]
                        && (act.scope.is_empty() || act.scope.contains(&case.clue_class[c]))
                })
                .map(|c| s.clues[c].id.clone())
                .collect();
            if !clues.is_empty() {
                return Some(RoleCommand::Share {
                    clues,
                    to: vec![s.roles[act.by].id.clone()],
                    frame: case.rulebook().frames[frame].id.clone(),
                });
            }
        }
        None
    }

    /// Issues an act this role may issue to a colleague it has not yet
    /// addressed, covering every kind of information the case's clues use.
    /// A bot addresses an act only to a colleague who has already told it
    /// something: an investigator hears or requires the people who alerted
    /// them, not the whole table at the first minute.
    pub(super) fn issue_act(&mut self, case: &Case, session: &Session) -> Option<RoleCommand> {
        let s = case.scenario();
        let state = session.state();
        let me = self.role;
        let book = case.rulebook();
        for (a, kind) in book.acts.iter().enumerate() {
            if state.can_issue(case, me, a).is_err() {
                continue;
            }
            for to in 0..s.roles.len() {
                let addressable =
                    kind.to.is_empty() || kind.to.contains(&case.profession_of(to).id);
                if to == me || !addressable || !self.told_me[to] || self.issued.contains(&(a, to)) {
                    continue;
                }
                self.issued.push((a, to));
                if !self.rng.random_bool(self.temperament.sharing) {
                    continue;
                }
                let mut scope: Vec<usize> = (0..s.clues.len())
                    .filter(|&c| case.clue_relevant[c])
                    .map(|c| case.clue_class[c])
                    .collect();
                scope.sort_unstable();
                scope.dedup();
                return Some(RoleCommand::Issue {
                    act: kind.id.clone(),
                    to: s.roles[to].id.clone(),
                    scope: scope.iter().map(|&c| book.classes[c].id.clone()).collect(),
                });
            }
        }
        None
    }

    pub(super) fn share(&mut self, case: &Case, session: &Session) -> Option<RoleCommand> {
        let s = case.scenario();
        let state = session.state();
        let holding = state.holding(case);
        let me = self.role;
        for c in 0..s.clues.len() {
            if !state.roles[me].known[c] || !case.clue_relevant[c] {
                continue;
            }
            let class = case.clue_class[c];
            for to in 0..s.roles.len() {
                if to == me || self.considered_shares[c][to] {
                    continue;
                }
                // A colleague who already has it needs it no more: each clue
                // reaches each colleague once, whoever sends it.
                if state.roles[to].known[c] {
                    self.considered_shares[c][to] = true;
                    continue;
                }
                // A person who has just received a share gets the next later.
                if self.quiet[to] {
                    continue;
                }
                let best = case.best_share(class, me, to, &holding);
                if best.is_none() && case.shareable(class, me, to) {
                    // A frame that the story has not opened yet may open
                    // later: consider this share again then.
                    continue;
                }
                self.considered_shares[c][to] = true;
                let needed = s.decisions.iter().enumerate().any(|(d, decision)| {
                    case.has_power(to, d) && decision.requires.iter().any(|cond| matches!(cond, crate::model::Condition::Knows(id) if *id == s.clues[c].id))
                });
                if !needed && !self.rng.random_bool(self.temperament.sharing) {
                    continue;
                }
                let frame = if self.rng.random_bool(self.temperament.carelessness) {
                    match careless_frame(case, me, to, &holding) {
                        Some(frame) => frame,
                        None => continue,
                    }
                } else {
                    match best {
                        Some((frame, _)) => frame,
                        None => continue,
                    }
                };
                // Send every other clue that travels the same way in the same message.
                let mut clues = vec![s.clues[c].id.clone()];
                for other in c + 1..s.clues.len() {
                    if state.roles[me].known[other]
                        && case.clue_relevant[other]
                        && !state.roles[to].known[other]
                        && !self.considered_shares[other][to]
                        && case.clue_class[other] == class
                    {
                        self.considered_shares[other][to] = true;
                        clues.push(s.clues[other].id.clone());
                    }
                }
                return Some(RoleCommand::Share {
                    clues,
                    to: vec![s.roles[to].id.clone()],
                    frame: case.rulebook().frames[frame].id.clone(),
                });
            }
        }
        None
    }

    /// A share the case marks as a trap, made once in a while when the role
    /// holds the clue and the recipient sits at the table: through the
    /// trap's frame, or the frame a careless professional would use.
    pub(super) fn tempted_share(&mut self, case: &Case, session: &Session) -> Option<RoleCommand> {
        let s = case.scenario();
        let state = session.state();
        let me = self.role;
        for (t, trap) in s.share_traps.iter().enumerate() {
            if self.considered_traps[t] {
                continue;
            }
            let Some((c, to)) = crate::trap::opportunity(case, state, me, &trap.share) else {
                continue;
            };
            self.considered_traps[t] = true;
            if !self.rng.random_bool(self.temperament.temptation) {
                continue;
            }
            let holding = state.holding(case);
            let frame = match &trap.share.frame {
                Some(id) => case.frame(id.as_str())?,
                None => careless_frame(case, me, to, &holding)?,
            };
            if state.opening_act(case, frame, me, to).is_err() {
                continue;
            }
            self.considered_shares[c][to] = true;
            return Some(RoleCommand::Share {
                clues: vec![s.clues[c].id.clone()],
                to: vec![s.roles[to].id.clone()],
                frame: case.rulebook().frames[frame].id.clone(),
            });
        }
        None
    }
}

/// The frame a careless professional would use: one that needs no act, is
/// open in the story now, and that the rulebook judges most severely.
pub(super) fn careless_frame(case: &Case, from: usize, to: usize, holding: &[Id]) -> Option<usize> {
    let book = case.rulebook();
    (0..book.frames.len())
        .filter(|&f| {
            book.frames[f].opened_by.is_none()
                && book.frames[f].in_situation(holding).is_ok()
                && case.frame_between(f, from, to).is_ok()
        })
        .max_by_key(|&f| book.frames[f].verdict)
}
