//! A workshop over real UDP on loopback, with the host and each client in
//! its own process, as in a room: play to a conclusion, refusals told in
//! words, and a host killed with SIGKILL that resumes with nothing lost.

use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use faisceau_engine::{Debrief, EventKind};
use faisceau_store::Journal;

mod common;

use common::*;

#[test]
fn a_workshop_plays_to_a_conclusion_over_udp() {
    let dir = temp("play");
    let port = free_port_pair();
    let journal = dir.join("w.journal");
    // Three phases, five roles, each with work of its own in every phase
    // (in Kenza's case the social worker has two hours in the first week
    // and a view-bot seated there runs out of things to do).
    let host = host_case(
        "scenarios/guetteur_contraint.ron",
        port,
        &journal,
        &[
            "--bots-after",
            "6",
            "--advance-after",
            "2",
            "--bot-pace-ms",
            "100",
            "--max-minutes",
            "4",
        ],
    );
    wait_for_door(port);
    let clients: Vec<(String, Child)> = (1..=3)
        .map(|i| {
            let name = format!("stagiaire {i}");
            let stats = dir.join(format!("{i}.json"));
            let child = join(
                port,
                &name,
                &[
                    "--pace-ms",
                    "20",
                    "--max-minutes",
                    "4",
                    "--stats",
                    stats.to_str().unwrap(),
                ],
            )
            .spawn()
            .unwrap();
            (name, child)
        })
        .collect();
    let host = finish(host, Duration::from_secs(300));
    assert!(host.status.success(), "{}", text(&host));
    let mut roles = Vec::new();
    let mut commands = 0;
    for (i, (name, child)) in clients.into_iter().enumerate() {
        let output = finish(child, Duration::from_secs(30));
        assert!(output.status.success(), "{name}: {}", text(&output));
        let stats: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(dir.join(format!("{}.json", i + 1))).unwrap(),
        )
        .unwrap();
        assert_eq!(stats["name"], name.as_str());
        // Every bot plays; some roles have little to do before the arrest
        // (the police may not hear anyone until an investigation is open),
        // so the count is over the three of them.
        assert!(stats["commands"].as_u64().unwrap() > 0, "{stats}");
        assert!(
            stats["latency_ms"]["samples"].as_u64().unwrap() > 0,
            "{stats}"
        );
        commands += stats["commands"].as_u64().unwrap();
        roles.push(stats["role"].as_str().unwrap().to_owned());
    }
    assert!(commands > 9, "{commands} commands from three bots");
    roles.sort();
    roles.dedup();
    assert_eq!(roles.len(), 3, "three people, three roles");

    // The journal holds the whole session, and the debrief comes back from it.
    let (_journal, restored) = Journal::open(&journal).unwrap();
    let events = &restored.tables[0];
    assert!(
        events
            .iter()
            .any(|e| matches!(e.kind, EventKind::ConclusionAdopted { .. }))
    );
    assert!(
        events
            .iter()
            .any(|e| matches!(e.kind, EventKind::Ended { .. }))
    );
    for role in &roles {
        assert!(
            restored.seats.iter().any(|s| s.role == *role
                && s.name
                    .as_deref()
                    .is_some_and(|n| n.starts_with("stagiaire"))),
            "{role} is seated in the journal"
        );
    }
    let shelf = faisceau_engine::Books::one(
        "france",
        &restored.workshop.rulebook_path,
        &restored.workshop.rulebook_text,
    );
    let case = faisceau_engine::load(&restored.workshop.scenario_text, "case.ron", &shelf)
        .unwrap()
        .case;
    let debrief = Debrief::build(&case, events).unwrap();
    assert!(debrief.table.conclusion.is_some());
    let output = faisceau()
        .args(["debrief", journal.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", text(&output));
    let printed = String::from_utf8_lossy(&output.stdout);
    assert!(printed.contains("stagiaire 1"), "{printed}");
}

#[test]
fn refusals_come_back_in_words_within_five_seconds() {
    let dir = temp("refusals");
    let port = free_port_pair();
    let role = "educatrice";
    let host = host(port, &dir.join("w.journal"), &["--max-minutes", "1"]);
    wait_for_door(port);

    let started = Instant::now();
    let output = faisceau()
        .args([
            "join",
            &format!("127.0.0.1:{port}"),
            "--code",
            "K7QX-M2PE",
            "--bot",
            "--lang",
            "fr",
        ])
        .output()
        .unwrap();
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(output.status.code(), Some(2), "{}", text(&output));
    assert!(
        text(&output).contains("Code incorrect"),
        "{}",
        text(&output)
    );

    let first = join(port, "Inès", &["--role", role]).spawn().unwrap();
    // Give Inès the time to sit.
    std::thread::sleep(Duration::from_secs(3));
    let started = Instant::now();
    let second = join(port, "Marc", &["--role", role]).output().unwrap();
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(second.status.code(), Some(2), "{}", text(&second));
    assert!(
        text(&second).contains("déjà pris par Inès"),
        "{}",
        text(&second)
    );

    let same_name = join(port, "Inès", &[]).output().unwrap();
    assert_eq!(same_name.status.code(), Some(2));
    assert!(
        text(&same_name).contains("encore connectée"),
        "{}",
        text(&same_name)
    );

    let output = faisceau()
        .args([
            "join",
            &format!("127.0.0.1:{}", port + 7),
            "--code",
            CODE,
            "--bot",
            "--lang",
            "en",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output).contains("No workshop answers"),
        "{}",
        text(&output)
    );

    let mut first = first;
    let _ = first.kill();
    let _ = first.wait();
    let mut host = host;
    let _ = host.kill();
    let _ = host.wait();
}

#[test]
fn a_host_killed_mid_session_resumes_with_nothing_lost() {
    let dir = temp("resume");
    let port = free_port_pair();
    let journal = dir.join("w.journal");
    let pilot = [
        "--bots-after",
        "3",
        "--advance-after",
        "3",
        "--bot-pace-ms",
        "150",
        "--max-minutes",
        "4",
    ];
    let mut first_host = host(port, &journal, &pilot);
    wait_for_door(port);
    let stats = dir.join("alice.json");
    let alice = join(
        port,
        "Alice",
        &[
            "--role",
            "educatrice",
            "--pace-ms",
            "150",
            "--max-minutes",
            "4",
            "--stats",
            stats.to_str().unwrap(),
        ],
    )
    .spawn()
    .unwrap();

    // Let the table play a while, then kill the host without warning.
    let deadline = Instant::now() + Duration::from_secs(60);
    let before = loop {
        assert!(Instant::now() < deadline, "the table did not get going");
        std::thread::sleep(Duration::from_millis(300));
        if let Ok((_, restored)) = Journal::open(&journal)
            && restored.tables[0].len() > 80
        {
            break restored;
        }
    };
    first_host.kill().unwrap(); // SIGKILL
    first_host.wait().unwrap();
    let (_, at_kill) = Journal::open(&journal).unwrap();
    assert!(at_kill.tables[0].len() >= before.tables[0].len());
    assert!(
        !at_kill.tables[0]
            .iter()
            .any(|e| matches!(e.kind, EventKind::Ended { .. })),
        "killed mid-session"
    );

    let resumed = faisceau()
        .args(["host", "--resume", journal.to_str().unwrap(), "--headless"])
        .args(pilot)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let resumed = finish(resumed, Duration::from_secs(300));
    assert!(resumed.status.success(), "{}", text(&resumed));
    assert!(
        text(&resumed).contains(&format!("{} event(s)", at_kill.tables[0].len())),
        "{}",
        text(&resumed)
    );

    let alice = finish(alice, Duration::from_secs(30));
    assert!(alice.status.success(), "{}", text(&alice));
    let summary: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&stats).unwrap()).unwrap();
    assert_eq!(summary["role"], "educatrice", "Alice came back to her role");

    let (_, after) = Journal::open(&journal).unwrap();
    assert_eq!(
        after.tables[0][..at_kill.tables[0].len()],
        at_kill.tables[0][..],
        "everything journaled before the kill is kept as it was"
    );
    assert!(
        after.tables[0]
            .iter()
            .any(|e| matches!(e.kind, EventKind::Ended { .. }))
    );
    assert!(
        after
            .seats
            .iter()
            .any(|s| s.role == "educatrice" && s.name.as_deref() == Some("Alice"))
    );
}

/// A trainer's whole evening: two tables played by bots to the end, the
/// report written from the journal, the workshop archived by itself, a
/// colleague's archive merged in, and the statistics counting both.
#[test]
fn a_workshop_is_reported_archived_merged_and_counted() {
    let dir = temp("archive");
    let mine = dir.join("mine");
    let theirs = dir.join("theirs");
    // Each trainer's machine: its own data directory, its own workshop.
    let play = |data: &Path, seed: &str| {
        let port = free_port_pair();
        let journal = data.join("w.journal");
        std::fs::create_dir_all(data).unwrap();
        let child = faisceau()
            .env("FAISCEAU_DATA_DIR", data)
            .args(["host", "scenarios/foyer_fugues.ron", "--headless"])
            .args(["--code", CODE, "--tables", "2", "--seed", seed])
            .args(["--port", &port.to_string()])
            .args(["--journal", journal.to_str().unwrap()])
            .args(["--bots-after", "0", "--advance-after", "1"])
            .args(["--bot-pace-ms", "20", "--max-minutes", "3"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let output = finish(child, Duration::from_secs(240));
        assert!(output.status.success(), "{}", text(&output));
        let printed = text(&output);
        let id = printed
            .lines()
            .find_map(|l| l.strip_prefix("archived as "))
            .and_then(|rest| rest.split_whitespace().next())
            .unwrap_or_else(|| panic!("the host archived the workshop: {printed}"))
            .to_owned();
        (journal, id)
    };
    let (journal, id) = play(&mine, "7");
    let (_, their_id) = play(&theirs, "8");
    assert_ne!(id, their_id);
    let archive = |data: &Path, args: &[&str]| {
        let output = faisceau()
            .env("FAISCEAU_DATA_DIR", data)
            .args(["archive"])
            .args(args)
            .args(["--lang", "fr"])
            .output()
            .unwrap();
        assert!(output.status.success(), "{args:?}: {}", text(&output));
        String::from_utf8_lossy(&output.stdout).into_owned()
    };

    // The report, written from the journal with the names.
    let report = dir.join("rapport.html");
    let output = faisceau()
        .args(["debrief", journal.to_str().unwrap(), "--lang", "fr"])
        .args(["--html", report.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", text(&output));
    let html = std::fs::read_to_string(&report).unwrap();
    assert!(html.contains("Table 2"), "both tables are in the report");

    // The archive: one workshop, readable by its owner only, pseudonymous.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(mine.join("archive.sqlite"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let list = archive(&mine, &["list"]);
    assert!(list.contains(&id) && list.contains("pseudonymes"), "{list}");
    let shown = dir.join("again.html");
    archive(&mine, &["show", &id, "--html", shown.to_str().unwrap()]);
    assert!(std::fs::read_to_string(&shown).unwrap().contains("Table 2"));

    // A colleague's archive merges once.
    let their_file = theirs.join("archive.sqlite");
    let merged = archive(&mine, &["import", their_file.to_str().unwrap()]);
    assert!(
        merged.contains("1 atelier ajouté, 0 déjà présent"),
        "{merged}"
    );
    let again = archive(&mine, &["import", their_file.to_str().unwrap()]);
    assert!(
        again.contains("0 atelier ajouté, 1 déjà présent"),
        "{again}"
    );

    // The statistics count both workshops: four tables of the same case.
    let stats: serde_json::Value =
        serde_json::from_str(&archive(&mine, &["stats", "--format", "json"])).unwrap();
    assert_eq!(stats.as_array().unwrap().len(), 1, "{stats}");
    assert_eq!(stats[0]["case"], "foyer_fugues");
    assert_eq!(stats[0]["workshops"], 2);
    assert_eq!(stats[0]["tables"], 4);
    let solved = stats[0]["solved"].as_u64().unwrap();
    assert!(solved <= 4);
    assert_eq!(
        stats[0]["solve_rate"].as_f64().unwrap(),
        solved as f64 / 4.0
    );
    let page = dir.join("stats.html");
    archive(
        &mine,
        &["stats", "--format", "html", "--out", page.to_str().unwrap()],
    );
    assert!(std::fs::read_to_string(&page).unwrap().contains("<svg"));

    // Forgetting a workshop deletes its entry and its journal.
    let forgot = archive(&mine, &["forget", &id]);
    assert!(forgot.contains("supprimé"), "{forgot}");
    assert!(!journal.exists());
    let stats: serde_json::Value =
        serde_json::from_str(&archive(&mine, &["stats", "--format", "json"])).unwrap();
    assert_eq!(stats[0]["tables"], 2);
    let _ = std::fs::remove_dir_all(&dir);
}
