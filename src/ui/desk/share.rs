//! The share dialog (clues, recipients, the legal frame, the preview of
//! each verdict, the send bar), what the role shared and what it received.

use egui::{self, RichText};
use faisceau_engine::model::Verdict;
use faisceau_engine::rulebook::Closed;
use faisceau_engine::{Id, RoleCommand, RoleView};

use super::acts::acts_section;
use super::controls::*;
use super::feed::*;
use super::names::*;
use super::state::*;
use crate::i18n::Tr;
use crate::ui::refusal::closed_text;
use crate::ui::theme::{self, icon, size};
use crate::ui::{UiAction, clock, frame_name, text, verdict_name};

pub(super) fn share_tab(
    ui: &mut egui::Ui,
    view: &RoleView,
    state: &mut DeskState,
    tr: &Tr,
    actions: &mut Vec<UiAction>,
) {
    let frame = state.frame.clone();
    let previews = frame
        .as_ref()
        .map(|f| view.preview(&state.share_clues, &state.share_to, f))
        .unwrap_or_default();
    share_form(ui, view, state, tr, actions, frame.as_ref(), &previews);
}

/// The share dialog's send bar: a panel under the dialog, so that the send
/// button stays in view whatever the length of the form above.
pub(super) fn share_send_panel(
    ui: &mut egui::Ui,
    view: &RoleView,
    state: &mut DeskState,
    tr: &Tr,
    actions: &mut Vec<UiAction>,
) {
    let palette = theme::palette(ui);
    let frame = state.frame.clone();
    let previews = frame
        .as_ref()
        .map(|f| view.preview(&state.share_clues, &state.share_to, f))
        .unwrap_or_default();
    egui::Panel::bottom("share_send")
        .frame(
            egui::Frame::new()
                .fill(palette.surface)
                .stroke(egui::Stroke::new(1.0, palette.border))
                .inner_margin(egui::Margin::symmetric(16, 10)),
        )
        .show(ui, |ui| {
            send_bar(ui, view, state, tr, actions, frame.as_ref(), &previews);
        });
}

pub(super) fn share_form(
    ui: &mut egui::Ui,
    view: &RoleView,
    state: &mut DeskState,
    tr: &Tr,
    actions: &mut Vec<UiAction>,
    frame: Option<&Id>,
    previews: &[faisceau_engine::Preview],
) {
    let palette = theme::palette(ui);
    egui::ScrollArea::vertical()
        .id_salt("share_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if std::mem::take(&mut state.scroll_to_share) {
                ui.scroll_to_cursor(Some(egui::Align::TOP));
            }
            if let Some(count) = state.share_sent
                && let Some(share) = view.sent.get(count)
            {
                theme::band(
                    ui,
                    palette.accent_soft,
                    palette.text,
                    format!("{}  {}", icon::CHECK_CIRCLE, shared_line(view, tr, share)),
                );
            }
            theme::heading(ui, Some(icon::FILE_TEXT), tr.t("share-choose-clues"));
            if view.clues.is_empty() {
                ui.label(tr.t("file-empty"));
            }
            for clue in &view.clues {
                let mut chosen = state.share_clues.contains(&clue.id);
                if ui
                    .checkbox(
                        &mut chosen,
                        RichText::new(text(tr, &clue.text)).size(size::BODY),
                    )
                    .changed()
                {
                    toggle(&mut state.share_clues, &clue.id, chosen);
                }
            }
            theme::heading(ui, Some(icon::USERS), tr.t("share-choose-to"));
            ui.horizontal_wrapped(|ui| {
                for colleague in &view.colleagues {
                    let chosen = state.share_to.contains(&colleague.id);
                    if theme::chip(ui, text(tr, &colleague.name), chosen).clicked() {
                        toggle(&mut state.share_to, &colleague.id, !chosen);
                        state.confirm_breach = false;
                    }
                }
            });
            theme::heading(ui, Some(icon::SCALES), tr.t("share-frame"));
            ui.label(theme::muted(
                ui,
                tr.t_args("share-law-as-of", &[("date", view.law_as_of.clone())]),
            ));
            if state.share_to.is_empty() {
                ui.label(tr.t("share-frame-first-to"));
            } else {
                frame_choice(ui, view, state, tr);
            }
            if let Some(frame) = frame
                && !previews.is_empty()
            {
                let top = ui.cursor().top();
                theme::heading(ui, Some(icon::SEAL_CHECK), tr.t("share-verdict"));
                share_preview(ui, view, tr, frame, previews);
                if std::mem::take(&mut state.show_verdict) {
                    // As little scrolling as shows the whole verdict.
                    let shown = egui::Rect::from_x_y_ranges(
                        ui.max_rect().x_range(),
                        top..=ui.cursor().top(),
                    );
                    ui.scroll_to_rect(shown, None);
                }
            }
            acts_section(ui, view, state, tr, actions);
            sent_section(ui, view, state, tr);
        });
}

/// A recipient whose every preview is allowed.
pub(super) fn allowed_recipients(
    state: &DeskState,
    previews: &[faisceau_engine::Preview],
) -> Vec<Id> {
    state
        .share_to
        .iter()
        .filter(|to| {
            previews
                .iter()
                .filter(|p| p.to == **to)
                .all(|p| p.closed.is_none() && p.verdict == Some(Verdict::Allowed))
        })
        .cloned()
        .collect()
}

pub(super) fn send_bar(
    ui: &mut egui::Ui,
    view: &RoleView,
    state: &mut DeskState,
    tr: &Tr,
    actions: &mut Vec<UiAction>,
    frame: Option<&Id>,
    previews: &[faisceau_engine::Preview],
) {
    let palette = theme::palette(ui);
    let Some(frame) = frame.filter(|_| !previews.is_empty()) else {
        let ready = !state.share_clues.is_empty() && !state.share_to.is_empty();
        ui.label(
            RichText::new(tr.t(if ready {
                "share-choose-frame"
            } else {
                "share-nothing"
            }))
            .color(palette.muted),
        );
        return;
    };
    let closed = previews.iter().any(|p| p.closed.is_some());
    let worst = previews
        .iter()
        .filter_map(|p| p.verdict)
        .max()
        .unwrap_or(Verdict::Allowed);
    let allowed = allowed_recipients(state, previews);
    let mixed = !allowed.is_empty() && allowed.len() < state.share_to.len();
    let buttons = |ui: &mut egui::Ui, state: &mut DeskState, actions: &mut Vec<UiAction>| {
        if worst == Verdict::Breach {
            ui.checkbox(&mut state.confirm_breach, tr.t("share-confirm-breach"));
        }
        let enabled = worst != Verdict::Breach || state.confirm_breach;
        let label = if worst == Verdict::Breach {
            format!("{}  {}", icon::WARNING, tr.t("share-send-breach"))
        } else {
            format!(
                "{}  {} — {}",
                icon::PAPER_PLANE_RIGHT,
                tr.t("share-send"),
                verdict_name(tr, worst)
            )
        };
        let button = if worst == Verdict::Breach {
            theme::danger(ui, enabled, label)
        } else {
            theme::primary(ui, enabled, label)
        };
        if button.clicked() {
            send(state, view, actions, frame, state.share_to.clone());
        }
        if mixed
            && theme::primary(
                ui,
                true,
                format!(
                    "{}  {}",
                    icon::CHECK_CIRCLE,
                    tr.t_args("share-send-allowed", &[("to", names(view, tr, &allowed))])
                ),
            )
            .clicked()
        {
            send(state, view, actions, frame, allowed.clone());
        }
    };
    // On a short window the bar is one row: what is sent, its verdict and
    // the button, so that the form above keeps the height.
    let short = super::compact(ui);
    ui.horizontal_wrapped(|ui| {
        ui.label(tr.t_args(
            "share-summary",
            &[
                ("count", state.share_clues.len().to_string()),
                ("to", names(view, tr, &state.share_to)),
                ("frame", frame_name(tr, &view.frames, frame)),
            ],
        ));
        if !closed {
            verdict_tag(ui, tr, worst);
        }
        if short && !closed {
            buttons(ui, state, actions);
        }
    });
    if closed {
        ui.label(theme::strong(tr.t("share-cannot")).color(palette.breach));
        return;
    }
    if !short {
        ui.horizontal_wrapped(|ui| buttons(ui, state, actions));
    }
}

pub(super) fn send(
    state: &mut DeskState,
    view: &RoleView,
    actions: &mut Vec<UiAction>,
    frame: &Id,
    to: Vec<Id>,
) {
    actions.push(UiAction::Role(RoleCommand::Share {
        clues: state.share_clues.clone(),
        to,
        frame: frame.clone(),
    }));
    state.share_sent = Some(view.sent.len());
    state.share_clues.clear();
    state.share_to.clear();
    // The frame goes too: the next share chooses its own (a breach must
    // not carry over).
    state.frame = None;
    state.confirm_breach = false;
}

/// The frames open to this role toward every chosen recipient, to choose
/// from; the others, with why each is closed.
pub(super) fn frame_choice(ui: &mut egui::Ui, view: &RoleView, state: &mut DeskState, tr: &Tr) {
    let mut open = Vec::new();
    // Closed, with why, and whether it is the lesson of the moment: a frame
    // that waits for an act or for the story's facts, rather than one that
    // never runs between these professions.
    let mut closed: Vec<(bool, String)> = Vec::new();
    for frame in &view.frames {
        let routes: Vec<_> = state
            .share_to
            .iter()
            .map(|to| view.routes_to(to.as_str()).find(|r| r.frame == frame.id))
            .collect();
        if routes.iter().any(Option::is_none) {
            continue;
        }
        match routes.iter().flatten().find(|r| r.closed.is_some()) {
            None => open.push(frame),
            Some(route) => {
                let reason = route
                    .closed
                    .as_ref()
                    .map_or(String::new(), |c| closed_text(tr, c, view));
                let lesson = matches!(
                    route.closed,
                    Some(
                        Closed::NoAct { .. }
                            | Closed::NoSituation { .. }
                            | Closed::OutOfScope { .. }
                    )
                );
                closed.push((lesson, reason));
            }
        }
    }
    if state
        .frame
        .as_ref()
        .is_some_and(|f| !open.iter().any(|o| o.id == *f))
    {
        state.frame = None;
    }
    if open.is_empty() {
        ui.label(tr.t("share-frame-none"));
    }
    for frame in open {
        let selected = state.frame.as_ref() == Some(&frame.id);
        ui.horizontal_wrapped(|ui| {
            if ui
                .radio(
                    selected,
                    RichText::new(text(tr, &frame.name)).size(size::BODY),
                )
                .clicked()
            {
                state.frame = Some(frame.id.clone());
                state.confirm_breach = false;
                state.show_verdict = true;
            }
            ui.label(theme::muted(ui, text(tr, &frame.basis)));
        });
    }
    // Frames an act or the story's facts would open are the lesson ("no
    // requisition received", "nobody has run away"): they show at once; the
    // others wait behind a header.
    let (lessons, others): (Vec<_>, Vec<_>) = closed.into_iter().partition(|(lesson, _)| *lesson);
    for (_, reason) in lessons {
        ui.label(RichText::new(format!("{}  {reason}", icon::LOCK)).italics());
    }
    if !others.is_empty() {
        ui.collapsing(
            tr.t_args("share-frame-closed", &[("count", others.len().to_string())]),
            |ui| {
                for (_, reason) in others {
                    ui.label(theme::muted(ui, reason));
                }
            },
        );
    }
}

pub(super) fn share_preview(
    ui: &mut egui::Ui,
    view: &RoleView,
    tr: &Tr,
    _frame: &Id,
    previews: &[faisceau_engine::Preview],
) {
    let palette = theme::palette(ui);
    for preview in previews {
        let edge = preview
            .verdict
            .map_or(palette.breach, |v| palette.verdict(v));
        theme::card_with(ui, Some(edge), |ui| {
            ui.horizontal_wrapped(|ui| {
                match preview.verdict {
                    Some(verdict) => verdict_tag(ui, tr, verdict),
                    None => {
                        ui.label(
                            theme::strong(format!("{}  {}", icon::LOCK, tr.t("share-closed")))
                                .color(palette.breach),
                        );
                    }
                }
                ui.label(tr.t_args(
                    "share-preview-to",
                    &[("name", colleague_name(view, tr, &preview.to))],
                ));
            });
            ui.label(theme::muted(ui, clue_text(view, tr, &preview.clue)));
            ui.label(text(tr, &preview.explanation));
            if let Some(why) = &preview.why {
                ui.label(
                    RichText::new(
                        tr.t_args("share-case-why", &[("why", text(tr, why).to_owned())]),
                    )
                    .italics(),
                );
            }
            if preview.strictly_necessary {
                ui.label(RichText::new(tr.t("share-strict")).italics());
            }
            if preview.record {
                ui.label(RichText::new(tr.t("share-record")).italics());
            }
            if let Some(closed) = &preview.closed {
                ui.label(RichText::new(closed_text(tr, closed, view)).italics());
            }
        });
    }
    if let Some(copy) = previews.first().filter(|p| !p.copy_to.is_empty()) {
        let names: Vec<String> = copy
            .copy_to
            .iter()
            .map(|p| profession_name(view, tr, p))
            .collect();
        ui.label(theme::strong(
            tr.t_args("share-copy", &[("to", names.join(", "))]),
        ));
    }
}

/// What the role has shared: with whom, under which frame, and the verdict.
pub(super) fn sent_section(ui: &mut egui::Ui, view: &RoleView, state: &DeskState, tr: &Tr) {
    theme::heading(
        ui,
        Some(icon::PAPER_PLANE_RIGHT),
        tr.t_args("share-mine", &[("count", view.sent.len().to_string())]),
    );
    if view.sent.is_empty() {
        ui.label(theme::muted(ui, tr.t("share-mine-empty")));
        return;
    }
    let palette = theme::palette(ui);
    for (i, share) in view.sent.iter().enumerate().rev() {
        let new = i >= state.seen_at_open.sent;
        theme::card_with(ui, share.verdict.map(|v| palette.verdict(v)), |ui| {
            ui.horizontal_wrapped(|ui| {
                new_mark(ui, tr, new);
                if let Some(verdict) = share.verdict {
                    verdict_tag(ui, tr, verdict);
                }
                ui.label(tr.t_args(
                    "share-sent-line",
                    &[
                        ("time", clock(tr, share.at)),
                        ("to", names(view, tr, &share.to)),
                        ("frame", frame_name(tr, &view.frames, &share.frame)),
                        ("count", share.clues.len().to_string()),
                    ],
                ));
            });
            for clue in &share.clues {
                ui.label(theme::muted(ui, format!("• {}", clue_text(view, tr, clue))));
            }
            let copies: Vec<String> = share
                .copies
                .iter()
                .map(|c| colleague_name(view, tr, c))
                .chain(
                    share
                        .copies_outside
                        .iter()
                        .map(|p| profession_name(view, tr, p)),
                )
                .collect();
            if !copies.is_empty() {
                ui.label(theme::muted(
                    ui,
                    tr.t_args("share-copy-sent", &[("to", copies.join(", "))]),
                ));
            }
        });
    }
}

pub(super) fn inbox_tab(ui: &mut egui::Ui, view: &RoleView, state: &DeskState, tr: &Tr) {
    theme::heading(ui, Some(icon::TRAY), tr.t("tab-inbox"));
    if view.inbox.is_empty() {
        ui.label(tr.t("inbox-empty"));
    }
    let palette = theme::palette(ui);
    for (i, share) in view.inbox.iter().enumerate().rev() {
        let new = i >= state.seen_at_open.inbox;
        theme::card_with(ui, new.then_some(palette.new), |ui| {
            ui.horizontal_wrapped(|ui| {
                new_mark(ui, tr, new);
                ui.label(theme::strong(tr.t_args(
                    "inbox-from",
                    &[
                        ("role", colleague_name(view, tr, &share.from)),
                        ("channel", frame_name(tr, &view.frames, &share.frame)),
                        ("time", clock(tr, share.at)),
                    ],
                )));
            });
            for clue in &share.clues {
                ui.label(format!("• {}", clue_text(view, tr, clue)));
            }
        });
    }
}
