//! The table's conclusion (the proposal, endorsements, the role's own
//! proposal) and the messages: injects, hints and notes.

use egui::{self, RichText};
use faisceau_engine::session::Status;
use faisceau_engine::view::Discussion;
use faisceau_engine::{Id, RoleCommand, RoleView};

use crate::i18n::Tr;

use super::controls::*;
use super::feed::*;
use super::names::*;
use super::state::*;
use crate::ui::theme::{self, icon, size, space};
use crate::ui::{UiAction, clock, text};

pub(super) fn conclusion_tab(
    ui: &mut egui::Ui,
    view: &RoleView,
    state: &mut DeskState,
    tr: &Tr,
    actions: &mut Vec<UiAction>,
) {
    let palette = theme::palette(ui);
    theme::heading(ui, Some(icon::HANDSHAKE), tr.t("tab-conclusion"));
    let rule = match view.adoption {
        faisceau_engine::model::Adoption::Unanimity => "conclusion-rule-unanimity",
        faisceau_engine::model::Adoption::Majority => "conclusion-rule-majority",
    };
    theme::band(
        ui,
        palette.accent_soft,
        palette.text,
        format!("{}  {}", icon::INFO, tr.t(rule)),
    );
    if let Some(adopted) = &view.adopted {
        theme::card_with(ui, Some(palette.allowed), |ui| {
            ui.label(
                theme::strong(format!(
                    "{}  {}",
                    icon::SEAL_CHECK,
                    tr.t_args(
                        "conclusion-adopted",
                        &[("conclusion", conclusion_name(view, tr, &adopted.conclusion))],
                    )
                ))
                .size(size::HEADING),
            );
        });
    }
    // After the end nobody can propose or vote: the discussion stays to read.
    let ended = view.status == Status::Ended;
    if ended && view.adopted.is_none() {
        ui.label(RichText::new(tr.t("conclusion-none-ended")).size(size::LARGE));
    }
    if let Some(proposal) = view.proposal.as_ref().filter(|_| !ended) {
        theme::card_with(ui, Some(palette.accent), |ui| {
            open_proposal(ui, view, proposal, state, tr, actions);
        });
    }
    if !view.discussion.is_empty() {
        discussion(ui, view, state, tr);
    }
    if !ended && view.adopted.is_none() {
        propose_form(ui, view, state, tr, actions);
    }
}

/// Propose a conclusion to the table: a choice, an orientation, and why.
pub(super) fn propose_form(
    ui: &mut egui::Ui,
    view: &RoleView,
    state: &mut DeskState,
    tr: &Tr,
    actions: &mut Vec<UiAction>,
) {
    theme::heading(ui, Some(icon::HAND_POINTING), tr.t("conclusion-propose"));
    theme::card(ui, |ui| {
        ui.label(theme::strong(tr.t("conclusion-choose")));
        for option in &view.conclusions {
            ui.radio_value(
                &mut state.conclusion,
                Some(option.id.clone()),
                text(tr, &option.name),
            );
        }
        if !view.orientations.is_empty() {
            ui.add_space(space::ITEM);
            ui.label(theme::strong(tr.t("conclusion-orientation")));
            for option in &view.orientations {
                ui.radio_value(
                    &mut state.orientation,
                    Some(option.id.clone()),
                    text(tr, &option.name),
                );
            }
        }
        ui.add_space(space::ITEM);
        ui.label(theme::strong(tr.t("conclusion-reason")));
        ui.add(
            egui::TextEdit::multiline(&mut state.reason)
                .desired_rows(3)
                .desired_width(f32::INFINITY),
        );
        let ready = state.conclusion.is_some() && !state.reason.trim().is_empty();
        if theme::primary(
            ui,
            ready,
            format!("{}  {}", icon::HAND_POINTING, tr.t("conclusion-submit")),
        )
        .clicked()
            && let Some(conclusion) = state.conclusion.clone()
        {
            actions.push(UiAction::Role(RoleCommand::Propose {
                conclusion,
                orientation: state.orientation.clone(),
                reason: std::mem::take(&mut state.reason),
            }));
        }
    });
}

pub(super) fn messages_tab(
    ui: &mut egui::Ui,
    view: &RoleView,
    state: &mut DeskState,
    tr: &Tr,
    actions: &mut Vec<UiAction>,
) {
    let palette = theme::palette(ui);
    theme::heading(ui, Some(icon::CHAT_CIRCLE_TEXT), tr.t("tab-messages"));
    if view.messages.is_empty() {
        ui.label(tr.t("messages-empty"));
    }
    for (i, message) in view.messages.iter().enumerate().rev() {
        let new = i >= state.seen_at_open.messages;
        theme::card_with(ui, new.then_some(palette.new), |ui| {
            let (glyph, title) = match &message.title {
                Some(title) => (icon::BELL, text(tr, title).to_owned()),
                None => (icon::LIGHTBULB, tr.t("messages-hint")),
            };
            ui.horizontal_wrapped(|ui| {
                new_mark(ui, tr, new);
                ui.label(theme::strong(format!(
                    "{glyph}  {} · {title}",
                    clock(tr, message.at)
                )));
            });
            ui.label(text(tr, &message.text));
        });
    }
    if let Some(text) = crate::ui::notes(ui, tr, tr.t("notes-title"), &view.notes, &mut state.note)
    {
        actions.push(UiAction::Role(RoleCommand::Note { text }));
    }
}

/// The proposal under discussion: who made it and why, who endorsed it and
/// whom it waits for; the role's own vote when it is awaited.
fn open_proposal(
    ui: &mut egui::Ui,
    view: &RoleView,
    proposal: &faisceau_engine::view::ProposalView,
    state: &mut DeskState,
    tr: &Tr,
    actions: &mut Vec<UiAction>,
) {
    let palette = theme::palette(ui);
    ui.label(
        theme::strong(tr.t_args(
            "conclusion-open",
            &[
                ("role", colleague_name(view, tr, &proposal.by)),
                (
                    "conclusion",
                    conclusion_name(view, tr, &proposal.conclusion),
                ),
            ],
        ))
        .size(size::LARGE),
    );
    ui.label(&proposal.reason);
    let endorsed: Vec<Id> = std::iter::once(proposal.by.clone())
        .chain(proposal.endorsed_by.iter().cloned())
        .collect();
    ui.label(
        RichText::new(format!(
            "{}  {}",
            icon::CHECK,
            tr.t_args(
                "conclusion-endorsed-by",
                &[("roles", names(view, tr, &endorsed))]
            )
        ))
        .color(palette.allowed),
    );
    ui.label(format!(
        "{}  {}",
        icon::HOURGLASS,
        tr.t_args(
            "conclusion-waiting",
            &[("roles", names(view, tr, &proposal.waiting_for))]
        )
    ));
    if proposal.waiting_for.contains(&view.role.id) {
        ui.add_space(space::ITEM);
        ui.horizontal_wrapped(|ui| {
            if theme::primary(
                ui,
                true,
                format!("{}  {}", icon::CHECK, tr.t("conclusion-endorse")),
            )
            .clicked()
            {
                actions.push(UiAction::Role(RoleCommand::Endorse {
                    proposal: proposal.number,
                }));
            }
        });
        ui.label(tr.t("conclusion-reject-reason"));
        ui.horizontal_wrapped(|ui| {
            ui.add(egui::TextEdit::singleline(&mut state.reject_reason).desired_width(320.0));
            if theme::button(
                ui,
                !state.reject_reason.trim().is_empty(),
                icon::X_CIRCLE,
                &tr.t("conclusion-reject"),
            )
            .clicked()
            {
                actions.push(UiAction::Role(RoleCommand::Reject {
                    proposal: proposal.number,
                    reason: std::mem::take(&mut state.reject_reason),
                    lacking: None,
                }));
            }
        });
    }
}

/// The table's discussion, newest first: proposals, endorsements, rejections.
fn discussion(ui: &mut egui::Ui, view: &RoleView, state: &DeskState, tr: &Tr) {
    let palette = theme::palette(ui);
    theme::heading(
        ui,
        Some(icon::CHAT_CIRCLE_TEXT),
        tr.t("conclusion-discussion"),
    );
    for (i, (at, entry)) in view.discussion.iter().enumerate().rev() {
        let glyph = match entry {
            Discussion::Proposed { .. } => icon::HAND_POINTING,
            Discussion::Endorsed { .. } => icon::CHECK,
            Discussion::Rejected { .. } => icon::X_CIRCLE,
        };
        let color = match entry {
            Discussion::Rejected { .. } => palette.breach,
            Discussion::Endorsed { .. } => palette.allowed,
            Discussion::Proposed { .. } => palette.text,
        };
        ui.horizontal_wrapped(|ui| {
            new_mark(ui, tr, i >= state.seen_at_open.discussion);
            ui.label(
                RichText::new(format!(
                    "{glyph}  {}  {}",
                    clock(tr, *at),
                    discussion_line(view, tr, entry)
                ))
                .color(color),
            );
        });
    }
}
