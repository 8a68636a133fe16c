//! The lobby: the workshop's tables and who sits where, the same for
//! everyone (no case content beyond the public card), and the people who
//! joined without a role, as the host sees them.

use faisceau_engine::session::Status;
use faisceau_engine::{Id, Text};
use serde::{Deserialize, Serialize};

/// The lobby, as everyone sees it: no case content beyond the public card.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Lobby {
    /// The workshop's name.
    pub workshop: String,
    /// The case's title.
    pub title: Text,
    /// The case's content note, read before taking a role.
    pub content_note: Text,
    /// The tables.
    pub tables: Vec<LobbyTable>,
}

/// A table in the lobby.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LobbyTable {
    /// Where it stands.
    pub status: Status,
    /// Its roles.
    pub seats: Vec<LobbySeat>,
}

/// A role at a table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LobbySeat {
    /// The role's id.
    pub role: Id,
    /// The role's name.
    pub name: Text,
    /// Who plays it.
    pub occupant: Occupant,
}

/// Who plays a role.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Occupant {
    /// Nobody yet.
    Free,
    /// A person, connected or not.
    Person {
        /// The name they gave.
        name: String,
        /// Whether their laptop is connected now.
        connected: bool,
    },
    /// A bot.
    Bot,
}

/// A person waiting in the lobby without a role, as the host sees them.
#[derive(Clone, Debug, PartialEq)]
pub struct Waiting {
    /// Their connection.
    pub client: u64,
    /// Their name.
    pub name: String,
}
