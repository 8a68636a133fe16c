//! Faisceau's store: the workshop journal in SQLite.
//!
//! A journal is one SQLite file per workshop. It holds what the host needs to
//! come back after a crash, and nothing it could recompute:
//!
//! - the workshop: its name, join code, port, the Faisceau version, and the
//!   scenario's full RON text (so a resumed workshop plays the very case it
//!   started with, even if the file on disk was edited since);
//! - each table's seed;
//! - each table's events, in order;
//! - who sits where (table, role, name, or a bot), so that people rejoin
//!   into their own roles.
//!
//! The file runs in WAL mode with `synchronous=FULL`: once [`Journal::append`]
//! returns, the events survive a killed process or a power cut, and the host
//! only then acknowledges the command. The debrief is never stored: it is
//! rebuilt from the scenario and the events.

pub mod archive;

use std::path::{Path, PathBuf};

use faisceau_engine::session::Event;
use rusqlite::{Connection, OptionalExtension, params};

/// The journal format this code writes and reads.
pub const FORMAT: i64 = 2;

/// What can go wrong with a journal.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite refused: the file is unreadable, locked, or not a database.
    #[error("{path}: {source}")]
    Sqlite {
        /// The journal file.
        path: PathBuf,
        /// SQLite's own message.
        source: rusqlite::Error,
    },
    /// The file exists and already holds a workshop.
    #[error(
        "{0}: this journal already holds a workshop; resume it with --resume, or choose another file"
    )]
    NotEmpty(PathBuf),
    /// The file is not a Faisceau journal, or one from another format.
    #[error("{path}: {why}")]
    NotAJournal {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        why: String,
    },
    /// A stored event does not decode (the file was edited or damaged).
    #[error("{path}: table {table}, event {seq}: {why}")]
    BadEvent {
        /// The file.
        path: PathBuf,
        /// The table.
        table: usize,
        /// The event's position.
        seq: usize,
        /// The decoder's message.
        why: String,
    },
    /// Events must be appended in order, without gaps.
    #[error("table {table}: expected event {expected}, was given {given}")]
    OutOfOrder {
        /// The table.
        table: usize,
        /// The next position the journal expects.
        expected: usize,
        /// The position given.
        given: usize,
    },
}

/// The workshop, as written when it is created.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Workshop {
    /// Shown to trainees and on the projector.
    pub name: String,
    /// The join code.
    pub code: String,
    /// The UDP port the host listens on.
    pub port: u16,
    /// The Faisceau version that created the workshop.
    pub version: String,
    /// Where the scenario was read from (for messages only).
    pub scenario_path: String,
    /// The scenario's full RON text.
    pub scenario_text: String,
    /// Where the scenario's rulebook was read from (for messages only).
    pub rulebook_path: String,
    /// The rulebook's full RON text, so that a resumed workshop plays under
    /// the very rules it started with.
    pub rulebook_text: String,
    /// One seed per table.
    pub seeds: Vec<u64>,
}

/// Who sits on a role at a table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Seat {
    /// The table, from 0.
    pub table: usize,
    /// The role's id.
    pub role: String,
    /// The person's name, or none when a bot plays the role.
    pub name: Option<String>,
    /// The seat token the person's client keeps, to take the seat back
    /// after a drop or a restart of either side.
    pub token: Option<u64>,
}

/// Everything a journal holds, read back.
#[derive(Clone, Debug, PartialEq)]
pub struct Restored {
    /// The workshop.
    pub workshop: Workshop,
    /// Each table's events, in order.
    pub tables: Vec<Vec<Event>>,
    /// Who sat where.
    pub seats: Vec<Seat>,
}

/// An open journal.
pub struct Journal {
    conn: Connection,
    path: PathBuf,
    /// Next event position, per table.
    next: Vec<usize>,
}

impl std::fmt::Debug for Journal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Journal").field("path", &self.path).finish()
    }
}

impl Journal {
    /// Creates a journal for a new workshop. Refuses a file that already
    /// holds one, so that a workshop is never overwritten by mistake.
    pub fn create(path: &Path, workshop: &Workshop) -> Result<Journal, StoreError> {
        let conn = open(path)?;
        let sql = |source| StoreError::Sqlite {
            path: path.to_path_buf(),
            source,
        };
        conn.execute_batch(SCHEMA).map_err(sql)?;
        let existing: Option<String> = conn
            .query_row("SELECT value FROM meta WHERE key = 'name'", [], |r| {
                r.get(0)
            })
            .optional()
            .map_err(sql)?;
        if existing.is_some() {
            return Err(StoreError::NotEmpty(path.to_path_buf()));
        }
        let mut journal = Journal {
            conn,
            path: path.to_path_buf(),
            next: vec![0; workshop.seeds.len()],
        };
        let tx = journal.conn.transaction().map_err(sql)?;
        {
            let mut meta = tx
                .prepare("INSERT INTO meta (key, value) VALUES (?1, ?2)")
                .map_err(sql)?;
            for (key, value) in [
                ("format", FORMAT.to_string()),
                ("name", workshop.name.clone()),
                ("code", workshop.code.clone()),
                ("port", workshop.port.to_string()),
                ("version", workshop.version.clone()),
                ("scenario_path", workshop.scenario_path.clone()),
                ("scenario_text", workshop.scenario_text.clone()),
                ("rulebook_path", workshop.rulebook_path.clone()),
                ("rulebook_text", workshop.rulebook_text.clone()),
            ] {
                meta.execute(params![key, value]).map_err(sql)?;
            }
            let mut table = tx
                .prepare("INSERT INTO tables (id, seed) VALUES (?1, ?2)")
                .map_err(sql)?;
            for (id, seed) in workshop.seeds.iter().enumerate() {
                // SQLite integers are signed: the seed's bits are kept as they are.
                table
                    .execute(params![id as i64, *seed as i64])
                    .map_err(sql)?;
            }
        }
        tx.commit().map_err(sql)?;
        Ok(journal)
    }

    /// Opens an existing journal and reads everything back.
    pub fn open(path: &Path) -> Result<(Journal, Restored), StoreError> {
        if !path.is_file() {
            return Err(StoreError::NotAJournal {
                path: path.to_path_buf(),
                why: "no such file".into(),
            });
        }
        let conn = open(path)?;
        let journal = Journal {
            conn,
            path: path.to_path_buf(),
            next: Vec::new(),
        };
        let restored = journal.read()?;
        let next = restored.tables.iter().map(Vec::len).collect();
        Ok((Journal { next, ..journal }, restored))
    }

    /// The journal's file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends a table's new events in one transaction; `first` is the
    /// position of the first of them in the table's event list. When this
    /// returns, the events are on disk.
    pub fn append(
        &mut self,
        table: usize,
        first: usize,
        events: &[Event],
    ) -> Result<(), StoreError> {
        let expected = self
            .next
            .get(table)
            .copied()
            .ok_or(StoreError::OutOfOrder {
                table,
                expected: 0,
                given: first,
            })?;
        if first != expected {
            return Err(StoreError::OutOfOrder {
                table,
                expected,
                given: first,
            });
        }
        if events.is_empty() {
            return Ok(());
        }
        let path = self.path.clone();
        let sql = |source| StoreError::Sqlite {
            path: path.clone(),
            source,
        };
        let tx = self.conn.transaction().map_err(sql)?;
        {
            let mut insert = tx
                .prepare_cached("INSERT INTO events (table_id, seq, event) VALUES (?1, ?2, ?3)")
                .map_err(sql)?;
            for (i, event) in events.iter().enumerate() {
                let json = serde_json::to_string(event).expect("events always serialise");
                insert
                    .execute(params![table as i64, (first + i) as i64, json])
                    .map_err(sql)?;
            }
        }
        tx.commit().map_err(sql)?;
        self.next[table] = first + events.len();
        Ok(())
    }

    /// Records who sits on a role (a bot when `name` is none), replacing
    /// whoever sat there.
    pub fn seat(&mut self, table: usize, role: &str, name: Option<&str>) -> Result<(), StoreError> {
        self.conn
            .execute(
                "INSERT INTO seats (table_id, role, name) VALUES (?1, ?2, ?3)
                 ON CONFLICT (table_id, role) DO UPDATE SET name = excluded.name",
                params![table as i64, role, name],
            )
            .map(drop)
            .map_err(|source| StoreError::Sqlite {
                path: self.path.clone(),
                source,
            })
    }

    /// Records the token of the person sitting on a role.
    pub fn seat_token(&mut self, table: usize, role: &str, token: u64) -> Result<(), StoreError> {
        self.conn
            .execute(
                "INSERT INTO tokens (table_id, role, token) VALUES (?1, ?2, ?3)
                 ON CONFLICT (table_id, role) DO UPDATE SET token = excluded.token",
                // SQLite integers are signed: the token's bits are kept as they are.
                params![table as i64, role, token as i64],
            )
            .map(drop)
            .map_err(|source| StoreError::Sqlite {
                path: self.path.clone(),
                source,
            })
    }

    /// Frees a role.
    pub fn unseat(&mut self, table: usize, role: &str) -> Result<(), StoreError> {
        self.conn
            .execute(
                "DELETE FROM tokens WHERE table_id = ?1 AND role = ?2",
                params![table as i64, role],
            )
            .and_then(|_| {
                self.conn.execute(
                    "DELETE FROM seats WHERE table_id = ?1 AND role = ?2",
                    params![table as i64, role],
                )
            })
            .map(drop)
            .map_err(|source| StoreError::Sqlite {
                path: self.path.clone(),
                source,
            })
    }

    /// Reads everything back.
    pub fn read(&self) -> Result<Restored, StoreError> {
        let path = &self.path;
        let sql = |source| StoreError::Sqlite {
            path: path.clone(),
            source,
        };
        let not_journal = |why: String| StoreError::NotAJournal {
            path: path.clone(),
            why,
        };
        let has_meta: bool = self
            .conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'",
                [],
                |r| r.get::<_, i64>(0),
            )
            .map_err(sql)?
            > 0;
        if !has_meta {
            return Err(not_journal("this is not a Faisceau journal".into()));
        }
        let meta = |key: &str| -> Result<String, StoreError> {
            self.conn
                .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
                .optional()
                .map_err(sql)?
                .ok_or_else(|| not_journal(format!("the journal has no `{key}`")))
        };
        let format: i64 = meta("format")?
            .parse()
            .map_err(|_| not_journal("unreadable format number".into()))?;
        if format != FORMAT {
            return Err(not_journal(format!(
                "journal format {format}, this Faisceau reads format {FORMAT}"
            )));
        }
        let seeds: Vec<u64> = {
            let mut stmt = self
                .conn
                .prepare("SELECT seed FROM tables ORDER BY id")
                .map_err(sql)?;
            stmt.query_map([], |r| r.get::<_, i64>(0).map(|s| s as u64))
                .map_err(sql)?
                .collect::<Result<_, _>>()
                .map_err(sql)?
        };
        let workshop = Workshop {
            name: meta("name")?,
            code: meta("code")?,
            port: meta("port")?
                .parse()
                .map_err(|_| not_journal("unreadable port".into()))?,
            version: meta("version")?,
            scenario_path: meta("scenario_path")?,
            scenario_text: meta("scenario_text")?,
            rulebook_path: meta("rulebook_path")?,
            rulebook_text: meta("rulebook_text")?,
            seeds,
        };
        let mut tables = vec![Vec::new(); workshop.seeds.len()];
        {
            let mut stmt = self
                .conn
                .prepare("SELECT table_id, seq, event FROM events ORDER BY table_id, seq")
                .map_err(sql)?;
            let rows = stmt
                .query_map([], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, i64>(1)?,
                        r.get::<_, String>(2)?,
                    ))
                })
                .map_err(sql)?;
            for row in rows {
                let (table, seq, json) = row.map_err(sql)?;
                let (table, seq) = (table as usize, seq as usize);
                let bad = |why: String| StoreError::BadEvent {
                    path: path.clone(),
                    table,
                    seq,
                    why,
                };
                let events = tables
                    .get_mut(table)
                    .ok_or_else(|| bad("no such table".into()))?;
                if seq != events.len() {
                    return Err(bad(format!("expected event {}", events.len())));
                }
                events.push(serde_json::from_str(&json).map_err(|e| bad(e.to_string()))?);
            }
        }
        let seats = {
            let mut stmt = self
                .conn
                .prepare(
                    "SELECT s.table_id, s.role, s.name, t.token FROM seats s
                     LEFT JOIN tokens t ON t.table_id = s.table_id AND t.role = s.role
                     ORDER BY s.table_id, s.role",
                )
                .map_err(sql)?;
            stmt.query_map([], |r| {
                Ok(Seat {
                    table: r.get::<_, i64>(0)? as usize,
                    role: r.get(1)?,
                    name: r.get(2)?,
                    token: r.get::<_, Option<i64>>(3)?.map(|t| t as u64),
                })
            })
            .map_err(sql)?
            .collect::<Result<_, _>>()
            .map_err(sql)?
        };
        Ok(Restored {
            workshop,
            tables,
            seats,
        })
    }
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tables (id INTEGER PRIMARY KEY, seed INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS events (
    table_id INTEGER NOT NULL REFERENCES tables (id),
    seq INTEGER NOT NULL,
    event TEXT NOT NULL,
    PRIMARY KEY (table_id, seq)
);
CREATE TABLE IF NOT EXISTS seats (
    table_id INTEGER NOT NULL REFERENCES tables (id),
    role TEXT NOT NULL,
    name TEXT,
    PRIMARY KEY (table_id, role)
);
CREATE TABLE IF NOT EXISTS tokens (
    table_id INTEGER NOT NULL REFERENCES tables (id),
    role TEXT NOT NULL,
    token INTEGER NOT NULL,
    PRIMARY KEY (table_id, role)
);
";

/// Makes a file readable and writable by its owner only (journals and the
/// archive hold names and notes).
pub(crate) fn owner_only(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600));
    }
    #[cfg(not(unix))]
    let _ = path;
}

/// Opens the file with the durability settings every journal uses.
fn open(path: &Path) -> Result<Connection, StoreError> {
    let sql = |source| StoreError::Sqlite {
        path: path.to_path_buf(),
        source,
    };
    let conn = Connection::open(path).map_err(sql)?;
    // The journal holds the join code and the table's notes: only its owner reads it.
    owner_only(path);
    conn.busy_timeout(std::time::Duration::from_secs(2))
        .map_err(sql)?;
    conn.pragma_update(None, "journal_mode", "WAL")
        .map_err(sql)?;
    conn.pragma_update(None, "synchronous", "FULL")
        .map_err(sql)?;
    conn.pragma_update(None, "foreign_keys", "ON")
        .map_err(sql)?;
    Ok(conn)
}
