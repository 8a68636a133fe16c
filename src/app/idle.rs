//! An idle window stays idle.
//!
//! Two causes kept an idle bevy_egui window redrawing at full speed:
//! bevy_egui feeds egui a `ModifiersChanged` event on every frame, and any
//! input event makes egui request an immediate repaint (which bevy_egui turns
//! into a winit wake-up); and bevy_egui requests a redraw whenever egui "has
//! requested a repaint", which includes *delayed* repaints (a caret blink, a
//! tooltip). Here unchanged modifiers are dropped, and a delayed repaint waits
//! for the window's next timed wake-up.

use std::time::Duration;

use bevy::prelude::*;
use bevy::window::RequestRedraw;
use bevy::winit::{UpdateMode, WinitSettings};
use bevy_egui::egui::ViewportId;
use bevy_egui::egui::{Event, Modifiers};

use super::Screen;
use bevy_egui::{EguiFullOutput, EguiInput, EguiPostUpdateSet, EguiPreUpdateSet};

/// The longest an idle window sleeps: bots and the network keep-alives are
/// served at this pace (a save of the open case wakes it at once, see reload).
pub const IDLE_WAKE: Duration = Duration::from_secs(2);

/// How long a screen with no case open sleeps without input.
const RESTING: Duration = Duration::from_secs(60);

pub(super) fn plugin(app: &mut App) {
    for screen in [Screen::Launcher, Screen::Picker, Screen::HostSetup] {
        app.add_systems(OnEnter(screen), wake_every(RESTING));
    }
    for screen in [
        Screen::RoleCard,
        Screen::Desk,
        Screen::Preview,
        Screen::Debrief,
        Screen::HostConsole,
        Screen::JoinForm,
        Screen::Lobby,
    ] {
        app.add_systems(OnEnter(screen), wake_every(IDLE_WAKE));
    }
    // For side-by-side measurements (docs/benchmarks.md): keep bevy_egui's behaviour.
    if std::env::var("FAISCEAU_EGUI_REDRAW").is_ok_and(|v| v == "always") {
        return;
    }
    app.init_resource::<RepaintDelay>()
        .init_resource::<LastDrawn>()
        .add_systems(
            PreUpdate,
            drop_unchanged_modifiers
                .after(EguiPreUpdateSet::ProcessInput)
                .before(EguiPreUpdateSet::BeginPass),
        )
        .add_systems(
            PostUpdate,
            (
                read_repaint_delay
                    .after(EguiPostUpdateSet::EndPass)
                    .before(EguiPostUpdateSet::ProcessOutput),
                drop_delayed_redraws.after(EguiPostUpdateSet::ProcessOutput),
                settle_textures.after(drop_delayed_redraws),
                draw_only_on_change
                    .after(EguiPostUpdateSet::EndPass)
                    .before(EguiPostUpdateSet::ProcessOutput),
            ),
        );
}

/// The longest the window goes without drawing, in case the system lost
/// what it showed (an uncovered window on a desktop without compositor).
const REDRAW_AT_LEAST_EVERY: Duration = Duration::from_secs(60);

/// What the main window showed when it last drew.
#[derive(Resource, Default)]
struct LastDrawn {
    shapes: Vec<bevy_egui::egui::epaint::ClippedShape>,
    pixels_per_point: f32,
    at: Option<bevy::platform::time::Instant>,
    /// Frames still to draw after egui's textures changed.
    settle: u8,
}

/// Frames drawn after a change of egui's textures (new glyphs in the font
/// atlas). The texture reaches the GPU through Bevy's image assets, which
/// may be a frame or more behind the shapes that use it (seen in browsers,
/// and on the trainer's console under load: digits just added to the atlas
/// were blank, and stayed so on a window that draws only on change). Any
/// window's atlas counts: the projector's too.
const SETTLE_FRAMES: u8 = 4;

/// A window at rest still wakes (bots, the network's keep-alives, hot
/// reload), but draws only when what egui would draw has changed: the
/// camera stays inactive otherwise, and Bevy then neither acquires nor
/// presents a frame, so the window keeps its picture. Drawing under a
/// software renderer is what costs; laying out the screen does not.
fn draw_only_on_change(
    mut main: Query<(&EguiFullOutput, &mut Camera), With<bevy_egui::PrimaryEguiContext>>,
    others: Query<&EguiFullOutput, Without<bevy_egui::PrimaryEguiContext>>,
    mut last: ResMut<LastDrawn>,
    mut resized: MessageReader<bevy::window::WindowResized>,
    mut focused: MessageReader<bevy::window::WindowFocused>,
    mut occluded: MessageReader<bevy::window::WindowOccluded>,
    launch: Res<super::Launch>,
) {
    let window_changed =
        resized.read().count() + focused.read().count() + occluded.read().count() > 0;
    for (output, mut camera) in &mut main {
        let Some(full) = output.0.as_ref() else {
            continue;
        };
        let stale = last
            .at
            .is_none_or(|at| at.elapsed() > REDRAW_AT_LEAST_EVERY);
        let textures = !full.textures_delta.is_empty()
            || others
                .iter()
                .filter_map(|o| o.0.as_ref())
                .any(|o| !o.textures_delta.is_empty());
        let settling = last.settle > 0;
        last.settle = if textures {
            SETTLE_FRAMES
        } else {
            last.settle.saturating_sub(1)
        };
        let draw = launch.screenshot.is_some()
            || window_changed
            || stale
            || textures
            || settling
            || full.pixels_per_point != last.pixels_per_point
            || full.shapes != last.shapes;
        if draw && std::env::var_os("FAISCEAU_DRAW_LOG").is_some() {
            info!(
                "draw: window {window_changed}, stale {stale}, textures {}, shapes {}",
                !full.textures_delta.is_empty(),
                full.shapes != last.shapes
            );
        }
        if draw {
            last.shapes.clone_from(&full.shapes);
            last.pixels_per_point = full.pixels_per_point;
            last.at = Some(bevy::platform::time::Instant::now());
        }
        if camera.is_active != draw {
            camera.is_active = draw;
        }
    }
}

/// Screens with a case open wake up regularly for bots and hot reload;
/// the others wait for input. A screenshot run keeps drawing continuously.
fn wake_every(wait: Duration) -> impl FnMut(ResMut<WinitSettings>) {
    move |mut winit: ResMut<WinitSettings>| {
        if matches!(winit.focused_mode, UpdateMode::Reactive { .. }) {
            winit.focused_mode = UpdateMode::reactive(wait);
            winit.unfocused_mode = UpdateMode::reactive_low_power(wait);
        }
    }
}

/// bevy_egui reports the keyboard modifiers as an event on every frame, and
/// any event makes egui ask for an immediate repaint: the window never rests.
/// Only a real change of modifiers is passed on.
fn drop_unchanged_modifiers(mut inputs: Query<&mut EguiInput>, mut last: Local<Option<Modifiers>>) {
    for mut input in &mut inputs {
        input.0.events.retain(|event| match event {
            Event::ModifiersChanged(modifiers) if *last == Some(*modifiers) => false,
            Event::ModifiersChanged(modifiers) => {
                *last = Some(*modifiers);
                true
            }
            _ => true,
        });
    }
}

/// The shortest repaint delay egui asked for in this frame.
#[derive(Resource, Default)]
struct RepaintDelay(Option<Duration>);

fn read_repaint_delay(outputs: Query<&EguiFullOutput>, mut delay: ResMut<RepaintDelay>) {
    delay.0 = outputs
        .iter()
        .filter_map(|output| output.0.as_ref())
        .filter_map(|full| {
            full.viewport_output
                .get(&ViewportId::ROOT)
                .map(|v| v.repaint_delay)
        })
        .min();
}

/// Keeps the window updating while textures settle: a reactive window would
/// otherwise sleep on the frame drawn before the texture arrived.
fn settle_textures(last: Res<LastDrawn>, mut redraws: MessageWriter<RequestRedraw>) {
    if last.settle > 0 {
        redraws.write(RequestRedraw);
    }
}

fn drop_delayed_redraws(delay: Res<RepaintDelay>, mut redraws: ResMut<Messages<RequestRedraw>>) {
    // The window's own reactive wake-up (`IDLE_WAKE`) serves delayed repaints.
    // WinitSettings is left alone: changing it forces a redraw, which loops.
    if delay.0.is_some_and(|d| !d.is_zero()) {
        redraws.clear();
    }
}
