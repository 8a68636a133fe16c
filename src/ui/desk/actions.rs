//! The actions tab: what the role can do, at what cost, and what each
//! action found.

use egui::{self, RichText};
use faisceau_engine::{RoleCommand, RoleView};

use crate::i18n::Tr;

use super::controls::*;
use super::names::*;
use super::state::*;
use crate::ui::theme::{self, icon, size};
use crate::ui::{UiAction, clock, duration, text};

pub(super) fn actions_tab(
    ui: &mut egui::Ui,
    view: &RoleView,
    state: &mut DeskState,
    tr: &Tr,
    actions: &mut Vec<UiAction>,
) {
    let palette = theme::palette(ui);
    theme::heading(ui, Some(icon::MAGNIFYING_GLASS), tr.t("tab-actions"));
    // Open actions first, then those that wait for something.
    let (open, blocked): (Vec<_>, Vec<_>) = view.actions.iter().partition(|a| a.blocked.is_none());
    for action in open.into_iter().chain(blocked) {
        let results: Vec<(usize, &faisceau_engine::view::ActionResult)> = view
            .results
            .iter()
            .enumerate()
            .filter(|(_, r)| r.action == action.id)
            .collect();
        let fresh = results
            .iter()
            .any(|(i, _)| *i >= state.seen_at_open.results);
        theme::card_with(ui, fresh.then_some(palette.new), |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(theme::strong(text(tr, &action.name)).size(size::LARGE));
                ui.label(theme::muted(
                    ui,
                    format!(
                        "{}  {}",
                        icon::HOURGLASS,
                        tr.t_args("actions-cost", &[("time", duration(action.cost))])
                    ),
                ));
            });
            if let Some(description) = &action.description {
                ui.label(text(tr, description));
            }
            if take_or_say_why(
                ui,
                tr,
                view,
                action.blocked.as_ref(),
                icon::PLAY,
                "actions-take",
            ) {
                actions.push(UiAction::Role(RoleCommand::TakeAction {
                    action: action.id.clone(),
                }));
            }
            for (i, result) in results.iter().rev() {
                ui.separator();
                ui.horizontal_wrapped(|ui| {
                    new_mark(ui, tr, *i >= state.seen_at_open.results);
                    ui.label(theme::strong(
                        tr.t_args("actions-found-at", &[("time", clock(tr, result.at))]),
                    ));
                    match &result.text {
                        Some(t) => {
                            ui.label(text(tr, t));
                        }
                        None if result.revealed.is_empty() => {
                            ui.label(tr.t("actions-nothing-new"));
                        }
                        None => {}
                    }
                });
                for clue in &result.revealed {
                    ui.label(
                        RichText::new(format!(
                            "{}  {}",
                            icon::FILE_TEXT,
                            clue_text(view, tr, clue)
                        ))
                        .color(palette.text),
                    );
                }
            }
        });
    }
}
