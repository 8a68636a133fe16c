//! Helpers shared by the engine's integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

use faisceau_engine::Books;

/// The repository's `scenarios/` folder.
pub fn scenarios() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../scenarios")
}

/// Every rulebook under `scenarios/rulebooks/`, by name (verdict suites aside).
pub fn shelf() -> Books {
    let dir = scenarios().join("rulebooks");
    let mut books = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("scenarios/rulebooks exists") {
        let path = entry.unwrap().path();
        let suite = path.to_string_lossy().ends_with(".verdicts.ron");
        if path.extension().is_some_and(|e| e == "ron") && !suite {
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&path).unwrap();
            books.push((name, path.display().to_string(), text));
        }
    }
    Books(books)
}

/// The text of a shipped case.
pub fn case_text(file: &str) -> String {
    std::fs::read_to_string(scenarios().join(file)).unwrap()
}

/// The shipped cases' files, in `scenarios/`.
pub const SHIPPED: [&str; 8] = [
    "annonces_en_ligne.ron",
    "foyer_fugues.ron",
    "gare_nuit.ron",
    "guetteur_contraint.ron",
    "kenza_a_risque.ron",
    "orly_tata.ron",
    "urgences_nuit.ron",
    "zone_attente_roissy.ron",
];

/// A shipped case, loaded with the shipped rulebooks.
pub fn loaded(file: &str) -> std::sync::Arc<faisceau_engine::Case> {
    std::sync::Arc::new(
        faisceau_engine::load(&case_text(file), file, &shelf())
            .unwrap()
            .case,
    )
}
