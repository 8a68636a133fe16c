//! Hot reload: a save of the open case, or of the rulebook it was read
//! with, is loaded and validated off the window's thread and swapped into
//! the running table within a second.
//!
//! The files are watched by a thread that polls their modification times
//! (a tenth of a second), not by Bevy's asset watcher: that one watches a
//! single folder and refuses absolute paths, so a case opened as
//! `my_case.ron` from its own folder, a case picked from another folder,
//! or a lawyer's rulebook copy one folder up were silently never reloaded.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use bevy::prelude::*;
use faisceau_engine::{Case, Diagnostic, load_bytes};

use super::{Settings, Table};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<CaseFile>()
        .add_systems(Update, (watch_saves, apply_edits).chain());
}

/// What a save gave: the case, its located diagnostics, or why the file
/// could not be read at all.
#[derive(Debug)]
pub enum Saved {
    /// The case loaded.
    Case(Arc<Case>),
    /// The case did not load: its diagnostics, each with file, line and column.
    Diagnostics(Vec<Diagnostic>),
    /// The file could not be read (deleted, renamed, unreadable).
    Unreadable(String),
}

/// Reads and validates the case at `path`, with the rulebook it names
/// from the shelf beside it.
pub fn load_case_file(path: &Path) -> Saved {
    match std::fs::read(path) {
        Ok(bytes) => {
            let shelf = crate::rulebooks::shelf_for(path);
            match load_bytes(&bytes, &path.display().to_string(), &shelf) {
                Ok(loaded) => Saved::Case(Arc::new(loaded.case)),
                Err(err) => Saved::Diagnostics(err.diagnostics),
            }
        }
        Err(e) => Saved::Unreadable(e.to_string()),
    }
}

/// The case file in play, watched for edits.
#[derive(Resource, Default)]
pub struct CaseFile {
    /// Diagnostics of the last edit that did not load.
    pub diagnostics: Vec<Diagnostic>,
    /// The file on disk, absolute, watched with its rulebook.
    pub full: Option<PathBuf>,
    /// The outcome of the last save, left by the watching thread.
    saved: Arc<Mutex<Option<Saved>>>,
    /// Counts the files opened: another case (or the same one again)
    /// starts its saves' numbering afresh.
    pub opened: u32,
    /// The number of the version on disk: 1 when opened, then one more for
    /// each save of the case or its rulebook.
    pub saves: u32,
}

impl CaseFile {
    /// Watches `path` (relative to the working directory, or absolute)
    /// from now on.
    pub fn watch(&mut self, path: &Path) {
        self.full = std::fs::canonicalize(path)
            .or_else(|_| std::env::current_dir().map(|dir| dir.join(path)))
            .ok();
        self.diagnostics.clear();
        self.opened += 1;
        self.saves = 1;
    }
}

/// How often the watching thread looks at the files' modification times.
const SAVE_POLL: std::time::Duration = std::time::Duration::from_millis(100);
/// How long the window is kept awake after a save: the frame that shows it.
const AWAKE_AFTER_SAVE: std::time::Duration = std::time::Duration::from_millis(1000);

/// The files a save of which reloads the case: the case, and the rulebook
/// it was read with when that is a file on disk (a lawyer's copy in a
/// `rulebooks/` folder; the built-in one cannot change).
pub fn watched_files(case_file: Option<&Path>, case: Option<&Case>) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = case_file.map(Path::to_path_buf).into_iter().collect();
    if let Some(case) = case {
        let (rulebook, _) = case.rulebook_source();
        if let Ok(rulebook) = std::fs::canonicalize(rulebook) {
            files.push(rulebook);
        }
    }
    files
}

/// Starts (again) the thread that watches the case's files whenever they
/// change: another case opened, or a case now read with another rulebook.
/// On a save the thread loads the case itself, leaves the outcome for
/// [`apply_edits`], and keeps a sleeping window awake until it is shown.
fn watch_saves(
    file: Res<CaseFile>,
    table: Option<Res<Table>>,
    proxy: Option<Res<bevy::winit::EventLoopProxyWrapper>>,
    mut watching: Local<Vec<PathBuf>>,
) {
    use std::sync::atomic::{AtomicU64, Ordering};
    static WATCHER: AtomicU64 = AtomicU64::new(0);
    let files = watched_files(
        file.full.as_deref(),
        table.as_deref().map(|t| t.session.case().as_ref()),
    );
    if *watching == files {
        return;
    }
    watching.clone_from(&files);
    let mine = WATCHER.fetch_add(1, Ordering::SeqCst) + 1;
    let Some(case_file) = files.first().cloned() else {
        return;
    };
    let proxy = proxy.map(|proxy| (**proxy).clone());
    let saved = Arc::clone(&file.saved);
    std::thread::spawn(move || {
        let modified = |files: &[PathBuf]| {
            files
                .iter()
                .map(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok())
                .collect::<Vec<_>>()
        };
        let mut seen = modified(&files);
        while WATCHER.load(Ordering::SeqCst) == mine {
            std::thread::sleep(SAVE_POLL);
            let now = modified(&files);
            if now == seen {
                continue;
            }
            seen = now;
            // An editor may write in two steps: let it finish.
            std::thread::sleep(SAVE_POLL / 2);
            let outcome = load_case_file(&case_file);
            *saved.lock().unwrap_or_else(|e| e.into_inner()) = Some(outcome);
            let Some(proxy) = &proxy else { continue };
            let at = std::time::Instant::now();
            while at.elapsed() < AWAKE_AFTER_SAVE && WATCHER.load(Ordering::SeqCst) == mine {
                if proxy
                    .send_event(bevy::winit::WinitUserEvent::WakeUp)
                    .is_err()
                {
                    return;
                }
                std::thread::sleep(SAVE_POLL);
            }
        }
    });
}

/// Swaps a saved case into the table, or shows why it did not load (the
/// last valid version keeps running).
pub(super) fn apply_edits(
    mut file: ResMut<CaseFile>,
    table: Option<ResMut<Table>>,
    settings: Res<Settings>,
) {
    let Some(saved) = file.saved.lock().unwrap_or_else(|e| e.into_inner()).take() else {
        return;
    };
    let Some(mut table) = table else {
        return;
    };
    file.saves += 1;
    match saved {
        Saved::Case(case) => {
            file.diagnostics.clear();
            table.reload(case, &settings.tr);
        }
        Saved::Diagnostics(diagnostics) => {
            file.diagnostics = diagnostics;
            table.notice = Some(settings.tr.t("reload-error"));
        }
        Saved::Unreadable(reason) => {
            let path = file
                .full
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            table.notice = Some(
                settings
                    .tr
                    .t_args("reload-unreadable", &[("path", path), ("reason", reason)]),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn copy_of_a_case(dir: &Path) -> PathBuf {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
        std::fs::create_dir_all(dir.join("rulebooks")).unwrap();
        std::fs::copy(
            root.join("rulebooks/france.ron"),
            dir.join("rulebooks/france.ron"),
        )
        .unwrap();
        let case = dir.join("case.ron");
        std::fs::copy(root.join("foyer_fugues.ron"), &case).unwrap();
        case
    }

    #[test]
    fn the_case_and_the_rulebook_copy_beside_it_are_both_watched() {
        let dir = std::env::temp_dir().join(format!("faisceau-reload-{}", std::process::id()));
        let case_file = copy_of_a_case(&dir);
        let Saved::Case(case) = load_case_file(&case_file) else {
            panic!("the copy loads");
        };
        let files = watched_files(Some(&case_file), Some(&case));
        assert_eq!(files.len(), 2, "{files:?}");
        assert!(files[1].ends_with("rulebooks/france.ron"));
        // A broken save gives located diagnostics, a missing file a reason.
        std::fs::write(&case_file, "(id: \"x\",").unwrap();
        let Saved::Diagnostics(diagnostics) = load_case_file(&case_file) else {
            panic!("a broken case gives diagnostics");
        };
        assert!(
            diagnostics
                .iter()
                .all(|d| d.line >= 1 && d.file.ends_with("case.ron"))
        );
        std::fs::remove_file(&case_file).unwrap();
        assert!(matches!(load_case_file(&case_file), Saved::Unreadable(_)));
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn a_case_named_from_its_own_folder_is_watched_where_it_is() {
        let mut file = CaseFile::default();
        file.watch(Path::new("scenarios/foyer_fugues.ron"));
        let full = file.full.expect("made absolute");
        assert!(full.is_absolute());
        assert!(full.ends_with("scenarios/foyer_fugues.ron"));
    }
}
