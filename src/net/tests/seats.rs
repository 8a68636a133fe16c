//! Seats, names and seat tokens, on the workshop alone (no sockets).

use super::*;

#[test]
fn a_hello_that_overtakes_the_connection_notice_is_kept() {
    // A browser's hello can arrive in the same update as its protocol
    // check, before the host hears it is connected (seen in the browser test).
    let mut w = workshop(1, 0);
    let role = w.case().scenario().roles[0].id.clone();
    let out = hello(&mut w, 7, "Inès");
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
    let roles = role_ids(&w);
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
    let out = hello(&mut w, 1, "Inès");
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
    hello(&mut w, 2, "Marc");

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
    // Marc sees Inès on the role in the next lobby broadcast (to every
    // named client without a seat: Inès is on her role card), and cannot
    // take it.
    let lobby = w.lobby_change().expect("the lobby changed");
    assert_eq!(
        lobby.tables[0].seats[0].occupant,
        Occupant::Person {
            name: "Inès".into(),
            connected: true
        }
    );
    assert!(w.lobby_clients().any(|k| k == 2));
    assert!(
        !w.lobby_clients().any(|k| k == 1),
        "a seated person has no lobby"
    );
    assert_eq!(w.lobby_change(), None, "broadcast once");
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
fn a_dropped_person_gets_their_seat_back_with_its_token_not_with_the_name() {
    let mut w = workshop(1, 0);
    let roles = role_ids(&w);
    w.connected(1);
    hello(&mut w, 1, "Inès");
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
    let out = hello(&mut w, 12, "Inès");
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
    hello(&mut w, 1, "Marc");
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
    hello(&mut w, 2, "Marc");
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
    let roles = role_ids(&w);
    w.connected(1);
    hello(&mut w, 1, "Inès");
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

#[test]
fn people_who_leave_an_ended_table_are_not_flagged_as_lost() {
    let mut w = workshop(1, 0);
    let role = w.case().scenario().roles[0].id.clone();
    w.connected(1);
    hello(&mut w, 1, "Inès");
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
    hello(&mut w, 2, "Inès");
    while w.tables[0].session.state().status != Status::Ended {
        w.direct(0, faisceau_engine::TrainerCommand::NextPhase)
            .unwrap();
    }
    assert!(
        w.disconnected_people().is_empty(),
        "once the table has ended, leaving is not a lost connection"
    );
}

/// A table's debrief is one package for everyone at it, so that the host
/// packs it once: no role inside; each client puts its own seat's role in.
#[test]
fn an_ended_table_sends_one_debrief_package_to_all_its_people() {
    let mut w = workshop(1, 0);
    let roles = role_ids(&w);
    seated(&mut w, 1, "Inès", 0, &roles[0]);
    seated(&mut w, 2, "Karim", 0, &roles[1]);
    w.fill_with_bots(0);
    w.direct(0, TrainerCommand::Start).unwrap();
    let out = w.direct(0, TrainerCommand::End).unwrap();
    let packages: Vec<(u64, &crate::net::protocol::DebriefPackage)> = out
        .iter()
        .filter_map(|(to, message)| match message {
            ToClient::Debrief(package) => Some((*to, package.as_ref())),
            _ => None,
        })
        .collect();
    let to: Vec<u64> = packages.iter().map(|(to, _)| *to).collect();
    assert_eq!(to, vec![1, 2], "each person gets the debrief once");
    assert_eq!(packages[0].1, packages[1].1, "the same package for both");
    assert_eq!(packages[0].1.role.as_str(), "", "no role inside");
    // The client names its own role: see the secrecy test's debrief.
}

#[test]
fn the_lobby_goes_to_those_without_a_seat_and_back_to_one_who_loses_theirs() {
    let mut w = workshop(1, 0);
    let roles = role_ids(&w);
    for (k, name) in [(1, "Inès"), (2, "Marc"), (3, "Léa")] {
        w.connected(k);
        hello(&mut w, k, name);
    }
    let receivers = |w: &Workshop| {
        let mut keys: Vec<crate::net::workshop::ClientKey> = w.lobby_clients().collect();
        keys.sort();
        keys
    };
    assert_eq!(receivers(&w), vec![1, 2, 3]);
    for (k, r) in [(1, 0), (2, 1)] {
        w.receive(
            k,
            ToHost::Sit {
                table: 0,
                role: roles[r].clone(),
            },
        );
    }
    w.lobby_change();
    assert_eq!(receivers(&w), vec![3], "the seated are on their role cards");
    // Marc stands up: the change calls for a broadcast, and he is among
    // those it goes to.
    w.receive(2, ToHost::Stand);
    assert!(w.lobby_change().is_some());
    assert_eq!(receivers(&w), vec![2, 3]);
    // The trainer gives Inès's role to Léa: Inès is back in the lobby.
    w.assign(0, roles[0].as_str(), Seat::person("Léa".into(), Some(3)))
        .unwrap();
    assert!(w.lobby_change().is_some());
    assert_eq!(receivers(&w), vec![1, 2]);
}
