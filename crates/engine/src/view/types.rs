//! A role's view as data: its card, the table, what it knows and where
//! each clue came from, what it may do, what it shared and received, the
//! discussion, and the preview of a share's verdict.

use crate::case::Minutes;
use crate::id::Id;
use crate::model::{ActionKind, Adoption, Category, ConclusionOption, Indicator, Orientation};
use crate::refusal::Refusal;
use crate::rulebook::{
    ActKind, Closed, Frame, InfoClass, Party, Profession, Secrecy, Situation, Verdict,
};
use crate::session::{Discovery, Status};
use crate::text::Text;
use serde::{Deserialize, Serialize};

/// A role's card.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoleCard {
    /// Id of the role.
    pub id: Id,
    /// Its profession in the rulebook.
    pub profession: Id,
    /// The secrecy regime of that profession.
    pub secrecy_regime: Secrecy,
    /// Its name.
    pub name: Text,
    /// Mission and starting situation.
    pub brief: Text,
    /// Duties of secrecy.
    pub secrecy: Text,
    /// Minutes of work per phase.
    pub budget: Minutes,
}

/// Another role at the table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Colleague {
    /// Id of the role.
    pub id: Id,
    /// Its profession in the rulebook.
    pub profession: Id,
    /// Its name.
    pub name: Text,
}

/// The current phase.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PhaseView {
    /// Id of the phase.
    pub id: Id,
    /// Its name.
    pub name: Text,
    /// What is happening.
    pub description: Option<Text>,
    /// Its position, from 0.
    pub index: usize,
    /// How many phases the case has.
    pub count: usize,
    /// When it starts, in minutes of scenario time.
    pub starts_at: Minutes,
    /// How long it lasts.
    pub length: Minutes,
}

/// A person as the role sees them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PersonView {
    /// Id of the person.
    pub id: Id,
    /// Their name.
    pub name: Text,
    /// What is known of them.
    pub description: Text,
    /// Their trust in the professionals, from 0 to 5.
    pub trust: i32,
}

/// How a role came to know a clue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Provenance {
    /// Discovered by the role's own means.
    Discovered(Discovery),
    /// Received from another role.
    Received {
        /// The sender.
        from: Id,
        /// The frame it came through.
        frame: Id,
    },
}

/// A clue the role knows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KnownClue {
    /// Id of the clue.
    pub id: Id,
    /// The fact.
    pub text: Text,
    /// Its confidentiality class.
    pub class: Id,
    /// When the role first learned it.
    pub learned_at: Minutes,
    /// Every way the role learned it.
    pub provenance: Vec<Provenance>,
    /// Indicators the role tagged it with.
    pub tags: Vec<Id>,
}

/// An action the role may take.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActionView {
    /// Id of the action.
    pub id: Id,
    /// Its name.
    pub name: Text,
    /// What the role does.
    pub description: Option<Text>,
    /// Its kind.
    pub kind: ActionKind,
    /// Its cost in minutes.
    pub cost: Minutes,
    /// The person it engages.
    pub person: Option<Id>,
    /// How many times the role took it.
    pub taken: u32,
    /// Why it cannot be taken now, if so.
    pub blocked: Option<Refusal>,
}

/// What an action the role took gave.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActionResult {
    /// When.
    pub at: Minutes,
    /// The action.
    pub action: Id,
    /// The outcome's text, if the action had uncertain outcomes.
    pub text: Option<Text>,
    /// The clues it revealed.
    pub revealed: Vec<Id>,
}

/// A decision within the role's powers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DecisionView {
    /// Id of the decision.
    pub id: Id,
    /// Its name.
    pub name: Text,
    /// What it does.
    pub description: Text,
    /// Its legal basis.
    pub basis: Option<Text>,
    /// Why it cannot be taken now, if so.
    pub blocked: Option<Refusal>,
}

/// A decision taken at the table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TakenDecision {
    /// The decision.
    pub decision: Id,
    /// Its name.
    pub name: Text,
    /// The role that took it.
    pub by: Id,
    /// When.
    pub at: Minutes,
}

/// A share as sender or recipient sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ShareView {
    /// When.
    pub at: Minutes,
    /// The sender.
    pub from: Id,
    /// The recipients.
    pub to: Vec<Id>,
    /// The clues.
    pub clues: Vec<Id>,
    /// The frame it went through.
    pub frame: Id,
    /// The act it answered, if the frame needs one.
    pub act: Option<u32>,
    /// Roles at the table that received the copy the frame requires.
    pub copies: Vec<Id>,
    /// Professions owed a copy that have no role at the table.
    pub copies_outside: Vec<Id>,
    /// The worst verdict, shown to the sender only.
    pub verdict: Option<Verdict>,
}

/// An act issued by or to the role.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActView {
    /// Its number.
    pub number: u32,
    /// The act.
    pub act: Id,
    /// Who issued it.
    pub by: Id,
    /// Who it is addressed to.
    pub to: Id,
    /// The kinds of information it covers.
    pub scope: Vec<Id>,
    /// When.
    pub at: Minutes,
    /// Whether the addressee declined it, and why.
    pub declined: Option<String>,
    /// Whether the addressee has answered it through its frame.
    pub answered: bool,
}

impl ActView {
    /// Whether the act covers a kind of information: an act with no scope
    /// covers every kind.
    pub fn covers(&self, class: &Id) -> bool {
        self.scope.is_empty() || self.scope.contains(class)
    }
}

/// Whether a frame is open from the role to a colleague now.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RouteView {
    /// The colleague.
    pub to: Id,
    /// The frame.
    pub frame: Id,
    /// Why it is closed, if so.
    pub closed: Option<Closed>,
    /// The act that opens it, with its scope, when it needs one.
    pub act: Option<(u32, Vec<Id>)>,
}

/// An act the role may issue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IssuableView {
    /// The act.
    pub act: Id,
    /// Colleagues it may be addressed to.
    pub to: Vec<Id>,
    /// Why it cannot be issued now, if so.
    pub blocked: Option<Refusal>,
}

/// An entry of the role's bundle.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BundleEntry {
    /// The clue that backs it.
    pub clue: Id,
    /// The indicator.
    pub indicator: Id,
}

/// The proposal under discussion.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProposalView {
    /// Its number.
    pub number: u32,
    /// The proposer.
    pub by: Id,
    /// The conclusion.
    pub conclusion: Id,
    /// The orientation.
    pub orientation: Option<Id>,
    /// The proposer's reason.
    pub reason: String,
    /// Roles that endorsed it, the proposer included.
    pub endorsed_by: Vec<Id>,
    /// Roles still to answer.
    pub waiting_for: Vec<Id>,
}

/// One step of the table's discussion of conclusions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Discussion {
    /// A proposal.
    Proposed {
        /// Its number.
        number: u32,
        /// The proposer.
        by: Id,
        /// The conclusion.
        conclusion: Id,
        /// The reason.
        reason: String,
    },
    /// An endorsement.
    Endorsed {
        /// The proposal.
        number: u32,
        /// Who.
        by: Id,
    },
    /// A rejection.
    Rejected {
        /// The proposal.
        number: u32,
        /// Who.
        by: Id,
        /// Why.
        reason: String,
        /// What the rejecting role's evidence lacks, as data.
        lacking: Option<crate::session::Lacking>,
    },
}

/// A message for the role: an inject or a hint.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Message {
    /// When.
    pub at: Minutes,
    /// A title, for injects.
    pub title: Option<Text>,
    /// The text.
    pub text: Text,
    /// Whether it is a hint from the trainer.
    pub hint: bool,
}

/// The adopted conclusion.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Adopted {
    /// The conclusion.
    pub conclusion: Id,
    /// The orientation.
    pub orientation: Option<Id>,
    /// When.
    pub at: Minutes,
}

/// Everything one role may know.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoleView {
    /// Id of the case.
    pub case: Id,
    /// Title of the case.
    pub title: Text,
    /// The content note.
    pub content_note: Text,
    /// The role's card.
    pub role: RoleCard,
    /// Where the session stands.
    pub status: Status,
    /// The current phase.
    pub phase: PhaseView,
    /// The role's clock: where its own work has reached in the phase.
    pub clock: Minutes,
    /// The table's clock, the session's one scenario time: the furthest any
    /// role has reached. Every date the role can see is at or before it.
    #[serde(default)]
    pub table_clock: Minutes,
    /// Minutes left in the role's budget.
    pub budget_left: Minutes,
    /// The other roles at the table.
    pub colleagues: Vec<Colleague>,
    /// The people of the case.
    pub people: Vec<PersonView>,
    /// The clues the role knows.
    pub clues: Vec<KnownClue>,
    /// The actions the role may take.
    pub actions: Vec<ActionView>,
    /// What the role's actions gave.
    pub results: Vec<ActionResult>,
    /// The role's powers.
    pub decisions: Vec<DecisionView>,
    /// Decisions taken at the table.
    pub decisions_taken: Vec<TakenDecision>,
    /// Shares received.
    pub inbox: Vec<ShareView>,
    /// Shares sent.
    pub sent: Vec<ShareView>,
    /// The role's bundle.
    pub bundle: Vec<BundleEntry>,
    /// Categories of indicators.
    pub categories: Vec<Category>,
    /// Indicators, to build the bundle.
    pub indicators: Vec<Indicator>,
    /// Kinds of information, from the rulebook.
    pub classes: Vec<InfoClass>,
    /// The professions of the rulebook.
    pub professions: Vec<Profession>,
    /// The rulebook's families of professions, to word a closed frame by
    /// the families it leads to rather than by thirteen professions.
    #[serde(default)]
    pub families: Vec<crate::rulebook::Family>,
    /// The frames of the rulebook, with the case's overrides.
    pub frames: Vec<Frame>,
    /// The acts of the rulebook.
    pub act_kinds: Vec<ActKind>,
    /// The situations of the rulebook, to word a frame closed by one.
    #[serde(default)]
    pub situation_kinds: Vec<Situation>,
    /// When the rulebook's state of the law dates from.
    pub law_as_of: String,
    /// For each colleague, the frames open to the role's profession and
    /// whether each is open now.
    pub routes: Vec<RouteView>,
    /// The rulebook's situations that hold in the story now.
    #[serde(default)]
    pub situations: Vec<Id>,
    /// Acts issued by or to the role.
    pub acts: Vec<ActView>,
    /// Acts the role may issue.
    pub issuable: Vec<IssuableView>,
    /// How the table adopts a conclusion.
    pub adoption: Adoption,
    /// The names of every phase, for a refusal that names one not reached yet.
    pub phase_names: Vec<(Id, Text)>,
    /// The names of every decision, for a refusal that names one this role
    /// does not hold (decisions are public, like actions and roles).
    pub decision_names: Vec<(Id, Text)>,
    /// Conclusions the table may adopt.
    pub conclusions: Vec<ConclusionOption>,
    /// Orientations the table may choose.
    pub orientations: Vec<Orientation>,
    /// The proposal under discussion.
    pub proposal: Option<ProposalView>,
    /// The table's discussion so far, each step at the table's time it was taken.
    pub discussion: Vec<(Minutes, Discussion)>,
    /// The adopted conclusion.
    pub adopted: Option<Adopted>,
    /// Injects and hints for this role.
    pub messages: Vec<Message>,
    /// The role's own notes.
    pub notes: Vec<(Minutes, String)>,
}

/// How the rulebook would judge a share, shown before sending.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Preview {
    /// The clue.
    pub clue: Id,
    /// The recipient.
    pub to: Id,
    /// The verdict, when the frame is open.
    pub verdict: Option<Verdict>,
    /// Why the frame is closed to this recipient or this clue, if so.
    pub closed: Option<Closed>,
    /// The legal basis.
    pub basis: Text,
    /// Why.
    pub explanation: Text,
    /// Why the case departs from the rulebook here, if it does.
    pub why: Option<Text>,
    /// The frame allows only what is strictly necessary.
    pub strictly_necessary: bool,
    /// The frame carries facts, and this is a record: judged more severely.
    pub record: bool,
    /// Professions that will receive a copy.
    pub copy_to: Vec<Id>,
}

impl RoleView {
    /// The frame with this id.
    pub fn frame(&self, id: &str) -> Option<&Frame> {
        self.frames.iter().find(|f| f.id.as_str() == id)
    }

    /// The frames open to this role's profession toward a colleague, with
    /// whether each is open now.
    pub fn routes_to<'a>(&'a self, colleague: &'a str) -> impl Iterator<Item = &'a RouteView> {
        self.routes
            .iter()
            .filter(move |r| r.to.as_str() == colleague)
    }

    /// How the rulebook would judge sending these clues to these roles
    /// through a frame: the same judgement the engine makes on sending.
    pub fn preview(&self, clues: &[Id], to: &[Id], frame: &Id) -> Vec<Preview> {
        let Some(f) = self.frame(frame.as_str()) else {
            return Vec::new();
        };
        let me = Party {
            profession: &self.role.profession,
            secrecy: self.role.secrecy_regime,
        };
        let mut previews = Vec::new();
        for clue in clues {
            let Some(known) = self.clues.iter().find(|c| c.id == *clue) else {
                continue;
            };
            let Some(class) = self.classes.iter().find(|c| c.id == known.class) else {
                continue;
            };
            for recipient in to {
                let Some(colleague) = self.colleagues.iter().find(|c| c.id == *recipient) else {
                    continue;
                };
                let route = self
                    .routes
                    .iter()
                    .find(|r| r.to == *recipient && r.frame == *frame);
                let mut closed = match route {
                    Some(route) => route.closed.clone(),
                    None => f.between(me.profession, &colleague.profession).err(),
                };
                if closed.is_none()
                    && let Some((number, scope)) = route.and_then(|r| r.act.as_ref())
                    && !scope.is_empty()
                    && !scope.contains(&class.id)
                {
                    closed = Some(Closed::OutOfScope {
                        act: *number,
                        class: class.id.clone(),
                    });
                }
                // The engine knows whether a clue supports an indicator; the
                // view does not, so the preview flags the rule instead.
                let judgement = f.judge(class, true, me, &colleague.profession, &self.situations);
                let exception = judgement.exception.map(|e| &f.exceptions[e]);
                previews.push(Preview {
                    clue: clue.clone(),
                    to: recipient.clone(),
                    verdict: closed.is_none().then_some(judgement.verdict),
                    closed,
                    basis: f.basis.clone(),
                    explanation: f.explanation(&judgement).clone(),
                    why: exception.and_then(|e| e.why.clone()),
                    strictly_necessary: f.carries == crate::rulebook::Carries::StrictlyNecessary,
                    record: judgement.record,
                    copy_to: f.copy_to.clone(),
                });
            }
        }
        previews
    }
}
