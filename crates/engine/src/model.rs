//! The scenario format: what an author writes in a `.ron` file.
//!
//! `docs/authoring.md` documents every field; keep the two in step.

use serde::{Deserialize, Serialize};

use crate::id::Id;
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

/// One practical case, as written in one `.ron` file.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Short snake_case id of the case.
    pub id: Id,
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
    /// Confidentiality classes that clues belong to.
    pub confidentiality: Vec<ConfidentialityClass>,
    /// Which class may go to which profession through which channel.
    #[serde(default)]
    pub sharing_rules: Vec<SharingRule>,
    /// Verdict of a share that no rule covers.
    #[serde(default = "Verdict::breach")]
    pub unmatched_share: Verdict,
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
    /// Events released by the trainer, a phase or a trigger.
    #[serde(default)]
    pub injects: Vec<Inject>,
    /// The timeline of the case.
    pub phases: Vec<Phase>,
    /// Points the debrief raises.
    #[serde(default)]
    pub teaching_points: Vec<TeachingPoint>,
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

/// A profession as it appears in the sharing rules.
#[allow(missing_docs)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub enum Profession {
    Educator,
    SocialWorker,
    HeadOfService,
    CripWorker,
    Prosecutor,
    ChildrenJudge,
    Police,
    Gendarme,
    BorderPolice,
    AdHocAdministrator,
    AssociationWorker,
    OutreachWorker,
    SchoolNurse,
    SchoolStaff,
    Doctor,
    MinorsEvaluator,
    Other,
}

/// A role that one trainee plays.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// Id of the role.
    pub id: Id,
    /// Its profession, which the sharing rules use.
    pub profession: Profession,
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

/// A confidentiality class, such as medical or judicial information.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ConfidentialityClass {
    /// Id of the class.
    pub id: Id,
    /// Its name.
    pub name: Text,
    /// What belongs to it.
    #[serde(default)]
    pub description: Option<Text>,
}

/// The legal channel through which information travels.
#[allow(missing_docs)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub enum Channel {
    /// Between professionals bound by secrecy (CASF L226-2-2).
    SecretPartage,
    /// To the CRIP of the département (CASF L226-3).
    InformationPreoccupante,
    /// To the prosecutor (CASF L226-4, Code pénal 226-14).
    Signalement,
    /// A judicial requisition.
    Requisition,
    /// A hearing.
    Hearing,
    /// An informal conversation, outside any legal frame.
    Informal,
}

impl Channel {
    /// Every channel, in the order the share dialog lists them.
    pub const ALL: [Channel; 6] = [
        Channel::SecretPartage,
        Channel::InformationPreoccupante,
        Channel::Signalement,
        Channel::Requisition,
        Channel::Hearing,
        Channel::Informal,
    ];
}

/// Why a role shares.
#[allow(missing_docs)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub enum Purpose {
    /// To evaluate the situation of the child.
    Evaluate,
    /// To set up or adapt protection.
    Protect,
    /// For a criminal investigation.
    Investigate,
    /// To coordinate who does what.
    Coordinate,
}

impl Purpose {
    /// Every purpose.
    pub const ALL: [Purpose; 4] = [
        Purpose::Evaluate,
        Purpose::Protect,
        Purpose::Investigate,
        Purpose::Coordinate,
    ];
}

/// How a share is judged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub enum Verdict {
    /// The law allows it.
    Allowed,
    /// The law allows it under conditions the sender must check.
    Caution,
    /// A breach of secrecy. Not blocked, but recorded for the debrief.
    Breach,
}

impl Verdict {
    fn breach() -> Verdict {
        Verdict::Breach
    }
}

/// A rule that judges shares. The first rule that matches a share decides.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SharingRule {
    /// Confidentiality classes the rule covers; empty means every class.
    #[serde(default)]
    pub classes: Vec<Id>,
    /// Professions of the sender; empty means any.
    #[serde(default)]
    pub from: Vec<Profession>,
    /// Professions of the recipient; empty means any.
    #[serde(default)]
    pub to: Vec<Profession>,
    /// Channels the rule covers; empty means every channel.
    #[serde(default)]
    pub channels: Vec<Channel>,
    /// Purposes the rule covers; empty means any purpose.
    #[serde(default)]
    pub purposes: Vec<Purpose>,
    /// The verdict.
    pub verdict: Verdict,
    /// The legal basis, such as "CASF L226-2-2".
    pub basis: String,
    /// Why, in words a trainee understands.
    pub explanation: Text,
    /// Only what is strictly necessary may be shared under this rule: a clue
    /// that supports no indicator turns an allowed share into a caution.
    #[serde(default)]
    pub strictly_necessary: bool,
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
    /// Its confidentiality class.
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
    /// The acting role knows this clue.
    Knows(Id),
    /// Someone at the table has taken this decision.
    Decided(Id),
    /// The case has reached this phase.
    FromPhase(Id),
    /// The acting role has already taken this action.
    Done(Id),
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
    #[serde(default)]
    pub basis: Option<String>,
    /// Conditions that must hold.
    #[serde(default)]
    pub requires: Vec<Condition>,
    /// What happens when it is taken.
    #[serde(default)]
    pub effects: Vec<Effect>,
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
    /// Some role fell into the trap of this clue.
    TrapFallen(Id),
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
