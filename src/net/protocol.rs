//! What host and clients say to each other once connected.
//!
//! A client sends [`ToHost`]; the host answers with [`ToClient`]. A role's
//! view (whole, then as changes) is the only case content a client receives
//! during play, and the
//! scenario itself only once its table has ended, for the debrief.
//! Messages travel as JSON inside netcode's encrypted packets; the host
//! drops any message over [`MAX_MESSAGE`] bytes.

use faisceau_engine::Id;
use faisceau_engine::debrief::Debrief;
use faisceau_engine::model::Scenario;
use faisceau_engine::session::RoleCommand;
use faisceau_engine::view::RoleView;
use serde::{Deserialize, Serialize};

use super::delta::Delta;

/// The largest message the host reads from a client.
pub const MAX_MESSAGE: usize = 16 * 1024;

/// The longest name a trainee may give.
pub const MAX_NAME: usize = 40;

/// From a client to the host.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ToHost {
    /// Who I am; the host answers with the lobby, or seats me back where I
    /// sat if I was disconnected.
    Hello {
        /// The trainee's name.
        name: String,
        /// The seat token this client was given when it sat, if it sat
        /// before: it proves the seat is theirs, as a name alone cannot.
        #[serde(default)]
        token: Option<u64>,
    },
    /// Take a free role at a table.
    Sit {
        /// The table, from 0.
        table: usize,
        /// The role.
        role: Id,
    },
    /// Leave my role (back to the lobby); refused once the table runs.
    Stand,
    /// A command for my role.
    Command(RoleCommand),
    /// Send my role's view whole: a change did not apply to mine.
    WholeView,
}

/// From the host to one client.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ToClient {
    /// The lobby: who sits where.
    Lobby(Lobby),
    /// You sit on this role.
    Seated {
        /// The table.
        table: usize,
        /// The role.
        role: Id,
        /// The seat's token: keep it to take the seat back after a drop.
        #[serde(default)]
        token: u64,
        /// The person came back to a seat they held.
        #[serde(default)]
        back: bool,
    },
    /// Your request was refused.
    Refused(Refused),
    /// Your role's view, whole.
    View(Box<RoleView>),
    /// What changed in your role's view since the last one sent.
    ViewChange(Delta),
    /// Your command was refused, in both languages.
    CommandRefused(faisceau_engine::Refusal),
    /// Your table has ended: its debrief, with the case to read it.
    Debrief(Box<DebriefPackage>),
}

/// Why the host refused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Refused {
    /// Say hello with a name first.
    NoName,
    /// The name is empty or too long.
    BadName,
    /// Someone connected already uses this name.
    NameInUse,
    /// A seat at this name waits for its person, who has no token for it
    /// (another computer): the trainer reseats them.
    SeatHeld {
        /// The table.
        table: usize,
        /// The role.
        role: Id,
    },
    /// No such table.
    NoSuchTable,
    /// No such role in this case.
    NoSuchRole,
    /// Someone already plays this role.
    RoleTaken {
        /// Who.
        by: String,
    },
    /// Every role at this table is taken.
    TableFull,
    /// You have no role yet.
    NotSeated,
    /// The table has started: roles no longer change hands.
    TableStarted,
    /// The message was unreadable or too large.
    Malformed,
    /// Too many messages from this client: some were set aside.
    TooFast,
}

/// A table's debrief as a client receives it when the table ends.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DebriefPackage {
    /// The case, to name what the debrief refers to.
    pub scenario: Scenario,
    /// The rulebook, to name the frames and acts shares went through.
    pub rulebook: faisceau_engine::Rulebook,
    /// The debrief.
    pub debrief: Debrief,
    /// The client's role: empty on the wire, where one package goes to
    /// everyone at the table; the client sets its own seat's role.
    pub role: Id,
}

// The lobby travels as it is drawn: its types are views of the room.
pub use crate::views::lobby::{Lobby, LobbySeat, LobbyTable, Occupant};

/// The most clients a workshop takes, app and browsers together (a hall
/// of 256 trainees).
pub const MAX_CLIENTS: usize = 256;

/// Encodes a message for the wire.
pub fn encode<T: Serialize>(message: &T) -> Vec<u8> {
    serde_json::to_vec(message).expect("protocol messages serialise")
}

/// Decodes a message from the wire, refusing oversized input.
pub fn decode<T: for<'de> Deserialize<'de>>(bytes: &[u8], limit: usize) -> Option<T> {
    if bytes.len() > limit {
        return None;
    }
    serde_json::from_slice(bytes).ok()
}
