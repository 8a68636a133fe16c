//! The host: a replicon server over netcode, the door beside it, and the
//! workshop behind both.

use std::collections::HashMap;
use std::net::{Ipv4Addr, SocketAddr, UdpSocket};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use bevy::prelude::*;
use bevy_replicon::prelude::*;
use bevy_replicon_renet::RenetServer;
use bevy_replicon_renet::netcode::{ServerAuthentication, ServerConfig};
use faisceau_engine::TrainerCommand;
use faisceau_engine::session::Status;

use super::door::{self, DoorConfig};
use super::error::NetError;
use super::protocol::ToClient;
use super::workshop::{ClientKey, Outbox, Seat, Workshop};
use super::{Down, Up, VERSION};

/// The shortest time between two lobby broadcasts: a room sitting down
/// changes it many times a second.
pub const LOBBY_EVERY: Duration = Duration::from_millis(250);

/// How the host runs its tables.
#[derive(Clone, Debug)]
pub struct Autopilot {
    /// Start a table as soon as every role is taken (person or bot).
    pub start_when_full: bool,
    /// Give free roles to bots this long after the host opens.
    pub bots_after: Option<Duration>,
    /// Move a running table to its next phase after this long without events.
    pub advance_after: Option<Duration>,
    /// Stop the host this long after every table has ended (clients read their debriefs).
    pub exit_after_end: Option<Duration>,
    /// Stop the host after this long in any case.
    pub max_duration: Option<Duration>,
}

/// The host's state.
#[derive(Resource)]
pub struct Host {
    /// The workshop.
    pub workshop: Workshop,
    /// Pace of the bots on the host.
    pub bot_pace: Duration,
    /// The automatic trainer, for headless hosts.
    pub autopilot: Option<Autopilot>,
    opened: Instant,
    last_bots: Instant,
    ended_at: Option<Instant>,
    entities: HashMap<ClientKey, Entity>,
    door_stop: Arc<AtomicBool>,
    /// Messages sent, for the load benchmark (bytes: [`super::BYTES_SENT`]).
    pub sent: u64,
    /// For the load benchmark: how long each update that read commands took
    /// from reading them to handing the answers to the socket (a histogram:
    /// its size does not grow with the workshop's length).
    pub answer_times: Latencies,
    /// The same, since the last status line (headless hosts print one a minute).
    pub recent_answer_times: Latencies,
    last_lobby: Option<Instant>,
    answering_since: Option<Instant>,
    /// Whether the server is open (none: not yet tried).
    listening: Option<bool>,
    /// Why the server could not open, in words.
    pub listen_error: Option<String>,
    /// Stop the app when the server cannot open (headless hosts).
    pub exit_on_listen_error: bool,
}

impl Host {
    /// A host for `workshop`.
    pub fn new(workshop: Workshop, bot_pace: Duration, autopilot: Option<Autopilot>) -> Host {
        Host {
            workshop,
            bot_pace,
            autopilot,
            opened: Instant::now(),
            last_bots: Instant::now(),
            ended_at: None,
            entities: HashMap::new(),
            door_stop: Arc::new(AtomicBool::new(false)),
            sent: 0,
            answer_times: Latencies::default(),
            recent_answer_times: Latencies::default(),
            last_lobby: None,
            answering_since: None,
            listening: None,
            listen_error: None,
            exit_on_listen_error: false,
        }
    }

    /// Clients connected now (app and browsers).
    pub fn connected_clients(&self) -> usize {
        self.entities.len()
    }

    /// Applies a trainer's command to a table and sends what follows.
    pub fn direct(
        &mut self,
        table: usize,
        command: TrainerCommand,
        out: &mut MessageWriter<ToClients<Down>>,
    ) -> Result<(), NetError> {
        let outbox = self.workshop.direct(table, command)?;
        self.send(outbox, out);
        Ok(())
    }

    /// Puts someone on a seat and sends what follows.
    pub fn assign(
        &mut self,
        table: usize,
        role: &str,
        seat: Seat,
        out: &mut MessageWriter<ToClients<Down>>,
    ) -> Result<(), NetError> {
        let outbox = self.workshop.assign(table, role, seat)?;
        self.send(outbox, out);
        Ok(())
    }

    /// Sends an outbox.
    pub fn send(&mut self, outbox: Outbox, out: &mut MessageWriter<ToClients<Down>>) {
        for (key, message) in outbox {
            let Some(&entity) = self.entities.get(&key) else {
                continue;
            };
            self.sent += 1;
            out.write(ToClients {
                targets: SendTargets::Single(ClientId::Client(entity)),
                message: Down(message),
            });
        }
    }
}

/// The host's logic: clients in, messages out, bots and autopilot.
pub fn plugin(app: &mut App) {
    app.add_plugins(super::web::plugin);
    app.add_observer(on_connect)
        .add_observer(on_disconnect)
        .add_systems(
            PreUpdate,
            receive
                .after(ServerSystems::Receive)
                .run_if(in_state(ServerState::Running).and_then(resource_exists::<Host>)),
        )
        .add_systems(
            Update,
            (bots, autopilot).chain().run_if(resource_exists::<Host>),
        )
        .add_systems(
            PostUpdate,
            (
                broadcast_lobby.run_if(resource_exists::<Host>),
                only_to_live_clients,
            )
                .chain()
                .before(ServerSystems::Send),
        )
        .add_systems(Last, time_answers.run_if(resource_exists::<Host>))
        .add_systems(Last, close_door_on_exit.run_if(resource_exists::<Host>));
}

/// Opens the server and the door on the workshop's port (all interfaces),
/// as soon as there is a workshop.
pub fn listen(app: &mut App) {
    app.add_systems(
        Update,
        open_server.run_if(|host: Option<Res<Host>>| host.is_some_and(|h| h.listening.is_none())),
    );
}

fn open_server(
    mut commands: Commands,
    channels: Res<RepliconChannels>,
    mut host: ResMut<Host>,
    mut exit: MessageWriter<AppExit>,
) {
    match open(&mut commands, &channels, &host) {
        Ok(()) => host.listening = Some(true),
        Err(e) => {
            error!("{e}");
            host.listening = Some(false);
            host.listen_error = Some(e.to_string());
            if host.exit_on_listen_error {
                exit.write(AppExit::from_code(2));
            }
        }
    }
}

fn open(commands: &mut Commands, channels: &RepliconChannels, host: &Host) -> Result<(), NetError> {
    let port = host.workshop.port;
    let keys = host.workshop.code.keys();
    let addresses = super::host_addresses(port);
    let socket =
        UdpSocket::bind((Ipv4Addr::UNSPECIFIED, port)).map_err(|source| NetError::Listen {
            protocol: "UDP",
            port,
            source,
        })?;
    let config = ServerConfig {
        current_time: super::now(),
        max_clients: super::protocol::MAX_CLIENTS,
        protocol_id: super::protocol_id(),
        public_addresses: addresses.clone(),
        authentication: ServerAuthentication::Secure {
            private_key: keys.netcode,
        },
    };
    if let Ok(watch) = socket.try_clone() {
        commands.insert_resource(super::Watched(watch));
    }
    let transport = super::pace::PacedServer::new(config, socket)?;
    commands.insert_resource(RenetServer::new(super::connection_config(channels)));
    commands.insert_resource(transport);
    let door_port = port.wrapping_add(1);
    match UdpSocket::bind((Ipv4Addr::UNSPECIFIED, door_port)) {
        Ok(socket) => {
            let config = DoorConfig {
                name: host.workshop.name.clone(),
                version: VERSION.to_owned(),
                port,
                addresses: addresses.clone(),
                keys: keys.clone(),
                host: u64::from_le_bytes(bevy_replicon_renet::netcode::generate_random_bytes()),
            };
            let stop = host.door_stop.clone();
            std::thread::spawn(move || door::serve(socket, config, stop));
        }
        Err(e) => error!(
            "cannot open the door on UDP port {door_port}: {e}; clients will not find this workshop"
        ),
    }
    // Browsers: the same port number over TCP (the page, then a WebSocket).
    let web = super::web::WebConfig {
        name: host.workshop.name.clone(),
        version: VERSION.to_owned(),
        web_key: super::seal::web_key(&keys.netcode),
        files: super::web::files_dir(),
    };
    if web.files.is_none() {
        warn!(
            "the browser client is not built (bash web/build.sh): browsers get a page that says so"
        );
    }
    match super::web::open(port, web) {
        Ok((server, bell)) => {
            commands.insert_resource(server);
            commands.insert_resource(bell);
        }
        Err(e) => {
            error!("cannot serve browsers on TCP port {port}: {e}; trainees join with the app only")
        }
    }
    let list: Vec<String> = addresses.iter().map(SocketAddr::to_string).collect();
    info!(
        "workshop \"{}\" open at {} with code {}",
        host.workshop.name,
        list.join(", "),
        host.workshop.code.display()
    );
    Ok(())
}

fn on_connect(add: On<Add, AuthorizedClient>, host: Option<ResMut<Host>>) {
    let Some(mut host) = host else { return };
    let key = add.entity.to_bits();
    host.entities.insert(key, add.entity);
    host.workshop.connected(key);
}

fn on_disconnect(
    remove: On<Remove, ConnectedClient>,
    host: Option<ResMut<Host>>,
    mut out: MessageWriter<ToClients<Down>>,
) {
    let Some(mut host) = host else { return };
    let key = remove.entity.to_bits();
    let outbox = host.workshop.disconnected(key);
    host.entities.remove(&key);
    host.send(outbox, &mut out);
}

fn receive(
    mut messages: MessageReader<FromClient<Up>>,
    mut host: ResMut<Host>,
    mut out: MessageWriter<ToClients<Down>>,
    live: Query<(), With<ConnectedClient>>,
) {
    for FromClient { client_id, message } in messages.read() {
        let Some(entity) = client_id.entity() else {
            continue;
        };
        // A message can come in with the disconnection that follows it: a
        // client that is gone is not answered (renet would refuse to send).
        if !live.contains(entity) {
            continue;
        }
        let key = entity.to_bits();
        host.entities.insert(key, entity);
        if host.answering_since.is_none() {
            host.answering_since = Some(Instant::now());
        }
        let outbox = match &message.0 {
            Some(message) => host.workshop.receive(key, message.clone()),
            None => host.workshop.malformed(key),
        };
        host.send(outbox, &mut out);
    }
}

/// In `Last`, after the transport has sent this update's packets.
fn time_answers(mut host: ResMut<Host>) {
    if let Some(since) = host.answering_since.take() {
        let took = since.elapsed();
        host.answer_times.record(took);
        host.recent_answer_times.record(took);
    }
}

/// Sends the lobby to every client in the lobby when it changed, at most every
/// [`LOBBY_EVERY`] (its bytes are packed once for all: see
/// [`super::pack`]).
fn broadcast_lobby(mut host: ResMut<Host>, mut out: MessageWriter<ToClients<Down>>) {
    if host.last_lobby.is_some_and(|at| at.elapsed() < LOBBY_EVERY) {
        return;
    }
    let Some(lobby) = host.workshop.lobby_change() else {
        return;
    };
    host.last_lobby = Some(Instant::now());
    let outbox: Outbox = host
        .workshop
        .lobby_clients()
        .map(|key| (key, ToClient::Lobby(lobby.clone())))
        .collect();
    host.send(outbox, &mut out);
}

/// Durations in a fixed histogram: 10 µs steps to 10 ms, then 1 ms steps to
/// 1 s, then one bucket beyond. Quantiles are read to the bucket's upper
/// bound; the largest is kept exactly.
#[derive(Clone, Debug)]
pub struct Latencies {
    buckets: Vec<u64>,
    count: u64,
    max: Duration,
}

const FINE: usize = 1000; // 10 µs each, to 10 ms
const COARSE: usize = 990; // 1 ms each, 10 ms to 1 s

impl Default for Latencies {
    fn default() -> Latencies {
        Latencies {
            buckets: vec![0; FINE + COARSE + 1],
            count: 0,
            max: Duration::ZERO,
        }
    }
}

impl Latencies {
    /// Counts one duration.
    pub fn record(&mut self, took: Duration) {
        let micros = took.as_micros();
        let bucket = if micros < 10_000 {
            (micros / 10) as usize
        } else if micros < 1_000_000 {
            FINE + ((micros - 10_000) / 1000) as usize
        } else {
            FINE + COARSE
        };
        self.buckets[bucket] += 1;
        self.count += 1;
        self.max = self.max.max(took);
    }

    /// How many were counted.
    pub fn count(&self) -> u64 {
        self.count
    }

    /// The duration under which a share `q` (0 to 1) of them fall.
    pub fn quantile(&self, q: f64) -> Duration {
        if self.count == 0 {
            return Duration::ZERO;
        }
        let rank = ((self.count as f64 * q).ceil() as u64).clamp(1, self.count);
        let mut seen = 0;
        for (i, n) in self.buckets.iter().enumerate() {
            seen += n;
            if seen >= rank {
                let upper = if i < FINE {
                    Duration::from_micros((i as u64 + 1) * 10)
                } else if i < FINE + COARSE {
                    Duration::from_micros(10_000 + (i - FINE) as u64 * 1000 + 1000)
                } else {
                    self.max
                };
                return upper.min(self.max);
            }
        }
        self.max
    }

    /// Starts again from nothing.
    pub fn clear(&mut self) {
        self.buckets.iter_mut().for_each(|b| *b = 0);
        self.count = 0;
        self.max = Duration::ZERO;
    }
}

fn bots(mut host: ResMut<Host>, mut out: MessageWriter<ToClients<Down>>) {
    if host.last_bots.elapsed() < host.bot_pace {
        return;
    }
    host.last_bots = Instant::now();
    let outbox = host.workshop.bots_step();
    host.send(outbox, &mut out);
}

fn autopilot(
    mut host: ResMut<Host>,
    mut out: MessageWriter<ToClients<Down>>,
    mut exit: MessageWriter<AppExit>,
) {
    let Some(pilot) = host.autopilot.clone() else {
        return;
    };
    if pilot
        .max_duration
        .is_some_and(|d| host.opened.elapsed() > d)
    {
        warn!("the workshop reached its time limit");
        exit.write(AppExit::Success);
        return;
    }
    if pilot.bots_after.is_some_and(|d| host.opened.elapsed() > d) {
        for t in 0..host.workshop.tables.len() {
            if host.workshop.tables[t].session.state().status == Status::Waiting
                && host.workshop.tables[t].seats.contains(&Seat::Free)
            {
                let outbox = host.workshop.fill_with_bots(t);
                host.send(outbox, &mut out);
            }
        }
    }
    for t in 0..host.workshop.tables.len() {
        let table = &host.workshop.tables[t];
        let status = table.session.state().status;
        let command = if pilot.start_when_full
            && status == Status::Waiting
            && !table.seats.contains(&Seat::Free)
        {
            Some(TrainerCommand::Start)
        } else if status == Status::Running
            && pilot
                .advance_after
                .is_some_and(|d| table.last_event.elapsed() > d)
        {
            Some(TrainerCommand::NextPhase)
        } else {
            None
        };
        if let Some(command) = command {
            info!("table {}: {command:?}", t + 1);
            if let Err(e) = host.direct(t, command, &mut out) {
                warn!("table {}: {e}", t + 1);
            }
        }
    }
    if host.workshop.all_ended() {
        let ended = *host.ended_at.get_or_insert_with(Instant::now);
        if pilot.exit_after_end.is_some_and(|d| ended.elapsed() > d) {
            info!("every table has ended");
            exit.write(AppExit::Success);
        }
    }
}

fn close_door_on_exit(mut exits: MessageReader<AppExit>, host: Res<Host>) {
    if exits.read().next().is_some() {
        host.door_stop.store(true, Ordering::Relaxed);
    }
}

/// Drops messages to clients that disconnected since they were written:
/// renet panics on a message to a client that is gone, and a workshop must
/// not stop because a laptop left at the wrong moment.
fn only_to_live_clients(
    mut messages: ResMut<Messages<ToClients<Down>>>,
    live: Query<(), With<ConnectedClient>>,
) {
    let stale = |m: &ToClients<Down>| match m.targets {
        SendTargets::Single(ClientId::Client(entity)) => !live.contains(entity),
        _ => false,
    };
    let mut cursor = messages.get_cursor();
    if !cursor.read(&messages).any(stale) {
        return;
    }
    let kept: Vec<ToClients<Down>> = messages.drain().filter(|m| !stale(m)).collect();
    for message in kept {
        messages.write(message);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latencies_read_their_quantiles_within_a_bucket() {
        let mut l = Latencies::default();
        assert_eq!(l.quantile(0.5), Duration::ZERO);
        for ms in 1..=100 {
            l.record(Duration::from_micros(ms * 250)); // 0.25 ms to 25 ms
        }
        l.record(Duration::from_secs(3));
        assert_eq!(l.count(), 101);
        let p50 = l.quantile(0.5).as_micros();
        assert!(
            (12_500..=12_600).contains(&p50) || (12_000..=13_000).contains(&p50),
            "{p50}"
        );
        let p99 = l.quantile(0.99).as_micros();
        assert!((24_000..=26_000).contains(&p99), "{p99}");
        assert_eq!(l.quantile(1.0), Duration::from_secs(3));
        // Fine steps below 10 ms.
        let mut small = Latencies::default();
        small.record(Duration::from_micros(1234));
        assert_eq!(small.quantile(0.5), Duration::from_micros(1234));
        small.clear();
        assert_eq!(small.count(), 0);
    }
}
