//! The decisions the role may take, and those taken.

use egui::{self};
use faisceau_engine::{RoleCommand, RoleView};

use super::controls::*;
use super::names::*;
use super::state::*;
use crate::i18n::Tr;
use crate::ui::theme::{self, icon, size};
use crate::ui::{UiAction, clock, text};

pub(super) fn decisions_tab(
    ui: &mut egui::Ui,
    view: &RoleView,
    state: &DeskState,
    tr: &Tr,
    actions: &mut Vec<UiAction>,
) {
    theme::heading(ui, Some(icon::SCALES), tr.t("tab-decisions"));
    if view.decisions.is_empty() {
        ui.label(tr.t("decisions-none"));
    }
    for decision in &view.decisions {
        theme::card(ui, |ui| {
            ui.label(theme::strong(text(tr, &decision.name)).size(size::LARGE));
            ui.label(text(tr, &decision.description));
            if let Some(basis) = &decision.basis {
                ui.label(theme::muted(ui, text(tr, basis)));
            }
            if take_or_say_why(
                ui,
                tr,
                view,
                decision.blocked.as_ref(),
                icon::GAVEL,
                "decisions-take",
            ) {
                actions.push(UiAction::Role(RoleCommand::Decide {
                    decision: decision.id.clone(),
                }));
            }
        });
    }
    if !view.decisions_taken.is_empty() {
        theme::heading(ui, Some(icon::LIST_CHECKS), tr.t("decisions-taken"));
        for (i, taken) in view.decisions_taken.iter().enumerate().rev() {
            ui.horizontal_wrapped(|ui| {
                new_mark(ui, tr, i >= state.seen_at_open.decisions);
                ui.label(format!(
                    "{} · {} — {}",
                    clock(tr, taken.at),
                    text(tr, &taken.name),
                    colleague_name(view, tr, &taken.by)
                ));
            });
        }
    }
}
