//! Hosting in the window: the workshop's setup form and the trainer's
//! console (seating, tables, phases). The projector is `projector.rs`.

use std::time::Duration;

use bevy::prelude::*;
use bevy_egui::EguiContexts;
use bevy_egui::egui;
use bevy_replicon::prelude::*;
use faisceau_engine::TrainerCommand;
use faisceau_engine::session::Status;

use super::ProjectorWanted;
use super::screens::root;
use super::{Launch, Screen, Settings};
use crate::i18n::{Lang, Tr};
use crate::net::code::JoinCode;
use crate::net::host::Host;
use crate::net::workshop::{Seat, Setup, Workshop};
use crate::ui;
use crate::ui::console::{self, AllTables, RoomAction, RoomState};
use crate::ui::network::{self as screens, HostForm, NetAction};
use crate::ui::theme::{self, size};

/// The host's screen state.
#[derive(Resource)]
pub(super) struct HostUi {
    form: HostForm,
    room: RoomState,
    /// The workshop went to the archive by itself once every table ended.
    archived: bool,
}

impl Default for HostUi {
    fn default() -> Self {
        HostUi {
            form: HostForm {
                name: Tr::new(Lang::Fr).t("host-default-name"),
                tables: 2,
                ..default()
            },
            room: RoomState::default(),
            archived: false,
        }
    }
}

pub(super) fn host_setup(
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
                    let journal = crate::net::journal_path::default_journal();
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
                    .map_err(String::from)
                });
                match opened {
                    Ok(mut workshop) => {
                        workshop.speak(settings.tr.lang().code());
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

#[allow(clippy::too_many_arguments)]
pub(super) fn host_console(
    mut contexts: EguiContexts,
    settings: Res<Settings>,
    mut host: ResMut<Host>,
    mut ui_state: ResMut<HostUi>,
    mut out: MessageWriter<ToClients<crate::net::Down>>,
    mut projector: ResMut<ProjectorWanted>,
    projector_window: Query<(), (With<super::projector::Projector>, With<Window>)>,
    web: Option<Res<crate::net::web::WebServer>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let tr = &settings.tr;
    let mut root = root(ctx);
    // The addresses trainees can use: the loopback only when there is no other.
    let all = crate::net::host_addresses(host.workshop.port);
    let addresses: Vec<String> = all
        .iter()
        .filter(|a| !a.ip().is_loopback() || all.iter().all(|b| b.ip().is_loopback()))
        .map(ToString::to_string)
        .collect();
    let mut room = host.workshop.room(addresses, !projector_window.is_empty());
    room.listen_error = host.listen_error.clone();
    room.browser = web.filter(|w| w.serves_client).and_then(|_| {
        room.addresses
            .first()
            .map(|a| crate::ui::network::browser_address(a))
    });
    let all_ended = host.workshop.all_ended();
    let workshop = &host.workshop;
    let view = |t: usize| workshop.tables[t].session.trainer_view();
    let mut inside = HostInside {
        consoles: console::Consoles { view: &view, tr },
        workshop,
        all_ended,
    };
    let mut actions = Vec::new();
    egui::CentralPanel::default().show(&mut root, |ui| {
        actions = console::room(ui, &room, &mut inside, &mut ui_state.room, tr);
    });
    // Every workshop that ends is archived, with pseudonyms; the trainer may
    // archive it again with the names.
    if all_ended && !ui_state.archived {
        ui_state.archived = true;
        archive(
            &host,
            &mut ui_state,
            crate::records::archive::Keeping::Automatic,
            tr,
        );
    }
    for action in actions {
        if let Err(e) = act(
            &mut host,
            &mut ui_state,
            &mut projector,
            action,
            tr,
            &mut out,
        ) {
            warn!("{e}");
        }
    }
    Ok(())
}

/// The host's console inside: an ended table shows its debrief under the
/// PEARLS prompts, and the prompts follow the grid once every table ended.
struct HostInside<'a> {
    consoles: console::Consoles<'a>,
    workshop: &'a Workshop,
    all_ended: bool,
}

impl console::Inside for HostInside<'_> {
    fn detail(
        &mut self,
        ui: &mut egui::Ui,
        t: usize,
        state: &mut ui::trainer::ConsoleState,
    ) -> Vec<ui::UiAction> {
        let table = &self.workshop.tables[t];
        if table.session.state().status != Status::Ended {
            return self.consoles.detail(ui, t, state);
        }
        let tr = self.consoles.tr;
        let case = self.workshop.case();
        // The debrief takes the height; the PEARLS prompts fold above it
        // (the whole room's are under the grid once every table has ended).
        egui::CollapsingHeader::new(tr.t("room-pearls-fold"))
            .id_salt("ended_table_pearls")
            .default_open(false)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("ended_table_pearls_scroll")
                    .max_height(ui.available_height() * 0.5)
                    .show(ui, |ui| pearls_panel(ui, self.workshop, tr));
            });
        ui.separator();
        if let Some(debrief) = self.workshop.debrief(t) {
            ui::debrief::debrief(ui, case.scenario(), case.rulebook(), &debrief, None, tr);
        }
        Vec::new()
    }

    fn below_grid(&mut self, ui: &mut egui::Ui) {
        if self.all_ended {
            ui.add_space(theme::space::SECTION);
            pearls_panel(ui, self.workshop, self.consoles.tr);
        }
    }
}

/// Carries out what the trainer asked for on the console.
fn act(
    host: &mut Host,
    ui_state: &mut HostUi,
    projector: &mut ProjectorWanted,
    action: RoomAction,
    tr: &Tr,
    out: &mut MessageWriter<ToClients<crate::net::Down>>,
) -> Result<(), String> {
    let tables = host.workshop.tables.len();
    let status = |host: &Host, t: usize| host.workshop.tables[t].session.state().status;
    match action {
        RoomAction::All(AllTables::Start) => {
            let waiting: Vec<usize> = (0..tables)
                .filter(|&t| status(host, t) == Status::Waiting)
                .collect();
            for t in waiting {
                start_table(host, t, out)?;
            }
        }
        RoomAction::All(command) => {
            let (from, command): (&[Status], TrainerCommand) = match command {
                AllTables::Pause => (&[Status::Running], TrainerCommand::Pause),
                AllTables::Resume => (&[Status::Paused], TrainerCommand::Start),
                AllTables::NextPhase => (
                    &[Status::Running, Status::Paused],
                    TrainerCommand::NextPhase,
                ),
                AllTables::End => (
                    &[Status::Waiting, Status::Running, Status::Paused],
                    TrainerCommand::End,
                ),
                AllTables::Start => unreachable!("handled above"),
            };
            let concerned: Vec<usize> = (0..tables)
                .filter(|&t| from.contains(&status(host, t)))
                .collect();
            for t in concerned {
                host.direct(t, command.clone(), out)
                    .map_err(|e| format!("table {}: {e}", t + 1))?;
            }
        }
        RoomAction::Table(t, command) => host
            .direct(t, command, out)
            .map_err(|e| format!("table {}: {e}", t + 1))?,
        RoomAction::StartTable(t) => start_table(host, t, out)?,
        RoomAction::Seat(t, role, client) => {
            let name = host
                .workshop
                .waiting_people()
                .into_iter()
                .find(|(c, _)| *c == client)
                .map(|(_, name)| name)
                .ok_or("this person is no longer waiting")?;
            host.assign(t, role.as_str(), Seat::person(name, Some(client)), out)?;
        }
        RoomAction::Bot(t, role) => host.assign(t, role.as_str(), Seat::Bot, out)?,
        RoomAction::Free(t, role) => host.assign(t, role.as_str(), Seat::Free, out)?,
        RoomAction::Projector(open) => projector.0 = open,
        RoomAction::WriteReport => {
            let path = crate::records::report::path_for(host.workshop.journal_path().as_deref());
            ui_state.room.outcome = Some(
                crate::records::report::for_workshop(&host.workshop, tr, false).and_then(|html| {
                    std::fs::write(&path, html)
                        .map(|()| {
                            // Opened in the browser at once: a trainer prints
                            // or presents it from there, no path to copy.
                            let key = if open_in_browser(&path) {
                                "report-opened"
                            } else {
                                "report-written"
                            };
                            let file = path.file_name().map_or_else(
                                || path.display().to_string(),
                                |f| f.to_string_lossy().into_owned(),
                            );
                            tr.t_args(key, &[("file", file)])
                        })
                        .map_err(|e| format!("{}: {e}", path.display()))
                }),
            );
        }
        RoomAction::Archive { names } => {
            archive(
                host,
                ui_state,
                crate::records::archive::Keeping::Chosen { names },
                tr,
            );
        }
    }
    Ok(())
}

/// Opens a file in the system's browser; false when no opener ran.
fn open_in_browser(path: &std::path::Path) -> bool {
    let mut command = if cfg!(target_os = "windows") {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else {
        std::process::Command::new("xdg-open")
    };
    command
        .arg(path)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .is_ok()
}

/// Keeps the workshop in the archive and says how on the console.
fn archive(host: &Host, ui_state: &mut HostUi, keeping: crate::records::archive::Keeping, tr: &Tr) {
    ui_state.room.outcome = Some(
        crate::records::archive::keep_workshop(&host.workshop, keeping, tr).map(|(id, kept)| {
            tr.t_args(
                "room-archived",
                &[
                    ("id", id),
                    (
                        "names",
                        tr.t(if kept {
                            "room-archived-names"
                        } else {
                            "room-archived-pseudonyms"
                        }),
                    ),
                ],
            )
        }),
    );
}

/// Starts a waiting table, its free roles going to bots.
fn start_table(
    host: &mut Host,
    t: usize,
    out: &mut MessageWriter<ToClients<crate::net::Down>>,
) -> Result<(), String> {
    let outbox = host.workshop.fill_with_bots(t);
    host.send(outbox, out);
    host.direct(t, TrainerCommand::Start, out)
        .map_err(|e| format!("table {}: {e}", t + 1))
}

/// The PEARLS prompts of every table that has ended, for the trainer to
/// lead the discussion.
fn pearls_panel(ui: &mut egui::Ui, workshop: &Workshop, tr: &Tr) {
    let case = workshop.case();
    theme::heading(
        ui,
        Some(theme::icon::CHAT_CIRCLE_TEXT),
        tr.t("pearls-title"),
    );
    // Prompts compare the tables: they wait for every table to end.
    let ended = workshop
        .tables
        .iter()
        .filter(|t| t.session.state().status == Status::Ended)
        .count();
    if ended < workshop.tables.len() {
        ui.label(tr.t_args(
            "pearls-wait",
            &[
                ("ended", ended.to_string()),
                ("count", workshop.tables.len().to_string()),
            ],
        ));
        return;
    }
    let debriefs: Vec<faisceau_engine::Debrief> = (0..workshop.tables.len())
        .filter_map(|t| workshop.debrief(t).map(|d| (*d).clone()))
        .collect();
    let p = faisceau_engine::pearls::pearls(case, &debriefs);
    for (key, prompts) in crate::records::report::sections(&p) {
        ui.label(theme::strong(tr.t(key)).size(size::LARGE));
        for prompt in prompts {
            ui.label(format!(
                "• {}",
                crate::records::report::prompt_text(tr, case.scenario(), case, prompt)
            ));
        }
    }
}
