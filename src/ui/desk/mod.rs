//! The trainee desk: case file and bundle side by side, actions with what
//! they found, the share dialog, what others shared, decisions, the table's
//! conclusion and messages, for one role's view.
//!
//! The desk draws from the view alone (never from the case file), so solo
//! play and a networked client show the same words. It keeps what the
//! person has already seen, to mark what is new and count what is unread,
//! and turns every change of the view into a line of the activity feed and
//! a short notice.

mod actions;
mod acts;
mod conclusion;
mod controls;
mod decisions;
mod feed;
mod file;
mod names;
mod share;
mod state;

use egui::{self, RichText};
use faisceau_engine::session::Status;
use faisceau_engine::{RoleView, TrainerCommand};

use super::refusal::refusal_text;
use super::theme::{self, icon, size, space};
use super::{UiAction, clock, duration, text};
use crate::i18n::Tr;

use self::actions::*;
use self::conclusion::*;
use self::decisions::*;
use self::feed::activity;
#[cfg(test)]
pub(crate) use self::feed::fresh;
pub use self::feed::next_step;
use self::file::*;
use self::share::*;
pub use self::state::*;

/// How long "welcome back" stays above the desk.
const WELCOME_SECONDS: f64 = 8.0;

/// Draws the desk.
pub fn desk(ui: &mut egui::Ui, view: &RoleView, state: &mut DeskState, tr: &Tr) -> Vec<UiAction> {
    let mut actions = Vec::new();
    let now = ui.input(|i| i.time);
    let feed = state.observe(view, tr, now);
    if state.welcome_back {
        let since = *state.welcome_since.get_or_insert(now);
        if now - since > WELCOME_SECONDS {
            state.end_welcome();
        } else {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_secs(1));
        }
    }
    if !state.toasts.is_empty() {
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(500));
    }
    let palette = theme::palette(ui);
    egui::Panel::top("desk_top")
        .frame(
            egui::Frame::new()
                .fill(palette.panel)
                .inner_margin(egui::Margin::symmetric(14, 10))
                .stroke(egui::Stroke::new(1.0, palette.border)),
        )
        .show(ui, |ui| header(ui, view, state, tr, &mut actions));
    // A phone's page has no room for three columns: the tabs go in a row
    // under the header and the bundle under the file.
    let narrow = narrow(ui);
    if narrow {
        egui::Panel::top("desk_tab_row")
            .frame(
                egui::Frame::new()
                    .fill(palette.panel)
                    .inner_margin(egui::Margin::symmetric(8, 6)),
            )
            .show(ui, |ui| {
                ui.horizontal_wrapped(|ui| rail(ui, view, state, tr, &mut actions, false))
            });
    } else {
        egui::Panel::left("desk_tabs")
            .resizable(false)
            .exact_size(space::RAIL)
            .frame(
                egui::Frame::new()
                    .fill(palette.panel)
                    .inner_margin(egui::Margin::symmetric(8, 12)),
            )
            .show(ui, |ui| rail(ui, view, state, tr, &mut actions, true));
    }
    // The share dialog needs the width: the bundle shows on every other tab.
    if state.tab != Tab::Share && !narrow {
        egui::Panel::right("desk_bundle")
            .resizable(false)
            .exact_size(space::BUNDLE)
            .frame(
                egui::Frame::new()
                    .fill(palette.panel)
                    .inner_margin(egui::Margin::symmetric(12, 10)),
            )
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("bundle_scroll")
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        bundle_panel(ui, view, tr);
                        activity(ui, state, &feed, tr);
                    });
            });
    }
    if state.tab == Tab::Share {
        share_send_panel(ui, view, state, tr, &mut actions);
    }
    egui::CentralPanel::default()
        .frame(
            egui::Frame::new()
                .fill(palette.bg)
                .inner_margin(egui::Margin::symmetric(16, 10)),
        )
        .show(ui, |ui| {
            if state.tab == Tab::Share {
                share_tab(ui, view, state, tr, &mut actions);
                return;
            }
            egui::ScrollArea::vertical()
                .id_salt(("tab", state.tab as u8))
                .auto_shrink([false, false])
                .show(ui, |ui| match state.tab {
                    Tab::File if narrow => {
                        file_tab(ui, view, state, tr, &mut actions);
                        ui.add_space(space::SECTION);
                        bundle_panel(ui, view, tr);
                        activity(ui, state, &feed, tr);
                    }
                    Tab::File => file_tab(ui, view, state, tr, &mut actions),
                    Tab::Actions => actions_tab(ui, view, state, tr, &mut actions),
                    Tab::Share => {}
                    Tab::Inbox => inbox_tab(ui, view, state, tr),
                    Tab::Decisions => decisions_tab(ui, view, state, tr, &mut actions),
                    Tab::Conclusion => conclusion_tab(ui, view, state, tr, &mut actions),
                    Tab::Messages => messages_tab(ui, view, state, tr, &mut actions),
                });
        });
    confirm_dialog(ui, view, state, tr, &mut actions);
    // What the open tab shows has been read.
    let tab = state.tab;
    state.seen.read(tab, view);
    if !actions.is_empty() {
        state.refusal = None;
        state.end_welcome();
        state.feed_read = feed.len();
    }
    actions
}

fn header(
    ui: &mut egui::Ui,
    view: &RoleView,
    state: &mut DeskState,
    tr: &Tr,
    actions: &mut Vec<UiAction>,
) {
    let palette = theme::palette(ui);
    // Notices sit at the header's right end, beside what they announce and
    // over nothing the trainee works on; the header's lines make room.
    let narrow = narrow(ui);
    let notices = if narrow {
        0.0
    } else {
        feed::notices_width(ui, state)
    };
    let short = compact(ui);
    ui.horizontal_top(|ui| {
        let gap = if notices > 0.0 { space::SECTION } else { 0.0 };
        let left = (ui.available_width() - notices - gap).max(0.0);
        ui.vertical(|ui| {
            ui.set_width(left);
            ui.horizontal_wrapped(|ui| {
                ui.label(theme::strong(text(tr, &view.role.name)).size(size::HEADING));
                if short {
                    // A short window (a laptop's browser): one line less, and
                    // the case's title is on the role card.
                    ui.separator();
                    status_line(ui, view, tr);
                } else {
                    ui.label(theme::muted(ui, text(tr, &view.title)).size(size::BODY));
                }
                if state.solo || view.status == Status::Ended {
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        phase_control(ui, view, state, tr, actions);
                    });
                }
            });
            if !short {
                ui.horizontal_wrapped(|ui| status_line(ui, view, tr));
            }
        });
        if notices > 0.0 {
            ui.add_space(gap);
            ui.vertical(|ui| {
                ui.set_width(notices);
                feed::notices(ui, state, tr);
            });
        }
    });
    if narrow && feed::notice_waits(state) {
        feed::notices(ui, state, tr);
    }
    ui.add_space(4.0);
    if state.welcome_back {
        theme::band(
            ui,
            palette.accent_soft,
            palette.text,
            format!("{}  {}", icon::HAND_WAVING, tr.t("desk-welcome-back")),
        );
    }
    match view.status {
        Status::Waiting if state.solo => {
            ui.horizontal(|ui| {
                ui.label(RichText::new(tr.t("desk-solo-ready")).size(size::BODY));
                if theme::primary(ui, true, format!("{}  {}", icon::PLAY, tr.t("desk-start")))
                    .clicked()
                {
                    actions.push(UiAction::Trainer(TrainerCommand::Start));
                }
            });
        }
        Status::Waiting => theme::band(ui, palette.accent_soft, palette.text, tr.t("desk-waiting")),
        Status::Paused => theme::band(
            ui,
            palette.accent_soft,
            palette.text,
            format!("{}  {}", icon::PAUSE, tr.t("desk-paused")),
        ),
        Status::Ended => theme::band(
            ui,
            palette.accent_soft,
            palette.text,
            format!("{}  {}", icon::FLAG_CHECKERED, tr.t("desk-ended")),
        ),
        Status::Running => {
            if let Some(step) = next_step(view, tr) {
                theme::band(
                    ui,
                    palette.accent_soft,
                    palette.text,
                    format!("{}  {step}", icon::ARROW_RIGHT),
                );
            }
        }
    }
    if let Some(refusal) = &state.refusal {
        ui.add_space(4.0);
        theme::band(
            ui,
            palette.breach,
            palette.surface,
            format!(
                "{}  {}",
                icon::PROHIBIT,
                tr.t_args("refused", &[("reason", refusal_text(tr, refusal, view))])
            ),
        );
    }
}

/// The phase, the table's clock and the time left to the role.
fn status_line(ui: &mut egui::Ui, view: &RoleView, tr: &Tr) {
    ui.label(
        RichText::new(format!(
            "{}  {}",
            icon::FLAG,
            tr.t_args(
                "desk-phase",
                &[
                    ("phase", text(tr, &view.phase.name).to_owned()),
                    ("index", (view.phase.index + 1).to_string()),
                    ("count", view.phase.count.to_string()),
                ],
            )
        ))
        .size(size::BODY),
    );
    ui.separator();
    ui.label(
        theme::strong(format!("{}  {}", icon::CLOCK, clock(tr, view.table_clock))).size(size::BODY),
    )
    .on_hover_text(tr.t("desk-clock-help"));
    ui.separator();
    ui.label(
        RichText::new(format!(
            "{}  {}",
            icon::HOURGLASS,
            tr.t_args("desk-time-left", &[("time", duration(view.budget_left))])
        ))
        .size(size::BODY),
    );
}

/// Whether the window is short (under 640 points high: a laptop's browser,
/// 1366×768 less the browser's bars) or narrow (a phone): the header takes
/// one line less and the send bar one row.
pub(super) fn compact(ui: &egui::Ui) -> bool {
    ui.ctx().content_rect().height() < 640.0 || narrow(ui)
}

/// Whether the window is narrow (under 700 points wide: a phone held
/// upright): the tabs go in a row and the bundle under the file.
pub(super) fn narrow(ui: &egui::Ui) -> bool {
    ui.ctx().content_rect().width() < 700.0
}

/// The solo desk's phase button, away from where "Start" was; it only opens
/// a confirmation. At the end, the way to the debrief.
fn phase_control(
    ui: &mut egui::Ui,
    view: &RoleView,
    state: &mut DeskState,
    tr: &Tr,
    actions: &mut Vec<UiAction>,
) {
    match view.status {
        Status::Ended => {
            let open = theme::primary(
                ui,
                true,
                format!("{}  {}", icon::CHART_BAR, tr.t("go-debrief")),
            )
            .clicked();
            if open {
                actions.push(UiAction::OpenDebrief);
            }
        }
        Status::Running | Status::Paused if state.solo => {
            let last = view.phase.index + 1 >= view.phase.count;
            if last {
                if theme::danger(
                    ui,
                    true,
                    format!("{}  {}", icon::FLAG_CHECKERED, tr.t("desk-end-session")),
                )
                .clicked()
                {
                    state.confirm = Some(Confirm::EndSession);
                }
            } else if theme::button(ui, true, icon::SKIP_FORWARD, &tr.t("trainer-next-phase"))
                .clicked()
            {
                state.confirm = Some(Confirm::NextPhase);
            }
        }
        _ => {}
    }
}

fn confirm_dialog(
    ui: &mut egui::Ui,
    view: &RoleView,
    state: &mut DeskState,
    tr: &Tr,
    actions: &mut Vec<UiAction>,
) {
    let Some(confirm) = state.confirm.clone() else {
        return;
    };
    let (title, body, yes) = match confirm {
        Confirm::NextPhase => {
            let next = view
                .phase_names
                .get(view.phase.index + 1)
                .map(|(_, n)| text(tr, n).to_owned())
                .unwrap_or_default();
            (
                tr.t_args("confirm-next-title", &[("phase", next)]),
                tr.t("confirm-next-body"),
                tr.t("confirm-next-yes"),
            )
        }
        Confirm::EndSession => (
            tr.t("confirm-end-title"),
            tr.t("confirm-end-body"),
            tr.t("desk-end-session"),
        ),
    };
    match theme::confirm(
        ui,
        "desk_confirm",
        title,
        body,
        &tr.t("confirm-cancel"),
        yes,
    ) {
        theme::Answer::Open => {}
        theme::Answer::Cancel => state.confirm = None,
        theme::Answer::Yes => {
            actions.push(UiAction::Trainer(TrainerCommand::NextPhase));
            state.confirm = None;
        }
    }
}

/// The tabs, one under the other (`column`) or in a row on a phone.
fn rail(
    ui: &mut egui::Ui,
    view: &RoleView,
    state: &mut DeskState,
    tr: &Tr,
    actions: &mut Vec<UiAction>,
    column: bool,
) {
    let palette = theme::palette(ui);
    for tab in TABS {
        let (glyph, key) = match tab {
            Tab::File => (icon::FOLDER_OPEN, "tab-file"),
            Tab::Actions => (icon::MAGNIFYING_GLASS, "tab-actions"),
            Tab::Share => (icon::SHARE_NETWORK, "tab-share"),
            Tab::Inbox => (icon::TRAY, "tab-inbox"),
            Tab::Decisions => (icon::SCALES, "tab-decisions"),
            Tab::Conclusion => (icon::HANDSHAKE, "tab-conclusion"),
            Tab::Messages => (icon::CHAT_CIRCLE_TEXT, "tab-messages"),
        };
        let selected = state.tab == tab;
        let unread = if selected {
            0
        } else {
            state.seen.unread(tab, view)
        };
        let color = if selected {
            palette.on_accent
        } else {
            palette.text
        };
        let words = format!("{glyph}  {}", tr.t(key));
        // In a row the counter is part of the tab's text, so that the row
        // wraps before a tab, never between a tab and its counter.
        let label: egui::WidgetText = if column || unread == 0 {
            RichText::new(words).size(size::BODY).color(color).into()
        } else {
            let mut job = egui::text::LayoutJob::default();
            let font = |size| egui::FontId::new(size, egui::FontFamily::Proportional);
            job.append(
                &words,
                0.0,
                egui::TextFormat::simple(font(size::BODY), color),
            );
            job.append(
                &format!(" {unread} "),
                8.0,
                egui::TextFormat {
                    font_id: egui::FontId::new(size::SMALL, theme::semibold()),
                    color: palette.on_new,
                    background: palette.new,
                    valign: egui::Align::Center,
                    ..Default::default()
                },
            );
            job.into()
        };
        let item = |ui: &mut egui::Ui| {
            let button = egui::Button::new(label)
                .fill(if selected {
                    palette.accent
                } else {
                    palette.panel
                })
                .stroke(egui::Stroke::NONE)
                .min_size(if column {
                    egui::vec2(ui.available_width() - 34.0, 38.0)
                } else {
                    egui::vec2(0.0, 34.0)
                });
            let response = ui.add(button);
            let response = theme::ring(ui, response);
            if column {
                theme::counter(ui, unread);
            }
            response
        };
        // In a row, each tab is placed on its own so that the row wraps.
        let response = if column {
            ui.horizontal(item).inner
        } else {
            item(ui)
        };
        if response.clicked() && !selected {
            state.open(tab);
        }
    }
    if column {
        ui.add_space(space::SECTION);
    }
    if ui
        .link(
            RichText::new(format!(
                "{}  {}",
                icon::IDENTIFICATION_CARD,
                tr.t("desk-read-card")
            ))
            .size(size::BODY),
        )
        .clicked()
    {
        actions.push(UiAction::OpenCard);
    }
}
