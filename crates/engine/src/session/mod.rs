//! The session: one table playing one case, as an event-sourced state machine.
//!
//! Commands are checked against the case's rules and become events; the
//! state is the fold of the events. The same seed and the same commands
//! always give the same events.
//!
//! One file a step: the commands and events (`events`), the state they fold
//! into and the rules' questions to it (`state`), one event folded in
//! (`replay`), the session itself (`table`), a role's commands judged
//! (`judge`) and the trainer's (`trainer`).

mod events;
mod judge;
mod replay;
mod state;
mod table;
mod trainer;

pub use self::events::*;
pub use self::replay::*;
pub use self::state::*;
pub use self::table::*;
