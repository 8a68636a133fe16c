//! The networked workshop in the window: host setup and console, join form,
//! lobby, and a client's card, desk and debrief. The screens are the pure
//! functions of `crate::ui`; this module only moves views and commands.

use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use bevy::prelude::*;
use bevy_egui::egui::{self, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};
use bevy_replicon::prelude::*;
use faisceau_engine::TrainerCommand;
use faisceau_engine::session::Status;

use super::backend::ClientDesk;
use super::projector::ProjectorWanted;
use super::screens::root;
use super::{Launch, Screen, Settings};
use crate::i18n::{Lang, Tr};
use crate::net::client::{self, Entry, Joined, Link, Send};
use crate::net::code::JoinCode;
use crate::net::door;
use crate::net::host::{self, Host};
use crate::net::protocol::{Refused, ToHost};
use crate::net::words::{code_error_text, join_error_text, refused_text};
use crate::net::workshop::{Seat, Setup, Workshop};
use crate::ui::network::{self as screens, HostForm, JoinForm, NetAction, Waiting};
use crate::ui::theme::{self, size};
use crate::ui::trainer::ConsoleState;
use crate::ui::{self, UiAction};

/// How a window opens on the network, from the command line.
#[derive(Clone, Debug)]
pub enum NetLaunch {
    /// `faisceau join`: the form, filled in; joins at once when complete.
    Join {
        /// The address typed.
        address: Option<String>,
        /// The code.
        code: Option<String>,
        /// The name.
        name: Option<String>,
        /// The table (from 0) and role to take at once.
        seat: Option<(usize, String)>,
    },
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<HostUi>()
        .init_resource::<JoinUi>()
        .init_resource::<super::backend::ClientDesk>()
        .add_plugins((host::plugin, host::listen, client::plugin))
        .add_systems(Startup, open_from_command_line)
        .add_systems(
            Update,
            (
                poll_join,
                poll_search,
                follow_seat,
                wake_on_packets,
                sit_as_asked,
                name_refused.run_if(in_state(Screen::Lobby)),
            ),
        )
        .add_systems(
            EguiPrimaryContextPass,
            (
                host_setup.run_if(in_state(Screen::HostSetup)),
                host_console
                    .run_if(in_state(Screen::HostConsole).and_then(resource_exists::<Host>)),
                join_form.run_if(in_state(Screen::JoinForm)),
                lobby.run_if(in_state(Screen::Lobby).and_then(resource_exists::<Joined>)),
                link_banner.run_if(resource_exists::<Joined>),
            )
                .run_if(super::screens::fonts_ready),
        );
}

/// The host's screen state.
#[derive(Resource)]
struct HostUi {
    form: HostForm,
    shown: usize,
    console: ConsoleState,
}

impl Default for HostUi {
    fn default() -> Self {
        HostUi {
            form: HostForm {
                name: Tr::new(Lang::Fr).t("host-default-name"),
                tables: 2,
                ..default()
            },
            shown: 0,
            console: ConsoleState::default(),
        }
    }
}

/// The join form's state, and its work in the background.
#[derive(Resource, Default)]
struct JoinUi {
    form: JoinForm,
    knocking: Option<Mutex<Receiver<Result<Entry, String>>>>,
    searching: Option<Mutex<Receiver<Vec<door::Found>>>>,
    auto: bool,
    /// The seat asked for on the command line.
    seat: Option<(usize, String)>,
}

fn open_from_command_line(
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

fn host_setup(
    mut contexts: EguiContexts,
    settings: Res<Settings>,
    launch: Res<Launch>,
    library: Res<super::screens::Library>,
    mut ui_state: ResMut<HostUi>,
    mut commands: Commands,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut root = root(ctx);
    // The default name follows the interface's language.
    let defaults = [Tr::new(Lang::Fr), Tr::new(Lang::En)].map(|t| t.t("host-default-name"));
    if defaults.contains(&ui_state.form.name) {
        ui_state.form.name = settings.tr.t("host-default-name");
    }
    let cases = &library.cases;
    let scenarios: Vec<&faisceau_engine::model::Scenario> =
        cases.iter().map(|(_, c)| c.scenario()).collect();
    let actions = egui::CentralPanel::default()
        .show(&mut root, |ui| {
            screens::host_setup(ui, &scenarios, &mut ui_state.form, &settings.tr)
        })
        .inner;
    for action in actions {
        match action {
            NetAction::Back => next.set(Screen::Launcher),
            NetAction::OpenWorkshop => {
                let form = &ui_state.form;
                let Some((path, _)) = cases.get(form.case) else {
                    continue;
                };
                let code = if form.code.trim().is_empty() {
                    Ok(JoinCode::generate())
                } else {
                    JoinCode::parse(&form.code)
                };
                let opened = code.map_err(|e| e.to_string()).and_then(|code| {
                    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
                    let journal = crate::cli::net::default_journal();
                    Workshop::new(Setup {
                        name: form.name.trim().to_owned(),
                        code,
                        port: crate::net::DEFAULT_PORT,
                        scenario_path: path.display().to_string(),
                        scenario_text: text,
                        tables: form.tables.max(1),
                        seed: launch.seed,
                        journal: Some(&journal),
                    })
                });
                match opened {
                    Ok(workshop) => {
                        commands.insert_resource(Host::new(
                            workshop,
                            Duration::from_millis(2500),
                            None,
                        ));
                        commands.insert_resource(ProjectorWanted(true));
                        next.set(Screen::HostConsole);
                    }
                    Err(e) => ui_state.form.error = Some(e),
                }
            }
            _ => {}
        }
    }
    Ok(())
}

fn host_console(
    mut contexts: EguiContexts,
    settings: Res<Settings>,
    mut host: ResMut<Host>,
    mut ui_state: ResMut<HostUi>,
    mut out: MessageWriter<ToClients<crate::net::Down>>,
    mut projector: ResMut<ProjectorWanted>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let tr = &settings.tr;
    let mut root = root(ctx);
    let lobby = host.workshop.lobby();
    let waiting: Vec<Waiting> = host
        .workshop
        .waiting_people()
        .into_iter()
        .map(|(client, name)| Waiting { client, name })
        .collect();
    let shown = ui_state.shown.min(host.workshop.tables.len() - 1);
    let view = host.workshop.tables[shown].session.trainer_view();
    let ended = view.status == Status::Ended;
    let debrief = ended
        .then(|| {
            faisceau_engine::Debrief::build(
                host.workshop.case(),
                host.workshop.tables[shown].session.events(),
            )
            .ok()
        })
        .flatten();
    let addresses: Vec<String> = crate::net::host_addresses(host.workshop.port)
        .iter()
        .map(ToString::to_string)
        .collect();
    let mut net_actions = Vec::new();
    let mut actions = Vec::new();
    egui::CentralPanel::default().show(&mut root, |ui| {
        egui::Panel::top("host_top").show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(&host.workshop.name)
                        .strong()
                        .size(size::HEADING),
                );
                ui.separator();
                ui.label(tr.t_args("host-join-at", &[("address", addresses.join(" · "))]));
                ui.separator();
                ui.label(
                    RichText::new(
                        tr.t_args("host-code-is", &[("code", host.workshop.code.display())]),
                    )
                    .strong()
                    .size(size::LARGE),
                );
                if let Some(error) = &host.listen_error {
                    ui.colored_label(theme::palette(ui).breach, error);
                }
            });
            net_actions.extend(screens::seating(ui, &lobby, &waiting, shown, tr));
            let gone = host.workshop.disconnected_people();
            if !gone.is_empty() {
                let names: Vec<String> = gone
                    .iter()
                    .map(|(t, _, n)| format!("{n} ({})", t + 1))
                    .collect();
                ui.colored_label(
                    theme::palette(ui).caution,
                    tr.t_args("host-disconnected", &[("names", names.join(", "))]),
                );
            }
        });
        match &debrief {
            Some(debrief) => {
                ui::debrief::debrief(ui, &view.scenario, &view.rulebook, debrief, None, tr);
            }
            None => actions.extend(ui::trainer::console(ui, &view, &mut ui_state.console, tr)),
        }
    });
    for action in net_actions {
        let result = match action {
            NetAction::ShowTable(t) => {
                ui_state.shown = t;
                Ok(())
            }
            NetAction::OpenProjector => {
                projector.0 = true;
                Ok(())
            }
            NetAction::GiveToBot(t, role) => host.assign(t, role.as_str(), Seat::Bot, &mut out),
            NetAction::Free(t, role) => host.assign(t, role.as_str(), Seat::Free, &mut out),
            NetAction::Seat(t, role, client) => {
                let name = waiting
                    .iter()
                    .find(|w| w.client == client)
                    .map(|w| w.name.clone())
                    .unwrap_or_default();
                host.assign(t, role.as_str(), Seat::person(name, Some(client)), &mut out)
            }
            NetAction::StartAll => {
                for t in 0..host.workshop.tables.len() {
                    if host.workshop.tables[t].session.state().status == Status::Waiting {
                        let outbox = host.workshop.fill_with_bots(t);
                        host.send(outbox, &mut out);
                        let _ = host.direct(t, TrainerCommand::Start, &mut out);
                    }
                }
                Ok(())
            }
            _ => Ok(()),
        };
        if let Err(e) = result {
            warn!("{e}");
        }
    }
    for action in actions {
        match action {
            UiAction::Trainer(command) => {
                if let Err(e) = host.direct(shown, command, &mut out) {
                    warn!("table {}: {e}", shown + 1);
                }
            }
            UiAction::OpenProjector => projector.0 = true,
            _ => {}
        }
    }
    Ok(())
}

/// Wakes the window when work done in the background is ready.
type Waker = Option<bevy::winit::EventLoopProxy<bevy::winit::WinitUserEvent>>;

fn wake(waker: &Waker) {
    if let Some(proxy) = waker {
        let _ = proxy.send_event(bevy::winit::WinitUserEvent::WakeUp);
    }
}

fn waker(proxy: Option<&bevy::winit::EventLoopProxyWrapper>) -> Waker {
    proxy.map(|p| (**p).clone())
}

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

fn join_form(
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

fn poll_search(mut join: ResMut<JoinUi>) {
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

fn poll_join(
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
fn follow_seat(
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
fn name_refused(
    mut commands: Commands,
    joined: Option<Res<Joined>>,
    mut join: ResMut<JoinUi>,
    settings: Res<Settings>,
    mut next: ResMut<NextState<Screen>>,
) {
    let Some(joined) = joined else { return };
    if joined.lobby.is_some() || joined.rejoining {
        return;
    }
    let Some(refused @ (Refused::NameInUse | Refused::BadName)) = &joined.refused else {
        return;
    };
    // A name in use is asked again while an old connection of ours may
    // still hold it: the trainee waits, told that their seat is coming back.
    if *refused == Refused::NameInUse
        && joined
            .retry_name_until
            .is_some_and(|until| std::time::Instant::now() < until)
    {
        return;
    }
    join.form.error = Some(refused_text(refused, &settings.tr));
    commands.remove_resource::<Joined>();
    commands.remove_resource::<bevy_replicon_renet::RenetClient>();
    commands.remove_resource::<bevy_replicon_renet::netcode::NetcodeClientTransport>();
    next.set(Screen::JoinForm);
}

fn lobby(
    mut contexts: EguiContexts,
    settings: Res<Settings>,
    joined: Res<Joined>,
    mut send: MessageWriter<Send>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut root = root(ctx);
    let tr = &settings.tr;
    let actions = egui::CentralPanel::default()
        .show(&mut root, |ui| match &joined.lobby {
            Some(lobby) => screens::lobby(
                ui,
                lobby,
                joined.seat.as_ref(),
                joined.refused.as_ref().map(|r| refused_text(r, tr)),
                tr,
            ),
            None => {
                ui.vertical_centered(|ui| {
                    ui.add_space(80.0);
                    ui.spinner();
                    let palette = ui::theme::palette(ui);
                    let taking_back = joined.refused == Some(Refused::NameInUse);
                    let line = if taking_back {
                        tr.t("join-taking-seat-back")
                    } else {
                        tr.t_args(
                            "lobby-connecting",
                            &[("workshop", joined.entry.workshop.clone())],
                        )
                    };
                    ui.label(RichText::new(line).size(ui::theme::size::HEADING));
                    if let Some(refused) = &joined.refused {
                        let color = if taking_back {
                            palette.text
                        } else {
                            palette.breach
                        };
                        ui.label(RichText::new(refused_text(refused, tr)).color(color));
                    }
                });
                Vec::new()
            }
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
fn link_banner(mut contexts: EguiContexts, settings: Res<Settings>, joined: Res<Joined>) -> Result {
    if joined.link == Link::Connected {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    // Once the table has ended, the host closing is expected: the debrief
    // stays here, and nobody needs to wait for a reconnection.
    let closed = joined.link == Link::Lost && joined.debrief.is_some();
    let text = match joined.link {
        Link::Lost if closed => settings.tr.t("link-closed-after-end"),
        Link::Lost => settings.tr.t("link-lost"),
        _ => settings.tr.t_args(
            "lobby-connecting",
            &[("workshop", joined.entry.workshop.clone())],
        ),
    };
    let (align, offset) = if closed {
        (egui::Align2::RIGHT_BOTTOM, [-12.0, -12.0])
    } else {
        (egui::Align2::CENTER_TOP, [0.0, 12.0])
    };
    egui::Window::new(settings.tr.t("app-title"))
        .anchor(align, offset)
        .collapsible(false)
        .title_bar(false)
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                if !closed {
                    ui.spinner();
                }
                ui.label(RichText::new(text).strong().size(size::LARGE));
            });
        });
    Ok(())
}

/// A reactive window sleeps until input or its next timed wake-up. Network
/// traffic is neither, so a thread watches the game socket and wakes the
/// window when a packet is waiting: commands and views show at once while an
/// idle window stays idle.
fn wake_on_packets(
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
    // A reconnection opens a new socket and a new watcher: the old one stops
    // (its socket may hold packets nobody will read, which would wake the
    // window over and over).
    static WATCHER: AtomicU64 = AtomicU64::new(0);
    let mine = WATCHER.fetch_add(1, Ordering::SeqCst) + 1;
    // A trainee's window need not wake for netcode's keep-alives and bare
    // acknowledgements (a few every second, each a whole frame to draw):
    // those wait for its regular wake-up. A host wakes for every packet, as
    // a command may be short.
    let wake_for_small = joined.is_none();
    std::thread::spawn(move || {
        let mut small_since: Option<std::time::Instant> = None;
        let mut first = [0u8; 2048];
        while WATCHER.load(Ordering::SeqCst) == mine {
            let waiting = |timeout| crate::net::runner::wait_readable(&[Some(&socket)], timeout)[0];
            if !waiting(Duration::ZERO) {
                // Whatever waited has been read.
                small_since = None;
                if !waiting(Duration::from_secs(1)) {
                    continue;
                }
            }
            let size = socket.peek_from(&mut first).map_or(0, |(n, _)| n);
            let small = size < SMALL_PACKET && !wake_for_small;
            if small {
                let since = *small_since.get_or_insert_with(std::time::Instant::now);
                if since.elapsed() < crate::app::idle::IDLE_WAKE {
                    // The window reads it at its next wake-up; look again soon
                    // in case it was read and something larger came.
                    std::thread::sleep(Duration::from_millis(20));
                    continue;
                }
            }
            small_since = None;
            if proxy
                .send_event(bevy::winit::WinitUserEvent::WakeUp)
                .is_err()
            {
                return;
            }
            // Let the app read the packet before looking again.
            std::thread::sleep(Duration::from_millis(15));
        }
    });
}

/// Datagrams under this size carry no message worth waking a window for
/// (netcode keep-alives, acknowledgements).
const SMALL_PACKET: usize = 64;

/// `faisceau join --role R`: take that role as soon as the lobby shows, once.
fn sit_as_asked(
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
