//! The networked workshop in the window: hosting (`host.rs`) and joining
//! (`join.rs`); a client's card, desk and debrief are drawn by `screens.rs`
//! over the backend (`backend.rs`). The screens are the pure functions of
//! `crate::ui`; these modules only move views and commands.

#[cfg(not(target_arch = "wasm32"))]
use {
    super::Screen,
    super::host::{HostUi, host_console, host_setup},
    super::join::{
        JoinUi, follow_seat, join_form, link_banner, lobby, name_refused, open_from_command_line,
        poll_join, poll_search, sit_as_asked, wake_on_browsers, wake_on_packets,
    },
    crate::net::client::{self, Joined},
    crate::net::host::{self, Host},
    bevy::prelude::*,
    bevy_egui::EguiPrimaryContextPass,
};

/// How a window opens on the network, from the command line.
#[derive(Clone, Debug)]
pub enum NetLaunch {
    /// `faisceau join`: the form, filled in; joins at once when complete.
    Join {
        /// The address typed.
        address: Option<String>,
        /// The code.
        code: Option<String>,
        /// The name.
        name: Option<String>,
        /// The table (from 0) and role to take at once.
        seat: Option<(usize, String)>,
    },
}

#[cfg(not(target_arch = "wasm32"))]
pub(super) fn plugin(app: &mut App) {
    app.init_resource::<HostUi>()
        .init_resource::<JoinUi>()
        .init_resource::<super::backend::ClientDesk>()
        .add_plugins((host::plugin, host::listen, client::plugin))
        .add_systems(Startup, open_from_command_line)
        .add_systems(
            Update,
            (
                poll_join,
                poll_search,
                // Both move between screens: a refused name goes back to the
                // form before the seat is followed, in this order every frame.
                (name_refused.run_if(in_state(Screen::Lobby)), follow_seat).chain(),
                wake_on_packets,
                wake_on_browsers,
                sit_as_asked,
            ),
        )
        .add_systems(
            EguiPrimaryContextPass,
            (
                host_setup.run_if(in_state(Screen::HostSetup)),
                host_console
                    .run_if(in_state(Screen::HostConsole).and_then(resource_exists::<Host>)),
                join_form.run_if(in_state(Screen::JoinForm)),
                lobby.run_if(in_state(Screen::Lobby).and_then(resource_exists::<Joined>)),
                link_banner.run_if(resource_exists::<Joined>),
            )
                .run_if(super::screens::fonts_ready),
        );
}
