//! The trainer console: progress without spoilers, phase controls, injects,
//! hints and observer notes.

use egui::{self, RichText};
use faisceau_engine::session::Status;
use faisceau_engine::view::TrainerView;
use faisceau_engine::{Id, TrainerCommand};

use super::theme::size;
use super::{UiAction, clock, duration, heading, text};
use crate::i18n::Tr;

/// What the trainer is composing.
#[derive(Clone, Debug, Default)]
pub struct ConsoleState {
    /// Show the solution and every clue.
    pub spoilers: bool,
    /// The hint being written.
    pub hint: String,
    /// Its recipient, none for the whole table.
    pub hint_to: Option<Id>,
    /// The observer note being written.
    pub note: String,
    /// A step that waits for the trainer's confirmation.
    pub confirm: Option<Confirm>,
}

/// Steps of the console that ask first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confirm {
    /// Move the table to its next phase.
    NextPhase,
    /// End the table's session.
    End,
    /// Show the solution and every clue on this console.
    Solution,
}

/// Draws the trainer console for one table: its title and controls, the
/// roles' progress, the solution (asked for), injects, hints, what was sent,
/// and the trainer's notes.
pub fn console(
    ui: &mut egui::Ui,
    view: &TrainerView,
    state: &mut ConsoleState,
    tr: &Tr,
) -> Vec<UiAction> {
    let mut actions = Vec::new();
    let s = &view.scenario;
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.label(
            RichText::new(format!(
                "{} — {}",
                tr.t("trainer-title"),
                text(tr, &s.title)
            ))
            .size(size::TITLE)
            .strong(),
        );
        let phase = &s.phases[view.phase];
        ui.label(
            RichText::new(format!(
                "{} · {}",
                text(tr, &phase.name),
                clock(tr, view.clock)
            ))
            .size(size::LARGE),
        );
        controls(ui, view, state, tr, &mut actions);
        confirm_dialog(ui, view, state, tr, &mut actions);
        progress(ui, view, tr);
        solution(ui, view, state, tr);
        injects(ui, view, tr, &mut actions);
        hint(ui, view, state, tr, &mut actions);
        let sent = sent_lines(view, tr);
        if !sent.is_empty() {
            heading(ui, tr.t("trainer-sent"));
            for line in sent {
                ui.label(format!("{}  {line}", super::theme::icon::CHECK));
            }
        }
        if let Some(text) =
            super::notes(ui, tr, tr.t("trainer-notes"), &view.notes, &mut state.note)
        {
            actions.push(UiAction::Trainer(TrainerCommand::Note { text }));
        }
    });
    actions
}

/// A role's name in the reader's language.
fn role_name(tr: &Tr, view: &TrainerView, id: &Id) -> String {
    super::name_in(tr, &view.scenario.roles, id, |r| (&r.id, &r.name))
}

/// Start, resume or pause; move on and end (both asked first); the debrief
/// once the table has ended.
fn controls(
    ui: &mut egui::Ui,
    view: &TrainerView,
    state: &mut ConsoleState,
    tr: &Tr,
    actions: &mut Vec<UiAction>,
) {
    ui.horizontal_wrapped(|ui| {
        let command = |c: TrainerCommand| UiAction::Trainer(c);
        match view.status {
            Status::Waiting => {
                if super::theme::button(ui, true, super::theme::icon::PLAY, &tr.t("trainer-start"))
                    .clicked()
                {
                    actions.push(command(TrainerCommand::Start));
                }
            }
            Status::Paused => {
                if super::theme::button(ui, true, super::theme::icon::PLAY, &tr.t("trainer-resume"))
                    .clicked()
                {
                    actions.push(command(TrainerCommand::Start));
                }
            }
            Status::Running => {
                if super::theme::button(ui, true, super::theme::icon::PAUSE, &tr.t("trainer-pause"))
                    .clicked()
                {
                    actions.push(command(TrainerCommand::Pause));
                }
            }
            Status::Ended => {}
        }
        if view.status != Status::Ended {
            if super::theme::button(
                ui,
                true,
                super::theme::icon::SKIP_FORWARD,
                &tr.t("trainer-next-phase"),
            )
            .clicked()
            {
                state.confirm = Some(Confirm::NextPhase);
            }
            if super::theme::danger(
                ui,
                true,
                format!("{}  {}", super::theme::icon::STOP, tr.t("trainer-end")),
            )
            .clicked()
            {
                state.confirm = Some(Confirm::End);
            }
        } else if ui
            .button(RichText::new(tr.t("go-debrief")).size(size::LARGE))
            .clicked()
        {
            actions.push(UiAction::OpenDebrief);
        }
    });
}

/// Each role's clues, time left and bundle.
fn progress(ui: &mut egui::Ui, view: &TrainerView, tr: &Tr) {
    let role_name = |id: &Id| role_name(tr, view, id);
    heading(ui, tr.t("trainer-progress"));
    ui.label(tr.t_args(
        "trainer-clues-known",
        &[(
            "known",
            format!("{}/{}", view.clues_found.0, view.clues_found.1),
        )],
    ));
    egui::Grid::new("progress")
        .striped(true)
        .max_col_width(240.0)
        .show(ui, |ui| {
            for progress in &view.progress {
                ui.add(egui::Label::new(RichText::new(role_name(&progress.role)).strong()).wrap());
                ui.label(tr.t_args(
                    "trainer-role-clues",
                    &[("count", progress.clues_known.to_string())],
                ));
                ui.label(tr.t_args(
                    "trainer-time-left",
                    &[("time", duration(progress.budget_left))],
                ));
                ui.label(tr.t_args(
                    "trainer-role-bundle",
                    &[("count", progress.bundle_size.to_string())],
                ));
                ui.end_row();
            }
        });
}

/// The solution, every role's clues and the bundle's scores: for the
/// trainer's eyes, after a confirmation.
fn solution(ui: &mut egui::Ui, view: &TrainerView, state: &mut ConsoleState, tr: &Tr) {
    let s = &view.scenario;
    let role_name = |id: &Id| role_name(tr, view, id);
    // The solution is for the trainer's eyes: it never reaches the
    // projector window, and showing it here asks first (a mirrored
    // screen would show it to the room).
    let mut spoilers = state.spoilers;
    if ui
        .checkbox(&mut spoilers, tr.t("trainer-spoilers"))
        .changed()
    {
        if spoilers {
            state.confirm = Some(Confirm::Solution);
        } else {
            state.spoilers = false;
        }
    }
    ui.label(super::theme::muted(ui, tr.t("trainer-solution-private")));
    if state.spoilers {
        heading(ui, tr.t("trainer-solution"));
        if let Some(conclusion) = s.conclusions.iter().find(|c| c.id == s.solution.conclusion) {
            ui.label(RichText::new(text(tr, &conclusion.name)).strong());
        }
        for score in &view.bundle {
            let category = super::name_in(tr, &s.categories, &score.category, |c| (&c.id, &c.name));
            ui.label(tr.t_args(
                if score.required == 0 {
                    "room-coverage-line-free"
                } else {
                    "trainer-bundle-score"
                },
                &[
                    ("category", category),
                    ("weight", score.weight.to_string()),
                    ("required", score.required.to_string()),
                ],
            ));
        }
        for (role, role_view) in view.roles.iter().map(|v| (role_name(&v.role.id), v)) {
            ui.label(RichText::new(role).strong());
            for clue in &role_view.clues {
                ui.label(format!("• {}", text(tr, &clue.text)));
            }
        }
    }
}

/// The case's injects: released, or a button to release one now.
fn injects(ui: &mut egui::Ui, view: &TrainerView, tr: &Tr, actions: &mut Vec<UiAction>) {
    heading(ui, tr.t("trainer-injects"));
    for inject in &view.injects {
        ui.horizontal(|ui| {
            if inject.released {
                ui.label(RichText::new(tr.t("trainer-released")).italics());
            } else if ui
                .add_enabled(
                    view.status != Status::Waiting && view.status != Status::Ended,
                    egui::Button::new(tr.t("trainer-release")),
                )
                .clicked()
            {
                actions.push(UiAction::Trainer(TrainerCommand::ReleaseInject {
                    inject: inject.id.clone(),
                }));
            }
            ui.label(text(tr, &inject.name));
        });
    }
}

/// A hint to one role or to all.
fn hint(
    ui: &mut egui::Ui,
    view: &TrainerView,
    state: &mut ConsoleState,
    tr: &Tr,
    actions: &mut Vec<UiAction>,
) {
    let s = &view.scenario;
    let role_name = |id: &Id| role_name(tr, view, id);
    heading(ui, tr.t("trainer-hint"));
    egui::ComboBox::from_id_salt("hint_to")
        .selected_text(
            state
                .hint_to
                .as_ref()
                .map_or_else(|| tr.t("trainer-hint-to-all"), &role_name),
        )
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut state.hint_to, None, tr.t("trainer-hint-to-all"));
            for role in &s.roles {
                ui.selectable_value(
                    &mut state.hint_to,
                    Some(role.id.clone()),
                    text(tr, &role.name),
                );
            }
        });
    ui.text_edit_singleline(&mut state.hint);
    if ui
        .add_enabled(
            !state.hint.trim().is_empty(),
            egui::Button::new(tr.t("trainer-hint")),
        )
        .clicked()
    {
        actions.push(UiAction::Trainer(TrainerCommand::Hint {
            to: state.hint_to.clone(),
            text: std::mem::take(&mut state.hint),
        }));
    }
}

/// What the trainer sent to this table, with the time: injects they
/// released and hints, newest first.
fn sent_lines(view: &TrainerView, tr: &Tr) -> Vec<String> {
    let s = &view.scenario;
    let role_name = |id: &Id| role_name(tr, view, id);
    view.events
        .iter()
        .rev()
        .filter_map(|event| match &event.kind {
            faisceau_engine::EventKind::InjectReleased {
                inject,
                release: faisceau_engine::session::Release::Trainer,
            } => Some(tr.t_args(
                "trainer-sent-inject",
                &[
                    ("time", clock(tr, event.at)),
                    (
                        "inject",
                        super::name_in(tr, &s.injects, inject, |i| (&i.id, &i.name)),
                    ),
                ],
            )),
            faisceau_engine::EventKind::HintSent { to, text } => Some(
                tr.t_args(
                    "trainer-sent-hint",
                    &[
                        ("time", clock(tr, event.at)),
                        (
                            "to",
                            to.as_ref()
                                .map_or_else(|| tr.t("trainer-hint-to-all"), &role_name),
                        ),
                        ("text", text.clone()),
                    ],
                ),
            ),
            _ => None,
        })
        .collect()
}

/// Asks before moving on, ending, or showing the solution.
fn confirm_dialog(
    ui: &mut egui::Ui,
    view: &TrainerView,
    state: &mut ConsoleState,
    tr: &Tr,
    actions: &mut Vec<UiAction>,
) {
    let Some(confirm) = state.confirm else {
        return;
    };
    let s = &view.scenario;
    let (title, body, yes) = match confirm {
        Confirm::NextPhase => match s.phases.get(view.phase + 1) {
            Some(next) => (
                tr.t_args(
                    "confirm-next-title",
                    &[("phase", text(tr, &next.name).to_owned())],
                ),
                tr.t("console-next-body"),
                tr.t("confirm-next-yes"),
            ),
            None => (
                tr.t("console-end-title"),
                tr.t("console-end-body"),
                tr.t("trainer-end"),
            ),
        },
        Confirm::End => (
            tr.t("console-end-title"),
            tr.t("console-end-body"),
            tr.t("trainer-end"),
        ),
        Confirm::Solution => (
            tr.t("console-solution-title"),
            tr.t("console-solution-body"),
            tr.t("console-solution-yes"),
        ),
    };
    match super::theme::confirm(
        ui,
        "console_confirm",
        title,
        body,
        &tr.t("confirm-cancel"),
        yes,
    ) {
        super::theme::Answer::Open => {}
        super::theme::Answer::Cancel => state.confirm = None,
        super::theme::Answer::Yes => {
            match confirm {
                Confirm::NextPhase => actions.push(UiAction::Trainer(TrainerCommand::NextPhase)),
                Confirm::End => actions.push(UiAction::Trainer(TrainerCommand::End)),
                Confirm::Solution => state.spoilers = true,
            }
            state.confirm = None;
        }
    }
}
