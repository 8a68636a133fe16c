//! Where the program finds the rulebook a case names: a `rulebooks/` folder
//! beside the case or in its parent (so that a lawyer's corrected copy takes
//! effect without a rebuild), then the rulebooks shipped inside the program.

use std::path::{Path, PathBuf};

use faisceau_engine::Shelf;

/// The rulebooks built into the program, by name.
const BUILT_IN: &[(&str, &str)] = &[("france", include_str!("../scenarios/rulebooks/france.ron"))];

/// The rulebooks a case at `case` can name.
#[derive(Clone, Debug)]
pub struct Library {
    dirs: Vec<PathBuf>,
}

/// The library for a case file.
pub fn shelf_for(case: &Path) -> Library {
    let folder = case.parent().unwrap_or(Path::new("."));
    let mut dirs = vec![folder.join("rulebooks")];
    if let Some(parent) = folder.parent() {
        dirs.push(parent.join("rulebooks"));
    }
    Library { dirs }
}

impl Shelf for Library {
    fn rulebook(&self, name: &str) -> Option<(String, String)> {
        // A name is an id: no path separators can reach outside the folders.
        if !faisceau_engine::Id::new(name).is_well_formed() {
            return None;
        }
        for dir in &self.dirs {
            let file = dir.join(format!("{name}.ron"));
            if let Ok(text) = std::fs::read_to_string(&file) {
                return Some((file.display().to_string(), text));
            }
        }
        BUILT_IN
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(n, text)| (format!("(built in) rulebooks/{n}.ron"), (*text).to_owned()))
    }
}

/// A shelf holding one rulebook whatever the name asked, as a journal kept
/// it: a resumed workshop plays under the very rules it started with.
pub fn kept(file: &str, text: &str) -> impl Shelf + use<> {
    let (file, text) = (file.to_owned(), text.to_owned());
    move |_: &str| Some((file.clone(), text.clone()))
}

/// Whether a `.ron` file is a rulebook rather than a case: it sits in a
/// `rulebooks` folder and is not a verdict suite.
pub fn is_rulebook(path: &Path) -> bool {
    path.parent()
        .and_then(Path::file_name)
        .is_some_and(|n| n == "rulebooks")
        && !is_suite(path)
}

/// Whether a `.ron` file is a rulebook's verdict suite: its name ends with
/// `.verdicts.ron`, and its rulebook sits beside it.
pub fn is_suite(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.to_string_lossy().ends_with(".verdicts.ron"))
}

/// The verdict suite that sits beside a rulebook: `france.verdicts.ron`
/// for `france.ron`.
pub fn suite_beside(rulebook: &Path) -> PathBuf {
    let stem = rulebook
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    rulebook.with_file_name(format!("{stem}.verdicts.ron"))
}

/// The rulebook a verdict suite sits beside: `france.ron` for
/// `france.verdicts.ron`.
pub fn suite_rulebook(suite: &Path) -> PathBuf {
    let name = suite
        .file_name()
        .map(|n| n.to_string_lossy().replace(".verdicts.ron", ".ron"))
        .unwrap_or_default();
    suite.with_file_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_case_folder_finds_its_rulebook_and_the_program_has_one_built_in() {
        let shelf = shelf_for(Path::new("scenarios/foyer_fugues.ron"));
        let (file, text) = shelf.rulebook("france").unwrap();
        assert!(file.ends_with("rulebooks/france.ron"), "{file}");
        assert!(text.contains("Rulebook("));
        let elsewhere = shelf_for(Path::new("/nonexistent/place/case.ron"));
        let (file, _) = elsewhere.rulebook("france").unwrap();
        assert!(file.starts_with("(built in)"), "{file}");
        assert!(elsewhere.rulebook("../../etc/passwd").is_none());
        assert!(is_rulebook(Path::new("scenarios/rulebooks/france.ron")));
        assert!(!is_rulebook(Path::new("scenarios/foyer_fugues.ron")));
    }
}
