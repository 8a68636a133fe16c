//! What each role may know, and what the trainer sees.
//!
//! Whatever crosses the network toward a trainee is that trainee's
//! [`RoleView`], so it holds only what the role discovered, was told, or
//! may read in any case (its card, the table, the legal frame).

use serde::{Deserialize, Serialize};

use crate::case::{Case, Minutes};
use crate::id::Id;
use crate::model::{ActionKind, Adoption, Category, ConclusionOption, Indicator, Orientation};
use crate::refusal::Refusal;
use crate::rulebook::{
    ActKind, Closed, Frame, InfoClass, Party, Profession, Secrecy, Situation, Verdict,
};
use crate::session::{Discovery, EventKind, Session, Status};
use crate::text::Text;

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
    /// The table's discussion so far.
    pub discussion: Vec<Discussion>,
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

/// One role's progress, as the trainer console shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoleProgress {
    /// The role.
    pub role: Id,
    /// Clues it knows.
    pub clues_known: usize,
    /// Actions it took.
    pub actions_taken: u32,
    /// Minutes left in its budget this phase.
    pub budget_left: Minutes,
    /// Entries in its bundle.
    pub bundle_size: usize,
}

/// An inject as the trainer sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InjectStatus {
    /// Id of the inject.
    pub id: Id,
    /// Its name.
    pub name: Text,
    /// What releases it.
    pub trigger: crate::model::Trigger,
    /// Whether it has been released.
    pub released: bool,
}

/// Everything about a table: the only view that shows the whole case.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrainerView {
    /// The case as written, solution included.
    pub scenario: crate::model::Scenario,
    /// The rulebook, with the case's overrides.
    pub rulebook: crate::rulebook::Rulebook,
    /// Where the session stands.
    pub status: Status,
    /// The current phase.
    pub phase: usize,
    /// The table's clock.
    pub clock: Minutes,
    /// Each role's progress.
    pub progress: Vec<RoleProgress>,
    /// Clues known by at least one role, and how many the case has.
    pub clues_found: (usize, usize),
    /// The table's bundle per category against the solution.
    pub bundle: Vec<crate::debrief::CategoryScore>,
    /// Injects and whether they were released.
    pub injects: Vec<InjectStatus>,
    /// Each role's own view.
    pub roles: Vec<RoleView>,
    /// Trainer notes.
    pub notes: Vec<(Minutes, String)>,
    /// Every event so far.
    pub events: Vec<crate::session::Event>,
}

/// What a room's console or projector shows of a table at a glance, without
/// building any role's view: cheap enough for every table on every frame.
#[derive(Clone, Debug, PartialEq)]
pub struct Glance {
    /// Where the session stands.
    pub status: Status,
    /// The current phase.
    pub phase: usize,
    /// The table's clock.
    pub clock: Minutes,
    /// Clues known by at least one role, and how many the case has.
    pub clues_found: (usize, usize),
    /// The table's bundle per category against the solution.
    pub bundle: Vec<crate::debrief::CategoryScore>,
    /// The proposal under discussion.
    pub proposal: Option<ProposalView>,
    /// The adopted conclusion.
    pub adopted: Option<Id>,
    /// Clue-to-role shares judged a breach so far.
    pub breaches: usize,
    /// Proposals rejected since the last adoption (or the start).
    pub rejections: usize,
}

impl Session {
    /// The table at a glance.
    pub fn glance(&self) -> Glance {
        let case = self.case();
        let s = case.scenario();
        let state = self.state();
        let mut breaches = 0;
        let mut rejections = 0;
        for event in self.events() {
            match &event.kind {
                crate::session::EventKind::Shared { judgements, .. } => {
                    breaches += judgements
                        .iter()
                        .filter(|j| j.judgement.verdict == crate::rulebook::Verdict::Breach)
                        .count();
                }
                crate::session::EventKind::Rejected { .. } => rejections += 1,
                crate::session::EventKind::ConclusionAdopted { .. } => rejections = 0,
                _ => {}
            }
        }
        Glance {
            status: state.status,
            phase: state.phase,
            clock: state.table_clock(case),
            clues_found: (
                (0..s.clues.len())
                    .filter(|&c| state.roles.iter().any(|r| r.known[c]))
                    .count(),
                s.clues.len(),
            ),
            bundle: crate::debrief::bundle_scores(case, state).0,
            proposal: proposal_view(case, state),
            adopted: state.adopted.map(|(c, _, _)| s.conclusions[c].id.clone()),
            breaches,
            rejections,
        }
    }
}

impl Session {
    /// Everything: every role's view, the solution, the progress and the events.
    pub fn trainer_view(&self) -> TrainerView {
        let case = self.case();
        let s = case.scenario();
        let state = self.state();
        let known_by_table = (0..s.clues.len())
            .filter(|&c| state.roles.iter().any(|r| r.known[c]))
            .count();
        TrainerView {
            scenario: s.clone(),
            rulebook: case.rulebook().clone(),
            status: state.status,
            phase: state.phase,
            clock: state.table_clock(case),
            progress: s
                .roles
                .iter()
                .enumerate()
                .map(|(r, role)| RoleProgress {
                    role: role.id.clone(),
                    clues_known: state.roles[r].known.iter().filter(|k| **k).count(),
                    actions_taken: state.roles[r].done.iter().sum(),
                    budget_left: state.budget_left(case, r),
                    bundle_size: state.roles[r].bundle.len(),
                })
                .collect(),
            clues_found: (known_by_table, s.clues.len()),
            bundle: crate::debrief::bundle_scores(case, state).0,
            injects: s
                .injects
                .iter()
                .enumerate()
                .map(|(i, inject)| InjectStatus {
                    id: inject.id.clone(),
                    name: inject.name.clone(),
                    trigger: inject.trigger.clone(),
                    released: state.released[i],
                })
                .collect(),
            roles: s
                .roles
                .iter()
                .filter_map(|r| self.view(r.id.as_str()))
                .collect(),
            notes: self
                .events()
                .iter()
                .filter_map(|e| match &e.kind {
                    EventKind::Noted { role: None, text } => Some((e.at, text.clone())),
                    _ => None,
                })
                .collect(),
            events: self.events().to_vec(),
        }
    }
}

/// What a role has lived through, read from the events: the clues it
/// knows and how, its results, shares, acts, the table's decisions and
/// discussion, its messages and notes.
#[derive(Default)]
struct Story {
    clues: Vec<KnownClue>,
    results: Vec<ActionResult>,
    inbox: Vec<ShareView>,
    sent: Vec<ShareView>,
    decisions_taken: Vec<TakenDecision>,
    discussion: Vec<Discussion>,
    messages: Vec<Message>,
    notes: Vec<(Minutes, String)>,
    adopted: Option<Adopted>,
    acts: Vec<ActView>,
}

fn story(case: &Case, events: &[crate::session::Event], role_id: &Id) -> Story {
    let s = case.scenario();
    let mut clues: Vec<KnownClue> = Vec::new();
    let mut results = Vec::new();
    let mut inbox = Vec::new();
    let mut sent = Vec::new();
    let mut decisions_taken = Vec::new();
    let mut discussion = Vec::new();
    let mut messages = Vec::new();
    let mut notes = Vec::new();
    let mut adopted = None;
    let mut acts: Vec<ActView> = Vec::new();
    let learn = |clues: &mut Vec<KnownClue>, clue: &Id, at: Minutes, provenance: Provenance| {
        if let Some(known) = clues.iter_mut().find(|k| k.id == *clue) {
            known.provenance.push(provenance);
            return;
        }
        if let Some(c) = case.clue(clue.as_str()) {
            let spec = &s.clues[c];
            clues.push(KnownClue {
                id: spec.id.clone(),
                text: spec.text.clone(),
                class: spec.class.clone(),
                learned_at: at,
                provenance: vec![provenance],
                tags: Vec::new(),
            });
        }
    };
    for event in events {
        match &event.kind {
            EventKind::ClueLearned { role, clue, source } if role == role_id => {
                learn(
                    &mut clues,
                    clue,
                    event.at,
                    Provenance::Discovered(source.clone()),
                );
                if let (Discovery::Action(action), Some(last)) = (source, results.last_mut())
                    && let ActionResult {
                        action: taken,
                        revealed,
                        ..
                    } = last
                    && taken == action
                {
                    revealed.push(clue.clone());
                }
            }
            EventKind::ActionTaken {
                role,
                action,
                outcome,
            } if role == role_id => {
                let text = case
                    .action(action.as_str())
                    .zip(*outcome)
                    .and_then(|(a, o)| s.actions[a].outcomes.get(o as usize))
                    .and_then(|o| o.text.clone());
                results.push(ActionResult {
                    at: event.at,
                    action: action.clone(),
                    text,
                    revealed: Vec::new(),
                });
            }
            EventKind::Shared {
                from,
                to,
                clues: shared,
                frame,
                act,
                copies,
                copies_outside,
                judgements,
            } => {
                let view = |to: Vec<Id>, verdict| ShareView {
                    at: event.at,
                    from: from.clone(),
                    to,
                    clues: shared.clone(),
                    frame: frame.clone(),
                    act: *act,
                    copies: copies.clone(),
                    copies_outside: copies_outside.clone(),
                    verdict,
                };
                if from == role_id {
                    let verdict = judgements.iter().map(|j| j.judgement.verdict).max();
                    sent.push(view(to.clone(), verdict));
                    if let Some(number) = act
                        && let Some(answered) = acts.iter_mut().find(|a| a.number == *number)
                    {
                        answered.answered = true;
                    }
                } else if to.contains(role_id) || copies.contains(role_id) {
                    for clue in shared {
                        learn(
                            &mut clues,
                            clue,
                            event.at,
                            Provenance::Received {
                                from: from.clone(),
                                frame: frame.clone(),
                            },
                        );
                    }
                    inbox.push(view(vec![role_id.clone()], None));
                }
            }
            EventKind::ActIssued {
                number,
                act,
                by,
                to,
                scope,
            } if by == role_id || to == role_id => acts.push(ActView {
                number: *number,
                act: act.clone(),
                by: by.clone(),
                to: to.clone(),
                scope: scope.clone(),
                at: event.at,
                declined: None,
                answered: false,
            }),
            EventKind::ActDeclined { number, reason, .. } => {
                if let Some(declined) = acts.iter_mut().find(|a| a.number == *number) {
                    declined.declined = Some(reason.clone());
                }
            }
            EventKind::Decided { role, decision } => {
                if let Some(d) = case.decision(decision.as_str()) {
                    decisions_taken.push(TakenDecision {
                        decision: decision.clone(),
                        name: s.decisions[d].name.clone(),
                        by: role.clone(),
                        at: event.at,
                    });
                }
            }
            EventKind::Proposed {
                role,
                proposal,
                conclusion,
                reason,
                ..
            } => {
                discussion.push(Discussion::Proposed {
                    number: *proposal,
                    by: role.clone(),
                    conclusion: conclusion.clone(),
                    reason: reason.clone(),
                });
            }
            EventKind::Endorsed { role, proposal } => discussion.push(Discussion::Endorsed {
                number: *proposal,
                by: role.clone(),
            }),
            EventKind::Rejected {
                role,
                proposal,
                reason,
                lacking,
            } => {
                discussion.push(Discussion::Rejected {
                    number: *proposal,
                    by: role.clone(),
                    reason: reason.clone(),
                    lacking: lacking.clone(),
                });
            }
            EventKind::ConclusionAdopted {
                conclusion,
                orientation,
                ..
            } => {
                adopted = Some(Adopted {
                    conclusion: conclusion.clone(),
                    orientation: orientation.clone(),
                    at: event.at,
                });
            }
            EventKind::InjectReleased { inject, .. } => {
                if let Some(i) = case.inject(inject.as_str()) {
                    let spec = &s.injects[i];
                    if spec.to.is_empty() || spec.to.contains(role_id) {
                        messages.push(Message {
                            at: event.at,
                            title: Some(spec.name.clone()),
                            text: spec.text.clone(),
                            hint: false,
                        });
                    }
                }
            }
            EventKind::HintSent { to, text } if to.as_ref().is_none_or(|t| t == role_id) => {
                messages.push(Message {
                    at: event.at,
                    title: None,
                    text: Text::fr_en(text.clone(), text.clone()),
                    hint: true,
                });
            }
            EventKind::Noted {
                role: Some(author),
                text,
            } if author == role_id => notes.push((event.at, text.clone())),
            _ => {}
        }
    }
    Story {
        clues,
        results,
        inbox,
        sent,
        decisions_taken,
        discussion,
        messages,
        notes,
        adopted,
        acts,
    }
}

/// The actions a role may take, each with why it is blocked.
fn action_views(case: &Case, state: &crate::session::State, r: usize) -> Vec<ActionView> {
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
fn decision_views(case: &Case, state: &crate::session::State, r: usize) -> Vec<DecisionView> {
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
fn proposal_view(case: &Case, state: &crate::session::State) -> Option<ProposalView> {
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
fn routes(case: &Case, state: &crate::session::State, r: usize) -> Vec<RouteView> {
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
fn issuable(case: &Case, state: &crate::session::State, r: usize) -> Vec<IssuableView> {
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
