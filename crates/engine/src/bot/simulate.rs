//! Whole sessions played by bots, many times over, and what they tell an
//! author: decisions late or missing, traps met, injects fired, key shares
//! made, breaches by frame.

use super::player::*;
use crate::case::{Case, Minutes};
use crate::debrief::{Debrief, DecisionStatus};
use crate::rulebook::Verdict;
use crate::session::{Session, Status, TrainerCommand};
use serde::Serialize;
use std::sync::Arc;

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
    /// How it first arrived, each with its share of all runs: through a
    /// frame (its id), or, none, without a share (the role found it itself
    /// or was told by an inject). Most frequent first.
    pub through: Vec<(Option<crate::Id>, f64)>,
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

pub(super) fn median(mut values: Vec<Minutes>) -> Option<Minutes> {
    values.sort_unstable();
    values.get(values.len() / 2).copied()
}

/// Counts over the runs of a simulation.
#[derive(Default)]
pub(super) struct Tally {
    pub(super) solved: usize,
    pub(super) correct: usize,
    pub(super) wrong: usize,
    pub(super) acceptable: usize,
    pub(super) wrong_conclusions: Vec<(crate::Id, usize)>,
    pub(super) durations: Vec<Minutes>,
    pub(super) found: f64,
    pub(super) breaches: usize,
    pub(super) breach_runs: usize,
    pub(super) breaches_by_rule: Vec<(crate::Id, Option<usize>, usize)>,
    pub(super) on_time: Vec<usize>,
    pub(super) taken: Vec<usize>,
    pub(super) partial: Vec<usize>,
    pub(super) decided_at: Vec<Vec<Minutes>>,
    pub(super) trap_met: Vec<usize>,
    pub(super) trap_caught: Vec<usize>,
    pub(super) trap_followed: Vec<Vec<(Option<crate::Id>, usize)>>,
    pub(super) inject_phases: Vec<Vec<(crate::Id, usize)>>,
    pub(super) key_reached: Vec<Vec<Minutes>>,
    pub(super) key_through: Vec<Vec<(Option<crate::Id>, usize)>>,
}

pub(super) fn bump<K: PartialEq>(counts: &mut Vec<(K, usize)>, key: K) {
    match counts.iter_mut().find(|(k, _)| *k == key) {
        Some((_, n)) => *n += 1,
        None => counts.push((key, 1)),
    }
}

impl Tally {
    pub(super) fn new(case: &Case) -> Tally {
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
            key_through: vec![Vec::new(); s.solution.key_shares.len()],
            ..Tally::default()
        }
    }

    pub(super) fn add(&mut self, case: &Case, session: &Session, debrief: &Debrief) {
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
            if reached.is_some() {
                // The first share that carried the clue to the role, if the
                // role did not come to know it otherwise first.
                let frame = session.events().iter().find_map(|event| match &event.kind {
                    crate::EventKind::Shared {
                        to,
                        clues,
                        frame,
                        copies,
                        ..
                    } if clues.contains(&share.clue)
                        && (to.contains(&share.to) || copies.contains(&share.to))
                        && reached.is_some_and(|at| event.at <= at) =>
                    {
                        Some(frame.clone())
                    }
                    _ => None,
                });
                bump(&mut self.key_through[k], frame);
            }
        }
    }

    pub(super) fn report(self, case: &Case, runs: usize, seed: u64) -> Simulation {
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
                    through: {
                        let mut through: Vec<(Option<crate::Id>, f64)> = self.key_through[k]
                            .iter()
                            .map(|(frame, n)| (frame.clone(), rate(*n)))
                            .collect();
                        through.sort_by(|a, b| b.1.total_cmp(&a.1));
                        through
                    },
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
