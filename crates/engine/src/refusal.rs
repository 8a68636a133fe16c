//! Why a command was refused, as data: the shell words it through Fluent
//! with the names of the case's items, in the reader's language.

use serde::{Deserialize, Serialize};

use crate::case::Minutes;
use crate::id::Id;
use crate::rulebook::Closed;

/// A condition of an action or decision that does not hold yet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Unmet {
    /// The role lacks some information. Which one is not said, so that a
    /// refusal never reveals a clue.
    Knowledge,
    /// A decision has not been taken.
    Decision(Id),
    /// The case has not reached a phase.
    Phase(Id),
    /// The role has not taken an action.
    Action(Id),
    /// The case has passed the last phase in which this is possible.
    PhaseOver(Id),
    /// Nobody has issued this act of the rulebook yet.
    Act(Id),
    /// The circumstances of the case do not allow it yet. Which ones is not
    /// said, so that a refusal never reveals what another role knows.
    Circumstances,
    /// A person does not trust the professionals enough yet.
    Trust {
        /// The person.
        person: Id,
        /// The level needed.
        at_least: i32,
    },
}

/// Why the engine refused a command.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[allow(missing_docs)]
pub enum Refusal {
    #[error("the session has not started")]
    NotStarted,
    #[error("the session is paused")]
    Paused,
    #[error("the session has ended")]
    Ended,
    #[error("the session is already running")]
    AlreadyRunning,
    #[error("the session is not running")]
    NotRunning,
    #[error("unknown role")]
    UnknownRole,
    #[error("unknown action")]
    UnknownAction,
    #[error("this action belongs to another role")]
    NotYourAction,
    #[error("this action has already been taken")]
    AlreadyDone,
    #[error("not enough time left: {needed} minutes needed, {left} left")]
    OverBudget { needed: Minutes, left: Minutes },
    #[error("a condition does not hold yet: {0:?}")]
    Unmet(Unmet),
    #[error("unknown decision")]
    UnknownDecision,
    #[error("this decision is not among the role's powers")]
    NotYourPower,
    #[error("this decision has already been taken")]
    AlreadyDecided,
    #[error("no clue chosen")]
    NothingToShare,
    #[error("no recipient chosen")]
    NoRecipient,
    #[error("a role cannot share with itself")]
    ShareWithSelf,
    #[error("unknown recipient `{0}`")]
    UnknownRecipient(Id),
    #[error("a role can only share or tag information it holds")]
    NotHeld,
    #[error("unknown indicator")]
    UnknownIndicator,
    #[error("this indicator is already in the bundle")]
    AlreadyTagged,
    #[error("this indicator is not in the bundle")]
    NotTagged,
    #[error("unknown conclusion")]
    UnknownConclusion,
    #[error("unknown orientation")]
    UnknownOrientation,
    #[error("no proposal is open")]
    NoOpenProposal,
    #[error("this proposal has been replaced or closed")]
    StaleProposal,
    #[error("a role cannot endorse or reject its own proposal")]
    OwnProposal,
    #[error("already endorsed")]
    AlreadyEndorsed,
    #[error("the text is empty")]
    EmptyText,
    #[error("the text is too long")]
    TooLong,
    #[error("the text holds control characters")]
    ControlCharacters,
    #[error("the role has written as many notes as it may")]
    TooManyNotes,
    #[error("unknown inject")]
    UnknownInject,
    #[error("this inject has already been released")]
    AlreadyReleased,
    #[error("this is not available in the case now")]
    Unavailable,
    #[error("the role is off duty in this phase")]
    OffDuty,
    #[error("unknown frame")]
    UnknownFrame,
    #[error("the frame is not open: {0:?}")]
    FrameClosed(Closed),
    #[error("unknown act")]
    UnknownAct,
    #[error("this act is not among the role's powers")]
    NotYourAct,
    #[error("this act cannot be addressed to that role")]
    NotAnAddressee { act: Id, only: Vec<Id> },
    #[error("unknown kind of information `{0}`")]
    UnknownClass(Id),
    #[error("the act must name the information it covers")]
    EmptyScope,
    #[error("no standing act with that number is addressed to this role")]
    NoSuchAct,
}

/// A duration of scenario time as "45 min", "2 h" or "1 h 30".
pub fn duration(minutes: Minutes) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    match (h, m) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m:02}"),
    }
}
