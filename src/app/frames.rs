//! Frame-time measurement for docs/benchmarks.md.
//!
//! `FAISCEAU_FRAME_STATS=N` draws continuously (as under load: every frame
//! is laid out and rendered), records the wall time between the last N
//! frames once the chosen screen is shown, prints their median, 99th
//! percentile and maximum on standard error, then exits.

use std::time::Duration;

use bevy::platform::time::Instant;
use bevy::prelude::*;
use bevy::winit::WinitSettings;

use super::{Launch, Screen};

pub(super) fn plugin(app: &mut App) {
    let Some(frames) = std::env::var("FAISCEAU_FRAME_STATS")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .filter(|n| *n > 0)
    else {
        return;
    };
    app.insert_resource(FrameStats {
        wanted: frames,
        warmup: 30,
        last: None,
        samples: Vec::with_capacity(frames),
    })
    .add_systems(Startup, |mut winit: ResMut<WinitSettings>| {
        *winit = WinitSettings::game();
    })
    .add_systems(Last, record);
}

#[derive(Resource)]
struct FrameStats {
    wanted: usize,
    warmup: u32,
    last: Option<Instant>,
    samples: Vec<Duration>,
}

fn record(
    mut stats: ResMut<FrameStats>,
    launch: Res<Launch>,
    screen: Res<State<Screen>>,
    mut exit: MessageWriter<AppExit>,
) {
    if *screen.get() != launch.screen.unwrap_or(Screen::Launcher) {
        return;
    }
    if stats.warmup > 0 {
        stats.warmup -= 1;
        return;
    }
    let now = Instant::now();
    if let Some(last) = stats.last.replace(now) {
        stats.samples.push(now - last);
    }
    if stats.samples.len() < stats.wanted {
        return;
    }
    let mut samples = std::mem::take(&mut stats.samples);
    samples.sort();
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    eprintln!(
        "frames: {} on {:?}; median {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        samples.len(),
        screen.get(),
        at(0.5).as_secs_f64() * 1e3,
        at(0.99).as_secs_f64() * 1e3,
        samples[samples.len() - 1].as_secs_f64() * 1e3,
    );
    exit.write(AppExit::Success);
}
