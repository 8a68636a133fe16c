//! Bots: play any role legally and sensibly, fill empty seats, and let
//! `simulate` estimate how hard a case is.
//!
//! A bot acts only on what its role knows. Like a cautious professional, it
//! judges the weight of the evidence it holds against the bundle the case
//! calls for; it can still be swayed by a trap, agree too quickly with a
//! colleague, or take a decision late.

use std::sync::Arc;

use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use serde::Serialize;

use crate::Id;
use crate::case::{Case, Minutes};
use crate::debrief::{Debrief, DecisionStatus};
use crate::rulebook::Verdict;
use crate::session::{RoleCommand, Session, Status, TrainerCommand};

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
            temptation: 0.15,
        }
    }
}

/// A bot playing one role.
#[derive(Debug)]
pub struct Bot {
    role: usize,
    rng: StdRng,
    temperament: Temperament,
    considered_tags: Vec<bool>,
    considered_shares: Vec<Vec<bool>>,
    /// Share traps this bot has already been tempted by.
    considered_traps: Vec<bool>,
    answered: u32,
    proposed_in_phase: Option<usize>,
    tempted_in_phase: Option<usize>,
    issued: Vec<(usize, usize)>,
    acts_answered: Vec<u32>,
    /// Events already read for rejections and shares.
    seen: usize,
    /// Colleagues who have shared something with this role.
    told_me: Vec<bool>,
    /// This role's proposals: number and conclusion.
    mine: Vec<(u32, usize)>,
    /// Conclusions of its proposals the table rejected, with how many clues
    /// the role knew then.
    rejected: Vec<(usize, usize)>,
    /// Decisions left to the people seated at the table.
    deferred: Vec<bool>,
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
        })
    }

    /// The role this bot plays.
    pub fn role<'c>(&self, case: &'c Case) -> &'c crate::Id {
        &case.scenario().roles[self.role].id
    }

    /// Whether the evidence this role holds meets the case's bundle in
    /// every category, and how much of it, from 0 to 1.
    /// The category of indicators furthest below the bundle the case calls
    /// for, in this role's evidence: the reason it gives for a rejection.
    fn lacking(&self, case: &Case, session: &Session) -> Option<crate::session::Lacking> {
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

    fn weights(&self, case: &Case, session: &Session) -> Vec<u32> {
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
    fn just_rejected(&self, session: &Session, conclusion: usize) -> bool {
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
    fn note_events(&mut self, case: &Case, session: &Session) {
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

    fn evidence(&self, case: &Case, session: &Session) -> f64 {
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
        let state = session.state();
        if state.status != Status::Running {
            return None;
        }
        let me = self.role;
        let correct = case.conclusion(s.solution.conclusion.as_str())?;
        self.note_events(case, session);

        // Answer a colleague's proposal.
        if let Some(proposal) = &state.proposal
            && proposal.by != me
            && !proposal.endorsed[me]
            && self.answered < proposal.number
        {
            self.answered = proposal.number;
            let evidence = self.evidence(case, session);
            let tempted = self
                .trap_conclusions(case, session)
                .contains(&proposal.conclusion);
            let agree = if proposal.conclusion == correct {
                evidence >= 1.0
                    || self
                        .rng
                        .random_bool(self.temperament.deference.max(evidence))
            } else if evidence >= 1.0 {
                false
            } else {
                self.rng.random_bool(if tempted {
                    0.8
                } else {
                    self.temperament.deference * 0.6
                })
            };
            return Some(if agree {
                RoleCommand::Endorse {
                    proposal: proposal.number,
                }
            } else {
                RoleCommand::Reject {
                    proposal: proposal.number,
                    // A bot's words are free text, read in either language:
                    // they carry both (`lacking` is worded by the reader's desk).
                    reason: "Mes éléments ne permettent pas encore de conclure ainsi. / \
                             My evidence does not support this conclusion yet."
                        .into(),
                    lacking: self.lacking(case, session),
                }
            });
        }

        // Tag the indicators of newly known clues.
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

        // Take a decision within the role's powers.
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

        // Answer the acts addressed to this role, then issue acts.
        if let Some(answer) = self.answer_act(case, session) {
            return Some(answer);
        }
        if let Some(issue) = self.issue_act(case, session) {
            return Some(issue);
        }

        // A tempting share outside the law, now and then.
        if let Some(share) = self.tempted_share(case, session) {
            return Some(share);
        }

        // Share useful clues with colleagues.
        if let Some(share) = self.share(case, session) {
            return Some(share);
        }

        // Propose a conclusion in the last phase when the evidence is there;
        // earlier, only a trap may tempt a bot to conclude too fast.
        let last = state.phase + 1 == s.phases.len();
        if state.proposal.is_none()
            && state.adopted.is_none()
            && self.proposed_in_phase != Some(state.phase)
        {
            let evidence = self.evidence(case, session);
            if last && evidence >= 1.0 && !self.just_rejected(session, correct) {
                self.proposed_in_phase = Some(state.phase);
                return Some(self.proposal(case, correct));
            }
            // A bot whose own bundle already makes the case is not tempted.
            let traps = self.trap_conclusions(case, session);
            if !traps.is_empty() && evidence < 1.0 && self.tempted_in_phase != Some(state.phase) {
                self.tempted_in_phase = Some(state.phase);
                let wrong = traps[self.rng.random_range(0..traps.len())];
                if self.rng.random_bool(self.temperament.credulity)
                    && !self.just_rejected(session, wrong)
                {
                    self.proposed_in_phase = Some(state.phase);
                    return Some(self.proposal(case, wrong));
                }
            }
        }

        // Take an action.
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

        // Last phase, nothing left to do: put the best reading to the table.
        if last
            && state.proposal.is_none()
            && state.adopted.is_none()
            && self.proposed_in_phase != Some(state.phase)
        {
            self.proposed_in_phase = Some(state.phase);
            let evidence = self.evidence(case, session);
            let traps = self.trap_conclusions(case, session);
            let choice = if evidence >= 0.6 || traps.is_empty() && s.conclusions.len() < 2 {
                correct
            } else if let Some(&wrong) = traps.first() {
                wrong
            } else {
                (0..s.conclusions.len())
                    .find(|&c| c != correct)
                    .unwrap_or(correct)
            };
            if self.just_rejected(session, choice) {
                return None;
            }
            return Some(self.proposal(case, choice));
        }
        None
    }

    fn proposal(&mut self, case: &Case, conclusion: usize) -> RoleCommand {
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
            reason: "Au vu des indices réunis par la table. / \
                     In view of the indicators the table gathered."
                .into(),
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
    fn trap_conclusions(&self, case: &Case, session: &Session) -> Vec<usize> {
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
    fn answer_act(&mut self, case: &Case, session: &Session) -> Option<RoleCommand> {
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
    fn issue_act(&mut self, case: &Case, session: &Session) -> Option<RoleCommand> {
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

    fn share(&mut self, case: &Case, session: &Session) -> Option<RoleCommand> {
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
    fn tempted_share(&mut self, case: &Case, session: &Session) -> Option<RoleCommand> {
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
fn careless_frame(case: &Case, from: usize, to: usize, holding: &[Id]) -> Option<usize> {
    let book = case.rulebook();
    (0..book.frames.len())
        .filter(|&f| {
            book.frames[f].opened_by.is_none()
                && book.frames[f].in_situation(holding).is_ok()
                && case.frame_between(f, from, to).is_ok()
        })
        .max_by_key(|&f| book.frames[f].verdict)
}

/// Lets a full team of bots play `session`: each phase until no bot has
/// anything left to do, then the next phase. With `phases`, stops after that
/// many phases without moving on from the last one; without, plays until the
/// session ends.
pub fn play_on(session: &mut Session, phases: Option<u32>, temperament: &Temperament) {
    let case = Arc::clone(session.case());
    let mut bots: Vec<Bot> = case
        .scenario()
        .roles
        .iter()
        .filter_map(|r| Bot::new(&case, r.id.as_str(), session.seed(), temperament.clone()))
        .collect();
    if session.state().status == Status::Waiting {
        let _ = session.direct(TrainerCommand::Start);
    }
    // A generous bound: every bot command spends budget or closes an option.
    let limit = 200
        * (case.scenario().clues.len() + case.scenario().actions.len() + 10)
        * bots.len().max(1);
    let mut commands = 0;
    let mut played = 0;
    while session.state().status != Status::Ended {
        loop {
            let mut acted = false;
            for bot in &mut bots {
                if session.state().status != Status::Running {
                    break;
                }
                if let Some(command) = bot.next(session) {
                    let role = bot.role(&case).clone();
                    commands += 1;
                    acted |= session.submit(role.as_str(), command).is_ok();
                }
            }
            if !acted || commands > limit || session.state().status != Status::Running {
                break;
            }
        }
        played += 1;
        if phases.is_some_and(|n| played >= n) {
            return;
        }
        if session.state().status == Status::Ended
            || session.direct(TrainerCommand::NextPhase).is_err()
        {
            break;
        }
    }
}

/// Plays a whole session with a bot in every role, phase after phase, and
/// returns it ended.
pub fn play(case: Arc<Case>, seed: u64, temperament: &Temperament) -> Session {
    let mut session = Session::new(case, seed);
    play_on(&mut session, None, temperament);
    if session.state().status != Status::Ended {
        let _ = session.direct(TrainerCommand::End);
    }
    session
}

/// How often bot teams took one expected decision on time.
#[derive(Clone, Debug, Serialize)]
pub struct DecisionRate {
    /// The decision.
    pub decision: crate::Id,
    /// Share of runs in which it was taken by its deadline, from 0 to 1.
    pub on_time: f64,
    /// Share of runs in which it was taken at all (or an alternative).
    pub taken: f64,
    /// Share of runs in which only a decision the case accepts in part was taken.
    pub acceptable: f64,
    /// Median scenario time at which it was taken, over the runs that took it.
    pub median_minutes: Option<Minutes>,
}

/// How often a trap caught a bot, and what the table concluded then.
#[derive(Clone, Debug, Serialize)]
pub struct TrapRate {
    /// The trap clue, or the share trap's id.
    pub clue: crate::Id,
    /// Whether the trap is a share rather than a clue.
    pub share: bool,
    /// Share of runs in which some role went along with the conclusion it leads to.
    pub caught: f64,
    /// Share of runs in which some role knew it.
    pub met: f64,
    /// In the runs it caught a bot: each adopted conclusion (none: no
    /// conclusion) and its share of those runs.
    pub followed_by: Vec<(Option<crate::Id>, f64)>,
}

/// How often an inject fired, and in which phase.
#[derive(Clone, Debug, Serialize)]
pub struct InjectRate {
    /// The inject.
    pub inject: crate::Id,
    /// Share of runs in which it fired.
    pub fired: f64,
    /// Each phase it fired in, with its share of all runs.
    pub phases: Vec<(crate::Id, f64)>,
}

/// How often a key share reached its role, and when.
#[derive(Clone, Debug, Serialize)]
pub struct KeyShareRate {
    /// The clue.
    pub clue: crate::Id,
    /// The role that should come to know it.
    pub to: crate::Id,
    /// Share of runs in which it reached the role.
    pub reached: f64,
    /// Median scenario time at which it did, over the runs where it did.
    pub median_minutes: Option<Minutes>,
}

/// Breaches recorded under one rule: a frame, or one of its exceptions.
#[derive(Clone, Debug, Serialize)]
pub struct BreachRate {
    /// The frame.
    pub frame: crate::Id,
    /// The exception that decided, by position in the frame, if any.
    pub exception: Option<usize>,
    /// Mean breaches per run under this rule.
    pub per_run: f64,
}

/// What bot teams achieved over many runs.
#[derive(Clone, Debug, Serialize)]
pub struct Simulation {
    /// The case.
    pub case: crate::Id,
    /// Runs played.
    pub runs: usize,
    /// The first seed; run `i` uses `seed + i`.
    pub seed: u64,
    /// Share of runs solved (correct conclusion, complete bundle), from 0 to 1.
    pub solve_rate: f64,
    /// Share of runs that adopted the correct conclusion.
    pub correct_conclusion_rate: f64,
    /// Share of runs that adopted a wrong conclusion.
    pub wrong_conclusion_rate: f64,
    /// Share of runs that adopted a conclusion the case accepts in part.
    pub acceptable_conclusion_rate: f64,
    /// Each wrong conclusion adopted, and its share of runs.
    pub wrong_conclusions: Vec<(crate::Id, f64)>,
    /// Median scenario time at the end of a run, in minutes.
    pub median_minutes: Minutes,
    /// Mean share of the case's clues found by the table, from 0 to 1.
    pub clues_found: f64,
    /// Mean breaches per run.
    pub breaches_per_run: f64,
    /// Share of runs with at least one breach.
    pub runs_with_breach: f64,
    /// Breaches per run, by the rule that judged them.
    pub breaches_by_rule: Vec<BreachRate>,
    /// Each expected decision's rates.
    pub decisions: Vec<DecisionRate>,
    /// Each trap: how often it caught a bot, and what followed.
    pub traps: Vec<TrapRate>,
    /// Each inject: how often it fired, and in which phase.
    pub injects: Vec<InjectRate>,
    /// Each key share: how often and when it reached its role.
    pub key_shares: Vec<KeyShareRate>,
}

fn median(mut values: Vec<Minutes>) -> Option<Minutes> {
    values.sort_unstable();
    values.get(values.len() / 2).copied()
}

/// Counts over the runs of a simulation.
#[derive(Default)]
struct Tally {
    solved: usize,
    correct: usize,
    wrong: usize,
    acceptable: usize,
    wrong_conclusions: Vec<(crate::Id, usize)>,
    durations: Vec<Minutes>,
    found: f64,
    breaches: usize,
    breach_runs: usize,
    breaches_by_rule: Vec<(crate::Id, Option<usize>, usize)>,
    on_time: Vec<usize>,
    taken: Vec<usize>,
    partial: Vec<usize>,
    decided_at: Vec<Vec<Minutes>>,
    trap_met: Vec<usize>,
    trap_caught: Vec<usize>,
    trap_followed: Vec<Vec<(Option<crate::Id>, usize)>>,
    inject_phases: Vec<Vec<(crate::Id, usize)>>,
    key_reached: Vec<Vec<Minutes>>,
}

fn bump<K: PartialEq>(counts: &mut Vec<(K, usize)>, key: K) {
    match counts.iter_mut().find(|(k, _)| *k == key) {
        Some((_, n)) => *n += 1,
        None => counts.push((key, 1)),
    }
}

impl Tally {
    fn new(case: &Case) -> Tally {
        let s = case.scenario();
        let expected = s.solution.expected_decisions.len();
        let traps = s.clues.iter().filter(|c| c.trap.is_some()).count() + s.share_traps.len();
        Tally {
            on_time: vec![0; expected],
            taken: vec![0; expected],
            partial: vec![0; expected],
            decided_at: vec![Vec::new(); expected],
            trap_met: vec![0; traps],
            trap_caught: vec![0; traps],
            trap_followed: vec![Vec::new(); traps],
            inject_phases: vec![Vec::new(); s.injects.len()],
            key_reached: vec![Vec::new(); s.solution.key_shares.len()],
            ..Tally::default()
        }
    }

    fn add(&mut self, case: &Case, session: &Session, debrief: &Debrief) {
        let s = case.scenario();
        let table = &debrief.table;
        self.solved += usize::from(table.solved);
        self.correct += usize::from(table.conclusion_correct);
        self.acceptable += usize::from(table.conclusion_acceptable);
        if let Some(c) = &table.conclusion
            && !table.conclusion_correct
        {
            self.wrong += 1;
            bump(&mut self.wrong_conclusions, c.clone());
        }
        self.durations.push(table.duration);
        self.found += table.clues_found;
        self.breaches += table.breaches;
        self.breach_runs += usize::from(table.breaches > 0);
        for record in debrief.roles.iter().flat_map(|r| r.sent.iter()) {
            for j in &record.judgements {
                if j.judgement.verdict == Verdict::Breach {
                    let key = (record.frame.clone(), j.judgement.exception);
                    match self
                        .breaches_by_rule
                        .iter_mut()
                        .find(|(f, e, _)| (f, e) == (&key.0, &key.1))
                    {
                        Some((_, _, n)) => *n += 1,
                        None => self.breaches_by_rule.push((key.0, key.1, 1)),
                    }
                }
            }
        }
        for (i, expected) in s.solution.expected_decisions.iter().enumerate() {
            let Some(review) = table
                .decisions
                .iter()
                .find(|d| d.decision == expected.decision)
            else {
                continue;
            };
            let at = match review.status {
                DecisionStatus::OnTime { at } => {
                    self.on_time[i] += 1;
                    self.taken[i] += 1;
                    Some(at)
                }
                DecisionStatus::Late { at, .. } => {
                    self.taken[i] += 1;
                    Some(at)
                }
                DecisionStatus::Acceptable { at } => {
                    self.partial[i] += 1;
                    Some(at)
                }
                _ => None,
            };
            self.decided_at[i].extend(at);
        }
        let traps = s.clues.iter().filter(|c| c.trap.is_some());
        for (t, clue) in traps.enumerate() {
            let reviews = debrief
                .roles
                .iter()
                .flat_map(|r| r.traps.iter())
                .filter(|tr| tr.clue == clue.id);
            let (mut met, mut caught) = (false, false);
            for review in reviews {
                met = true;
                caught |= review.fallen;
            }
            self.trap_met[t] += usize::from(met);
            if caught {
                self.trap_caught[t] += 1;
                bump(&mut self.trap_followed[t], table.conclusion.clone());
            }
        }
        let clue_traps = s.clues.iter().filter(|c| c.trap.is_some()).count();
        for (i, trap) in s.share_traps.iter().enumerate() {
            let t = clue_traps + i;
            let met = crate::trap::could(case, session.state(), &trap.share);
            let caught = debrief
                .roles
                .iter()
                .flat_map(|r| r.traps.iter())
                .any(|tr| tr.share_trap.as_ref() == Some(&trap.id));
            self.trap_met[t] += usize::from(met || caught);
            if caught {
                self.trap_caught[t] += 1;
                bump(&mut self.trap_followed[t], table.conclusion.clone());
            }
        }
        let mut phase = None;
        for event in session.events() {
            match &event.kind {
                crate::EventKind::PhaseBegan { phase: p } => phase = Some(p.clone()),
                crate::EventKind::InjectReleased { inject, .. } => {
                    if let (Some(i), Some(p)) = (case.inject(inject.as_str()), &phase) {
                        bump(&mut self.inject_phases[i], p.clone());
                    }
                }
                _ => {}
            }
        }
        for (k, share) in s.solution.key_shares.iter().enumerate() {
            let reached = table
                .key_shares
                .iter()
                .find(|r| r.clue == share.clue && r.to == share.to)
                .and_then(|r| r.reached_at);
            self.key_reached[k].extend(reached);
        }
    }

    fn report(self, case: &Case, runs: usize, seed: u64) -> Simulation {
        let s = case.scenario();
        let rate = |n: usize| {
            if runs == 0 {
                0.0
            } else {
                n as f64 / runs as f64
            }
        };
        let per_run = |n: f64| if runs == 0 { 0.0 } else { n / runs as f64 };
        let trap_ids: Vec<(crate::Id, bool)> = s
            .clues
            .iter()
            .filter(|c| c.trap.is_some())
            .map(|c| (c.id.clone(), false))
            .chain(s.share_traps.iter().map(|t| (t.id.clone(), true)))
            .collect();
        Simulation {
            case: s.id.clone(),
            runs,
            seed,
            solve_rate: rate(self.solved),
            correct_conclusion_rate: rate(self.correct),
            wrong_conclusion_rate: rate(self.wrong),
            acceptable_conclusion_rate: rate(self.acceptable),
            wrong_conclusions: self
                .wrong_conclusions
                .iter()
                .map(|(c, n)| (c.clone(), rate(*n)))
                .collect(),
            median_minutes: median(self.durations).unwrap_or(0),
            clues_found: per_run(self.found),
            breaches_per_run: per_run(self.breaches as f64),
            runs_with_breach: rate(self.breach_runs),
            breaches_by_rule: self
                .breaches_by_rule
                .iter()
                .map(|(frame, exception, n)| BreachRate {
                    frame: frame.clone(),
                    exception: *exception,
                    per_run: per_run(*n as f64),
                })
                .collect(),
            decisions: s
                .solution
                .expected_decisions
                .iter()
                .enumerate()
                .map(|(i, e)| DecisionRate {
                    decision: e.decision.clone(),
                    on_time: rate(self.on_time[i]),
                    taken: rate(self.taken[i]),
                    acceptable: rate(self.partial[i]),
                    median_minutes: median(self.decided_at[i].clone()),
                })
                .collect(),
            traps: trap_ids
                .iter()
                .enumerate()
                .map(|(t, (id, share))| {
                    let caught = self.trap_caught[t];
                    TrapRate {
                        clue: id.clone(),
                        share: *share,
                        caught: rate(caught),
                        met: rate(self.trap_met[t]),
                        followed_by: self.trap_followed[t]
                            .iter()
                            .map(|(c, n)| (c.clone(), *n as f64 / caught.max(1) as f64))
                            .collect(),
                    }
                })
                .collect(),
            injects: s
                .injects
                .iter()
                .enumerate()
                .map(|(i, inject)| InjectRate {
                    inject: inject.id.clone(),
                    fired: rate(self.inject_phases[i].iter().map(|(_, n)| n).sum()),
                    phases: self.inject_phases[i]
                        .iter()
                        .map(|(p, n)| (p.clone(), rate(*n)))
                        .collect(),
                })
                .collect(),
            key_shares: s
                .solution
                .key_shares
                .iter()
                .enumerate()
                .map(|(k, share)| KeyShareRate {
                    clue: share.clue.clone(),
                    to: share.to.clone(),
                    reached: rate(self.key_reached[k].len()),
                    median_minutes: median(self.key_reached[k].clone()),
                })
                .collect(),
        }
    }
}

/// Plays `runs` bot-team sessions and reports the figures.
pub fn simulate(case: Arc<Case>, runs: usize, seed: u64) -> Simulation {
    let temperament = Temperament::default();
    let mut tally = Tally::new(&case);
    for run in 0..runs {
        let session = play(
            Arc::clone(&case),
            seed.wrapping_add(run as u64),
            &temperament,
        );
        if let Ok(debrief) = Debrief::build(&case, session.events()) {
            tally.add(&case, &session, &debrief);
        }
    }
    tally.report(&case, runs, seed)
}

/// A bot that sees only its role's view, as a networked client does: it
/// takes the actions and decisions open to it, passes what it knows on by
/// the first legal route, answers proposals, and in the last phase puts a
/// conclusion to the table. It knows nothing of the solution, so its
/// conclusion is often wrong: it is a player for load and network tests,
/// not a model trainee.
#[derive(Debug)]
pub struct ViewBot {
    rng: StdRng,
    shared: std::collections::HashSet<(Id, Id)>,
    issued: std::collections::HashSet<(Id, Id)>,
    answered_acts: std::collections::HashSet<u32>,
    answered: u32,
    proposed_in_phase: Option<usize>,
}

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
        }
    }

    /// Answers a standing act addressed to this role with what it holds
    /// within the act's scope.
    fn answer_act(&mut self, view: &crate::view::RoleView) -> Option<RoleCommand> {
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
                .filter(|c| act.scope.is_empty() || act.scope.contains(&c.class))
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
    fn issue_act(&mut self, view: &crate::view::RoleView) -> Option<RoleCommand> {
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
            return Some(RoleCommand::Endorse {
                proposal: proposal.number,
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
        let first_role = view.colleagues.iter().all(|c| c.id.as_str() > me.as_str());
        if last
            && first_role
            && view.proposal.is_none()
            && view.adopted.is_none()
            && self.proposed_in_phase.is_none()
            && !view.conclusions.is_empty()
        {
            self.proposed_in_phase = Some(view.phase.index);
            let conclusion = &view.conclusions[self.rng.random_range(0..view.conclusions.len())];
            return Some(RoleCommand::Propose {
                conclusion: conclusion.id.clone(),
                orientation: view.orientations.first().map(|o| o.id.clone()),
                reason: "Proposition d'un participant automatique. / \
                         Proposed by an automatic participant."
                    .into(),
            });
        }
        None
    }
}
