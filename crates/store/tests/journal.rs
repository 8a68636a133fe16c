//! The journal keeps a workshop whole: what goes in comes back, in order,
//! and the sessions replay to the very same state.

use std::path::PathBuf;
use std::sync::Arc;

use faisceau_engine::bot::{self, Temperament};
use faisceau_engine::case::Case;
use faisceau_engine::session::Session;
use faisceau_store::{Journal, Seat, StoreError, Workshop};

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("faisceau-store-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.join("workshop.journal")
}

fn scenario_text() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../scenarios/foyer_fugues.ron"
    ))
    .unwrap()
}

fn rulebook_text() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../scenarios/rulebooks/france.ron"
    ))
    .unwrap()
}

fn case(text: &str) -> Arc<Case> {
    let shelf = faisceau_engine::Books::one("france", "france.ron", &rulebook_text());
    let loaded = faisceau_engine::load::load(text, "foyer_fugues.ron", &shelf)
        .expect("the starter case loads");
    Arc::new(loaded.case)
}

fn workshop(seeds: Vec<u64>) -> Workshop {
    Workshop {
        name: "Atelier de Lyon".into(),
        code: "K7QX-M2PD".into(),
        port: 5170,
        version: "0.1.0".into(),
        scenario_path: "scenarios/foyer_fugues.ron".into(),
        scenario_text: scenario_text(),
        rulebook_path: "scenarios/rulebooks/france.ron".into(),
        rulebook_text: rulebook_text(),
        seeds,
    }
}

#[test]
fn a_played_workshop_comes_back_event_for_event() {
    let path = temp("roundtrip");
    let seeds = vec![7, u64::MAX, 0];
    let mut journal = Journal::create(&path, &workshop(seeds.clone())).unwrap();
    let case = case(&scenario_text());
    let mut sessions = Vec::new();
    for (table, seed) in seeds.iter().enumerate() {
        let mut session = Session::new(case.clone(), *seed);
        journal.append(table, 0, session.events()).unwrap();
        let before = session.events().len();
        bot::play_on(&mut session, None, &Temperament::default());
        let events = session.events()[before..].to_vec();
        // Written in small batches, as a host does after each command.
        for (i, chunk) in events.chunks(3).enumerate() {
            journal.append(table, before + i * 3, chunk).unwrap();
        }
        sessions.push(session);
    }
    journal.seat(0, "educatrice", Some("Inès")).unwrap();
    journal.seat(0, "policier", None).unwrap();
    journal.seat(0, "educatrice", Some("Inès B.")).unwrap();
    journal.seat_token(0, "educatrice", u64::MAX - 7).unwrap();
    journal.seat(1, "juge", Some("Marc")).unwrap();
    journal.seat_token(1, "juge", 42).unwrap();
    journal.seat(1, "juge", Some("Marc")).unwrap();
    journal.unseat(1, "juge").unwrap();
    drop(journal);

    let (_journal, restored) = Journal::open(&path).unwrap();
    assert_eq!(restored.workshop, workshop(seeds.clone()));
    assert_eq!(
        restored.seats,
        vec![
            Seat {
                table: 0,
                role: "educatrice".into(),
                name: Some("Inès B.".into()),
                token: Some(u64::MAX - 7),
            },
            Seat {
                table: 0,
                role: "policier".into(),
                name: None,
                token: None,
            },
        ]
    );
    for (table, session) in sessions.iter().enumerate() {
        assert!(session.events().len() > 50, "the bots played");
        assert_eq!(restored.tables[table], session.events());
        let replayed =
            Session::replay(case.clone(), seeds[table], restored.tables[table].clone()).unwrap();
        assert_eq!(replayed.trainer_view(), session.trainer_view());
    }
}

#[test]
fn an_existing_workshop_is_never_overwritten() {
    let path = temp("overwrite");
    Journal::create(&path, &workshop(vec![1])).unwrap();
    let err = Journal::create(&path, &workshop(vec![2])).unwrap_err();
    assert!(matches!(err, StoreError::NotEmpty(_)), "{err}");
    assert!(err.to_string().contains("--resume"), "{err}");
}

#[test]
fn events_must_come_in_order() {
    let path = temp("order");
    let mut journal = Journal::create(&path, &workshop(vec![1])).unwrap();
    let case = case(&scenario_text());
    let session = Session::new(case, 1);
    let err = journal.append(0, 3, session.events()).unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::OutOfOrder {
                expected: 0,
                given: 3,
                ..
            }
        ),
        "{err}"
    );
    let err = journal.append(4, 0, session.events()).unwrap_err();
    assert!(
        matches!(err, StoreError::OutOfOrder { table: 4, .. }),
        "{err}"
    );
    journal.append(0, 0, session.events()).unwrap();
    // Resuming continues from where the file ends.
    drop(journal);
    let (mut journal, restored) = Journal::open(&path).unwrap();
    let n = restored.tables[0].len();
    assert!(journal.append(0, 0, session.events()).is_err());
    journal.append(0, n, &[]).unwrap();
}

#[test]
fn the_file_is_durable_and_private() {
    let path = temp("pragmas");
    Journal::create(&path, &workshop(vec![1])).unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(
            mode & 0o077,
            0,
            "only the trainer reads the journal: {mode:o}"
        );
    }
}

#[test]
fn other_files_are_refused_with_a_reason() {
    let path = temp("garbage");
    std::fs::write(&path, "this is a scenario, not a journal\n".repeat(100)).unwrap();
    let err = Journal::open(&path).unwrap_err();
    assert!(err.to_string().contains("workshop.journal"), "{err}");

    let missing = temp("missing").with_file_name("nowhere.journal");
    let err = Journal::open(&missing).unwrap_err();
    assert!(err.to_string().contains("no such file"), "{err}");

    let empty_db = temp("emptydb");
    rusqlite::Connection::open(&empty_db)
        .unwrap()
        .execute_batch("CREATE TABLE t (x)")
        .unwrap();
    let err = Journal::open(&empty_db).unwrap_err();
    assert!(err.to_string().contains("not a Faisceau journal"), "{err}");
}

#[test]
fn a_damaged_event_is_located() {
    let path = temp("damaged");
    let mut journal = Journal::create(&path, &workshop(vec![1])).unwrap();
    let session = Session::new(case(&scenario_text()), 1);
    journal.append(0, 0, session.events()).unwrap();
    drop(journal);
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute(
            "UPDATE events SET event = '{\"at\": \"noon\"}' WHERE seq = 2",
            [],
        )
        .unwrap();
    let err = Journal::open(&path).unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::BadEvent {
                table: 0,
                seq: 2,
                ..
            }
        ),
        "{err}"
    );
}
