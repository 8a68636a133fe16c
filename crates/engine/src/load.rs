//! Loading a scenario from text: syntax, then meaning, then the index.

use ron::error::{Error as RonError, SpannedError};
use ron::extensions::Extensions;

use crate::analysis::{Analysis, analyse};
use crate::case::Case;
use crate::diagnostic::{Diagnostic, Severity, closest, line_column};
use crate::locate::SourceMap;
use crate::model::Scenario;
use crate::rulebook::{Rulebook, Shelf};
use crate::say;
use crate::text::Text;
use crate::validate::{Finding, validate, validate_rulebook};

/// Where `docs/authoring.md` explains how to move a case to rulebooks.
pub const MIGRATION: &str = "docs/authoring.md, section \"Migrating a case to a rulebook\"";

/// A scenario that loaded, with the warnings found on the way.
#[derive(Debug)]
pub struct Loaded {
    /// The validated, indexed case.
    pub case: Case,
    /// Warnings, such as missing translations.
    pub warnings: Vec<Diagnostic>,
    /// What can happen in the case, and whether it can be solved.
    pub analysis: Analysis,
}

/// A scenario that did not load: every diagnostic found, errors first.
#[derive(Debug, thiserror::Error)]
#[error("{} error(s) in {file}", self.errors().count())]
pub struct LoadError {
    /// The file, as the caller named it.
    pub file: String,
    /// Every error and warning, in file order within each severity.
    pub diagnostics: Vec<Diagnostic>,
}

impl LoadError {
    /// The errors alone.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }
}

/// Loads a scenario from raw bytes, reporting text that is not UTF-8 with
/// its position.
pub fn load_bytes(bytes: &[u8], file: &str, shelf: &dyn Shelf) -> Result<Loaded, LoadError> {
    match std::str::from_utf8(bytes) {
        Ok(source) => load(source, file, shelf),
        Err(err) => {
            let valid = std::str::from_utf8(&bytes[..err.valid_up_to()]).unwrap_or_default();
            let (line, column) = line_column(valid, valid.len());
            Err(LoadError {
                file: file.to_owned(),
                diagnostics: vec![Diagnostic::at(
                    Severity::Error,
                    file,
                    valid,
                    line,
                    column,
                    say!(
                        "the file is not UTF-8 text",
                        "le fichier n'est pas du texte UTF-8"
                    ),
                    Some(say!(
                        "save the file with the UTF-8 encoding (the default of most editors)",
                        "enregistrez le fichier avec l'encodage UTF-8 (celui par défaut de la plupart des éditeurs)"
                    )),
                )],
            })
        }
    }
}

/// Loads a scenario from `source`, with the rulebook it names taken from
/// `shelf`; `file` names the case in diagnostics, and each rulebook
/// diagnostic names the rulebook's own file.
pub fn load(source: &str, file: &str, shelf: &dyn Shelf) -> Result<Loaded, LoadError> {
    let source = without_bom(source);
    if let Some(old) = old_format(source, file) {
        return Err(LoadError {
            file: file.to_owned(),
            diagnostics: vec![old],
        });
    }
    let scenario: Scenario = parse(source, file)?;
    let Some((book_file, book_text)) = shelf.rulebook(scenario.rulebook.as_str()) else {
        let place = SourceMap::build(source).resolve("rulebook");
        let mut diagnostic = Diagnostic::at(
            Severity::Error,
            file,
            source,
            place.line,
            place.column,
            {
                let name = &scenario.rulebook;
                say!(
                    "no rulebook named `{name}` was found",
                    "aucun référentiel nommé `{name}` n'a été trouvé"
                )
            },
            {
                let name = &scenario.rulebook;
                Some(say!(
                    "rulebooks are read from `rulebooks/{name}.ron` beside the case or in its parent folder, such as scenarios/rulebooks/france.ron",
                    "les référentiels sont lus dans `rulebooks/{name}.ron` à côté du cas ou dans son dossier parent, comme scenarios/rulebooks/france.ron"
                ))
            },
        );
        diagnostic.width = place.width;
        return Err(LoadError {
            file: file.to_owned(),
            diagnostics: vec![diagnostic],
        });
    };
    let book = load_rulebook(&book_text, &book_file).map_err(|mut err| {
        err.file = file.to_owned();
        err
    })?;
    let mut findings = validate(&scenario, &book.rulebook);
    let structural_error = findings.iter().any(|f| f.severity == Severity::Error);
    // Reachability means little while references are broken, so it runs on a sound structure only.
    let (case, analysis) = if structural_error {
        (None, None)
    } else {
        let case = Case::new(
            scenario,
            &book.rulebook,
            &book_file,
            without_bom(&book_text),
        );
        let analysis = analyse(&case);
        findings.extend(analysis.findings.iter().cloned());
        (Some(case), Some(analysis))
    };
    let mut diagnostics = locate_findings(source, file, findings);
    match (case, analysis) {
        (Some(case), Some(analysis)) if !diagnostics.iter().any(Diagnostic::is_error) => {
            diagnostics.sort_by_key(|d| (d.line, d.column));
            let mut warnings = book.warnings;
            warnings.extend(diagnostics);
            Ok(Loaded {
                case,
                warnings,
                analysis,
            })
        }
        _ => Err(LoadError {
            file: file.to_owned(),
            diagnostics,
        }),
    }
}

/// A rulebook that loaded, with the warnings found on the way.
#[derive(Debug)]
pub struct LoadedRulebook {
    /// The validated rulebook.
    pub rulebook: Rulebook,
    /// Warnings, such as missing translations, located in its file.
    pub warnings: Vec<Diagnostic>,
}

/// Loads a rulebook from `source`; `file` names it in diagnostics.
pub fn load_rulebook(source: &str, file: &str) -> Result<LoadedRulebook, LoadError> {
    let source = without_bom(source);
    let rulebook: Rulebook = parse(source, file)?;
    let warnings = located_or_refused(source, file, validate_rulebook(&rulebook))?;
    Ok(LoadedRulebook { rulebook, warnings })
}

/// Loads a rulebook's verdict suite from `source` and checks that every
/// name it uses is one of the rulebook's; `file` names it in diagnostics.
pub fn load_suite(
    source: &str,
    file: &str,
    rulebook: &Rulebook,
) -> Result<crate::verdicts::Suite, LoadError> {
    let source = without_bom(source);
    let suite: crate::verdicts::Suite = parse(source, file)?;
    located_or_refused(
        source,
        file,
        crate::validate::validate_suite(&suite, rulebook),
    )?;
    Ok(suite)
}

/// The findings located in `source`: refused when any is an error, else
/// the warnings.
fn located_or_refused(
    source: &str,
    file: &str,
    findings: Vec<Finding>,
) -> Result<Vec<Diagnostic>, LoadError> {
    let diagnostics = locate_findings(source, file, findings);
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(LoadError {
            file: file.to_owned(),
            diagnostics,
        });
    }
    Ok(diagnostics)
}

/// Text saved with a UTF-8 byte-order mark, as some Windows editors do,
/// reads like any other.
fn without_bom(source: &str) -> &str {
    source.strip_prefix('\u{feff}').unwrap_or(source)
}

/// One error for a case written before rulebooks: it names the change and
/// where the migration is explained, instead of a cascade of unknown fields.
fn old_format(source: &str, file: &str) -> Option<Diagnostic> {
    let map = SourceMap::build(source);
    let field = ["sharing_rules", "confidentiality", "unmatched_share"]
        .into_iter()
        .find(|f| map.get(f).is_some())?;
    let place = map.get(field)?;
    let mut diagnostic = Diagnostic::at(
        Severity::Error,
        file,
        source,
        place.line,
        place.column,
        say!(
            "`{field}` belongs to the old format: sharing is now judged by a rulebook's frames and acts",
            "`{field}` appartient à l'ancien format : le partage est désormais jugé par les cadres et les actes d'un référentiel"
        ),
        Some(say!(
            "name a rulebook (`rulebook: \"france\"`), give roles a rulebook profession (`profession: \"educateur\"`), give clues a rulebook class, and remove `confidentiality`, `sharing_rules` and `unmatched_share`; `faisceau migrate` on this file shows each old rule beside the rulebook's verdict and the overrides that would keep it; see {MIGRATION}",
            "nommez un référentiel (`rulebook: \"france\"`), donnez aux rôles une profession du référentiel (`profession: \"educateur\"`), aux indices une catégorie d'information du référentiel, et retirez `confidentiality`, `sharing_rules` et `unmatched_share` ; `faisceau migrate` sur ce fichier montre chaque ancienne règle à côté du verdict du référentiel et les dérogations qui la garderaient ; voir {MIGRATION}"
        )),
    );
    diagnostic.width = place.width;
    Some(diagnostic)
}

/// Parses the text into the model without checking its meaning. A text
/// that nests values deeper than any case does is refused first, located.
pub fn parse<T: serde::de::DeserializeOwned>(source: &str, file: &str) -> Result<T, LoadError> {
    let source = without_bom(source);
    if let Some(place) = crate::locate::too_deep(source) {
        let mut diagnostic = Diagnostic::at(
            Severity::Error,
            file,
            source,
            place.line,
            place.column,
            {
                let depth = crate::locate::MAX_DEPTH;
                say!(
                    "values nest more than {depth} levels deep here",
                    "les valeurs s'imbriquent ici sur plus de {depth} niveaux"
                )
            },
            Some(say!(
                "a case nests about ten levels: look for brackets opened and never closed",
                "un cas s'imbrique sur une dizaine de niveaux : cherchez des parenthèses ouvertes et jamais fermées"
            )),
        );
        diagnostic.width = place.width;
        return Err(LoadError {
            file: file.to_owned(),
            diagnostics: vec![diagnostic],
        });
    }
    let options = ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME);
    options.from_str::<T>(source).map_err(|err| LoadError {
        file: file.to_owned(),
        diagnostics: vec![syntax_diagnostic(source, file, &err)],
    })
}

fn locate_findings(source: &str, file: &str, findings: Vec<Finding>) -> Vec<Diagnostic> {
    if findings.is_empty() {
        return Vec::new();
    }
    let map = SourceMap::build(source);
    let mut ranked: Vec<(bool, Diagnostic)> = findings
        .into_iter()
        .map(|finding| {
            let consequence = finding.consequence;
            let place = map.resolve_item(&finding.path);
            let mut hint = finding.hint;
            if let Some(related) = &finding.related {
                let other = map.resolve_item(related);
                let (line, column) = (other.line, other.column);
                let see = say!(
                    "the other one is at line {line}, column {column}",
                    "l'autre est à la ligne {line}, colonne {column}"
                );
                hint = Some(match hint {
                    Some(hint) => {
                        let (fr, en) = (hint.get("fr"), hint.get("en"));
                        let (see_fr, see_en) = (see.get("fr"), see.get("en"));
                        Text::fr_en(format!("{fr} ; {see_fr}"), format!("{en}; {see_en}"))
                    }
                    None => see,
                });
            }
            let mut diagnostic = Diagnostic::at(
                finding.severity,
                file,
                source,
                place.line,
                place.column,
                finding.message,
                hint,
            );
            diagnostic.width = place.width;
            (consequence, diagnostic)
        })
        .collect();
    // In a cascade the root cause comes first: errors that follow from
    // another reported error come after every root cause.
    ranked.sort_by_key(|(consequence, d)| (d.severity, *consequence, d.line, d.column));
    ranked.into_iter().map(|(_, d)| d).collect()
}

fn syntax_diagnostic(source: &str, file: &str, err: &SpannedError) -> Diagnostic {
    let (message, hint) = explain(&err.code);
    let position = err.span.start;
    // ron reports the end of the file one line past a trailing newline.
    let lines = source.lines().count().max(1);
    let (line, column) = if position.line > lines {
        let (line, column) = line_column(source, source.trim_end().len());
        (line, column)
    } else {
        (position.line, position.col)
    };
    if let Some((start, number)) = decimal_for_whole(source, line, column) {
        let mut diagnostic = Diagnostic::at(
            Severity::Error,
            file,
            source,
            line,
            start,
            say!(
                "expected a whole number, found {number}",
                "nombre entier attendu, trouvé {number}"
            ),
            Some(say!(
                "write it without a decimal point, such as `2`",
                "écrivez-le sans virgule décimale, comme `2`"
            )),
        );
        diagnostic.width = number.chars().count();
        return diagnostic;
    }
    let (message, hint) = match quote_inside_text(source, line, column) {
        Some(quote_column) => {
            let mut diagnostic = Diagnostic::at(
                Severity::Error,
                file,
                source,
                line,
                quote_column,
                say!(
                    "a `\"` inside a text ends the text here",
                    "un `\"` dans un texte termine le texte ici"
                ),
                Some(say!(
                    "write \\\" for a quote inside a text, or use « » or ' instead",
                    "écrivez \\\" pour un guillemet dans un texte, ou employez « » ou ' à la place"
                )),
            );
            diagnostic.width = 1;
            return diagnostic;
        }
        None => (message, hint),
    };
    let (line, column) = if matches!(err.code, RonError::ExpectedComma) {
        after_previous_token(source, line, column)
    } else {
        (line, column)
    };
    let mut diagnostic = Diagnostic::at(Severity::Error, file, source, line, column, message, hint);
    diagnostic.width = word_width(&diagnostic.snippet, column);
    diagnostic
}

/// When an error sits on the `.` of a decimal number (`weight: 2.5` where a
/// whole number is expected, which the parser reads as `2` then a stray
/// `.5`), the column where the number starts and the number as written.
fn decimal_for_whole(source: &str, line: usize, column: usize) -> Option<(usize, String)> {
    let text: Vec<char> = source.lines().nth(line.checked_sub(1)?)?.chars().collect();
    let at = column.checked_sub(1)?;
    if text.get(at) != Some(&'.') || !text.get(at + 1).is_some_and(char::is_ascii_digit) {
        return None;
    }
    let mut start = at;
    while start > 0 && text[start - 1].is_ascii_digit() {
        start -= 1;
    }
    if start == at {
        return None;
    }
    let mut end = at + 1;
    while text.get(end).is_some_and(char::is_ascii_digit) {
        end += 1;
    }
    Some((start + 1, text[start..end].iter().collect()))
}

/// When an error sits just after a text closed by a quote that is followed
/// by more words on the same line (`"il dit "non" ce soir"`), the column of
/// that quote: it was meant to be inside the text.
fn quote_inside_text(source: &str, line: usize, column: usize) -> Option<usize> {
    let text: Vec<char> = source.lines().nth(line.checked_sub(1)?)?.chars().collect();
    let at = column.checked_sub(1)?;
    let mut before = at;
    while before > 0 && text.get(before - 1).is_some_and(|c| *c == ' ') {
        before -= 1;
    }
    let closing = before.checked_sub(1)?;
    let starts_word = text.get(at).is_some_and(|c| c.is_alphanumeric());
    let quoted = text.get(closing) == Some(&'"') && text[..closing].contains(&'"');
    (starts_word && quoted).then_some(closing + 1)
}

/// The position just after the last token before (line, column): where a
/// missing comma belongs.
fn after_previous_token(source: &str, line: usize, column: usize) -> (usize, usize) {
    let Some(line_start) = source
        .split_inclusive('\n')
        .take(line - 1)
        .map(str::len)
        .reduce(|a, b| a + b)
        .or(Some(0))
    else {
        return (line, column);
    };
    let offset = line_start
        + source[line_start..]
            .chars()
            .take(column - 1)
            .map(char::len_utf8)
            .sum::<usize>();
    let before = source[..offset.min(source.len())].trim_end();
    if before.is_empty() {
        return (line, column);
    }
    line_column(source, before.len())
}

/// How many characters of a name or number start at `column`, at least 1.
fn word_width(line: &str, column: usize) -> usize {
    line.chars()
        .skip(column - 1)
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .count()
        .max(1)
}

fn one_of(names: &[&str]) -> String {
    let list: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    list.join(", ")
}

/// What may be written here, with the nearest name first when one is close.
fn did_you_mean(found: &str, expected: &[&str], fields: bool) -> Text {
    let names = one_of(expected);
    let allowed = if fields {
        say!(
            "fields allowed here: {names}",
            "champs permis ici : {names}"
        )
    } else {
        say!(
            "values allowed here: {names}",
            "valeurs permises ici : {names}"
        )
    };
    match closest(found, expected.iter().copied()) {
        Some(near) => {
            let (fr, en) = (allowed.get("fr"), allowed.get("en"));
            say!(
                "did you mean `{near}`? {en}",
                "vouliez-vous dire `{near}` ? {fr}"
            )
        }
        None => allowed,
    }
}

/// The message and hint of a parse error, in French and English.
fn explain(code: &RonError) -> (Text, Option<Text>) {
    let brackets = say!(
        "check that every `(`, `[` and `{{` opened earlier has its partner",
        "vérifiez que chaque `(`, `[` et `{{` ouvert plus haut a son partenaire"
    );
    let (brackets_fr, brackets_en) = (brackets.get("fr").to_owned(), brackets.get("en").to_owned());
    let see_docs = || {
        say!(
            "docs/authoring.md gives the type of every field",
            "docs/authoring.md donne le type de chaque champ"
        )
    };
    let outer_of = |outer: &Option<String>| outer.clone().filter(|o| !o.is_empty());
    match code {
        RonError::Eof => (
            say!(
                "the file ends before the case is complete",
                "le fichier se termine avant que le cas soit complet"
            ),
            Some(say!(
                "a bracket is probably not closed: {brackets_en}",
                "une parenthèse n'est sans doute pas fermée : {brackets_fr}"
            )),
        ),
        RonError::ExpectedComma => (
            say!("expected a comma here", "virgule attendue ici"),
            Some(say!(
                "fields and list items are separated by `,`: add one here",
                "les champs et les éléments d'une liste sont séparés par `,` : ajoutez-en une ici"
            )),
        ),
        RonError::ExpectedStructLikeEnd | RonError::ExpectedOptionEnd => (
            say!("expected `)` here", "`)` attendue ici"),
            Some(say!(
                "a comma may be missing between two fields, or {brackets_en}",
                "il manque peut-être une virgule entre deux champs, ou {brackets_fr}"
            )),
        ),
        RonError::ExpectedArrayEnd => (
            say!(
                "expected `]` to close the list",
                "`]` attendu pour fermer la liste"
            ),
            Some(say!(
                "list items are separated by `,` and the list ends with `]`",
                "les éléments d'une liste sont séparés par `,` et la liste se termine par `]`"
            )),
        ),
        RonError::ExpectedArray => (
            say!(
                "expected a list in square brackets",
                "liste entre crochets attendue"
            ),
            Some(say!(
                "write a list as `[first, second]`, or `[]` when it is empty",
                "écrivez une liste `[premier, second]`, ou `[]` quand elle est vide"
            )),
        ),
        RonError::ExpectedMapEnd => (
            say!("expected `}}` here", "`}}` attendue ici"),
            Some(brackets),
        ),
        RonError::ExpectedMapColon => (
            say!("expected `:` after the name", "`:` attendu après le nom"),
            Some(say!(
                "write fields as `name: value`",
                "écrivez les champs `nom: valeur`"
            )),
        ),
        RonError::ExpectedStructLike | RonError::ExpectedNamedStructLike(_) => (
            say!("expected an opening `(` here", "`(` ouvrante attendue ici"),
            Some(say!(
                "a group of fields is written `(name: value, other: value)`",
                "un groupe de champs s'écrit `(nom: valeur, autre: valeur)`"
            )),
        ),
        RonError::ExpectedIdentifier => (
            say!(
                "expected a name without quotes here",
                "nom sans guillemets attendu ici"
            ),
            Some(say!(
                "a choice among fixed values, such as `verdict: Breach` or `secrecy: Professional`, is written without quotes",
                "un choix parmi des valeurs fixes, comme `verdict: Breach` ou `secrecy: Professional`, s'écrit sans guillemets"
            )),
        ),
        RonError::ExpectedString => (
            say!(
                "expected a text between double quotes",
                "texte entre guillemets droits attendu"
            ),
            Some(say!(
                "write texts and ids as \"…\", with straight double quotes",
                "écrivez textes et identifiants \"…\", entre guillemets droits"
            )),
        ),
        RonError::ExpectedStringEnd => (
            say!("this text is never closed", "ce texte n'est jamais fermé"),
            Some(say!(
                "add the closing `\"`; a `\"` inside a text is written `\\\"`",
                "ajoutez le `\"` fermant ; un `\"` dans un texte s'écrit `\\\"`"
            )),
        ),
        RonError::ExpectedInteger => (
            say!("expected a whole number", "nombre entier attendu"),
            Some(say!(
                "write it without quotes, such as `3`",
                "écrivez-le sans guillemets, comme `3`"
            )),
        ),
        RonError::ExpectedFloat => (
            say!("expected a number", "nombre attendu"),
            Some(say!(
                "write it without quotes, such as `1.5` or `2`",
                "écrivez-le sans guillemets, avec un point décimal, comme `1.5` ou `2`"
            )),
        ),
        RonError::ExpectedBoolean => (
            say!("expected `true` or `false`", "`true` ou `false` attendu"),
            Some(say!(
                "write it without quotes",
                "écrivez-le sans guillemets"
            )),
        ),
        RonError::IntegerOutOfBounds => (
            say!("this number is out of range", "ce nombre est hors limites"),
            Some(say!(
                "use a smaller number; weights and trust levels go from 0 to 5",
                "employez un nombre plus petit ; poids et niveaux de confiance vont de 0 à 5"
            )),
        ),
        RonError::NoSuchStructField {
            expected,
            found,
            outer,
        } => (
            match outer_of(outer) {
                Some(outer) => say!(
                    "unknown field `{found}` in {outer}",
                    "champ inconnu dans {outer} : `{found}`"
                ),
                None => say!("unknown field `{found}`", "champ inconnu : `{found}`"),
            },
            Some(did_you_mean(found, expected, true)),
        ),
        RonError::MissingStructField { field, outer } => (
            match outer_of(outer) {
                Some(outer) => say!(
                    "missing field `{field}` in {outer}",
                    "champ manquant dans {outer} : `{field}`"
                ),
                None => say!("missing field `{field}`", "champ manquant : `{field}`"),
            },
            Some(say!(
                "add `{field}: …` before the closing `)`; docs/authoring.md lists every field",
                "ajoutez `{field}: …` avant la `)` fermante ; docs/authoring.md liste tous les champs"
            )),
        ),
        RonError::DuplicateStructField { field, outer } => (
            match outer_of(outer) {
                Some(outer) => say!(
                    "the field `{field}` is written twice in {outer}",
                    "le champ `{field}` est écrit deux fois dans {outer}"
                ),
                None => say!(
                    "the field `{field}` is written twice",
                    "le champ `{field}` est écrit deux fois"
                ),
            },
            Some(say!("keep one of the two", "gardez l'un des deux")),
        ),
        RonError::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => (
            match outer_of(outer) {
                Some(outer) => say!("unknown {outer} `{found}`", "{outer} inconnu : `{found}`"),
                None => say!("unknown choice `{found}`", "choix inconnu : `{found}`"),
            },
            Some(did_you_mean(found, expected, false)),
        ),
        RonError::ExpectedDifferentStructName { expected, found } => (
            say!(
                "expected `{expected}(` here, found `{found}(`",
                "`{expected}(` attendu ici, trouvé `{found}(`"
            ),
            Some(say!(
                "rename it `{expected}`, or leave the name out and write only `(`",
                "renommez-le `{expected}`, ou omettez le nom et écrivez seulement `(`"
            )),
        ),
        RonError::TrailingCharacters => (
            say!(
                "unexpected text after the end of the case",
                "texte inattendu après la fin du cas"
            ),
            Some(say!(
                "a file holds one `Scenario(…)` or one `Rulebook(…)`; there may be one `)` too many above",
                "un fichier contient un seul `Scenario(…)` ou un seul `Rulebook(…)` ; il y a peut-être une `)` de trop plus haut"
            )),
        ),
        RonError::UnexpectedChar(c) => (
            say!("unexpected character `{c}`", "caractère inattendu : `{c}`"),
            Some(say!(
                "texts go between double quotes; {brackets_en}",
                "les textes vont entre guillemets droits ; {brackets_fr}"
            )),
        ),
        RonError::UnclosedBlockComment => (
            say!(
                "a `/*` comment is never closed",
                "un commentaire `/*` n'est jamais fermé"
            ),
            Some(say!("close it with `*/`", "fermez-le par `*/`")),
        ),
        RonError::InvalidValueForType { expected, found }
            if found.contains('.')
                && (expected.contains("integer")
                    || expected.starts_with('u')
                    || expected.starts_with('i')) =>
        {
            (
                say!(
                    "expected a whole number, found {found}",
                    "nombre entier attendu, trouvé {found}"
                ),
                Some(say!(
                    "write it without a decimal point, such as `2`",
                    "écrivez-le sans virgule décimale, comme `2`"
                )),
            )
        }
        RonError::InvalidValueForType { expected, found } => (
            say!(
                "expected {expected}, found {found}",
                "attendu : {expected} ; trouvé : {found}"
            ),
            Some(see_docs()),
        ),
        RonError::ExpectedDifferentLength { expected, found } => (
            say!(
                "expected {expected}, found a list of {found}",
                "attendu : {expected} ; trouvé : une liste de {found}"
            ),
            None,
        ),
        RonError::ExceededRecursionLimit => (
            say!(
                "the file nests brackets too deeply",
                "le fichier imbrique trop de parenthèses"
            ),
            Some(brackets),
        ),
        RonError::Message(message) => (
            Text::fr_en(message.clone(), message.clone()),
            Some(see_docs()),
        ),
        other => {
            let message = other.to_string();
            (Text::fr_en(message.clone(), message), Some(brackets))
        }
    }
}
