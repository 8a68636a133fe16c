//! The launcher, the case picker and the role card.

use egui::{self, RichText};
use faisceau_engine::RoleView;
use faisceau_engine::model::Scenario;

use super::theme::{self, icon, size};
use super::{UiAction, duration, heading, text};
use crate::i18n::{Lang, Tr};

/// Display settings the launcher edits.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Display {
    /// Text scale, from 1 to 3.
    pub scale: f32,
    /// High-contrast theme.
    pub contrast: bool,
}

/// A number as the language writes it: "1,25" in French, "1.25" in English.
pub fn decimal(tr: &Tr, value: f32, places: usize) -> String {
    let text = format!("{value:.places$}");
    if tr.lang() == Lang::Fr {
        text.replace('.', ",")
    } else {
        text
    }
}

/// The launcher: what Faisceau can do, and the settings.
pub fn launcher(ui: &mut egui::Ui, display: Display, tr: &Tr) -> Vec<UiAction> {
    let mut actions = Vec::new();
    let palette = theme::palette(ui);
    // A laptop with larger text may not hold it all: it scrolls.
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.vertical_centered(|ui| {
            ui.add_space(24.0);
            ui.label(
                RichText::new(tr.t("app-title"))
                    .family(theme::bold_family())
                    .size(size::DISPLAY)
                    .color(palette.accent),
            );
            ui.label(RichText::new(tr.t("app-tagline")).size(size::HEADING));
            ui.add_space(28.0);
            let big = |ui: &mut egui::Ui, glyph: &str, s: String, primary: bool| {
                let text = RichText::new(format!("{glyph}   {s}"))
                    .family(theme::semibold())
                    .size(size::HEADING)
                    .color(if primary {
                        palette.on_accent
                    } else {
                        palette.text
                    });
                ui.add(
                    egui::Button::new(text)
                        .fill(if primary {
                            palette.accent
                        } else {
                            palette.surface
                        })
                        .stroke(egui::Stroke::new(1.0, palette.border))
                        .min_size(egui::vec2(400.0, 54.0)),
                )
                .clicked()
            };
            if big(ui, icon::USERS, tr.t("launcher-join"), true) {
                actions.push(UiAction::OpenJoin);
            }
            ui.add_space(4.0);
            if big(ui, icon::PLAY, tr.t("launcher-practise"), false) {
                actions.push(UiAction::OpenPicker);
            }
            ui.add_space(4.0);
            if big(ui, icon::PROJECTOR_SCREEN, tr.t("launcher-host"), false) {
                actions.push(UiAction::OpenHost);
            }
            ui.add_space(4.0);
            if big(ui, icon::NOTE_PENCIL, tr.t("launcher-author"), false) {
                actions.push(UiAction::OpenPreview);
            }
            ui.add_space(28.0);
            ui.label(theme::strong(tr.t("launcher-settings")).size(size::HEADING));
            ui.add_space(6.0);
            // Labels in one column, controls in the other, centred under the buttons.
            theme::column(ui, 440.0, |ui| {
                egui::Grid::new("settings")
                    .num_columns(2)
                    .spacing([18.0, 12.0])
                    .show(ui, |ui| {
                        ui.label(tr.t("settings-language"));
                        ui.horizontal(|ui| {
                            for lang in [Lang::Fr, Lang::En] {
                                let on = tr.lang() == lang;
                                if theme::chip(ui, &Tr::new(lang).t("lang-name"), on).clicked()
                                    && !on
                                {
                                    actions.push(UiAction::SetLang(lang));
                                }
                            }
                        });
                        ui.end_row();
                        ui.label(tr.t("settings-scale"));
                        ui.horizontal(|ui| {
                            let mut scale = display.scale;
                            if ui
                                .add(
                                    egui::Slider::new(&mut scale, 1.0..=3.0)
                                        .step_by(0.05)
                                        .custom_formatter(|v, _| decimal(tr, v as f32, 2))
                                        .custom_parser(|s| s.replace(',', ".").parse().ok()),
                                )
                                .changed()
                            {
                                actions.push(UiAction::SetScale(scale));
                            }
                        });
                        ui.end_row();
                        ui.label(tr.t("settings-contrast"));
                        let mut contrast = display.contrast;
                        if ui.checkbox(&mut contrast, "").changed() {
                            actions.push(UiAction::SetContrast(contrast));
                        }
                        ui.end_row();
                    });
            });
            ui.add_space(16.0);
        });
    });
    actions
}

/// What the case picker is for, and what it has to say.
#[derive(Clone, Debug, Default)]
pub struct PickerState {
    /// Choosing a case for the author preview, not a role to play.
    pub for_preview: bool,
    /// Where the library was looked for, to say so when it is empty.
    pub searched: String,
    /// The path typed in "open a file".
    pub path: String,
    /// Why the last file could not be opened.
    pub error: Option<String>,
}

/// The case picker: a way home, the cases and "open a file", then the
/// chosen one's synopsis, content note and roles (or, for the author
/// preview, a button that opens it).
pub fn picker(
    ui: &mut egui::Ui,
    cases: &[&Scenario],
    chosen: Option<usize>,
    state: &mut PickerState,
    tr: &Tr,
) -> Vec<UiAction> {
    let mut actions = Vec::new();
    egui::Panel::left("cases")
        .resizable(false)
        .exact_size(320.0)
        .show(ui, |ui| {
            ui.add_space(8.0);
            if theme::button(ui, true, icon::ARROW_LEFT, &tr.t("debrief-launcher")).clicked() {
                actions.push(UiAction::OpenLauncher);
            }
            heading(
                ui,
                tr.t(if state.for_preview {
                    "picker-title-preview"
                } else {
                    "picker-title"
                }),
            );
            egui::ScrollArea::vertical()
                .max_height(ui.available_height() - 150.0)
                .show(ui, |ui| {
                    if cases.is_empty() {
                        ui.label(
                            RichText::new(
                                tr.t_args("picker-none", &[("folder", state.searched.clone())]),
                            )
                            .size(size::BODY),
                        );
                    }
                    for (i, case) in cases.iter().enumerate() {
                        if ui
                            .selectable_label(
                                chosen == Some(i),
                                RichText::new(text(tr, &case.title)).size(size::LARGE),
                            )
                            .clicked()
                        {
                            actions.push(UiAction::PickCase(i));
                        }
                    }
                });
            ui.separator();
            ui.label(theme::strong(tr.t("picker-open-file")));
            let field = ui.add(
                egui::TextEdit::singleline(&mut state.path)
                    .hint_text(tr.t("picker-open-file-hint"))
                    .desired_width(f32::INFINITY),
            );
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let typed = !state.path.trim().is_empty();
            if (theme::button(ui, typed, icon::FOLDER_OPEN, &tr.t("picker-open")).clicked()
                || entered)
                && typed
            {
                actions.push(UiAction::OpenCase(state.path.trim().into()));
            }
            if let Some(error) = &state.error {
                ui.label(RichText::new(error).color(theme::palette(ui).breach));
            }
        });
    egui::CentralPanel::default().show(ui, |ui| {
        let Some(case) = chosen.and_then(|i| cases.get(i)) else {
            ui.add_space(40.0);
            ui.label(
                RichText::new(tr.t(if cases.is_empty() {
                    "picker-empty-next"
                } else {
                    "picker-choose-case"
                }))
                .size(size::LARGE),
            );
            return;
        };
        egui::ScrollArea::vertical().show(ui, |ui| {
            ui.add(
                egui::Label::new(
                    RichText::new(text(tr, &case.title))
                        .size(size::TITLE)
                        .strong(),
                )
                .wrap(),
            );
            ui.label(tr.t_args(
                "picker-duration",
                &[("minutes", case.duration_minutes.to_string())],
            ));
            ui.add_space(8.0);
            ui.add(
                egui::Label::new(RichText::new(text(tr, &case.summary)).size(size::LARGE)).wrap(),
            );
            heading(ui, tr.t("picker-content-note"));
            ui.add(
                egui::Label::new(RichText::new(text(tr, &case.content_note)).size(size::BODY))
                    .wrap(),
            );
            if state.for_preview {
                ui.add_space(12.0);
                if theme::primary(
                    ui,
                    true,
                    format!("{}  {}", icon::ARROW_RIGHT, tr.t("picker-open-preview")),
                )
                .clicked()
                {
                    actions.push(UiAction::OpenPreview);
                }
                return;
            }
            heading(ui, tr.t("picker-choose-role"));
            ui.label(RichText::new(tr.t("picker-next-step")).italics());
            for role in &case.roles {
                ui.horizontal(|ui| {
                    if ui
                        .button(RichText::new(tr.t("picker-start")).size(size::BODY))
                        .clicked()
                    {
                        actions.push(UiAction::PickRole(role.id.clone()));
                    }
                    ui.add(
                        egui::Label::new(
                            RichText::new(text(tr, &role.name))
                                .size(size::LARGE)
                                .strong(),
                        )
                        .wrap(),
                    );
                });
            }
        });
    });
    actions
}

/// The role card: content note, mission, powers, secrecy and time, before
/// playing; `again` when it is read again during play, so that its button
/// goes back to the desk.
pub fn role_card(ui: &mut egui::Ui, view: &RoleView, tr: &Tr, again: bool) -> Vec<UiAction> {
    let mut actions = Vec::new();
    let palette = theme::palette(ui);
    // The way on stays in view at the bottom, whatever the card's length.
    egui::Panel::bottom("card_begin")
        .frame(
            egui::Frame::new()
                .fill(palette.panel)
                .inner_margin(egui::Margin::symmetric(24, 12)),
        )
        .show(ui, |ui| {
            theme::column(ui, CARD_WIDTH, |ui| {
                ui.horizontal(|ui| {
                    let (icon, label) = if again {
                        (icon::ARROW_LEFT, tr.t("card-back-to-desk"))
                    } else {
                        (icon::ARROW_RIGHT, tr.t("card-begin"))
                    };
                    if theme::primary(ui, true, format!("{icon}  {label}")).clicked() {
                        actions.push(UiAction::Begin);
                    }
                    if !again {
                        ui.label(theme::muted(ui, tr.t("card-begin-help")));
                    }
                });
            });
        });
    egui::ScrollArea::vertical().show(ui, |ui| {
        // Lines a reader can follow on a wide screen, centred on the projector.
        theme::column(ui, CARD_WIDTH, |ui| {
            ui.add_space(8.0);
            ui.label(theme::muted(ui, text(tr, &view.title)).size(size::HEADING));
            ui.label(theme::title(text(tr, &view.role.name)));
            ui.add_space(6.0);
            theme::card_with(ui, Some(palette.caution), |ui| {
                ui.label(theme::strong(format!(
                    "{}  {}",
                    icon::INFO,
                    tr.t("picker-content-note")
                )));
                ui.label(text(tr, &view.content_note));
            });
            theme::heading(ui, Some(icon::TARGET), tr.t("card-mission"));
            ui.label(RichText::new(text(tr, &view.role.brief)).size(size::LARGE));
            theme::heading(ui, Some(icon::GAVEL), tr.t("card-powers"));
            if view.decisions.is_empty() {
                ui.label(tr.t("card-no-powers"));
            }
            for decision in &view.decisions {
                theme::card(ui, |ui| {
                    ui.label(theme::strong(text(tr, &decision.name)));
                    ui.label(text(tr, &decision.description));
                });
            }
            theme::heading(ui, Some(icon::LOCK), tr.t("card-secrecy"));
            ui.label(RichText::new(text(tr, &view.role.secrecy)).size(size::BODY));
            theme::heading(ui, Some(icon::HOURGLASS), tr.t("card-time"));
            ui.label(tr.t_args("card-budget", &[("hours", duration(view.role.budget))]));
            ui.add_space(12.0);
        });
    });
    actions
}

/// The role card's column: lines a reader can follow on a wide screen.
const CARD_WIDTH: f32 = 1040.0;
