//! Identifiers: short snake_case words that authors write and the checker verifies.

use std::borrow::Borrow;
use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A snake_case identifier such as `night_runaway` or `prosecutor`.
///
/// Cloning is cheap (a shared pointer), so commands and events can carry ids
/// by value without copying text.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Id(Arc<str>);

impl Id {
    /// Wraps a string without checking its shape; [`Id::is_well_formed`] tells.
    pub fn new(text: &str) -> Self {
        Id(Arc::from(text))
    }

    /// The id as written in the scenario.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether the id is a short snake_case word: a lowercase ASCII letter,
    /// then lowercase letters, digits or underscores, at most 48 characters.
    pub fn is_well_formed(&self) -> bool {
        let mut chars = self.0.chars();
        matches!(chars.next(), Some('a'..='z'))
            && self.0.len() <= 48
            && chars.all(|c| matches!(c, 'a'..='z' | '0'..='9' | '_'))
            && !self.0.ends_with('_')
            && !self.0.contains("__")
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", &*self.0)
    }
}

impl Borrow<str> for Id {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Id {
    fn from(text: &str) -> Self {
        Id::new(text)
    }
}

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Ok(Id(Arc::from(text)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake_case_words_are_well_formed() {
        for good in ["educator", "night_runaway_2", "a"] {
            assert!(Id::new(good).is_well_formed(), "{good}");
        }
        for bad in [
            "",
            "Educator",
            "2nd",
            "night-runaway",
            "été",
            "a__b",
            "trailing_",
            "with space",
        ] {
            assert!(!Id::new(bad).is_well_formed(), "{bad}");
        }
    }
}
