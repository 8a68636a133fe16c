//! Authors must never see a panic: random bytes and random mutations of a
//! valid scenario give a located error (or, rarely, a valid case).

mod common;

use faisceau_engine::{Diagnostic, load, load_bytes};
use proptest::prelude::*;

const TUTORIAL: &str = include_str!("fixtures/premier_cas.ron");
const STARTER: &str = include_str!("../../../scenarios/foyer_fugues.ron");

fn assert_located(diagnostics: &[Diagnostic], source_lines: usize) {
    assert!(!diagnostics.is_empty());
    for d in diagnostics {
        assert!(d.line >= 1 && d.column >= 1, "{d:?}");
        assert!(
            d.line <= source_lines.max(1),
            "line {} beyond the file's {source_lines}: {d:?}",
            d.line
        );
        assert!(!d.message("en").is_empty() && !d.message("fr").is_empty());
        assert!(d.hint.is_some(), "every error carries a hint: {d:?}");
        let _ = d.to_string();
    }
}

/// Loads mutated text: an error must be located; success is fine.
fn check(text: &str) {
    match load(text, "mutated.ron", &common::shelf()) {
        Ok(loaded) => assert!(loaded.warnings.iter().all(|w| w.line >= 1)),
        Err(err) => {
            let errors: Vec<Diagnostic> = err
                .diagnostics
                .iter()
                .filter(|d| d.is_error())
                .cloned()
                .collect();
            assert_located(&errors, text.lines().count());
        }
    }
}

#[derive(Debug, Clone)]
enum Mutation {
    Truncate(usize),
    DeleteLine(usize),
    DuplicateLine(usize),
    SwapBrackets(usize),
    DeleteChar(usize),
    InsertChar(usize, char),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<usize>().prop_map(Mutation::Truncate),
        any::<usize>().prop_map(Mutation::DeleteLine),
        any::<usize>().prop_map(Mutation::DuplicateLine),
        any::<usize>().prop_map(Mutation::SwapBrackets),
        any::<usize>().prop_map(Mutation::DeleteChar),
        (
            any::<usize>(),
            prop::sample::select(vec![
                '(', ')', '[', ']', '{', '}', ',', ':', '"', '\\', 'é', '#', '/'
            ])
        )
            .prop_map(|(i, c)| Mutation::InsertChar(i, c)),
    ]
}

fn boundary(text: &str, i: usize) -> usize {
    let mut i = i % (text.len() + 1);
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn apply(text: &str, mutation: &Mutation) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let has_brackets = text.contains(['(', ')', '[', ']', '{', '}']);
    match *mutation {
        Mutation::DeleteLine(_) | Mutation::DuplicateLine(_) if lines.is_empty() => text.to_owned(),
        Mutation::SwapBrackets(_) if !has_brackets => text.to_owned(),
        Mutation::Truncate(i) => text[..boundary(text, i)].to_owned(),
        Mutation::DeleteLine(i) => {
            let n = i % lines.len();
            lines
                .iter()
                .enumerate()
                .filter(|(k, _)| *k != n)
                .map(|(_, l)| *l)
                .collect::<Vec<_>>()
                .join("\n")
        }
        Mutation::DuplicateLine(i) => {
            let n = i % lines.len();
            let mut out: Vec<&str> = lines.clone();
            out.insert(n, lines[n]);
            out.join("\n")
        }
        Mutation::SwapBrackets(i) => {
            let brackets: Vec<usize> = text
                .char_indices()
                .filter(|(_, c)| "()[]{}".contains(*c))
                .map(|(k, _)| k)
                .collect();
            let at = brackets[i % brackets.len()];
            let swapped = match &text[at..at + 1] {
                "(" => "[",
                "[" => "(",
                ")" => "]",
                "]" => ")",
                "{" => "(",
                _ => ")",
            };
            format!("{}{}{}", &text[..at], swapped, &text[at + 1..])
        }
        Mutation::DeleteChar(i) => {
            let at = boundary(text, i);
            let mut out = text.to_owned();
            if at < out.len() {
                out.remove(at);
            }
            out
        }
        Mutation::InsertChar(i, c) => {
            let mut out = text.to_owned();
            out.insert(boundary(text, i), c);
            out
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_give_a_located_error(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let err = load_bytes(&bytes, "random.ron", &common::shelf()).expect_err("random bytes are not a case");
        let text = String::from_utf8_lossy(&bytes);
        assert_located(&err.diagnostics, text.lines().count());
    }

    #[test]
    fn random_ron_like_text_gives_a_located_error(text in "[A-Za-z_(){}\\[\\]:,\" 0-9\n/*#]{0,300}") {
        let err = load(&text, "random.ron", &common::shelf()).expect_err("random text is not a case");
        assert_located(&err.diagnostics, text.lines().count());
    }

    #[test]
    fn mutations_of_the_tutorial_never_panic(mutations in prop::collection::vec(mutation(), 1..4)) {
        let mut text = TUTORIAL.to_owned();
        for m in &mutations {
            text = apply(&text, m);
        }
        check(&text);
    }

    #[test]
    fn mutations_of_the_starter_case_never_panic(m in mutation()) {
        check(&apply(STARTER, &m));
    }

    #[test]
    fn truncations_are_always_errors(cut in 0usize..10_000) {
        let text = TUTORIAL.trim_end();
        let at = boundary(text, cut % text.len());
        let err = load(&text[..at], "cut.ron", &common::shelf()).expect_err("a truncated case is incomplete");
        assert_located(&err.diagnostics, text[..at].lines().count());
    }
}

proptest! {
    // Each case reads up to 100,000 brackets: a few dozen cases suffice.
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Nesting of any depth up to 100,000, in any mix of brackets, with
    /// text after it: read in time and memory in proportion to its size,
    /// and refused past the limit with a located error.
    #[test]
    fn deep_nesting_is_refused_in_linear_time_with_a_located_error(
        depth in 0usize..100_000,
        brackets in prop::collection::vec(prop::sample::select(vec!['(', '[', '{']), 1..4),
        tail in "[a-z:, \n]{0,20}",
    ) {
        let mut text = String::with_capacity(depth + tail.len());
        for i in 0..depth {
            text.push(brackets[i % brackets.len()]);
        }
        text.push_str(&tail);
        let err = load(&text, "deep.ron", &common::shelf()).expect_err("nesting alone is not a case");
        assert_located(&err.diagnostics, text.lines().count());
        if depth > faisceau_engine::locate::MAX_DEPTH {
            let first = &err.diagnostics[0];
            assert!(first.message("en").contains("levels deep"), "{first:?}");
            assert_eq!(first.line, 1);
            assert_eq!(first.column, faisceau_engine::locate::MAX_DEPTH + 1);
        }
    }
}
