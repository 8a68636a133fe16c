//! A validated scenario with its lookup tables, ready to be played.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::id::Id;
use crate::model::Scenario;
use crate::rulebook::{Closed, Frame, Judgement, Party, Rulebook, Verdict};

/// FNV-1a: ids are short strings looked up on every event, where the
/// standard hasher's protection against adversarial keys is not needed.
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for byte in bytes {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}

type Index = HashMap<Id, usize, BuildHasherDefault<Fnv>>;

/// The best frame, among those that need no act, to send a clue from one
/// role to another: the frame's position and its verdict.
pub type ShareRoute = (usize, Verdict);

/// For each class, sender and recipient: the frames that need no act and
/// may run between them, best verdict first, with the situations each needs.
type RouteTable = Vec<Vec<Vec<Vec<ShareRoute>>>>;

/// Minutes of scenario time.
pub type Minutes = u32;

fn minutes(hours: f32) -> Minutes {
    (hours * 60.0).round().max(0.0) as Minutes
}

/// A scenario that passed validation, with indexes from ids to positions.
///
/// Only [`crate::load`] builds one, so every id it refers to exists.
#[derive(Debug)]
pub struct Case {
    scenario: Scenario,
    roles: Index,
    people: Index,
    clues: Index,
    actions: Index,
    decisions: Index,
    phases: Index,
    injects: Index,
    indicators: Index,
    categories: Index,
    classes: Index,
    conclusions: Index,
    orientations: Index,
    frames: Index,
    acts: Index,
    situations: Index,
    /// For each of the rulebook's situations, its use in the case, if any.
    pub(crate) situation_use: Vec<Option<usize>>,
    rulebook: Rulebook,
    rulebook_file: String,
    rulebook_text: String,
    pub(crate) role_profession: Vec<usize>,
    pub(crate) phase_start: Vec<Minutes>,
    pub(crate) phase_length: Vec<Minutes>,
    pub(crate) role_budget: Vec<Vec<Minutes>>,
    pub(crate) action_cost: Vec<Minutes>,
    pub(crate) role_actions: Vec<Vec<usize>>,
    pub(crate) clue_class: Vec<usize>,
    pub(crate) clue_relevant: Vec<bool>,
    pub(crate) indicator_category: Vec<usize>,
    /// For each class, sender and recipient: the frames that need no act,
    /// best verdict first (in the most favourable story).
    pub(crate) best_share: RouteTable,
}

fn index_of<T>(items: &[T], id: impl Fn(&T) -> &Id) -> Index {
    let mut map = Index::with_capacity_and_hasher(items.len(), Default::default());
    for (i, item) in items.iter().enumerate() {
        map.entry(id(item).clone()).or_insert(i);
    }
    map
}

impl Case {
    /// Indexes a scenario and its rulebook. Both must have passed validation.
    pub(crate) fn new(
        scenario: Scenario,
        rulebook: &Rulebook,
        rulebook_file: &str,
        rulebook_text: &str,
    ) -> Case {
        let rulebook = rulebook.with_overrides(&scenario.overrides);
        let roles = index_of(&scenario.roles, |r| &r.id);
        let actions = index_of(&scenario.actions, |a| &a.id);
        let classes = index_of(&rulebook.classes, |c| &c.id);
        let professions = index_of(&rulebook.professions, |p| &p.id);
        let categories = index_of(&scenario.categories, |c| &c.id);
        let mut start = 0;
        let mut phase_start = Vec::new();
        let mut phase_length = Vec::new();
        for phase in &scenario.phases {
            phase_start.push(start);
            let length = minutes(phase.hours);
            phase_length.push(length);
            start += length;
        }
        let mut role_actions = vec![Vec::new(); scenario.roles.len()];
        for (a, action) in scenario.actions.iter().enumerate() {
            for role in &action.by {
                if let Some(&r) = roles.get(role) {
                    role_actions[r].push(a);
                }
            }
        }
        let phase_ids = index_of(&scenario.phases, |p| &p.id);
        let role_budget = scenario
            .roles
            .iter()
            .map(|r| {
                (0..scenario.phases.len())
                    .map(|p| {
                        let hours = r
                            .budget_by_phase
                            .iter()
                            .find(|b| phase_ids.get(&b.phase) == Some(&p))
                            .map_or(r.budget_hours, |b| b.hours);
                        minutes(hours)
                    })
                    .collect()
            })
            .collect();
        let mut case = Case {
            best_share: Vec::new(),
            frames: index_of(&rulebook.frames, |f| &f.id),
            acts: index_of(&rulebook.acts, |a| &a.id),
            situations: index_of(&rulebook.situations, |s| &s.id),
            situation_use: rulebook
                .situations
                .iter()
                .map(|situation| {
                    scenario
                        .situations
                        .iter()
                        .position(|u| u.situation == situation.id)
                })
                .collect(),
            role_profession: scenario
                .roles
                .iter()
                .map(|r| professions.get(&r.profession).copied().unwrap_or(0))
                .collect(),
            rulebook_file: rulebook_file.to_owned(),
            rulebook_text: rulebook_text.to_owned(),
            people: index_of(&scenario.people, |p| &p.id),
            clues: index_of(&scenario.clues, |c| &c.id),
            decisions: index_of(&scenario.decisions, |d| &d.id),
            phases: index_of(&scenario.phases, |p| &p.id),
            injects: index_of(&scenario.injects, |i| &i.id),
            indicators: index_of(&scenario.indicators, |i| &i.id),
            conclusions: index_of(&scenario.conclusions, |c| &c.id),
            orientations: index_of(&scenario.orientations, |o| &o.id),
            phase_start,
            phase_length,
            role_budget,
            action_cost: scenario
                .actions
                .iter()
                .map(|a| minutes(a.cost_hours))
                .collect(),
            role_actions,
            clue_class: scenario
                .clues
                .iter()
                .map(|c| classes.get(&c.class).copied().unwrap_or(0))
                .collect(),
            clue_relevant: scenario
                .clues
                .iter()
                .map(|c| !c.indicators.is_empty())
                .collect(),
            indicator_category: scenario
                .indicators
                .iter()
                .map(|i| categories.get(&i.category).copied().unwrap_or(0))
                .collect(),
            roles,
            actions,
            classes,
            categories,
            scenario,
            rulebook,
        };
        case.best_share = case.compute_best_shares();
        case
    }

    fn compute_best_shares(&self) -> RouteTable {
        let roles = self.scenario.roles.len();
        let possible = self.possible_situations();
        (0..self.rulebook.classes.len())
            .map(|class| {
                (0..roles)
                    .map(|from| {
                        (0..roles)
                            .map(|to| {
                                if from == to {
                                    return Vec::new();
                                }
                                let mut routes: Vec<ShareRoute> = self
                                    .rulebook
                                    .frames
                                    .iter()
                                    .enumerate()
                                    .filter(|(f, frame)| {
                                        frame.opened_by.is_none()
                                            && frame.in_situation(&possible).is_ok()
                                            && self.frame_between(*f, from, to).is_ok()
                                    })
                                    .map(|(f, _)| {
                                        (
                                            f,
                                            self.judge_class(f, class, true, from, to, &possible)
                                                .verdict,
                                        )
                                    })
                                    .filter(|(_, v)| *v != Verdict::Breach)
                                    .collect();
                                routes.sort_by_key(|(_, v)| *v);
                                routes
                            })
                            .collect()
                    })
                    .collect()
            })
            .collect()
    }

    /// The situations that hold at some time in this story: every one the
    /// case does not say never holds. Static analysis assumes them.
    pub fn possible_situations(&self) -> Vec<Id> {
        self.rulebook
            .situations
            .iter()
            .zip(&self.situation_use)
            .filter(|(_, used)| {
                used.is_some_and(|u| {
                    !matches!(
                        self.scenario.situations[u].holds,
                        crate::model::Holds::Never
                    )
                })
            })
            .map(|(s, _)| s.id.clone())
            .collect()
    }

    /// The frame that needs no act with the best verdict for sending a clue
    /// of `class` that supports indicators, among those open in the
    /// situations `holding` now, if any avoids a breach.
    pub fn best_share(
        &self,
        class: usize,
        from: usize,
        to: usize,
        holding: &[Id],
    ) -> Option<ShareRoute> {
        self.best_share[class][from][to]
            .iter()
            .filter(|(f, _)| self.rulebook.frames[*f].in_situation(holding).is_ok())
            .map(|&(f, _)| {
                (
                    f,
                    self.judge_class(f, class, true, from, to, holding).verdict,
                )
            })
            .filter(|(_, v)| *v != Verdict::Breach)
            .min_by_key(|(_, v)| *v)
    }

    /// Whether some frame that needs no act carries a clue of `class` from
    /// one role to another without a breach, in some moment of the story.
    pub fn shareable(&self, class: usize, from: usize, to: usize) -> bool {
        !self.best_share[class][from][to].is_empty()
    }

    /// The rulebook, with this case's overrides placed first.
    pub fn rulebook(&self) -> &Rulebook {
        &self.rulebook
    }

    /// The file the rulebook was read from and its text, so that a journal
    /// can keep the very rules a workshop was played under.
    pub fn rulebook_source(&self) -> (&str, &str) {
        (&self.rulebook_file, &self.rulebook_text)
    }

    /// Position of a frame in the rulebook.
    pub fn frame(&self, id: &str) -> Option<usize> {
        self.frames.get(id).copied()
    }

    /// Position of an act in the rulebook.
    pub fn act(&self, id: &str) -> Option<usize> {
        self.acts.get(id).copied()
    }

    /// Position of a situation in the rulebook.
    pub fn situation(&self, id: &str) -> Option<usize> {
        self.situations.get(id).copied()
    }

    /// A role's profession in the rulebook.
    pub fn profession_of(&self, role: usize) -> &crate::rulebook::Profession {
        &self.rulebook.professions[self.role_profession[role]]
    }

    fn party(&self, role: usize) -> Party<'_> {
        let profession = self.profession_of(role);
        Party {
            profession: &profession.id,
            secrecy: profession.secrecy,
        }
    }

    /// Whether a frame runs from one role to another, acts aside.
    pub fn frame_between(&self, frame: usize, from: usize, to: usize) -> Result<(), Closed> {
        self.rulebook.frames[frame]
            .between(&self.profession_of(from).id, &self.profession_of(to).id)
    }

    /// Whether a frame can ever carry a share from one role to another,
    /// situations aside: it runs between their professions and, when it
    /// answers an act, the recipient may issue that act to the sender.
    pub fn frame_reaches(&self, frame: usize, from: usize, to: usize) -> bool {
        if from == to || self.frame_between(frame, from, to).is_err() {
            return false;
        }
        let Some(act) = self.rulebook.frames[frame].opened_by.as_ref() else {
            return true;
        };
        self.rulebook.act(act.as_str()).is_some_and(|act| {
            act.by.contains(&self.profession_of(to).id)
                && (act.to.is_empty() || act.to.contains(&self.profession_of(from).id))
        })
    }

    /// Judges sending information of a class through a frame, with the
    /// situations that hold now.
    pub fn judge_class(
        &self,
        frame: usize,
        class: usize,
        relevant: bool,
        from: usize,
        to: usize,
        holding: &[Id],
    ) -> Judgement {
        let f: &Frame = &self.rulebook.frames[frame];
        f.judge(
            &self.rulebook.classes[class],
            relevant,
            self.party(from),
            &self.profession_of(to).id,
            holding,
        )
    }

    /// The scenario as written.
    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// Position of a role in `scenario().roles`.
    pub fn role(&self, id: &str) -> Option<usize> {
        self.roles.get(id).copied()
    }
    /// Position of a person.
    pub fn person(&self, id: &str) -> Option<usize> {
        self.people.get(id).copied()
    }
    /// Position of a clue.
    pub fn clue(&self, id: &str) -> Option<usize> {
        self.clues.get(id).copied()
    }
    /// Position of an action.
    pub fn action(&self, id: &str) -> Option<usize> {
        self.actions.get(id).copied()
    }
    /// Position of a decision.
    pub fn decision(&self, id: &str) -> Option<usize> {
        self.decisions.get(id).copied()
    }
    /// Position of a phase.
    pub fn phase(&self, id: &str) -> Option<usize> {
        self.phases.get(id).copied()
    }
    /// Position of an inject.
    pub fn inject(&self, id: &str) -> Option<usize> {
        self.injects.get(id).copied()
    }
    /// Position of an indicator.
    pub fn indicator(&self, id: &str) -> Option<usize> {
        self.indicators.get(id).copied()
    }
    /// Position of a category.
    pub fn category(&self, id: &str) -> Option<usize> {
        self.categories.get(id).copied()
    }
    /// Position of a confidentiality class.
    pub fn class(&self, id: &str) -> Option<usize> {
        self.classes.get(id).copied()
    }
    /// Position of a conclusion.
    pub fn conclusion(&self, id: &str) -> Option<usize> {
        self.conclusions.get(id).copied()
    }
    /// Position of an orientation.
    pub fn orientation(&self, id: &str) -> Option<usize> {
        self.orientations.get(id).copied()
    }

    /// When a phase starts, in minutes of scenario time.
    pub fn phase_start(&self, phase: usize) -> Minutes {
        self.phase_start[phase]
    }

    /// How long a phase lasts, in minutes.
    pub fn phase_length(&self, phase: usize) -> Minutes {
        self.phase_length[phase]
    }

    /// A role's budget in a phase, in minutes; 0 when off duty.
    pub fn role_budget(&self, role: usize, phase: usize) -> Minutes {
        self.role_budget[role][phase]
    }

    /// A role's largest budget in any phase, in minutes.
    pub fn max_budget(&self, role: usize) -> Minutes {
        self.role_budget[role].iter().copied().max().unwrap_or(0)
    }

    /// A decision's cost, in minutes.
    pub fn decision_cost(&self, decision: usize) -> Minutes {
        minutes(self.scenario.decisions[decision].cost_hours)
    }

    /// An action's cost, in minutes.
    pub fn action_cost(&self, action: usize) -> Minutes {
        self.action_cost[action]
    }

    /// The actions a role may take, by position.
    pub fn role_actions(&self, role: usize) -> &[usize] {
        &self.role_actions[role]
    }

    /// Whether a role holds the power to take a decision.
    pub fn has_power(&self, role: usize, decision: usize) -> bool {
        let id = &self.scenario.decisions[decision].id;
        self.scenario.roles[role].powers.contains(id)
    }

    /// The minute by which a deadline falls due.
    pub fn deadline_minutes(&self, deadline: &crate::model::Deadline) -> Minutes {
        match deadline {
            crate::model::Deadline::EndOfPhase(phase) => {
                let p = self.phase(phase.as_str()).unwrap_or(0);
                self.phase_start[p] + self.phase_length[p]
            }
            crate::model::Deadline::WithinHours(hours) => minutes(*hours),
        }
    }

    /// Judges sending one clue from one role to another through a frame,
    /// the frame being open between them, with the situations that hold now.
    pub fn judge(
        &self,
        clue: usize,
        frame: usize,
        from: usize,
        to: usize,
        holding: &[Id],
    ) -> Judgement {
        self.judge_class(
            frame,
            self.clue_class[clue],
            self.clue_relevant[clue],
            from,
            to,
            holding,
        )
    }
}
