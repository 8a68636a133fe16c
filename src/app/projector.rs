//! The projector: a second OS window, opened from the trainer console.

use bevy::camera::RenderTarget;
use bevy::ecs::schedule::ScheduleLabel;
use bevy::prelude::*;
use bevy::window::{WindowRef, WindowResolution};
use bevy_egui::egui;
use bevy_egui::{EguiContext, EguiGlobalSettings, EguiSchedule, PrimaryEguiContext};

use super::{ProjectorWanted, Settings, Table};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ProjectorWanted>()
        .add_systems(PreStartup, keep_primary_context_manual)
        .add_systems(Startup, open_at_launch)
        .add_systems(
            Update,
            open_projector.run_if(resource_changed::<ProjectorWanted>),
        )
        .add_systems(ProjectorPass, draw.run_if(resource_exists::<Table>));
    #[cfg(not(target_arch = "wasm32"))]
    app.add_systems(
        ProjectorPass,
        draw_workshop.run_if(resource_exists::<crate::net::host::Host>),
    );
}

/// The egui pass of the projector window.
#[derive(ScheduleLabel, Clone, Debug, PartialEq, Eq, Hash)]
struct ProjectorPass;

/// Marks the projector's window and camera.
#[derive(Component)]
pub struct Projector;

fn open_at_launch(launch: Res<super::Launch>, mut wanted: ResMut<ProjectorWanted>) {
    if launch.projector || launch.projector_open {
        wanted.0 = true;
    }
}

/// The main window's camera is marked primary by hand, so that the
/// projector's camera gets a context of its own.
fn keep_primary_context_manual(mut settings: ResMut<EguiGlobalSettings>) {
    settings.auto_create_primary_context = false;
}

/// Opens the projector window when it is wanted, closes it when it is not.
fn open_projector(
    mut commands: Commands,
    wanted: Res<ProjectorWanted>,
    windows: Query<(), (With<Projector>, With<Window>)>,
    existing: Query<Entity, With<Projector>>,
    settings: Res<Settings>,
) {
    if wanted.0 && !windows.is_empty() {
        return;
    }
    // Closing, or opening after the window was closed by hand (its camera
    // stayed behind): start from nothing.
    for entity in &existing {
        commands.entity(entity).despawn();
    }
    if !wanted.0 {
        return;
    }
    let window = commands
        .spawn((
            Window {
                title: format!("{} — projector", settings.tr.t("app-title")),
                resolution: WindowResolution::new(1600, 900),
                ..default()
            },
            Projector,
        ))
        .id();
    commands.spawn((
        Camera2d,
        Camera::default(),
        RenderTarget::Window(WindowRef::Entity(window)),
        EguiSchedule::new(ProjectorPass),
        Projector,
    ));
}

/// The projector's context gets the theme's fonts and the light palette
/// (dark ink on white, read from the back of the room); false until the
/// fonts are bound.
fn themed(ctx: &egui::Context) -> bool {
    crate::ui::theme::ready(ctx, crate::ui::theme::BOARD)
}

fn draw(
    mut context: Single<&mut EguiContext, Without<PrimaryEguiContext>>,
    table: Res<Table>,
    settings: Res<Settings>,
) {
    let ctx = context.get_mut();
    if !themed(ctx) {
        return;
    }
    let mut root = super::screens::root(ctx);
    let view = table.session.trainer_view();
    let debrief = table.debrief();
    egui::CentralPanel::default().show(&mut root, |ui| {
        crate::ui::projector::projector(ui, &view, debrief.as_ref(), &settings.tr)
    });
}

#[cfg(not(target_arch = "wasm32"))]
/// A hosted workshop: join details, then every table, then the tables side by side.
fn draw_workshop(
    mut context: Single<&mut EguiContext, Without<PrimaryEguiContext>>,
    host: Res<crate::net::host::Host>,
    web: Option<Res<crate::net::web::WebServer>>,
    settings: Res<Settings>,
    mut started: Local<Option<bevy::platform::time::Instant>>,
) {
    use crate::ui::network::Board;
    let ctx = context.get_mut();
    if !themed(ctx) {
        return;
    }
    let mut root = super::screens::root(ctx);
    let workshop = &host.workshop;
    let scenario = workshop.case().scenario();
    let addresses: Vec<String> = crate::net::host_addresses(workshop.port)
        .iter()
        .filter(|a| !a.ip().is_loopback())
        .map(ToString::to_string)
        .collect();
    let addresses = if addresses.is_empty() {
        vec![format!("127.0.0.1:{}", workshop.port)]
    } else {
        addresses
    };
    let code = workshop.code.display();
    // Browsers open the same address over HTTP, when the host serves the client.
    let browser = web
        .filter(|w| w.serves_client)
        .map(|_| crate::ui::network::browser_address(&addresses[0]));
    let tables = workshop.boards();
    // The room's clock starts when the first table does (or when a running
    // workshop is resumed).
    if started.is_none()
        && tables
            .iter()
            .any(|t| t.status != faisceau_engine::session::Status::Waiting)
    {
        *started = Some(bevy::platform::time::Instant::now());
    }
    let board = Board {
        name: &workshop.name,
        scenario,
        addresses: &addresses,
        browser: browser.as_deref(),
        code: &code,
        tables,
        waiting: workshop
            .waiting_people()
            .into_iter()
            .map(|(_, name)| name)
            .collect(),
        elapsed: started.map(|at| at.elapsed().as_secs() / 60),
    };
    egui::CentralPanel::default().show(&mut root, |ui| {
        egui::ScrollArea::vertical()
            .show(ui, |ui| crate::ui::network::board(ui, &board, &settings.tr));
    });
}
