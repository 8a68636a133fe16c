//! The workshop on a real network: how many packets an idle connection
//! costs, measured on the wire by a relay between a bot client and the host.

mod common;

use std::collections::HashMap;
use std::net::{SocketAddr, UdpSocket};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use common::*;

/// A UDP relay on 127.0.0.1: each client gets a socket of its own toward the
/// host (as a NAT would), the game port's datagrams are counted each way,
/// the door's are passed through.
struct Relay {
    port: u16,
    up: Arc<AtomicU64>,
    down: Arc<AtomicU64>,
    stop: Arc<AtomicBool>,
}

impl Relay {
    fn start(host_port: u16) -> Relay {
        let port = free_port_pair();
        let up = Arc::new(AtomicU64::new(0));
        let down = Arc::new(AtomicU64::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        for (offset, counted) in [(0u16, true), (1, false)] {
            let front = UdpSocket::bind(("127.0.0.1", port + offset)).unwrap();
            front.set_nonblocking(true).unwrap();
            let target: SocketAddr = ([127, 0, 0, 1], host_port + offset).into();
            let (up, down, stop) = (up.clone(), down.clone(), stop.clone());
            std::thread::spawn(move || {
                let mut links: HashMap<SocketAddr, UdpSocket> = HashMap::new();
                let mut buffer = [0u8; 2048];
                while !stop.load(Ordering::Relaxed) {
                    let mut idle = true;
                    while let Ok((n, from)) = front.recv_from(&mut buffer) {
                        idle = false;
                        let link = links.entry(from).or_insert_with(|| {
                            let s = UdpSocket::bind("127.0.0.1:0").unwrap();
                            s.set_nonblocking(true).unwrap();
                            s
                        });
                        if counted {
                            up.fetch_add(1, Ordering::Relaxed);
                        }
                        let _ = link.send_to(&buffer[..n], target);
                    }
                    for (client, link) in &links {
                        while let Ok((n, _)) = link.recv_from(&mut buffer) {
                            idle = false;
                            if counted {
                                down.fetch_add(1, Ordering::Relaxed);
                            }
                            let _ = front.send_to(&buffer[..n], client);
                        }
                    }
                    if idle {
                        std::thread::sleep(Duration::from_micros(500));
                    }
                }
            });
        }
        Relay {
            port,
            up,
            down,
            stop,
        }
    }

    fn counts(&self) -> (u64, u64) {
        (
            self.up.load(Ordering::Relaxed),
            self.down.load(Ordering::Relaxed),
        )
    }
}

impl Drop for Relay {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// An idle bot client (seated at a table that waits for its other roles)
/// and the host exchange at most 5 packets a second up and 60 down; before
/// pacing, each side sent about 420.
#[test]
fn an_idle_connection_is_quiet_on_the_wire() {
    let dir = temp("quiet");
    let port = free_port_pair();
    let host = host(
        port,
        &dir.join("w.journal"),
        &["--tables", "1", "--max-minutes", "2"],
    );
    wait_for_door(port);
    let relay = Relay::start(port);
    let bot = join(
        relay.port,
        "Inès Garnier",
        &["--table", "1", "--role", "educatrice", "--max-minutes", "1"],
    )
    .spawn()
    .unwrap();
    // Connected and seated: the first burst of packets is over.
    let deadline = Instant::now() + Duration::from_secs(30);
    while relay.counts().1 < 10 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(
        relay.counts().1 >= 10,
        "the bot did not connect through the relay"
    );
    std::thread::sleep(Duration::from_secs(2));
    let quiet = Duration::from_secs(5);
    let (up0, down0) = relay.counts();
    std::thread::sleep(quiet);
    let (up1, down1) = relay.counts();
    let per_second = |n: u64| n as f64 / quiet.as_secs_f64();
    let (up, down) = (per_second(up1 - up0), per_second(down1 - down0));
    eprintln!("idle bot connection: {up:.1} packets/s up, {down:.1} down");
    let mut bot = bot;
    let _ = bot.kill();
    let _ = bot.wait();
    let mut host = host;
    let _ = host.kill();
    let _ = host.wait();
    assert!(
        up > 0.5,
        "the connection was not alive: {up:.1} packets/s up"
    );
    assert!(up <= 5.0, "{up:.1} packets/s up from an idle client");
    assert!(down <= 60.0, "{down:.1} packets/s down to an idle client");
}

/// Two network namespaces joined by a virtual cable on 10.99.0.0/24 and no
/// default route: a trainer's own router, or a venue network with no way
/// out. Removed when dropped.
struct Room {
    host: String,
    trainee: String,
}

impl Room {
    /// None, with the reason, where the machine does not let a test make
    /// namespaces (not root, or no `ip`).
    fn build() -> Result<Room, String> {
        let id = std::process::id();
        let room = Room {
            host: format!("fsc-h-{id}"),
            trainee: format!("fsc-t-{id}"),
        };
        let (va, vb) = (format!("fsh{id}"), format!("fst{id}"));
        let steps: Vec<Vec<String>> = vec![
            vec!["netns".into(), "add".into(), room.host.clone()],
            vec!["netns".into(), "add".into(), room.trainee.clone()],
            words(&format!("link add {va} type veth peer name {vb}")),
            words(&format!("link set {va} netns {}", room.host)),
            words(&format!("link set {vb} netns {}", room.trainee)),
            words(&format!("-n {} addr add 10.99.0.1/24 dev {va}", room.host)),
            words(&format!("-n {} link set {va} up", room.host)),
            words(&format!("-n {} link set lo up", room.host)),
            words(&format!(
                "-n {} addr add 10.99.0.2/24 dev {vb}",
                room.trainee
            )),
            words(&format!("-n {} link set {vb} up", room.trainee)),
            words(&format!("-n {} link set lo up", room.trainee)),
        ];
        for step in steps {
            let output = std::process::Command::new("ip")
                .args(&step)
                .output()
                .map_err(|e| format!("cannot run `ip`: {e}"))?;
            if !output.status.success() {
                return Err(format!(
                    "`ip {}` failed: {}",
                    step.join(" "),
                    String::from_utf8_lossy(&output.stderr).trim()
                ));
            }
        }
        Ok(room)
    }

    /// `faisceau` run inside a namespace.
    fn faisceau(&self, namespace: &str) -> std::process::Command {
        let plain = faisceau();
        let mut command = std::process::Command::new("ip");
        command
            .args(["netns", "exec", namespace])
            .arg(plain.get_program())
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .envs(plain.get_envs().filter_map(|(k, v)| Some((k, v?))));
        command
    }
}

fn words(line: &str) -> Vec<String> {
    line.split_whitespace().map(str::to_owned).collect()
}

impl Drop for Room {
    fn drop(&mut self) {
        // The cable goes with its namespaces.
        for namespace in [&self.host, &self.trainee] {
            let _ = std::process::Command::new("ip")
                .args(["netns", "del", namespace])
                .output();
        }
    }
}

/// In a room without internet, the host announces its address on the room's
/// network (not only loopback), and a trainee who gives only the code finds
/// the workshop through the network's broadcast address and plays.
#[test]
fn a_room_without_internet_finds_its_workshop() {
    let room = match Room::build() {
        Ok(room) => room,
        Err(why) => {
            eprintln!(
                "SKIPPED: this machine does not let the test make network namespaces ({why})"
            );
            return;
        }
    };
    let dir = temp("offline");
    let host = room
        .faisceau(&room.host)
        .args([
            "host",
            "scenarios/foyer_fugues.ron",
            "--headless",
            "--code",
            CODE,
        ])
        .args(["--tables", "1", "--journal"])
        .arg(dir.join("w.journal"))
        .args([
            "--bots-after",
            "4",
            "--advance-after",
            "1",
            "--bot-pace-ms",
            "50",
        ])
        .args(["--max-minutes", "3"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // No address: found on the network, with the code only.
    std::thread::sleep(Duration::from_secs(1));
    let trainee = room
        .faisceau(&room.trainee)
        .args(["join", "--code", CODE, "--bot", "--name", "Inès Garnier"])
        .args(["--table", "1", "--role", "educatrice", "--pace-ms", "50"])
        .args(["--lang", "fr", "--max-minutes", "3"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let trainee = finish(trainee, Duration::from_secs(200));
    let host = finish(host, Duration::from_secs(60));
    let (host_text, trainee_text) = (text(&host), text(&trainee));
    let announced = host_text
        .lines()
        .find(|l| l.starts_with("join at:"))
        .unwrap_or_default();
    assert!(
        announced.contains("10.99.0.1:5170"),
        "the host did not announce its address on the room's network: {announced:?}\n{host_text}"
    );
    assert!(
        trainee.status.success(),
        "the trainee did not find or play the workshop:\n{trainee_text}\nhost:\n{host_text}"
    );
    assert!(host_text.contains("Ended"), "{host_text}");
}

/// Sends SIGTERM to a child.
fn terminate(child: &std::process::Child) {
    let status = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

/// A headless host and a bot stop cleanly on SIGTERM: both exit with
/// success, the host prints its summary and status lines, and the journal
/// reopens with the table where it was.
#[test]
fn sigterm_stops_host_and_bot_cleanly_and_the_journal_resumes() {
    let dir = temp("sigterm");
    let port = free_port_pair();
    let journal = dir.join("w.journal");
    let host = host(
        port,
        &journal,
        &["--tables", "1", "--status-every", "1", "--max-minutes", "2"],
    );
    wait_for_door(port);
    let bot = join(
        port,
        "Inès Garnier",
        &["--table", "1", "--role", "educatrice", "--max-minutes", "2"],
    )
    .spawn()
    .unwrap();
    // Seated: the journal records the seat; give the status line a chance.
    std::thread::sleep(Duration::from_secs(3));
    terminate(&bot);
    let bot = finish(bot, Duration::from_secs(10));
    assert!(bot.status.success(), "the bot: {}", text(&bot));
    terminate(&host);
    let host = finish(host, Duration::from_secs(10));
    let said = text(&host);
    assert!(host.status.success(), "the host: {said}");
    assert!(said.contains("table 1: Waiting"), "{said}");
    assert!(said.contains("status at"), "{said}");
    // Reopened: the person's seat is there, waiting for her.
    let port = free_port_pair();
    let resumed = faisceau()
        .args(["host", "--resume", journal.to_str().unwrap(), "--headless"])
        .args(["--port", &port.to_string(), "--max-minutes", "0.03"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let resumed = finish(resumed, Duration::from_secs(30));
    let said = text(&resumed);
    assert!(resumed.status.success(), "{said}");
    assert!(said.contains("table 1: Waiting"), "{said}");
}
