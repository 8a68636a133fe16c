//! The author preview's live figures: each save of the case (or of its
//! rulebook) is checked and simulated again, and its figures are kept
//! beside those of the save before, so an author sees what an edit changed.
//!
//! Every save is simulated with the same runs and seed as `faisceau map`
//! ([`super::RUNS`], [`super::SEED`]): the same bot tables play both
//! versions, so a difference between them comes from the edit, not from
//! chance, and the preview's map is the one `faisceau map` prints.

use std::path::Path;
use std::sync::Arc;

use faisceau_engine::{Case, Diagnostic, Simulation, load_bytes, simulate};

use crate::i18n::Tr;

/// A save that loaded, checked and simulated.
#[derive(Debug)]
pub struct Studied {
    /// The save's number: 1 for the version opened, then one more per save.
    pub number: u32,
    /// When it was read, as the local time of day.
    pub at: String,
    pub case: Arc<Case>,
    /// `check`'s warnings.
    pub warnings: Vec<Diagnostic>,
    /// Whether `check` finds the case solvable.
    pub solvable: bool,
    pub sim: Simulation,
}

/// A save that did not load.
#[derive(Debug)]
pub struct Broken {
    pub number: u32,
    pub at: String,
    /// Its located diagnostics, errors first.
    pub diagnostics: Vec<Diagnostic>,
    /// Why the file could not be read at all (deleted, unreadable).
    pub unreadable: Option<String>,
}

/// What a save gave.
#[derive(Debug)]
pub enum Study {
    Studied(Box<Studied>),
    Broken(Broken),
}

/// Reads, checks and simulates the case at `path` (save `number`).
pub fn study(path: &Path, number: u32) -> Study {
    let at = time_of_day();
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            return Study::Broken(Broken {
                number,
                at,
                diagnostics: Vec::new(),
                unreadable: Some(e.to_string()),
            });
        }
    };
    let shelf = crate::rulebooks::shelf_for(path);
    match load_bytes(&bytes, &path.display().to_string(), &shelf) {
        Ok(loaded) => {
            let case = Arc::new(loaded.case);
            let sim = simulate(Arc::clone(&case), super::RUNS, super::SEED);
            Study::Studied(Box::new(Studied {
                number,
                at,
                case,
                warnings: loaded.warnings,
                solvable: loaded.analysis.solvable,
                sim,
            }))
        }
        Err(err) => Study::Broken(Broken {
            number,
            at,
            diagnostics: err.diagnostics,
            unreadable: None,
        }),
    }
}

/// The figures the preview shows: the last save that loaded, the one that
/// loaded before it, and the last save if it did not load.
#[derive(Debug, Default)]
pub struct Figures {
    pub now: Option<Studied>,
    pub before: Option<Studied>,
    /// The last save, when it did not load (the figures shown stay those
    /// of `now`).
    pub broken: Option<Broken>,
    /// The number of a save being studied.
    pub studying: Option<u32>,
}

impl Figures {
    /// Takes in a save's study: a loaded one becomes `now`, the previous
    /// `now` becomes `before`; a broken one is shown above them.
    pub fn take(&mut self, study: Study) {
        self.studying = None;
        match study {
            Study::Studied(studied) => {
                self.before = self.now.take();
                self.now = Some(*studied);
                self.broken = None;
            }
            Study::Broken(broken) => self.broken = Some(broken),
        }
    }
}

/// One line of the comparison: a figure of the previous save and of this one.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// What the figure is, in the reader's language.
    pub what: String,
    pub before: Option<f64>,
    pub now: Option<f64>,
    /// A share of runs (shown as a percentage), or a count per run.
    pub share: bool,
    /// Whether more is better (solved, in time) or worse (breaches, traps).
    pub good_up: Option<bool>,
}

impl Row {
    /// Whether the figure moved between the two saves (by at least half a
    /// percentage point, or 0.005 per run).
    pub fn changed(&self) -> bool {
        match (self.before, self.now) {
            (Some(a), Some(b)) => (a - b).abs() >= 0.005,
            (None, None) => false,
            _ => true,
        }
    }
}

/// A group of rows under a heading.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    pub title: String,
    pub rows: Vec<Row>,
}

/// The simulate summary of two saves side by side, in the reader's
/// language: outcomes, key shares, decisions, traps, injects. A key share,
/// decision, trap or inject only one of the two versions has reads "—" on
/// the other side.
pub fn compare(before: Option<&Simulation>, now: &Simulation, tr: &Tr) -> Vec<Group> {
    let row = |what: String, b: Option<f64>, n: Option<f64>, share, good_up| Row {
        what,
        before: b,
        now: n,
        share,
        good_up,
    };
    let outcome = |key: &str, value: fn(&Simulation) -> f64, share, good_up| {
        row(
            tr.t(key),
            before.map(value),
            Some(value(now)),
            share,
            good_up,
        )
    };
    let outcomes = Group {
        title: tr.t("author-outcomes"),
        rows: vec![
            outcome("author-solved", |s| s.solve_rate, true, Some(true)),
            outcome(
                "author-right-conclusion",
                |s| s.correct_conclusion_rate,
                true,
                Some(true),
            ),
            outcome(
                "author-wrong-conclusion",
                |s| s.wrong_conclusion_rate,
                true,
                Some(false),
            ),
            outcome(
                "author-runs-with-breach",
                |s| s.runs_with_breach,
                true,
                None,
            ),
            outcome(
                "author-breaches-per-run",
                |s| s.breaches_per_run,
                false,
                None,
            ),
            outcome("author-clues-found", |s| s.clues_found, true, Some(true)),
        ],
    };
    // The rows of a list both versions may have: this version's order,
    // then what only the previous one had.
    fn keyed<T>(
        before: Option<&[T]>,
        now: &[T],
        key: impl Fn(&T) -> String,
        value: impl Fn(&T) -> f64,
        make: impl Fn(String, Option<f64>, Option<f64>) -> Row,
    ) -> Vec<Row> {
        let find = |list: &[T], k: &str| list.iter().find(|x| key(x) == k).map(&value);
        let mut rows: Vec<Row> = now
            .iter()
            .map(|x| {
                let k = key(x);
                make(k.clone(), before.and_then(|b| find(b, &k)), Some(value(x)))
            })
            .collect();
        for x in before.unwrap_or_default() {
            let k = key(x);
            if !now.iter().any(|n| key(n) == k) {
                rows.push(make(k, Some(value(x)), None));
            }
        }
        rows
    }
    let shares = Group {
        title: tr.t("author-key-shares"),
        rows: keyed(
            before.map(|s| s.key_shares.as_slice()),
            &now.key_shares,
            |k| format!("{} → {}", k.clue, k.to),
            |k| k.reached,
            |what, b, n| row(what, b, n, true, Some(true)),
        ),
    };
    let decisions = Group {
        title: tr.t("author-decisions-in-time"),
        rows: keyed(
            before.map(|s| s.decisions.as_slice()),
            &now.decisions,
            |d| d.decision.to_string(),
            |d| d.on_time,
            |what, b, n| row(what, b, n, true, Some(true)),
        ),
    };
    let traps = Group {
        title: tr.t("author-traps-caught"),
        rows: keyed(
            before.map(|s| s.traps.as_slice()),
            &now.traps,
            |t| {
                if t.share {
                    tr.t_args("author-share-trap", &[("id", t.clue.to_string())])
                } else {
                    t.clue.to_string()
                }
            },
            |t| t.caught,
            |what, b, n| row(what, b, n, true, None),
        ),
    };
    let injects = Group {
        title: tr.t("author-injects-fired"),
        rows: keyed(
            before.map(|s| s.injects.as_slice()),
            &now.injects,
            |i| i.inject.to_string(),
            |i| i.fired,
            |what, b, n| row(what, b, n, true, None),
        ),
    };
    [outcomes, shares, decisions, traps, injects]
        .into_iter()
        .filter(|g| !g.rows.is_empty())
        .collect()
}

/// The local time of day, `14:05:09`.
pub fn time_of_day() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    #[cfg(unix)]
    {
        let t = secs as libc::time_t;
        // SAFETY: `localtime_r` writes into the `tm` it is given and reads `t`.
        let mut tm: libc::tm = unsafe { std::mem::zeroed() };
        if !unsafe { libc::localtime_r(&t, &mut tm) }.is_null() {
            return format!("{:02}:{:02}:{:02}", tm.tm_hour, tm.tm_min, tm.tm_sec);
        }
    }
    let day = secs % 86_400;
    format!(
        "{:02}:{:02}:{:02} UTC",
        day / 3600,
        day % 3600 / 60,
        day % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn scenarios() -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios")
    }

    #[test]
    fn an_edit_shows_beside_the_version_before_and_a_broken_save_keeps_the_figures() {
        let dir = std::env::temp_dir().join(format!("faisceau-live-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("rulebooks")).unwrap();
        std::fs::copy(
            scenarios().join("rulebooks/france.ron"),
            dir.join("rulebooks/france.ron"),
        )
        .unwrap();
        let file = dir.join("case.ron");
        let source = std::fs::read_to_string(scenarios().join("foyer_fugues.ron")).unwrap();
        std::fs::write(&file, &source).unwrap();
        let mut figures = Figures::default();
        figures.take(study(&file, 1));
        let first = figures.now.as_ref().expect("the case loads");
        assert!(first.solvable);
        assert_eq!(first.sim.runs, crate::map::RUNS);
        // The same version studied again gives the same figures: a change
        // between two saves comes from the edit.
        let Study::Studied(again) = study(&file, 2) else {
            panic!()
        };
        assert_eq!(
            compare(Some(&first.sim), &again.sim, &Tr::new(Lang::Fr))
                .iter()
                .flat_map(|g| &g.rows)
                .filter(|r| r.changed())
                .count(),
            0
        );
        // An edit that leaves the runaway nights to the educator alone (the
        // head of service no longer knows them from the start): the figures
        // move, and are shown beside those before.
        let edited = source.replacen(
            "known_to: [\"educatrice\", \"chef_service\"]",
            "known_to: [\"educatrice\"]",
            1,
        );
        assert_ne!(edited, source, "the case has the line this test edits");
        std::fs::write(&file, &edited).unwrap();
        figures.take(study(&file, 3));
        let (before, now) = (
            figures.before.as_ref().unwrap(),
            figures.now.as_ref().unwrap(),
        );
        assert_eq!((before.number, now.number), (1, 3));
        let groups = compare(Some(&before.sim), &now.sim, &Tr::new(Lang::En));
        let changed: Vec<&Row> = groups
            .iter()
            .flat_map(|g| &g.rows)
            .filter(|r| r.changed())
            .collect();
        assert!(!changed.is_empty(), "{groups:#?}");
        assert!(changed.iter().all(|r| r.before.is_some()));
        // A broken save: its diagnostics, and the figures stay.
        std::fs::write(&file, "(id: \"x\",").unwrap();
        figures.take(study(&file, 4));
        let broken = figures.broken.as_ref().unwrap();
        assert!(!broken.diagnostics.is_empty() && broken.unreadable.is_none());
        assert_eq!(figures.now.as_ref().unwrap().number, 3);
        std::fs::remove_file(&file).unwrap();
        figures.take(study(&file, 5));
        assert!(figures.broken.as_ref().unwrap().unreadable.is_some());
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn every_figure_of_simulate_has_its_row() {
        let path = scenarios().join("foyer_fugues.ron");
        let Study::Studied(s) = study(&path, 1) else {
            panic!()
        };
        let groups = compare(None, &s.sim, &Tr::new(Lang::Fr));
        let count = |i: usize| groups[i].rows.len();
        assert_eq!(count(1), s.sim.key_shares.len());
        assert_eq!(count(2), s.sim.decisions.len());
        assert_eq!(count(3), s.sim.traps.len());
        assert!(
            groups
                .iter()
                .flat_map(|g| &g.rows)
                .all(|r| r.before.is_none() && r.now.is_some())
        );
    }
}
