//! Hosting in the window: the workshop's setup form and the trainer's
//! console (seating, tables, phases). The projector is `projector.rs`.

use std::time::Duration;

use bevy::prelude::*;
use bevy_egui::EguiContexts;
use bevy_egui::egui::{self, RichText};
use bevy_replicon::prelude::*;
use faisceau_engine::TrainerCommand;
use faisceau_engine::session::Status;

use super::projector::ProjectorWanted;
use super::screens::root;
use super::{Launch, Screen, Settings};
use crate::i18n::{Lang, Tr};
use crate::net::code::JoinCode;
use crate::net::host::Host;
use crate::net::workshop::{Seat, Setup, Workshop};
use crate::ui::network::{self as screens, HostForm, NetAction, Waiting};
use crate::ui::theme::{self, size};
use crate::ui::trainer::ConsoleState;
use crate::ui::{self, UiAction};

/// The host's screen state.
#[derive(Resource)]
pub(super) struct HostUi {
    form: HostForm,
    shown: usize,
    console: ConsoleState,
    /// What writing the report gave: where it went, or why not.
    report: Option<Result<String, String>>,
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
            report: None,
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
                    let journal = crate::net::workshop::default_journal();
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

pub(super) fn host_console(
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
    let any_ended = host
        .workshop
        .tables
        .iter()
        .any(|t| t.session.state().status == Status::Ended);
    let mut write_report = false;
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
            // The report to keep, once a table has ended.
            if any_ended {
                ui.horizontal_wrapped(|ui| {
                    if theme::button(ui, true, theme::icon::FILE_TEXT, &tr.t("host-write-report"))
                        .clicked()
                    {
                        write_report = true;
                    }
                    match &ui_state.report {
                        Some(Ok(path)) => {
                            ui.label(tr.t_args("report-written", &[("file", path.clone())]));
                        }
                        Some(Err(e)) => {
                            ui.colored_label(theme::palette(ui).breach, e);
                        }
                        None => {}
                    }
                });
            }
        });
        match &debrief {
            Some(debrief) => {
                egui::ScrollArea::vertical()
                    .id_salt("pearls")
                    .max_height(ui.available_height() * 0.4)
                    .show(ui, |ui| pearls_panel(ui, &host.workshop, tr));
                ui::debrief::debrief(ui, &view.scenario, &view.rulebook, debrief, None, tr);
            }
            None => actions.extend(ui::trainer::console(ui, &view, &mut ui_state.console, tr)),
        }
    });
    if write_report {
        let path = crate::report::path_for(host.workshop.journal_path().as_deref());
        ui_state.report = Some(
            crate::report::for_workshop(&host.workshop, tr).and_then(|html| {
                std::fs::write(&path, html)
                    .map(|()| path.display().to_string())
                    .map_err(|e| format!("{}: {e}", path.display()))
            }),
        );
    }
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
    let debriefs: Vec<faisceau_engine::Debrief> = workshop
        .tables
        .iter()
        .filter_map(|t| faisceau_engine::Debrief::build(case, t.session.events()).ok())
        .collect();
    let p = faisceau_engine::pearls::pearls(case, &debriefs);
    for (key, prompts) in crate::report::sections(&p) {
        ui.label(theme::strong(tr.t(key)).size(size::LARGE));
        for prompt in prompts {
            ui.label(format!(
                "• {}",
                crate::report::prompt_text(tr, case.scenario(), case, prompt)
            ));
        }
    }
}
