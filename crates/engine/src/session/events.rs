//! What a session takes and records: the commands of roles and of the
//! trainer, and the events they become, with the limits on what a trainee
//! may write.

use crate::case::Minutes;
use crate::id::Id;
use crate::refusal::Refusal;
use crate::rulebook::Judgement;
use serde::{Deserialize, Serialize};

/// Longest free text a trainee may send, in characters.
pub const MAX_TEXT: usize = 2000;

/// Notes a role may write in a session: the desk needs a few dozen, and a
/// role's view carries them all.
pub const MAX_NOTES: u32 = 100;

/// The highest level of a person's trust; the lowest is 0.
pub const MAX_TRUST: i32 = 5;

/// What a role asks to do.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum RoleCommand {
    /// Take an action, spending time from the role's budget.
    TakeAction {
        /// The action.
        action: Id,
    },
    /// Send clues to other roles through a frame of the rulebook. A frame
    /// that an act opens is used in answer to the latest standing act of
    /// that kind from each recipient.
    Share {
        /// The clues sent.
        clues: Vec<Id>,
        /// The roles receiving them.
        to: Vec<Id>,
        /// The frame used.
        frame: Id,
    },
    /// Issue an act of the rulebook, such as a requisition, to another role.
    Issue {
        /// The act.
        act: Id,
        /// The role it is addressed to.
        to: Id,
        /// The kinds of information it covers.
        scope: Vec<Id>,
    },
    /// Decline an act addressed to oneself, with a reason.
    Decline {
        /// The act's number.
        act: u32,
        /// Why.
        reason: String,
    },
    /// Exercise a power.
    Decide {
        /// The decision.
        decision: Id,
    },
    /// Add an indicator, backed by a clue, to one's own bundle.
    Tag {
        /// The clue.
        clue: Id,
        /// The indicator it supports in the role's view.
        indicator: Id,
    },
    /// Remove an indicator from one's own bundle.
    Untag {
        /// The clue.
        clue: Id,
        /// The indicator.
        indicator: Id,
    },
    /// Propose a conclusion to the table.
    Propose {
        /// The conclusion.
        conclusion: Id,
        /// The orientation chosen with it.
        orientation: Option<Id>,
        /// Why, in the role's words.
        reason: String,
    },
    /// Agree with the open proposal.
    Endorse {
        /// The proposal's number.
        proposal: u32,
    },
    /// Turn down the open proposal.
    Reject {
        /// The proposal's number.
        proposal: u32,
        /// Why.
        reason: String,
        /// What the rejecting role's evidence lacks, when it can say so as
        /// data (a bot does), for words in each reader's language.
        #[serde(default)]
        lacking: Option<Lacking>,
    },
    /// Write a personal note.
    Note {
        /// The note.
        text: String,
    },
}

/// What a role's evidence lacks to support a conclusion: the category of
/// indicators furthest below a sound reading. The minimum itself belongs to
/// the solution and is not said.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lacking {
    /// The category.
    pub category: Id,
}

/// What the trainer asks to do.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum TrainerCommand {
    /// Start the session, or resume it after a pause.
    Start,
    /// Pause the session: roles can read but not act.
    Pause,
    /// Move to the next phase; after the last, the session ends.
    NextPhase,
    /// Release an inject now.
    ReleaseInject {
        /// The inject.
        inject: Id,
    },
    /// Send a hint to one role, or to the whole table.
    Hint {
        /// The role, or none for everyone.
        to: Option<Id>,
        /// The hint.
        text: String,
    },
    /// Write a timestamped observer note.
    Note {
        /// The note.
        text: String,
    },
    /// End the session.
    End,
}

/// Where a discovered clue came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Discovery {
    /// The role knew it from the start.
    Start,
    /// The role's own action.
    Action(Id),
    /// A decision's effect.
    Decision(Id),
    /// An inject.
    Inject(Id),
}

/// Why an inject was released.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Release {
    /// The trainer released it.
    Trainer,
    /// Its phase started.
    Phase,
    /// Its trigger fired.
    Trigger,
}

/// Why a session ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Ending {
    /// The table adopted a conclusion.
    Concluded,
    /// The last phase ended.
    TimeUp,
    /// The trainer ended it.
    Trainer,
}

/// The judgement of one clue sent to one role.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ShareJudgement {
    /// The clue.
    pub clue: Id,
    /// The recipient.
    pub to: Id,
    /// How the rules judged it.
    pub judgement: Judgement,
}

/// Something that happened, at a minute of scenario time.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Minutes of scenario time since the case began.
    pub at: Minutes,
    /// What happened.
    pub kind: EventKind,
}

/// What happened.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub enum EventKind {
    /// The session started running.
    Started,
    /// The trainer paused the session.
    Paused,
    /// The trainer resumed the session.
    Resumed,
    /// A phase began.
    PhaseBegan { phase: Id },
    /// A role took an action; `outcome` is the drawn outcome, if any.
    ActionTaken {
        role: Id,
        action: Id,
        outcome: Option<u32>,
    },
    /// A role learned a clue by its own means.
    ClueLearned {
        role: Id,
        clue: Id,
        source: Discovery,
    },
    /// A person's trust changed to `level`.
    TrustChanged { person: Id, level: i32 },
    /// A role shared clues with others through a frame; `act` is the act
    /// it answered, `copies` the roles at the table that received the copy
    /// the frame requires, `copies_outside` the professions owed a copy that
    /// have no role at the table.
    Shared {
        from: Id,
        to: Vec<Id>,
        clues: Vec<Id>,
        frame: Id,
        act: Option<u32>,
        copies: Vec<Id>,
        copies_outside: Vec<Id>,
        judgements: Vec<ShareJudgement>,
    },
    /// A role issued an act to another.
    ActIssued {
        number: u32,
        act: Id,
        by: Id,
        to: Id,
        scope: Vec<Id>,
    },
    /// The addressee declined an act.
    ActDeclined { number: u32, by: Id, reason: String },
    /// An action or decision became available, or stopped being so.
    Availability { item: Id, enabled: bool },
    /// A role's time in the current phase changed by this many minutes.
    BudgetChanged { role: Id, minutes: i32 },
    /// A role took a decision.
    Decided { role: Id, decision: Id },
    /// A role added an indicator to its bundle.
    Tagged { role: Id, clue: Id, indicator: Id },
    /// A role removed an indicator from its bundle.
    Untagged { role: Id, clue: Id, indicator: Id },
    /// A role proposed a conclusion.
    Proposed {
        role: Id,
        proposal: u32,
        conclusion: Id,
        orientation: Option<Id>,
        reason: String,
    },
    /// A role endorsed the open proposal.
    Endorsed { role: Id, proposal: u32 },
    /// A role rejected the open proposal.
    Rejected {
        role: Id,
        proposal: u32,
        reason: String,
        #[serde(default)]
        lacking: Option<Lacking>,
    },
    /// Every role endorsed: the table's conclusion.
    ConclusionAdopted {
        proposal: u32,
        conclusion: Id,
        orientation: Option<Id>,
    },
    /// A note by a role, or by the trainer when `role` is none.
    Noted { role: Option<Id>, text: String },
    /// An inject was released.
    InjectReleased { inject: Id, release: Release },
    /// The trainer sent a hint.
    HintSent { to: Option<Id>, text: String },
    /// The session ended.
    Ended { ending: Ending },
}

impl EventKind {
    /// The one role whose view this event can change, when it changes no
    /// other: a role's own note, or a change to its own bundle. Every other
    /// role's view stays exactly as it was, so a host keeps those rather
    /// than building them again (`tests/view_bot.rs` checks it on every
    /// shipped case).
    pub fn private_to(&self) -> Option<&Id> {
        match self {
            EventKind::Noted {
                role: Some(role), ..
            }
            | EventKind::Tagged { role, .. }
            | EventKind::Untagged { role, .. } => Some(role),
            _ => None,
        }
    }
}

pub(super) fn checked_text(text: String) -> Result<String, Refusal> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(Refusal::EmptyText);
    }
    if trimmed.chars().count() > MAX_TEXT {
        return Err(Refusal::TooLong);
    }
    // Line breaks and tabs are text; other control characters and the
    // bidirectional overrides that reorder what a reader sees are not.
    let hostile = |c: char| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    if trimmed.chars().any(hostile) {
        return Err(Refusal::ControlCharacters);
    }
    Ok(trimmed.to_owned())
}
