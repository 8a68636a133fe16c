//! Faisceau's engine: the scenario model and its RON loading with located
//! diagnostics, static analysis, the event-sourced session, per-role views,
//! the debrief and the bots.
//!
//! The engine does no file or network I/O and knows nothing of Bevy: it takes
//! text and commands, and gives back events, views and reports.

#![warn(missing_docs)]

pub mod analysis;
pub mod bot;
pub mod case;
pub mod coach;
pub mod debrief;
pub mod diagnostic;
pub mod id;
pub mod load;
pub mod locate;
pub mod model;
pub mod pearls;
pub mod record;
pub mod refusal;
pub mod rulebook;
pub mod session;
pub mod synth;
pub mod text;
pub mod trap;
pub mod validate;
pub mod verdicts;
pub mod view;

pub use analysis::{Analysis, analyse};
pub use bot::{Bot, Simulation, Temperament, ViewBot, play, simulate};
pub use case::Case;
pub use debrief::Debrief;
pub use diagnostic::{Diagnostic, Severity};
pub use id::Id;
pub use load::{LoadError, Loaded, LoadedRulebook, load, load_bytes, load_rulebook, load_suite};
pub use refusal::{Refusal, Unmet};
pub use rulebook::{Books, Rulebook, Shelf};
pub use session::{Event, EventKind, RoleCommand, Session, TrainerCommand};
pub use text::Text;
pub use view::{Preview, RoleView, TrainerView};
