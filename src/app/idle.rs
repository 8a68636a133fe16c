//! An idle window stays idle.
//!
//! bevy_egui requests a redraw whenever egui "has requested a repaint" and
//! there is something to paint. egui counts a *delayed* repaint (a caret
//! blink, a tooltip, `request_repaint_after`) as requested, so the window
//! redraws at full speed forever. Here a redraw is kept only when egui wants
//! one now; a delayed one becomes a timed wake-up.

use std::time::Duration;

use bevy::prelude::*;
use bevy::window::RequestRedraw;
use bevy::winit::{UpdateMode, WinitSettings};
use bevy_egui::egui::ViewportId;
use bevy_egui::{EguiFullOutput, EguiPostUpdateSet};

/// The longest an idle window sleeps: bots and hot reload are checked at this pace.
pub const IDLE_WAKE: Duration = Duration::from_secs(1);

pub(super) fn plugin(app: &mut App) {
    // For side-by-side measurements (docs/benchmarks.md): keep bevy_egui's behaviour.
    if std::env::var("FAISCEAU_EGUI_REDRAW").is_ok_and(|v| v == "always") {
        return;
    }
    app.init_resource::<RepaintDelay>().add_systems(
        PostUpdate,
        (
            read_repaint_delay
                .after(EguiPostUpdateSet::EndPass)
                .before(EguiPostUpdateSet::ProcessOutput),
            drop_delayed_redraws.after(EguiPostUpdateSet::ProcessOutput),
        ),
    );
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

fn drop_delayed_redraws(
    delay: Res<RepaintDelay>,
    mut redraws: ResMut<Messages<RequestRedraw>>,
    mut winit: ResMut<WinitSettings>,
) {
    if delay.0.is_some_and(|d| !d.is_zero()) {
        redraws.clear();
    }
    let wait = delay
        .0
        .filter(|d| !d.is_zero())
        .map_or(IDLE_WAKE, |d| d.clamp(Duration::from_millis(50), IDLE_WAKE));
    if let UpdateMode::Reactive { wait: current, .. } = &mut winit.focused_mode
        && *current != wait
    {
        *current = wait;
    }
}
