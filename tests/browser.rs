//! The browser client in a real browser: a headless host serves the page,
//! headless Chromium (WebGL through SwiftShader) opens it through a proxy
//! that records every byte, joins with the code, takes a role and plays it
//! (its view-bot shares and decides) while a desktop bot client plays at the
//! same table, is reloaded and comes back into its seat — all the while
//! twelve machines without the code hold two hundred slow and fat
//! connections, and the host's memory stays within a few MiB. The page's
//! screenshot is kept for a person to look at.
//!
//! Needs `web/dist` (bash web/build.sh) and Debian's `chromium`: without
//! them the test says so and passes, unless `FAISCEAU_REQUIRE_BROWSER=1`
//! (as in CI), where their absence fails it.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::*;
use faisceau_engine::EventKind;
use faisceau_store::Journal;
use serde_json::{Value, json};

const ROLE: &str = "educatrice";
const NAME: &str = "Inès Garnier";

/// Whether the browser client and Chromium are here; if not, why.
fn missing() -> Option<String> {
    let dist = Path::new(env!("CARGO_MANIFEST_DIR")).join("web/dist");
    if !dist.join("faisceau_bg.wasm").is_file() {
        return Some("the browser client is not built (bash web/build.sh)".into());
    }
    if Command::new("chromium").arg("--version").output().is_err() {
        return Some("chromium is not installed".into());
    }
    None
}

/// A TCP proxy on loopback that keeps every byte both ways.
fn recording_proxy(to: u16) -> (u16, Arc<Mutex<Vec<u8>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let capture: Arc<Mutex<Vec<u8>>> = Arc::default();
    let kept = capture.clone();
    std::thread::spawn(move || {
        for inbound in listener.incoming().flatten() {
            let Ok(outbound) = TcpStream::connect(("127.0.0.1", to)) else {
                continue;
            };
            for (mut from, mut into) in [
                (inbound.try_clone().unwrap(), outbound.try_clone().unwrap()),
                (outbound, inbound),
            ] {
                let kept = kept.clone();
                std::thread::spawn(move || {
                    let mut buffer = [0u8; 16 * 1024];
                    while let Ok(n) = from.read(&mut buffer) {
                        if n == 0 || into.write_all(&buffer[..n]).is_err() {
                            break;
                        }
                        kept.lock().unwrap().extend_from_slice(&buffer[..n]);
                    }
                    let _ = into.shutdown(std::net::Shutdown::Both);
                });
            }
        }
    });
    (port, capture)
}

/// A TCP connection to the host's `port` from `from`, a loopback address of
/// our choosing (127.0.1.x): each stands for another machine in the room.
fn connect_from(from: std::net::Ipv4Addr, port: u16) -> std::io::Result<TcpStream> {
    use std::os::fd::FromRawFd;
    let address = |ip: std::net::Ipv4Addr, port: u16| libc::sockaddr_in {
        sin_family: libc::AF_INET as libc::sa_family_t,
        sin_port: port.to_be(),
        sin_addr: libc::in_addr {
            s_addr: u32::from(ip).to_be(),
        },
        sin_zero: [0; 8],
    };
    let size = std::mem::size_of::<libc::sockaddr_in>() as libc::socklen_t;
    // SAFETY: a new descriptor, owned by the stream at once; the addresses
    // are sockaddr_in values with their size.
    unsafe {
        let fd = libc::socket(libc::AF_INET, libc::SOCK_STREAM, 0);
        if fd < 0 {
            return Err(std::io::Error::last_os_error());
        }
        let stream = TcpStream::from_raw_fd(fd);
        let local = address(from, 0);
        if libc::bind(fd, (&local as *const libc::sockaddr_in).cast(), size) != 0 {
            return Err(std::io::Error::last_os_error());
        }
        let host = address(std::net::Ipv4Addr::LOCALHOST, port);
        if libc::connect(fd, (&host as *const libc::sockaddr_in).cast(), size) != 0 {
            return Err(std::io::Error::last_os_error());
        }
        Ok(stream)
    }
}

/// Machines in the room without the code, each holding as many connections
/// as the host lets one address hold, renewed as soon as the host closes
/// one: half of them send a request head a byte every two seconds (slow),
/// half upgrade to a WebSocket and announce an 8 MiB frame (fat). The most
/// connections held at once, and the stop switch.
struct Siege {
    most: Arc<std::sync::atomic::AtomicUsize>,
    stop: Arc<std::sync::atomic::AtomicBool>,
}

impl Siege {
    fn start(port: u16, machines: u8, per_machine: usize) -> Siege {
        use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
        let held = Arc::new(AtomicUsize::new(0));
        let most = Arc::new(AtomicUsize::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        for machine in 1..=machines {
            for k in 0..per_machine {
                let (held, most, stop) = (held.clone(), most.clone(), stop.clone());
                let from = std::net::Ipv4Addr::new(127, 0, 1, machine);
                let fat = k % 2 == 1;
                std::thread::spawn(move || {
                    while !stop.load(Ordering::Relaxed) {
                        let Ok(mut stream) = connect_from(from, port) else {
                            std::thread::sleep(Duration::from_millis(500));
                            continue;
                        };
                        let now = held.fetch_add(1, Ordering::Relaxed) + 1;
                        most.fetch_max(now, Ordering::Relaxed);
                        let _ = stream.set_read_timeout(Some(Duration::from_millis(100)));
                        let head = "GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n";
                        let mut sending: Vec<u8> = if fat {
                            // The whole head, then a binary frame header that
                            // announces 8 MiB, then a trickle of its bytes.
                            let mut bytes = head.as_bytes().to_vec();
                            bytes.extend([0x82, 0xFF]);
                            bytes.extend((8u64 << 20).to_be_bytes());
                            bytes.extend([0; 4]);
                            bytes
                        } else {
                            head.as_bytes().to_vec()
                        };
                        let mut buffer = [0u8; 4096];
                        'connection: while !stop.load(Ordering::Relaxed) {
                            let burst: Vec<u8> = if fat && !sending.is_empty() {
                                std::mem::take(&mut sending)
                            } else if !sending.is_empty() {
                                vec![sending.remove(0)]
                            } else {
                                vec![0x41]
                            };
                            if stream.write_all(&burst).is_err() {
                                break;
                            }
                            let waited = Instant::now();
                            while waited.elapsed() < Duration::from_secs(2) {
                                match stream.read(&mut buffer) {
                                    Ok(0) => break 'connection,
                                    Ok(_) => {}
                                    Err(e)
                                        if e.kind() == std::io::ErrorKind::WouldBlock
                                            || e.kind() == std::io::ErrorKind::TimedOut => {}
                                    Err(_) => break 'connection,
                                }
                                if stop.load(Ordering::Relaxed) {
                                    break 'connection;
                                }
                            }
                        }
                        held.fetch_sub(1, Ordering::Relaxed);
                        // A second before the next: renewed, not hammered.
                        std::thread::sleep(Duration::from_secs(1));
                    }
                });
            }
        }
        Siege { most, stop }
    }

    fn most(&self) -> usize {
        self.most.load(std::sync::atomic::Ordering::Relaxed)
    }
}

impl Drop for Siege {
    fn drop(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
    }
}

/// A process's resident memory, in KiB.
fn resident_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|line| line.strip_prefix("VmRSS:"))
                .and_then(|kib| kib.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}

/// Headless Chromium on `url`, driven over the DevTools protocol.
struct Chromium {
    child: Child,
    page: tungstenite::WebSocket<TcpStream>,
    next_id: u64,
    _profile: PathBuf,
    /// What the page wrote to its console (level and text), and its
    /// uncaught exceptions, as they came.
    console: Vec<(String, String)>,
}

impl Chromium {
    fn open(url: &str, profile: PathBuf) -> Chromium {
        let mut child = Command::new("chromium")
            .args([
                "--headless",
                "--no-sandbox",
                "--use-gl=angle",
                "--use-angle=swiftshader",
                "--enable-unsafe-swiftshader",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--no-first-run",
                "--remote-debugging-port=0",
                "--window-size=1024,768",
                "--lang=fr-FR",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg(url)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // "DevTools listening on ws://127.0.0.1:PORT/devtools/browser/…"
        let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
        let port: u16 = loop {
            let line = lines
                .next()
                .expect("chromium said where DevTools listen")
                .unwrap();
            if let Some(rest) = line.split("ws://127.0.0.1:").nth(1) {
                break rest.split('/').next().unwrap().parse().unwrap();
            }
        };
        // Keep reading its errors, or a full pipe would stop it.
        std::thread::spawn(move || lines.for_each(drop));
        let targets: Value = serde_json::from_str(&http_get(port, "/json/list")).unwrap();
        let page = targets
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["type"] == "page")
            .expect("a page target");
        let ws = page["webSocketDebuggerUrl"].as_str().unwrap();
        let address = ws.trim_start_matches("ws://").split('/').next().unwrap();
        let stream = TcpStream::connect(address).unwrap();
        let (page, _) = tungstenite::client(ws, stream).unwrap();
        let mut chromium = Chromium {
            child,
            page,
            next_id: 1,
            _profile: profile,
            console: Vec::new(),
        };
        chromium.call("Runtime.enable", json!({}));
        // The page's own size, as on a tablet (the window has browser chrome).
        chromium.resize(1024, 768);
        chromium
    }

    fn call(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        let request = json!({ "id": id, "method": method, "params": params });
        self.page
            .send(tungstenite::Message::text(request.to_string()))
            .unwrap();
        loop {
            let tungstenite::Message::Text(text) = self.page.read().unwrap() else {
                continue;
            };
            let answer: Value = serde_json::from_str(&text).unwrap();
            if answer["id"] == id {
                return answer["result"].clone();
            }
            match answer["method"].as_str() {
                Some("Runtime.consoleAPICalled") => {
                    let params = &answer["params"];
                    let words: Vec<String> = params["args"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .map(|a| {
                            a["value"]
                                .as_str()
                                .map_or_else(|| a["value"].to_string(), str::to_owned)
                        })
                        .collect();
                    let level = params["type"].as_str().unwrap_or_default().to_owned();
                    self.console.push((level, words.join(" ")));
                }
                Some("Runtime.exceptionThrown") => {
                    let details = &answer["params"]["exceptionDetails"];
                    self.console.push((
                        "exception".into(),
                        details["exception"]["description"].to_string(),
                    ));
                }
                _ => {}
            }
        }
    }

    /// An attribute of the page's root element (`data-views`…), set by the client.
    fn state(&mut self, name: &str) -> String {
        let expression = format!("document.documentElement.getAttribute('data-{name}') || ''");
        let result = self.call(
            "Runtime.evaluate",
            json!({ "expression": expression, "returnByValue": true }),
        );
        result["result"]["value"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    fn number(&mut self, name: &str) -> u64 {
        self.state(name).parse().unwrap_or(0)
    }

    /// How long after the navigation's start the client set the mark
    /// `data-{name}` (a time in Unix milliseconds), on the page's own clock.
    fn since_opening(&mut self, name: &str) -> Duration {
        let origin = self.call(
            "Runtime.evaluate",
            json!({ "expression": "performance.timeOrigin", "returnByValue": true }),
        )["result"]["value"]
            .as_f64()
            .unwrap();
        Duration::from_millis(self.number(name).saturating_sub(origin as u64))
    }

    /// The page's size, as a laptop's or a tablet's browser gives it.
    fn resize(&mut self, width: u32, height: u32) {
        self.call(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": false }),
        );
    }

    /// The ink of a rectangle of the page as shown now: how many of its
    /// pixels are dark (text on the page's light panels).
    fn ink(&mut self, x: u32, y: u32, width: u32, height: u32) -> usize {
        let clip = json!({ "x": x, "y": y, "width": width, "height": height, "scale": 1 });
        let result = self.call(
            "Page.captureScreenshot",
            json!({ "format": "png", "clip": clip }),
        );
        let (_, _, channels, pixels) = png_pixels(&base64(result["data"].as_str().unwrap()));
        pixels
            .chunks(channels)
            .filter(|p| u32::from(p[0]) + u32::from(p[1]) + u32::from(p[2]) < 3 * 110)
            .count()
    }

    fn screenshot(&mut self, path: &Path) {
        let result = self.call("Page.captureScreenshot", json!({ "format": "png" }));
        let png = base64(result["data"].as_str().unwrap());
        std::fs::write(path, png).unwrap();
    }
}

impl Drop for Chromium {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn http_get(port: u16, path: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(body) = try_get(port, path) {
            return body;
        }
        assert!(Instant::now() < deadline, "no answer from DevTools");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// DevTools answers HTTP/1.1 only, and keeps the connection open: read
/// the head, then Content-Length bytes.
fn try_get(port: u16, path: &str) -> Option<String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(3))).ok()?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut answer = Vec::new();
    let mut buffer = [0u8; 4096];
    loop {
        let n = stream.read(&mut buffer).ok()?;
        answer.extend_from_slice(&buffer[..n]);
        let text = String::from_utf8_lossy(&answer);
        if let Some((head, body)) = text.split_once("\r\n\r\n") {
            let length: usize = head
                .lines()
                .find_map(|l| {
                    l.to_ascii_lowercase()
                        .strip_prefix("content-length:")
                        .map(|v| v.trim().to_owned())
                })?
                .parse()
                .ok()?;
            if body.len() >= length {
                return Some(body.to_owned());
            }
        }
        if n == 0 {
            return None;
        }
    }
}

fn base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let digits: Vec<u8> = text.bytes().filter(|c| *c != b'=').map(value).collect();
    digits
        .chunks(4)
        .flat_map(|chunk| {
            let n = chunk
                .iter()
                .enumerate()
                .fold(0u32, |n, (i, d)| n | u32::from(*d) << (18 - 6 * i));
            let bytes = n.to_be_bytes();
            bytes[1..chunk.len()].to_vec()
        })
        .collect()
}

/// Stops the host and gives what it printed.
/// A PNG as Chromium writes it (8 bits a channel, grey, RGB or RGBA, not
/// interlaced): width, height, channels, and the pixels row after row.
fn png_pixels(png: &[u8]) -> (usize, usize, usize, Vec<u8>) {
    let mut at = 8;
    let (mut width, mut height, mut channels) = (0, 0, 0);
    let mut packed = Vec::new();
    while at + 8 <= png.len() {
        let length = u32::from_be_bytes(png[at..at + 4].try_into().unwrap()) as usize;
        let kind = &png[at + 4..at + 8];
        let body = &png[at + 8..at + 8 + length];
        match kind {
            b"IHDR" => {
                width = u32::from_be_bytes(body[0..4].try_into().unwrap()) as usize;
                height = u32::from_be_bytes(body[4..8].try_into().unwrap()) as usize;
                assert_eq!((body[8], body[12]), (8, 0), "8 bits, not interlaced");
                channels = match body[9] {
                    0 => 1,
                    2 => 3,
                    6 => 4,
                    other => panic!("PNG colour type {other}"),
                };
            }
            b"IDAT" => packed.extend_from_slice(body),
            _ => {}
        }
        at += 12 + length;
    }
    let raw = miniz_oxide::inflate::decompress_to_vec_zlib(&packed).expect("the PNG inflates");
    let stride = width * channels;
    let mut pixels = vec![0u8; stride * height];
    for row in 0..height {
        let filter = raw[row * (stride + 1)];
        let line = &raw[row * (stride + 1) + 1..(row + 1) * (stride + 1)];
        for i in 0..stride {
            let left = if i >= channels {
                pixels[row * stride + i - channels]
            } else {
                0
            };
            let up = if row > 0 {
                pixels[(row - 1) * stride + i]
            } else {
                0
            };
            let up_left = if row > 0 && i >= channels {
                pixels[(row - 1) * stride + i - channels]
            } else {
                0
            };
            let predicted = match filter {
                0 => 0,
                1 => left,
                2 => up,
                3 => ((u16::from(left) + u16::from(up)) / 2) as u8,
                4 => {
                    let p = i16::from(left) + i16::from(up) - i16::from(up_left);
                    let (pa, pb, pc) = (
                        (p - i16::from(left)).abs(),
                        (p - i16::from(up)).abs(),
                        (p - i16::from(up_left)).abs(),
                    );
                    if pa <= pb && pa <= pc {
                        left
                    } else if pb <= pc {
                        up
                    } else {
                        up_left
                    }
                }
                other => panic!("PNG filter {other}"),
            };
            pixels[row * stride + i] = line[i].wrapping_add(predicted);
        }
    }
    (width, height, channels, pixels)
}

fn host_kill(mut host: Child) -> String {
    let _ = host.kill();
    text(&finish(host, Duration::from_secs(10)))
}

/// Waits until `ready` holds, up to `limit`.
fn wait(limit: Duration, what: &str, mut ready: impl FnMut() -> bool) {
    let deadline = Instant::now() + limit;
    while !ready() {
        assert!(Instant::now() < deadline, "waited {limit:?} for {what}");
        std::thread::sleep(Duration::from_millis(300));
    }
}

#[test]
fn a_browser_plays_a_role_beside_a_desktop_client_and_the_wire_shows_no_clue() {
    if let Some(why) = missing() {
        assert!(
            std::env::var("FAISCEAU_REQUIRE_BROWSER").is_err(),
            "FAISCEAU_REQUIRE_BROWSER is set, and {why}"
        );
        eprintln!("skipped: {why}");
        return;
    }
    let dir = temp("browser");
    let port = free_port_pair();
    let journal = dir.join("w.journal");
    let host = host(
        port,
        &journal,
        &[
            "--bots-after",
            "20",
            "--advance-after",
            "4",
            "--bot-pace-ms",
            "300",
            "--max-minutes",
            "5",
        ],
    );
    wait_for_door(port);
    // Twelve machines without the code hold sixteen slow or fat connections
    // each for as long as the browser plays; the host's memory is sampled,
    // from once it holds the client's files (read and deflated once, 26 MB).
    let mut warm = TcpStream::connect(("127.0.0.1", port)).unwrap();
    warm.write_all(
        b"GET /faisceau_bg.wasm HTTP/1.1\r\nHost: x\r\nAccept-Encoding: deflate\r\n\r\n",
    )
    .unwrap();
    let _ = warm.read_to_end(&mut Vec::new());
    let before = resident_kib(host.id());
    let siege = Siege::start(port, 12, 16);
    let peak = Arc::new(std::sync::atomic::AtomicU64::new(before));
    let sampling = Arc::new(std::sync::atomic::AtomicBool::new(true));
    {
        let (peak, sampling, pid) = (peak.clone(), sampling.clone(), host.id());
        std::thread::spawn(move || {
            while sampling.load(std::sync::atomic::Ordering::Relaxed) {
                peak.fetch_max(resident_kib(pid), std::sync::atomic::Ordering::Relaxed);
                std::thread::sleep(Duration::from_millis(200));
            }
        });
    }
    let (proxy, capture) = recording_proxy(port);

    // The QR code's address carries the code; name, role and bot are the
    // command line's options, for a test.
    let url = format!(
        "http://127.0.0.1:{proxy}/?code={CODE}&name=In%C3%A8s%20Garnier&role={ROLE}&bot=1&lang=fr"
    );
    let mut page = Chromium::open("about:blank", dir.join("profile"));
    page.call("Page.navigate", json!({ "url": url }));
    wait(Duration::from_secs(90), "the lobby", || {
        !page.state("lobby-at").is_empty()
    });
    let to_first_screen = page.since_opening("shown-at");
    let to_lobby = page.since_opening("lobby-at");
    let seated = Instant::now() + Duration::from_secs(30);
    while page.state("seat") != format!("1:{ROLE}") {
        if Instant::now() > seated {
            let (screen, link) = (page.state("screen"), page.state("link"));
            let log = host_kill(host);
            let tail = &log[log.len().saturating_sub(4000)..];
            panic!("no seat after 30 s: the page shows {screen}, its link is {link}\n{tail}");
        }
        std::thread::sleep(Duration::from_millis(300));
    }
    // The role's name at the top left of the desk, as first drawn: the ink
    // of the same text later and after a reload must match it (the Bevy
    // client drew glyphs new to the font atlas blank for a frame or more).
    wait(Duration::from_secs(30), "the desk", || {
        page.state("screen") == "Desk"
    });
    let role_name = (8, 4, 240, 36);
    let ink_first = page.ink(role_name.0, role_name.1, role_name.2, role_name.3);
    // A desktop client at the same table.
    let desktop = join(
        port,
        "Robot de bureau",
        &["--table", "1", "--role", "juge_enfants"],
    )
    .spawn()
    .unwrap();
    wait(Duration::from_secs(120), "a share from the browser", || {
        page.number("sent") >= 1
    });
    let views_after_share = page.number("views");
    wait(Duration::from_secs(30), "the view to change again", || {
        page.number("views") > views_after_share
    });
    let ink_later = page.ink(role_name.0, role_name.1, role_name.2, role_name.3);
    // The tab closed and opened again: the page comes back into the same
    // role with the seat token it kept, straight to the desk.
    page.call("Page.reload", json!({}));
    wait(
        Duration::from_secs(60),
        "the seat back after a reload",
        || page.state("seat") == format!("1:{ROLE}") && page.state("screen") == "Desk",
    );
    wait(Duration::from_secs(30), "a view after the reload", || {
        page.number("views") >= 1
    });
    let ink_reloaded = page.ink(role_name.0, role_name.1, role_name.2, role_name.3);
    eprintln!(
        "the role's name, dark pixels: first drawn {ink_first}, later {ink_later}, after a reload {ink_reloaded}"
    );
    assert!(
        ink_first > 300,
        "the role's name is drawn: {ink_first} dark pixels"
    );
    for (when, ink) in [("later", ink_later), ("after a reload", ink_reloaded)] {
        assert!(
            ink_first.abs_diff(ink) * 50 <= ink_first,
            "every letter shows at once: the role's name has {ink_first} dark pixels first drawn, {ink} {when}"
        );
    }
    // The reload found the client in the browser's cache (the host answered
    // 304): the first screen's time is the warm one.
    let warm_first_screen = page.since_opening("shown-at");
    let shot = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser-desk-1024x768.png");
    page.screenshot(&shot);
    eprintln!("the page at 1024×768: {}", shot.display());
    // A 1366×768 laptop's browser leaves the page about 1366×625.
    page.resize(1366, 625);
    std::thread::sleep(Duration::from_secs(3));
    let laptop = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser-desk-1366x625.png");
    page.screenshot(&laptop);
    eprintln!("the page at 1366×625: {}", laptop.display());
    // A phone held upright.
    page.resize(390, 844);
    std::thread::sleep(Duration::from_secs(3));
    let phone = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser-desk-390x844.png");
    page.screenshot(&phone);
    eprintln!("the page at 390×844: {}", phone.display());
    eprintln!(
        "from opening the address: first screen (the join form) {to_first_screen:?}, lobby {to_lobby:?}; \
         after a reload (warm cache): first screen {warm_first_screen:?}"
    );
    // Nothing went wrong that the page only told its console.
    let troubles: Vec<&(String, String)> = page
        .console
        .iter()
        .filter(|(level, _)| matches!(level.as_str(), "error" | "warning" | "exception"))
        .collect();
    eprintln!(
        "the page's console: {} lines, {} warnings or errors",
        page.console.len(),
        troubles.len()
    );
    for (level, words) in &troubles {
        eprintln!("console {level}: {words}");
    }
    assert!(
        !troubles
            .iter()
            .any(|(level, words)| level == "exception" || words.contains("texture")),
        "the page reported an exception or a texture it could not write: {troubles:?}"
    );

    // All the while, the siege held its connections and cost the host a
    // few MiB (each held 8 MiB before the probe's fix: 4 GB for 500).
    sampling.store(false, std::sync::atomic::Ordering::Relaxed);
    let most = siege.most();
    drop(siege);
    let peak = peak.load(std::sync::atomic::Ordering::Relaxed);
    eprintln!(
        "the host's memory: {} MiB before the siege, {} MiB at most during it ({most} connections held at once)",
        before / 1024,
        peak / 1024
    );
    assert!(most >= 100, "the siege held {most} connections at once");
    assert!(
        before > 0 && peak < before + 32 * 1024,
        "the host grew from {before} KiB to {peak} KiB under the siege"
    );

    let host = finish(host, Duration::from_secs(400));
    assert!(host.status.success(), "{}", text(&host));
    let desktop = finish(desktop, Duration::from_secs(30));
    assert!(desktop.status.success(), "{}", text(&desktop));
    drop(page);

    // Both at table 1, the browser's role shared, in the journal.
    let (_journal, restored) = Journal::open(&journal).unwrap();
    let seated = |role: &str, name: &str| {
        restored
            .seats
            .iter()
            .any(|s| s.table == 0 && s.role == role && s.name.as_deref() == Some(name))
    };
    assert!(seated(ROLE, NAME), "{:?}", restored.seats);
    assert!(
        seated("juge_enfants", "Robot de bureau"),
        "{:?}",
        restored.seats
    );
    assert!(
        restored.tables[0]
            .iter()
            .any(|e| matches!(&e.kind, EventKind::Shared { from, .. } if from.as_str() == ROLE))
    );

    // The browser's traffic: the page, then sealed frames; no clue text.
    let capture = capture.lock().unwrap().clone();
    let contains = |needle: &[u8]| capture.windows(needle.len()).any(|w| w == needle);
    assert!(contains(b"HTTP/1.1 101 Switching Protocols"));
    assert!(capture.len() > 100_000, "{} bytes captured", capture.len());
    let scenario = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/foyer_fugues.ron"),
    )
    .unwrap();
    let mut checked = 0;
    for line in scenario.lines() {
        // Every French or English text of the case longer than a few words.
        let Some((_, quoted)) = line
            .split_once("fr: \"")
            .or_else(|| line.split_once("en: \""))
        else {
            continue;
        };
        let text = quoted.split('"').next().unwrap_or_default();
        if text.len() < 24 {
            continue;
        }
        let probe = &text.as_bytes()[..24];
        assert!(!contains(probe), "clue text on the wire: {text}");
        checked += 1;
    }
    assert!(checked > 50, "only {checked} texts checked");
    let _ = std::fs::remove_dir_all(&dir);
}
