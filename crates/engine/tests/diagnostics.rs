//! Broken scenarios of every kind give located diagnostics with hints.

mod common;

use faisceau_engine::{Diagnostic, LoadError, Severity, load, load_bytes};

const TUTORIAL: &str = include_str!("fixtures/premier_cas.ron");

/// The 1-based line of the first occurrence of `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    let offset = text
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not in the text"));
    text[..offset].matches('\n').count() + 1
}

fn broken(from: &str, to: &str) -> String {
    assert!(TUTORIAL.contains(from), "fixture lacks `{from}`");
    TUTORIAL.replacen(from, to, 1)
}

fn errors(text: &str) -> Vec<Diagnostic> {
    match load(text, "case.ron", &common::shelf()) {
        Ok(_) => panic!("expected errors"),
        Err(LoadError { diagnostics, .. }) => {
            diagnostics.into_iter().filter(|d| d.is_error()).collect()
        }
    }
}

fn only_error(text: &str) -> Diagnostic {
    let mut errors = errors(text);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    errors.remove(0)
}

#[test]
fn the_tutorial_case_loads_without_warnings() {
    let loaded = load(TUTORIAL, "premier_cas.ron", &common::shelf()).expect("loads");
    assert!(loaded.warnings.is_empty(), "{:#?}", loaded.warnings);
    assert!(loaded.analysis.solvable);
}

#[test]
fn a_missing_comma_points_where_the_comma_belongs() {
    let text = broken("id: \"premier_cas\",", "id: \"premier_cas\"");
    let error = only_error(&text);
    assert_eq!((error.line, error.column), (3, 22));
    assert_eq!(error.message("en"), "expected a comma here");
    let shown = error.to_string();
    assert!(shown.contains("case.ron:3:22"), "{shown}");
    assert!(shown.contains("id: \"premier_cas\""), "{shown}");
    assert!(shown.contains('^'), "{shown}");
}

#[test]
fn an_unknown_field_suggests_the_right_name() {
    let text = broken("    title:", "    titel:");
    let error = only_error(&text);
    assert_eq!((error.line, error.column, error.width), (5, 5, 5));
    assert!(
        error.message("en").contains("unknown field `titel`"),
        "{}",
        error.message("en")
    );
    assert!(
        error
            .hint("en")
            .unwrap()
            .starts_with("did you mean `title`?")
    );
}

#[test]
fn an_unknown_profession_suggests_the_right_one() {
    let text = broken("profession: \"policier\",", "profession: \"policer\",");
    let error = only_error(&text);
    assert_eq!(error.line, line_of(&text, "policer"));
    assert_eq!(error.message("en"), "unknown profession `policer`");
    assert!(
        error
            .hint("en")
            .unwrap()
            .contains("did you mean `policier`?"),
        "{error:?}"
    );
}

#[test]
fn a_missing_field_is_named() {
    let text = broken("    conclusions: [", "    conclusion_list: [");
    let error = only_error(&text);
    assert!(
        error
            .message("en")
            .contains("unknown field `conclusion_list`"),
        "{error:?}"
    );
    let text = broken(
        "            class: \"educatif\",\n        ),\n        (\n            id: \"homme_voiture\"",
        "        ),\n        (\n            id: \"homme_voiture\"",
    );
    let error = only_error(&text);
    assert!(
        error.message("en").contains("missing field `class`"),
        "{error:?}"
    );
    assert!(error.line > 1);
}

#[test]
fn an_unclosed_text_and_a_truncated_file_are_located() {
    let text = broken("\"Un soir à la gare\",", "\"Un soir à la gare,");
    let error = only_error(&text);
    assert!(error.line >= 4, "{error:?}");
    let half = TUTORIAL[..TUTORIAL.len() / 2].rfind('\n').unwrap();
    let truncated = &TUTORIAL[..half];
    let error = only_error(truncated);
    assert!(error.message("en").contains("ends before"), "{error:?}");
    assert!(error.line <= truncated.lines().count());
}

#[test]
fn a_plain_string_where_translations_are_needed_says_so() {
    let text = broken(
        r#"title: (fr: "Un soir à la gare", en: "An evening at the station"),"#,
        r#"title: "Un soir à la gare","#,
    );
    let error = only_error(&text);
    assert_eq!(error.line, 5);
    assert!(
        error.message("en").contains("(fr: \"…\", en: \"…\")"),
        "{error:?}"
    );
}

#[test]
fn an_unknown_reference_is_located_with_a_suggestion() {
    let text = broken(r#"reveals: ["dort_gare"]"#, r#"reveals: ["dort_gar"]"#);
    let error = only_error(&text);
    assert_eq!(error.message("en"), "unknown clue `dort_gar`");
    assert_eq!(error.hint("en"), Some("did you mean `dort_gare`?"));
    assert_eq!(error.line, line_of(&text, r#"["dort_gar"]"#));
    assert_eq!(
        error.column,
        text.lines()
            .nth(error.line - 1)
            .unwrap()
            .find("\"dort_gar\"")
            .unwrap()
            + 1
    );
}

#[test]
fn a_duplicate_id_points_at_both() {
    let text = broken(r#"id: "homme_voiture","#, r#"id: "dort_gare","#);
    let all = errors(&text);
    let duplicate = all
        .iter()
        .find(|d| d.message("en").contains("used twice"))
        .expect("duplicate reported");
    assert_eq!(
        duplicate.message("en"),
        "the clue id `dort_gare` is used twice"
    );
    let second = text.rfind(r#"id: "dort_gare""#).unwrap();
    assert_eq!(duplicate.line, text[..second].matches('\n').count() + 1);
    let first_line = line_of(&text, r#"id: "dort_gare""#);
    assert!(
        duplicate
            .hint("en")
            .unwrap()
            .contains(&format!("line {first_line}")),
        "{duplicate:?}"
    );
}

#[test]
fn every_semantic_error_is_reported_in_one_run() {
    let text = broken(r#"reveals: ["dort_gare"]"#, r#"reveals: ["dort_gar"]"#)
        .replacen(
            r#"category: "vulnerabilite", name"#,
            r#"category: "vulnerable", name"#,
            1,
        )
        .replacen(
            "weight: 2)],\n            class: \"educatif\"",
            "weight: 9)],\n            class: \"educatif\"",
            1,
        )
        .replacen(
            r#"powers: ["information_preoccupante"]"#,
            r#"powers: ["information_preocupante"]"#,
            1,
        );
    let all = errors(&text);
    let messages: Vec<&str> = all.iter().map(|d| d.message("en")).collect();
    assert!(
        messages.contains(&"unknown clue `dort_gar`"),
        "{messages:?}"
    );
    assert!(
        messages.contains(&"unknown category `vulnerable`"),
        "{messages:?}"
    );
    assert!(
        messages.contains(&"a weight goes from 1 to 5"),
        "{messages:?}"
    );
    assert!(
        messages.contains(&"unknown decision `information_preocupante`"),
        "{messages:?}"
    );
    let mut lines: Vec<usize> = all.iter().map(|d| d.line).collect();
    lines.dedup();
    assert!(lines.len() >= 4, "each error has its own place: {all:#?}");
}

#[test]
fn an_unreachable_action_says_what_blocks_it() {
    let text = broken(
        "            person: \"sami\",\n            trust: 1,",
        "            person: \"sami\",\n            requires: [Trust(person: \"sami\", at_least: 5)],\n            trust: 1,",
    );
    let all = errors(&text);
    let action = all
        .iter()
        .find(|d| d.message("en") == "the action `aller_vers` can never be taken")
        .expect("reported");
    assert_eq!(action.line, line_of(&text, r#"id: "aller_vers""#));
    assert!(
        action
            .hint("en")
            .unwrap()
            .contains("trust of `sami` must reach 5, but can reach at most 1"),
        "{action:?}"
    );
    // What the action would reveal is unreachable too, and the solution with it.
    assert!(
        all.iter()
            .any(|d| d.message("en") == "the clue `dort_gare` can never be discovered")
    );
    assert!(all.iter().any(|d| {
        d.message("en")
            .starts_with("the solution cannot be reached")
    }));
}

#[test]
fn an_unreachable_clue_is_reported() {
    let text = broken(r#"reveals: ["homme_voiture"]"#, "reveals: []");
    let all = errors(&text);
    let clue = all
        .iter()
        .find(|d| d.message("en") == "the clue `homme_voiture` can never be discovered")
        .expect("reported");
    assert_eq!(clue.line, line_of(&text, r#"id: "homme_voiture""#));
    assert!(
        clue.hint("en")
            .unwrap()
            .contains("no action, decision or inject reveals it")
    );
}

#[test]
fn a_role_with_nothing_to_do_is_reported() {
    let text = broken(r#"by: ["police"]"#, r#"by: ["maraude"]"#);
    let all = errors(&text);
    let role = all
        .iter()
        .find(|d| d.message("en") == "the role `police` has nothing to do")
        .expect("reported");
    assert_eq!(role.line, line_of(&text, r#"id: "police""#));
}

#[test]
fn an_unreachable_solution_is_reported() {
    let text = broken("min_weight: 4", "min_weight: 40");
    let error = only_error(&text);
    assert!(
        error.message("en").contains(
            "needs a weight of 40 in `vulnerabilite`, but reachable clues give at most 4"
        ),
        "{error:?}"
    );
    assert_eq!(error.line, line_of(&text, "min_weight: 40"));

    // A record of a judicial file cannot go from the police to the outreach
    // worker without a breach: the clue never reaches the role that needs it.
    let text = broken(
        "            class: \"enquete\",",
        "            class: \"judiciaire\",",
    );
    let error = only_error(&text);
    assert!(
        error
            .message("en")
            .contains("`homme_voiture` can never reach the role `maraude`"),
        "{error:?}"
    );
}

#[test]
fn a_missing_translation_is_a_warning_that_still_loads() {
    let text = broken(
        r#"title: (fr: "Un soir à la gare", en: "An evening at the station"),"#,
        r#"title: (fr: "Un soir à la gare"),"#,
    );
    let loaded =
        load(&text, "case.ron", &common::shelf()).expect("a warning does not stop loading");
    let warning = &loaded.warnings[0];
    assert_eq!(warning.severity, Severity::Warning);
    assert_eq!(warning.message("en"), "missing translation: en");
    assert_eq!(warning.line, 5);
    assert_eq!(warning.hint("en"), Some("add `en: \"…\"` to this text"));
}

#[test]
fn french_and_english_are_required() {
    let text = broken("    title:", "    languages: [\"fr\"],\n    title:");
    let error = errors(&text)
        .into_iter()
        .find(|d| d.message("en").contains("`en` is required"))
        .expect("reported");
    assert_eq!(error.line, 5);
}

#[test]
fn bad_ids_are_refused() {
    let text = broken(r#"id: "soiree""#, r#"id: "La Soirée""#);
    let all = errors(&text);
    assert!(
        all.iter()
            .any(|d| d.message("en") == "`La Soirée` is not a valid id"),
        "{all:#?}"
    );
}

#[test]
fn text_that_is_not_utf8_is_located() {
    let mut bytes = TUTORIAL.as_bytes().to_vec();
    let at = TUTORIAL.find("Sami dit").unwrap();
    bytes[at] = 0xFF;
    let err = load_bytes(&bytes, "case.ron", &common::shelf()).unwrap_err();
    let error = &err.diagnostics[0];
    assert_eq!(error.message("en"), "the file is not UTF-8 text");
    assert_eq!(error.line, line_of(TUTORIAL, "Sami dit"));
}

#[test]
fn a_case_in_the_old_format_gets_one_error_that_names_the_change_and_the_migration() {
    let text = broken(
        "    clues: [",
        "    confidentiality: [(id: \"social\", name: (fr: \"Social\", en: \"Social\"))],\n    sharing_rules: [],\n    clues: [",
    )
    .replacen("profession: \"policier\"", "profession: Police", 1);
    let error = only_error(&text);
    assert_eq!(error.line, line_of(&text, "sharing_rules"));
    assert!(error.message("en").contains("old format"), "{error:?}");
    let hint = error.hint("en").unwrap();
    assert!(hint.contains("Migrating a case to a rulebook"), "{hint}");
    assert!(hint.contains("rulebook: \"france\""), "{hint}");
}

#[test]
fn a_file_saved_with_a_byte_order_mark_reads_like_any_other() {
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend_from_slice(TUTORIAL.as_bytes());
    let loaded = load_bytes(&bytes, "case.ron", &common::shelf()).expect("loads");
    assert!(loaded.warnings.is_empty(), "{:#?}", loaded.warnings);
}

#[test]
fn a_quote_inside_a_text_is_pointed_at_with_how_to_write_it() {
    let text = broken(
        "\"Sami dit qu'il dort dans la gare depuis trois nuits.\"",
        "\"Sami dit \"je dors ici\" depuis trois nuits.\"",
    );
    let error = only_error(&text);
    assert_eq!(error.line, line_of(&text, "je dors ici"));
    assert!(error.message("en").contains("inside a text"), "{error:?}");
    assert!(error.hint("en").unwrap().contains("\\\""), "{error:?}");
    let line = text.lines().nth(error.line - 1).unwrap();
    assert_eq!(line.chars().nth(error.column - 1), Some('"'));
}

#[test]
fn a_decimal_where_a_whole_number_is_expected_says_so() {
    let text = broken(
        "weight: 2)],\n            class: \"educatif\"",
        "weight: 2.5)],\n            class: \"educatif\"",
    );
    let error = only_error(&text);
    assert!(error.message("en").contains("whole number"), "{error:?}");
    assert_eq!(error.line, line_of(&text, "2.5"));
}

#[test]
fn a_case_naming_a_rulebook_that_does_not_exist_is_located() {
    let text = broken("rulebook: \"france\"", "rulebook: \"belgique\"");
    let error = only_error(&text);
    assert_eq!(error.line, line_of(&text, "belgique"));
    assert!(
        error.message("en").contains("no rulebook named `belgique`"),
        "{error:?}"
    );
}

#[test]
fn an_error_in_the_rulebook_is_located_in_the_rulebook_file() {
    let book = faisceau_engine::Books::one(
        "france",
        "rulebooks/france.ron",
        &common::shelf().0[0].2.replacen(
            "opened_by: \"requisition\"",
            "opened_by: \"requisiton\"",
            1,
        ),
    );
    let err = load(TUTORIAL, "case.ron", &book).unwrap_err();
    let error = err.errors().next().unwrap();
    assert_eq!(error.file, "rulebooks/france.ron");
    assert!(
        error.message("en").contains("unknown act `requisiton`"),
        "{error:?}"
    );
    assert!(
        error.hint("en").unwrap().contains("requisition"),
        "{error:?}"
    );
}

/// The tutorial case with extra lines before its last `)`.
fn with(extra: &str) -> String {
    let last = TUTORIAL.trim_end().rfind('\n').unwrap();
    format!("{}\n{extra}{}", &TUTORIAL[..last], &TUTORIAL[last + 1..])
}

fn warnings(text: &str) -> Vec<Diagnostic> {
    load(text, "case.ron", &common::shelf())
        .unwrap_or_else(|e| panic!("{:#?}", e.diagnostics))
        .warnings
}

#[test]
fn an_inaction_inject_on_the_last_phase_is_a_warning() {
    let text = with(
        "    injects: [(id: \"trop_tard\", name: (fr: \"Trop tard\", en: \"Too late\"), text: (fr: \"Sami est parti.\", en: \"Sami has gone.\"), trigger: IfNotDecided(decision: \"information_preoccupante\", by: \"soiree\"))],\n",
    );
    let all = warnings(&text);
    let warning = all
        .iter()
        .find(|w| {
            w.message("en")
                .contains("waits for the end of the last phase")
        })
        .unwrap_or_else(|| panic!("{all:#?}"));
    assert_eq!(warning.line, line_of(&text, "by: \"soiree\""));
}

#[test]
fn a_trap_that_leads_to_the_correct_conclusion_is_a_warning() {
    let text = broken(
        "            class: \"enquete\",",
        "            class: \"enquete\",\n            trap: (note: (fr: \"Piège.\", en: \"Trap.\"), leads_to: \"en_danger\"),",
    );
    let text = with_point(&text, "TrapFallen(\"homme_voiture\")");
    let all = warnings(&text);
    assert!(
        all.iter()
            .any(|w| w.message("en") == "the trap `homme_voiture` leads to the correct conclusion"),
        "{all:#?}"
    );
}

#[test]
fn a_not_shared_point_about_a_role_that_knows_the_clue_from_the_start_is_a_warning() {
    let text = broken(
        "            class: \"educatif\",",
        "            class: \"educatif\",\n            known_to: [\"police\"],",
    );
    let text = with_point(&text, "NotShared(clue: \"dort_gare\", to: \"police\")");
    let all = warnings(&text);
    assert!(
        all.iter().any(|w| w
            .message("en")
            .contains("knows the clue `dort_gare` from the start")),
        "{all:#?}"
    );
}

fn with_point(text: &str, when: &str) -> String {
    let point = format!(
        "        (id: \"point_test\", title: (fr: \"Point\", en: \"Point\"), text: (fr: \"Texte.\", en: \"Text.\"), when: {when}),\n"
    );
    if text.contains("    teaching_points: [\n") {
        text.replacen(
            "    teaching_points: [\n",
            &format!("    teaching_points: [\n{point}"),
            1,
        )
    } else {
        let last = text.trim_end().rfind('\n').unwrap();
        format!(
            "{}\n    teaching_points: [\n{point}    ],\n{}",
            &text[..last],
            &text[last + 1..]
        )
    }
}

#[test]
fn in_a_cascade_the_root_cause_comes_first() {
    // Sami's trust can never reach 5: the outreach action is the root; the
    // clue it reveals, the IP that needs the clue and the bundle follow.
    let text = broken(
        "            trust: 1,\n            reveals: [\"dort_gare\"],",
        "            trust: 1,\n            requires: [Trust(person: \"sami\", at_least: 5)],\n            reveals: [\"dort_gare\"],",
    );
    let all = errors(&text);
    assert!(all.len() >= 3, "{all:#?}");
    assert_eq!(
        all[0].message("en"),
        "the action `aller_vers` can never be taken",
        "{all:#?}"
    );
    assert!(
        all[0]
            .hint("en")
            .unwrap()
            .contains("trust of `sami` must reach 5")
    );
    let clue = all
        .iter()
        .position(|d| d.message("en") == "the clue `dort_gare` can never be discovered")
        .unwrap();
    assert!(
        clue > 0,
        "the clue comes after its cause although it is written earlier"
    );
    assert!(all[clue].line < all[0].line);
}

#[test]
fn did_you_mean_never_suggests_an_id_that_is_itself_invalid() {
    // The category is renamed to a malformed id, and an indicator refers to a near miss.
    let text = broken(
        "(id: \"vulnerabilite\", name:",
        "(id: \"Vulnerabilite\", name:",
    );
    let all = errors(&text);
    let unknown = all
        .iter()
        .find(|d| d.message("en") == "unknown category `vulnerabilite`")
        .unwrap_or_else(|| panic!("{all:#?}"));
    assert!(
        !unknown
            .hint("en")
            .unwrap_or("")
            .contains("did you mean `Vulnerabilite`"),
        "{unknown:?}"
    );
}

#[test]
fn every_message_an_author_reads_is_written_in_french_as_well() {
    let broken_cases = [
        broken("id: \"premier_cas\",", "id: \"premier_cas\""),
        broken("    title:", "    titel:"),
        broken("profession: \"policier\"", "profession: \"policer\""),
        broken("profession: \"policier\"", "profession: policier"),
        broken("cost_hours: 2,", "cost_hours: \"2\","),
        broken("conclusion: \"en_danger\"", "conclusion: \"en_dange\""),
        broken("hours: 6)", "hours: 0)"),
        TUTORIAL[..TUTORIAL.len() / 2].to_owned(),
        TUTORIAL.replacen("rulebook: \"france\"", "sharing_rules: []", 1),
    ];
    let mut seen = 0;
    for text in &broken_cases {
        let diagnostics = match load(text, "case.ron", &common::shelf()) {
            Ok(loaded) => loaded.warnings,
            Err(err) => err.diagnostics,
        };
        assert!(!diagnostics.is_empty(), "{text}");
        for d in &diagnostics {
            seen += 1;
            assert_ne!(d.message("fr"), d.message("en"), "{d:#?}");
            if let Some(hint) = d.hint("en") {
                assert_ne!(d.hint("fr"), Some(hint), "{d:#?}");
            }
            let french = d.in_lang("fr").to_string();
            assert!(
                french.starts_with("erreur : ") || french.starts_with("avertissement : "),
                "{french}"
            );
            assert!(french.contains("--> case.ron:"), "{french}");
            assert!(!french.contains("hint"), "{french}");
        }
    }
    assert!(seen >= broken_cases.len(), "{seen}");
}

#[test]
fn an_override_that_can_never_apply_is_a_warning_that_names_the_frames_senders() {
    // `signalement` runs to the prosecutor only, and the police are not
    // among its senders: no pair of the case's roles fits.
    let text = broken(
        "rulebook: \"france\",",
        "rulebook: \"france\",\n    overrides: [(frame: \"signalement\", from: [\"policier\"], verdict: Allowed, explanation: (fr: \"x\", en: \"x\"), why: (fr: \"y\", en: \"y\"))],",
    );
    let loaded = load(&text, "case.ron", &common::shelf()).expect("a warning only");
    let warning = loaded
        .warnings
        .iter()
        .find(|w| w.message("en").contains("can never apply"))
        .unwrap_or_else(|| panic!("{:#?}", loaded.warnings));
    assert_eq!((warning.line, warning.column), (5, 17));
    let hint = warning.hint("en").unwrap();
    assert!(
        hint.contains("`signalement` runs from `educateur`"),
        "{hint}"
    );
    assert!(hint.contains("to `procureur`"), "{hint}");
    // The same override on a frame that does run between the two roles
    // (the informal one, open to all) passes.
    let text = text.replace("frame: \"signalement\"", "frame: \"hors_cadre\"");
    let loaded = load(&text, "case.ron", &common::shelf()).expect("loads");
    assert!(loaded.warnings.is_empty(), "{:#?}", loaded.warnings);
}

#[test]
fn a_choice_written_in_quotes_is_told_to_drop_them() {
    let text = broken(
        "rulebook: \"france\",",
        "rulebook: \"france\",\n    overrides: [(frame: \"hors_cadre\", verdict: \"Caution\", explanation: (fr: \"x\", en: \"x\"), why: (fr: \"y\", en: \"y\"))],",
    );
    let error = only_error(&text);
    assert_eq!(error.message("en"), "expected a name without quotes here");
    assert!(error.hint("en").unwrap().contains("`verdict: Breach`"));
    assert!(!error.hint("en").unwrap().contains("bracket"));
}

#[test]
fn a_profession_no_frame_names_is_a_warning() {
    // A local rulebook copy that adds a profession bound by professional
    // secrecy and no frame for it: only the informal frame reaches it, a
    // breach for such a sender and from the other roles.
    let book = std::fs::read_to_string(common::scenarios().join("rulebooks/france.ron")).unwrap();
    let anchor = "professions: [";
    assert!(book.contains(anchor));
    let book = book.replacen(
        anchor,
        "professions: [\n        (id: \"conseiller_mission_locale\", name: (fr: \"Conseiller de mission locale\", en: \"Mission locale adviser\"), secrecy: Professional, family: \"protection\"),",
        1,
    );
    let shelf =
        faisceau_engine::Books(vec![("france".into(), "rulebooks/france.ron".into(), book)]);
    let text = broken(
        "profession: \"educateur_prevention\"",
        "profession: \"conseiller_mission_locale\"",
    );
    let outcome = load(&text, "case.ron", &shelf);
    let diagnostics = match outcome {
        Ok(loaded) => loaded.warnings,
        Err(err) => err.diagnostics,
    };
    let warning = diagnostics
        .iter()
        .find(|d| {
            d.message("en")
                .contains("no frame of the rulebook names the profession")
        })
        .unwrap_or_else(|| panic!("{diagnostics:#?}"));
    assert_eq!(warning.line, line_of(&text, "conseiller_mission_locale"));
    assert!(
        warning.message("en").contains("`hors_cadre`"),
        "{}",
        warning.message("en")
    );
    assert!(
        warning
            .hint("en")
            .unwrap()
            .contains("A profession the rulebook lacks")
    );
}

#[test]
fn a_trap_that_leads_nowhere_or_carries_a_strong_support_is_a_warning() {
    let clue_line = TUTORIAL
        .lines()
        .find(|l| l.contains("indicators: [(indicator: \"seul_la_nuit\", weight: 2)]"))
        .expect("the tutorial's first clue");
    // The same clue made a trap with no `leads_to`.
    let trapped = clue_line.replacen(
        "indicators:",
        "trap: (note: (fr: \"n\", en: \"n\")), indicators:",
        1,
    );
    let text = TUTORIAL.replacen(clue_line, &trapped, 1);
    let diagnostics = match load(&text, "case.ron", &common::shelf()) {
        Ok(loaded) => loaded.warnings,
        Err(err) => err.diagnostics,
    };
    assert!(
        diagnostics
            .iter()
            .any(|d| d.message("en").contains("leads nowhere")),
        "{diagnostics:#?}"
    );
    // Leading to a conclusion, it still supports an indicator with weight 2.
    let conclusion = TUTORIAL
        .split("conclusions: [")
        .nth(1)
        .and_then(|rest| rest.split("id: \"").nth(1))
        .and_then(|rest| rest.split('"').next())
        .expect("a conclusion id");
    let trapped = clue_line.replacen(
        "indicators:",
        &format!("trap: (note: (fr: \"n\", en: \"n\"), leads_to: \"{conclusion}\"), indicators:"),
        1,
    );
    let text = TUTORIAL.replacen(clue_line, &trapped, 1);
    let diagnostics = match load(&text, "case.ron", &common::shelf()) {
        Ok(loaded) => loaded.warnings,
        Err(err) => err.diagnostics,
    };
    assert!(
        diagnostics.iter().any(|d| d
            .message("en")
            .contains("also supports indicators (weight 2)")),
        "{diagnostics:#?}"
    );
}

#[test]
fn an_old_formats_profession_is_told_its_rulebook_id() {
    for (old, hint) in [
        ("CripWorker", "the rulebook's id is `crip`"),
        ("Prosecutor", "the rulebook's id is `procureur`"),
        ("Other", "no equivalent in the rulebook"),
    ] {
        let text = broken(
            "profession: \"policier\"",
            &format!("profession: \"{old}\""),
        );
        let error = only_error(&text);
        assert!(error.message("en").contains(old), "{}", error.message("en"));
        assert!(
            error.hint("en").unwrap().contains(hint),
            "{:?}",
            error.hint("en")
        );
    }
}
