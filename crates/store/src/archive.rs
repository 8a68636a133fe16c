//! The archive: finished workshops, kept across workshops.
//!
//! One SQLite file under the user's data directory indexes every workshop
//! that ended: its name, the case, the date, one [`TableRecord`] per table
//! (no names, no free text), and the report as it was written. The journal
//! stays the source of truth; the archive only keeps what is needed to list,
//! show and count.
//!
//! Names are personal data. An entry keeps the trainees' names (in its report)
//! only if the trainer chose to when the workshop ended; otherwise the report
//! names pseudonyms. Statistics and imports never need names. The file is
//! created readable by its owner only, and [`Archive::forget`] deletes an
//! entry for good (the caller deletes its journal).

use std::path::{Path, PathBuf};

use faisceau_engine::record::TableRecord;
use rusqlite::{Connection, OptionalExtension, params};

use crate::StoreError;

/// A finished workshop in the archive.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// A digest of the workshop's journal: the same workshop archived twice,
    /// or imported from another archive, has the same id.
    pub id: String,
    /// The workshop's name.
    pub name: String,
    /// The case's id.
    pub case: String,
    /// The case's title, in the language the entry was archived in.
    pub case_title: String,
    /// The day it was archived, `YYYY-MM-DD` (UTC).
    pub day: String,
    /// Each table's record.
    pub tables: Vec<TableRecord>,
    /// Whether the report names the trainees (else it names pseudonyms).
    pub names_kept: bool,
    /// The journal it came from, on the machine that archived it.
    pub journal: Option<String>,
    /// The report, one self-contained HTML file.
    pub report: String,
    /// Names of the case, and of the frames, clues, decisions and
    /// conclusions the records cite, by id, in every language the case has
    /// (for statistics without the case file).
    pub labels: Vec<(String, faisceau_engine::Text)>,
}

/// An archive file.
pub struct Archive {
    conn: Connection,
    path: PathBuf,
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS workshops (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    case_id TEXT NOT NULL,
    case_title TEXT NOT NULL,
    day TEXT NOT NULL,
    tables TEXT NOT NULL,
    names_kept INTEGER NOT NULL,
    journal TEXT,
    report TEXT NOT NULL,
    labels TEXT NOT NULL
);
";

/// The archive format this code writes and reads.
pub const ARCHIVE_FORMAT: &str = "1";

impl Archive {
    /// Opens the archive at `path`, creating it (readable by its owner only)
    /// if it does not exist.
    pub fn open(path: &Path) -> Result<Archive, StoreError> {
        let sqlite = |source| StoreError::Sqlite {
            path: path.to_path_buf(),
            source,
        };
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| StoreError::NotAJournal {
                path: dir.to_path_buf(),
                why: e.to_string(),
            })?;
        }
        let conn = Connection::open(path).map_err(sqlite)?;
        crate::owner_only(path);
        conn.execute_batch(SCHEMA).map_err(sqlite)?;
        let format: Option<String> = conn
            .query_row("SELECT value FROM meta WHERE key = 'archive'", [], |r| {
                r.get(0)
            })
            .optional()
            .map_err(sqlite)?;
        match format.as_deref() {
            None => {
                conn.execute(
                    "INSERT INTO meta (key, value) VALUES ('archive', ?1)",
                    [ARCHIVE_FORMAT],
                )
                .map_err(sqlite)?;
            }
            Some(ARCHIVE_FORMAT) => {}
            Some(other) => {
                return Err(StoreError::NotAJournal {
                    path: path.to_path_buf(),
                    why: format!(
                        "archive format {other}, this Faisceau reads format {ARCHIVE_FORMAT}"
                    ),
                });
            }
        }
        Ok(Archive {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn sqlite(&self, source: rusqlite::Error) -> StoreError {
        StoreError::Sqlite {
            path: self.path.clone(),
            source,
        }
    }

    /// Keeps an entry; an entry with the same id is replaced (the trainer
    /// archived the workshop again, for example to drop or keep names).
    /// True when the entry is new.
    pub fn keep(&mut self, entry: &Entry) -> Result<bool, StoreError> {
        let tables = serde_json::to_string(&entry.tables).map_err(|e| StoreError::NotAJournal {
            path: self.path.clone(),
            why: e.to_string(),
        })?;
        let labels = serde_json::to_string(&entry.labels).map_err(|e| StoreError::NotAJournal {
            path: self.path.clone(),
            why: e.to_string(),
        })?;
        let existed = self.find(&entry.id)?.is_some();
        self.conn
            .execute(
                "INSERT OR REPLACE INTO workshops
                 (id, name, case_id, case_title, day, tables, names_kept, journal, report, labels)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                params![
                    entry.id,
                    entry.name,
                    entry.case,
                    entry.case_title,
                    entry.day,
                    tables,
                    entry.names_kept,
                    entry.journal,
                    entry.report,
                    labels
                ],
            )
            .map_err(|e| self.sqlite(e))?;
        Ok(!existed)
    }

    fn find(&self, id: &str) -> Result<Option<String>, StoreError> {
        self.conn
            .query_row("SELECT id FROM workshops WHERE id = ?1", [id], |r| r.get(0))
            .optional()
            .map_err(|e| self.sqlite(e))
    }

    /// Every entry, oldest first; `case` keeps one case's.
    pub fn entries(&self, case: Option<&str>) -> Result<Vec<Entry>, StoreError> {
        let mut statement = self
            .conn
            .prepare(
                "SELECT id, name, case_id, case_title, day, tables, names_kept, journal, report, labels
                 FROM workshops WHERE ?1 IS NULL OR case_id = ?1 ORDER BY day, rowid",
            )
            .map_err(|e| self.sqlite(e))?;
        let rows = statement
            .query_map([case], |r| {
                Ok((
                    Entry {
                        id: r.get(0)?,
                        name: r.get(1)?,
                        case: r.get(2)?,
                        case_title: r.get(3)?,
                        day: r.get(4)?,
                        tables: Vec::new(),
                        names_kept: r.get(6)?,
                        journal: r.get(7)?,
                        report: r.get(8)?,
                        labels: Vec::new(),
                    },
                    (r.get::<_, String>(5)?, r.get::<_, String>(9)?),
                ))
            })
            .map_err(|e| self.sqlite(e))?;
        let mut entries = Vec::new();
        for row in rows {
            let (mut entry, (tables, labels)) = row.map_err(|e| self.sqlite(e))?;
            let damaged = |e: serde_json::Error| StoreError::NotAJournal {
                path: self.path.clone(),
                why: format!("workshop {}: {e}", entry.id),
            };
            entry.tables = serde_json::from_str(&tables).map_err(damaged)?;
            entry.labels = serde_json::from_str(&labels).map_err(damaged)?;
            entries.push(entry);
        }
        Ok(entries)
    }

    /// The entry whose id is `id` or starts with it (at least 4 characters);
    /// an error names the ids when the prefix is ambiguous.
    pub fn get(&self, id: &str) -> Result<Option<Entry>, StoreError> {
        let matching: Vec<Entry> = self
            .entries(None)?
            .into_iter()
            .filter(|e| e.id == id || (id.len() >= 4 && e.id.starts_with(id)))
            .collect();
        match matching.len() {
            0 | 1 => Ok(matching.into_iter().next()),
            _ => Err(StoreError::NotAJournal {
                path: self.path.clone(),
                why: format!(
                    "\"{id}\" names {} workshops ({}): give more of the id",
                    matching.len(),
                    matching
                        .iter()
                        .map(|e| e.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            }),
        }
    }

    /// Deletes an entry; returns it, so that its journal can be deleted too.
    pub fn forget(&mut self, id: &str) -> Result<Option<Entry>, StoreError> {
        let Some(entry) = self.get(id)? else {
            return Ok(None);
        };
        self.conn
            .execute("DELETE FROM workshops WHERE id = ?1", [&entry.id])
            .map_err(|e| self.sqlite(e))?;
        // Leave no copy of the deleted rows in free pages.
        self.conn
            .execute_batch("VACUUM")
            .map_err(|e| self.sqlite(e))?;
        Ok(Some(entry))
    }

    /// Merges another archive: entries whose id is already here are skipped.
    /// Names never travel: an imported entry whose report named trainees is
    /// kept with its records and without its report. Returns (added,
    /// skipped).
    pub fn import(&mut self, other: &Path) -> Result<(usize, usize), StoreError> {
        if !other.exists() {
            return Err(StoreError::NotAJournal {
                path: other.to_path_buf(),
                why: "no such file".into(),
            });
        }
        let theirs = Archive::open_existing(other)?;
        let mut added = 0;
        let mut skipped = 0;
        for mut entry in theirs.entries(None)? {
            if self.find(&entry.id)?.is_some() {
                skipped += 1;
                continue;
            }
            if entry.names_kept {
                entry.names_kept = false;
                entry.report.clear();
            }
            entry.journal = None;
            self.keep(&entry)?;
            added += 1;
        }
        Ok((added, skipped))
    }

    fn open_existing(path: &Path) -> Result<Archive, StoreError> {
        let sqlite = |source| StoreError::Sqlite {
            path: path.to_path_buf(),
            source,
        };
        let conn = Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(sqlite)?;
        let format: Option<String> = conn
            .query_row("SELECT value FROM meta WHERE key = 'archive'", [], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|_| StoreError::NotAJournal {
                path: path.to_path_buf(),
                why: "not a Faisceau archive".into(),
            })?;
        if format.as_deref() != Some(ARCHIVE_FORMAT) {
            return Err(StoreError::NotAJournal {
                path: path.to_path_buf(),
                why: "not a Faisceau archive of this format".into(),
            });
        }
        Ok(Archive {
            conn,
            path: path.to_path_buf(),
        })
    }
}

/// A stable digest (FNV-1a, 64 bits) of the given parts, as 16 hex digits.
pub fn digest<'a>(parts: impl IntoIterator<Item = &'a [u8]>) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &byte in part.iter().chain(&[0xff]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// The civil date (UTC) of a Unix time, `YYYY-MM-DD`.
pub fn day_of(unix_seconds: u64) -> String {
    // Howard Hinnant's days-to-civil algorithm.
    let z = (unix_seconds / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Today (UTC), `YYYY-MM-DD`.
pub fn today() -> String {
    day_of(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str, case: &str, names: bool) -> Entry {
        Entry {
            id: id.into(),
            name: "Atelier de Lyon".into(),
            case: case.into(),
            case_title: "Fugues".into(),
            day: "2026-11-30".into(),
            tables: vec![TableRecord {
                conclusion: None,
                correct: false,
                solved: false,
                time_to_identification: None,
                breaches: Vec::new(),
                traps_caught: Vec::new(),
                late: Vec::new(),
                missing: Vec::new(),
                key_shares: (0, 1),
                bundle: Vec::new(),
                duration: 0,
            }],
            names_kept: names,
            journal: Some("/tmp/j.sqlite".into()),
            report: if names {
                "<p>Alice Martin</p>".into()
            } else {
                "<p>Stagiaire 1</p>".into()
            },
            labels: vec![(
                "hors_cadre".into(),
                faisceau_engine::Text::fr_en("Échange informel", "Informal exchange"),
            )],
        }
    }

    #[test]
    fn keep_list_get_forget() {
        let dir = std::env::temp_dir().join(format!("faisceau-archive-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let path = dir.join("archive.sqlite");
        let mut archive = Archive::open(&path).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600, "readable by its owner only");
        }
        assert!(
            archive
                .keep(&entry("abcdef0123456789", "fugues", false))
                .unwrap()
        );
        assert!(
            !archive
                .keep(&entry("abcdef0123456789", "fugues", true))
                .unwrap()
        );
        assert!(
            archive
                .keep(&entry("abcd990000000000", "gare", false))
                .unwrap()
        );
        assert_eq!(archive.entries(None).unwrap().len(), 2);
        assert_eq!(archive.entries(Some("gare")).unwrap().len(), 1);
        assert!(archive.get("abcd").is_err(), "an ambiguous prefix says so");
        let kept = archive.get("abcdef").unwrap().unwrap();
        assert!(kept.names_kept, "archived again with names: replaced");
        assert_eq!(kept.tables.len(), 1);
        let gone = archive.forget("abcdef").unwrap().unwrap();
        assert_eq!(gone.journal.as_deref(), Some("/tmp/j.sqlite"));
        assert!(archive.get("abcdef0123456789").unwrap().is_none());
        let bytes = std::fs::read(&path).unwrap();
        assert!(
            !bytes.windows(11).any(|w| w == b"Alice Marti"),
            "a forgotten name leaves no trace in the file"
        );
        drop(archive);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn import_skips_duplicates_and_never_brings_names() {
        let dir = std::env::temp_dir().join(format!("faisceau-import-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let mut mine = Archive::open(&dir.join("mine.sqlite")).unwrap();
        let mut theirs = Archive::open(&dir.join("theirs.sqlite")).unwrap();
        mine.keep(&entry("1111000000000000", "fugues", false))
            .unwrap();
        theirs
            .keep(&entry("1111000000000000", "fugues", false))
            .unwrap();
        theirs
            .keep(&entry("2222000000000000", "fugues", true))
            .unwrap();
        drop(theirs);
        assert_eq!(mine.import(&dir.join("theirs.sqlite")).unwrap(), (1, 1));
        assert_eq!(mine.import(&dir.join("theirs.sqlite")).unwrap(), (0, 2));
        let imported = mine.get("2222000000000000").unwrap().unwrap();
        assert!(!imported.names_kept && imported.report.is_empty());
        assert_eq!(imported.journal, None);
        assert!(mine.import(&dir.join("nothing.sqlite")).is_err());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn days_and_digests_are_stable() {
        assert_eq!(day_of(0), "1970-01-01");
        assert_eq!(day_of(1_795_996_800), "2026-11-30");
        assert_eq!(day_of(951_782_400), "2000-02-29");
        assert_eq!(digest([b"a".as_slice()]), digest([b"a".as_slice()]));
        assert_ne!(
            digest([b"ab".as_slice(), b"c"]),
            digest([b"a".as_slice(), b"bc"])
        );
        assert_eq!(digest([b"".as_slice()]).len(), 16);
    }
}
