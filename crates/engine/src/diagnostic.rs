//! Diagnostics that authors read: file, line, column, message and hint.

use std::fmt;

use serde::Serialize;

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The case cannot be played.
    Error,
    /// The case can be played, but something is probably wrong.
    Warning,
}

/// One problem found in a scenario file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// The file, as the caller named it.
    pub file: String,
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub hint: Option<String>,
    /// The source line, for the caret display.
    #[serde(skip)]
    pub snippet: String,
    /// How many characters the caret underlines.
    #[serde(skip)]
    pub width: usize,
}

impl Diagnostic {
    /// A diagnostic at a line and column of `source`, with the line copied for display.
    pub fn at(
        severity: Severity,
        file: &str,
        source: &str,
        line: usize,
        column: usize,
        message: impl Into<String>,
        hint: Option<String>,
    ) -> Self {
        let line = line.max(1);
        let snippet = source.lines().nth(line - 1).unwrap_or("").to_owned();
        Diagnostic {
            severity,
            file: file.to_owned(),
            line,
            column: column.max(1),
            message: message.into(),
            hint,
            snippet,
            width: 1,
        }
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    /// Renders like a compiler message:
    ///
    /// ```text
    /// error: unknown clue `nigth_runaway`
    ///   --> scenarios/foyer.ron:120:18
    ///     |
    /// 120 |         requires: [Knows("nigth_runaway")],
    ///     |                          ^^^^^^^^^^^^^^^
    ///     = hint: did you mean `night_runaway`?
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        writeln!(f, "{label}: {}", self.message)?;
        let number = self.line.to_string();
        let pad = " ".repeat(number.len());
        writeln!(f, "{pad}--> {}:{}:{}", self.file, self.line, self.column)?;
        if !self.snippet.is_empty() || self.column == 1 {
            let snippet = self.snippet.replace('\t', " ");
            writeln!(f, "{pad} |")?;
            writeln!(f, "{number} | {snippet}")?;
            let before = " ".repeat(self.column - 1);
            let caret = "^".repeat(self.width.max(1));
            writeln!(f, "{pad} | {before}{caret}")?;
        }
        if let Some(hint) = &self.hint {
            writeln!(f, "{pad} = hint: {hint}")?;
        }
        Ok(())
    }
}

/// Line and column (both from 1, column in characters) of a byte offset.
pub fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = source[line_start..offset].chars().count() + 1;
    (line, column)
}

/// Up to `limit` names closest to `wanted`, for "did you mean" hints.
pub fn closest<'a>(wanted: &str, names: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let wanted_lower = wanted.to_lowercase();
    names
        .into_iter()
        .map(|name| (edit_distance(&wanted_lower, &name.to_lowercase()), name))
        .filter(|(distance, name)| {
            *distance <= (wanted.chars().count().max(name.chars().count()) / 3).max(2)
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, name)| name)
}

/// Levenshtein distance in characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_nearest_name_only_when_close() {
        let names = ["night_runaway", "new_phone", "older_boyfriend"];
        assert_eq!(closest("nigth_runaway", names), Some("night_runaway"));
        assert_eq!(closest("new_phones", names), Some("new_phone"));
        assert_eq!(closest("passport", names), None);
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let source = "titre: \"été\", x\n  y";
        let offset = source.find('x').unwrap();
        assert_eq!(line_column(source, offset), (1, 15));
        assert_eq!(line_column(source, source.len()), (2, 4));
    }

    #[test]
    fn renders_the_line_with_a_caret() {
        let source = "a\n  requires: [Knows(\"nigth\")],\n";
        let mut d = Diagnostic::at(
            Severity::Error,
            "case.ron",
            source,
            2,
            21,
            "unknown clue `nigth`",
            Some("did you mean `night`?".into()),
        );
        d.width = 7;
        let text = d.to_string();
        assert!(text.contains("--> case.ron:2:21"), "{text}");
        assert!(
            text.contains("2 |   requires: [Knows(\"nigth\")],"),
            "{text}"
        );
        assert!(text.contains("  |                     ^^^^^^^"), "{text}");
        assert!(text.contains("= hint: did you mean `night`?"), "{text}");
    }
}
