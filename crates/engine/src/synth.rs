//! Large synthetic scenarios, for benchmarks and stress tests.
//!
//! The generated case is valid and solvable: every clue is revealed by an
//! action, chains of actions require earlier clues, and its small rulebook
//! lets every kind of information reach every role.

use std::fmt::Write;

use crate::rulebook::Books;

/// The RON text of the synthetic cases' rulebook: six professions, three
/// kinds of information, one frame open between everyone.
pub fn synthetic_rulebook() -> String {
    let t = |fr: &str, en: &str| format!("(fr: \"{fr}\", en: \"{en}\")");
    let mut out = String::from("Rulebook(\n    id: \"synthetic\",\n");
    let _ = writeln!(
        out,
        "    name: {},",
        t("Règles synthétiques", "Synthetic rules")
    );
    out.push_str("    law_as_of: \"2026-11-30\",\n    professions: [\n");
    for p in PROFESSIONS {
        let _ = writeln!(
            out,
            "        (id: \"{p}\", name: {}, secrecy: Professional),",
            t(p, p)
        );
    }
    out.push_str("    ],\n    classes: [\n");
    for c in 0..CLASSES {
        let _ = writeln!(
            out,
            "        (id: \"class_{c}\", name: {}),",
            t(&format!("Classe {c}"), &format!("Class {c}"))
        );
    }
    let _ = writeln!(
        out,
        "    ],\n    frames: [(id: \"shared\", name: {}, basis: \"Rule 1\", explanation: {}, verdict: Allowed)],\n)",
        t("Partage", "Sharing"),
        t("Autorisé.", "Allowed.")
    );
    out
}

/// A shelf holding the synthetic rulebook.
pub fn synthetic_shelf() -> Books {
    Books::one("synthetic", "synthetic-rulebook.ron", &synthetic_rulebook())
}

const PROFESSIONS: [&str; 6] = ["educator", "head", "social", "nurse", "police", "judge"];
const CLASSES: usize = 3;

/// The RON text of a valid, solvable case with `clues` clues (at least 10).
pub fn synthetic_scenario(clues: usize) -> String {
    let clues = clues.max(10);
    let roles = PROFESSIONS;
    let categories = 5;
    let indicators = 25;
    let classes = CLASSES;
    let mut out = String::with_capacity(clues * 400);
    let t = |fr: &str, en: &str| format!("(fr: \"{fr}\", en: \"{en}\")");
    let _ = writeln!(
        out,
        "Scenario(\n    id: \"synthetic_{clues}\",\n    rulebook: \"synthetic\","
    );
    let _ = writeln!(
        out,
        "    title: {},",
        t("Cas synthétique", "Synthetic case")
    );
    let _ = writeln!(
        out,
        "    summary: {},",
        t("Généré pour les mesures.", "Generated for benchmarks.")
    );
    let _ = writeln!(
        out,
        "    content_note: {},",
        t("Aucun contenu réel.", "No real content.")
    );
    let _ = writeln!(
        out,
        "    sources: [(title: \"Faisceau benchmark generator\")],"
    );
    out.push_str("    categories: [\n");
    for k in 0..categories {
        let _ = writeln!(
            out,
            "        (id: \"category_{k}\", name: {}),",
            t(&format!("Catégorie {k}"), &format!("Category {k}"))
        );
    }
    out.push_str("    ],\n    indicators: [\n");
    for i in 0..indicators {
        let _ = writeln!(
            out,
            "        (id: \"indicator_{i}\", category: \"category_{}\", name: {}),",
            i % categories,
            t(&format!("Indicateur {i}"), &format!("Indicator {i}"))
        );
    }
    out.push_str("    ],\n    roles: [\n");
    for (r, role) in roles.iter().enumerate() {
        let _ = writeln!(
            out,
            "        (id: \"{role}\", profession: \"{role}\", name: {}, brief: {}, secrecy: {}, powers: [\"decision_{r}\"], budget_hours: 24),",
            t(role, role),
            t("Mission.", "Mission."),
            t("Secret.", "Secrecy.")
        );
    }
    out.push_str("    ],\n    people: [(id: \"young_person\", name: (fr: \"Y.\", en: \"Y.\"), description: (fr: \"Jeune.\", en: \"Young person.\"), trust: 1)],\n");
    out.push_str("    clues: [\n");
    for c in 0..clues {
        let _ = writeln!(
            out,
            "        (id: \"clue_{c}\", text: {}, indicators: [(indicator: \"indicator_{}\", weight: {})], class: \"class_{}\"),",
            t(&format!("Indice numéro {c}."), &format!("Clue number {c}.")),
            c % indicators,
            1 + c % 3,
            c % classes
        );
    }
    out.push_str("    ],\n    actions: [\n");
    // Two clues per action; every fourth action needs a clue from an earlier one.
    for a in 0..clues.div_ceil(2) {
        let role = roles[a % roles.len()];
        let first = 2 * a;
        let second = (2 * a + 1).min(clues - 1);
        let requires = if a % 4 == 3 {
            format!("requires: [Knows(\"clue_{}\")], ", 2 * (a - 1))
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "        (id: \"action_{a}\", by: [\"{role}\"], name: {}, cost_hours: 0.1, {requires}reveals: [\"clue_{first}\", \"clue_{second}\"]),",
            t(&format!("Action {a}"), &format!("Action {a}"))
        );
    }
    out.push_str("    ],\n    decisions: [\n");
    for r in 0..roles.len() {
        let _ = writeln!(
            out,
            "        (id: \"decision_{r}\", name: {}, description: {}, requires: [Knows(\"clue_{}\")]),",
            t(&format!("Décision {r}"), &format!("Decision {r}")),
            t("Décider.", "Decide."),
            (r * 7 + 5) % clues
        );
    }
    out.push_str("    ],\n    conclusions: [\n");
    for c in 0..3 {
        let _ = writeln!(
            out,
            "        (id: \"conclusion_{c}\", name: {}),",
            t(&format!("Conclusion {c}"), &format!("Conclusion {c}"))
        );
    }
    out.push_str(
        "    ],\n    solution: (\n        conclusion: \"conclusion_0\",\n        bundle: [\n",
    );
    for k in 0..categories {
        let _ = writeln!(
            out,
            "            (category: \"category_{k}\", min_weight: 3),"
        );
    }
    out.push_str("        ],\n        expected_decisions: [(decision: \"decision_0\", deadline: EndOfPhase(\"phase_1\")), (decision: \"decision_4\")],\n    ),\n");
    out.push_str("    injects: [(id: \"inject_0\", name: (fr: \"É\", en: \"E\"), text: (fr: \"Texte.\", en: \"Text.\"), trigger: AtPhase(\"phase_1\"))],\n");
    out.push_str("    phases: [\n");
    for p in 0..4 {
        let _ = writeln!(
            out,
            "        (id: \"phase_{p}\", name: {}, hours: 24),",
            t(&format!("Phase {p}"), &format!("Phase {p}"))
        );
    }
    out.push_str("    ],\n)\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_cases_load_clean_and_solvable() {
        for clues in [10, 101, 1000] {
            let text = synthetic_scenario(clues);
            let loaded = crate::load(&text, "synthetic.ron", &synthetic_shelf())
                .unwrap_or_else(|e| panic!("{:#?}", &e.diagnostics[..3.min(e.diagnostics.len())]));
            assert_eq!(loaded.case.scenario().clues.len(), clues);
            assert!(loaded.analysis.solvable);
            assert_eq!(loaded.analysis.reachable_clues, clues);
        }
    }
}
