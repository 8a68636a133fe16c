//! Structural checks of a parsed scenario: ids, references, translations and
//! numbers. Reachability lives in `analysis`.
//!
//! What a check finds (`finding`), the checker and its order (`checker`),
//! the checks of a case (`case`) and of a rulebook and its suite
//! (`rulebook`).

mod case;
mod checker;
mod finding;
mod rulebook;

pub use self::checker::*;
pub use self::finding::*;
