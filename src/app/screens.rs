//! One system per screen: build the view, draw the pure screen, apply what
//! the person asked for.

use std::path::PathBuf;
use std::sync::Arc;

use bevy::prelude::*;
use bevy::window::{MonitorSelection, PrimaryWindow, WindowMode};
use bevy_egui::egui::{self, LayerId, RichText, UiBuilder};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};
use faisceau_engine::{Case, load_bytes};

use super::backend::{Backend, present};
use super::reload::CaseFile;
use super::{Launch, Screen, Settings, Table};
use crate::i18n::Tr;
use crate::ui::{self, UiAction};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Library>()
        .init_resource::<FontsReady>()
        .add_systems(Startup, open_launch)
        .add_systems(Update, fullscreen_on_f11)
        .add_systems(
            EguiPrimaryContextPass,
            (
                apply_display,
                (
                    launcher.run_if(in_state(Screen::Launcher)),
                    picker.run_if(in_state(Screen::Picker)),
                    role_card.run_if(in_state(Screen::RoleCard).and_then(present)),
                    desk.run_if(in_state(Screen::Desk).and_then(present)),
                    preview.run_if(in_state(Screen::Preview).and_then(resource_exists::<Table>)),
                    debrief.run_if(in_state(Screen::Debrief).and_then(present)),
                    notices.run_if(resource_exists::<Table>),
                )
                    .chain()
                    .run_if(fonts_ready),
            )
                .chain(),
        );
}

/// The cases that loaded, for the picker and the host's setup.
#[derive(Resource, Default)]
pub(super) struct Library {
    pub(super) cases: Vec<(PathBuf, Arc<Case>)>,
    chosen: Option<usize>,
    /// What the picker is for and what it says.
    picker: ui::picker::PickerState,
}

/// A case file the person named: its case, or why it cannot be opened, in
/// the words `faisceau check` would use.
fn opened_case(path: &std::path::Path) -> Result<Arc<Case>, String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let shelf = crate::rulebooks::shelf_for(path);
    load_bytes(&bytes, &path.display().to_string(), &shelf)
        .map(|loaded| Arc::new(loaded.case))
        .map_err(|err| err.to_string())
}

fn read_case(path: &PathBuf) -> Option<Arc<Case>> {
    let bytes = std::fs::read(path).ok()?;
    let shelf = crate::rulebooks::shelf_for(path);
    match load_bytes(&bytes, &path.display().to_string(), &shelf) {
        Ok(loaded) => Some(Arc::new(loaded.case)),
        Err(err) => {
            let lang = crate::i18n::Lang::detect(None);
            for diagnostic in &err.diagnostics {
                eprintln!("{}", diagnostic.in_lang(lang.code()));
            }
            None
        }
    }
}

fn open_launch(
    mut commands: Commands,
    launch: Res<Launch>,
    mut library: ResMut<Library>,
    mut file: ResMut<CaseFile>,
    mut live: ResMut<super::author::Live>,
    mut next: ResMut<NextState<Screen>>,
) {
    library.cases = launch
        .library
        .iter()
        .filter_map(|p| read_case(p).map(|c| (p.clone(), c)))
        .collect();
    library.picker.searched = std::env::current_dir()
        .map(|dir| dir.join("scenarios").display().to_string())
        .unwrap_or_else(|_| "scenarios/".into());
    let Some((path, role)) = &launch.play else {
        if let Some(screen) = launch.screen {
            next.set(screen);
        }
        return;
    };
    let Some(case) = read_case(path) else { return };
    library.chosen = library
        .cases
        .iter()
        .position(|(p, _)| p == path)
        .or_else(|| {
            library.cases.push((path.clone(), Arc::clone(&case)));
            Some(library.cases.len() - 1)
        });
    file.watch(path);
    let role_id = role
        .as_ref()
        .map(|r| faisceau_engine::Id::new(r))
        .filter(|r| case.role(r.as_str()).is_some());
    let mut table = Table::new(case, role_id.clone(), launch.seed);
    if launch.warmup > 0 {
        table.warm_up(launch.warmup);
    }
    if launch.console {
        table.preview_role = table.case.scenario().roles.len();
    }
    if launch.map {
        live.tab = super::author::PreviewTab::Map;
    }
    let screen = launch.screen.unwrap_or(if role_id.is_some() {
        Screen::RoleCard
    } else {
        Screen::Picker
    });
    commands.insert_resource(table);
    next.set(screen);
}

/// The whole window as one `Ui`, for a screen (or the projector) to fill.
pub(super) fn root(ctx: &egui::Context) -> egui::Ui {
    egui::Ui::new(
        ctx.clone(),
        "root".into(),
        UiBuilder::new()
            .layer_id(LayerId::background())
            .max_rect(ctx.viewport_rect()),
    )
}

/// The theme's fonts are bound to the window's context: screens may draw.
#[derive(Resource, Default)]
pub(super) struct FontsReady(pub(super) bool);

/// Screens draw once the fonts are bound (the frame after they are installed).
pub(super) fn fonts_ready(ready: Res<FontsReady>) -> bool {
    ready.0
}

fn apply_display(
    mut contexts: EguiContexts,
    settings: Res<Settings>,
    mut applied: Local<Option<(f32, bool)>>,
    mut ready: ResMut<FontsReady>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let wanted = (settings.display.scale, settings.display.contrast);
    if !ready.0 {
        if ui::theme::fonts_ready(ctx) {
            ready.0 = true;
        } else {
            ui::theme::install_fonts(ctx);
            // Draw again at once: the fonts bind at the next pass.
            ctx.request_repaint();
        }
    }
    if *applied != Some(wanted) {
        ctx.set_zoom_factor(wanted.0);
        ui::theme::apply(ctx, ui::theme::Palette::for_contrast(wanted.1));
        *applied = Some(wanted);
    }
    Ok(())
}

fn apply_common(action: &UiAction, settings: &mut Settings) {
    match action {
        UiAction::SetLang(lang) => settings.tr = Tr::new(*lang),
        UiAction::SetScale(scale) => settings.display.scale = scale.clamp(1.0, 3.0),
        UiAction::SetContrast(on) => settings.display.contrast = *on,
        _ => {}
    }
}

fn launcher(
    mut contexts: EguiContexts,
    mut settings: ResMut<Settings>,
    mut next: ResMut<NextState<Screen>>,
    mut library: ResMut<Library>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut root = root(ctx);
    let actions = egui::CentralPanel::default()
        .show(&mut root, |ui| {
            ui::picker::launcher(ui, settings.display, &settings.tr)
        })
        .inner;
    for action in actions {
        apply_common(&action, &mut settings);
        match action {
            UiAction::OpenPicker => {
                library.picker.for_preview = false;
                next.set(Screen::Picker);
            }
            UiAction::OpenHost => next.set(Screen::HostSetup),
            UiAction::OpenJoin => next.set(Screen::JoinForm),
            // The author preview asks which case first.
            UiAction::OpenPreview => {
                library.picker.for_preview = true;
                next.set(Screen::Picker);
            }
            _ => {}
        }
    }
    Ok(())
}

fn picker(
    mut contexts: EguiContexts,
    mut settings: ResMut<Settings>,
    mut library: ResMut<Library>,
    mut next: ResMut<NextState<Screen>>,
    mut commands: Commands,
    launch: Res<Launch>,
    mut file: ResMut<CaseFile>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut root = root(ctx);
    let library = &mut *library;
    let scenarios: Vec<&faisceau_engine::model::Scenario> =
        library.cases.iter().map(|(_, c)| c.scenario()).collect();
    let chosen = library.chosen;
    let actions = egui::CentralPanel::default()
        .show(&mut root, |ui| {
            ui::picker::picker(ui, &scenarios, chosen, &mut library.picker, &settings.tr)
        })
        .inner;
    for action in actions {
        apply_common(&action, &mut settings);
        match action {
            UiAction::PickCase(i) => library.chosen = Some(i),
            UiAction::OpenLauncher => next.set(Screen::Launcher),
            UiAction::OpenCase(path) => match opened_case(&path) {
                Ok(case) => {
                    library.picker.error = None;
                    library.picker.path.clear();
                    let at = library.cases.iter().position(|(p, _)| *p == path);
                    library.chosen = Some(at.unwrap_or_else(|| {
                        library.cases.push((path.clone(), case));
                        library.cases.len() - 1
                    }));
                }
                Err(reason) => {
                    library.picker.error = Some(settings.tr.t_args(
                        "picker-open-failed",
                        &[("path", path.display().to_string()), ("reason", reason)],
                    ));
                }
            },
            UiAction::OpenPreview => {
                if let Some((path, case)) = library.chosen.and_then(|i| library.cases.get(i)) {
                    file.watch(path);
                    commands.insert_resource(Table::new(Arc::clone(case), None, launch.seed));
                    next.set(Screen::Preview);
                }
            }
            UiAction::PickRole(role) => {
                if let Some((path, case)) = library.chosen.and_then(|i| library.cases.get(i)) {
                    file.watch(path);
                    commands.insert_resource(Table::new(Arc::clone(case), Some(role), launch.seed));
                    next.set(Screen::RoleCard);
                }
            }
            _ => {}
        }
    }
    Ok(())
}

fn role_card(
    mut contexts: EguiContexts,
    settings: Res<Settings>,
    mut backend: Backend,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut root = root(ctx);
    let Some(view) = backend.view() else {
        return Ok(());
    };
    let again = backend.has_read_card();
    let actions = egui::CentralPanel::default()
        .show(&mut root, |ui| {
            ui::picker::role_card(ui, &view, &settings.tr, again)
        })
        .inner;
    if actions.contains(&UiAction::Begin) {
        backend.card_read();
        next.set(Screen::Desk);
    }
    Ok(())
}

/// The desk, solo or networked: one system over the backend.
fn desk(
    mut contexts: EguiContexts,
    settings: Res<Settings>,
    mut backend: Backend,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut root = root(ctx);
    let Some((view, state)) = backend.desk() else {
        return Ok(());
    };
    let actions = egui::CentralPanel::default()
        .frame(egui::Frame::NONE)
        .show(&mut root, |ui| {
            ui::desk::desk(ui, &view, state, &settings.tr)
        })
        .inner;
    for action in &actions {
        if *action == UiAction::OpenDebrief && backend.has_debrief() {
            next.set(Screen::Debrief);
        }
        if *action == UiAction::OpenCard {
            next.set(Screen::RoleCard);
        }
        backend.submit(action);
    }
    Ok(())
}

fn preview(
    mut contexts: EguiContexts,
    settings: Res<Settings>,
    mut table: ResMut<Table>,
    mut next: ResMut<NextState<Screen>>,
    mut projector: ResMut<super::ProjectorWanted>,
    mut authoring: super::author::Authoring,
    mut commands: Commands,
) -> Result {
    use super::author::PreviewTab;
    let ctx = contexts.ctx_mut()?;
    let mut root = root(ctx);
    let case = Arc::clone(&table.case);
    let file = &authoring.file;
    let live = &mut *authoring.live;
    let library = &mut *authoring.library;
    let table = &mut *table;
    let roles = case.scenario().roles.len();
    let actions = egui::CentralPanel::default()
        .show(&mut root, |ui| {
            let mut actions = Vec::new();
            egui::Panel::top("preview_switch").show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    if ui::theme::button(
                        ui,
                        true,
                        ui::theme::icon::ARROW_LEFT,
                        &settings.tr.t("debrief-launcher"),
                    )
                    .clicked()
                    {
                        actions.push(UiAction::OpenLauncher);
                    }
                    if ui::theme::button(
                        ui,
                        true,
                        ui::theme::icon::FOLDER_OPEN,
                        &settings.tr.t("preview-change-case"),
                    )
                    .clicked()
                    {
                        actions.push(UiAction::OpenPicker);
                    }
                    ui.separator();
                    ui.label(RichText::new(settings.tr.t("launcher-author")).strong());
                    for (tab, icon, key) in [
                        (PreviewTab::Play, ui::theme::icon::PLAY, "preview-tab-play"),
                        (
                            PreviewTab::Map,
                            ui::theme::icon::MAP_TRIFOLD,
                            "preview-tab-map",
                        ),
                    ] {
                        if ui::theme::tab(ui, icon, &settings.tr.t(key), live.tab == tab).clicked()
                        {
                            live.tab = tab;
                        }
                    }
                    // The map tab shows no table: no role to choose.
                    if live.tab == PreviewTab::Map {
                        return;
                    }
                    ui.separator();
                    // One line whatever the number of roles: the desk seen
                    // as any role, or the trainer's console, from a list.
                    ui.label(settings.tr.t("preview-view-as"));
                    let name_of = |i: usize| match case.scenario().roles.get(i) {
                        Some(role) => ui::text(&settings.tr, &role.name).to_owned(),
                        None => settings.tr.t("trainer-title"),
                    };
                    egui::ComboBox::from_id_salt("preview_role")
                        .width(380.0)
                        .truncate()
                        .selected_text(name_of(table.preview_role))
                        .show_ui(ui, |ui| {
                            for i in 0..=roles {
                                ui.selectable_value(&mut table.preview_role, i, name_of(i));
                            }
                        });
                    if table.preview_role >= roles
                        && ui::theme::button(
                            ui,
                            true,
                            ui::theme::icon::PROJECTOR_SCREEN,
                            &settings.tr.t("trainer-projector"),
                        )
                        .clicked()
                    {
                        actions.push(UiAction::OpenProjector);
                    }
                });
            });
            if live.tab == PreviewTab::Map {
                let name = file
                    .full
                    .as_ref()
                    .and_then(|p| p.file_name())
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                ui::author::map_tab(ui, &live.figures, &mut live.state, &settings.tr, &name);
            } else if table.preview_role >= roles {
                let view = table.session.trainer_view();
                actions.extend(ui::trainer::console(
                    ui,
                    &view,
                    &mut table.console,
                    &settings.tr,
                ));
            } else if let Some(view) = table
                .session
                .view(case.scenario().roles[table.preview_role].id.as_str())
            {
                actions.extend(ui::desk::desk(ui, &view, &mut table.desk, &settings.tr));
            }
            actions
        })
        .inner;
    for action in &actions {
        match action {
            UiAction::OpenDebrief => next.set(Screen::Debrief),
            UiAction::OpenProjector => projector.0 = true,
            UiAction::OpenLauncher => {
                commands.remove_resource::<Table>();
                next.set(Screen::Launcher);
            }
            UiAction::OpenPicker => {
                library.picker.for_preview = true;
                next.set(Screen::Picker);
            }
            _ => {}
        }
        table.apply(action);
    }
    Ok(())
}

fn debrief(
    mut contexts: EguiContexts,
    settings: Res<Settings>,
    backend: Backend,
    mut next: ResMut<NextState<Screen>>,
    mut exit: MessageWriter<AppExit>,
    mut commands: Commands,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut root = root(ctx);
    let actions = backend
        .with_debrief(|parts| {
            egui::CentralPanel::default()
                .show(&mut root, |ui| {
                    ui::debrief::debrief(
                        ui,
                        parts.scenario,
                        parts.rulebook,
                        &parts.debrief,
                        parts.role.as_ref(),
                        &settings.tr,
                    )
                })
                .inner
        })
        .unwrap_or_default();
    for action in actions {
        match action {
            UiAction::BackToDesk => next.set(Screen::Desk),
            UiAction::OpenLauncher => {
                // Leave the table: the launcher starts afresh.
                commands.remove_resource::<Table>();
                commands.remove_resource::<crate::net::client::Joined>();
                commands.remove_resource::<bevy_replicon_renet::RenetClient>();
                commands.remove_resource::<bevy_replicon_renet::netcode::NetcodeClientTransport>();
                next.set(Screen::Launcher);
            }
            UiAction::Quit => {
                exit.write(AppExit::Success);
            }
            _ => {}
        }
    }
    Ok(())
}

/// Hot-reload notices and diagnostics, over whatever screen is shown.
fn notices(
    mut contexts: EguiContexts,
    settings: Res<Settings>,
    mut table: ResMut<Table>,
    file: Res<CaseFile>,
    screen: Res<State<Screen>>,
    live: Res<super::author::Live>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    if table.notice.is_none() && file.diagnostics.is_empty() {
        return Ok(());
    }
    // The map and figures say which version is shown and why a save did
    // not load; only a version that breaks the session still asks here.
    if *screen.get() == Screen::Preview
        && live.tab == super::author::PreviewTab::Map
        && table.pending.is_none()
    {
        table.notice = None;
        return Ok(());
    }
    let mut close = false;
    let mut restart = false;
    egui::Window::new(settings.tr.t("app-title"))
        .anchor(egui::Align2::RIGHT_BOTTOM, [-12.0, -12.0])
        .collapsible(false)
        .show(ctx, |ui| {
            if let Some(notice) = &table.notice {
                ui.label(RichText::new(notice).strong());
            }
            for diagnostic in &file.diagnostics {
                let shown = diagnostic.in_lang(settings.tr.lang().code()).to_string();
                ui.label(RichText::new(shown).monospace());
            }
            if table.pending.is_some() && ui.button(settings.tr.t("reload-restart")).clicked() {
                restart = true;
            }
            if file.diagnostics.is_empty() && ui.button("OK").clicked() {
                close = true;
            }
        });
    if restart && let Some(case) = table.pending.take() {
        let role = table.role.clone();
        let seed = table.session.seed();
        *table = Table::new(case, role, seed);
    }
    if close {
        table.notice = None;
    }
    Ok(())
}

fn fullscreen_on_f11(
    keys: Res<ButtonInput<KeyCode>>,
    mut window: Single<&mut Window, With<PrimaryWindow>>,
) {
    if keys.just_pressed(KeyCode::F11) {
        window.mode = match window.mode {
            WindowMode::Windowed => WindowMode::BorderlessFullscreen(MonitorSelection::Current),
            _ => WindowMode::Windowed,
        };
    }
}
