//! The desktop app: Bevy and egui glue around the engine. Rules stay in
//! `faisceau-engine`; screens are the pure functions of `crate::ui`.

mod author;
mod backend;
#[cfg(not(target_arch = "wasm32"))]
mod close;
mod frames;
#[cfg(not(target_arch = "wasm32"))]
mod host;
mod idle;
mod join;
mod network;
mod projector;
mod reload;
mod screens;
mod screenshot;
mod table;

use std::path::PathBuf;

use bevy::prelude::*;
use bevy::winit::{UpdateMode, WinitSettings};
use bevy_egui::EguiPlugin;

use crate::i18n::{Lang, Tr};
use crate::ui::picker::Display;

pub use table::Table;

/// Which screen is shown.
#[derive(States, Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Screen {
    /// What Faisceau can do.
    #[default]
    Launcher,
    /// Choose a case and a role.
    Picker,
    /// Read the role card.
    RoleCard,
    /// Play the role.
    Desk,
    /// Every role side by side, and the trainer console.
    Preview,
    /// The debrief.
    Debrief,
    /// Set up a workshop to host.
    HostSetup,
    /// The host's console: seating, tables, phases.
    HostConsole,
    /// Join a workshop: name, code, address.
    JoinForm,
    /// Choose a table and a role.
    Lobby,
}

/// Set when the trainer asks for the projector (the console's button, the
/// host at launch, the browser client's host screen).
#[derive(Resource, Default)]
pub struct ProjectorWanted(pub bool);

/// How the app was started.
#[derive(Resource, Clone, Debug, Default)]
pub struct Launch {
    /// The case library to pick from.
    pub library: Vec<PathBuf>,
    /// A case to play at once, with the role.
    pub play: Option<(PathBuf, Option<String>)>,
    /// The seed of the session.
    pub seed: u64,
    /// Interface language.
    pub lang: Lang,
    /// Save the first laid-out frame of this screen and exit.
    pub screenshot: Option<PathBuf>,
    /// The screen to show (and capture).
    pub screen: Option<Screen>,
    /// Open the trainer console rather than a role's desk in the preview.
    pub console: bool,
    /// Open the preview on its map and figures (and capture it once the
    /// case is studied).
    pub map: bool,
    /// Open the projector window at once (and capture it with `--screenshot`).
    pub projector: bool,
    /// Open the projector window at once without capturing it (hosting).
    pub projector_open: bool,
    /// Rounds that bots play for every role, the person's included, before showing.
    pub warmup: u32,
    /// Window size in logical pixels.
    pub size: (u32, u32),
    /// Open on the network (join form), from the command line.
    pub net: Option<network::NetLaunch>,
    /// Start in the high-contrast theme.
    pub high_contrast: bool,
}

pub use network::NetLaunch;

/// Language and display settings.
#[derive(Resource)]
pub struct Settings {
    /// Interface strings.
    pub tr: Tr,
    /// Text scale and contrast.
    pub display: Display,
}

#[cfg(not(target_arch = "wasm32"))]
/// Runs the desktop app until the window closes.
pub fn run(launch: Launch) -> AppExit {
    run_with(launch, |_| {})
}

/// The folder of a case file, absolute: the asset root that hot reload
/// watches. Bevy resolves a relative root against the executable, not the
/// working directory, and `my_case.ron`'s parent is the empty path, so the
/// file is made absolute first (`faisceau play my_case.ron` in the case's
/// folder watched `target/release/my_case.ron`).
#[cfg(not(target_arch = "wasm32"))]
fn case_folder(file: &std::path::Path) -> PathBuf {
    let file = std::fs::canonicalize(file)
        .or_else(|_| std::env::current_dir().map(|dir| dir.join(file)))
        .unwrap_or_else(|_| file.to_path_buf());
    file.parent()
        .map_or_else(|| PathBuf::from("."), |dir| dir.to_path_buf())
}

#[cfg(not(target_arch = "wasm32"))]
/// Runs the desktop app, letting `setup` add resources first (a hosted workshop).
pub fn run_with(launch: Launch, setup: impl FnOnce(&mut App)) -> AppExit {
    let mut app = App::new();
    let asset_root = launch
        .play
        .as_ref()
        .map(|(path, _)| path)
        .or_else(|| launch.library.first())
        .map_or_else(|| PathBuf::from("."), |file| case_folder(file));
    let title = Tr::new(launch.lang).t("app-title");
    app.add_plugins(
        DefaultPlugins
            .set(WindowPlugin {
                primary_window: Some(Window {
                    title,
                    resolution: (launch.size.0, launch.size.1).into(),
                    ..default()
                }),
                // Closing during a workshop asks first (close.rs).
                close_when_requested: false,
                ..default()
            })
            .set(AssetPlugin {
                file_path: asset_root.display().to_string(),
                // Saves are watched by reload.rs (the case and its rulebook).
                watch_for_changes_override: Some(false),
                ..default()
            }),
    )
    .add_plugins(EguiPlugin::default())
    .add_plugins((
        bevy_replicon::prelude::RepliconPlugins,
        bevy_replicon_renet::RepliconRenetPlugins,
    ))
    // Reactive: an idle window redraws only on input, and once a second for bots and hot reload.
    .insert_resource(WinitSettings {
        focused_mode: UpdateMode::reactive(idle::IDLE_WAKE),
        unfocused_mode: UpdateMode::reactive_low_power(idle::IDLE_WAKE),
    })
    .insert_resource(Settings {
        tr: Tr::new(launch.lang),
        display: Display {
            scale: 1.25,
            contrast: launch.high_contrast,
        },
    })
    .insert_resource(launch)
    .init_state::<Screen>()
    .add_systems(Startup, spawn_camera)
    .add_plugins((
        table::plugin,
        reload::plugin,
        author::plugin,
        screens::plugin,
        screenshot::plugin,
        idle::plugin,
        frames::plugin,
        projector::plugin,
    ));
    #[cfg(not(target_arch = "wasm32"))]
    app.add_plugins(close::plugin);
    crate::net::shared(&mut app);
    app.add_plugins(network::plugin);
    setup(&mut app);
    app.run()
}

fn spawn_camera(mut commands: Commands) {
    commands.spawn((Camera2d, bevy_egui::PrimaryEguiContext));
}
