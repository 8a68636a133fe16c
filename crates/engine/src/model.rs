//! The scenario format: what an author writes in a `.ron` file.
//!
//! `docs/authoring.md` documents every field; keep the two in step.

use serde::{Deserialize, Serialize};

use crate::id::Id;
use crate::rulebook::Override;
pub use crate::rulebook::Verdict;
use crate::text::{Lang, Text};

fn default_languages() -> Vec<Lang> {
    vec!["fr".to_owned(), "en".to_owned()]
}
fn default_duration() -> u32 {
    120
}
fn default_budget() -> f32 {
    8.0
}
fn default_cost() -> f32 {
    1.0
}
fn default_phase_hours() -> f32 {
    24.0
}
fn one() -> u32 {
    1
}
fn yes() -> bool {
    true
}

/// One practical case, as written in one `.ron` file.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Short snake_case id of the case.
    pub id: Id,
    /// The rulebook whose professions, kinds of information, acts and
    /// frames the case uses, such as "france".
    pub rulebook: Id,
    /// Changes to the rulebook for this case's story, each with its reason.
    #[serde(default)]
    pub overrides: Vec<Override>,
    /// Languages the case is written in; French and English are required.
    #[serde(default = "default_languages")]
    pub languages: Vec<Lang>,
    /// Title shown in the case picker.
    pub title: Text,
    /// A synopsis for the case picker that spoils nothing.
    pub summary: Text,
    /// What the case deals with, shown before it starts.
    pub content_note: Text,
    /// What trainees should learn.
    #[serde(default)]
    pub objectives: Vec<Text>,
    /// Expected length of a workshop table, in minutes of real time.
    #[serde(default = "default_duration")]
    pub duration_minutes: u32,
    /// Indicator lists and legal texts the case relies on.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// Categories of indicators, such as "recruitment" or "control".
    pub categories: Vec<Category>,
    /// The indicators that clues support.
    pub indicators: Vec<Indicator>,
    /// The professions at the table.
    pub roles: Vec<Role>,
    /// The young person and the people around them.
    #[serde(default)]
    pub people: Vec<Person>,
    /// Conditions this case puts on issuing the rulebook's acts.
    #[serde(default)]
    pub acts: Vec<ActUse>,
    /// When each of the rulebook's situations holds in this story.
    #[serde(default)]
    pub situations: Vec<SituationUse>,
    /// Facts that roles can uncover.
    pub clues: Vec<Clue>,
    /// Ways for roles to uncover clues.
    pub actions: Vec<Action>,
    /// Powers that roles exercise.
    #[serde(default)]
    pub decisions: Vec<Decision>,
    /// What the table may conclude the situation is.
    pub conclusions: Vec<ConclusionOption>,
    /// Orientations the table may choose with its conclusion.
    #[serde(default)]
    pub orientations: Vec<Orientation>,
    /// The answer, used by the debrief and the bots, never shown to trainees.
    pub solution: Solution,
    /// Shares that tempt a professional outside the law, for the debrief
    /// and `simulate`.
    #[serde(default)]
    pub share_traps: Vec<ShareTrap>,
    /// Events released by the trainer, a phase or a trigger.
    #[serde(default)]
    pub injects: Vec<Inject>,
    /// The timeline of the case.
    pub phases: Vec<Phase>,
    /// Points the debrief raises.
    #[serde(default)]
    pub teaching_points: Vec<TeachingPoint>,
    /// How the table adopts a conclusion.
    #[serde(default)]
    pub adoption: Adoption,
}

/// How the table adopts a conclusion.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
pub enum Adoption {
    /// Every role endorses it.
    #[default]
    Unanimity,
    /// More than half of the roles endorse it, the proposer included.
    Majority,
}

/// A reference the case is built on.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The reference as it would be cited.
    pub title: String,
    /// What the case takes from it.
    #[serde(default)]
    pub used_for: String,
    /// Where to read it.
    #[serde(default)]
    pub url: Option<String>,
}

/// A category of indicators.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    /// Id of the category.
    pub id: Id,
    /// Its name.
    pub name: Text,
    /// What it covers.
    #[serde(default)]
    pub description: Option<Text>,
}

/// One identification indicator.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Id of the indicator.
    pub id: Id,
    /// The category it belongs to.
    pub category: Id,
    /// Its name.
    pub name: Text,
    /// The list it comes from, such as "UNODC".
    #[serde(default)]
    pub source: Option<String>,
}

/// A role that one trainee plays.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// Id of the role.
    pub id: Id,
    /// Its profession, from the rulebook.
    pub profession: Id,
    /// Name shown on the role card.
    pub name: Text,
    /// Mission and starting situation.
    pub brief: Text,
    /// Decisions this role may take.
    #[serde(default)]
    pub powers: Vec<Id>,
    /// Duties of secrecy that bind this role.
    pub secrecy: Text,
    /// Hours of work this role has in each phase.
    #[serde(default = "default_budget")]
    pub budget_hours: f32,
    /// Hours of work in named phases, instead of `budget_hours`; 0 means
    /// off duty in that phase.
    #[serde(default)]
    pub budget_by_phase: Vec<PhaseBudget>,
}

/// A role's budget in one phase.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PhaseBudget {
    /// The phase.
    pub phase: Id,
    /// Hours of work in it; 0 means off duty.
    pub hours: f32,
}

/// Conditions on issuing one of the rulebook's acts in this case.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ActUse {
    /// The act.
    pub act: Id,
    /// Roles that may issue it here; empty means every role whose
    /// profession the rulebook allows.
    #[serde(default)]
    pub by: Vec<Id>,
    /// Conditions that must hold before it is issued.
    #[serde(default)]
    pub requires: Vec<Condition>,
    /// Why, for the debrief and for a trainee who cannot issue it yet.
    #[serde(default)]
    pub why: Option<Text>,
}

/// When one of the rulebook's situations holds in this case's story.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SituationUse {
    /// The situation, from the rulebook.
    pub situation: Id,
    /// When it holds.
    pub holds: Holds,
    /// Why, for trainers reading the case.
    #[serde(default)]
    pub note: Option<Text>,
}

/// When a situation holds in a story.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub enum Holds {
    /// Never in this story, such as a runaway where nobody has run away.
    Never,
    /// From the start to the end.
    Always,
    /// While the condition holds for the table (for some role, when the
    /// condition is about what a role knows or did).
    When(Condition),
}

/// A share a trap or a teaching point is bound to: this clue (or kind of
/// information) to this role (or profession), through this frame or any
/// frame, judged at least this severely.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ShareBinding {
    /// The clue shared; none means any clue of `class`.
    #[serde(default)]
    pub clue: Option<Id>,
    /// The kind of information, when no clue is named.
    #[serde(default)]
    pub class: Option<Id>,
    /// The recipient role; none means any role of `profession`.
    #[serde(default)]
    pub to: Option<Id>,
    /// The recipient's profession, when no role is named; none of either
    /// means anyone.
    #[serde(default)]
    pub profession: Option<Id>,
    /// The frame; none means any frame.
    #[serde(default)]
    pub frame: Option<Id>,
    /// The least severe verdict that counts.
    #[serde(default = "caution")]
    pub at_least: Verdict,
}

fn caution() -> Verdict {
    Verdict::Caution
}

/// A share that tempts a professional outside the law.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ShareTrap {
    /// Id of the trap, which teaching points name in `TrapFallen(…)`.
    pub id: Id,
    /// The share that springs it.
    pub share: ShareBinding,
    /// Why it tempts and why it is wrong, for the debrief.
    pub note: Text,
}

/// A person in the case: the young person or an adult around them.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Id of the person.
    pub id: Id,
    /// Name or description used to refer to them.
    pub name: Text,
    /// What any role knows of them at the start.
    pub description: Text,
    /// Trust in the professionals at the start, from 0 to 5.
    #[serde(default)]
    pub trust: i32,
}

/// A weight that a clue gives an indicator.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Support {
    /// The indicator.
    pub indicator: Id,
    /// How strongly the clue supports it, from 1 to 5.
    #[serde(default = "one")]
    pub weight: u32,
}

/// A clue that invites a wrong inference or a prejudice.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Trap {
    /// Why it misleads, for the debrief.
    pub note: Text,
    /// The wrong conclusion it leads to, if any.
    #[serde(default)]
    pub leads_to: Option<Id>,
}

/// A fact that a role can uncover.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Clue {
    /// Id of the clue.
    pub id: Id,
    /// The fact, as the role reads it.
    pub text: Text,
    /// Indicators it supports.
    #[serde(default)]
    pub indicators: Vec<Support>,
    /// Its kind of information, from the rulebook.
    pub class: Id,
    /// Roles that know it from the start.
    #[serde(default)]
    pub known_to: Vec<Id>,
    /// Set when the clue is a trap.
    #[serde(default)]
    pub trap: Option<Trap>,
}

/// A condition that must hold before an action or decision.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub enum Condition {
    /// Every condition holds.
    All(Vec<Condition>),
    /// At least one condition holds.
    Any(Vec<Condition>),
    /// The condition does not hold.
    Not(Box<Condition>),
    /// The case is between these two phases, both included.
    During {
        /// The first phase.
        from: Id,
        /// The last phase.
        to: Id,
    },
    /// This clue has been shared to this role (by anyone, through any frame).
    SharedTo {
        /// The clue.
        clue: Id,
        /// The role.
        to: Id,
    },
    /// This clue has been shared to this role by this sender, through this
    /// frame: a route ("the nurse told the adviser under shared secrecy").
    /// `from` and `through` may be left out (any sender, any frame).
    SharedBy {
        /// The clue.
        clue: Id,
        /// The sender; any if left out.
        #[serde(default)]
        from: Option<Id>,
        /// The recipient (also one that received the copy the frame owes).
        to: Id,
        /// The frame; any if left out.
        #[serde(default)]
        through: Option<Id>,
    },
    /// Someone at the table has issued this act of the rulebook.
    Issued(Id),
    /// Someone has shared through this frame of the rulebook.
    SharedThrough(Id),
    /// The acting role knows this clue.
    Knows(Id),
    /// Someone at the table has taken this decision.
    Decided(Id),
    /// The case has reached this phase.
    FromPhase(Id),
    /// The acting role has already taken this action.
    Done(Id),
    /// This inject has been released.
    Released(Id),
    /// This situation of the rulebook holds in the story now.
    Situation(Id),
    /// A person's trust is at least this level.
    Trust {
        /// The person.
        person: Id,
        /// The minimum level, from 0 to 5.
        at_least: i32,
    },
}

/// The kind of an action, for icons and the debrief.
#[allow(missing_docs)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
pub enum ActionKind {
    Interview,
    Observe,
    ConsultFile,
    Outreach,
    MedicalCheck,
    Hearing,
    Requisition,
    Meeting,
    #[default]
    Other,
}

/// One possible outcome of an uncertain action.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    /// Relative chance of this outcome.
    #[serde(default = "one")]
    pub weight: u32,
    /// What happens, as the role reads it.
    #[serde(default)]
    pub text: Option<Text>,
    /// Clues uncovered.
    #[serde(default)]
    pub reveals: Vec<Id>,
    /// Change in the trust of the action's person.
    #[serde(default)]
    pub trust: i32,
}

/// A way for a role to uncover clues.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// Id of the action.
    pub id: Id,
    /// Roles that may take it.
    pub by: Vec<Id>,
    /// Its name.
    pub name: Text,
    /// What the role does.
    #[serde(default)]
    pub description: Option<Text>,
    /// Its kind.
    #[serde(default)]
    pub kind: ActionKind,
    /// Hours of the role's budget it takes.
    #[serde(default = "default_cost")]
    pub cost_hours: f32,
    /// The person it engages, whose trust may change.
    #[serde(default)]
    pub person: Option<Id>,
    /// Conditions that must hold.
    #[serde(default)]
    pub requires: Vec<Condition>,
    /// Clues always uncovered.
    #[serde(default)]
    pub reveals: Vec<Id>,
    /// Change in the trust of the person, always applied.
    #[serde(default)]
    pub trust: i32,
    /// Uncertain outcomes; one is drawn by weight.
    #[serde(default)]
    pub outcomes: Vec<Outcome>,
    /// Whether the role may take it again.
    #[serde(default)]
    pub repeatable: bool,
    /// Phases in which it may be taken, both included; none means any.
    #[serde(default)]
    pub phases: Option<(Id, Id)>,
    /// Whether it is available from the start; an effect may enable it.
    #[serde(default = "yes")]
    pub enabled: bool,
}

/// What a decision or inject does to the case.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub enum Effect {
    /// Roles learn a clue; an empty list means the acting role.
    Reveal {
        /// The clue.
        clue: Id,
        /// The roles who learn it.
        #[serde(default)]
        to: Vec<Id>,
    },
    /// A person's trust changes.
    Trust {
        /// The person.
        person: Id,
        /// The change.
        change: i32,
    },
    /// An action or decision becomes available.
    Enable(Id),
    /// An action or decision stops being available.
    Disable(Id),
    /// A role's remaining time in the current phase changes, in hours.
    Budget {
        /// The role.
        role: Id,
        /// Hours added, or removed when negative.
        hours: f32,
    },
    /// The effects happen only if the condition holds, judged for the role
    /// that acts (or the first role the effect reaches).
    If {
        /// The condition.
        condition: Condition,
        /// The effects.
        then: Vec<Effect>,
    },
}

/// A power that a role exercises.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// Id of the decision.
    pub id: Id,
    /// Its name.
    pub name: Text,
    /// What it does, in plain language.
    pub description: Text,
    /// Its legal basis.
    #[serde(default, deserialize_with = "crate::text::citation_opt")]
    pub basis: Option<Text>,
    /// Conditions that must hold.
    #[serde(default)]
    pub requires: Vec<Condition>,
    /// What happens when it is taken.
    #[serde(default)]
    pub effects: Vec<Effect>,
    /// Hours of the deciding role's budget it takes.
    #[serde(default)]
    pub cost_hours: f32,
    /// Phases in which it may be taken, both included; none means any.
    #[serde(default)]
    pub phases: Option<(Id, Id)>,
    /// Whether it is available from the start; an effect may enable it.
    #[serde(default = "yes")]
    pub enabled: bool,
}

/// A conclusion the table may adopt.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ConclusionOption {
    /// Id of the conclusion.
    pub id: Id,
    /// Its name.
    pub name: Text,
    /// What it means.
    #[serde(default)]
    pub description: Option<Text>,
    /// A reading under which the young person needs no protection as a
    /// victim: no danger, a consenting relationship, an adult, an offender.
    /// Bots never propose or approve such a reading once their own bundle
    /// shows danger, nor end the game on it after the table took a decision.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub no_protection: bool,
}

/// An orientation the table may choose with its conclusion.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Orientation {
    /// Id of the orientation.
    pub id: Id,
    /// Its name.
    pub name: Text,
    /// What it means.
    #[serde(default)]
    pub description: Option<Text>,
}

/// A minimum weight of indicators in one category.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    /// The category.
    pub category: Id,
    /// The minimum total weight of the table's bundle in it.
    pub min_weight: u32,
}

/// When an expected decision is due.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub enum Deadline {
    /// Before the end of this phase.
    EndOfPhase(Id),
    /// Within this many hours of scenario time from the start.
    WithinHours(f32),
}

/// A decision the table is expected to take.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectedDecision {
    /// The decision.
    pub decision: Id,
    /// When it is due.
    #[serde(default)]
    pub deadline: Option<Deadline>,
    /// Other decisions that meet the expectation as well.
    #[serde(default)]
    pub alternatives: Vec<Id>,
    /// Decisions that meet it in part: acceptable, but not what was expected.
    #[serde(default)]
    pub acceptable: Vec<Id>,
}

/// A share the table is expected to make.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct KeyShare {
    /// The clue.
    pub clue: Id,
    /// The role that should receive it.
    pub to: Id,
}

/// The answer to the case.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Solution {
    /// The correct conclusion.
    pub conclusion: Id,
    /// The expected orientation, if any.
    #[serde(default)]
    pub orientation: Option<Id>,
    /// The bundle that justifies the conclusion.
    #[serde(default)]
    pub bundle: Vec<Requirement>,
    /// Decisions the table should take.
    #[serde(default)]
    pub expected_decisions: Vec<ExpectedDecision>,
    /// Shares the table should make.
    #[serde(default)]
    pub key_shares: Vec<KeyShare>,
    /// Other conclusions that are acceptable, for partial credit.
    #[serde(default)]
    pub acceptable_conclusions: Vec<Id>,
}

impl Solution {
    /// Whether a table that adopted `conclusion` reached what the case
    /// expects: the solution's conclusion or one it accepts in part.
    pub fn accepts(&self, conclusion: &Id) -> bool {
        *conclusion == self.conclusion || self.acceptable_conclusions.contains(conclusion)
    }
}

/// What releases an inject.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub enum Trigger {
    /// The trainer releases it.
    #[default]
    Trainer,
    /// Released when this phase starts.
    AtPhase(Id),
    /// Released when this phase ends and the decision has not been taken.
    IfNotDecided {
        /// The decision awaited.
        decision: Id,
        /// The phase by whose end it was due.
        by: Id,
    },
    /// Released as soon as this decision is taken.
    AfterDecision(Id),
    /// Released as soon as the condition holds (judged for the table: a
    /// role-specific condition holds if it holds for any role).
    When(Condition),
    /// Released when this phase ends and the condition does not hold, such
    /// as "neither 17 nor 119 by the end of the night".
    IfNotBy {
        /// The condition awaited.
        condition: Condition,
        /// The phase by whose end it was due.
        by: Id,
    },
}

/// An event that changes the case while it runs.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Inject {
    /// Id of the inject.
    pub id: Id,
    /// Its name, as the trainer sees it.
    pub name: Text,
    /// What the roles read.
    pub text: Text,
    /// Roles who read it; empty means everyone.
    #[serde(default)]
    pub to: Vec<Id>,
    /// What releases it.
    #[serde(default)]
    pub trigger: Trigger,
    /// What it changes.
    #[serde(default)]
    pub effects: Vec<Effect>,
}

/// A period of the case, such as "Day 1, evening".
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    /// Id of the phase.
    pub id: Id,
    /// Its name.
    pub name: Text,
    /// What is happening.
    #[serde(default)]
    pub description: Option<Text>,
    /// How long it lasts in scenario time.
    #[serde(default = "default_phase_hours")]
    pub hours: f32,
}

/// When the debrief raises a teaching point.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub enum When {
    /// Always.
    #[default]
    Always,
    /// Some role fell into this trap: a clue's trap, or a share trap.
    TrapFallen(Id),
    /// Someone made this share.
    Shared(ShareBinding),
    /// This expected decision was missing or late.
    DecisionMissed(Id),
    /// Any share was a breach.
    AnyBreach,
    /// This clue never reached this role.
    NotShared {
        /// The clue.
        clue: Id,
        /// The role.
        to: Id,
    },
    /// The table's conclusion was wrong or missing.
    WrongConclusion,
}

/// A point the debrief raises.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TeachingPoint {
    /// Id of the point.
    pub id: Id,
    /// Short title.
    pub title: Text,
    /// The point itself.
    pub text: Text,
    /// When it is raised.
    #[serde(default)]
    pub when: When,
}
