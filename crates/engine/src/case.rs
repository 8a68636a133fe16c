//! A validated scenario with its lookup tables, ready to be played.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::id::Id;
use crate::model::{Channel, Profession, Purpose, Scenario, SharingRule, Verdict};
use crate::text::Text;

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

/// The best legal way to send a clue from one role to another.
pub type ShareRoute = (Channel, Purpose, Verdict);

/// Best routes by class, sender and recipient.
type RouteTable = Vec<Vec<Vec<Option<ShareRoute>>>>;

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
    pub(crate) phase_start: Vec<Minutes>,
    pub(crate) phase_length: Vec<Minutes>,
    pub(crate) role_budget: Vec<Minutes>,
    pub(crate) action_cost: Vec<Minutes>,
    pub(crate) role_actions: Vec<Vec<usize>>,
    pub(crate) clue_class: Vec<usize>,
    pub(crate) clue_relevant: Vec<bool>,
    pub(crate) indicator_category: Vec<usize>,
    /// For each class, sender and recipient: the legal channel and purpose
    /// with the best verdict for a clue that supports indicators.
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
    /// Indexes a scenario. The scenario must have passed validation.
    pub(crate) fn new(scenario: Scenario) -> Case {
        let roles = index_of(&scenario.roles, |r| &r.id);
        let actions = index_of(&scenario.actions, |a| &a.id);
        let classes = index_of(&scenario.confidentiality, |c| &c.id);
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
        let mut case = Case {
            best_share: Vec::new(),
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
            role_budget: scenario
                .roles
                .iter()
                .map(|r| minutes(r.budget_hours))
                .collect(),
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
        };
        case.best_share = case.compute_best_shares();
        case
    }

    fn compute_best_shares(&self) -> RouteTable {
        let roles = self.scenario.roles.len();
        (0..self.scenario.confidentiality.len())
            .map(|class| {
                let class_id = &self.scenario.confidentiality[class].id;
                (0..roles)
                    .map(|from| {
                        (0..roles)
                            .map(|to| {
                                let mut best: Option<ShareRoute> = None;
                                for channel in Channel::ALL {
                                    for purpose in Purpose::ALL {
                                        let verdict = self
                                            .verdict_for(class_id, true, from, to, channel, purpose)
                                            .verdict;
                                        if best.is_none_or(|(_, _, v)| verdict < v) {
                                            best = Some((channel, purpose, verdict));
                                        }
                                    }
                                }
                                best.filter(|(_, _, v)| from != to && *v != Verdict::Breach)
                            })
                            .collect()
                    })
                    .collect()
            })
            .collect()
    }

    /// The legal channel and purpose with the best verdict for sending a clue
    /// of `class` that supports indicators, if any avoids a breach.
    pub fn best_share(&self, class: usize, from: usize, to: usize) -> Option<ShareRoute> {
        self.best_share[class][from][to]
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

    /// A role's budget per phase, in minutes.
    pub fn role_budget(&self, role: usize) -> Minutes {
        self.role_budget[role]
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

    /// Judges sending one clue from one role to another through a channel.
    ///
    /// The first sharing rule that matches decides. A rule marked
    /// `strictly_necessary` turns an allowed share of a clue that supports no
    /// indicator into a caution.
    pub fn judge(
        &self,
        clue: usize,
        from: usize,
        to: usize,
        channel: Channel,
        purpose: Purpose,
    ) -> Judgement {
        let class = &self.scenario.confidentiality[self.clue_class[clue]].id;
        self.verdict_for(class, self.clue_relevant[clue], from, to, channel, purpose)
    }

    fn verdict_for(
        &self,
        class: &Id,
        relevant: bool,
        from: usize,
        to: usize,
        channel: Channel,
        purpose: Purpose,
    ) -> Judgement {
        let sender = self.scenario.roles[from].profession;
        let recipient = self.scenario.roles[to].profession;
        match matching_rule(
            &self.scenario.sharing_rules,
            class,
            sender,
            recipient,
            channel,
            purpose,
        ) {
            Some(index) => {
                let rule = &self.scenario.sharing_rules[index];
                let unnecessary = rule.strictly_necessary && !relevant;
                let verdict = if unnecessary && rule.verdict == Verdict::Allowed {
                    Verdict::Caution
                } else {
                    rule.verdict
                };
                Judgement {
                    verdict,
                    rule: Some(index),
                    not_strictly_necessary: unnecessary,
                }
            }
            None => Judgement {
                verdict: self.scenario.unmatched_share,
                rule: None,
                not_strictly_necessary: false,
            },
        }
    }
}

/// Why a share that no rule covers gets the case's default verdict.
pub fn unmatched_explanation() -> Text {
    Text::fr_en(
        "Aucune règle de ce cas ne prévoit ce partage : il n'a pas de base légale.",
        "No rule of this case provides for this share: it has no legal basis.",
    )
}

/// The position of the first rule that covers a share, if any.
pub fn matching_rule(
    rules: &[SharingRule],
    class: &Id,
    sender: Profession,
    recipient: Profession,
    channel: Channel,
    purpose: Purpose,
) -> Option<usize> {
    rules.iter().position(|rule| {
        (rule.classes.is_empty() || rule.classes.contains(class))
            && covers(&rule.from, sender)
            && covers(&rule.to, recipient)
            && (rule.channels.is_empty() || rule.channels.contains(&channel))
            && (rule.purposes.is_empty() || rule.purposes.contains(&purpose))
    })
}

fn covers(professions: &[Profession], profession: Profession) -> bool {
    professions.is_empty() || professions.contains(&profession)
}

/// How the rules judge one clue sent to one role.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Judgement {
    /// The verdict.
    pub verdict: Verdict,
    /// Position of the rule that decided, or none when no rule matched.
    pub rule: Option<usize>,
    /// The rule asks for strict necessity and the clue supports no indicator.
    pub not_strictly_necessary: bool,
}
