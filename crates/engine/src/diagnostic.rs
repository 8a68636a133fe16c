//! Diagnostics that authors read: file, line, column, message and hint.

use std::fmt;

use serde::Serialize;

use crate::text::Text;

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
    /// What is wrong, in French and English.
    pub message: Text,
    /// What to do about it, in French and English.
    pub hint: Option<Text>,
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
        message: Text,
        hint: Option<Text>,
    ) -> Self {
        let line = line.max(1);
        let snippet = source.lines().nth(line - 1).unwrap_or("").to_owned();
        Diagnostic {
            severity,
            file: file.to_owned(),
            line,
            column: column.max(1),
            message,
            hint,
            snippet,
            width: 1,
        }
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// What is wrong, in `lang` (else French).
    pub fn message(&self, lang: &str) -> &str {
        self.message.get(lang)
    }

    /// What to do about it, in `lang` (else French).
    pub fn hint(&self, lang: &str) -> Option<&str> {
        self.hint.as_ref().map(|h| h.get(lang))
    }

    /// The diagnostic rendered in `lang` (`fr` or `en`), its labels included.
    pub fn in_lang<'a>(&'a self, lang: &'a str) -> InLang<'a> {
        InLang {
            diagnostic: self,
            lang,
        }
    }
}

/// A diagnostic rendered in one language, like a compiler message.
pub struct InLang<'a> {
    diagnostic: &'a Diagnostic,
    lang: &'a str,
}

impl fmt::Display for Diagnostic {
    /// Renders in English, like a compiler message.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.in_lang("en").fmt(f)
    }
}

impl fmt::Display for InLang<'_> {
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
        let d = self.diagnostic;
        let french = self.lang == "fr";
        let label = match (d.severity, french) {
            (Severity::Error, false) => "error",
            (Severity::Warning, false) => "warning",
            (Severity::Error, true) => "erreur",
            (Severity::Warning, true) => "avertissement",
        };
        let (hint_label, colon) = if french {
            ("conseil", " :")
        } else {
            ("hint", ":")
        };
        writeln!(f, "{label}{colon} {}", d.message(self.lang))?;
        let number = d.line.to_string();
        let pad = " ".repeat(number.len());
        writeln!(f, "{pad}--> {}:{}:{}", d.file, d.line, d.column)?;
        if !d.snippet.is_empty() || d.column == 1 {
            let snippet = d.snippet.replace('\t', " ");
            writeln!(f, "{pad} |")?;
            writeln!(f, "{number} | {snippet}")?;
            let before = " ".repeat(d.column - 1);
            let caret = "^".repeat(d.width.max(1));
            writeln!(f, "{pad} | {before}{caret}")?;
        }
        if let Some(hint) = d.hint(self.lang) {
            writeln!(f, "{pad} = {hint_label}{colon} {hint}")?;
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
            Text::fr_en("indice inconnu : `nigth`", "unknown clue `nigth`"),
            Some(Text::fr_en(
                "vouliez-vous dire `night` ?",
                "did you mean `night`?",
            )),
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
        let french = d.in_lang("fr").to_string();
        assert!(
            french.starts_with("erreur : indice inconnu : `nigth`"),
            "{french}"
        );
        assert!(
            french.contains("= conseil : vouliez-vous dire `night` ?"),
            "{french}"
        );
    }
}
