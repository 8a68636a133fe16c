//! What the process tests share: the binary, temporary directories, free
//! ports, a headless host, bot clients, and children waited for with a limit.

#![allow(dead_code)] // each test file uses its own part

use std::net::UdpSocket;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

pub const CODE: &str = "K7QX-M2PD";

pub fn faisceau() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_faisceau"));
    command.current_dir(env!("CARGO_MANIFEST_DIR"));
    // Seat tokens and the archive go to a directory of the test's own.
    command.env(
        "FAISCEAU_DATA_DIR",
        std::env::temp_dir().join(format!("faisceau-workshop-{}-data", std::process::id())),
    );
    command
}

pub fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("faisceau-workshop-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A port whose next port is free too (the door).
pub fn free_port_pair() -> u16 {
    for _ in 0..200 {
        let socket = UdpSocket::bind("0.0.0.0:0").unwrap();
        let port = socket.local_addr().unwrap().port();
        if port < 65_000 && UdpSocket::bind(("0.0.0.0", port + 1)).is_ok() {
            return port;
        }
    }
    panic!("no free pair of UDP ports");
}

pub fn host(port: u16, journal: &Path, extra: &[&str]) -> Child {
    host_case("scenarios/foyer_fugues.ron", port, journal, extra)
}

pub fn host_case(scenario: &str, port: u16, journal: &Path, extra: &[&str]) -> Child {
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

pub fn join(port: u16, name: &str, extra: &[&str]) -> Command {
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
pub fn finish(mut child: Child, limit: Duration) -> Output {
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

pub fn wait_for_door(port: u16) {
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

pub fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}
