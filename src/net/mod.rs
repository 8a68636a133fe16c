//! The networked workshop: the host runs the engine, clients send commands
//! and draw their role's view. Built on bevy_replicon over renet's netcode
//! (UDP, encrypted, authenticated by connect tokens derived from the join
//! code). See docs/security.md for the threat model.

#[cfg(not(target_arch = "wasm32"))]
pub mod allowance;
pub mod client;
pub mod code;
pub mod delta;
#[cfg(not(target_arch = "wasm32"))]
pub mod door;
pub mod error;
#[cfg(not(target_arch = "wasm32"))]
pub mod host;
pub mod interfaces;
#[cfg(not(target_arch = "wasm32"))]
pub mod journal_path;
#[cfg(not(target_arch = "wasm32"))]
pub mod lite;
#[cfg(not(target_arch = "wasm32"))]
pub mod pace;
pub mod protocol;
#[cfg(not(target_arch = "wasm32"))]
pub mod room;
#[cfg(not(target_arch = "wasm32"))]
pub mod runner;
pub mod seal;
pub mod seats;
#[cfg(not(target_arch = "wasm32"))]
pub mod web;
#[cfg(target_arch = "wasm32")]
pub mod web_client;
pub mod words;
#[cfg(not(target_arch = "wasm32"))]
pub mod workshop;

use std::net::{IpAddr, Ipv4Addr, SocketAddr, UdpSocket};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

#[cfg(not(target_arch = "wasm32"))]
use bevy::prelude::*;
#[cfg(not(target_arch = "wasm32"))]
use bevy_replicon::bytes::Bytes;
#[cfg(not(target_arch = "wasm32"))]
use bevy_replicon::prelude::*;
#[cfg(not(target_arch = "wasm32"))]
use bevy_replicon::shared::message::ctx::{
    ClientReceiveCtx, ClientSendCtx, ServerReceiveCtx, ServerSendCtx,
};
#[cfg(not(target_arch = "wasm32"))]
use bevy_replicon_renet::RenetChannelsExt;
#[cfg(not(target_arch = "wasm32"))]
use bevy_replicon_renet::renet::ConnectionConfig;

#[cfg(not(target_arch = "wasm32"))]
use protocol::{MAX_MESSAGE, ToHost};
use protocol::{ToClient, decode, encode};

/// This build's version: hosts and clients of different versions do not mix.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The default game port; the door listens on the next one.
pub const DEFAULT_PORT: u16 = 5170;

/// Seconds without packets after which netcode drops a connection.
pub const TIMEOUT_SECONDS: i32 = 6;

#[cfg(not(target_arch = "wasm32"))]
/// A client's message as the host receives it: none if it was unreadable
/// or over [`MAX_MESSAGE`] bytes.
#[derive(Message, Clone, Debug)]
pub struct Up(pub Option<ToHost>);

#[cfg(not(target_arch = "wasm32"))]
/// A host's message to a client.
#[derive(Message, Clone, Debug)]
pub struct Down(pub ToClient);

/// The renet channel of a client's messages ([`Up`]) and of the host's
/// ([`Down`]), by number: the browser client, which has no replicon, names
/// them so (a test checks them against the app's registration).
#[cfg_attr(not(any(test, target_arch = "wasm32")), allow(dead_code))]
pub const UP_CHANNEL: u8 = 2;
/// See [`UP_CHANNEL`].
#[cfg_attr(not(any(test, target_arch = "wasm32")), allow(dead_code))]
pub const DOWN_CHANNEL: u8 = 3;

#[cfg(not(target_arch = "wasm32"))]
/// A second handle on the game socket, so that a window can wake up when
/// a packet arrives instead of polling (see `app::network`).
#[derive(Resource)]
pub struct Watched(pub UdpSocket);

/// netcode's protocol id: Faisceau and its version.
pub fn protocol_id() -> u64 {
    // FNV-1a over a fixed text: stable across builds and platforms.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in format!("faisceau {VERSION}").bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

#[cfg(not(target_arch = "wasm32"))]
/// Registers the messages, identically on host and clients.
pub fn shared(app: &mut App) {
    app.add_client_message_with(Channel::Ordered, serialize_up, deserialize_up)
        .add_server_message_with(Channel::Ordered, serialize_down, deserialize_down)
        .make_message_independent::<Down>();
    #[cfg(not(target_arch = "wasm32"))]
    app.add_plugins(pace::plugin);
    app.world_mut()
        .resource_mut::<ProtocolHasher>()
        .add_custom(VERSION);
}

#[cfg(not(target_arch = "wasm32"))]
fn serialize_up(_: &mut ClientSendCtx, up: &Up, bytes: &mut Vec<u8>) -> Result<()> {
    if let Some(message) = &up.0 {
        bytes.extend(encode(message));
    }
    Ok(())
}

#[cfg(not(target_arch = "wasm32"))]
fn deserialize_up(_: &mut ServerReceiveCtx, bytes: &mut Bytes) -> Result<Up> {
    let message = decode(bytes, MAX_MESSAGE);
    // The host answers and logs it within the sender's allowance.
    if message.is_none() {
        debug!(
            "dropped an unreadable or oversized message ({} bytes)",
            bytes.len()
        );
    }
    *bytes = Bytes::new();
    Ok(Up(message))
}

/// Bytes of host messages serialised (after compression), in this process.
pub static BYTES_SENT: AtomicU64 = AtomicU64::new(0);

/// Debrief messages sent without packing again: the table's package was
/// packed for the first of its people.
pub static DEBRIEFS_REUSED: AtomicU64 = AtomicU64::new(0);

/// Bytes of host messages received (before decompression), in this process.
pub static BYTES_RECEIVED: AtomicU64 = AtomicU64::new(0);

/// The largest a host message may grow when inflated.
const MAX_INFLATED: usize = 64 * 1024 * 1024;

/// A host message on the wire: a flag byte, then JSON, deflated when that
/// pays (a role's view shrinks to less than half).
pub fn pack(message: &ToClient) -> Vec<u8> {
    let json = encode(message);
    if json.len() < 512 {
        let mut bytes = Vec::with_capacity(json.len() + 1);
        bytes.push(0);
        bytes.extend(json);
        return bytes;
    }
    let mut bytes = vec![1];
    bytes.extend(miniz_oxide::deflate::compress_to_vec(&json, 1));
    bytes
}

/// Reads a host message from the wire.
pub fn unpack(bytes: &[u8]) -> Option<ToClient> {
    let (flag, body) = bytes.split_first()?;
    match flag {
        0 => decode(body, usize::MAX),
        1 => {
            let json =
                miniz_oxide::inflate::decompress_to_vec_with_limit(body, MAX_INFLATED).ok()?;
            decode(&json, usize::MAX)
        }
        _ => None,
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn serialize_down(_: &mut ServerSendCtx, down: &Down, bytes: &mut Vec<u8>) -> Result<()> {
    // The same lobby goes to every client: packed once.
    thread_local! {
        static LAST_LOBBY: std::cell::RefCell<Option<(protocol::Lobby, Vec<u8>)>> =
            const { std::cell::RefCell::new(None) };
    }
    // So does a table's debrief, the largest message, to everyone at it.
    thread_local! {
        static LAST_DEBRIEF: std::cell::RefCell<Option<(protocol::DebriefPackage, Vec<u8>)>> =
            const { std::cell::RefCell::new(None) };
    }
    let packed = match &down.0 {
        ToClient::Debrief(package) => LAST_DEBRIEF.with_borrow_mut(|last| match last {
            // Comparing is far cheaper than serialising and deflating again.
            Some((known, packed)) if known == package.as_ref() => {
                DEBRIEFS_REUSED.fetch_add(1, Ordering::Relaxed);
                packed.clone()
            }
            _ => {
                let packed = pack(&down.0);
                *last = Some((package.as_ref().clone(), packed.clone()));
                packed
            }
        }),
        ToClient::Lobby(lobby) => LAST_LOBBY.with_borrow_mut(|last| match last {
            Some((known, packed)) if known == lobby => packed.clone(),
            _ => {
                let packed = pack(&down.0);
                *last = Some((lobby.clone(), packed.clone()));
                packed
            }
        }),
        message => pack(message),
    };
    BYTES_SENT.fetch_add(packed.len() as u64, Ordering::Relaxed);
    bytes.extend(packed);
    Ok(())
}

#[cfg(not(target_arch = "wasm32"))]
fn deserialize_down(_: &mut ClientReceiveCtx, bytes: &mut Bytes) -> Result<Down> {
    BYTES_RECEIVED.fetch_add(bytes.len() as u64, Ordering::Relaxed);
    let message = unpack(bytes).ok_or("unreadable message from the host")?;
    *bytes = Bytes::new();
    Ok(Down(message))
}

#[cfg(not(target_arch = "wasm32"))]
/// Renet's channels for our registered messages.
pub fn connection_config(channels: &RepliconChannels) -> ConnectionConfig {
    ConnectionConfig {
        server_channels_config: channels.server_configs(),
        client_channels_config: channels.client_configs(),
        ..Default::default()
    }
}

/// Time since the Unix epoch, as netcode wants it.
pub fn now() -> Duration {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
}

#[cfg(not(target_arch = "wasm32"))]
/// The address this machine would use toward the outside, found by asking
/// the system for a route to a public address (nothing is sent); none on a
/// network without a way out.
fn routed_address() -> Option<Ipv4Addr> {
    let socket = UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0)).ok()?;
    socket.connect(("192.0.2.1", 9)).ok()?;
    match socket.local_addr().ok()?.ip() {
        IpAddr::V4(ip) if !ip.is_unspecified() => Some(ip),
        _ => None,
    }
}

#[cfg(not(target_arch = "wasm32"))]
/// The addresses a host can be joined at on `port`: each local network's
/// (the one toward the outside first), then loopback.
pub fn host_addresses(port: u16) -> Vec<SocketAddr> {
    let mut addresses: Vec<SocketAddr> = interfaces::lan_addresses(routed_address())
        .into_iter()
        .map(|ip| SocketAddr::new(ip.into(), port))
        .collect();
    let loopback = SocketAddr::new(Ipv4Addr::LOCALHOST.into(), port);
    if !addresses.contains(&loopback) {
        addresses.push(loopback);
    }
    addresses
}
#[cfg(test)]
mod tests;
