//! The command line as an author and a trainer use it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The program on a system set to English: a test that reads French asks
/// for it with `--lang fr`.
fn faisceau(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_faisceau"))
        .args(args)
        .env("LC_ALL", "en_GB.UTF-8")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("faisceau-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn tutorial() -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/engine/tests/fixtures/premier_cas.ron"),
    )
    .unwrap()
}

#[test]
fn check_of_the_library_is_clean() {
    let output = faisceau(&["check", "scenarios/"]);
    let text = stdout(&output);
    assert!(output.status.success(), "{text}");
    assert!(
        text.contains("✓ scenarios/foyer_fugues.ron — Maëlle's nights"),
        "{text}"
    );
    assert!(text.contains("solvable: yes"), "{text}");
    assert!(
        text.contains("rulebook: france (scenarios/rulebooks/france.ron), law as of"),
        "{text}"
    );
    assert!(text.contains("0 with errors"), "{text}");
}

#[test]
fn check_reports_every_error_with_its_place_and_fails() {
    let dir = scratch("broken");
    let broken = tutorial()
        .replacen(r#"reveals: ["dort_gare"]"#, r#"reveals: ["dort_gar"]"#, 1)
        .replacen(
            r#"category: "vulnerabilite", name"#,
            r#"category: "vulnerable", name"#,
            1,
        );
    std::fs::write(dir.join("broken.ron"), &broken).unwrap();
    std::fs::write(dir.join("good.ron"), tutorial()).unwrap();
    std::fs::write(dir.join("notes.txt"), "not a scenario").unwrap();
    let output = faisceau(&["check", dir.to_str().unwrap()]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    let broken_line = broken
        .lines()
        .position(|l| l.contains("dort_gar\""))
        .unwrap()
        + 1;
    assert!(
        text.contains(&format!("broken.ron:{broken_line}:")),
        "{text}"
    );
    assert!(text.contains("error: unknown clue `dort_gar`"), "{text}");
    assert!(text.contains("hint: did you mean `dort_gare`?"), "{text}");
    assert!(
        text.contains("error: unknown category `vulnerable`"),
        "{text}"
    );
    assert!(
        text.contains("2 files checked: 1 ok, 1 with errors"),
        "{text}"
    );
    // A French author reads the same places in French, asked or from the system.
    let french = stdout(&faisceau(&["check", dir.to_str().unwrap(), "--lang", "fr"]));
    assert!(
        french.contains(&format!("broken.ron:{broken_line}:")),
        "{french}"
    );
    assert!(
        french.contains("erreur : indice inconnu : `dort_gar`"),
        "{french}"
    );
    assert!(
        french.contains("conseil : vouliez-vous dire `dort_gare` ?"),
        "{french}"
    );
    assert!(
        french.contains("erreur : catégorie d'indicateurs inconnue : `vulnerable`"),
        "{french}"
    );
    assert!(
        french.contains("2 fichiers vérifiés : 1 sans erreur, 1 avec des erreurs"),
        "{french}"
    );
    assert!(!french.contains("hint"), "{french}");
    let from_system = Command::new(env!("CARGO_BIN_EXE_faisceau"))
        .args(["check", dir.to_str().unwrap()])
        .env("LC_ALL", "fr_FR.UTF-8")
        .output()
        .expect("runs");
    assert_eq!(stdout(&from_system), french);
}

#[test]
fn check_json_gives_one_object_per_file() {
    let dir = scratch("json");
    std::fs::write(
        dir.join("a_broken.ron"),
        tutorial().replacen("    title:", "    titel:", 1),
    )
    .unwrap();
    std::fs::write(dir.join("b_good.ron"), tutorial()).unwrap();
    let output = faisceau(&["check", dir.to_str().unwrap(), "--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    let objects: Vec<serde_json::Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(objects.len(), 2);
    let broken = &objects[0];
    assert_eq!(broken["ok"], false);
    assert_eq!(broken["solvable"], false);
    let error = &broken["errors"][0];
    assert!(error["file"].as_str().unwrap().ends_with("a_broken.ron"));
    assert_eq!(error["line"], 5);
    assert_eq!(error["column"], 5);
    assert!(error["message"].as_str().unwrap().contains("titel"));
    assert!(error["hint"].as_str().unwrap().contains("title"));
    let good = &objects[1];
    assert_eq!(good["ok"], true);
    assert_eq!(good["solvable"], true);
    assert_eq!(good["languages"], serde_json::json!(["fr", "en"]));
    assert_eq!(
        good["counts"],
        serde_json::json!({"roles": 2, "clues": 2, "actions": 2, "decisions": 1})
    );
    assert_eq!(good["warnings"], serde_json::json!([]));
}

#[test]
fn a_missing_file_is_a_clear_error() {
    let output = faisceau(&["check", "no/such/case.ron"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr)
            .contains("no/such/case.ron: no such file or directory")
    );
}

#[test]
fn simulate_reports_the_solve_rate() {
    let output = faisceau(&[
        "simulate",
        "scenarios/foyer_fugues.ron",
        "--runs",
        "50",
        "--seed",
        "3",
        "--format",
        "json",
    ]);
    assert!(output.status.success());
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let rate = report["solve_rate"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&rate));
    assert_eq!(report["runs"], 50);
    assert!(report["median_minutes"].as_u64().unwrap() > 0);
    assert!(report["clues_found"].as_f64().unwrap() > 0.0);
    assert_eq!(report["decisions"].as_array().unwrap().len(), 5);
    // What tells an author whether the case teaches: traps, injects, key shares.
    // Three clues' traps and one tempting share (Maëlle's debt told to the police).
    assert_eq!(report["traps"].as_array().unwrap().len(), 4);
    assert_eq!(report["traps"][3]["clue"], "dette_a_la_police");
    assert_eq!(report["traps"][3]["share"], true);
    assert_eq!(report["injects"].as_array().unwrap().len(), 3);
    assert_eq!(report["key_shares"].as_array().unwrap().len(), 4);
    let fired = report["injects"][0]["fired"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&fired));
    let again = faisceau(&[
        "simulate",
        "scenarios/foyer_fugues.ron",
        "--runs",
        "50",
        "--seed",
        "3",
        "--format",
        "json",
    ]);
    assert_eq!(
        stdout(&output),
        stdout(&again),
        "the same seed gives the same figures"
    );

    let human = stdout(&faisceau(&[
        "simulate",
        "scenarios/foyer_fugues.ron",
        "--runs",
        "20",
    ]));
    assert!(
        human.contains("solved (correct conclusion and bundle):"),
        "{human}"
    );
    assert!(human.contains("signalement_parquet"), "{human}");
}

#[test]
fn simulate_refuses_a_broken_case_with_its_diagnostics() {
    let dir = scratch("simulate");
    let path = dir.join("broken.ron");
    std::fs::write(&path, tutorial().replacen("    title:", "    titel:", 1)).unwrap();
    let output = faisceau(&["simulate", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("unknown field `titel`"), "{err}");
}

#[test]
fn the_rulebook_prints_as_tables_for_a_lawyer_in_french_and_english_and_as_json() {
    let output = faisceau(&["rulebook", "scenarios/rulebooks/france.ron", "--lang", "fr"]);
    assert!(output.status.success());
    let text = stdout(&output);
    assert_eq!(
        text,
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rulebook-fr.md"))
            .unwrap(),
        "docs/rulebook-fr.md is the command's French output"
    );
    let output = faisceau(&["rulebook", "scenarios/rulebooks/france.ron", "--lang", "en"]);
    let text = stdout(&output);
    assert!(text.contains("## Legal frames of sharing"), "{text}");
    assert!(
        text.contains("| **Signalement to the prosecutor** (`signalement`) |"),
        "{text}"
    );
    assert!(
        text.contains("copy required to: Child-protection referral unit (CRIP)"),
        "{text}"
    );
    let output = faisceau(&[
        "rulebook",
        "scenarios/rulebooks/france.ron",
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["id"], "france");
    assert_eq!(json["law_as_of"], "2026-11-30");
}

#[test]
fn a_case_beside_its_own_rulebook_is_checked_with_it_and_an_old_case_gets_one_error() {
    let dir = scratch("rulebook");
    std::fs::create_dir_all(dir.join("rulebooks")).unwrap();
    let book = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/rulebooks/france.ron"),
    )
    .unwrap();
    // A lawyer's copy beside the case is the one used, and its mistakes are
    // reported against its own file.
    std::fs::write(
        dir.join("rulebooks/france.ron"),
        book.replacen("law_as_of: \"2026-11-30\"", "law_as_of: \"30/11/2026\"", 1),
    )
    .unwrap();
    std::fs::write(dir.join("case.ron"), tutorial()).unwrap();
    let output = faisceau(&["check", dir.join("case.ron").to_str().unwrap()]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(
        text.contains("rulebooks/france.ron:"),
        "the error is located in the rulebook: {text}"
    );
    assert!(text.contains("`30/11/2026` is not a date"), "{text}");

    let old = tutorial().replacen("    clues: [", "    sharing_rules: [],\n    clues: [", 1);
    std::fs::write(dir.join("rulebooks/france.ron"), &book).unwrap();
    std::fs::write(dir.join("case.ron"), old).unwrap();
    let output = faisceau(&["check", dir.join("case.ron").to_str().unwrap()]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(text.matches("error:").count(), 1, "{text}");
    assert!(text.contains("old format"), "{text}");
    assert!(text.contains("Migrating a case to a rulebook"), "{text}");
}
