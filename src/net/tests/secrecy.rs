//! What a client receives: only its role's view, in process and over real
//! sockets, encrypted and packed.

use super::*;

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
    assert_eq!(
        joined.debrief.as_ref().map(|d| &d.role),
        Some(&me),
        "the client names its own role in the table's package"
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
    hello(&mut w, 1, "Inès");
    let out = w.receive(1, ToHost::Sit { table: 0, role });
    let view = out
        .into_iter()
        .find(|(_, m)| matches!(m, ToClient::View(_)))
        .unwrap()
        .1;
    let packed = crate::net::pack(&view);
    let json = encode(&view);
    assert!(
        packed.len() * 2 < json.len(),
        "{} packed vs {} JSON",
        packed.len(),
        json.len()
    );
    assert_eq!(crate::net::unpack(&packed), Some(view));
    let small = ToClient::Refused(Refused::NotSeated);
    assert_eq!(
        crate::net::pack(&small)[0],
        0,
        "small messages travel as they are"
    );
    assert_eq!(crate::net::unpack(&crate::net::pack(&small)), Some(small));
    for garbage in [
        &[][..],
        &[7, 1, 2][..],
        &[1, 0xff, 0xfe][..],
        &[0, b'{'][..],
    ] {
        assert_eq!(crate::net::unpack(garbage), None);
    }
}
