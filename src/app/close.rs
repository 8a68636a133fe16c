//! Closing the window during a workshop asks first: a trainee's table goes
//! on without them, a host's tables stop. The projector window closes at
//! once.

use bevy::prelude::*;
use bevy::window::{PrimaryWindow, WindowCloseRequested};
use bevy_egui::egui::{self, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};
use faisceau_engine::session::Status;

use super::Settings;
use crate::net::client::Joined;
use crate::net::host::Host;
use crate::ui::theme::{self, icon, size};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<CloseAsked>()
        .add_systems(Update, close_requested)
        .add_systems(
            EguiPrimaryContextPass,
            confirm_close.run_if(|asked: Res<CloseAsked>| asked.0),
        );
}

/// The person asked to close the main window during a workshop.
#[derive(Resource, Default)]
struct CloseAsked(bool);

/// What closing would interrupt.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Interrupts {
    Nothing,
    Seat,
    Tables,
}

fn interrupts(joined: Option<&Joined>, host: Option<&Host>) -> Interrupts {
    if let Some(host) = host
        && host
            .workshop
            .tables
            .iter()
            .any(|t| t.session.state().status != Status::Ended)
    {
        return Interrupts::Tables;
    }
    if let Some(joined) = joined
        && joined.seat.is_some()
        && joined.debrief.is_none()
    {
        return Interrupts::Seat;
    }
    Interrupts::Nothing
}

fn close_requested(
    mut requests: MessageReader<WindowCloseRequested>,
    primary: Query<Entity, With<PrimaryWindow>>,
    joined: Option<Res<Joined>>,
    host: Option<Res<Host>>,
    mut asked: ResMut<CloseAsked>,
    mut commands: Commands,
    mut exit: MessageWriter<AppExit>,
) {
    for request in requests.read() {
        if primary.get(request.window).is_err() {
            // The projector: closes at once; the console can open it again.
            commands.entity(request.window).despawn();
            continue;
        }
        match interrupts(joined.as_deref(), host.as_deref()) {
            Interrupts::Nothing => {
                exit.write(AppExit::Success);
            }
            _ => asked.0 = true,
        }
    }
}

fn confirm_close(
    mut contexts: EguiContexts,
    settings: Res<Settings>,
    joined: Option<Res<Joined>>,
    host: Option<Res<Host>>,
    mut asked: ResMut<CloseAsked>,
    mut exit: MessageWriter<AppExit>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let tr = &settings.tr;
    let (title, body) = match interrupts(joined.as_deref(), host.as_deref()) {
        Interrupts::Tables => {
            let journal = host
                .as_deref()
                .and_then(|h| h.workshop.journal_path())
                .map_or_else(String::new, |p| p.display().to_string());
            (
                tr.t("close-host-title"),
                tr.t_args("close-host-body", &[("journal", journal)]),
            )
        }
        Interrupts::Seat => (tr.t("close-seat-title"), tr.t("close-seat-body")),
        Interrupts::Nothing => {
            exit.write(AppExit::Success);
            return Ok(());
        }
    };
    egui::Modal::new(egui::Id::new("confirm_close")).show(ctx, |ui| {
        ui.set_max_width(480.0);
        ui.label(theme::strong(title).size(size::HEADING));
        ui.add_space(8.0);
        ui.label(RichText::new(body).size(size::BODY));
        ui.add_space(16.0);
        ui.horizontal(|ui| {
            if theme::primary(
                ui,
                true,
                format!("{}  {}", icon::ARROW_LEFT, tr.t("close-stay")),
            )
            .clicked()
            {
                asked.0 = false;
            }
            ui.add_space(32.0);
            if theme::danger(
                ui,
                true,
                format!("{}  {}", icon::SIGN_OUT, tr.t("close-quit")),
            )
            .clicked()
            {
                exit.write(AppExit::Success);
            }
        });
    });
    if ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
        asked.0 = false;
    }
    Ok(())
}
