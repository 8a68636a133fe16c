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

/// The longest an idle window sleeps: bots and hot reload are checked at this pace.
pub const IDLE_WAKE: Duration = Duration::from_secs(1);

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
            ),
        );
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

fn drop_delayed_redraws(delay: Res<RepaintDelay>, mut redraws: ResMut<Messages<RequestRedraw>>) {
    // The window's own reactive wake-up (`IDLE_WAKE`) serves delayed repaints.
    // WinitSettings is left alone: changing it forces a redraw, which loops.
    if delay.0.is_some_and(|d| !d.is_zero()) {
        redraws.clear();
    }
}
