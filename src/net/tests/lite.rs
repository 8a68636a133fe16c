//! The load benchmark's client without Bevy's schedules speaks the app's
//! wire: the host lets it in, seats it, answers its bot and sends its debrief.

use std::rc::Rc;

use super::*;
use crate::net::lite::{self, LiteClient, Wire};

fn wire() -> Rc<Wire> {
    let mut app = App::new();
    app.add_plugins((
        MinimalPlugins,
        StatesPlugin,
        RepliconPlugins,
        RepliconRenetPlugins,
    ));
    super::super::shared(&mut app);
    Rc::new(Wire::of(app))
}

#[test]
fn the_browser_client_names_the_channels_the_app_registers() {
    let wire = wire();
    assert_eq!(
        (wire.up, wire.down),
        (crate::net::UP_CHANNEL, crate::net::DOWN_CHANNEL),
        "net::UP_CHANNEL and DOWN_CHANNEL are replicon's channels of Up and Down"
    );
}

#[test]
fn a_lite_bot_plays_a_table_to_its_debrief_over_the_real_protocol() {
    let port = free_port_pair();
    let mut server = listening_host(Host::new(
        workshop(1, port),
        Duration::from_millis(50),
        Some(Autopilot {
            start_when_full: true,
            bots_after: Some(Duration::from_millis(800)),
            advance_after: Some(Duration::from_millis(700)),
            exit_after_end: None,
            max_duration: None,
        }),
    ));
    let (_, entry) = entry_at(port);
    let joined = Joined::new(entry.clone(), "Inès".into(), None);
    let bot = BotPlayer::new(11, Duration::from_millis(30));
    let mut client = LiteClient::later(wire(), joined, Some(bot), Instant::now());

    let deadline = Instant::now() + Duration::from_secs(60);
    while client.joined.debrief.is_none() && Instant::now() < deadline {
        server.update();
        client.update();
        std::thread::sleep(Duration::from_millis(2));
    }
    let joined = &client.joined;
    let (table, role) = joined
        .seat
        .clone()
        .expect("the host seated the lite client");
    assert_eq!(table, 0);
    let debrief = joined
        .debrief
        .as_ref()
        .expect("the table ended and its debrief came");
    assert_eq!(
        debrief.role, role,
        "the debrief names the client's own role"
    );
    let bot = client.bot.as_ref().unwrap();
    assert!(bot.commands > 0, "the bot played");
    assert!(
        !bot.latencies.is_empty(),
        "views came back after its commands"
    );
    assert!(joined.views > 1 && client.received_bytes > 0);
    let host = server.world().resource::<Host>();
    assert!(
        host.workshop.lobby().tables[0]
            .seats
            .iter()
            .any(|s| matches!(&s.occupant, Occupant::Person { name, .. } if name == "Inès")),
        "the host knows the person by name"
    );

    // `run` serves several clients from one thread until each is done.
    let clients: Vec<LiteClient> = (0..2)
        .map(|i| {
            let joined = Joined::new(entry.clone(), format!("Lecteur {i}"), None);
            LiteClient::later(wire(), joined, None, Instant::now())
        })
        .collect();
    let server = std::cell::RefCell::new(server);
    let finished = lite::run(clients, |i, client| {
        server.borrow_mut().update();
        client.joined.lobby.as_ref().map(|_| i)
    });
    assert_eq!(
        finished.iter().map(|(_, i)| *i).collect::<Vec<_>>(),
        [0, 1],
        "each client finished with its own result, in order"
    );
}
