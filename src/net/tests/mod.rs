//! The network's promises, tested by topic: seats and refusals (the
//! workshop alone), secrecy (replicon's in-process apps and real sockets),
//! reconnection, and an insider's laptop. The helpers below are shared:
//! one workshop of the test case, one way to say hello and sit, one host
//! and client app of each kind.

use std::collections::HashSet;
use std::net::{SocketAddr, UdpSocket};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use bevy::ecs::system::RunSystemOnce;
use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use bevy_replicon::prelude::*;
use bevy_replicon::test_app::ServerTestAppExt;
use bevy_replicon_renet::RepliconRenetPlugins;
use faisceau_engine::session::Status;
use faisceau_engine::{Id, RoleCommand, TrainerCommand};

use super::client::{self, BotPlayer, Entry, Joined, Link};
use super::code::JoinCode;
use super::host::{self, Autopilot, Host};
use super::protocol::{Occupant, Refused, ToClient, ToHost, encode};
use super::workshop::{Seat, Setup, Workshop};

mod browser_frames;
mod insider;
mod lite;
mod reconnect;
mod seats;
mod secrecy;

fn scenario_text() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/scenarios/foyer_fugues.ron"
    ))
    .unwrap()
}

fn workshop(tables: usize, port: u16) -> Workshop {
    workshop_at(tables, port, None)
}

/// The test workshop, with its journal at `journal` if given.
fn workshop_at(tables: usize, port: u16, journal: Option<&std::path::Path>) -> Workshop {
    Workshop::new(Setup {
        name: "Atelier test".into(),
        code: JoinCode::parse("K7QX-M2PD").unwrap(),
        port,
        scenario_path: "scenarios/foyer_fugues.ron".into(),
        scenario_text: scenario_text(),
        tables,
        seed: 5,
        journal,
    })
    .unwrap()
}

fn refusal(out: &[(u64, ToClient)], to: u64) -> Option<Refused> {
    out.iter().find_map(|(k, m)| match m {
        ToClient::Refused(r) if *k == to => Some(r.clone()),
        _ => None,
    })
}

/// The seat token in the host's answer to a client.
fn token_for(out: &crate::net::workshop::Outbox, client: u64) -> Option<(u64, bool)> {
    out.iter().find_map(|(k, m)| match m {
        ToClient::Seated { token, back, .. } if *k == client => Some((*token, *back)),
        _ => None,
    })
}

/// The case's roles, in order.
fn role_ids(w: &Workshop) -> Vec<Id> {
    w.case()
        .scenario()
        .roles
        .iter()
        .map(|r| r.id.clone())
        .collect()
}

/// A client says hello with a name (no seat token).
fn hello(w: &mut Workshop, client: u64, name: &str) -> super::workshop::Outbox {
    w.receive(
        client,
        ToHost::Hello {
            name: name.into(),
            token: None,
        },
    )
}

/// A client connects, says hello and takes a role.
fn seated(
    w: &mut Workshop,
    client: u64,
    name: &str,
    table: usize,
    role: &Id,
) -> super::workshop::Outbox {
    w.connected(client);
    hello(w, client, name);
    w.receive(
        client,
        ToHost::Sit {
            table,
            role: role.clone(),
        },
    )
}

/// A server app and a client app joined by replicon's in-process test link.
fn in_process(workshop: Workshop) -> (App, App) {
    let mut server = App::new();
    let mut client = App::new();
    for app in [&mut server, &mut client] {
        app.add_plugins((
            MinimalPlugins,
            StatesPlugin,
            RepliconPlugins.set(ServerPlugin::new(PostUpdate)),
        ));
        super::shared(app);
    }
    server
        .insert_resource(Host::new(workshop, Duration::ZERO, None))
        .add_plugins(host::plugin);
    let entry = Entry {
        workshop: "Atelier test".into(),
        addr: "127.0.0.1:1".parse().unwrap(),
        addresses: Vec::new(),
        keys: JoinCode::parse("K7QX-M2PD").unwrap().keys(),
    };
    let mut joined = Joined::new(entry, "Inès".into(), None);
    joined.keep_received = true;
    client.insert_resource(joined).add_plugins(client::plugin);
    server.finish();
    client.finish();
    server.connect_client(&mut client);
    (server, client)
}

/// Sends the trainer's outbox through the host, as the console does.
fn flush(server: &mut App, pending: &mut Vec<(u64, ToClient)>) {
    if pending.is_empty() {
        return;
    }
    let outbox = std::mem::take(pending);
    server
        .world_mut()
        .run_system_once(
            move |mut host: ResMut<Host>, mut out: MessageWriter<ToClients<super::Down>>| {
                host.send(outbox.clone(), &mut out);
            },
        )
        .unwrap();
}

fn step(server: &mut App, client: &mut App) {
    server.update();
    server.exchange_with_client(client);
    client.update();
    server.exchange_with_client(client);
}

/// Relays UDP between a client and the host, keeping every datagram; while
/// `blackout` is set, everything is lost (a Wi-Fi drop). Each new client
/// address gets a fresh upstream socket, as behind a NAT.
fn relay(host: SocketAddr, blackout: Arc<AtomicBool>) -> (SocketAddr, Arc<Mutex<Vec<Vec<u8>>>>) {
    let socket = UdpSocket::bind("127.0.0.1:0").unwrap();
    let addr = socket.local_addr().unwrap();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let kept = seen.clone();
    std::thread::spawn(move || {
        socket
            .set_read_timeout(Some(Duration::from_millis(1)))
            .unwrap();
        let mut links: Vec<(SocketAddr, UdpSocket)> = Vec::new();
        let mut buffer = [0u8; 2048];
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(90) {
            let lost = blackout.load(Ordering::Relaxed);
            if let Ok((n, from)) = socket.recv_from(&mut buffer) {
                if !links.iter().any(|(a, _)| *a == from) {
                    let upstream = UdpSocket::bind("127.0.0.1:0").unwrap();
                    upstream.set_nonblocking(true).unwrap();
                    links.push((from, upstream));
                }
                if !lost {
                    kept.lock().unwrap().push(buffer[..n].to_vec());
                    let (_, upstream) = links.iter().find(|(a, _)| *a == from).unwrap();
                    let _ = upstream.send_to(&buffer[..n], host);
                }
            }
            for (client, upstream) in &links {
                while let Ok((n, _)) = upstream.recv_from(&mut buffer) {
                    if !lost {
                        kept.lock().unwrap().push(buffer[..n].to_vec());
                        let _ = socket.send_to(&buffer[..n], client);
                    }
                }
            }
        }
    });
    (addr, seen)
}

fn free_port_pair() -> u16 {
    for _ in 0..100 {
        let socket = UdpSocket::bind("127.0.0.1:0").unwrap();
        let port = socket.local_addr().unwrap().port();
        if port < 65_000 && UdpSocket::bind(("0.0.0.0", port + 1)).is_ok() {
            return port;
        }
    }
    panic!("no free port pair");
}

/// A host app listening on a free port; its autopilot gives free roles to
/// bots after half a second and starts the table.
fn real_host(port: u16) -> App {
    listening_host(Host::new(
        workshop(1, port),
        Duration::from_millis(200),
        Some(Autopilot {
            start_when_full: true,
            bots_after: Some(Duration::from_millis(1500)),
            advance_after: None,
            exit_after_end: None,
            max_duration: None,
        }),
    ))
}

/// The test code's knock at a real host on `port`: its address, and the entry.
fn entry_at(port: u16) -> (SocketAddr, Entry) {
    let host_addr: SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
    let entry = client::knock(
        host_addr,
        &JoinCode::parse("K7QX-M2PD").unwrap(),
        Duration::from_secs(4),
    )
    .unwrap();
    (host_addr, entry)
}

/// The id of the test case's role at `index`.
fn role_at(server: &App, index: usize) -> Id {
    server
        .world()
        .resource::<Host>()
        .workshop
        .case()
        .scenario()
        .roles[index]
        .id
        .clone()
}

/// An app trainee reads the lobby, takes `role` at the first table, as in
/// the window, and sees the table run.
fn sit_until_running(server: &mut App, client_app: &mut App, role: Id) {
    assert!(run_until(
        server,
        client_app,
        Duration::from_secs(20),
        |_, c| c.world().resource::<Joined>().lobby.is_some()
    ));
    client_app
        .world_mut()
        .write_message(client::Send(ToHost::Sit { table: 0, role }));
    assert!(
        run_until(server, client_app, Duration::from_secs(20), |_, c| {
            c.world()
                .resource::<Joined>()
                .view
                .as_ref()
                .is_some_and(|v| v.status == Status::Running)
        }),
        "seated, and the table runs"
    );
}

/// The app trainee writes a note; whether it comes back in their view in
/// time: the host received, judged, journaled and answered.
fn note_comes_back(server: &mut App, client_app: &mut App, text: &str) -> bool {
    client_app
        .world_mut()
        .write_message(client::Send(ToHost::Command(RoleCommand::Note {
            text: text.into(),
        })));
    run_until(server, client_app, Duration::from_secs(10), |_, c| {
        c.world()
            .resource::<Joined>()
            .view
            .as_ref()
            .is_some_and(|v| v.notes.iter().any(|(_, n)| n == text))
    })
}

/// A host app for `host`, listening on its workshop's port, updated once.
fn listening_host(host: Host) -> App {
    let mut server = App::new();
    server.add_plugins((
        MinimalPlugins,
        StatesPlugin,
        RepliconPlugins,
        RepliconRenetPlugins,
    ));
    super::shared(&mut server);
    server
        .insert_resource(host)
        .add_plugins((host::plugin, host::listen));
    server.finish();
    server.update();
    server
}

fn run_until(
    server: &mut App,
    client: &mut App,
    limit: Duration,
    done: impl Fn(&App, &App) -> bool,
) -> bool {
    let deadline = Instant::now() + limit;
    while Instant::now() < deadline {
        server.update();
        client.update();
        if done(server, client) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    false
}

/// A client app connected to `entry` over real sockets.
fn real_client(entry: &Entry, joined: Joined) -> App {
    let mut client_app = App::new();
    client_app.add_plugins((
        MinimalPlugins,
        StatesPlugin,
        RepliconPlugins,
        RepliconRenetPlugins,
    ));
    super::shared(&mut client_app);
    client_app
        .insert_resource(joined)
        .add_plugins(client::plugin);
    client_app.finish();
    let (renet, transport, _) =
        client::open(client_app.world().resource::<RepliconChannels>(), entry).unwrap();
    client_app.insert_resource(renet).insert_resource(transport);
    client_app
}
