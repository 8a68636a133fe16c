//! A problem a check found, located by the path of the value, with its
//! consequence and a hint.

use crate::diagnostic::Severity;

/// A problem found by a check, located by the path of the value.
#[derive(Clone, Debug)]
pub struct Finding {
    /// How serious it is.
    pub severity: Severity,
    /// Path of the value, such as `clues[3].class`.
    pub path: String,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub hint: Option<String>,
    /// Path of a related value, such as the first of two duplicates.
    pub related: Option<String>,
    /// The problem follows from another one reported too (an action that
    /// needs a clue nobody can discover): `check` lists root causes first.
    pub consequence: bool,
}

impl Finding {
    /// An error at `path`.
    pub fn error(
        path: impl Into<String>,
        message: impl Into<String>,
        hint: Option<String>,
    ) -> Self {
        Finding {
            severity: Severity::Error,
            path: path.into(),
            message: message.into(),
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
    pub fn warning(
        path: impl Into<String>,
        message: impl Into<String>,
        hint: Option<String>,
    ) -> Self {
        Finding {
            severity: Severity::Warning,
            path: path.into(),
            message: message.into(),
            hint,
            related: None,
            consequence: false,
        }
    }
}
