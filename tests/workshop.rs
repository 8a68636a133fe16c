//! A workshop over real UDP on loopback, with the host and each client in
//! its own process, as in a room: play to a conclusion, refusals told in
//! words, and a host killed with SIGKILL that resumes with nothing lost.

use std::net::UdpSocket;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use faisceau_engine::{Debrief, EventKind};
use faisceau_store::Journal;

const CODE: &str = "K7QX-M2PD";

fn faisceau() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_faisceau"));
    command.current_dir(env!("CARGO_MANIFEST_DIR"));
    command
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("faisceau-workshop-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A port whose next port is free too (the door).
fn free_port_pair() -> u16 {
    for _ in 0..200 {
        let socket = UdpSocket::bind("0.0.0.0:0").unwrap();
        let port = socket.local_addr().unwrap().port();
        if port < 65_000 && UdpSocket::bind(("0.0.0.0", port + 1)).is_ok() {
            return port;
        }
    }
    panic!("no free pair of UDP ports");
}

fn host(port: u16, journal: &Path, extra: &[&str]) -> Child {
    host_case("scenarios/foyer_fugues.ron", port, journal, extra)
}

fn host_case(scenario: &str, port: u16, journal: &Path, extra: &[&str]) -> Child {
    faisceau()
        .args(["host", scenario, "--headless", "--code", CODE])
        .args([
            "--port",
            &port.to_string(),
            "--journal",
            journal.to_str().unwrap(),
        ])
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn join(port: u16, name: &str, extra: &[&str]) -> Command {
    let mut command = faisceau();
    command
        .args([
            "join",
            &format!("127.0.0.1:{port}"),
            "--code",
            CODE,
            "--bot",
            "--name",
            name,
            // Trainees read French first.
            "--lang",
            "fr",
        ])
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

/// Waits for a child, killing it after `limit`. Its output is read while it
/// runs: a full pipe would block it.
fn finish(mut child: Child, limit: Duration) -> Output {
    fn drain(
        pipe: Option<impl std::io::Read + Send + 'static>,
    ) -> std::thread::JoinHandle<Vec<u8>> {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut bytes);
            }
            bytes
        })
    }
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());
    let deadline = Instant::now() + limit;
    let mut status = None;
    while Instant::now() < deadline {
        if let Some(done) = child.try_wait().unwrap() {
            status = Some(done);
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let timed_out = status.is_none();
    if timed_out {
        let _ = child.kill();
    }
    let output = Output {
        status: child.wait().unwrap(),
        stdout: stdout.join().unwrap(),
        stderr: stderr.join().unwrap(),
    };
    assert!(
        !timed_out,
        "still running after {limit:?}\nstdout: {}\nstderr: {}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn wait_for_door(port: u16) {
    let deadline = Instant::now() + Duration::from_secs(30);
    let socket = UdpSocket::bind("127.0.0.1:0").unwrap();
    socket
        .set_read_timeout(Some(Duration::from_millis(200)))
        .unwrap();
    let mut buffer = [0u8; 1024];
    while Instant::now() < deadline {
        let _ = socket.send_to(br#"{"faisceau":"who"}"#, ("127.0.0.1", port + 1));
        if socket.recv_from(&mut buffer).is_ok() {
            return;
        }
    }
    panic!("the host did not open");
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

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
    for (i, (name, child)) in clients.into_iter().enumerate() {
        let output = finish(child, Duration::from_secs(30));
        assert!(output.status.success(), "{name}: {}", text(&output));
        let stats: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(dir.join(format!("{}.json", i + 1))).unwrap(),
        )
        .unwrap();
        assert_eq!(stats["name"], name.as_str());
        assert!(stats["commands"].as_u64().unwrap() > 3, "{stats}");
        assert!(
            stats["latency_ms"]["samples"].as_u64().unwrap() > 3,
            "{stats}"
        );
        roles.push(stats["role"].as_str().unwrap().to_owned());
    }
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
