//! The debrief: learning points for the table and for each role, readable
//! on a projector.

use egui::{self, Color32, Pos2, RichText, Stroke, Vec2};
use faisceau_engine::Id;
use faisceau_engine::Rulebook;
use faisceau_engine::debrief::{Debrief, DecisionStatus};
use faisceau_engine::model::{Scenario, Verdict};

use super::theme::{self, icon, size};
use super::{UiAction, clock, heading, name_in, text, verdict_color};
use crate::i18n::Tr;

/// Draws the debrief of one table; `focus` puts one role's part first.
/// A trainee's debrief (`focus` set) has a way out: back to the desk, to
/// the launcher, or quit.
pub fn debrief(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    rulebook: &Rulebook,
    debrief: &Debrief,
    focus: Option<&Id>,
    tr: &Tr,
) -> Vec<UiAction> {
    let mut actions = Vec::new();
    if focus.is_some() {
        way_out(ui, tr, &mut actions);
    }
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.label(
                RichText::new(format!(
                    "{} — {}",
                    tr.t("debrief-title"),
                    text(tr, &scenario.title)
                ))
                .family(theme::bold_family())
                .size(size::TITLE),
            );
            heading(ui, tr.t("debrief-table"));
            table_outcome(ui, scenario, debrief, tr);

            heading(ui, tr.t("debrief-bundle"));
            bundle_chart(ui, scenario, debrief, tr);

            heading(ui, tr.t("debrief-graph"));
            super::graph::paint(ui, scenario, rulebook, &debrief.table.sharing_graph, tr);

            heading(ui, tr.t("timeline-title"));
            timeline(ui, scenario, rulebook, debrief, focus, tr);

            heading(ui, tr.t("debrief-decisions"));
            table_decisions(ui, scenario, debrief, tr);
            heading(ui, tr.t("debrief-key-shares"));
            key_shares(ui, scenario, debrief, tr);
            heading(ui, tr.t("debrief-teaching"));
            teaching_points(ui, scenario, debrief, tr);
            heading(ui, tr.t("debrief-roles"));
            let mut roles: Vec<_> = debrief.roles.iter().collect();
            if let Some(focus) = focus {
                roles.sort_by_key(|r| r.role != *focus);
            }
            for role in roles {
                egui::CollapsingHeader::new(
                    RichText::new(name_in(tr, &scenario.roles, &role.role, |r| {
                        (&r.id, &r.name)
                    }))
                    .size(size::LARGE)
                    .strong(),
                )
                .default_open(focus.is_none_or(|f| *f == role.role))
                .show(ui, |ui| role_part(ui, scenario, rulebook, role, tr));
            }
        });
    actions
}

/// A trainee's way out of the debrief: back to the desk, to the launcher,
/// or quit.
fn way_out(ui: &mut egui::Ui, tr: &Tr, actions: &mut Vec<UiAction>) {
    let palette = theme::palette(ui);
    egui::Panel::top("debrief_way_out")
        .frame(
            egui::Frame::new()
                .fill(palette.panel)
                .inner_margin(egui::Margin::symmetric(14, 8)),
        )
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                if theme::button(ui, true, icon::ARROW_LEFT, &tr.t("debrief-back-desk")).clicked() {
                    actions.push(UiAction::BackToDesk);
                }
                if theme::button(ui, true, icon::HOUSE, &tr.t("debrief-launcher")).clicked() {
                    actions.push(UiAction::OpenLauncher);
                }
                if theme::button(ui, true, icon::SIGN_OUT, &tr.t("debrief-quit")).clicked() {
                    actions.push(UiAction::Quit);
                }
            });
        });
}

/// The table's conclusion against the expected one, the time it took and
/// the breaches.
fn table_outcome(ui: &mut egui::Ui, scenario: &Scenario, debrief: &Debrief, tr: &Tr) {
    let conclusion_name = |id: &Id| name_in(tr, &scenario.conclusions, id, |c| (&c.id, &c.name));
    let t = &debrief.table;
    let expected = conclusion_name(&scenario.solution.conclusion);
    let (line, color) = match &t.conclusion {
        Some(c) if t.conclusion_correct => (
            tr.t_args(
                "debrief-conclusion-correct",
                &[("conclusion", conclusion_name(c))],
            ),
            verdict_color(ui, Verdict::Allowed),
        ),
        Some(c) => (
            tr.t_args(
                "debrief-conclusion-wrong",
                &[
                    ("conclusion", conclusion_name(c)),
                    ("expected", expected.clone()),
                ],
            ),
            verdict_color(ui, Verdict::Breach),
        ),
        None => (
            tr.t_args("debrief-no-conclusion", &[("expected", expected.clone())]),
            verdict_color(ui, Verdict::Caution),
        ),
    };
    ui.label(
        RichText::new(line)
            .size(size::HEADING)
            .color(color)
            .strong(),
    );
    if let Some(time) = t.time_to_identification {
        ui.label(
            RichText::new(tr.t_args("debrief-time", &[("time", clock(tr, time))]))
                .size(size::LARGE),
        );
    }
    ui.label(
        RichText::new(tr.t_args("debrief-breaches", &[("count", t.breaches.to_string())]))
            .size(size::LARGE),
    );
}

/// Each decision the case expects: taken in time, late or missing, and by whom.
fn table_decisions(ui: &mut egui::Ui, scenario: &Scenario, debrief: &Debrief, tr: &Tr) {
    let role_name = |id: &Id| name_in(tr, &scenario.roles, id, |r| (&r.id, &r.name));
    let decision_name = |id: &Id| name_in(tr, &scenario.decisions, id, |d| (&d.id, &d.name));
    for review in &debrief.table.decisions {
        let (status, color) = status_line(ui, tr, &review.status);
        let by = review
            .by
            .as_ref()
            .map(|b| format!(" — {}", role_name(b)))
            .unwrap_or_default();
        ui.label(
            RichText::new(format!(
                "{} : {status}{by}",
                decision_name(&review.decision)
            ))
            .size(size::LARGE)
            .color(color),
        );
    }
}

/// The shares the case needs, and whether each reached its role.
fn key_shares(ui: &mut egui::Ui, scenario: &Scenario, debrief: &Debrief, tr: &Tr) {
    let role_name = |id: &Id| name_in(tr, &scenario.roles, id, |r| (&r.id, &r.name));
    let clue_text = |id: &Id| name_in(tr, &scenario.clues, id, |c| (&c.id, &c.text));
    for share in &debrief.table.key_shares {
        let reached = if share.reached_at.is_some() {
            tr.t("debrief-reached")
        } else {
            tr.t("debrief-not-reached")
        };
        ui.label(tr.t_args(
            "debrief-key-share",
            &[
                ("clue", clue_text(&share.clue)),
                ("role", role_name(&share.to)),
                ("reached", reached),
            ],
        ));
    }
}

/// The teaching points the table raised.
fn teaching_points(ui: &mut egui::Ui, scenario: &Scenario, debrief: &Debrief, tr: &Tr) {
    for id in &debrief.table.teaching_points {
        if let Some(point) = scenario.teaching_points.iter().find(|p| p.id == *id) {
            ui.label(
                RichText::new(text(tr, &point.title))
                    .size(size::LARGE)
                    .strong(),
            );
            ui.label(RichText::new(text(tr, &point.text)).size(size::LARGE));
            ui.add_space(4.0);
        }
    }
}

/// One role's part: what it found and missed, what it sent, its decisions
/// and the traps it fell into.
fn role_part(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    rulebook: &Rulebook,
    role: &faisceau_engine::debrief::RoleDebrief,
    tr: &Tr,
) {
    let role_name = |id: &Id| name_in(tr, &scenario.roles, id, |r| (&r.id, &r.name));
    let clue_text = |id: &Id| name_in(tr, &scenario.clues, id, |c| (&c.id, &c.text));
    let decision_name = |id: &Id| name_in(tr, &scenario.decisions, id, |d| (&d.id, &d.name));
    ui.label(RichText::new(tr.t("debrief-found")).strong());
    for found in &role.found {
        ui.label(format!(
            "{} · {}",
            clock(tr, found.at),
            clue_text(&found.clue)
        ));
    }
    if !role.missed.is_empty() {
        ui.label(RichText::new(tr.t("debrief-missed")).strong());
        for clue in &role.missed {
            ui.label(format!("• {}", clue_text(clue)));
        }
    }
    if !role.sent.is_empty() {
        ui.label(RichText::new(tr.t("debrief-sent")).strong());
        for share in &role.sent {
            share_line(ui, rulebook, share, &role_name, tr);
        }
    }
    for review in &role.decisions {
        let (status, color) = status_line(ui, tr, &review.status);
        // Which alternative or acceptable decision met the expectation.
        let instead = review
            .instead
            .as_ref()
            .map(|d| tr.t_args("debrief-instead", &[("decision", decision_name(d))]))
            .unwrap_or_default();
        ui.label(
            RichText::new(format!(
                "{} : {status}{instead}",
                decision_name(&review.decision)
            ))
            .color(color),
        );
    }
    if !role.traps.is_empty() {
        ui.label(RichText::new(tr.t("debrief-traps")).strong());
        for trap in &role.traps {
            ui.label(super::trap_line(tr, scenario, trap));
        }
    }
}

/// One share in a role's debrief: when, to whom, through which frame and, for
/// a frame an act opened, which act; the copies it brought; and, where the
/// case departs from its rulebook, why.
fn share_line(
    ui: &mut egui::Ui,
    rulebook: &Rulebook,
    share: &faisceau_engine::debrief::ShareRecord,
    role_name: &dyn Fn(&Id) -> String,
    tr: &Tr,
) {
    let to: Vec<String> = share.to.iter().map(role_name).collect();
    let frame = rulebook.frame(share.frame.as_str());
    let frame_name = frame.map_or(share.frame.to_string(), |f| text(tr, &f.name).to_owned());
    let mut line = tr.t_args(
        "debrief-share",
        &[
            ("time", clock(tr, share.at)),
            ("to", to.join(", ")),
            ("frame", frame_name),
            ("verdict", super::verdict_name(tr, share.verdict)),
        ],
    );
    if let Some((number, act)) = &share.act {
        let act = rulebook
            .act(act.as_str())
            .map_or(act.to_string(), |a| text(tr, &a.name).to_owned());
        line.push_str(&tr.t_args(
            "debrief-share-act",
            &[("act", act), ("number", number.to_string())],
        ));
    }
    ui.label(RichText::new(line).color(verdict_color(ui, share.verdict)));
    let copies: Vec<String> = share
        .copies
        .iter()
        .map(role_name)
        .chain(share.copies_outside.iter().map(|p| {
            rulebook
                .profession(p.as_str())
                .map_or(p.to_string(), |p| text(tr, &p.name).to_owned())
        }))
        .collect();
    if !copies.is_empty() {
        ui.label(RichText::new(tr.t_args("share-copy-sent", &[("to", copies.join(", "))])).weak());
    }
    if let Some(frame) = frame {
        for judgement in &share.judgements {
            if let Some(why) = judgement
                .judgement
                .exception
                .and_then(|e| frame.exceptions.get(e))
                .and_then(|e| e.why.as_ref())
            {
                ui.label(
                    RichText::new(
                        tr.t_args("share-case-why", &[("why", text(tr, why).to_owned())]),
                    )
                    .italics(),
                );
                break;
            }
        }
    }
}

fn status_line(ui: &egui::Ui, tr: &Tr, status: &DecisionStatus) -> (String, Color32) {
    match status {
        DecisionStatus::OnTime { at } => (
            tr.t_args("debrief-on-time", &[("time", clock(tr, *at))]),
            verdict_color(ui, Verdict::Allowed),
        ),
        DecisionStatus::Late { at, deadline } => (
            tr.t_args(
                "debrief-late",
                &[("time", clock(tr, *at)), ("deadline", clock(tr, *deadline))],
            ),
            verdict_color(ui, Verdict::Caution),
        ),
        DecisionStatus::Acceptable { at } => (
            tr.t_args("debrief-acceptable", &[("time", clock(tr, *at))]),
            verdict_color(ui, Verdict::Caution),
        ),
        DecisionStatus::Missing => (tr.t("debrief-missing"), verdict_color(ui, Verdict::Breach)),
        DecisionStatus::Unexpected { at } => (
            tr.t_args("debrief-unexpected", &[("time", clock(tr, *at))]),
            theme::palette(ui).muted,
        ),
    }
}

/// Horizontal bars: the table's weight per category against the required minimum.
fn bundle_chart(ui: &mut egui::Ui, scenario: &Scenario, debrief: &Debrief, tr: &Tr) {
    ui.label(theme::muted(ui, tr.t("debrief-bundle-legend")));
    let max = debrief
        .table
        .bundle
        .iter()
        .map(|b| b.weight.max(b.required))
        .max()
        .unwrap_or(1)
        .max(1) as f32;
    for score in &debrief.table.bundle {
        let name = name_in(tr, &scenario.categories, &score.category, |c| {
            (&c.id, &c.name)
        });
        ui.horizontal(|ui| {
            ui.add_sized(
                [260.0, 24.0],
                egui::Label::new(RichText::new(name).size(size::BODY)),
            );
            let (rect, _) = ui.allocate_exact_size(Vec2::new(360.0, 22.0), egui::Sense::hover());
            let painter = ui.painter();
            painter.rect_filled(rect, 3.0, theme::palette(ui).button);
            let met = score.weight >= score.required;
            let color = if score.required == 0 || met {
                verdict_color(ui, Verdict::Allowed)
            } else {
                verdict_color(ui, Verdict::Caution)
            };
            let width = rect.width() * score.weight as f32 / max;
            painter.rect_filled(
                egui::Rect::from_min_size(rect.min, Vec2::new(width, rect.height())),
                3.0,
                color,
            );
            if score.required > 0 {
                let x = rect.min.x + rect.width() * score.required as f32 / max;
                painter.line_segment(
                    [
                        Pos2::new(x, rect.min.y - 3.0),
                        Pos2::new(x, rect.max.y + 3.0),
                    ],
                    Stroke::new(3.0, theme::palette(ui).text),
                );
            }
            // No minimum: the weight alone, never "6 / 0".
            let figures = if score.required == 0 {
                score.weight.to_string()
            } else {
                format!("{} / {}", score.weight, score.required)
            };
            ui.label(RichText::new(figures).size(size::BODY));
        });
    }
}

/// The table's timeline, or one role's: the trainer sees their observer
/// notes at their times; a trainee sees their own role first.
fn timeline(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    rulebook: &Rulebook,
    debrief: &Debrief,
    focus: Option<&Id>,
    tr: &Tr,
) {
    let key = ui.id().with("timeline_role");
    let mut only: Option<Id> = ui
        .data(|d| d.get_temp::<Option<Id>>(key))
        .unwrap_or_else(|| focus.cloned());
    let role_name = |id: &Id| name_in(tr, &scenario.roles, id, |r| (&r.id, &r.name));
    egui::ComboBox::from_id_salt("timeline_filter")
        .selected_text(
            only.as_ref()
                .map_or_else(|| tr.t("timeline-all"), &role_name),
        )
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut only, None, tr.t("timeline-all"));
            for role in &scenario.roles {
                ui.selectable_value(&mut only, Some(role.id.clone()), text(tr, &role.name));
            }
        });
    ui.data_mut(|d| d.insert_temp(key, only.clone()));
    let all_key = ui.id().with("timeline_all_steps");
    let mut every = ui.data(|d| d.get_temp::<bool>(all_key)).unwrap_or(false);
    if ui
        .checkbox(&mut every, tr.t("timeline-every-step"))
        .changed()
    {
        ui.data_mut(|d| d.insert_temp(all_key, every));
    }
    let lines = super::timeline::lines(
        scenario,
        rulebook,
        debrief,
        super::timeline::Show {
            only: only.as_ref(),
            notes: focus.is_none(),
            reasons: true,
            keep: if every {
                super::timeline::Keep::All
            } else {
                super::timeline::Keep::Key
            },
        },
        tr,
    );
    let palette = theme::palette(ui);
    egui::Grid::new("timeline")
        .num_columns(2)
        .striped(true)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for line in lines {
                ui.label(clock(tr, line.at));
                let who = match &line.role {
                    Some(role) => theme::strong(role_name(role)),
                    None => theme::strong(format!(
                        "{}  {}",
                        icon::NOTE_PENCIL,
                        tr.t("timeline-trainer")
                    ))
                    .color(palette.accent),
                };
                let mut words = RichText::new(line.what);
                if let Some(verdict) = line.verdict {
                    words = words.color(verdict_color(ui, verdict));
                }
                if line.role.is_none() {
                    words = words.italics();
                }
                // Who and what in one cell, so that the words take the width.
                ui.horizontal_wrapped(|ui| {
                    ui.label(who);
                    ui.add(egui::Label::new(words).wrap());
                });
                ui.end_row();
            }
        });
}
