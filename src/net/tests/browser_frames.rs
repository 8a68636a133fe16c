//! Browsers that proved the code and misbehave: one sends frames its page
//! never sends (every channel byte, any length, any payload), one stops
//! reading. The host closes that connection only; the tables and their app
//! trainee play on, to their end.

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
    let mut server = host_of_two(port);
    let (_, entry) = entry_at(port);
    let role = role_at(&server, 1);
    let mut app_trainee = real_client(&entry, Joined::new(entry.clone(), "Inès".into(), None));
    sit_until_running(&mut server, &mut app_trainee, role);
    // Inès plays through a view-bot (as `join --bot` does), so that the
    // table plays on while the frames come.
    app_trainee
        .insert_resource(BotPlayer::new(3, Duration::from_millis(100)))
        .add_systems(Update, client::play_bot);

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

    // The host is still there: a new browser still gets in, and the table
    // plays to its end.
    let _ = browser(port);
    assert!(
        run_until(
            &mut server,
            &mut app_trainee,
            Duration::from_secs(180),
            |_, c| { c.world().resource::<Joined>().debrief.is_some() }
        ),
        "the table plays to its end and Inès reads the debrief"
    );
}

/// A host of two tables whose autopilot gives free roles to bots, starts
/// full tables and moves an idle table on: tables play to their end.
fn host_of_two(port: u16) -> App {
    listening_host(Host::new(
        workshop(2, port),
        Duration::from_millis(100),
        Some(Autopilot {
            start_when_full: true,
            bots_after: Some(Duration::from_millis(1500)),
            advance_after: Some(Duration::from_secs(1)),
            exit_after_end: None,
            max_duration: None,
        }),
    ))
}

/// A message of the page's, as its replicon client sends it: the channel
/// replicon gave `ToHost`, then the message.
fn up(seal: &mut Seal, channel: usize, message: &ToHost) -> Message {
    Message::binary(seal.seal(&seal::message(channel, &encode(message))))
}

/// A scripted browser that proved the code, said its name and sat at
/// `role` of `table`, as the page does: our messages on the last client
/// channel, and no protocol hash (the host vouches for the page it served;
/// replicon would drop the messages of a client it has not authorised).
/// Its socket, its seal, and the channel of `ToHost`.
fn seated_browser(
    server: &mut App,
    port: u16,
    name: &str,
    table: usize,
    role: &Id,
) -> (WebSocket<TcpStream>, Seal, usize) {
    let channels = server
        .world()
        .resource::<RepliconChannels>()
        .client_channels()
        .len();
    assert_eq!(channels, 3, "acks, the protocol hash, ToHost");
    assert_eq!(channels - 1, usize::from(crate::net::UP_CHANNEL));
    let (mut socket, mut seal) = browser(port);
    for message in [
        ToHost::Hello {
            name: name.into(),
            token: None,
        },
        ToHost::Sit {
            table,
            role: role.clone(),
        },
    ] {
        socket.send(up(&mut seal, channels - 1, &message)).unwrap();
    }
    let started = Instant::now();
    let mut seated = false;
    while !seated && started.elapsed() < Duration::from_secs(10) {
        server.update();
        seated = server.world().resource::<Host>().workshop.tables[table]
            .seats
            .iter()
            .any(|seat| matches!(seat, Seat::Person { name: held, .. } if held == name));
    }
    assert!(seated, "the browser {name} sits at table {table}");
    (socket, seal, channels - 1)
}

/// Whether the stalled browser's seat at the second table waits for its
/// token: held in its name, with no connection.
fn waits_for_token(server: &App) -> bool {
    server.world().resource::<Host>().workshop.tables[1]
        .seats
        .iter()
        .any(|seat| matches!(seat, Seat::Person { name, client: None, .. } if name == "Téléphone"))
}

/// A browser that says who it is, sits at the second table, asks for its
/// whole view again and again and never reads what comes back (a phone gone
/// from the Wi-Fi, or a script): the host closes it, its seat waits for its
/// token, and the trainee at the first table hears back from every note.
#[test]
fn a_browser_that_stops_reading_is_closed_while_the_other_table_plays() {
    let port = free_port_pair();
    let mut server = host_of_two(port);
    let role = role_at(&server, 1);
    let (mut stalled, mut seal, channel) = seated_browser(&mut server, port, "Téléphone", 1, &role);
    // What it holds unread stays at what it has now (the system would grow
    // its buffer to megabytes on loopback).
    crate::net::web::set_option(
        stalled.get_ref(),
        libc::SOL_SOCKET,
        libc::SO_RCVBUF,
        64 * 1024,
    )
    .unwrap();
    let (_, entry) = entry_at(port);
    let mut app_trainee = real_client(&entry, Joined::new(entry.clone(), "Inès".into(), None));
    sit_until_running(&mut server, &mut app_trainee, role);

    // From now on it never reads. It asks for its whole view five times a
    // second (its allowance), while Inès writes a note every 200 ms.
    let started = Instant::now();
    let (mut notes, mut back) = (0, 0);
    let mut last_ask = Instant::now();
    loop {
        assert!(
            started.elapsed() < Duration::from_secs(90),
            "the stalled browser is still connected"
        );
        if last_ask.elapsed() > Duration::from_millis(200) {
            last_ask = Instant::now();
            if stalled
                .send(up(&mut seal, channel, &ToHost::WholeView))
                .is_err()
            {
                break;
            }
            notes += 1;
            if note_comes_back(&mut server, &mut app_trainee, &format!("note {notes}")) {
                back += 1;
            }
        }
        server.update();
        app_trainee.update();
        let gone = waits_for_token(&server);
        if gone {
            break;
        }
    }
    assert!(notes >= 3, "{notes} notes while the browser stalled");
    assert_eq!(
        back, notes,
        "every note came back while the browser stalled"
    );
    // Its seat waits for its token (its table may have ended meanwhile: the
    // bots play fast), and the first table plays on with Inès.
    assert!(
        waits_for_token(&server),
        "the browser's seat was given away"
    );
    assert!(note_comes_back(&mut server, &mut app_trainee, "après"));
}

/// What a table's answers cost beside a browser that stops reading, and
/// beside a browser that writes notes as fast as its allowance lets it, at
/// the other table: the time from Inès's note to its return in her view
/// (host and client in this process, over real sockets). A benchmark, not a
/// test: `cargo test -p faisceau --bin faisceau -- --ignored --nocapture
/// answers_beside` (figures in docs/benchmarks.md).
#[test]
#[ignore = "a benchmark; run it by name"]
fn answers_beside_a_stalled_browser_and_a_note_flood() {
    let mut rows = Vec::new();
    for beside in [
        "nobody",
        "a browser that stops reading",
        "a browser writing notes",
    ] {
        let port = free_port_pair();
        let mut server = host_of_two(port);
        let role = role_at(&server, 1);
        let mut other = (beside != "nobody").then(|| {
            let (socket, seal, channel) = seated_browser(&mut server, port, "Voisin", 1, &role);
            if beside.contains("stops") {
                crate::net::web::set_option(
                    socket.get_ref(),
                    libc::SOL_SOCKET,
                    libc::SO_RCVBUF,
                    64 * 1024,
                )
                .unwrap();
            }
            (socket, seal, channel)
        });
        let (_, entry) = entry_at(port);
        let mut app_trainee = real_client(&entry, Joined::new(entry.clone(), "Inès".into(), None));
        sit_until_running(&mut server, &mut app_trainee, role);
        let mut times = Vec::new();
        let mut last = Instant::now();
        let mut sent = 0;
        for i in 0..100 {
            // The neighbour between two of Inès's notes: a whole view asked,
            // or a note of 1,900 characters written, every 40 ms (the pace of
            // its allowance; past 100 notes, each is refused).
            while last.elapsed() < Duration::from_millis(200) {
                if let Some((socket, seal, channel)) = &mut other {
                    let message = if beside.contains("stops") {
                        ToHost::WholeView
                    } else {
                        ToHost::Command(RoleCommand::Note {
                            text: format!("{sent} {}", "x".repeat(1_900)),
                        })
                    };
                    if socket.send(up(seal, *channel, &message)).is_ok() {
                        sent += 1;
                    }
                    if beside.contains("notes") {
                        let _ = closed(socket);
                    }
                }
                server.update();
                app_trainee.update();
                std::thread::sleep(Duration::from_millis(40));
            }
            last = Instant::now();
            let asked = Instant::now();
            assert!(note_comes_back(
                &mut server,
                &mut app_trainee,
                &format!("mesure {i}")
            ));
            times.push(asked.elapsed());
        }
        times.sort();
        let at = |q: f64| times[((times.len() - 1) as f64 * q) as usize].as_secs_f64() * 1000.0;
        rows.push(format!(
            "| {beside} | {} | {:.1} ms | {:.1} ms | {:.1} ms |",
            times.len(),
            at(0.5),
            at(0.99),
            at(1.0)
        ));
    }
    println!("| beside the table | notes | p50 | p99 | max |\n| --- | --- | --- | --- | --- |");
    for row in rows {
        println!("{row}");
    }
}
