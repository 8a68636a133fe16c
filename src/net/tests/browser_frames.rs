//! A browser that proved the code sends frames its page never sends: every
//! channel byte, any length, any payload. The host closes that connection
//! only; the table and its app trainee play on.

use std::io::ErrorKind;
use std::net::TcpStream;

use tungstenite::{Message, WebSocket};

use super::*;
use crate::net::seal::{self, Seal};

/// A scripted browser that proved the workshop's code, with its seal for
/// the frames it sends next.
fn browser(port: u16) -> (WebSocket<TcpStream>, Seal) {
    let keys = JoinCode::parse("K7QX-M2PD").unwrap().keys();
    let (socket, _, seal) = crate::net::web::tests::prove(port, seal::web_key(&keys.netcode));
    let seal = seal.expect("the right code opens");
    socket
        .get_ref()
        .set_read_timeout(Some(Duration::from_millis(5)))
        .unwrap();
    (socket, seal)
}

/// Whether the host has closed the connection (a close frame, or the socket
/// ended); frames it sends meanwhile are read and dropped.
fn closed(socket: &mut WebSocket<TcpStream>) -> bool {
    loop {
        match socket.read() {
            Ok(Message::Close(_)) => return true,
            Ok(_) => {}
            Err(tungstenite::Error::Io(e))
                if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) =>
            {
                return false;
            }
            Err(_) => return true,
        }
    }
}

#[test]
fn a_browser_frame_on_any_channel_closes_that_browser_only() {
    let port = free_port_pair();
    let mut server = real_host(port);
    let (_, entry) = entry_at(port);
    let role = role_at(&server, 1);
    let mut app_trainee = real_client(&entry, Joined::new(entry.clone(), "Inès".into(), None));
    sit_until_running(&mut server, &mut app_trainee, role);

    // Every channel byte, each with a payload of any length and content.
    let channels = server
        .world()
        .resource::<RepliconChannels>()
        .client_channels()
        .len();
    // A small xorshift: any length up to 2 KB, any bytes, the same each run.
    let mut state: u64 = 0x2400_0000_0000_0024;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for channel in 0..=u8::MAX {
        let (mut socket, mut seal) = browser(port);
        let length = (next() % 2_000) as usize;
        let payload: Vec<u8> = (0..length).map(|_| next() as u8).collect();
        let mut plain = vec![channel];
        plain.extend(&payload);
        socket.send(Message::binary(seal.seal(&plain))).unwrap();
        let started = Instant::now();
        let mut shut = false;
        while started.elapsed() < Duration::from_secs(5) {
            server.update();
            app_trainee.update();
            if closed(&mut socket) {
                shut = true;
                break;
            }
            if usize::from(channel) < channels && started.elapsed() > Duration::from_millis(60) {
                break;
            }
        }
        if usize::from(channel) >= channels {
            assert!(shut, "a frame on channel {channel} closes its connection");
        }
        let _ = socket.close(None);
    }
    // An empty sealed frame names no channel at all.
    let (mut socket, mut seal) = browser(port);
    socket.send(Message::binary(seal.seal(&[]))).unwrap();
    let started = Instant::now();
    while !closed(&mut socket) && started.elapsed() < Duration::from_secs(5) {
        server.update();
    }
    assert!(closed(&mut socket), "an empty frame closes its connection");

    // The host is still there: Inès writes a note and reads it back, and a
    // new browser still gets in.
    assert!(
        note_comes_back(&mut server, &mut app_trainee, "toujours là"),
        "the table plays on"
    );
    let _ = browser(port);
}
