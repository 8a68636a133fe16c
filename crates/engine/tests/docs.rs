//! docs/authoring.md stays true: its walkthrough case loads cleanly, and it
//! documents every field of every record of the format.

mod common;

use faisceau_engine::load;
use faisceau_engine::model;
use faisceau_engine::rulebook;
use serde::de::DeserializeOwned;

const AUTHORING: &str = include_str!("../../../docs/authoring.md");

/// The fenced blocks of a language that follow a marker, in order.
fn blocks_after(marker: &str, language: &str) -> Vec<String> {
    AUTHORING
        .split(marker)
        .skip(1)
        .map(|rest| {
            let fence = format!("```{language}\n");
            let body = rest
                .split_once(&fence)
                .expect("a fenced block follows the marker")
                .1;
            body.split_once("```")
                .expect("the block is closed")
                .0
                .to_owned()
        })
        .collect()
}

/// What `faisceau check` prints first for a text: the first error, or the ✓ line.
fn first_answer(text: &str) -> String {
    match load(text, "gare.ron", &common::shelf()) {
        Ok(loaded) => format!("✓ gare.ron — {}", loaded.case.scenario().title.get("fr")),
        Err(err) => format!(
            "error: {}",
            err.errors().next().expect("an error").message("en")
        ),
    }
}

#[test]
fn the_tutorial_followed_literally_gives_the_answers_it_announces() {
    let steps = blocks_after("<!-- tutorial:step -->", "ron");
    let answers = blocks_after("<!-- tutorial:expect -->", "text");
    assert_eq!(steps.len(), 8);
    assert_eq!(answers.len(), steps.len());
    let mut file = steps[0].clone();
    for (i, (step, expected)) in steps.iter().zip(&answers).enumerate() {
        if i > 0 {
            // "Each step adds lines just before the last line, the one with the single `)`."
            let last = file.trim_end().rfind('\n').expect("several lines");
            assert_eq!(file[last..].trim(), ")", "the file ends with `)`");
            file = format!("{}\n{}{}", &file[..last], step, &file[last + 1..]);
        }
        assert_eq!(
            first_answer(&file),
            expected.trim(),
            "step {}:\n{file}",
            i + 1
        );
    }
    let loaded = load(&file, "gare.ron", &common::shelf()).unwrap();
    assert!(loaded.warnings.is_empty(), "{:#?}", loaded.warnings);
    let fixture = include_str!("fixtures/premier_cas.ron");
    assert_eq!(
        file.trim(),
        fixture.split_once('\n').unwrap().1.trim(),
        "the tutorial builds the fixture case"
    );

    // The mistake shown at the end sits where the text says.
    let line = file
        .lines()
        .position(|l| l.contains(r#"reveals: ["dort_gare"]"#))
        .unwrap()
        + 1;
    let column = file
        .lines()
        .nth(line - 1)
        .unwrap()
        .find("\"dort_gare\"")
        .unwrap()
        + 1;
    assert!(
        AUTHORING.contains(&format!("--> gare.ron:{line}:{column}")),
        "line {line}, column {column}"
    );
    let broken = file.replace(r#"reveals: ["dort_gare"]"#, r#"reveals: ["dort_gar"]"#);
    let error = load(&broken, "gare.ron", &common::shelf()).unwrap_err();
    let shown = error.errors().next().unwrap().to_string();
    assert!(
        AUTHORING.contains(shown.trim_end()),
        "the doc shows:\n{shown}"
    );
}

/// The fields of a record, as the deserializer lists them when it meets an unknown one.
fn fields<T: DeserializeOwned + std::fmt::Debug>() -> Vec<&'static str> {
    match ron::from_str::<T>("(zzz_not_a_field: 0)") {
        Err(ron::error::SpannedError {
            code: ron::Error::NoSuchStructField { expected, .. },
            ..
        }) => expected.to_vec(),
        other => panic!("expected an unknown-field error, got {other:?}"),
    }
}

#[test]
fn every_field_is_documented() {
    let records: Vec<(&str, Vec<&str>)> = vec![
        ("Scenario", fields::<model::Scenario>()),
        ("Source", fields::<model::Source>()),
        ("Category", fields::<model::Category>()),
        ("Indicator", fields::<model::Indicator>()),
        ("Role", fields::<model::Role>()),
        ("Person", fields::<model::Person>()),
        ("PhaseBudget", fields::<model::PhaseBudget>()),
        ("ActUse", fields::<model::ActUse>()),
        ("SituationUse", fields::<model::SituationUse>()),
        ("ShareTrap", fields::<model::ShareTrap>()),
        ("ShareBinding", fields::<model::ShareBinding>()),
        ("Situation", fields::<rulebook::Situation>()),
        ("Override", fields::<rulebook::Override>()),
        ("Rulebook", fields::<rulebook::Rulebook>()),
        ("Profession", fields::<rulebook::Profession>()),
        ("InfoClass", fields::<rulebook::InfoClass>()),
        ("ActKind", fields::<rulebook::ActKind>()),
        ("Frame", fields::<rulebook::Frame>()),
        ("Exception", fields::<rulebook::Exception>()),
        ("Clue", fields::<model::Clue>()),
        ("Support", fields::<model::Support>()),
        ("Trap", fields::<model::Trap>()),
        ("Action", fields::<model::Action>()),
        ("Outcome", fields::<model::Outcome>()),
        ("Decision", fields::<model::Decision>()),
        ("ConclusionOption", fields::<model::ConclusionOption>()),
        ("Orientation", fields::<model::Orientation>()),
        ("Requirement", fields::<model::Requirement>()),
        ("ExpectedDecision", fields::<model::ExpectedDecision>()),
        ("KeyShare", fields::<model::KeyShare>()),
        ("Solution", fields::<model::Solution>()),
        ("Inject", fields::<model::Inject>()),
        ("Phase", fields::<model::Phase>()),
        ("TeachingPoint", fields::<model::TeachingPoint>()),
    ];
    for (record, names) in records {
        assert!(!names.is_empty(), "{record}");
        for name in names {
            assert!(
                AUTHORING.contains(&format!("| `{name}` |")),
                "docs/authoring.md does not document `{name}` of {record}"
            );
        }
    }
}
