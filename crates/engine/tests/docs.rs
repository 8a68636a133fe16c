//! docs/authoring.md stays true: its walkthrough case loads cleanly, and it
//! documents every field of every record of the format.

use faisceau_engine::load;
use faisceau_engine::model;
use serde::de::DeserializeOwned;

const AUTHORING: &str = include_str!("../../../docs/authoring.md");

#[test]
fn the_walkthrough_case_passes_check_without_warnings() {
    let begin = AUTHORING
        .find("<!-- walkthrough:begin -->")
        .expect("marker");
    let end = AUTHORING.find("<!-- walkthrough:end -->").expect("marker");
    let block = &AUTHORING[begin..end];
    let ron = block
        .split("```ron")
        .nth(1)
        .and_then(|b| b.split("```").next())
        .expect("a ron block");
    let loaded = load(ron, "gare.ron").unwrap_or_else(|e| panic!("{:#?}", e.diagnostics));
    assert!(loaded.warnings.is_empty(), "{:#?}", loaded.warnings);
    assert!(loaded.analysis.solvable);
    assert_eq!(
        ron.trim(),
        include_str!("fixtures/premier_cas.ron")
            .split_once('\n')
            .unwrap()
            .1
            .trim(),
        "the fixture is the walkthrough"
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
        (
            "ConfidentialityClass",
            fields::<model::ConfidentialityClass>(),
        ),
        ("SharingRule", fields::<model::SharingRule>()),
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
