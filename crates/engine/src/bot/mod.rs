//! Bots: play any role legally and sensibly, fill empty seats, and let
//! `simulate` estimate how hard a case is.
//!
//! A bot acts only on what its role knows. Like a cautious professional, it
//! judges the weight of the evidence it holds against the bundle the case
//! calls for; it can still be swayed by a trap, agree too quickly with a
//! colleague, or take a decision late.
//!
//! The bot that plays from the session (`player`), the bots of one table
//! by role, seated and taking turns (`crew`), sessions played by bots
//! and what they tell (`simulate`), and the bot that plays from a role's
//! view (`view_bot`).

mod crew;
mod player;
mod simulate;
mod view_bot;
pub mod words;

pub use self::crew::*;
pub use self::player::*;
pub use self::simulate::*;
pub use self::view_bot::*;
