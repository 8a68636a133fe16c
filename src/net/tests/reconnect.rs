//! A client whose network drops comes back to its role.

use super::*;

#[test]
fn a_client_whose_network_drops_rejoins_its_role_with_everything() {
    let port = free_port_pair();
    let mut server = real_host(port);
    let (host_addr, mut entry) = entry_at(port);
    let blackout = Arc::new(AtomicBool::new(false));
    let (relay_addr, _) = relay(host_addr, blackout.clone());
    entry.addr = relay_addr;
    let role = role_at(&server, 1);

    let mut client_app = real_client(&entry, Joined::new(entry.clone(), "Inès".into(), None));
    sit_until_running(&mut server, &mut client_app, role.clone());
    assert!(note_comes_back(
        &mut server,
        &mut client_app,
        "avant la coupure"
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

/// A host that closes while tables play (the trainer closes the window and
/// confirms) leaves a journal that reopens every table and seat where it
/// was: the close is an `AppExit`, the journal is written before anyone
/// hears of an event, and the app's exit closes it.
#[test]
fn a_host_closed_while_tables_play_leaves_a_journal_that_resumes() {
    let dir = std::env::temp_dir().join(format!("faisceau-close-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let journal = dir.join("close.journal");
    let _ = std::fs::remove_file(&journal);
    let w = workshop_at(2, free_port_pair(), Some(&journal));
    let mut server = listening_host(Host::new(w, Duration::ZERO, None));
    {
        let mut host = server.world_mut().resource_mut::<Host>();
        let roles = role_ids(&host.workshop);
        seated(&mut host.workshop, 1, "Inès", 0, &roles[0]);
        host.workshop.fill_with_bots(0);
        host.workshop.direct(0, TrainerCommand::Start).unwrap();
    }
    // The host's bots play a few steps (Duration::ZERO: at every update).
    for _ in 0..20 {
        server.update();
    }
    server.world_mut().write_message(AppExit::Success);
    server.update();
    let (events, seats) = {
        let host = server.world().resource::<Host>();
        (
            host.workshop.tables[0].session.events().len(),
            host.workshop.tables[0].seats.clone(),
        )
    };
    assert!(events > 2, "the table played: {events} events");
    drop(server);
    let resumed = Workshop::resume(&journal).unwrap();
    assert_eq!(resumed.tables[0].session.events().len(), events);
    assert_eq!(resumed.tables[0].session.state().status, Status::Running);
    assert_eq!(resumed.tables[1].session.state().status, Status::Waiting);
    assert!(matches!(
        &resumed.tables[0].seats[0],
        Seat::Person { name, client: None, .. } if name == "Inès"
    ));
    assert_eq!(resumed.tables[0].seats[1..], seats[1..]);
    let _ = std::fs::remove_dir_all(&dir);
}
