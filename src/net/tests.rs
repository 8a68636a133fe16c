//! The network's promises, tested: seats and refusals (the workshop alone),
//! secrecy through replicon's in-process server and client apps, and
//! encryption over real sockets.

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

fn scenario_text() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/scenarios/foyer_fugues.ron"
    ))
    .unwrap()
}

fn workshop(tables: usize, port: u16) -> Workshop {
    Workshop::new(Setup {
        name: "Atelier test".into(),
        code: JoinCode::parse("K7QX-M2PD").unwrap(),
        port,
        scenario_path: "scenarios/foyer_fugues.ron".into(),
        scenario_text: scenario_text(),
        tables,
        seed: 5,
        journal: None,
    })
    .unwrap()
}

fn refusal(out: &[(u64, ToClient)], to: u64) -> Option<Refused> {
    out.iter().find_map(|(k, m)| match m {
        ToClient::Refused(r) if *k == to => Some(r.clone()),
        _ => None,
    })
}

#[test]
fn a_hello_that_overtakes_the_connection_notice_is_kept() {
    // A browser's hello can arrive in the same update as its protocol
    // check, before the host hears it is connected (seen in the browser test).
    let mut w = workshop(1, 0);
    let role = w.case().scenario().roles[0].id.clone();
    let out = w.receive(
        7,
        ToHost::Hello {
            name: "Inès".into(),
            token: None,
        },
    );
    assert!(
        out.iter()
            .any(|(k, m)| *k == 7 && matches!(m, ToClient::Lobby(_)))
    );
    w.connected(7);
    let out = w.receive(7, ToHost::Sit { table: 0, role });
    assert_eq!(refusal(&out, 7), None);
    assert!(
        out.iter()
            .any(|(k, m)| *k == 7 && matches!(m, ToClient::Seated { .. }))
    );
}

#[test]
fn seats_are_taken_once_and_refusals_are_told() {
    let mut w = workshop(2, 0);
    let roles: Vec<Id> = w
        .case()
        .scenario()
        .roles
        .iter()
        .map(|r| r.id.clone())
        .collect();
    w.connected(1);
    w.connected(2);
    assert_eq!(
        refusal(
            &w.receive(
                1,
                ToHost::Sit {
                    table: 0,
                    role: roles[0].clone()
                }
            ),
            1
        ),
        Some(Refused::NoName)
    );
    assert_eq!(
        refusal(
            &w.receive(
                1,
                ToHost::Hello {
                    name: "  ".into(),
                    token: None
                }
            ),
            1
        ),
        Some(Refused::BadName)
    );
    let out = w.receive(
        1,
        ToHost::Hello {
            name: "Inès".into(),
            token: None,
        },
    );
    assert!(
        out.iter()
            .any(|(k, m)| *k == 1 && matches!(m, ToClient::Lobby(_)))
    );
    assert_eq!(
        refusal(
            &w.receive(
                2,
                ToHost::Hello {
                    name: "Inès".into(),
                    token: None,
                }
            ),
            2
        ),
        Some(Refused::NameInUse)
    );
    w.receive(
        2,
        ToHost::Hello {
            name: "Marc".into(),
            token: None,
        },
    );

    let out = w.receive(
        1,
        ToHost::Sit {
            table: 0,
            role: roles[0].clone(),
        },
    );
    assert!(
        out.iter()
            .any(|(k, m)| *k == 1 && matches!(m, ToClient::Seated { table: 0, .. }))
    );
    assert!(
        out.iter()
            .any(|(k, m)| *k == 1 && matches!(m, ToClient::View(_)))
    );
    // Marc sees Inès on the role in his lobby, and cannot take it.
    assert!(out.iter().any(|(k, m)| *k == 2
        && matches!(m, ToClient::Lobby(l) if l.tables[0].seats[0].occupant == Occupant::Person { name: "Inès".into(), connected: true })));
    assert_eq!(
        refusal(
            &w.receive(
                2,
                ToHost::Sit {
                    table: 0,
                    role: roles[0].clone()
                }
            ),
            2
        ),
        Some(Refused::RoleTaken { by: "Inès".into() })
    );
    assert_eq!(
        refusal(
            &w.receive(
                2,
                ToHost::Sit {
                    table: 7,
                    role: roles[0].clone()
                }
            ),
            2
        ),
        Some(Refused::NoSuchTable)
    );
    assert_eq!(
        refusal(
            &w.receive(
                2,
                ToHost::Sit {
                    table: 0,
                    role: Id::from("astronaute")
                }
            ),
            2
        ),
        Some(Refused::NoSuchRole)
    );
    // A command without a seat goes nowhere.
    assert_eq!(
        refusal(
            &w.receive(2, ToHost::Command(RoleCommand::Note { text: "x".into() })),
            2
        ),
        Some(Refused::NotSeated)
    );
    // Table 1 filled by bots: full.
    w.fill_with_bots(1);
    assert_eq!(
        refusal(
            &w.receive(
                2,
                ToHost::Sit {
                    table: 1,
                    role: roles[1].clone()
                }
            ),
            2
        ),
        Some(Refused::TableFull)
    );
    // Once the table runs, roles no longer change hands.
    w.receive(
        2,
        ToHost::Sit {
            table: 0,
            role: roles[1].clone(),
        },
    );
    w.direct(0, TrainerCommand::Start).unwrap();
    assert_eq!(
        refusal(&w.receive(2, ToHost::Stand), 2),
        Some(Refused::TableStarted)
    );
}

#[test]
fn a_command_acts_for_the_senders_role_only() {
    let mut w = workshop(1, 0);
    let roles: Vec<Id> = w
        .case()
        .scenario()
        .roles
        .iter()
        .map(|r| r.id.clone())
        .collect();
    w.connected(1);
    w.receive(
        1,
        ToHost::Hello {
            name: "Inès".into(),
            token: None,
        },
    );
    w.receive(
        1,
        ToHost::Sit {
            table: 0,
            role: roles[0].clone(),
        },
    );
    w.direct(0, TrainerCommand::Start).unwrap();
    // An action that belongs to another role is refused, in both languages.
    let foreign = w
        .case()
        .scenario()
        .actions
        .iter()
        .find(|a| !a.by.contains(&roles[0]))
        .unwrap()
        .id
        .clone();
    let out = w.receive(
        1,
        ToHost::Command(RoleCommand::TakeAction { action: foreign }),
    );
    // The refusal travels as data; the client words it in its own language.
    assert!(matches!(
        &out[..],
        [(
            1,
            ToClient::CommandRefused(faisceau_engine::Refusal::NotYourAction)
        )]
    ));
    // Its own note lands in its own notes.
    let desk = |w: &Workshop| {
        serde_json::to_value(w.tables[0].session.view(roles[0].as_str()).unwrap()).unwrap()
    };
    let mut held = desk(&w);
    let out = w.receive(
        1,
        ToHost::Command(RoleCommand::Note {
            text: "vu au foyer".into(),
        }),
    );
    // It travels as a change to the desk already sent, which it completes.
    let change = out
        .iter()
        .find_map(|(k, m)| match m {
            ToClient::ViewChange(c) if *k == 1 => Some(c),
            _ => None,
        })
        .expect("the note travels as a change");
    assert!(encode(change).len() < 1024);
    super::delta::apply(&mut held, change).unwrap();
    assert_eq!(held, desk(&w));
    let view: faisceau_engine::RoleView = serde_json::from_value(held).unwrap();
    assert_eq!(view.role.id, roles[0]);
    assert!(view.notes.iter().any(|(_, n)| n == "vu au foyer"));
}

/// The seat token in the host's answer to a client.
fn token_for(out: &crate::net::workshop::Outbox, client: u64) -> Option<(u64, bool)> {
    out.iter().find_map(|(k, m)| match m {
        ToClient::Seated { token, back, .. } if *k == client => Some((*token, *back)),
        _ => None,
    })
}

#[test]
fn a_dropped_person_gets_their_seat_back_with_its_token_not_with_the_name() {
    let mut w = workshop(1, 0);
    let roles: Vec<Id> = w
        .case()
        .scenario()
        .roles
        .iter()
        .map(|r| r.id.clone())
        .collect();
    w.connected(1);
    w.receive(
        1,
        ToHost::Hello {
            name: "Inès".into(),
            token: None,
        },
    );
    let out = w.receive(
        1,
        ToHost::Sit {
            table: 0,
            role: roles[2].clone(),
        },
    );
    let (token, back) = token_for(&out, 1).expect("seated with a token");
    assert!(!back);
    w.disconnected(1);
    assert_eq!(
        w.disconnected_people(),
        vec![(0, roles[2].clone(), "Inès".to_owned())]
    );
    assert!(matches!(
        &w.tables[0].seats[2],
        Seat::Person { name, client: None, token: t } if name == "Inès" && *t == token
    ));
    // Her name alone, from another computer, does not take the seat: she is
    // told it waits for her, and the trainer reseats her.
    w.connected(9);
    let out = w.receive(
        9,
        ToHost::Hello {
            name: "Inès".into(),
            token: Some(token ^ 1),
        },
    );
    assert_eq!(token_for(&out, 9), None);
    assert!(out.iter().any(|(k, m)| *k == 9
        && matches!(m, ToClient::Refused(Refused::SeatHeld { table: 0, role }) if *role == roles[2])));
    w.disconnected(9);
    // With the token she is back at once, on the desk, with her view.
    w.connected(10);
    let out = w.receive(
        10,
        ToHost::Hello {
            name: "Inès".into(),
            token: Some(token),
        },
    );
    assert_eq!(token_for(&out, 10), Some((token, true)));
    assert!(
        out.iter()
            .any(|(k, m)| *k == 10 && matches!(m, ToClient::View(v) if v.role.id == roles[2]))
    );
    assert!(w.disconnected_people().is_empty());
    // Coming back while the old connection has not timed out: the token
    // wins, and the old connection no longer speaks for the seat.
    w.connected(11);
    let out = w.receive(
        11,
        ToHost::Hello {
            name: "Inès".into(),
            token: Some(token),
        },
    );
    assert_eq!(token_for(&out, 11), Some((token, true)));
    let refused = w.receive(
        10,
        ToHost::Command(faisceau_engine::RoleCommand::Note {
            text: "ancienne connexion".into(),
        }),
    );
    assert!(
        refused
            .iter()
            .any(|(k, m)| *k == 10 && matches!(m, ToClient::Refused(Refused::NotSeated)))
    );
    // Someone else with her name but no token is not seated.
    w.connected(12);
    let out = w.receive(
        12,
        ToHost::Hello {
            name: "Inès".into(),
            token: None,
        },
    );
    assert!(
        out.iter()
            .any(|(k, m)| *k == 12 && matches!(m, ToClient::Refused(Refused::NameInUse)))
    );
}

#[test]
fn the_trainer_reseats_a_person_whose_laptop_died_and_the_old_token_stops_working() {
    let mut w = workshop(1, 0);
    let role = w.case().scenario().roles[1].id.clone();
    w.connected(1);
    w.receive(
        1,
        ToHost::Hello {
            name: "Marc".into(),
            token: None,
        },
    );
    let out = w.receive(
        1,
        ToHost::Sit {
            table: 0,
            role: role.clone(),
        },
    );
    let (old, _) = token_for(&out, 1).unwrap();
    w.disconnected(1);
    // A new laptop, no token: in the lobby, told the seat waits.
    w.connected(2);
    w.receive(
        2,
        ToHost::Hello {
            name: "Marc".into(),
            token: None,
        },
    );
    let out = w
        .assign(0, role.as_str(), Seat::person("Marc".into(), Some(2)))
        .unwrap();
    let (new, _) = token_for(&out, 2).expect("reseated with a new token");
    assert_ne!(new, old);
    assert!(
        out.iter()
            .any(|(k, m)| *k == 2 && matches!(m, ToClient::View(v) if v.role.id == role))
    );
}

#[test]
fn a_resumed_workshop_is_the_same_workshop() {
    let dir = std::env::temp_dir().join(format!("faisceau-resume-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("w.journal");
    let mut w = Workshop::new(Setup {
        name: "Atelier".into(),
        code: JoinCode::parse("K7QX-M2PD").unwrap(),
        port: 5170,
        scenario_path: "foyer_fugues.ron".into(),
        scenario_text: scenario_text(),
        tables: 2,
        seed: 5,
        journal: Some(&path),
    })
    .unwrap();
    let roles: Vec<Id> = w
        .case()
        .scenario()
        .roles
        .iter()
        .map(|r| r.id.clone())
        .collect();
    w.connected(1);
    w.receive(
        1,
        ToHost::Hello {
            name: "Inès".into(),
            token: None,
        },
    );
    w.receive(
        1,
        ToHost::Sit {
            table: 1,
            role: roles[1].clone(),
        },
    );
    w.fill_with_bots(1);
    w.direct(1, TrainerCommand::Start).unwrap();
    for _ in 0..30 {
        w.bots_step();
    }
    w.receive(
        1,
        ToHost::Command(RoleCommand::Note {
            text: "à revoir".into(),
        }),
    );
    let before: Vec<_> = w.tables.iter().map(|t| t.session.trainer_view()).collect();
    drop(w);

    let mut resumed = Workshop::resume(&path).unwrap();
    let after: Vec<_> = resumed
        .tables
        .iter()
        .map(|t| t.session.trainer_view())
        .collect();
    assert_eq!(before, after);
    assert_eq!(resumed.code.as_str(), "K7QXM2PD");
    assert_eq!(
        resumed.disconnected_people(),
        vec![(1, roles[1].clone(), "Inès".to_owned())]
    );
    assert!(
        resumed.tables[1]
            .seats
            .iter()
            .filter(|s| **s == Seat::Bot)
            .count()
            == roles.len() - 1
    );
    // The bots carry on where they were.
    let events = resumed.tables[1].session.events().len();
    for _ in 0..10 {
        resumed.bots_step();
    }
    assert!(resumed.tables[1].session.events().len() > events);
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

#[test]
fn a_client_never_receives_what_its_role_does_not_know() {
    let (mut server, mut client) = in_process(workshop(1, 0));
    let case = server.world().resource::<Host>().workshop.case().clone();
    let me = case.scenario().roles[0].id.clone();
    for _ in 0..5 {
        step(&mut server, &mut client);
    }
    assert_eq!(client.world().resource::<Joined>().link, Link::Connected);
    client.world_mut().write_message(client::Send(ToHost::Sit {
        table: 0,
        role: me.clone(),
    }));
    for _ in 0..5 {
        step(&mut server, &mut client);
    }
    assert_eq!(
        client.world().resource::<Joined>().seat,
        Some((0, me.clone()))
    );
    {
        let mut host = server.world_mut().resource_mut::<Host>();
        host.workshop.fill_with_bots(0);
        host.workshop.direct(0, TrainerCommand::Start).unwrap();
    }
    // The bots play, the person plays with the view-bot policy, phase after phase.
    client.insert_resource(BotPlayer::new(1, Duration::ZERO));
    client.add_systems(Update, client::play_bot);
    let mut idle = 0;
    let mut last_events = 0;
    let mut pending = Vec::new();
    for _ in 0..20_000 {
        flush(&mut server, &mut pending);
        step(&mut server, &mut client);
        // The host's bots step on every update (pace zero); the trainer moves
        // the phase on when the table has been quiet for a while.
        let mut host = server.world_mut().resource_mut::<Host>();
        let events = host.workshop.tables[0].session.events().len();
        if host.workshop.tables[0].session.state().status == Status::Ended {
            break;
        }
        idle = if events == last_events { idle + 1 } else { 0 };
        last_events = events;
        if idle > 30 {
            idle = 0;
            let outbox = host
                .workshop
                .direct(0, TrainerCommand::NextPhase)
                .unwrap_or_default();
            let mut writer = Vec::new();
            writer.extend(outbox);
            pending.extend(writer);
        }
    }
    flush(&mut server, &mut pending);
    for _ in 0..10 {
        step(&mut server, &mut client);
    }
    let joined = client.world().resource::<Joined>();
    assert!(
        joined.debrief.is_some(),
        "the table ended and the debrief arrived"
    );
    let during: Vec<&ToClient> = joined
        .received
        .iter()
        .take_while(|m| !matches!(m, ToClient::Debrief(_)))
        .collect();
    // The desk as rebuilt from a whole view and the changes that followed.
    let last_view = joined.view.as_ref().unwrap();
    assert!(
        during.iter().any(|m| matches!(m, ToClient::ViewChange(_))),
        "views travel as changes after the first"
    );
    let known: HashSet<&Id> = last_view.clues.iter().map(|c| &c.id).collect();
    assert!(known.len() >= 3, "the role learned things");
    let wire: String = during
        .iter()
        .map(|m| String::from_utf8(encode(m)).unwrap())
        .collect();
    let mut unknown = 0;
    for clue in &case.scenario().clues {
        if known.contains(&clue.id) {
            assert!(wire.contains(&format!("\"{}\"", clue.id)));
            continue;
        }
        unknown += 1;
        assert!(
            !wire.contains(&format!("\"{}\"", clue.id)),
            "clue id {} reached the client",
            clue.id
        );
        assert!(
            !wire.contains(clue.text.get("fr")),
            "clue text of {} reached the client",
            clue.id
        );
        assert!(
            !wire.contains(clue.text.get("en")),
            "clue text of {} reached the client",
            clue.id
        );
    }
    assert!(
        unknown >= 3,
        "some clues stayed out of this role's reach ({unknown})"
    );
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

#[test]
fn over_real_sockets_a_clue_never_travels_in_clear() {
    let port = free_port_pair();
    let mut server = real_host(port);

    // The wrong code is refused at the door, in words.
    let host_addr: SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
    let started = Instant::now();
    let wrong = client::knock(
        host_addr,
        &JoinCode::parse("K7QX-M2PE").unwrap(),
        Duration::from_secs(4),
    );
    assert!(
        matches!(wrong, Err(client::JoinError::WrongCode)),
        "{wrong:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(5));

    let mut entry = client::knock(
        host_addr,
        &JoinCode::parse("K7QX-M2PD").unwrap(),
        Duration::from_secs(4),
    )
    .unwrap();
    let (relay_addr, captured) = relay(host_addr, Arc::new(AtomicBool::new(false)));
    entry.addr = relay_addr;
    let role = server
        .world()
        .resource::<Host>()
        .workshop
        .case()
        .scenario()
        .roles[0]
        .id
        .clone();
    let mut client_app = real_client(
        &entry,
        Joined::new(entry.clone(), "Inès".into(), Some((0, Some(role)))),
    );
    client_app
        .insert_resource(BotPlayer::new(2, Duration::from_millis(1)))
        .add_systems(Update, client::play_bot);
    let deadline = Instant::now() + Duration::from_secs(40);
    while Instant::now() < deadline {
        server.update();
        client_app.update();
        std::thread::sleep(Duration::from_millis(2));
        let joined = client_app.world().resource::<Joined>();
        if joined
            .view
            .as_ref()
            .is_some_and(|v| v.clues.len() >= 4 && v.status == Status::Running)
        {
            break;
        }
    }
    let joined = client_app.world().resource::<Joined>();
    let view = joined
        .view
        .clone()
        .expect("the view arrived through the relay");
    assert!(
        view.clues.len() >= 4,
        "the role learned clues: {}",
        view.clues.len()
    );
    let bytes = captured.lock().unwrap().concat();
    assert!(
        bytes.len() > 10_000,
        "the relay saw the traffic ({} bytes)",
        bytes.len()
    );
    for clue in &view.clues {
        for text in [clue.text.get("fr"), clue.text.get("en")] {
            let probe = &text.as_bytes()[..text.len().min(24)];
            assert!(
                !bytes.windows(probe.len()).any(|w| w == probe),
                "clue {} travelled in clear",
                clue.id
            );
        }
        assert!(
            !bytes
                .windows(clue.id.as_str().len())
                .any(|w| w == clue.id.as_str().as_bytes())
        );
    }
}

#[test]
fn host_messages_are_packed_small_and_unpacked_whole() {
    let mut w = workshop(1, 0);
    let role = w.case().scenario().roles[0].id.clone();
    w.connected(1);
    w.receive(
        1,
        ToHost::Hello {
            name: "Inès".into(),
            token: None,
        },
    );
    let out = w.receive(1, ToHost::Sit { table: 0, role });
    let view = out
        .into_iter()
        .find(|(_, m)| matches!(m, ToClient::View(_)))
        .unwrap()
        .1;
    let packed = super::pack(&view);
    let json = encode(&view);
    assert!(
        packed.len() * 2 < json.len(),
        "{} packed vs {} JSON",
        packed.len(),
        json.len()
    );
    assert_eq!(super::unpack(&packed), Some(view));
    let small = ToClient::Refused(Refused::NotSeated);
    assert_eq!(
        super::pack(&small)[0],
        0,
        "small messages travel as they are"
    );
    assert_eq!(super::unpack(&super::pack(&small)), Some(small));
    for garbage in [
        &[][..],
        &[7, 1, 2][..],
        &[1, 0xff, 0xfe][..],
        &[0, b'{'][..],
    ] {
        assert_eq!(super::unpack(garbage), None);
    }
}

/// A host app listening on a free port; its autopilot gives free roles to
/// bots after half a second and starts the table.
fn real_host(port: u16) -> App {
    let mut server = App::new();
    server.add_plugins((
        MinimalPlugins,
        StatesPlugin,
        RepliconPlugins,
        RepliconRenetPlugins,
    ));
    super::shared(&mut server);
    server
        .insert_resource(Host::new(
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

#[test]
fn a_client_whose_network_drops_rejoins_its_role_with_everything() {
    let port = free_port_pair();
    let mut server = real_host(port);
    let host_addr: SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
    let mut entry = client::knock(
        host_addr,
        &JoinCode::parse("K7QX-M2PD").unwrap(),
        Duration::from_secs(4),
    )
    .unwrap();
    let blackout = Arc::new(AtomicBool::new(false));
    let (relay_addr, _) = relay(host_addr, blackout.clone());
    entry.addr = relay_addr;
    let role = server
        .world()
        .resource::<Host>()
        .workshop
        .case()
        .scenario()
        .roles[1]
        .id
        .clone();

    let mut client_app = real_client(&entry, Joined::new(entry.clone(), "Inès".into(), None));

    // Inès reads the lobby, then takes her role, as in the window.
    assert!(run_until(
        &mut server,
        &mut client_app,
        Duration::from_secs(20),
        |_, c| { c.world().resource::<Joined>().lobby.is_some() }
    ));
    client_app
        .world_mut()
        .write_message(client::Send(ToHost::Sit {
            table: 0,
            role: role.clone(),
        }));
    assert!(
        run_until(
            &mut server,
            &mut client_app,
            Duration::from_secs(20),
            |_, c| {
                c.world()
                    .resource::<Joined>()
                    .view
                    .as_ref()
                    .is_some_and(|v| v.status == Status::Running)
            }
        ),
        "seated, and the table runs"
    );
    client_app
        .world_mut()
        .write_message(client::Send(ToHost::Command(RoleCommand::Note {
            text: "avant la coupure".into(),
        })));
    assert!(run_until(
        &mut server,
        &mut client_app,
        Duration::from_secs(10),
        |_, c| {
            c.world()
                .resource::<Joined>()
                .view
                .as_ref()
                .is_some_and(|v| v.notes.iter().any(|(_, n)| n == "avant la coupure"))
        }
    ));

    // The Wi-Fi drops long enough for both sides to give the connection up.
    blackout.store(true, Ordering::Relaxed);
    assert!(
        run_until(
            &mut server,
            &mut client_app,
            Duration::from_secs(20),
            |s, c| {
                let gone = s.world().resource::<Host>().workshop.disconnected_people();
                gone.iter().any(|(_, _, name)| name == "Inès")
                    && c.world().resource::<Joined>().link == Link::Lost
            }
        ),
        "the host shows Inès disconnected, and her client knows"
    );
    blackout.store(false, Ordering::Relaxed);
    assert!(
        run_until(
            &mut server,
            &mut client_app,
            Duration::from_secs(30),
            |s, c| {
                let joined = c.world().resource::<Joined>();
                joined.link == Link::Connected
                    && !joined.rejoining
                    && s.world()
                        .resource::<Host>()
                        .workshop
                        .disconnected_people()
                        .is_empty()
            }
        ),
        "back on the same seat"
    );
    let joined = client_app.world().resource::<Joined>();
    assert_eq!(joined.seat, Some((0, role.clone())));
    let view = joined.view.as_ref().unwrap();
    assert_eq!(view.role.id, role);
    assert!(
        view.notes.iter().any(|(_, n)| n == "avant la coupure"),
        "her notes came back with her role"
    );
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

#[test]
fn people_who_leave_an_ended_table_are_not_flagged_as_lost() {
    let mut w = workshop(1, 0);
    let role = w.case().scenario().roles[0].id.clone();
    w.connected(1);
    w.receive(
        1,
        ToHost::Hello {
            name: "Inès".into(),
            token: None,
        },
    );
    w.receive(1, ToHost::Sit { table: 0, role });
    w.fill_with_bots(0);
    w.direct(0, faisceau_engine::TrainerCommand::Start).unwrap();
    w.disconnected(1);
    assert_eq!(
        w.disconnected_people().len(),
        1,
        "lost while the table plays"
    );
    w.connected(2);
    w.receive(
        2,
        ToHost::Hello {
            name: "Inès".into(),
            token: None,
        },
    );
    while w.tables[0].session.state().status != Status::Ended {
        w.direct(0, faisceau_engine::TrainerCommand::NextPhase)
            .unwrap();
    }
    assert!(
        w.disconnected_people().is_empty(),
        "once the table has ended, leaving is not a lost connection"
    );
}
