//! A problem a check found, located by the path of the value, with its
//! consequence and a hint.

use crate::diagnostic::Severity;
use crate::text::Text;

/// A problem found by a check, located by the path of the value.
#[derive(Clone, Debug)]
pub struct Finding {
    /// How serious it is.
    pub severity: Severity,
    /// Path of the value, such as `clues[3].class`.
    pub path: String,
    /// What is wrong, in French and English.
    pub message: Text,
    /// What to do about it, in French and English.
    pub hint: Option<Text>,
    /// Path of a related value, such as the first of two duplicates.
    pub related: Option<String>,
    /// The problem follows from another one reported too (an action that
    /// needs a clue nobody can discover): `check` lists root causes first.
    pub consequence: bool,
}

impl Finding {
    /// An error at `path`.
    pub fn error(path: impl Into<String>, message: Text, hint: Option<Text>) -> Self {
        Finding {
            severity: Severity::Error,
            path: path.into(),
            message,
            hint,
            related: None,
            consequence: false,
        }
    }

    /// The same finding, marked as following from another one reported too.
    pub fn consequence_if(mut self, consequence: bool) -> Self {
        self.consequence = consequence;
        self
    }

    /// A warning at `path`.
    pub fn warning(path: impl Into<String>, message: Text, hint: Option<Text>) -> Self {
        Finding {
            severity: Severity::Warning,
            path: path.into(),
            message,
            hint,
            related: None,
            consequence: false,
        }
    }
}
