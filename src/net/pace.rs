//! How often each end of a connection hands packets to its socket.
//!
//! renet acknowledges every packet it receives — acknowledgements included —
//! in the next packet it sends. Two ends that send at each update therefore
//! keep each other busy: a bot client and a headless host, both woken by
//! packets, exchanged about 420 packets a second each way while nothing
//! happened. Here each end sends at once when a message goes out or came in
//! (the answer, or the acknowledgement of a view, is not delayed), and
//! otherwise only every [`HOST_EVERY`] (host, per client) or
//! [`CLIENT_EVERY`] (client): enough to carry acknowledgements and resends,
//! and within netcode's own keep-alive period, so that the paced packet takes
//! the keep-alive's place instead of adding to it.
//!
//! The host sends through [`PacedServer`], a netcode transport that paces
//! each client on its own (renet_netcode's sends to every client at every
//! update, and one busy table would then wake every laptop in the room).
//! Clients keep renet_netcode's transport and gate its sending.

use std::collections::{HashMap, HashSet};
use std::io;
use std::net::{SocketAddr, UdpSocket};
use std::time::{Duration, Instant};

use bevy::prelude::*;
use bevy_replicon::prelude::*;
use bevy_replicon::shared::backend::connected_client::NetworkId;
use bevy_replicon_renet::renet::ClientId;
use bevy_replicon_renet::{RenetClient, RenetReceive, RenetSend, RenetServer, RenetServerPlugin};
use renetcode::{NetcodeServer, ServerConfig, ServerResult};

/// The most time between two packets from the host to one idle client.
pub const HOST_EVERY: Duration = Duration::from_millis(100);

/// The most time between two packets from an idle client: under netcode's
/// keep-alive period (250 ms), so that no keep-alive is needed besides.
pub const CLIENT_EVERY: Duration = Duration::from_millis(240);

/// When this app next needs an update to send on time: the windowless
/// runner wakes it then (see [`super::runner`]).
#[derive(Resource, Clone, Copy, Debug)]
pub struct SendDue(pub Instant);

impl Default for SendDue {
    fn default() -> SendDue {
        SendDue(Instant::now())
    }
}

/// Registers the pacing systems (host and client; each runs only where its
/// transport exists).
pub fn plugin(app: &mut App) {
    app.init_resource::<ClientPace>()
        .init_resource::<SendDue>()
        .configure_sets(PostUpdate, RenetSend.run_if(client_send_due))
        .add_systems(
            PreUpdate,
            (
                server_update
                    .in_set(RenetReceive)
                    .after(RenetServerPlugin::update_system)
                    .before(RenetServerPlugin::emit_server_events_system)
                    .run_if(
                        resource_exists::<PacedServer>.and_then(resource_exists::<RenetServer>),
                    ),
                server_heard
                    .after(ServerSystems::ReceivePackets)
                    .run_if(resource_exists::<PacedServer>),
                client_heard
                    .after(ClientSystems::ReceivePackets)
                    .run_if(resource_exists::<RenetClient>),
            ),
        )
        .add_systems(
            PostUpdate,
            (
                server_speaking
                    .after(ServerSystems::Send)
                    .before(ServerSystems::SendPackets)
                    .run_if(resource_exists::<PacedServer>),
                (client_speaking, client_decide)
                    .chain()
                    .after(ClientSystems::Send)
                    .before(ClientSystems::SendPackets)
                    .run_if(resource_exists::<RenetClient>),
                server_send.in_set(RenetSend).run_if(
                    resource_exists::<PacedServer>.and_then(resource_exists::<RenetServer>),
                ),
            ),
        )
        .add_systems(
            Last,
            server_disconnect_on_exit
                .run_if(resource_exists::<PacedServer>.and_then(resource_exists::<RenetServer>)),
        );
}

/// The host's netcode transport, pacing each client on its own.
#[derive(Resource)]
pub struct PacedServer {
    socket: UdpSocket,
    netcode: NetcodeServer,
    buffer: Box<[u8; 1500]>,
    /// When each client was last sent packets.
    last_sent: HashMap<ClientId, Instant>,
    /// Clients to send to at this update: a message goes to them or came
    /// from them.
    urgent: HashSet<ClientId>,
    /// Packets handed to the socket, for the packet-rate test and the
    /// benchmark.
    pub packets_sent: u64,
}

impl PacedServer {
    /// A transport on `socket` (made non-blocking).
    pub fn new(config: ServerConfig, socket: UdpSocket) -> io::Result<PacedServer> {
        socket.set_nonblocking(true)?;
        Ok(PacedServer {
            socket,
            netcode: NetcodeServer::new(config),
            buffer: Box::new([0; 1500]),
            last_sent: HashMap::new(),
            urgent: HashSet::new(),
            packets_sent: 0,
        })
    }

    /// Reads what waits on the socket and hands it to renet.
    fn update(&mut self, delta: Duration, server: &mut RenetServer) -> io::Result<()> {
        self.netcode.update(delta);
        loop {
            match self.socket.recv_from(&mut self.buffer[..]) {
                Ok((len, addr)) => {
                    let result = self.netcode.process_packet(addr, &mut self.buffer[..len]);
                    handle(result, &self.socket, server, &mut self.packets_sent);
                }
                Err(e)
                    if matches!(
                        e.kind(),
                        io::ErrorKind::WouldBlock | io::ErrorKind::Interrupted
                    ) =>
                {
                    break;
                }
                // An earlier packet to a closed port (Windows reports it here).
                Err(e) if e.kind() == io::ErrorKind::ConnectionReset => continue,
                Err(e) => return Err(e),
            }
        }
        for client in self.netcode.clients_id() {
            let result = self.netcode.update_client(client);
            handle(result, &self.socket, server, &mut self.packets_sent);
        }
        for client in server.disconnections_id() {
            let result = self.netcode.disconnect(client);
            handle(result, &self.socket, server, &mut self.packets_sent);
            self.last_sent.remove(&client);
        }
        Ok(())
    }

    /// Sends to each client that has a message, sent one, or waited
    /// [`HOST_EVERY`].
    fn send(&mut self, server: &mut RenetServer, now: Instant) {
        let urgent = std::mem::take(&mut self.urgent);
        let clients = server.clients_id();
        // Clients gone (timed out, or let go) are forgotten.
        if self.last_sent.len() > clients.len() {
            let live: HashSet<ClientId> = clients.iter().copied().collect();
            self.last_sent.retain(|client, _| live.contains(client));
        }
        for client in clients {
            let due = urgent.contains(&client)
                || self
                    .last_sent
                    .get(&client)
                    .is_none_or(|last| now - *last >= HOST_EVERY);
            if !due {
                continue;
            }
            self.last_sent.insert(client, now);
            let Ok(packets) = server.get_packets_to_send(client) else {
                continue;
            };
            for packet in packets {
                match self.netcode.generate_payload_packet(client, &packet) {
                    Ok((addr, payload)) => {
                        if let Err(e) = self.socket.send_to(payload, addr) {
                            debug!("cannot send to client {client} ({addr}): {e}");
                            break;
                        }
                        self.packets_sent += 1;
                    }
                    Err(e) => {
                        debug!("cannot seal a packet for client {client}: {e}");
                        break;
                    }
                }
            }
        }
    }

    /// When the next client falls due.
    fn next_due(&self, now: Instant) -> Instant {
        self.last_sent
            .values()
            .map(|last| *last + HOST_EVERY)
            .min()
            .unwrap_or(now + HOST_EVERY)
    }
}

/// What netcode asks for after a packet in or a client's update.
fn handle(result: ServerResult, socket: &UdpSocket, server: &mut RenetServer, sent: &mut u64) {
    let mut send = |payload: &[u8], addr: SocketAddr| {
        if let Err(e) = socket.send_to(payload, addr) {
            debug!("cannot send to {addr}: {e}");
        } else {
            *sent += 1;
        }
    };
    match result {
        ServerResult::None => {}
        ServerResult::PacketToSend { payload, addr } => send(payload, addr),
        ServerResult::Payload { client_id, payload } => {
            if let Err(e) = server.process_packet_from(payload, client_id) {
                debug!("client {client_id}: unreadable packet: {e}");
            }
        }
        ServerResult::ClientConnected {
            client_id,
            addr,
            payload,
            ..
        } => {
            server.add_connection(client_id);
            send(payload, addr);
        }
        ServerResult::ClientDisconnected {
            client_id,
            addr,
            payload,
        } => {
            server.remove_connection(client_id);
            if let Some(payload) = payload {
                send(payload, addr);
            }
        }
    }
}

fn server_update(
    mut transport: ResMut<PacedServer>,
    mut server: ResMut<RenetServer>,
    time: Res<Time<Real>>,
) {
    if let Err(e) = transport.update(time.delta(), &mut server) {
        error!("the game socket failed: {e}");
    }
}

/// Clients whose messages came in at this update are answered at once.
fn server_heard(
    mut transport: ResMut<PacedServer>,
    messages: Res<ServerMessages>,
    channels: Res<RepliconChannels>,
    clients: Query<&NetworkId>,
) {
    for channel in 0..channels.client_channels().len() {
        for (entity, _) in messages.iter_received(channel) {
            if let Ok(id) = clients.get(entity) {
                transport.urgent.insert(id.get());
            }
        }
    }
}

/// Clients with a message going out at this update are sent to at once.
fn server_speaking(
    mut transport: ResMut<PacedServer>,
    messages: Res<ServerMessages>,
    clients: Query<&NetworkId>,
) {
    for (entity, _, _) in messages.iter_sent() {
        if let Ok(id) = clients.get(entity) {
            transport.urgent.insert(id.get());
        }
    }
}

fn server_send(
    mut transport: ResMut<PacedServer>,
    mut server: ResMut<RenetServer>,
    mut due: ResMut<SendDue>,
) {
    let now = Instant::now();
    transport.send(&mut server, now);
    due.0 = transport.next_due(now);
}

fn server_disconnect_on_exit(
    exits: MessageReader<AppExit>,
    mut transport: ResMut<PacedServer>,
    mut server: ResMut<RenetServer>,
) {
    if exits.is_empty() {
        return;
    }
    let transport = &mut *transport;
    for client in transport.netcode.clients_id() {
        let result = transport.netcode.disconnect(client);
        handle(
            result,
            &transport.socket,
            &mut server,
            &mut transport.packets_sent,
        );
    }
}

/// A client's pace: when it last sent, and whether it sends at this update.
#[derive(Resource)]
pub struct ClientPace {
    last_sent: Instant,
    urgent: bool,
    send_now: bool,
}

impl Default for ClientPace {
    fn default() -> ClientPace {
        ClientPace {
            last_sent: Instant::now(),
            urgent: true,
            send_now: true,
        }
    }
}

fn client_heard(
    mut pace: ResMut<ClientPace>,
    messages: Res<ClientMessages>,
    channels: Res<RepliconChannels>,
) {
    if (0..channels.server_channels().len()).any(|c| messages.received_count(c) > 0) {
        pace.urgent = true;
    }
}

fn client_speaking(mut pace: ResMut<ClientPace>, messages: Res<ClientMessages>) {
    if messages.iter_sent().len() > 0 {
        pace.urgent = true;
    }
}

/// Whether the client sends at this update: a message in or out, or its
/// period has passed.
fn client_decide(mut pace: ResMut<ClientPace>, mut due: ResMut<SendDue>) {
    let now = Instant::now();
    pace.send_now = pace.urgent || now - pace.last_sent >= CLIENT_EVERY;
    if pace.send_now {
        pace.urgent = false;
        pace.last_sent = now;
    }
    due.0 = pace.last_sent + CLIENT_EVERY;
}

/// The condition on renet's sending: a client sends when it decided to; the
/// host's transport paces itself.
fn client_send_due(pace: Res<ClientPace>, client: Option<Res<RenetClient>>) -> bool {
    client.is_none() || pace.send_now
}
