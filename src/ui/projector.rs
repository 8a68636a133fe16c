//! The projector: no controls, no spoilers, large type for the back of the room.

use egui::{self, RichText};
use faisceau_engine::debrief::Debrief;
use faisceau_engine::session::Status;
use faisceau_engine::view::TrainerView;

use super::theme::size;
use super::{clock, text};
use crate::i18n::Tr;

/// Draws the projector for one table: waiting, in play, or its debrief.
pub fn projector(ui: &mut egui::Ui, view: &TrainerView, debrief: Option<&Debrief>, tr: &Tr) {
    let s = &view.scenario;
    if view.status == Status::Ended
        && let Some(debrief) = debrief
    {
        super::debrief::debrief(ui, s, &view.rulebook, debrief, None, tr);
        return;
    }
    ui.vertical_centered(|ui| {
        ui.add_space(20.0);
        ui.label(
            RichText::new(text(tr, &s.title))
                .size(size::BOARD_TITLE)
                .strong(),
        );
        ui.add_space(16.0);
        match view.status {
            Status::Waiting => {
                ui.label(RichText::new(tr.t("projector-waiting")).size(size::BOARD_LARGE));
                ui.add_space(12.0);
                ui.label(RichText::new(tr.t("projector-local")).size(size::BOARD));
            }
            _ => {
                let phase = &s.phases[view.phase];
                ui.label(RichText::new(text(tr, &phase.name)).size(size::BOARD_LARGE));
                ui.label(RichText::new(clock(tr, view.clock)).size(size::BOARD));
                if view.status == Status::Paused {
                    ui.label(
                        RichText::new(tr.t("desk-paused"))
                            .size(size::BOARD)
                            .strong(),
                    );
                }
                ui.add_space(16.0);
                ui.label(
                    RichText::new(tr.t("trainer-progress"))
                        .size(size::BOARD)
                        .strong(),
                );
                ui.label(
                    RichText::new(tr.t_args(
                        "trainer-clues-known",
                        &[(
                            "known",
                            format!("{}/{}", view.clues_found.0, view.clues_found.1),
                        )],
                    ))
                    .size(size::BOARD),
                );
                let released = view.injects.iter().filter(|i| i.released).count();
                ui.label(
                    RichText::new(format!(
                        "{} : {released}/{}",
                        tr.t("trainer-injects"),
                        view.injects.len()
                    ))
                    .size(size::BOARD),
                );
            }
        }
    });
}
