//! A client: knocks at the host's door with the join code, connects with a
//! connect token it makes from the code, says who it is, takes a role, and
//! keeps its role's view up to date. When the network drops it reconnects
//! by itself and the host seats it back (same name).

use std::net::SocketAddr;
#[cfg(not(target_arch = "wasm32"))]
use std::net::{Ipv4Addr, UdpSocket};
use std::time::Duration;

#[cfg(not(target_arch = "wasm32"))]
use bevy::prelude::*;
#[cfg(not(target_arch = "wasm32"))]
use bevy_replicon::prelude::*;
#[cfg(not(target_arch = "wasm32"))]
use bevy_replicon_renet::RenetClient;
#[cfg(not(target_arch = "wasm32"))]
use bevy_replicon_renet::netcode::{ClientAuthentication, ConnectToken, NetcodeClientTransport};
use faisceau_engine::{Id, RoleView, ViewBot};
use serde::Deserialize;
use tracing::warn;
use web_time::Instant;

#[cfg(not(target_arch = "wasm32"))]
use super::code::JoinCode;
use super::code::Keys;
#[cfg(not(target_arch = "wasm32"))]
use super::door::{self, Datagram, DoorRefusal};
#[cfg(not(target_arch = "wasm32"))]
use super::error::NetError;
use super::protocol::{DebriefPackage, Lobby, Occupant, Refused, ToClient, ToHost};
#[cfg(not(target_arch = "wasm32"))]
use super::{Down, Up};
use super::{TIMEOUT_SECONDS, VERSION};

/// Why joining failed before connecting.
#[derive(Debug, thiserror::Error)]
pub enum JoinError {
    /// The door said the code is wrong.
    #[error("wrong join code: check it on the projector and type it again")]
    WrongCode,
    /// Another version.
    #[error(
        "this Faisceau is version {mine}, the workshop's is {theirs}: install the same version as the trainer"
    )]
    Version {
        /// Ours.
        mine: String,
        /// The host's.
        theirs: String,
    },
    /// Too many attempts.
    #[error("too many attempts from this computer: wait a minute, then try again")]
    SlowDown,
    /// Nobody answered.
    #[error(
        "no workshop answers at {0} (port {1}): check the address, that the trainer's workshop is open, and that both computers are on the same network"
    )]
    NoAnswer(String, u16),
    /// The address does not parse.
    #[error(
        "`{0}` is not an address: type it as shown on the projector, for example 192.168.1.20:5170"
    )]
    BadAddress(String),
    /// A local network error.
    #[error("network error: {0}")]
    Io(#[from] std::io::Error),
}

/// What the door told us: where and how to connect.
#[derive(Clone, Debug)]
pub struct Entry {
    /// The workshop's name.
    pub workshop: String,
    /// The game address we connect to.
    pub addr: SocketAddr,
    /// The addresses the host answers to.
    pub addresses: Vec<SocketAddr>,
    /// The keys from the code.
    pub keys: Keys,
}

#[cfg(not(target_arch = "wasm32"))]
/// Reads `ADDR` as typed: `host:port` or `host` (default port).
pub fn parse_address(typed: &str) -> Result<SocketAddr, JoinError> {
    use std::net::ToSocketAddrs;
    let typed = typed.trim();
    let with_port = if typed.contains(':') {
        typed.to_owned()
    } else {
        format!("{typed}:{}", super::DEFAULT_PORT)
    };
    with_port
        .to_socket_addrs()
        .ok()
        .and_then(|mut addrs| addrs.find(SocketAddr::is_ipv4))
        .ok_or_else(|| JoinError::BadAddress(typed.to_owned()))
}

#[cfg(not(target_arch = "wasm32"))]
/// Knocks at the door of the game address `addr` with `code`: answers
/// within `timeout` with the entry, or why not.
pub fn knock(addr: SocketAddr, code: &JoinCode, timeout: Duration) -> Result<Entry, JoinError> {
    let keys = code.keys();
    let door_addr = SocketAddr::new(addr.ip(), addr.port().wrapping_add(1));
    let reply = door::ask(door_addr, &door::knock(&keys, VERSION), timeout).map_err(|e| {
        if e.kind() == std::io::ErrorKind::TimedOut {
            JoinError::NoAnswer(addr.ip().to_string(), addr.port())
        } else {
            JoinError::Io(e)
        }
    })?;
    match reply {
        Datagram::Welcome {
            name, addresses, ..
        } => Ok(Entry {
            workshop: name,
            addr,
            addresses,
            keys,
        }),
        Datagram::Refused {
            reason: DoorRefusal::WrongCode,
            ..
        } => Err(JoinError::WrongCode),
        Datagram::Refused {
            reason: DoorRefusal::Version,
            version,
        } => Err(JoinError::Version {
            mine: VERSION.to_owned(),
            theirs: version,
        }),
        Datagram::Refused {
            reason: DoorRefusal::SlowDown,
            ..
        } => Err(JoinError::SlowDown),
        _ => Err(JoinError::NoAnswer(addr.ip().to_string(), addr.port())),
    }
}

#[cfg(not(target_arch = "wasm32"))]
/// Opens a netcode connection to the entry's host.
pub fn connect(
    commands: &mut Commands,
    channels: &RepliconChannels,
    entry: &Entry,
) -> Result<(), NetError> {
    let (client, transport, watch) = open(channels, entry)?;
    commands.insert_resource(client);
    commands.insert_resource(transport);
    if let Some(watch) = watch {
        commands.insert_resource(super::Watched(watch));
    }
    Ok(())
}

#[cfg(not(target_arch = "wasm32"))]
/// The renet client and its netcode transport, with a connect token made
/// from the code's key.
pub fn open(
    channels: &RepliconChannels,
    entry: &Entry,
) -> Result<(RenetClient, NetcodeClientTransport, Option<UdpSocket>), NetError> {
    let (transport, watch) = transport(entry)?;
    Ok((
        RenetClient::new(super::connection_config(channels)),
        transport,
        watch,
    ))
}

#[cfg(not(target_arch = "wasm32"))]
/// A netcode transport to the entry's host, with a connect token made from
/// the code's key, and a second handle on its socket to watch.
pub fn transport(entry: &Entry) -> Result<(NetcodeClientTransport, Option<UdpSocket>), NetError> {
    let client_id = u64::from_le_bytes(bevy_replicon_renet::netcode::generate_random_bytes());
    let mut servers = vec![entry.addr];
    for addr in &entry.addresses {
        if !servers.contains(addr) && servers.len() < 32 {
            servers.push(*addr);
        }
    }
    let now = super::now();
    let token = ConnectToken::generate(
        now,
        super::protocol_id(),
        300,
        client_id,
        TIMEOUT_SECONDS,
        servers,
        None,
        &entry.keys.netcode,
    )
    .map_err(|e| NetError::Netcode(e.to_string()))?;
    let socket = UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0))?;
    let watch = socket.try_clone().ok();
    let transport = NetcodeClientTransport::new(
        now,
        ClientAuthentication::Secure {
            connect_token: token,
        },
        socket,
    )
    .map_err(|e| NetError::Netcode(e.to_string()))?;
    Ok((transport, watch))
}

/// Where the client stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Link {
    /// Connecting (or reconnecting).
    Connecting,
    /// Connected and named.
    Connected,
    /// The connection dropped; reconnecting.
    Lost,
}

/// Everything the client knows: only what the host sent.
#[cfg_attr(not(target_arch = "wasm32"), derive(Resource))]
pub struct Joined {
    /// Where to connect.
    pub entry: Entry,
    /// The name given.
    pub name: String,
    /// The seat wanted, if any: a table and a role.
    pub want: Option<(usize, Option<Id>)>,
    /// The link.
    pub link: Link,
    /// The lobby.
    pub lobby: Option<Lobby>,
    /// Our seat.
    pub seat: Option<(usize, Id)>,
    /// Our role's view.
    pub view: Option<RoleView>,
    /// The debrief, once our table has ended.
    pub debrief: Option<DebriefPackage>,
    /// The last refusal of a lobby request.
    pub refused: Option<Refused>,
    /// The last refusal of a command, in both languages.
    pub command_refused: Option<faisceau_engine::Refusal>,
    /// Everything received, as it came (for tests and for measuring).
    pub received: Vec<ToClient>,
    /// Keep every message in `received`.
    pub keep_received: bool,
    /// Bytes received.
    pub received_bytes: u64,
    /// Views received so far.
    pub views: usize,
    /// Connected again after a drop: the host may still hold the old connection.
    pub rejoining: bool,
    /// The seat token the host gave when this person sat.
    pub token: Option<u64>,
    /// The host seated us back on a seat we held.
    pub back: bool,
    /// Keep the seat token on disk (a person's window, not a bot).
    pub keep_token: bool,
    /// Until when a name "in use" is asked again: the old connection of a
    /// person coming back may not have timed out yet.
    pub retry_name_until: Option<Instant>,
    hello_at: Option<Instant>,
    said_hello: bool,
    lost_at: Option<Instant>,
    /// The view as JSON, the base of the host's next change.
    held: Option<serde_json::Value>,
    /// A change did not apply: ask for the whole view.
    whole_view_wanted: bool,
}

impl Joined {
    /// A client for `entry` under `name`.
    pub fn new(entry: Entry, name: String, want: Option<(usize, Option<Id>)>) -> Joined {
        Joined {
            entry,
            name,
            want,
            link: Link::Connecting,
            lobby: None,
            seat: None,
            view: None,
            debrief: None,
            refused: None,
            command_refused: None,
            received: Vec::new(),
            keep_received: false,
            received_bytes: 0,
            views: 0,
            rejoining: false,
            token: None,
            back: false,
            keep_token: false,
            retry_name_until: None,
            hello_at: None,
            said_hello: false,
            lost_at: None,
            held: None,
            whole_view_wanted: false,
        }
    }

    /// Takes a message from the host.
    pub fn take(&mut self, message: ToClient) {
        if self.keep_received {
            self.received.push(message.clone());
        }
        match message {
            ToClient::Lobby(lobby) => self.lobby = Some(lobby),
            ToClient::Seated {
                table,
                role,
                token,
                back,
            } => {
                self.seat = Some((table, role));
                self.refused = None;
                self.rejoining = false;
                self.retry_name_until = None;
                // Only a person who held this seat before (a token of theirs,
                // from this window or from disk) is welcomed back.
                self.back = back && self.token.is_some();
                if self.token != Some(token) {
                    self.token = Some(token);
                    if self.keep_token {
                        super::seats::remember(&self.entry.keys, &self.name, token);
                    }
                }
            }
            ToClient::Refused(Refused::NameInUse) => {
                self.retry_name_until.get_or_insert_with(|| {
                    Instant::now() + Duration::from_secs(TIMEOUT_SECONDS as u64 + 4)
                });
                self.refused = Some(Refused::NameInUse);
            }
            ToClient::Refused(refused) => self.refused = Some(refused),
            ToClient::View(view) => {
                self.held = serde_json::to_value(&*view).ok();
                self.show(*view);
            }
            ToClient::ViewChange(change) => {
                let rebuilt = self.held.as_mut().and_then(|held| {
                    super::delta::apply(held, &change)
                        .map_err(|e| warn!("{e}; asking for the whole view"))
                        .ok()?;
                    RoleView::deserialize(&*held).ok()
                });
                match rebuilt {
                    Some(view) => self.show(view),
                    None => {
                        self.held = None;
                        self.whole_view_wanted = true;
                    }
                }
            }
            ToClient::CommandRefused(text) => self.command_refused = Some(text),
            ToClient::Debrief(package) => {
                let mut package = *package;
                if let Some((_, role)) = &self.seat {
                    package.role = role.clone();
                }
                self.debrief = Some(package);
            }
        }
    }

    fn show(&mut self, view: RoleView) {
        self.views += 1;
        self.view = Some(view);
        self.command_refused = None;
    }

    /// A refusal of the name that sends the person back to the join form
    /// (in use, or too long), once the lobby has not come: none while a
    /// name "in use" may still be held by an old connection of ours (the
    /// person waits, told that their seat is coming back).
    pub fn name_refused(&self) -> Option<&Refused> {
        if self.lobby.is_some() || self.rejoining {
            return None;
        }
        let refused @ (Refused::NameInUse | Refused::BadName) = self.refused.as_ref()? else {
            return None;
        };
        let waiting = *refused == Refused::NameInUse
            && self
                .retry_name_until
                .is_some_and(|until| Instant::now() < until);
        (!waiting).then_some(refused)
    }

    /// The seat to ask for now: the one wanted, or the first free one.
    pub fn seat_to_ask(&self) -> Option<(usize, Id)> {
        self.seat_to_ask_from(0)
    }

    /// The seat to ask for; with no seat wanted, the free seat at `spread`
    /// (modulo their number) rather than the first.
    pub fn seat_to_ask_from(&self, spread: u64) -> Option<(usize, Id)> {
        let lobby = self.lobby.as_ref()?;
        let mut free = lobby.tables.iter().enumerate().flat_map(|(t, table)| {
            table
                .seats
                .iter()
                .filter(|s| s.occupant == Occupant::Free)
                .map(move |s| (t, s.role.clone()))
        });
        match &self.want {
            Some((t, Some(role))) => Some((*t, role.clone())),
            Some((t, None)) => free.find(|(free_t, _)| free_t == t),
            None => {
                let free: Vec<(usize, Id)> = free.collect();
                let count = free.len() as u64;
                (count > 0).then(|| free[(spread % count) as usize].clone())
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
/// Sends a message to the host.
#[derive(Message, Clone, Debug)]
pub struct Send(pub ToHost);

#[cfg(not(target_arch = "wasm32"))]
/// The client's systems (the caller inserts [`Joined`] and calls [`connect`]).
pub fn plugin(app: &mut App) {
    app.add_message::<Send>()
        .add_systems(
            PreUpdate,
            receive
                .after(ClientSystems::Receive)
                .run_if(in_state(ClientState::Connected).and_then(resource_exists::<Joined>)),
        )
        .add_systems(Update, hello.run_if(resource_exists::<Joined>))
        .add_systems(PostUpdate, forward.before(ClientSystems::Send))
        .add_systems(Update, reconnect.run_if(resource_exists::<Joined>));
}

#[cfg(not(target_arch = "wasm32"))]
/// Closes the connection to the host (a refused name goes back to the form).
pub fn disconnect(commands: &mut Commands) {
    commands.remove_resource::<Joined>();
    commands.remove_resource::<RenetClient>();
    commands.remove_resource::<NetcodeClientTransport>();
}

#[cfg(not(target_arch = "wasm32"))]
fn receive(mut messages: MessageReader<Down>, mut joined: ResMut<Joined>) {
    for Down(message) in messages.read() {
        joined.take(message.clone());
        joined.received_bytes = super::BYTES_RECEIVED.load(std::sync::atomic::Ordering::Relaxed);
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn hello(
    state: Res<State<ClientState>>,
    mut joined: ResMut<Joined>,
    mut send: MessageWriter<Send>,
) {
    if *state.get() != ClientState::Connected {
        return;
    }
    for message in joined.greet() {
        send.write(Send(message));
    }
}

/// When the connection drops, try again every two seconds: the host seats
/// us back on our role when it sees our seat token.
#[cfg(not(target_arch = "wasm32"))]
fn reconnect(
    mut commands: Commands,
    state: Res<State<ClientState>>,
    transport: Option<Res<NetcodeClientTransport>>,
    renet: Option<Res<RenetClient>>,
    channels: Res<RepliconChannels>,
    mut joined: ResMut<Joined>,
) {
    let disconnected = *state.get() == ClientState::Disconnected
        || renet.as_ref().is_some_and(|c| c.is_disconnected());
    if !disconnected || transport.is_none() && !joined.is_lost() {
        return;
    }
    if joined.said_hello {
        if let Some(reason) = transport.as_ref().and_then(|t| t.disconnect_reason()) {
            warn!("connection lost ({reason}); reconnecting");
        }
        joined.lose();
        commands.remove_resource::<RenetClient>();
        commands.remove_resource::<NetcodeClientTransport>();
        return;
    }
    if !joined.retry_due() {
        return;
    }
    commands.remove_resource::<RenetClient>();
    commands.remove_resource::<NetcodeClientTransport>();
    let entry = joined.entry.clone();
    if let Err(e) = connect(&mut commands, &channels, &entry) {
        warn!("reconnecting: {e}");
    }
}

impl Joined {
    /// What a connected client says at this update: its hello (again while
    /// the host may still hold its old connection), and a request for the
    /// whole view when a change did not apply.
    pub fn greet(&mut self) -> Vec<ToHost> {
        let mut out = Vec::new();
        if self.whole_view_wanted {
            self.whole_view_wanted = false;
            out.push(ToHost::WholeView);
        }
        if !self.said_hello {
            self.said_hello = true;
            self.link = Link::Connected;
            self.lost_at = None;
            self.hello_at = Some(Instant::now());
            out.push(ToHost::Hello {
                name: self.name.clone(),
                token: self.token,
            });
            return out;
        }
        // Back after a drop, the host may not have noticed the old connection
        // is gone (it waits a few seconds): say hello again until it has. A
        // window restarted after a crash does the same for a few seconds.
        let retrying = self.rejoining
            || self
                .retry_name_until
                .is_some_and(|until| Instant::now() < until);
        if retrying
            && self.refused == Some(Refused::NameInUse)
            && self
                .hello_at
                .is_some_and(|at| at.elapsed() > Duration::from_secs(2))
        {
            self.refused = None;
            self.hello_at = Some(Instant::now());
            out.push(ToHost::Hello {
                name: self.name.clone(),
                token: self.token,
            });
        }
        out
    }

    /// Whether this client had said hello on the connection now lost.
    pub fn said_hello(&self) -> bool {
        self.said_hello
    }

    /// The connection dropped: the person sees it, and the next hello
    /// asks for the seat back.
    pub fn lose(&mut self) {
        self.said_hello = false;
        self.rejoining = true;
        self.link = Link::Lost;
        self.lost_at = Some(Instant::now());
    }

    /// Whether the connection is lost and not yet back.
    pub fn is_lost(&self) -> bool {
        self.lost_at.is_some()
    }

    /// Whether to try connecting again now (every two seconds).
    pub fn retry_due(&mut self) -> bool {
        let lost = *self.lost_at.get_or_insert_with(Instant::now);
        if lost.elapsed() < Duration::from_secs(2) {
            return false;
        }
        self.lost_at = Some(Instant::now());
        true
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn forward(
    mut sends: MessageReader<Send>,
    mut up: MessageWriter<Up>,
    state: Res<State<ClientState>>,
) {
    if *state.get() != ClientState::Connected {
        sends.clear();
        return;
    }
    for Send(message) in sends.read() {
        up.write(Up(Some(message.clone())));
    }
}

/// A bot client: takes a seat, plays its role from its view alone, and
/// records how long each command took to come back as a new view.
#[cfg_attr(not(target_arch = "wasm32"), derive(Resource))]
pub struct BotPlayer {
    /// The policy.
    pub bot: ViewBot,
    /// Time between commands.
    pub pace: Duration,
    /// Send-to-view times.
    pub latencies: Vec<Duration>,
    /// Commands sent.
    pub commands: u32,
    /// When the bot started.
    pub started: Instant,
    asked_seat: Option<Instant>,
    /// Where this bot looks among free seats after a refusal: a room of
    /// bots that read the same lobby do not all ask again for the same seat.
    spread: u64,
    pending: Option<(Instant, usize)>,
    last: Instant,
    /// When the bot last looked for something to do.
    looked: Instant,
}

impl BotPlayer {
    /// A bot client.
    pub fn new(seed: u64, pace: Duration) -> BotPlayer {
        BotPlayer {
            bot: ViewBot::new(seed),
            pace,
            latencies: Vec::new(),
            commands: 0,
            started: Instant::now(),
            asked_seat: None,
            // A mix of the seed's bits (seeds of one process differ by one).
            spread: seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 17,
            pending: None,
            last: Instant::now(),
            looked: Instant::now(),
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
/// The bot client's system (the browser's bot, and the tests').
#[cfg_attr(not(any(test, target_arch = "wasm32")), allow(dead_code))]
pub fn play_bot(
    mut player: ResMut<BotPlayer>,
    mut joined: ResMut<Joined>,
    mut send: MessageWriter<Send>,
) {
    if let Some(message) = player.step(&mut joined) {
        send.write(Send(message));
    }
}

impl BotPlayer {
    /// The bot's move at this update, if any: a seat to ask for, or a
    /// command once the host answered the last one.
    pub fn step(&mut self, joined: &mut Joined) -> Option<ToHost> {
        self.looked = Instant::now();
        if joined.link != Link::Connected || joined.lobby.is_none() {
            return None;
        }
        if joined.seat.is_none() {
            // Ask for a seat, again after a refusal (someone took it first).
            let due = self
                .asked_seat
                .is_none_or(|at| at.elapsed() > Duration::from_millis(700));
            // First the first free seat, as a person would; refused (someone
            // was quicker), the next tries look elsewhere.
            let spread = if self.asked_seat.is_some() {
                self.spread
            } else {
                0
            };
            if !due {
                return None;
            }
            let (table, role) = joined.seat_to_ask_from(spread)?;
            self.asked_seat = Some(Instant::now());
            self.spread = self.spread.wrapping_add(1);
            joined.refused = None;
            return Some(ToHost::Sit { table, role });
        }
        let views = joined.views;
        if let Some((sent, seen)) = self.pending {
            if views > seen || joined.command_refused.is_some() {
                if views > seen {
                    self.latencies.push(sent.elapsed());
                }
                self.pending = None;
                joined.command_refused = None;
            } else if sent.elapsed() < Duration::from_secs(5) {
                // Wait for the host's answer before acting on a stale view.
                return None;
            } else {
                self.pending = None;
            }
        }
        if self.last.elapsed() < self.pace {
            return None;
        }
        let command = self.bot.next(joined.view.as_ref()?)?;
        self.last = Instant::now();
        self.commands += 1;
        self.pending = Some((Instant::now(), views));
        Some(ToHost::Command(command))
    }

    /// When this bot next wants an update for its pace: when its pace
    /// allows the next command, or a pace after it last looked and found
    /// nothing to do (none while it waits for an answer: the answer's
    /// packet wakes it).
    pub fn due(&self) -> Option<Instant> {
        let next = self.last + self.pace;
        (self.pending.is_none()).then(|| {
            if self.looked < next {
                next
            } else {
                self.looked + self.pace
            }
        })
    }
}
