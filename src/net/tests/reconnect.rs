//! A client whose network drops comes back to its role.

use super::*;

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
