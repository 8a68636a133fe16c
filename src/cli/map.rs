//! `faisceau map CASE [--html FILE] [--lang fr|en] [--runs N] [--seed S]`:
//! the case on one page, as text on the terminal or as one HTML page
//! (see [`crate::map`]).

use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use faisceau_engine::simulate;

use crate::i18n::Lang;
use crate::map::{CaseMap, html, text};

pub fn run(
    path: &Path,
    html_file: Option<&Path>,
    lang: Lang,
    runs: usize,
    seed: u64,
) -> Result<ExitCode, String> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| format!("{name}: {e}"))?;
    let loaded = faisceau_engine::load_bytes(&bytes, &name, &crate::rulebooks::shelf_for(path))
        .map_err(|err| super::in_words(&err.diagnostics, lang))?;
    let case = Arc::new(loaded.case);
    let sim = (runs > 0).then(|| simulate(Arc::clone(&case), runs, seed));
    let map = CaseMap::build(&case, lang.code(), sim.as_ref(), runs, seed);
    match html_file {
        Some(file) => {
            std::fs::write(file, html(&map, lang.code()))
                .map_err(|e| format!("{}: {e}", file.display()))?;
            super::emit(&format!("{}\n", file.display()))?;
        }
        None => super::emit(&text(&map, lang.code()))?,
    }
    Ok(ExitCode::SUCCESS)
}
