//! The case file: what the role knows, where each clue came from, and the
//! bundle of indicators beside it.

use egui::{self, RichText};
use faisceau_engine::view::Provenance;
use faisceau_engine::{Id, RoleCommand, RoleView};

use super::controls::*;
use super::names::*;
use super::state::*;
use crate::i18n::Tr;
use crate::ui::theme::{self, icon, size};
use crate::ui::{UiAction, clock, frame_name, text};

pub(super) fn bundle_panel(ui: &mut egui::Ui, view: &RoleView, tr: &Tr) {
    let palette = theme::palette(ui);
    theme::heading(ui, Some(icon::LIST_CHECKS), tr.t("bundle-title"));
    ui.label(theme::muted(ui, tr.t("bundle-help")));
    for category in &view.categories {
        let indicators: Vec<_> = view
            .indicators
            .iter()
            .filter(|i| i.category == category.id)
            .collect();
        let covered: Vec<&Id> = indicators
            .iter()
            .map(|i| &i.id)
            .filter(|id| view.bundle.iter().any(|b| b.indicator == **id))
            .collect();
        ui.add_space(4.0);
        // The name, then its count on a line of its own: a long name never
        // runs under the count, in any language.
        ui.add(egui::Label::new(theme::strong(text(tr, &category.name)).size(size::BODY)).wrap());
        ui.label(
            RichText::new(tr.t_args(
                "bundle-coverage",
                &[
                    ("covered", covered.len().to_string()),
                    ("count", indicators.len().to_string()),
                ],
            ))
            .size(size::SMALL)
            .color(palette.muted),
        );
        let fraction = if indicators.is_empty() {
            0.0
        } else {
            covered.len() as f32 / indicators.len() as f32
        };
        ui.add(
            egui::ProgressBar::new(fraction)
                .desired_height(8.0)
                .fill(palette.accent),
        );
        for id in covered {
            let clues = view.bundle.iter().filter(|b| b.indicator == *id).count();
            ui.label(
                RichText::new(format!(
                    "{}  {} ({clues})",
                    icon::CHECK,
                    indicator_name(view, tr, id)
                ))
                .size(size::SMALL)
                .color(palette.text),
            );
        }
    }
    if view.bundle.is_empty() {
        ui.label(theme::muted(ui, tr.t("bundle-empty")));
    }
}

pub(super) fn file_tab(
    ui: &mut egui::Ui,
    view: &RoleView,
    state: &mut DeskState,
    tr: &Tr,
    actions: &mut Vec<UiAction>,
) {
    theme::heading(ui, Some(icon::FOLDER_OPEN), tr.t("tab-file"));
    if view.clues.is_empty() {
        ui.label(tr.t("file-empty"));
    }
    ui.label(theme::muted(ui, tr.t("file-help")));
    // Newest first: what just arrived is at the top.
    for clue in view.clues.iter().rev() {
        let new = !state.seen_at_open.clues.contains(&clue.id);
        let edge = new.then(|| theme::palette(ui).new);
        theme::card_with(ui, edge, |ui| {
            ui.horizontal_wrapped(|ui| {
                new_mark(ui, tr, new);
                ui.label(RichText::new(text(tr, &clue.text)).size(size::LARGE));
            });
            // The button that opens the indicators comes first and stays
            // where it is, whatever is filed; the sources come last, so that
            // a colleague's new source never pushes a button down.
            ui.horizontal_wrapped(|ui| {
                let open = state.tagging.as_ref() == Some(&clue.id);
                let label = if open {
                    format!("{}  {}", icon::CARET_UP, tr.t("file-tags-close"))
                } else {
                    format!("{}  {}", icon::TAG, tr.t("file-add-tag"))
                };
                if ui.link(RichText::new(label).size(size::BODY)).clicked() {
                    state.tagging = if open { None } else { Some(clue.id.clone()) };
                }
                if !open {
                    for tag in &clue.tags {
                        if theme::chip(ui, &indicator_name(view, tr, tag), true)
                            .on_hover_text(tr.t("file-untag-help"))
                            .clicked()
                        {
                            actions.push(UiAction::Role(RoleCommand::Untag {
                                clue: clue.id.clone(),
                                indicator: tag.clone(),
                            }));
                        }
                    }
                }
            });
            if state.tagging.as_ref() == Some(&clue.id) {
                ui.add_space(4.0);
                // Every indicator keeps its place: a chosen one is marked ✓
                // and a second click takes it back out.
                for category in &view.categories {
                    ui.label(theme::strong(text(tr, &category.name)).size(size::SMALL));
                    ui.horizontal_wrapped(|ui| {
                        for indicator in
                            view.indicators.iter().filter(|i| i.category == category.id)
                        {
                            let chosen = clue.tags.contains(&indicator.id);
                            if theme::chip(ui, text(tr, &indicator.name), chosen).clicked() {
                                actions.push(UiAction::Role(if chosen {
                                    RoleCommand::Untag {
                                        clue: clue.id.clone(),
                                        indicator: indicator.id.clone(),
                                    }
                                } else {
                                    RoleCommand::Tag {
                                        clue: clue.id.clone(),
                                        indicator: indicator.id.clone(),
                                    }
                                }));
                            }
                        }
                    });
                }
            }
            provenance(ui, view, clue, tr);
        });
    }
    if !view.people.is_empty() {
        theme::heading(ui, Some(icon::USERS), tr.t("file-people"));
        for person in &view.people {
            theme::card(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.label(theme::strong(text(tr, &person.name)));
                    ui.label(theme::muted(
                        ui,
                        tr.t_args("file-trust", &[("level", person.trust.to_string())]),
                    ));
                });
                ui.label(text(tr, &person.description));
            });
        }
    }
}

/// Where a clue came from: the first source in one line, the others folded.
pub(super) fn provenance(
    ui: &mut egui::Ui,
    view: &RoleView,
    clue: &faisceau_engine::view::KnownClue,
    tr: &Tr,
) {
    let how: Vec<String> = clue
        .provenance
        .iter()
        .map(|p| match p {
            Provenance::Discovered(_) => tr.t("file-discovered"),
            Provenance::Received { from, frame } => tr.t_args(
                "file-from",
                &[
                    ("role", colleague_name(view, tr, from)),
                    ("channel", frame_name(tr, &view.frames, frame)),
                ],
            ),
        })
        .collect();
    let first = format!(
        "{} · {}",
        clock(tr, clue.learned_at),
        how.first().cloned().unwrap_or_default()
    );
    ui.label(theme::muted(ui, first));
    if how.len() <= 1 {
        return;
    }
    // The other sources fold under one line.
    let id = ui.make_persistent_id(("provenance", clue.id.as_str()));
    let mut open = ui.data(|d| d.get_temp::<bool>(id).unwrap_or(false));
    let toggle = if open {
        format!("{}  {}", icon::CARET_UP, tr.t("file-fewer-sources"))
    } else {
        format!(
            "{}  {}",
            icon::CARET_DOWN,
            tr.t_args(
                "file-more-sources",
                &[("count", (how.len() - 1).to_string())]
            )
        )
    };
    if ui.link(RichText::new(toggle).size(size::SMALL)).clicked() {
        open = !open;
        ui.data_mut(|d| d.insert_temp(id, open));
    }
    if open {
        for line in &how[1..] {
            ui.label(theme::muted(ui, line.clone()));
        }
    }
}
