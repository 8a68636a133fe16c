//! The browser client's way in, on the host: the game port's number over
//! TCP serves the client's files (HTTP) and takes WebSocket connections,
//! each sealed with a key from the join code (`seal.rs`). Browsers are
//! replicon clients like the desktop's: this is a small messaging backend
//! beside renet's, so the workshop cannot tell them apart.
//!
//! A thread accepts connections; each connection has a thread that answers
//! its HTTP request or, for a WebSocket, checks the code and then reads
//! frames. The app sends on the connection's own writer, and is woken by a
//! one-byte datagram on a loopback "bell" when a frame arrives.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{IpAddr, Ipv4Addr, Shutdown, SocketAddr, TcpListener, TcpStream, UdpSocket};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, SyncSender, channel, sync_channel};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use bevy::prelude::*;
use bevy_replicon::bytes::Bytes;
use bevy_replicon::prelude::*;
use bevy_replicon::shared::backend::connected_client::NetworkId;
use bevy_replicon::shared::message::registry::RemoteMessageRegistry;
use blake2::Digest;
use tungstenite::protocol::{Role, WebSocketConfig, WebSocketContext};
use tungstenite::{Message, handshake::derive_accept_key};

use super::door::{Slowed, WRONG_CODES_PER_MINUTE, WrongCodes};
use super::seal::{self, NONCE_LEN, PROOF, Seal, Side, WebRefusal};

/// Browser clients' network ids have this bit set (renet's are random).
const WEB_ID: u64 = 1 << 63;

/// Connections open at once (pages loading, browsers joined, knocks under
/// way); more are closed at once, so a flood cannot exhaust the host.
const MAX_CONNECTIONS: usize = 2 * super::protocol::MAX_CLIENTS;

/// Connections that have not proved the code yet, in all and from one
/// address: the rest of `MAX_CONNECTIONS` is kept for browsers that did.
const MAX_UNPROVEN: usize = super::protocol::MAX_CLIENTS;
const MAX_UNPROVEN_PER_ADDRESS: usize = 16;

/// From accept to the end of the request head, and from the upgrade to the
/// proof of the code: a slow sender cannot hold a slot longer.
const HEAD_DEADLINE: Duration = Duration::from_secs(5);
const PROOF_DEADLINE: Duration = Duration::from_secs(10);

/// The largest frame before the proof: the proof itself is 50 bytes.
const MAX_PROOF_FRAME: usize = 64;

/// The largest frame a browser sends once proved: a message, its channel
/// byte and the seal's tag, with room for replicon's own header.
const MAX_UP_FRAME: usize = super::protocol::MAX_MESSAGE + 256;

/// After this long without a byte from a browser, the system asks it
/// whether it is still there; it is given up after `KEEP_ALIVE_PROBES`
/// unanswered probes this far apart: a laptop whose lid closed, or a phone
/// that left the venue's Wi-Fi, frees its connection within 25 seconds even
/// when nothing is being sent to it.
const KEEP_ALIVE_IDLE: Duration = Duration::from_secs(10);
const KEEP_ALIVE_INTERVAL: Duration = Duration::from_secs(5);
const KEEP_ALIVE_PROBES: u32 = 3;

/// What the system may hold for one browser, besides the writer's queue:
/// without a bound, Linux lets a socket's send buffer grow to 4 MiB, and a
/// browser that stops reading would hold that much more before a write
/// blocks. A quarter of a MiB is more than a venue's Wi-Fi needs in flight.
const SEND_BUFFER: usize = 256 * 1024;

/// Turns on TCP keep-alive with the times above and bounds the send buffer
/// (the standard library has setters for neither).
#[cfg(unix)]
fn keep_alive(stream: &TcpStream) -> std::io::Result<()> {
    set_option(stream, libc::SOL_SOCKET, libc::SO_KEEPALIVE, 1)?;
    #[cfg(any(target_os = "linux", target_os = "android"))]
    {
        let seconds = |d: Duration| d.as_secs() as libc::c_int;
        set_option(
            stream,
            libc::IPPROTO_TCP,
            libc::TCP_KEEPIDLE,
            seconds(KEEP_ALIVE_IDLE),
        )?;
        set_option(
            stream,
            libc::IPPROTO_TCP,
            libc::TCP_KEEPINTVL,
            seconds(KEEP_ALIVE_INTERVAL),
        )?;
        set_option(
            stream,
            libc::IPPROTO_TCP,
            libc::TCP_KEEPCNT,
            KEEP_ALIVE_PROBES as libc::c_int,
        )?;
    }
    set_option(
        stream,
        libc::SOL_SOCKET,
        libc::SO_SNDBUF,
        SEND_BUFFER as libc::c_int,
    )
}

/// Sets an integer socket option.
#[cfg(unix)]
pub(crate) fn set_option(
    stream: &TcpStream,
    level: libc::c_int,
    name: libc::c_int,
    value: libc::c_int,
) -> std::io::Result<()> {
    use std::os::fd::AsRawFd;
    // SAFETY: the descriptor is the stream's, open for the call's length;
    // the value is a c_int and its size is given.
    let done = unsafe {
        libc::setsockopt(
            stream.as_raw_fd(),
            level,
            name,
            (&value as *const libc::c_int).cast(),
            std::mem::size_of::<libc::c_int>() as libc::socklen_t,
        )
    };
    if done == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(not(unix))]
fn keep_alive(_: &TcpStream) -> std::io::Result<()> {
    Ok(())
}

/// A stream read before a deadline: each read waits at most what is left,
/// so a byte every few seconds cannot stretch it.
struct Until<'a> {
    stream: &'a mut TcpStream,
    deadline: Instant,
}

impl Read for Until<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let left = self
            .deadline
            .checked_duration_since(Instant::now())
            .filter(|left| !left.is_zero())
            .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::TimedOut, "deadline passed"))?;
        self.stream.set_read_timeout(Some(left))?;
        self.stream.read(buf)
    }
}

impl Write for Until<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.stream.write(buf)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.stream.flush()
    }
}

/// Connections not yet proved, by address.
type Unproven = Arc<Mutex<HashMap<IpAddr, usize>>>;

/// One connection counted among the unproven until it proves the code or ends.
struct Pending {
    unproven: Unproven,
    ip: IpAddr,
    counted: bool,
}

impl Pending {
    /// Counts a new connection, unless its address or the host has too
    /// many unproven ones already.
    fn admit(unproven: &Unproven, ip: IpAddr) -> Option<Pending> {
        let mut map = unproven.lock().ok()?;
        let total: usize = map.values().sum();
        let mine = map.entry(ip).or_insert(0);
        if total >= MAX_UNPROVEN || *mine >= MAX_UNPROVEN_PER_ADDRESS {
            return None;
        }
        *mine += 1;
        Some(Pending {
            unproven: unproven.clone(),
            ip,
            counted: true,
        })
    }

    /// The connection proved the code (or served a page): it no longer counts.
    fn release(&mut self) {
        if !std::mem::take(&mut self.counted) {
            return;
        }
        if let Ok(mut map) = self.unproven.lock()
            && let Some(n) = map.get_mut(&self.ip)
        {
            *n = n.saturating_sub(1);
            if *n == 0 {
                map.remove(&self.ip);
            }
        }
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        self.release();
    }
}

/// The browser client's files, as `web/build.sh` writes them.
pub const FILES: [(&str, &str); 3] = [
    ("index.html", "text/html; charset=utf-8"),
    ("faisceau.js", "text/javascript; charset=utf-8"),
    ("faisceau_bg.wasm", "application/wasm"),
];

/// Where the browser client's files are: `FAISCEAU_WEB_DIR`, else `web`
/// beside the executable, else this source tree's `web/dist`. None when
/// none of them holds the files (the client was not built).
pub fn files_dir() -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("FAISCEAU_WEB_DIR").map(PathBuf::from),
        std::env::current_exe()
            .ok()
            .and_then(|exe| exe.parent().map(|dir| dir.join("web"))),
        Some(Path::new(env!("CARGO_MANIFEST_DIR")).join("web/dist")),
    ];
    candidates
        .into_iter()
        .flatten()
        .find(|dir| FILES.iter().all(|(name, _)| dir.join(name).is_file()))
}

/// What the web server needs to know.
#[derive(Clone, Debug)]
pub struct WebConfig {
    /// The workshop's name, told to a browser that proved the code.
    pub name: String,
    /// This build's version.
    pub version: String,
    /// The key from the join code.
    pub web_key: [u8; 32],
    /// The client's files, if built.
    pub files: Option<PathBuf>,
}

/// What the connection threads tell the app.
enum WebEvent {
    /// A browser proved the code: its writer.
    Opened {
        id: u64,
        peer: SocketAddr,
        writer: Box<Writer>,
    },
    /// A frame from a browser, opened: a channel byte and a message.
    Frame { id: u64, plain: Vec<u8> },
    /// The connection ended.
    Closed { id: u64 },
}

/// The sending half of a browser's connection.
/// A browser's outgoing frames. A thread of its own seals and writes them,
/// so a browser that stops reading (a phone gone from the Wi-Fi) never holds
/// the app's update: what waits for it is bounded, and past the bound, or a
/// write blocked longer than [`WRITE_TIMEOUT`], its connection is closed and
/// its seat waits for its token.
struct Writer {
    /// The connection, to close it.
    stream: TcpStream,
    queue: SyncSender<Vec<u8>>,
    /// Bytes waiting in the queue.
    waiting: Arc<AtomicUsize>,
    /// Told to close: later frames are dropped without a word.
    closing: bool,
}

/// The most a browser may leave unread before it is dropped: a few debrief
/// packages.
const MAX_WAITING: usize = 4 * 1024 * 1024;

/// How long one write may block on a browser that does not read.
const WRITE_TIMEOUT: Duration = Duration::from_secs(3);

impl Writer {
    /// Starts the writer of a connection whose frames continue `seal`.
    fn spawn(stream: &TcpStream, seal: Seal, peer: SocketAddr) -> std::io::Result<Writer> {
        let mut out = stream.try_clone()?;
        out.set_write_timeout(Some(WRITE_TIMEOUT))?;
        let (queue, frames) = sync_channel::<Vec<u8>>(4096);
        let waiting = Arc::new(AtomicUsize::new(0));
        let left = waiting.clone();
        std::thread::spawn(move || {
            let mut context = WebSocketContext::new(Role::Server, None);
            let mut seal = seal;
            // Ends when the app drops the writer, or a write fails.
            for plain in frames {
                left.fetch_sub(plain.len(), Ordering::Relaxed);
                let frame = seal.seal(&plain);
                let len = frame.len() as u64;
                if let Err(e) = send_frame(&mut context, &mut out, frame) {
                    // A write that waited `WRITE_TIMEOUT`, or a peer gone.
                    warn!("web: {peer} does not take what is sent ({e}); closing its connection");
                    let _ = out.shutdown(Shutdown::Both);
                    break;
                }
                WEB_BYTES_SENT.fetch_add(len, Ordering::Relaxed);
            }
        });
        Ok(Writer {
            stream: stream.try_clone()?,
            queue,
            waiting,
            closing: false,
        })
    }

    /// Queues a frame; an error when the browser has left too much unread
    /// or its writer has stopped.
    fn send(&mut self, plain: Vec<u8>) -> std::io::Result<()> {
        let len = plain.len();
        if self.waiting.load(Ordering::Relaxed) + len > MAX_WAITING {
            return Err(std::io::Error::other(
                "more than 4 MiB waiting for a browser that does not read",
            ));
        }
        self.waiting.fetch_add(len, Ordering::Relaxed);
        self.queue.try_send(plain).map_err(|_| {
            self.waiting.fetch_sub(len, Ordering::Relaxed);
            std::io::Error::other("the browser's writer has stopped")
        })
    }
}

/// Writes one binary frame and flushes it.
fn send_frame(
    context: &mut WebSocketContext,
    stream: &mut TcpStream,
    frame: Vec<u8>,
) -> std::io::Result<()> {
    let io = |e: tungstenite::Error| std::io::Error::other(e.to_string());
    context.write(stream, Message::binary(frame)).map_err(io)?;
    context.flush(stream).map_err(io)
}

/// Bytes the web server wrote to browsers (WebSocket and HTTP), in this process.
pub static WEB_BYTES_SENT: AtomicU64 = AtomicU64::new(0);

/// The web server in the app: browsers as replicon clients.
#[derive(Resource)]
pub struct WebServer {
    events: Mutex<Receiver<WebEvent>>,
    clients: HashMap<u64, (Entity, Writer)>,
    /// Browsers let in at the last update: the host vouches for their protocol.
    vouch_for: Vec<Entity>,
    bell: UdpSocket,
    stop: Arc<AtomicBool>,
    /// Whether the browser client's files are there to serve.
    pub serves_client: bool,
}

/// A browser's connection, on its client entity.
#[derive(Component)]
pub struct WebClient(u64);

/// The web server's bell, for whoever waits for packets (the headless
/// runner, the window's waker).
#[derive(Resource)]
pub struct Bell(pub UdpSocket);

/// Opens the web server on TCP `port` (all interfaces). The returned
/// resources go into the host's app.
pub fn open(port: u16, config: WebConfig) -> std::io::Result<(WebServer, Bell)> {
    let listener = TcpListener::bind((Ipv4Addr::UNSPECIFIED, port))?;
    listener.set_nonblocking(true)?;
    let bell = UdpSocket::bind((Ipv4Addr::LOCALHOST, 0))?;
    bell.set_nonblocking(true)?;
    let ringer = UdpSocket::bind((Ipv4Addr::LOCALHOST, 0))?;
    ringer.connect(bell.local_addr()?)?;
    let (events, receive) = channel();
    let stop = Arc::new(AtomicBool::new(false));
    let serves_client = config.files.is_some();
    if let Some(dir) = &config.files {
        warm(dir.clone());
    }
    let watch = bell.try_clone()?;
    {
        let stop = stop.clone();
        std::thread::spawn(move || accept(listener, Arc::new(config), stop, events, ringer));
    }
    Ok((
        WebServer {
            events: Mutex::new(receive),
            clients: HashMap::new(),
            vouch_for: Vec::new(),
            bell,
            stop,
            serves_client,
        },
        Bell(watch),
    ))
}

/// Rings the bell: the app has something to read.
#[derive(Clone)]
struct Ringer(Arc<UdpSocket>);

impl Ringer {
    fn ring(&self) {
        let _ = self.0.send(&[1]);
    }
}

fn accept(
    listener: TcpListener,
    config: Arc<WebConfig>,
    stop: Arc<AtomicBool>,
    events: Sender<WebEvent>,
    ringer: UdpSocket,
) {
    let ringer = Ringer(Arc::new(ringer));
    let failures: Arc<Mutex<WrongCodes>> = Arc::default();
    let unproven: Unproven = Arc::default();
    // When each refused address was last logged: one line a minute each.
    let mut refused_logged: HashMap<IpAddr, Instant> = HashMap::new();
    let next_id = AtomicU64::new(1);
    let open = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    while !stop.load(Ordering::Relaxed) {
        match listener.accept() {
            Ok((stream, peer)) => {
                let pending = (open.load(Ordering::Relaxed) < MAX_CONNECTIONS)
                    .then(|| Pending::admit(&unproven, peer.ip()))
                    .flatten();
                let Some(mut pending) = pending else {
                    let now = Instant::now();
                    refused_logged.retain(|_, at| now - *at < Duration::from_secs(60));
                    if refused_logged.len() < 1024 && !refused_logged.contains_key(&peer.ip()) {
                        refused_logged.insert(peer.ip(), now);
                        warn!(
                            "web: too many connections open, or waiting for the code from {}; refusing more for now",
                            peer.ip()
                        );
                    }
                    continue;
                };
                open.fetch_add(1, Ordering::Relaxed);
                let open = open.clone();
                let id = next_id.fetch_add(1, Ordering::Relaxed);
                let (config, events, ringer, failures) = (
                    config.clone(),
                    events.clone(),
                    ringer.clone(),
                    failures.clone(),
                );
                std::thread::spawn(move || {
                    let _ = stream.set_nonblocking(false);
                    let context = Context {
                        config: &config,
                        events: &events,
                        ringer: &ringer,
                        failures: &failures,
                    };
                    if let Err(e) = connection(stream, peer, id, &context, &mut pending) {
                        debug!("web: {peer}: {e}");
                    }
                    open.fetch_sub(1, Ordering::Relaxed);
                });
            }
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                std::thread::sleep(Duration::from_millis(50));
            }
            Err(e) => {
                warn!("web: cannot accept a connection: {e}");
                std::thread::sleep(Duration::from_millis(200));
            }
        }
    }
}

/// A request's head: method, path (without the query), lower-cased headers.
struct Request {
    method: String,
    path: String,
    headers: HashMap<String, String>,
}

impl Request {
    fn header(&self, name: &str) -> &str {
        self.headers.get(name).map_or("", String::as_str)
    }
}

fn read_head(stream: &mut impl Read) -> std::io::Result<Request> {
    let mut head = Vec::with_capacity(1024);
    let mut byte = [0u8; 1];
    // Byte by byte up to the blank line, so nothing after the head is read.
    while !head.ends_with(b"\r\n\r\n") {
        if head.len() > 16 * 1024 || stream.read(&mut byte)? == 0 {
            return Err(std::io::Error::other("no complete request head"));
        }
        head.push(byte[0]);
    }
    let text = String::from_utf8_lossy(&head);
    let mut lines = text.split("\r\n");
    let mut first = lines.next().unwrap_or_default().split(' ');
    let method = first.next().unwrap_or_default().to_owned();
    let target = first.next().unwrap_or_default();
    let path = target.split('?').next().unwrap_or_default().to_owned();
    let headers = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_ascii_lowercase(), value.trim().to_owned()))
        .collect();
    Ok(Request {
        method,
        path,
        headers,
    })
}

/// What every connection's thread shares with the others.
struct Context<'a> {
    config: &'a WebConfig,
    events: &'a Sender<WebEvent>,
    ringer: &'a Ringer,
    failures: &'a Mutex<WrongCodes>,
}

fn connection(
    mut stream: TcpStream,
    peer: SocketAddr,
    id: u64,
    context: &Context<'_>,
    pending: &mut Pending,
) -> std::io::Result<()> {
    stream.set_write_timeout(Some(Duration::from_secs(10)))?;
    let request = read_head(&mut Until {
        stream: &mut stream,
        deadline: Instant::now() + HEAD_DEADLINE,
    })?;
    let upgrade = request.header("upgrade").eq_ignore_ascii_case("websocket");
    if request.path == "/ws" && upgrade {
        return websocket(stream, peer, id, &request, context, pending);
    }
    // A page load is served at once: it no longer waits among the unproven.
    pending.release();
    let config = context.config;
    if request.method != "GET" && request.method != "HEAD" {
        return respond(
            &mut stream,
            "405 Method Not Allowed",
            "text/plain",
            b"",
            &[],
        );
    }
    serve_file(&mut stream, &request, config)
}

fn respond(
    stream: &mut TcpStream,
    status: &str,
    content_type: &str,
    body: &[u8],
    headers: &[(&str, &str)],
) -> std::io::Result<()> {
    // A 304 has no body, and no length: the browser keeps the one it has.
    let length = if status.starts_with("304") {
        String::new()
    } else {
        format!(
            "Content-Type: {content_type}\r\nContent-Length: {}\r\n",
            body.len()
        )
    };
    let mut head = format!(
        "HTTP/1.1 {status}\r\n{length}Cache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n"
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    stream.write_all(body)?;
    WEB_BYTES_SENT.fetch_add((head.len() + body.len()) as u64, Ordering::Relaxed);
    stream.flush()
}

/// The page shown when the client was not built on the trainer's machine.
const NOT_BUILT: &str = "<!doctype html><html lang=\"fr\"><meta charset=\"utf-8\"><title>Faisceau</title>\
<body style=\"font-family:sans-serif;max-width:40em;margin:3em auto;font-size:1.2em\">\
<h1>Faisceau</h1><p>Le client navigateur n'est pas installé sur l'ordinateur de la formatrice ou du formateur : \
rejoignez l'atelier avec l'application Faisceau, ou demandez-lui de construire le client (<code>bash web/build.sh</code>).</p>\
<p lang=\"en\">The browser client is not installed on the trainer's computer: join with the Faisceau app, \
or ask the trainer to build it (<code>bash web/build.sh</code>).</p></body></html>";

/// A file as served: its bytes, their deflated form, and its validator.
struct Served {
    raw: Vec<u8>,
    deflated: Vec<u8>,
    /// A strong entity tag from the bytes: a reload, or a second trainee on
    /// the same laptop, costs a `304 Not Modified` instead of the client.
    tag: String,
}

impl Served {
    fn new(raw: Vec<u8>) -> Self {
        // Computed once per host run, so the strongest level is worth it.
        let deflated = miniz_oxide::deflate::compress_to_vec_zlib(&raw, 10);
        let digest = blake2::Blake2s256::digest(&raw);
        let hex: String = digest[..12].iter().map(|b| format!("{b:02x}")).collect();
        Served {
            raw,
            deflated,
            tag: format!("\"{hex}\""),
        }
    }

    /// Whether the browser's `If-None-Match` names this version.
    fn matches(&self, if_none_match: &str) -> bool {
        if_none_match
            .split(',')
            .map(|tag| tag.trim().trim_start_matches("W/"))
            .any(|tag| tag == "*" || tag == self.tag)
    }
}

/// Files read and deflated once; the host warms them when it opens, so the
/// first browser does not wait for the compression.
fn cached(dir: &Path, name: &str) -> Option<Arc<Served>> {
    static CACHE: OnceLock<Mutex<HashMap<PathBuf, Arc<Served>>>> = OnceLock::new();
    let path = dir.join(name);
    let cache = CACHE.get_or_init(Mutex::default);
    if let Some(hit) = cache.lock().ok()?.get(&path) {
        return Some(hit.clone());
    }
    let entry = Arc::new(Served::new(std::fs::read(&path).ok()?));
    cache.lock().ok()?.insert(path, entry.clone());
    Some(entry)
}

fn serve_file(
    stream: &mut TcpStream,
    request: &Request,
    config: &WebConfig,
) -> std::io::Result<()> {
    let name = match request.path.as_str() {
        "/" => "index.html",
        path => path.trim_start_matches('/'),
    };
    let Some(dir) = &config.files else {
        return if name == "index.html" {
            respond(
                stream,
                "200 OK",
                "text/html; charset=utf-8",
                NOT_BUILT.as_bytes(),
                &[],
            )
        } else {
            respond(stream, "404 Not Found", "text/plain", b"not found", &[])
        };
    };
    let Some((_, content_type)) = FILES.iter().find(|(file, _)| *file == name) else {
        return respond(stream, "404 Not Found", "text/plain", b"not found", &[]);
    };
    let Some(file) = cached(dir, name) else {
        return respond(stream, "404 Not Found", "text/plain", b"not found", &[]);
    };
    let tag = ("ETag", file.tag.as_str());
    if file.matches(request.header("if-none-match")) {
        return respond(stream, "304 Not Modified", content_type, &[], &[tag]);
    }
    let deflate = request
        .header("accept-encoding")
        .split(',')
        .any(|e| e.trim().starts_with("deflate"));
    let (body, encoding): (&[u8], &[(&str, &str)]) = if deflate {
        (&file.deflated, &[tag, ("Content-Encoding", "deflate")])
    } else {
        (&file.raw, &[tag])
    };
    let body: &[u8] = if request.method == "HEAD" { &[] } else { body };
    respond(stream, "200 OK", content_type, body, encoding)
}

/// Reads and deflates the client's files in the background.
fn warm(dir: PathBuf) {
    std::thread::spawn(move || {
        for (name, _) in FILES {
            cached(&dir, name);
        }
    });
}

fn websocket(
    mut stream: TcpStream,
    peer: SocketAddr,
    id: u64,
    request: &Request,
    context: &Context<'_>,
    pending: &mut Pending,
) -> std::io::Result<()> {
    let Context {
        config,
        events,
        ringer,
        failures,
    } = *context;
    let key = request.header("sec-websocket-key");
    if key.is_empty() || request.header("sec-websocket-version") != "13" {
        return respond(&mut stream, "400 Bad Request", "text/plain", b"", &[]);
    }
    let accept = derive_accept_key(key.as_bytes());
    stream.write_all(
        format!("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {accept}\r\n\r\n").as_bytes(),
    )?;
    // Until the code is proved, a frame is at most the proof's size.
    let limits = WebSocketConfig::default()
        .max_message_size(Some(MAX_PROOF_FRAME))
        .max_frame_size(Some(MAX_PROOF_FRAME))
        .read_buffer_size(MAX_PROOF_FRAME * 4);
    let mut context = WebSocketContext::new(Role::Server, Some(limits));
    let proof_deadline = Instant::now() + PROOF_DEADLINE;
    let io = |e: tungstenite::Error| std::io::Error::other(e.to_string());
    let host_nonce = seal::fresh_nonce();
    send_frame(
        &mut context,
        &mut stream,
        seal::greeting(&host_nonce, &config.version),
    )?;
    // The browser's nonce and its proof of the code.
    let first = match context
        .read(&mut Until {
            stream: &mut stream,
            deadline: proof_deadline,
        })
        .map_err(io)?
    {
        Message::Binary(bytes) => bytes,
        _ => return Err(std::io::Error::other("no proof")),
    };
    let slowed = failures
        .lock()
        .map_err(|_| std::io::Error::other("lock"))?
        .slowed(peer.ip(), Instant::now(), WRONG_CODES_PER_MINUTE);
    let refuse = |context: &mut WebSocketContext, stream: &mut TcpStream, reason| {
        let _ = send_frame(context, stream, seal::refusal(&reason));
        let _ = context.close(stream, None);
        let _ = context.flush(stream);
    };
    if slowed != Slowed::No {
        if slowed == Slowed::First {
            warn!(
                "web: too many wrong codes from {}; slowed down for a minute",
                peer.ip()
            );
        }
        refuse(&mut context, &mut stream, WebRefusal::SlowDown);
        return Ok(());
    }
    let proven = (first.len() > NONCE_LEN)
        .then(|| {
            let browser_nonce: [u8; NONCE_LEN] = first[..NONCE_LEN].try_into().ok()?;
            let mut seal = Seal::new(&config.web_key, &host_nonce, &browser_nonce, Side::Host);
            (seal.open(&first[NONCE_LEN..])? == PROOF).then_some(seal)
        })
        .flatten();
    let Some(mut seal) = proven else {
        if let Ok(mut failures) = failures.lock() {
            failures.failed(peer.ip(), Instant::now());
        }
        info!("web: {peer} gave a wrong code");
        refuse(&mut context, &mut stream, WebRefusal::WrongCode);
        return Ok(());
    };
    pending.release();
    // Proved: the most a browser ever sends, and no deadline any more.
    context.set_config(|limits| {
        limits.max_message_size = Some(MAX_UP_FRAME);
        limits.max_frame_size = Some(MAX_UP_FRAME);
    });
    let welcome = seal.seal(config.name.as_bytes());
    send_frame(&mut context, &mut stream, welcome)?;
    stream.set_read_timeout(None)?;
    stream.set_nodelay(true)?;
    if let Err(e) = keep_alive(&stream) {
        warn!(
            "web: {peer}: no TCP keep-alive ({e}); a vanished browser is noticed when a write fails"
        );
    }
    let writer = Writer::spawn(&stream, seal.clone(), peer)?;
    info!("web: a browser joined from {peer}");
    let _ = events.send(WebEvent::Opened {
        id,
        peer,
        writer: Box::new(writer),
    });
    ringer.ring();
    loop {
        match context.read(&mut stream) {
            Ok(Message::Binary(bytes)) => {
                let Some(plain) = seal.open(&bytes) else {
                    warn!(
                        "web: {peer}: a frame did not open (replayed, reordered or forged); closing"
                    );
                    break;
                };
                let _ = events.send(WebEvent::Frame { id, plain });
                ringer.ring();
            }
            Ok(Message::Close(_)) | Err(_) => break,
            Ok(_) => {}
        }
    }
    let _ = stream.shutdown(Shutdown::Both);
    let _ = events.send(WebEvent::Closed { id });
    ringer.ring();
    Ok(())
}

/// The backend's systems, beside renet's.
pub fn plugin(app: &mut App) {
    app.add_systems(
        PreUpdate,
        receive
            .in_set(ServerSystems::ReceivePackets)
            .run_if(resource_exists::<WebServer>),
    )
    .add_systems(
        PostUpdate,
        send.after(ServerSystems::Send)
            .before(ServerSystems::SendPackets)
            .run_if(resource_exists::<WebServer>),
    )
    .add_observer(on_remove)
    .add_systems(Last, stop_on_exit.run_if(resource_exists::<WebServer>));
}

fn receive(
    mut commands: Commands,
    mut server: ResMut<WebServer>,
    mut messages: ResMut<ServerMessages>,
    channels: Res<RepliconChannels>,
    connected: Query<(), With<ConnectedClient>>,
    hash: Res<ProtocolHash>,
    registry: Res<RemoteMessageRegistry>,
) {
    let client_channels = channels.client_channels().len();
    let mut ding = [0u8; 16];
    while server.bell.recv(&mut ding).is_ok() {}
    let server = &mut *server;
    // The page is this host's own build (its greeting checked the version):
    // the host gives replicon the protocol hash on the browser's behalf, so
    // that a client without replicon need not know it.
    if let Some(channel) = registry.client_event_channel::<ProtocolHash>() {
        for entity in server.vouch_for.drain(..) {
            let mut bytes = Vec::new();
            if bevy_replicon::postcard_utils::to_extend_mut(&*hash, &mut bytes).is_ok() {
                messages.insert_received(entity, channel, Bytes::from(bytes));
            }
        }
    }
    let Ok(events) = server.events.lock() else {
        return;
    };
    while let Ok(event) = events.try_recv() {
        match event {
            WebEvent::Opened { id, peer, writer } => {
                // Browsers count toward the host's clients, with the app's.
                if connected.iter().count() >= super::protocol::MAX_CLIENTS {
                    warn!(
                        "web: {} clients connected already; the browser from {peer} is closed",
                        super::protocol::MAX_CLIENTS
                    );
                    let _ = writer.stream.shutdown(Shutdown::Both);
                    continue;
                }
                let entity = commands
                    .spawn((
                        ConnectedClient { max_size: 1200 },
                        NetworkId::new(WEB_ID | id),
                        WebClient(id),
                    ))
                    .id();
                debug!("web: client {entity} from {peer}");
                server.clients.insert(id, (entity, *writer));
                server.vouch_for.push(entity);
                // Its frames wait for the next update, once the entity is there.
                server.bell_again();
                break;
            }
            WebEvent::Frame { id, plain } => {
                let Some((entity, _)) = server.clients.get(&id) else {
                    continue;
                };
                // A browser names only the channels replicon gave clients; any
                // other byte (or an empty frame) is a modified page: close it.
                let Some((channel, message)) = seal::read_message(&plain)
                    .filter(|(channel, _)| usize::from(*channel) < client_channels)
                else {
                    warn!(
                        "web: a browser sent a frame on no known channel; closing its connection"
                    );
                    if let Some((entity, writer)) = server.clients.remove(&id) {
                        let _ = writer.stream.shutdown(Shutdown::Both);
                        commands.entity(entity).try_despawn();
                    }
                    continue;
                };
                messages.insert_received(*entity, channel, Bytes::from(message.to_vec()));
            }
            WebEvent::Closed { id } => {
                if let Some((entity, _)) = server.clients.remove(&id) {
                    commands.entity(entity).try_despawn();
                }
            }
        }
    }
}

impl WebServer {
    /// Wakes the app again (frames wait behind a new connection).
    fn bell_again(&self) {
        if let Ok(addr) = self.bell.local_addr() {
            let _ = self.bell.send_to(&[1], addr);
        }
    }
}

fn send(
    mut server: ResMut<WebServer>,
    mut messages: ResMut<ServerMessages>,
    clients: Query<&WebClient>,
) {
    let server = &mut *server;
    messages.retain_sent(|(entity, channel, message)| {
        let Ok(WebClient(id)) = clients.get(*entity) else {
            return true;
        };
        if let Some((_, writer)) = server.clients.get_mut(id)
            && !writer.closing
            && let Err(e) = writer.send(seal::message(*channel, message))
        {
            // Once: the connection's end comes back as `Closed`.
            warn!("web: cannot send to a browser ({e}); closing its connection");
            writer.closing = true;
            let _ = writer.stream.shutdown(Shutdown::Both);
        }
        false
    });
}

/// A client entity despawned (a disconnect request): close its connection.
fn on_remove(
    remove: On<Remove, ConnectedClient>,
    server: Option<ResMut<WebServer>>,
    clients: Query<&WebClient>,
) {
    let (Some(mut server), Ok(WebClient(id))) = (server, clients.get(remove.entity)) else {
        return;
    };
    if let Some((_, writer)) = server.clients.remove(id) {
        let _ = writer.stream.shutdown(Shutdown::Both);
    }
}

fn stop_on_exit(mut exits: MessageReader<AppExit>, server: Res<WebServer>) {
    if exits.read().next().is_some() {
        server.stop.store(true, Ordering::Relaxed);
    }
}

impl Drop for WebServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use std::io::{Read, Write};
    use std::net::TcpStream;

    use tungstenite::Message;

    use super::*;

    fn server(files: Option<PathBuf>) -> (WebServer, u16) {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let config = WebConfig {
            name: "Atelier de Lyon".into(),
            version: "test".into(),
            web_key: [7; 32],
            files,
        };
        (open(port, config).unwrap().0, port)
    }

    fn get(port: u16, path: &str, deflate: bool) -> (String, Vec<u8>) {
        let encoding = if deflate {
            "Accept-Encoding: gzip, deflate\r\n"
        } else {
            ""
        };
        get_with(port, path, encoding)
    }

    /// A GET with these extra header lines (each ending in CRLF).
    fn get_with(port: u16, path: &str, headers: &str) -> (String, Vec<u8>) {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        write!(stream, "GET {path} HTTP/1.1\r\nHost: x\r\n{headers}\r\n").unwrap();
        let mut answer = Vec::new();
        stream.read_to_end(&mut answer).unwrap();
        let split = answer.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
        (
            String::from_utf8_lossy(&answer[..split]).into_owned(),
            answer[split + 4..].to_vec(),
        )
    }

    /// A browser's handshake with `web_key`: the host's answer to the proof.
    fn knock(port: u16, web_key: [u8; 32]) -> (Vec<u8>, Option<Seal>) {
        let (_, answer, opened) = prove(port, web_key);
        (answer, opened)
    }

    /// A scripted browser's handshake with `web_key`: its socket, the host's
    /// answer to the proof, and the seal for what follows when it opens.
    pub(crate) fn prove(
        port: u16,
        web_key: [u8; 32],
    ) -> (tungstenite::WebSocket<TcpStream>, Vec<u8>, Option<Seal>) {
        let stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        let (mut socket, _) =
            tungstenite::client(format!("ws://127.0.0.1:{port}/ws"), stream).unwrap();
        let Message::Binary(greeting) = socket.read().unwrap() else {
            panic!("no greeting")
        };
        let (host_nonce, _) = seal::read_greeting(&greeting).unwrap();
        let nonce = seal::fresh_nonce();
        let mut seal = Seal::new(&web_key, &host_nonce, &nonce, Side::Browser);
        let mut proof = nonce.to_vec();
        proof.extend(seal.seal(PROOF));
        socket.send(Message::binary(proof)).unwrap();
        let Message::Binary(answer) = socket.read().unwrap() else {
            panic!("no answer")
        };
        let answer = answer.to_vec();
        let opened = seal.open(&answer).map(|_| seal);
        (socket, answer, opened)
    }

    #[test]
    fn the_page_and_its_files_are_served_and_nothing_else() {
        let dir = std::env::temp_dir().join(format!("faisceau-web-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        for (name, _) in FILES {
            std::fs::write(dir.join(name), format!("contents of {name} ").repeat(50)).unwrap();
        }
        std::fs::write(dir.join("secret.ron"), "clue text").unwrap();
        let (_server, port) = server(Some(dir.clone()));
        let (head, body) = get(port, "/?code=K7QX-M2PD", false);
        assert!(head.starts_with("HTTP/1.1 200"), "{head}");
        assert!(head.contains("text/html"));
        assert!(String::from_utf8_lossy(&body).starts_with("contents of index.html"));
        let (head, body) = get(port, "/faisceau_bg.wasm", true);
        assert!(head.contains("application/wasm") && head.contains("Content-Encoding: deflate"));
        let inflated = miniz_oxide::inflate::decompress_to_vec_zlib(&body).unwrap();
        assert!(inflated.starts_with(b"contents of faisceau_bg.wasm"));
        assert!(body.len() < inflated.len());
        // A reload revalidates: the same version costs a 304 and no body.
        let tag = head
            .lines()
            .find_map(|line| line.strip_prefix("ETag: "))
            .expect("an entity tag")
            .to_owned();
        let (head, body) = get_with(
            port,
            "/faisceau_bg.wasm",
            &format!("If-None-Match: {tag}\r\n"),
        );
        assert!(head.starts_with("HTTP/1.1 304"), "{head}");
        assert!(
            body.is_empty() && !head.contains("Content-Length"),
            "{head}"
        );
        assert!(head.contains(&format!("ETag: {tag}")), "{head}");
        let (head, body) = get_with(port, "/faisceau_bg.wasm", "If-None-Match: \"older\"\r\n");
        assert!(
            head.starts_with("HTTP/1.1 200") && !body.is_empty(),
            "{head}"
        );
        // Each file has its own tag.
        let (index, _) = get(port, "/", false);
        assert!(
            index.contains("ETag: \"") && !index.contains(&tag),
            "{index}"
        );
        for path in ["/secret.ron", "/../Cargo.toml", "/web/dist/index.html"] {
            let (head, _) = get(port, path, false);
            assert!(head.starts_with("HTTP/1.1 404"), "{path}: {head}");
        }
        let _ = std::fs::remove_dir_all(&dir);
        // Without the client built, the page says how to join instead.
        let (_server, port) = server(None);
        let (head, body) = get(port, "/", false);
        assert!(head.starts_with("HTTP/1.1 200"));
        assert!(String::from_utf8_lossy(&body).contains("web/build.sh"));
    }

    /// A browser that stops reading holds nobody: frames for it queue on its
    /// own writer, never on the caller, and past the bound the caller is
    /// told to close it.
    #[test]
    fn a_browser_that_stops_reading_is_dropped_without_holding_the_host() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        // The browser connects and never reads a byte.
        let _browser = TcpStream::connect(("127.0.0.1", port)).unwrap();
        let (host_side, _) = listener.accept().unwrap();
        let seal = Seal::new(&[7; 32], &[1; NONCE_LEN], &[2; NONCE_LEN], Side::Host);
        let peer = host_side.peer_addr().unwrap();
        let mut writer = Writer::spawn(&host_side, seal, peer).unwrap();
        let frame = vec![0u8; 64 * 1024];
        let mut sent = 0usize;
        let refused = loop {
            match writer.send(frame.clone()) {
                Ok(()) => sent += frame.len(),
                Err(e) => break e,
            }
            assert!(sent < 64 * MAX_WAITING, "the queue must be bounded");
        };
        assert!(refused.to_string().contains("does not read"), "{refused}");
        // What was accepted is what the socket's buffers and the queue hold:
        // a few MiB, not everything the host wanted to send.
        assert!(sent >= MAX_WAITING / 2, "{sent}");
    }

    /// A proved browser's connection asks the system to notice a vanished
    /// peer (keep-alive on, with the idle time, interval and count above)
    /// and to hold little for it.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_proved_connection_has_keep_alive_with_short_times() {
        use std::os::fd::AsRawFd;
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let _browser = TcpStream::connect(("127.0.0.1", port)).unwrap();
        let (host_side, _) = listener.accept().unwrap();
        let get = |level, name| {
            let mut value: libc::c_int = 0;
            let mut size = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
            // SAFETY: a live descriptor, an int and its size.
            let done = unsafe {
                libc::getsockopt(
                    host_side.as_raw_fd(),
                    level,
                    name,
                    (&mut value as *mut libc::c_int).cast(),
                    &mut size,
                )
            };
            assert_eq!(done, 0);
            value
        };
        assert_eq!(get(libc::SOL_SOCKET, libc::SO_KEEPALIVE), 0);
        keep_alive(&host_side).unwrap();
        assert_eq!(get(libc::SOL_SOCKET, libc::SO_KEEPALIVE), 1);
        assert_eq!(get(libc::IPPROTO_TCP, libc::TCP_KEEPIDLE), 10);
        assert_eq!(get(libc::IPPROTO_TCP, libc::TCP_KEEPINTVL), 5);
        assert_eq!(get(libc::IPPROTO_TCP, libc::TCP_KEEPCNT), 3);
        // Linux doubles the size asked for its own bookkeeping.
        assert_eq!(
            get(libc::SOL_SOCKET, libc::SO_SNDBUF) as usize,
            2 * SEND_BUFFER
        );
    }

    #[test]
    fn a_browser_joins_with_the_code_only_and_a_guesser_is_slowed_down() {
        let (server, port) = server(None);
        // The right code: the workshop's name, sealed; the app hears of it.
        let (_, opened) = knock(port, [7; 32]);
        assert!(opened.is_some(), "the right code opens");
        let event = server
            .events
            .lock()
            .unwrap()
            .recv_timeout(Duration::from_secs(5))
            .unwrap();
        assert!(matches!(event, WebEvent::Opened { .. }));
        // A wrong code: refused in clear, in words the page shows.
        let (answer, opened) = knock(port, [8; 32]);
        assert!(opened.is_none());
        assert_eq!(seal::read_refusal(&answer), Some(WebRefusal::WrongCode));
        for _ in 1..WRONG_CODES_PER_MINUTE {
            knock(port, [8; 32]);
        }
        let (answer, _) = knock(port, [7; 32]);
        assert_eq!(seal::read_refusal(&answer), Some(WebRefusal::SlowDown));
    }
}
