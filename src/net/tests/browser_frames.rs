//! A browser that proved the code sends frames its page never sends: every
//! channel byte, any length, any payload. The host closes that connection
//! only; the table and its app trainee play on.

use std::io::ErrorKind;
use std::net::TcpStream;

use tungstenite::{Message, WebSocket};

use super::*;
use crate::net::seal::{self, PROOF, Seal, Side};

/// A scripted browser that proved the workshop's code, with its seal for
/// the frames it sends next.
fn browser(port: u16) -> (WebSocket<TcpStream>, Seal) {
    let keys = JoinCode::parse("K7QX-M2PD").unwrap().keys();
    let web_key = seal::web_key(&keys.netcode);
    let stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    let (mut socket, _) = tungstenite::client(format!("ws://127.0.0.1:{port}/ws"), stream).unwrap();
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
        panic!("no answer to the proof")
    };
    assert!(seal.open(&answer).is_some(), "the right code opens");
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
    let host_addr: SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
    let entry = client::knock(
        host_addr,
        &JoinCode::parse("K7QX-M2PD").unwrap(),
        Duration::from_secs(4),
    )
    .unwrap();
    let role = server
        .world()
        .resource::<Host>()
        .workshop
        .case()
        .scenario()
        .roles[1]
        .id
        .clone();
    let mut app_trainee = real_client(&entry, Joined::new(entry.clone(), "Inès".into(), None));
    assert!(run_until(
        &mut server,
        &mut app_trainee,
        Duration::from_secs(20),
        |_, c| c.world().resource::<Joined>().lobby.is_some()
    ));
    app_trainee
        .world_mut()
        .write_message(client::Send(ToHost::Sit { table: 0, role }));
    assert!(
        run_until(
            &mut server,
            &mut app_trainee,
            Duration::from_secs(20),
            |_, c| {
                c.world()
                    .resource::<Joined>()
                    .view
                    .as_ref()
                    .is_some_and(|v| v.status == Status::Running)
            }
        ),
        "Inès is seated and her table runs"
    );

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
    app_trainee
        .world_mut()
        .write_message(client::Send(ToHost::Command(RoleCommand::Note {
            text: "toujours là".into(),
        })));
    assert!(
        run_until(
            &mut server,
            &mut app_trainee,
            Duration::from_secs(10),
            |_, c| {
                c.world()
                    .resource::<Joined>()
                    .view
                    .as_ref()
                    .is_some_and(|v| v.notes.iter().any(|(_, n)| n == "toujours là"))
            }
        ),
        "the table plays on"
    );
    let _ = browser(port);
}
