//! The launcher, the case picker and the role card.

use bevy_egui::egui::{self, RichText};
use faisceau_engine::RoleView;
use faisceau_engine::model::Scenario;

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

/// The launcher: what Faisceau can do, and the settings.
pub fn launcher(ui: &mut egui::Ui, display: Display, tr: &Tr) -> Vec<UiAction> {
    let mut actions = Vec::new();
    ui.vertical_centered(|ui| {
        ui.add_space(30.0);
        ui.label(RichText::new(tr.t("app-title")).size(44.0).strong());
        ui.label(RichText::new(tr.t("app-tagline")).size(20.0));
        ui.add_space(24.0);
        let big = |s: String| {
            egui::Button::new(RichText::new(s).size(22.0)).min_size(egui::vec2(360.0, 48.0))
        };
        if ui.add(big(tr.t("launcher-practise"))).clicked() {
            actions.push(UiAction::OpenPicker);
        }
        if ui.add(big(tr.t("launcher-author"))).clicked() {
            actions.push(UiAction::OpenPreview);
        }
        if ui.add(big(tr.t("launcher-host"))).clicked() {
            actions.push(UiAction::OpenHost);
        }
        if ui.add(big(tr.t("launcher-join"))).clicked() {
            actions.push(UiAction::OpenJoin);
        }
        ui.add_space(24.0);
        ui.label(RichText::new(tr.t("launcher-settings")).strong().size(18.0));
        ui.horizontal(|ui| {
            ui.label(tr.t("settings-language"));
            for lang in [Lang::Fr, Lang::En] {
                if ui
                    .selectable_label(tr.lang() == lang, Tr::new(lang).t("lang-name"))
                    .clicked()
                    && tr.lang() != lang
                {
                    actions.push(UiAction::SetLang(lang));
                }
            }
        });
        let mut scale = display.scale;
        if ui
            .add(egui::Slider::new(&mut scale, 1.0..=3.0).text(tr.t("settings-scale")))
            .changed()
        {
            actions.push(UiAction::SetScale(scale));
        }
        let mut contrast = display.contrast;
        if ui
            .checkbox(&mut contrast, tr.t("settings-contrast"))
            .changed()
        {
            actions.push(UiAction::SetContrast(contrast));
        }
    });
    actions
}

/// The case picker: the cases, then the chosen one's synopsis, content note and roles.
pub fn picker(
    ui: &mut egui::Ui,
    cases: &[&Scenario],
    chosen: Option<usize>,
    tr: &Tr,
) -> Vec<UiAction> {
    let mut actions = Vec::new();
    egui::Panel::left("cases")
        .resizable(false)
        .exact_size(320.0)
        .show(ui, |ui| {
            heading(ui, tr.t("picker-title"));
            for (i, case) in cases.iter().enumerate() {
                if ui
                    .selectable_label(
                        chosen == Some(i),
                        RichText::new(text(tr, &case.title)).size(18.0),
                    )
                    .clicked()
                {
                    actions.push(UiAction::PickCase(i));
                }
            }
        });
    egui::CentralPanel::default().show(ui, |ui| {
        let Some(case) = chosen.and_then(|i| cases.get(i)) else {
            return;
        };
        egui::ScrollArea::vertical().show(ui, |ui| {
            ui.label(RichText::new(text(tr, &case.title)).size(28.0).strong());
            ui.label(tr.t_args(
                "picker-duration",
                &[("minutes", case.duration_minutes.to_string())],
            ));
            ui.add_space(8.0);
            ui.label(RichText::new(text(tr, &case.summary)).size(17.0));
            heading(ui, tr.t("picker-content-note"));
            ui.label(RichText::new(text(tr, &case.content_note)).size(16.0));
            heading(ui, tr.t("picker-choose-role"));
            ui.label(RichText::new(tr.t("picker-next-step")).italics());
            for role in &case.roles {
                ui.horizontal(|ui| {
                    if ui
                        .button(RichText::new(tr.t("picker-start")).size(16.0))
                        .clicked()
                    {
                        actions.push(UiAction::PickRole(role.id.clone()));
                    }
                    ui.label(RichText::new(text(tr, &role.name)).size(17.0).strong());
                });
            }
        });
    });
    actions
}

/// The role card: mission, powers, secrecy and time, before playing.
pub fn role_card(ui: &mut egui::Ui, view: &RoleView, tr: &Tr) -> Vec<UiAction> {
    let mut actions = Vec::new();
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.label(RichText::new(text(tr, &view.title)).size(18.0));
        ui.label(RichText::new(text(tr, &view.role.name)).size(30.0).strong());
        heading(ui, tr.t("card-mission"));
        ui.label(RichText::new(text(tr, &view.role.brief)).size(17.0));
        heading(ui, tr.t("card-powers"));
        if view.decisions.is_empty() {
            ui.label(tr.t("card-no-powers"));
        }
        for decision in &view.decisions {
            ui.label(
                RichText::new(format!("• {}", text(tr, &decision.name)))
                    .size(16.0)
                    .strong(),
            );
            ui.label(text(tr, &decision.description));
        }
        heading(ui, tr.t("card-secrecy"));
        ui.label(RichText::new(text(tr, &view.role.secrecy)).size(16.0));
        ui.add_space(6.0);
        ui.label(tr.t_args("card-budget", &[("hours", duration(view.role.budget))]));
        heading(ui, tr.t("picker-content-note"));
        ui.label(text(tr, &view.content_note));
        ui.add_space(12.0);
        if ui
            .button(RichText::new(tr.t("card-begin")).size(20.0))
            .clicked()
        {
            actions.push(UiAction::Begin);
        }
    });
    actions
}
