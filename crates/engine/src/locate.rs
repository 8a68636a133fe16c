//! Finds where a value sits in a RON file, from its path such as
//! `clues[3].indicators[0].indicator`.
//!
//! serde forgets positions once a file is deserialized, so semantic checks
//! name the value by path and this module maps the path back to a line and
//! column by walking the same text.

use std::collections::HashMap;

/// The deepest nesting of values a file may have. A case nests a condition
/// in an effect in a decision in a list: about ten levels; past this depth a
/// file is refused before it is read, so that no input costs more than its
/// size.
pub const MAX_DEPTH: usize = 100;

/// Where a text first nests values deeper than [`MAX_DEPTH`], if it does.
/// Linear in the text's size.
pub fn too_deep(source: &str) -> Option<Place> {
    let mut depth = 0usize;
    for token in tokenize(source) {
        match token.kind {
            Kind::Open => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Some(token.place);
                }
            }
            Kind::Close => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// A place in the source, with the length of the token found there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
    /// Length of the token in characters, for the caret.
    pub width: usize,
}

/// Every value's path in a RON text, mapped to its place.
#[derive(Debug, Default)]
pub struct SourceMap {
    places: HashMap<String, Place>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Open,
    Close,
    Comma,
    Colon,
    Hash,
    Ident,
    Str,
    Other,
}

struct Token<'a> {
    kind: Kind,
    text: &'a str,
    place: Place,
}

struct Frame {
    prefix: String,
    index: usize,
    key: Option<String>,
}

impl SourceMap {
    /// Walks `source` and records the place of every value. Never fails:
    /// on text that does not parse it records what it can.
    pub fn build(source: &str) -> SourceMap {
        let tokens = tokenize(source);
        let mut map = SourceMap::default();
        let mut stack: Vec<Frame> = Vec::new();
        let mut owner: Option<String> = None;
        // Levels past MAX_DEPTH are counted, not recorded: a path grows with
        // its depth, and recording each would cost the square of it.
        let mut beyond = 0usize;
        let mut i = 0;
        while i < tokens.len() {
            let token = &tokens[i];
            match token.kind {
                Kind::Hash => {
                    // An attribute such as #![enable(implicit_some)]: skip to its `]`.
                    let mut depth = 0usize;
                    i += 1;
                    while i < tokens.len() {
                        match (tokens[i].kind, tokens[i].text) {
                            (Kind::Open, "[") => depth += 1,
                            (Kind::Close, "]") => {
                                depth = depth.saturating_sub(1);
                                if depth == 0 {
                                    break;
                                }
                            }
                            _ => {}
                        }
                        i += 1;
                    }
                }
                Kind::Open if stack.len() >= MAX_DEPTH => {
                    owner = None;
                    beyond += 1;
                }
                Kind::Close if beyond > 0 => beyond -= 1,
                Kind::Open => {
                    let prefix = match owner.take() {
                        Some(path) => path,
                        None => {
                            let path = value_path(&stack);
                            map.record(&path, token.place);
                            path
                        }
                    };
                    stack.push(Frame {
                        prefix,
                        index: 0,
                        key: None,
                    });
                }
                Kind::Close => {
                    stack.pop();
                    owner = None;
                }
                Kind::Comma => {
                    if let Some(top) = stack.last_mut() {
                        top.index += 1;
                        top.key = None;
                    }
                }
                Kind::Colon => {}
                Kind::Ident | Kind::Str | Kind::Other if beyond > 0 => {}
                Kind::Ident | Kind::Str | Kind::Other => {
                    let next = tokens.get(i + 1).map(|t| (t.kind, t.text));
                    if token.kind != Kind::Other
                        && next.map(|n| n.0) == Some(Kind::Colon)
                        && let Some(top) = stack.last_mut()
                    {
                        top.key = Some(token.text.trim_matches('"').to_owned());
                        i += 2;
                        continue;
                    }
                    let path = value_path(&stack);
                    map.record(&path, token.place);
                    if token.kind == Kind::Ident && next == Some((Kind::Open, "(")) {
                        owner = Some(path);
                    }
                }
            }
            i += 1;
        }
        map
    }

    fn record(&mut self, path: &str, place: Place) {
        self.places.entry(path.to_owned()).or_insert(place);
    }

    /// The place of `path` itself, if the text has it.
    pub fn get(&self, path: &str) -> Option<Place> {
        self.places.get(path).copied()
    }

    /// The place of an item's `id` when `path` names a list item that has
    /// one, else the place of `path`: "clue X" reads best pointing at X.
    pub fn resolve_item(&self, path: &str) -> Place {
        if path.ends_with(']')
            && let Some(place) = self.places.get(&format!("{path}.id"))
        {
            return *place;
        }
        self.resolve(path)
    }

    /// The place of `path`, or of its nearest recorded ancestor, or line 1.
    pub fn resolve(&self, path: &str) -> Place {
        let mut path = path;
        loop {
            if let Some(place) = self.places.get(path) {
                return *place;
            }
            match path.rfind(['.', '[']) {
                Some(cut) => path = &path[..cut],
                None => {
                    return self.places.get("").copied().unwrap_or(Place {
                        line: 1,
                        column: 1,
                        width: 1,
                    });
                }
            }
        }
    }
}

fn value_path(stack: &[Frame]) -> String {
    match stack.last() {
        None => String::new(),
        Some(top) => match &top.key {
            Some(key) if top.prefix.is_empty() => key.clone(),
            Some(key) => format!("{}.{key}", top.prefix),
            None => format!("{}[{}]", top.prefix, top.index),
        },
    }
}

fn tokenize(source: &str) -> Vec<Token<'_>> {
    let bytes = source.as_bytes();
    let mut tokens = Vec::new();
    let mut pos = 0;
    let mut line = 1;
    let mut line_start = 0;
    while pos < bytes.len() {
        let c = bytes[pos];
        let start = pos;
        let place = |end: usize| Place {
            line,
            column: source[line_start..start].chars().count() + 1,
            width: source[start..end].chars().count().max(1),
        };
        let kind;
        match c {
            b'\n' => {
                pos += 1;
                line += 1;
                line_start = pos;
                continue;
            }
            b' ' | b'\t' | b'\r' => {
                pos += 1;
                continue;
            }
            b'/' if bytes.get(pos + 1) == Some(&b'/') => {
                while pos < bytes.len() && bytes[pos] != b'\n' {
                    pos += 1;
                }
                continue;
            }
            b'/' if bytes.get(pos + 1) == Some(&b'*') => {
                let mut depth = 0usize;
                while pos < bytes.len() {
                    if bytes[pos] == b'/' && bytes.get(pos + 1) == Some(&b'*') {
                        depth += 1;
                        pos += 2;
                    } else if bytes[pos] == b'*' && bytes.get(pos + 1) == Some(&b'/') {
                        depth -= 1;
                        pos += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        if bytes[pos] == b'\n' {
                            line += 1;
                            line_start = pos + 1;
                        }
                        pos += 1;
                    }
                }
                continue;
            }
            b'(' | b'[' | b'{' => {
                pos += 1;
                kind = Kind::Open;
            }
            b')' | b']' | b'}' => {
                pos += 1;
                kind = Kind::Close;
            }
            b',' => {
                pos += 1;
                kind = Kind::Comma;
            }
            b':' => {
                pos += 1;
                kind = Kind::Colon;
            }
            b'#' => {
                pos += 1;
                kind = Kind::Hash;
            }
            b'"' => {
                pos = skip_quoted(bytes, pos, b'"');
                kind = Kind::Str;
            }
            b'\'' => {
                pos = skip_quoted(bytes, pos, b'\'');
                kind = Kind::Other;
            }
            b'r' if matches!(bytes.get(pos + 1), Some(b'"' | b'#'))
                && raw_string_start(bytes, pos).is_some() =>
            {
                let hashes = raw_string_start(bytes, pos).unwrap_or(0);
                pos = skip_raw(bytes, pos + 1 + hashes + 1, hashes);
                kind = Kind::Str;
            }
            c if c.is_ascii_alphabetic() || c == b'_' => {
                while pos < bytes.len()
                    && (bytes[pos].is_ascii_alphanumeric() || bytes[pos] == b'_')
                {
                    pos += 1;
                }
                kind = Kind::Ident;
            }
            _ => {
                pos += 1;
                while pos < bytes.len()
                    && (bytes[pos].is_ascii_alphanumeric()
                        || matches!(bytes[pos], b'.' | b'_' | b'+' | b'-'))
                {
                    pos += 1;
                }
                // Step over a multi-byte character whole.
                while pos < bytes.len() && !source.is_char_boundary(pos) {
                    pos += 1;
                }
                kind = Kind::Other;
            }
        }
        let place = place(pos);
        // Quoted text may span lines.
        for (offset, byte) in bytes[start..pos].iter().enumerate() {
            if *byte == b'\n' {
                line += 1;
                line_start = start + offset + 1;
            }
        }
        let text = &source[start..pos];
        let text = if kind == Kind::Str && text.starts_with('r') {
            text.trim_start_matches('r').trim_matches('#')
        } else {
            text
        };
        tokens.push(Token { kind, text, place });
    }
    tokens
}

fn skip_quoted(bytes: &[u8], start: usize, quote: u8) -> usize {
    let mut pos = start + 1;
    while pos < bytes.len() {
        match bytes[pos] {
            b'\\' => pos += 2,
            b if b == quote => return pos + 1,
            _ => pos += 1,
        }
    }
    bytes.len()
}

fn raw_string_start(bytes: &[u8], start: usize) -> Option<usize> {
    let mut pos = start + 1;
    let mut hashes = 0;
    while bytes.get(pos) == Some(&b'#') {
        hashes += 1;
        pos += 1;
    }
    (bytes.get(pos) == Some(&b'"')).then_some(hashes)
}

fn skip_raw(bytes: &[u8], start: usize, hashes: usize) -> usize {
    let mut pos = start;
    while pos < bytes.len() {
        if bytes[pos] == b'"'
            && bytes[pos + 1..]
                .iter()
                .take(hashes)
                .filter(|b| **b == b'#')
                .count()
                == hashes
        {
            return (pos + 1 + hashes).min(bytes.len());
        }
        pos += 1;
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"#![enable(implicit_some)]
// A comment with ( and [ that must be ignored
Scenario(
    id: "demo",
    title: (fr: "Démo", en: "Demo"),
    clues: [
        (id: "first", text: (fr: "a", en: "b"), class: "open"),
        Clue(
            id: "second",
            indicators: [(indicator: "runaway", weight: 2)],
        ),
    ],
    actions: [(id: "talk", requires: [Knows("second"), Trust(person: "lina", at_least: 2)])],
)
"#;

    #[test]
    fn finds_fields_list_items_and_nested_values() {
        let map = SourceMap::build(SAMPLE);
        assert_eq!(
            map.resolve("id"),
            Place {
                line: 4,
                column: 9,
                width: 6
            }
        );
        assert_eq!(map.resolve("title.en").line, 5);
        assert_eq!(map.resolve("title.en").column, 29);
        assert_eq!(map.resolve("clues[0].id").line, 7);
        assert_eq!(map.resolve("clues[1]").line, 8);
        assert_eq!(map.resolve("clues[1].id").line, 9);
        let indicator = map.resolve("clues[1].indicators[0].indicator");
        assert_eq!((indicator.line, indicator.column), (10, 38));
        let knows = map.resolve("actions[0].requires[0]");
        assert_eq!((knows.line, knows.column), (13, 39));
        assert_eq!(map.resolve("actions[0].requires[1].person").line, 13);
    }

    #[test]
    fn unknown_paths_fall_back_to_the_nearest_ancestor() {
        let map = SourceMap::build(SAMPLE);
        assert_eq!(map.resolve("clues[1].trap.note"), map.resolve("clues[1]"));
        assert_eq!(map.resolve("nowhere").line, 3);
    }

    #[test]
    fn survives_garbage() {
        for text in [
            "",
            ")))",
            "((((",
            "\"unterminated",
            "r#\"x",
            "/* open",
            "#![",
            "é(à:",
        ] {
            let map = SourceMap::build(text);
            let place = map.resolve("a.b[3]");
            assert!(place.line >= 1 && place.column >= 1);
        }
    }
}
