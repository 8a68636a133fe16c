//! `--screenshot FILE`: save the first fully laid-out frame of the chosen
//! screen as a PNG, then exit.

use std::path::PathBuf;

use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured, save_to_disk};
use bevy::winit::WinitSettings;

use super::{Launch, Screen};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Startup, keep_drawing)
        .add_systems(Update, capture.run_if(wants_screenshot));
}

fn wants_screenshot(launch: Res<Launch>) -> bool {
    launch.screenshot.is_some()
}

/// A capture needs frames to keep coming, with or without input.
fn keep_drawing(launch: Res<Launch>, mut winit: ResMut<WinitSettings>) {
    if launch.screenshot.is_some() {
        *winit = WinitSettings::game();
    }
}

/// Frames seen on the target screen; egui lays out over a couple of frames.
#[derive(Default)]
struct Settled(u32, bool);

fn capture(
    mut commands: Commands,
    launch: Res<Launch>,
    screen: Res<State<Screen>>,
    mut settled: Local<Settled>,
    projector: Query<Entity, (With<Window>, With<super::projector::Projector>)>,
    live: Res<super::author::Live>,
) {
    let target = launch.screen.unwrap_or(Screen::Launcher);
    if *screen.get() != target || settled.1 {
        return;
    }
    // The map and figures are shown once the case is checked and simulated.
    if launch.map && !live.settled() {
        return;
    }
    settled.0 += 1;
    if settled.0 < 12 {
        return;
    }
    settled.1 = true;
    let path: PathBuf = launch.screenshot.clone().unwrap_or_default();
    let shot = match (launch.projector, projector.single()) {
        (true, Ok(window)) => Screenshot::window(window),
        _ => Screenshot::primary_window(),
    };
    commands.spawn(shot).observe(save_to_disk(path)).observe(
        |_: On<ScreenshotCaptured>, mut exit: MessageWriter<AppExit>| {
            exit.write(AppExit::Success);
        },
    );
}
