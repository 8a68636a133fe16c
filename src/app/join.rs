//! Joining in the window: the join form (with discovery on the network),
//! the lobby, following the seat the host gives, taking a seat back, and
//! waking the window when packets arrive. The desk, card and debrief are
//! drawn by `screens.rs` over the backend.

use std::sync::Mutex;
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use bevy::prelude::*;
use bevy_egui::EguiContexts;
use bevy_egui::egui;
use bevy_replicon::prelude::*;

use super::backend::ClientDesk;
use super::screens::root;
use super::{Launch, NetLaunch, Screen, Settings};
use crate::i18n::Tr;
use crate::net::client::{self, Entry, Joined, Send};
use crate::net::code::JoinCode;
use crate::net::door;
#[cfg(not(target_arch = "wasm32"))]
use crate::net::host::Host;
use crate::net::protocol::ToHost;
use crate::net::words::{code_error_text, join_error_text, refused_text};
use crate::ui::network::{self as screens, JoinForm, NetAction};

/// The join form's state, and its work in the background.
#[derive(Resource, Default)]
pub(super) struct JoinUi {
    pub(super) form: JoinForm,
    knocking: Option<Mutex<Receiver<Result<Entry, String>>>>,
    searching: Option<Mutex<Receiver<Vec<door::Found>>>>,
    pub(super) auto: bool,
    /// The seat asked for on the command line.
    seat: Option<(usize, String)>,
}

#[cfg(not(target_arch = "wasm32"))]
pub(super) fn open_from_command_line(
    launch: Res<Launch>,
    mut join: ResMut<JoinUi>,
    mut next: ResMut<NextState<Screen>>,
    host: Option<Res<Host>>,
    proxy: Option<Res<bevy::winit::EventLoopProxyWrapper>>,
) {
    if host.is_some() {
        next.set(Screen::HostConsole);
        return;
    }
    if let Some(NetLaunch::Join {
        address,
        code,
        name,
        seat,
    }) = &launch.net
    {
        join.seat = seat.clone();
        join.form.address = address.clone().unwrap_or_default();
        join.form.code = code.clone().unwrap_or_default();
        join.form.name = name.clone().unwrap_or_default();
        join.auto = address.is_some() && code.is_some() && name.is_some();
        if address.is_none() {
            start_search(&mut join, waker(proxy.as_deref()));
        }
        next.set(Screen::JoinForm);
    }
}

#[cfg(not(target_arch = "wasm32"))]
/// Wakes the window when work done in the background is ready.
type Waker = Option<bevy::winit::EventLoopProxy<bevy::winit::WinitUserEvent>>;

#[cfg(not(target_arch = "wasm32"))]
fn wake(waker: &Waker) {
    if let Some(proxy) = waker {
        let _ = proxy.send_event(bevy::winit::WinitUserEvent::WakeUp);
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn waker(proxy: Option<&bevy::winit::EventLoopProxyWrapper>) -> Waker {
    proxy.map(|p| (**p).clone())
}

#[cfg(not(target_arch = "wasm32"))]
fn start_search(join: &mut JoinUi, waker: Waker) {
    let (send, receive) = channel();
    std::thread::spawn(move || {
        let found = door::discover(crate::net::DEFAULT_PORT + 1, Duration::from_millis(1200))
            .unwrap_or_default();
        let _ = send.send(found);
        wake(&waker);
    });
    join.searching = Some(Mutex::new(receive));
    join.form.busy = true;
}

#[cfg(not(target_arch = "wasm32"))]
pub(super) fn join_form(
    mut contexts: EguiContexts,
    settings: Res<Settings>,
    mut join: ResMut<JoinUi>,
    mut next: ResMut<NextState<Screen>>,
    proxy: Option<Res<bevy::winit::EventLoopProxyWrapper>>,
) -> Result {
    let waker = waker(proxy.as_deref());
    let ctx = contexts.ctx_mut()?;
    let mut root = root(ctx);
    let mut actions = egui::CentralPanel::default()
        .show(&mut root, |ui| {
            screens::join_form(ui, &mut join.form, &settings.tr)
        })
        .inner;
    if join.auto && !join.form.busy {
        join.auto = false;
        actions.push(NetAction::Join);
    }
    for action in actions {
        match action {
            NetAction::Back => next.set(Screen::Launcher),
            NetAction::Search => start_search(&mut join, waker.clone()),
            NetAction::UseAddress(address) => join.form.address = address,
            NetAction::Join => {
                let tr = Tr::new(settings.tr.lang());
                let (address, code) = (join.form.address.clone(), join.form.code.clone());
                let (send, receive) = channel();
                let waker = waker.clone();
                std::thread::spawn(move || {
                    let result = JoinCode::parse(&code)
                        .map_err(|e| code_error_text(&e, &tr))
                        .and_then(|code| {
                            let addr = client::parse_address(&address)
                                .map_err(|e| join_error_text(&e, &tr))?;
                            client::knock(addr, &code, Duration::from_secs(4))
                                .map_err(|e| join_error_text(&e, &tr))
                        });
                    let _ = send.send(result);
                    wake(&waker);
                });
                join.knocking = Some(Mutex::new(receive));
                join.form.busy = true;
                join.form.error = None;
            }
            _ => {}
        }
    }
    Ok(())
}

#[cfg(not(target_arch = "wasm32"))]
pub(super) fn poll_search(mut join: ResMut<JoinUi>) {
    let Some(found) = join
        .searching
        .as_ref()
        .and_then(|r| r.lock().ok()?.try_recv().ok())
    else {
        return;
    };
    join.searching = None;
    join.form.busy = join.knocking.is_some();
    join.form.found = found
        .iter()
        .map(|f| (f.name.clone(), f.addr.to_string()))
        .collect();
    if join.form.address.is_empty() && found.len() == 1 {
        join.form.address = found[0].addr.to_string();
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub(super) fn poll_join(
    mut commands: Commands,
    mut join: ResMut<JoinUi>,
    channels: Res<RepliconChannels>,
    mut next: ResMut<NextState<Screen>>,
    mut client_desk: ResMut<ClientDesk>,
) {
    let Some(result) = join
        .knocking
        .as_ref()
        .and_then(|r| r.lock().ok()?.try_recv().ok())
    else {
        return;
    };
    join.knocking = None;
    join.form.busy = join.searching.is_some();
    match result.and_then(|entry| {
        client::connect(&mut commands, &channels, &entry)?;
        Ok(entry)
    }) {
        Ok(entry) => {
            let want = join
                .seat
                .as_ref()
                .map(|(table, role)| (*table, Some(faisceau_engine::Id::new(role))));
            let name = join.form.name.trim().to_owned();
            let mut joined = Joined::new(entry, name, want);
            // A seat this computer held here comes back with its token.
            joined.keep_token = true;
            joined.token = crate::net::seats::recall(&joined.entry.keys, &joined.name);
            commands.insert_resource(joined);
            *client_desk = ClientDesk::default();
            next.set(Screen::Lobby);
        }
        Err(e) => join.form.error = Some(e),
    }
}

/// Moves the client between lobby, card, desk and debrief as the host seats it.
pub(super) fn follow_seat(
    joined: Option<ResMut<Joined>>,
    screen: Res<State<Screen>>,
    mut next: ResMut<NextState<Screen>>,
    mut client_desk: ResMut<ClientDesk>,
    launch: Res<Launch>,
) {
    let Some(mut joined) = joined else { return };
    // Back on a seat held before: to the desk, with a word of welcome.
    if joined.back {
        joined.back = false;
        client_desk.card_read = true;
        client_desk.desk.welcome_back = true;
    }
    let seated = joined.seat.is_some() && joined.view.is_some();
    // A capture of the desk (--screen desk) skips the role card.
    let card_read = client_desk.card_read || launch.screen == Some(Screen::Desk);
    match screen.get() {
        Screen::Lobby if seated => next.set(if card_read {
            Screen::Desk
        } else {
            Screen::RoleCard
        }),
        Screen::RoleCard | Screen::Desk if joined.seat.is_none() => next.set(Screen::Lobby),
        _ => {}
    }
}

/// A name the host refuses (in use, or too long) sends the trainee back to
/// the join form, which keeps what they typed: they change the name, or try
/// again once their old connection has timed out.
pub(super) fn name_refused(
    mut commands: Commands,
    joined: Option<Res<Joined>>,
    mut join: ResMut<JoinUi>,
    settings: Res<Settings>,
    mut next: ResMut<NextState<Screen>>,
) {
    let Some(refused) = joined.as_deref().and_then(Joined::name_refused) else {
        return;
    };
    join.form.error = Some(refused_text(refused, &settings.tr));
    client::disconnect(&mut commands);
    next.set(Screen::JoinForm);
}

pub(super) fn lobby(
    mut contexts: EguiContexts,
    settings: Res<Settings>,
    joined: Res<Joined>,
    mut send: MessageWriter<Send>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut root = root(ctx);
    let actions = egui::CentralPanel::default()
        .show(&mut root, |ui| {
            screens::joined_lobby(ui, &joined, &settings.tr)
        })
        .inner;
    for action in actions {
        match action {
            NetAction::Sit(table, role) => {
                send.write(Send(ToHost::Sit { table, role }));
            }
            NetAction::Stand => {
                send.write(Send(ToHost::Stand));
            }
            _ => {}
        }
    }
    Ok(())
}

/// Says so when the connection drops, over any screen.
pub(super) fn link_banner(
    mut contexts: EguiContexts,
    settings: Res<Settings>,
    joined: Res<Joined>,
) -> Result {
    screens::link_banner(contexts.ctx_mut()?, &joined, &settings.tr);
    Ok(())
}

#[cfg(not(target_arch = "wasm32"))]
/// A reactive window sleeps until input or its next timed wake-up. Network
/// traffic is neither, so a thread watches the game socket and wakes the
/// window when a packet is waiting: commands and views show at once while an
/// idle window stays idle.
pub(super) fn wake_on_packets(
    mut commands: Commands,
    watched: Option<Res<crate::net::Watched>>,
    proxy: Option<Res<bevy::winit::EventLoopProxyWrapper>>,
    joined: Option<Res<Joined>>,
) {
    let (Some(watched), Some(proxy)) = (watched, proxy) else {
        return;
    };
    let Ok(socket) = watched.0.try_clone() else {
        return;
    };
    commands.remove_resource::<crate::net::Watched>();
    let proxy = (**proxy).clone();
    // A trainee's window need not wake for netcode's keep-alives and bare
    // acknowledgements (a few every second, each a whole frame to lay out):
    // those wait for its regular wake-up. A host wakes for every packet, as
    // a command may be short.
    let small = if joined.is_none() {
        None
    } else {
        Some((SMALL_PACKET, crate::app::idle::IDLE_WAKE))
    };
    crate::net::runner::watch_socket(socket, small, move || {
        proxy
            .send_event(bevy::winit::WinitUserEvent::WakeUp)
            .is_ok()
    });
}

#[cfg(not(target_arch = "wasm32"))]
/// A host's window wakes when a browser's frame arrives: the web server
/// rings its bell (a loopback datagram) and a thread here hears it.
pub(super) fn wake_on_browsers(
    mut commands: Commands,
    bell: Option<Res<crate::net::web::Bell>>,
    proxy: Option<Res<bevy::winit::EventLoopProxyWrapper>>,
) {
    let (Some(bell), Some(proxy)) = (bell, proxy) else {
        return;
    };
    let Ok(socket) = bell.0.try_clone() else {
        return;
    };
    commands.remove_resource::<crate::net::web::Bell>();
    let proxy = (**proxy).clone();
    std::thread::spawn(move || {
        let _ = socket.set_nonblocking(false);
        let _ = socket.set_read_timeout(Some(Duration::from_secs(1)));
        let mut ding = [0u8; 16];
        loop {
            if socket.peek(&mut ding).is_err() {
                continue;
            }
            if proxy
                .send_event(bevy::winit::WinitUserEvent::WakeUp)
                .is_err()
            {
                return;
            }
            // The app reads the bell on its update; until then, do not spin.
            std::thread::sleep(Duration::from_millis(15));
        }
    });
}

#[cfg(not(target_arch = "wasm32"))]
/// Datagrams under this size carry no message worth waking a window for
/// (netcode keep-alives, acknowledgements).
const SMALL_PACKET: usize = 64;

/// `faisceau join --role R`: take that role as soon as the lobby shows, once.
pub(super) fn sit_as_asked(
    joined: Option<ResMut<Joined>>,
    mut send: MessageWriter<Send>,
    mut asked: Local<bool>,
) {
    let Some(mut joined) = joined else { return };
    if *asked || joined.seat.is_some() || joined.lobby.is_none() {
        return;
    }
    if let Some((table, Some(role))) = joined.want.clone() {
        *asked = true;
        joined.refused = None;
        send.write(Send(ToHost::Sit { table, role }));
    }
}
