//! A client without Bevy's schedules: renet and netcode driven by hand, the
//! same [`Joined`] and [`BotPlayer`] as the app's client, the same wire. A
//! bot client that is a whole Bevy app costs the load benchmark more CPU
//! than the host it measures; this one costs a socket, a renet connection
//! and a view, so that 256 of them share one core.
//!
//! The wire is the app's own: the channels and the protocol hash are read
//! once from an app registered exactly as the host's ([`Wire::read`]).

use std::net::UdpSocket;
use std::rc::Rc;
use std::time::{Duration, Instant};

use bevy::prelude::*;
use bevy_replicon::prelude::*;
use bevy_replicon::shared::message::registry::RemoteMessageRegistry;
use bevy_replicon_renet::netcode::NetcodeClientTransport;
use bevy_replicon_renet::renet::{ConnectionConfig, RenetClient};

use super::client::{BotPlayer, Joined};
use super::error::NetError;
use super::pace::CLIENT_EVERY;
use super::protocol::encode;
use super::{Down, Up};

/// How the app's messages travel: renet's channels, the channel of each of
/// our messages, and the protocol hash replicon checks before it lets a
/// client's messages in.
pub struct Wire {
    config: ConnectionConfig,
    server_channels: u8,
    pub(crate) up: u8,
    pub(crate) down: u8,
    hash_channel: u8,
    hash: Vec<u8>,
}

impl Wire {
    /// Reads the wire from `app`, with replicon's plugins and our messages
    /// registered ([`super::shared`]) and not yet finished.
    pub fn of(mut app: App) -> Wire {
        app.finish();
        app.cleanup();
        let world = app.world();
        let channels = world.resource::<RepliconChannels>();
        let registry = world.resource::<RemoteMessageRegistry>();
        let channel = |c: Option<usize>| {
            c.and_then(|c| u8::try_from(c).ok())
                .expect("every message of the app is registered")
        };
        let mut hash = Vec::new();
        bevy_replicon::postcard_utils::to_extend_mut(world.resource::<ProtocolHash>(), &mut hash)
            .expect("a protocol hash serialises");
        Wire {
            config: super::connection_config(channels),
            server_channels: u8::try_from(channels.server_channels().len()).unwrap_or(u8::MAX),
            up: channel(registry.client_message_channel::<Up>()),
            down: channel(registry.server_message_channel::<Down>()),
            hash_channel: channel(registry.client_event_channel::<ProtocolHash>()),
            hash,
        }
    }
}

/// One client: its connection (while it has one), what it knows, and the
/// bot that plays it, if any.
pub struct LiteClient {
    wire: Rc<Wire>,
    /// What the client knows, as in the app.
    pub joined: Joined,
    /// The bot playing this client's seat.
    pub bot: Option<BotPlayer>,
    link: Option<(RenetClient, NetcodeClientTransport, UdpSocket)>,
    hash_sent: bool,
    updated: Instant,
    last_sent: Instant,
    urgent: bool,
    /// Bytes of host messages received by this client (before inflating).
    pub received_bytes: u64,
    /// Not connected before this time (a room of bots does not knock at once).
    start_at: Option<Instant>,
}

impl LiteClient {
    /// A client that connects at its first update from `at` on: people do
    /// not all press "Join" in the same millisecond.
    pub fn later(
        wire: Rc<Wire>,
        joined: Joined,
        bot: Option<BotPlayer>,
        at: Instant,
    ) -> LiteClient {
        let now = Instant::now();
        LiteClient {
            wire,
            joined,
            bot,
            link: None,
            hash_sent: false,
            updated: now,
            last_sent: now,
            urgent: true,
            received_bytes: 0,
            start_at: Some(at),
        }
    }

    fn open(&mut self) -> Result<(), NetError> {
        let (transport, watch) = super::client::transport(&self.joined.entry)?;
        let watch = watch.ok_or_else(|| NetError::Netcode("no socket to watch".into()))?;
        self.link = Some((RenetClient::new(self.wire.config.clone()), transport, watch));
        self.hash_sent = false;
        self.urgent = true;
        Ok(())
    }

    /// The socket to watch for this client's packets (none between two
    /// connections).
    pub fn socket(&self) -> Option<&UdpSocket> {
        self.link.as_ref().map(|(_, _, socket)| socket)
    }

    /// When this client next needs an update without a packet: its bot's
    /// pace, and its period for acknowledgements and keep-alives.
    pub fn due(&self) -> Instant {
        if let Some(at) = self.start_at {
            return at;
        }
        let send = self.last_sent + CLIENT_EVERY;
        let bot = self.bot.as_ref().and_then(BotPlayer::due);
        // Between two connections it tries again every two seconds.
        let retry = self
            .link
            .is_none()
            .then(|| self.updated + Duration::from_millis(500));
        [Some(send), bot, retry]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(send)
    }

    /// Reads what arrived, plays, and sends: one update of the app's client.
    pub fn update(&mut self) {
        let now = Instant::now();
        if let Some(at) = self.start_at {
            if now < at {
                return;
            }
            self.start_at = None;
            self.updated = now;
            if let Err(e) = self.open() {
                warn!("connecting: {e}");
            }
            return;
        }
        let delta = now - self.updated;
        self.updated = now;
        let Some((renet, transport, _)) = self.link.as_mut() else {
            if self.joined.retry_due()
                && let Err(e) = self.open()
            {
                warn!("reconnecting: {e}");
            }
            return;
        };
        renet.update(delta);
        if let Err(e) = transport.update(delta, renet) {
            debug!("netcode: {e}");
        }
        if renet.is_disconnected() {
            if self.joined.said_hello() {
                if let Some(reason) = transport.disconnect_reason() {
                    warn!("connection lost ({reason}); reconnecting");
                }
                self.joined.lose();
            }
            self.link = None;
            return;
        }
        if !renet.is_connected() {
            transport.send_packets(renet).ok();
            return;
        }
        if !self.hash_sent {
            renet.send_message(self.wire.hash_channel, self.wire.hash.clone());
            self.hash_sent = true;
            self.urgent = true;
        }
        for channel in 0..self.wire.server_channels {
            while let Some(bytes) = renet.receive_message(channel) {
                self.urgent = true;
                if channel != self.wire.down {
                    continue;
                }
                self.received_bytes += bytes.len() as u64;
                match super::unpack(&bytes) {
                    Some(message) => self.joined.take(message),
                    None => warn!("an unreadable message from the host"),
                }
            }
        }
        self.joined.received_bytes = self.received_bytes;
        let mut out = self.joined.greet();
        if let Some(bot) = self.bot.as_mut() {
            out.extend(bot.step(&mut self.joined));
        }
        for message in out {
            renet.send_message(self.wire.up, encode(&message));
            self.urgent = true;
        }
        if self.urgent || now - self.last_sent >= CLIENT_EVERY {
            if let Err(e) = transport.send_packets(renet) {
                debug!("netcode: {e}");
            }
            self.urgent = false;
            self.last_sent = now;
        }
    }

    /// Closes the connection, telling the host.
    pub fn disconnect(&mut self) {
        if let Some((_, transport, _)) = self.link.as_mut() {
            transport.disconnect();
        }
        self.link = None;
    }
}

/// Updates `clients` as their packets arrive and their timers fall due;
/// after each update `done(index, client)` says whether that client is
/// finished (it is then disconnected and left alone). Returns when every
/// client is, each with its result, in order.
pub fn run<T>(
    mut clients: Vec<LiteClient>,
    mut done: impl FnMut(usize, &LiteClient) -> Option<T>,
) -> Vec<(LiteClient, T)> {
    let mut results: Vec<Option<T>> = clients.iter().map(|_| None).collect();
    let mut ready = vec![true; clients.len()];
    loop {
        let now = Instant::now();
        for (i, ((client, result), ready)) in
            clients.iter_mut().zip(&mut results).zip(&ready).enumerate()
        {
            if result.is_some() || !(*ready || client.due() <= now) {
                continue;
            }
            client.update();
            if let Some(r) = done(i, client) {
                client.disconnect();
                *result = Some(r);
            }
        }
        let open: Vec<usize> = (0..clients.len())
            .filter(|&i| results[i].is_none())
            .collect();
        if open.is_empty() {
            break;
        }
        let next = open.iter().map(|&i| clients[i].due()).min().unwrap_or(now);
        let sockets: Vec<Option<&UdpSocket>> = open.iter().map(|&i| clients[i].socket()).collect();
        let readable =
            super::runner::wait_readable(&sockets, next.saturating_duration_since(Instant::now()));
        ready = vec![false; clients.len()];
        for (&i, readable) in open.iter().zip(readable) {
            ready[i] = readable;
        }
    }
    clients
        .into_iter()
        .zip(results)
        .map(|(client, result)| (client, result.expect("every client finished")))
        .collect()
}
