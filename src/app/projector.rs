//! The projector: a second OS window, opened from the trainer console.

use bevy::camera::RenderTarget;
use bevy::ecs::schedule::ScheduleLabel;
use bevy::prelude::*;
use bevy::window::{WindowRef, WindowResolution};
use bevy_egui::egui::{self, LayerId, UiBuilder};
use bevy_egui::{EguiContext, EguiGlobalSettings, EguiSchedule, PrimaryEguiContext};

use super::{Settings, Table};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ProjectorWanted>()
        .add_systems(PreStartup, keep_primary_context_manual)
        .add_systems(Startup, open_at_launch)
        .add_systems(
            Update,
            open_projector.run_if(resource_changed::<ProjectorWanted>),
        )
        .add_systems(ProjectorPass, draw.run_if(resource_exists::<Table>));
}

/// Set when the trainer asks for the projector.
#[derive(Resource, Default)]
pub struct ProjectorWanted(pub bool);

/// The egui pass of the projector window.
#[derive(ScheduleLabel, Clone, Debug, PartialEq, Eq, Hash)]
struct ProjectorPass;

/// Marks the projector's window and camera.
#[derive(Component)]
pub struct Projector;

fn open_at_launch(launch: Res<super::Launch>, mut wanted: ResMut<ProjectorWanted>) {
    if launch.projector {
        wanted.0 = true;
    }
}

/// The main window's camera is marked primary by hand, so that the
/// projector's camera gets a context of its own.
fn keep_primary_context_manual(mut settings: ResMut<EguiGlobalSettings>) {
    settings.auto_create_primary_context = false;
}

fn open_projector(
    mut commands: Commands,
    wanted: Res<ProjectorWanted>,
    existing: Query<(), With<Projector>>,
    settings: Res<Settings>,
) {
    if !wanted.0 || !existing.is_empty() {
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

fn draw(
    mut context: Single<&mut EguiContext, Without<PrimaryEguiContext>>,
    table: Res<Table>,
    settings: Res<Settings>,
) {
    let ctx = context.get_mut();
    ctx.set_visuals(egui::Visuals::light());
    let mut root = egui::Ui::new(
        ctx.clone(),
        "projector".into(),
        UiBuilder::new()
            .layer_id(LayerId::background())
            .max_rect(ctx.viewport_rect()),
    );
    let view = table.session.trainer_view();
    let debrief = table.debrief();
    egui::CentralPanel::default().show(&mut root, |ui| {
        crate::ui::projector::projector(ui, &view, debrief.as_ref(), &settings.tr)
    });
}
