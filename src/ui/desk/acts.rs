//! Legal acts: those addressed to the role, to answer or decline, and
//! those it issued.

use egui::{self, RichText};
use faisceau_engine::{RoleCommand, RoleView};

use crate::i18n::Tr;

use super::controls::*;
use super::names::*;
use super::state::*;
use crate::ui::theme::{self, icon, size};
use crate::ui::{UiAction, clock, text};

/// Acts addressed to the role (to answer or decline), acts it issued, and
/// the acts it may issue.
pub(super) fn acts_section(
    ui: &mut egui::Ui,
    view: &RoleView,
    state: &mut DeskState,
    tr: &Tr,
    actions: &mut Vec<UiAction>,
) {
    if view.acts.is_empty() && view.issuable.is_empty() {
        return;
    }
    theme::heading(ui, Some(icon::GAVEL), tr.t("acts-heading"));
    for act in &view.acts {
        act_card(ui, view, act, state, tr, actions);
    }
    for issuable in &view.issuable {
        issuable_card(ui, view, issuable, state, tr, actions);
    }
}

/// An act the role received (to answer through its frame, or decline with
/// a reason) or issued, and where it stands.
fn act_card(
    ui: &mut egui::Ui,
    view: &RoleView,
    act: &faisceau_engine::view::ActView,
    state: &mut DeskState,
    tr: &Tr,
    actions: &mut Vec<UiAction>,
) {
    let palette = theme::palette(ui);
    let me = &view.role.id;
    let received = act.to == *me;
    let pending = received && !act.answered && act.declined.is_none();
    theme::card_with(ui, pending.then_some(palette.new), |ui| {
        let who = if received { &act.by } else { &act.to };
        let key = if received {
            "acts-received"
        } else {
            "acts-issued"
        };
        ui.label(theme::strong(tr.t_args(
            key,
            &[
                ("number", act.number.to_string()),
                ("act", act_name(view, tr, &act.act)),
                ("role", colleague_name(view, tr, who)),
                ("time", clock(tr, act.at)),
            ],
        )));
        ui.label(tr.t_args(
            "acts-scope",
            &[("scope", class_names(view, tr, &act.scope))],
        ));
        if let Some(reason) = &act.declined {
            ui.label(
                RichText::new(tr.t_args("acts-declined", &[("reason", reason.clone())])).italics(),
            );
        } else if act.answered {
            ui.label(
                RichText::new(format!("{}  {}", icon::CHECK, tr.t("acts-answered"))).italics(),
            );
        } else if received {
            let opened = view
                .frames
                .iter()
                .find(|f| f.opened_by.as_ref() == Some(&act.act));
            let frame = opened
                .map(|f| text(tr, &f.name).to_owned())
                .unwrap_or_default();
            ui.label(tr.t_args("acts-how-to-answer", &[("frame", frame)]));
            // Answer: the share dialog above, filled with the asker, the
            // act's frame and the facts held that the act covers.
            if let Some(opened) = opened
                && theme::button(ui, true, icon::ARROW_BEND_UP_LEFT, &tr.t("acts-answer")).clicked()
            {
                state.share_to = vec![act.by.clone()];
                state.frame = Some(opened.id.clone());
                state.share_clues = view
                    .clues
                    .iter()
                    // An act with no scope asks for "any useful information":
                    // the facts already chosen stay, no others are added.
                    .filter(|c| act.covers(&c.class))
                    .filter(|c| !act.scope.is_empty() || state.share_clues.contains(&c.id))
                    .map(|c| c.id.clone())
                    .collect();
                state.confirm_breach = false;
                state.scroll_to_share = true;
            }
            ui.horizontal_wrapped(|ui| {
                ui.label(tr.t("acts-decline-reason"));
                ui.add(egui::TextEdit::singleline(&mut state.decline_reason).desired_width(280.0));
                if theme::button(
                    ui,
                    !state.decline_reason.trim().is_empty(),
                    icon::X_CIRCLE,
                    &tr.t("acts-decline"),
                )
                .clicked()
                {
                    actions.push(UiAction::Role(RoleCommand::Decline {
                        act: act.number,
                        reason: std::mem::take(&mut state.decline_reason),
                    }));
                }
            });
        }
    });
}

/// An act the role may issue: to whom, over which kinds of information.
fn issuable_card(
    ui: &mut egui::Ui,
    view: &RoleView,
    issuable: &faisceau_engine::view::IssuableView,
    state: &mut DeskState,
    tr: &Tr,
    actions: &mut Vec<UiAction>,
) {
    theme::card(ui, |ui| {
        let kind = view.act_kinds.iter().find(|a| a.id == issuable.act);
        ui.label(
            theme::strong(tr.t_args("acts-issue", &[("act", act_name(view, tr, &issuable.act))]))
                .size(size::LARGE),
        );
        if let Some(kind) = kind {
            ui.label(theme::muted(
                ui,
                format!(
                    "{} — {}",
                    text(tr, &kind.basis),
                    text(tr, &kind.explanation)
                ),
            ));
        }
        if let Some(blocked) = &issuable.blocked {
            blocked_line(ui, tr, blocked, view);
            return;
        }
        ui.horizontal_wrapped(|ui| {
            ui.label(tr.t("acts-to"));
            for to in &issuable.to {
                let selected = state.act_to.as_ref() == Some(to);
                if theme::chip(ui, &colleague_name(view, tr, to), selected).clicked() {
                    state.act_to = Some(to.clone());
                }
            }
        });
        let scoped = kind.is_none_or(|k| k.scoped);
        if scoped {
            ui.horizontal_wrapped(|ui| {
                ui.label(tr.t("acts-covering"));
                for class in &view.classes {
                    let chosen = state.act_scope.contains(&class.id);
                    if theme::chip(ui, text(tr, &class.name), chosen).clicked() {
                        toggle(&mut state.act_scope, &class.id, !chosen);
                    }
                }
            });
        }
        let ready = state
            .act_to
            .as_ref()
            .is_some_and(|t| issuable.to.contains(t))
            && (!scoped || !state.act_scope.is_empty());
        if theme::primary(
            ui,
            ready,
            tr.t_args(
                "acts-issue-button",
                &[("act", act_name(view, tr, &issuable.act))],
            ),
        )
        .clicked()
            && let Some(to) = state.act_to.take()
        {
            actions.push(UiAction::Role(RoleCommand::Issue {
                act: issuable.act.clone(),
                to,
                scope: if scoped {
                    std::mem::take(&mut state.act_scope)
                } else {
                    Vec::new()
                },
            }));
        }
    });
}
