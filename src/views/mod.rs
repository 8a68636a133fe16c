//! What the host shows of a workshop, as data: the lobby every trainee
//! sees, the room the trainer's console draws and the tables the projector
//! shows. The host builds them from its state (`net::room`), the screens
//! draw them (`ui`), as the engine builds a role's view and the desk draws
//! it: a screen never reads the host's own state.

pub mod lobby;
pub mod room;
