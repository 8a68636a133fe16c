//! The trainee desk: case file, actions, bundle, share dialog, inbox,
//! decisions, conclusion and messages, for one role's view.

use bevy_egui::egui::{self, Color32, RichText};
use faisceau_engine::Refusal;
use faisceau_engine::model::Verdict;

use super::refusal::{Names, closed_text, name, refusal_text};
use faisceau_engine::session::Status;
use faisceau_engine::view::{Discussion, Provenance};
use faisceau_engine::{Case, Id, RoleCommand, RoleView};

use super::{UiAction, clock, duration, frame_name, heading, text, verdict_label, verdict_name};
use crate::i18n::Tr;

/// The desk's tabs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tab {
    /// Clues and the bundle.
    #[default]
    File,
    /// Actions and their results.
    Actions,
    /// The share dialog.
    Share,
    /// What others shared.
    Inbox,
    /// The role's powers.
    Decisions,
    /// The table's conclusion.
    Conclusion,
    /// Injects, hints and notes.
    Messages,
}

/// What the person is composing on the desk; not part of the session.
#[derive(Clone, Debug)]
pub struct DeskState {
    /// The open tab.
    pub tab: Tab,
    /// Clues chosen to share.
    pub share_clues: Vec<Id>,
    /// Recipients chosen.
    pub share_to: Vec<Id>,
    /// The legal frame chosen.
    pub frame: Option<Id>,
    /// The colleague an act is being addressed to.
    pub act_to: Option<Id>,
    /// The kinds of information the act being written covers.
    pub act_scope: Vec<Id>,
    /// Why the person declines an act addressed to them.
    pub decline_reason: String,
    /// The person confirmed sending a breach.
    pub confirm_breach: bool,
    /// Conclusion being proposed.
    pub conclusion: Option<Id>,
    /// Orientation being proposed.
    pub orientation: Option<Id>,
    /// Reason of the proposal.
    pub reason: String,
    /// Reason for rejecting the open proposal.
    pub reject_reason: String,
    /// A note being written.
    pub note: String,
    /// The last refusal, shown until the next action.
    pub refusal: Option<String>,
    /// Solo practice: the person also moves the phases on.
    pub solo: bool,
}

impl Default for DeskState {
    fn default() -> Self {
        DeskState {
            tab: Tab::File,
            share_clues: Vec::new(),
            share_to: Vec::new(),
            frame: None,
            act_to: None,
            act_scope: Vec::new(),
            decline_reason: String::new(),
            confirm_breach: false,
            conclusion: None,
            orientation: None,
            reason: String::new(),
            reject_reason: String::new(),
            note: String::new(),
            refusal: None,
            solo: false,
        }
    }
}

fn colleague_name(view: &RoleView, tr: &Tr, id: &Id) -> String {
    if *id == view.role.id {
        return text(tr, &view.role.name).to_owned();
    }
    view.colleagues
        .iter()
        .find(|c| c.id == *id)
        .map_or(id.to_string(), |c| text(tr, &c.name).to_owned())
}

fn indicator_name(view: &RoleView, tr: &Tr, id: &Id) -> String {
    view.indicators
        .iter()
        .find(|i| i.id == *id)
        .map_or(id.to_string(), |i| text(tr, &i.name).to_owned())
}

fn clue_text<'v>(view: &'v RoleView, tr: &Tr, id: &Id) -> &'v str {
    view.clues
        .iter()
        .find(|c| c.id == *id)
        .map_or("", |c| text(tr, &c.text))
}

fn conclusion_name(view: &RoleView, tr: &Tr, id: &Id) -> String {
    view.conclusions
        .iter()
        .find(|c| c.id == *id)
        .map_or(id.to_string(), |c| text(tr, &c.name).to_owned())
}

/// What the person can usefully do next, in one line.
pub fn next_step(view: &RoleView, tr: &Tr) -> Option<String> {
    use faisceau_engine::coach::NextStep;
    let key = match faisceau_engine::coach::next_step(view)? {
        NextStep::AnswerProposal => "hint-answer",
        NextStep::AnswerAct => "hint-answer-act",
        NextStep::Decide => "hint-decide",
        NextStep::Act => "hint-act",
        NextStep::Tag => "hint-tag",
        NextStep::Share => "hint-share",
        NextStep::Wait => "hint-wait",
    };
    Some(tr.t_args("desk-next-step", &[("hint", tr.t(key))]))
}

/// Draws the desk.
pub fn desk(
    ui: &mut egui::Ui,
    view: &RoleView,
    state: &mut DeskState,
    case: Option<&Case>,
    tr: &Tr,
) -> Vec<UiAction> {
    let mut actions = Vec::new();
    egui::Panel::top("desk_top").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(text(tr, &view.title)).strong().size(20.0));
            ui.separator();
            ui.label(RichText::new(text(tr, &view.role.name)).size(18.0));
            ui.separator();
            ui.label(tr.t_args(
                "desk-phase",
                &[
                    ("phase", text(tr, &view.phase.name).to_owned()),
                    ("index", (view.phase.index + 1).to_string()),
                    ("count", view.phase.count.to_string()),
                ],
            ));
            ui.separator();
            ui.label(clock(tr, view.clock));
            ui.separator();
            ui.label(tr.t_args("desk-time-left", &[("time", duration(view.budget_left))]));
        });
        let status = match view.status {
            Status::Waiting => Some(tr.t("desk-waiting")),
            Status::Paused => Some(tr.t("desk-paused")),
            Status::Ended => Some(tr.t("desk-ended")),
            Status::Running => next_step(view, tr),
        };
        if let Some(status) = status {
            ui.label(
                RichText::new(status)
                    .color(Color32::from_rgb(0x1d, 0x4e, 0x89))
                    .strong(),
            );
        }
        if view.status == Status::Ended
            && ui
                .button(RichText::new(tr.t("go-debrief")).size(18.0))
                .clicked()
        {
            actions.push(UiAction::OpenDebrief);
        }
        if state.solo {
            ui.horizontal(|ui| match view.status {
                Status::Waiting | Status::Paused => {
                    if ui
                        .button(RichText::new(tr.t("trainer-start")).size(17.0))
                        .clicked()
                    {
                        actions.push(UiAction::Trainer(faisceau_engine::TrainerCommand::Start));
                    }
                }
                Status::Running => {
                    if ui
                        .button(RichText::new(tr.t("trainer-next-phase")).size(17.0))
                        .clicked()
                    {
                        actions.push(UiAction::Trainer(
                            faisceau_engine::TrainerCommand::NextPhase,
                        ));
                    }
                }
                Status::Ended => {}
            });
        }
        if let Some(refusal) = &state.refusal {
            ui.label(
                RichText::new(tr.t_args("refused", &[("reason", refusal.clone())]))
                    .color(Color32::from_rgb(0xc0, 0x1c, 0x28)),
            );
        }
    });
    egui::Panel::left("desk_tabs")
        .resizable(false)
        .exact_size(180.0)
        .show(ui, |ui| {
            let waiting = view
                .proposal
                .as_ref()
                .is_some_and(|p| p.waiting_for.contains(&view.role.id));
            let tabs = [
                (Tab::File, tr.t("tab-file"), view.clues.len()),
                (
                    Tab::Actions,
                    tr.t("tab-actions"),
                    view.actions.iter().filter(|a| a.blocked.is_none()).count(),
                ),
                (Tab::Share, tr.t("tab-share"), view.sent.len()),
                (Tab::Inbox, tr.t("tab-inbox"), view.inbox.len()),
                (
                    Tab::Decisions,
                    tr.t("tab-decisions"),
                    view.decisions
                        .iter()
                        .filter(|d| d.blocked.is_none())
                        .count(),
                ),
                (
                    Tab::Conclusion,
                    tr.t("tab-conclusion"),
                    usize::from(waiting),
                ),
                (Tab::Messages, tr.t("tab-messages"), view.messages.len()),
            ];
            for (tab, name, count) in tabs {
                let label = if count > 0 {
                    format!("{name}  ({count})")
                } else {
                    name
                };
                if ui
                    .selectable_label(state.tab == tab, RichText::new(label).size(17.0))
                    .clicked()
                {
                    state.tab = tab;
                }
            }
        });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| match state.tab {
                Tab::File => file_tab(ui, view, tr, &mut actions),
                Tab::Actions => actions_tab(ui, view, case, tr, &mut actions),
                Tab::Share => share_tab(ui, view, state, tr, &mut actions),
                Tab::Inbox => inbox_tab(ui, view, tr),
                Tab::Decisions => decisions_tab(ui, view, case, tr, &mut actions),
                Tab::Conclusion => conclusion_tab(ui, view, state, tr, &mut actions),
                Tab::Messages => messages_tab(ui, view, state, tr, &mut actions),
            });
    });
    if !actions.is_empty() {
        state.refusal = None;
    }
    actions
}

fn file_tab(ui: &mut egui::Ui, view: &RoleView, tr: &Tr, actions: &mut Vec<UiAction>) {
    heading(ui, tr.t("tab-file"));
    if view.clues.is_empty() {
        ui.label(tr.t("file-empty"));
    }
    for clue in &view.clues {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(text(tr, &clue.text)).size(16.0));
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
            ui.label(
                RichText::new(format!(
                    "{} · {}",
                    tr.t_args("file-learned", &[("time", clock(tr, clue.learned_at))]),
                    how.join(" · ")
                ))
                .weak(),
            );
            ui.horizontal_wrapped(|ui| {
                ui.label(tr.t("file-tags"));
                for tag in &clue.tags {
                    if ui
                        .button(format!("{} ×", indicator_name(view, tr, tag)))
                        .clicked()
                    {
                        actions.push(UiAction::Role(RoleCommand::Untag {
                            clue: clue.id.clone(),
                            indicator: tag.clone(),
                        }));
                    }
                }
                egui::ComboBox::from_id_salt(("tag", clue.id.as_str()))
                    .selected_text(tr.t("file-add-tag"))
                    .width(260.0)
                    .show_ui(ui, |ui| {
                        for category in &view.categories {
                            ui.label(RichText::new(text(tr, &category.name)).strong());
                            for indicator in view
                                .indicators
                                .iter()
                                .filter(|i| i.category == category.id && !clue.tags.contains(&i.id))
                            {
                                if ui
                                    .selectable_label(false, text(tr, &indicator.name))
                                    .clicked()
                                {
                                    actions.push(UiAction::Role(RoleCommand::Tag {
                                        clue: clue.id.clone(),
                                        indicator: indicator.id.clone(),
                                    }));
                                }
                            }
                        }
                    });
            });
        });
    }
    heading(ui, tr.t("bundle-title"));
    if view.bundle.is_empty() {
        ui.label(tr.t("bundle-empty"));
    }
    for category in &view.categories {
        let entries: Vec<_> = view
            .bundle
            .iter()
            .filter(|b| {
                view.indicators
                    .iter()
                    .any(|i| i.id == b.indicator && i.category == category.id)
            })
            .collect();
        if entries.is_empty() {
            continue;
        }
        ui.label(RichText::new(text(tr, &category.name)).strong());
        for entry in entries {
            ui.label(format!(
                "• {} — {}",
                indicator_name(view, tr, &entry.indicator),
                clue_text(view, tr, &entry.clue)
            ));
        }
    }
    heading(ui, tr.t("file-people"));
    for person in &view.people {
        ui.label(format!(
            "{} — {} ({})",
            text(tr, &person.name),
            text(tr, &person.description),
            tr.t_args("file-trust", &[("level", person.trust.to_string())])
        ));
    }
}

fn actions_tab(
    ui: &mut egui::Ui,
    view: &RoleView,
    case: Option<&Case>,
    tr: &Tr,
    actions: &mut Vec<UiAction>,
) {
    heading(ui, tr.t("tab-actions"));
    for action in &view.actions {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                let enabled = action.blocked.is_none();
                if ui
                    .add_enabled(
                        enabled,
                        egui::Button::new(RichText::new(tr.t("actions-take")).size(16.0)),
                    )
                    .clicked()
                {
                    actions.push(UiAction::Role(RoleCommand::TakeAction {
                        action: action.id.clone(),
                    }));
                }
                ui.label(RichText::new(text(tr, &action.name)).size(16.0).strong());
                ui.label(tr.t_args("actions-cost", &[("time", duration(action.cost))]));
            });
            if let Some(description) = &action.description {
                ui.label(text(tr, description));
            }
            if let Some(blocked) = &action.blocked {
                let reason = refusal_words(tr, blocked, view, case);
                ui.label(RichText::new(reason).weak().italics());
            }
        });
    }
    if !view.results.is_empty() {
        heading(ui, tr.t("actions-results"));
        for result in view.results.iter().rev() {
            let name = view
                .actions
                .iter()
                .find(|a| a.id == result.action)
                .map_or(result.action.to_string(), |a| text(tr, &a.name).to_owned());
            let outcome = result
                .text
                .as_ref()
                .map(|t| format!(" — {}", text(tr, t)))
                .unwrap_or_default();
            ui.label(format!("{} · {name}{outcome}", clock(tr, result.at)));
        }
    }
}

fn share_tab(
    ui: &mut egui::Ui,
    view: &RoleView,
    state: &mut DeskState,
    tr: &Tr,
    actions: &mut Vec<UiAction>,
) {
    heading(ui, tr.t("share-choose-clues"));
    for clue in &view.clues {
        let mut chosen = state.share_clues.contains(&clue.id);
        if ui.checkbox(&mut chosen, text(tr, &clue.text)).changed() {
            toggle(&mut state.share_clues, &clue.id, chosen);
        }
    }
    heading(ui, tr.t("share-choose-to"));
    ui.horizontal_wrapped(|ui| {
        for colleague in &view.colleagues {
            let mut chosen = state.share_to.contains(&colleague.id);
            if ui
                .checkbox(&mut chosen, text(tr, &colleague.name))
                .changed()
            {
                toggle(&mut state.share_to, &colleague.id, chosen);
            }
        }
    });
    heading(ui, tr.t("share-frame"));
    ui.label(
        RichText::new(tr.t_args("share-law-as-of", &[("date", view.law_as_of.clone())]))
            .italics()
            .weak(),
    );
    if state.share_to.is_empty() {
        ui.label(tr.t("share-frame-first-to"));
    } else {
        frame_choice(ui, view, state, tr);
    }
    heading(ui, tr.t("share-verdict"));
    let Some(frame) = state.frame.clone() else {
        let ready = !state.share_clues.is_empty() && !state.share_to.is_empty();
        ui.label(tr.t(if ready {
            "share-choose-frame"
        } else {
            "share-nothing"
        }));
        acts_section(ui, view, state, tr, actions);
        sent_section(ui, view, tr);
        return;
    };
    let previews = view.preview(&state.share_clues, &state.share_to, &frame);
    if previews.is_empty() {
        ui.label(tr.t("share-nothing"));
    } else {
        share_preview(ui, view, state, tr, actions, &frame, &previews);
    }
    acts_section(ui, view, state, tr, actions);
    sent_section(ui, view, tr);
}

/// The frames open to this role toward every chosen recipient, to choose
/// from; the others, with why each is closed.
fn frame_choice(ui: &mut egui::Ui, view: &RoleView, state: &mut DeskState, tr: &Tr) {
    let mut open = Vec::new();
    let mut closed: Vec<(Id, String)> = Vec::new();
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
                closed.push((frame.id.clone(), reason));
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
                .radio(selected, RichText::new(text(tr, &frame.name)).size(16.0))
                .clicked()
            {
                state.frame = Some(frame.id.clone());
                state.confirm_breach = false;
            }
            ui.label(RichText::new(&frame.basis).italics().weak());
        });
    }
    // Frames an act would open are the lesson ("no requisition received"):
    // they show at once; the others wait behind a header.
    let (awaiting_act, others): (Vec<_>, Vec<_>) = closed.into_iter().partition(|(frame, _)| {
        view.frames
            .iter()
            .any(|f| f.id == *frame && f.opened_by.is_some())
    });
    for (_, reason) in awaiting_act {
        ui.label(RichText::new(reason).italics());
    }
    if !others.is_empty() {
        ui.collapsing(
            tr.t_args("share-frame-closed", &[("count", others.len().to_string())]),
            |ui| {
                for (_, reason) in others {
                    ui.label(RichText::new(reason).weak().italics());
                }
            },
        );
    }
}

fn share_preview(
    ui: &mut egui::Ui,
    view: &RoleView,
    state: &mut DeskState,
    tr: &Tr,
    actions: &mut Vec<UiAction>,
    frame: &Id,
    previews: &[faisceau_engine::Preview],
) {
    let closed: Vec<_> = previews.iter().filter(|p| p.closed.is_some()).collect();
    let worst = previews
        .iter()
        .filter_map(|p| p.verdict)
        .max()
        .unwrap_or(Verdict::Allowed);
    for preview in previews {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                match preview.verdict {
                    Some(verdict) => ui.label(verdict_label(tr, verdict)),
                    None => ui.label(RichText::new(tr.t("share-closed")).strong()),
                };
                ui.label(tr.t_args(
                    "share-preview-to",
                    &[("name", colleague_name(view, tr, &preview.to))],
                ));
            });
            ui.label(RichText::new(clue_text(view, tr, &preview.clue)).weak());
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
        ui.label(RichText::new(tr.t_args("share-copy", &[("to", names.join(", "))])).strong());
    }
    if !closed.is_empty() {
        ui.label(RichText::new(tr.t("share-cannot")).strong());
        return;
    }
    let label = if worst == Verdict::Breach {
        ui.checkbox(&mut state.confirm_breach, tr.t("share-confirm-breach"));
        tr.t("share-send-breach")
    } else {
        format!("{} — {}", tr.t("share-send"), verdict_name(tr, worst))
    };
    let enabled = worst != Verdict::Breach || state.confirm_breach;
    if ui
        .add_enabled(enabled, egui::Button::new(RichText::new(label).size(17.0)))
        .clicked()
    {
        actions.push(UiAction::Role(RoleCommand::Share {
            clues: state.share_clues.clone(),
            to: state.share_to.clone(),
            frame: frame.clone(),
        }));
        state.share_clues.clear();
        state.share_to.clear();
        state.confirm_breach = false;
    }
}

/// A refusal in words, with the case's names when the screen has the case,
/// else the view's.
fn refusal_words(tr: &Tr, refusal: &Refusal, view: &RoleView, case: Option<&Case>) -> String {
    match case {
        Some(case) => refusal_text(tr, refusal, case),
        None => refusal_text(tr, refusal, view),
    }
}

fn category_name(view: &RoleView, tr: &Tr, id: &Id) -> String {
    view.categories
        .iter()
        .find(|c| c.id == *id)
        .map_or(id.to_string(), |c| text(tr, &c.name).to_owned())
}

fn profession_name(view: &RoleView, tr: &Tr, id: &Id) -> String {
    name(tr, view.profession(id), id)
}

fn act_name(view: &RoleView, tr: &Tr, id: &Id) -> String {
    name(tr, view.act(id), id)
}

fn class_names(view: &RoleView, tr: &Tr, ids: &[Id]) -> String {
    if ids.is_empty() {
        return tr.t("acts-scope-all");
    }
    ids.iter()
        .map(|id| name(tr, view.class(id), id))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Acts addressed to the role (to answer or decline), acts it issued, and
/// the acts it may issue.
fn acts_section(
    ui: &mut egui::Ui,
    view: &RoleView,
    state: &mut DeskState,
    tr: &Tr,
    actions: &mut Vec<UiAction>,
) {
    if view.acts.is_empty() && view.issuable.is_empty() {
        return;
    }
    heading(ui, tr.t("acts-heading"));
    let me = &view.role.id;
    for act in &view.acts {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            let received = act.to == *me;
            let who = if received { &act.by } else { &act.to };
            let key = if received {
                "acts-received"
            } else {
                "acts-issued"
            };
            ui.label(
                RichText::new(tr.t_args(
                    key,
                    &[
                        ("number", act.number.to_string()),
                        ("act", act_name(view, tr, &act.act)),
                        ("role", colleague_name(view, tr, who)),
                        ("time", clock(tr, act.at)),
                    ],
                ))
                .strong(),
            );
            ui.label(tr.t_args(
                "acts-scope",
                &[("scope", class_names(view, tr, &act.scope))],
            ));
            if let Some(reason) = &act.declined {
                ui.label(
                    RichText::new(tr.t_args("acts-declined", &[("reason", reason.clone())]))
                        .italics(),
                );
            } else if act.answered {
                ui.label(RichText::new(tr.t("acts-answered")).italics());
            } else if received {
                let frame = view
                    .frames
                    .iter()
                    .find(|f| f.opened_by.as_ref() == Some(&act.act))
                    .map(|f| text(tr, &f.name).to_owned())
                    .unwrap_or_default();
                ui.label(tr.t_args("acts-how-to-answer", &[("frame", frame)]));
                ui.horizontal_wrapped(|ui| {
                    ui.label(tr.t("acts-decline-reason"));
                    ui.text_edit_singleline(&mut state.decline_reason);
                    if ui
                        .add_enabled(
                            !state.decline_reason.trim().is_empty(),
                            egui::Button::new(tr.t("acts-decline")),
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
    for issuable in &view.issuable {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            let kind = view.act_kinds.iter().find(|a| a.id == issuable.act);
            ui.label(
                RichText::new(
                    tr.t_args("acts-issue", &[("act", act_name(view, tr, &issuable.act))]),
                )
                .size(16.0)
                .strong(),
            );
            if let Some(kind) = kind {
                ui.label(
                    RichText::new(format!("{} — {}", kind.basis, text(tr, &kind.explanation)))
                        .weak(),
                );
            }
            if let Some(blocked) = &issuable.blocked {
                ui.label(RichText::new(refusal_words(tr, blocked, view, None)).italics());
                return;
            }
            ui.horizontal_wrapped(|ui| {
                ui.label(tr.t("acts-to"));
                for to in &issuable.to {
                    let selected = state.act_to.as_ref() == Some(to);
                    if ui.radio(selected, colleague_name(view, tr, to)).clicked() {
                        state.act_to = Some(to.clone());
                    }
                }
            });
            let scoped = kind.is_none_or(|k| k.scoped);
            if scoped {
                ui.horizontal_wrapped(|ui| {
                    ui.label(tr.t("acts-covering"));
                    for class in &view.classes {
                        let mut chosen = state.act_scope.contains(&class.id);
                        if ui.checkbox(&mut chosen, text(tr, &class.name)).changed() {
                            toggle(&mut state.act_scope, &class.id, chosen);
                        }
                    }
                });
            }
            let ready = state
                .act_to
                .as_ref()
                .is_some_and(|t| issuable.to.contains(t))
                && (!scoped || !state.act_scope.is_empty());
            if ui
                .add_enabled(
                    ready,
                    egui::Button::new(
                        RichText::new(tr.t_args(
                            "acts-issue-button",
                            &[("act", act_name(view, tr, &issuable.act))],
                        ))
                        .size(16.0),
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
}

/// What the role has shared: with whom, under which frame, and the verdict.
fn sent_section(ui: &mut egui::Ui, view: &RoleView, tr: &Tr) {
    if view.sent.is_empty() {
        return;
    }
    heading(ui, tr.t("share-mine"));
    for share in view.sent.iter().rev() {
        let names: Vec<String> = share
            .to
            .iter()
            .map(|t| colleague_name(view, tr, t))
            .collect();
        ui.horizontal_wrapped(|ui| {
            if let Some(verdict) = share.verdict {
                ui.label(verdict_label(tr, verdict));
            }
            ui.label(tr.t_args(
                "share-sent-line",
                &[
                    ("time", clock(tr, share.at)),
                    ("to", names.join(", ")),
                    ("frame", frame_name(tr, &view.frames, &share.frame)),
                    ("count", share.clues.len().to_string()),
                ],
            ));
        });
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
            ui.label(
                RichText::new(tr.t_args("share-copy-sent", &[("to", copies.join(", "))])).weak(),
            );
        }
    }
}

fn toggle(list: &mut Vec<Id>, id: &Id, on: bool) {
    list.retain(|x| x != id);
    if on {
        list.push(id.clone());
    }
}

fn inbox_tab(ui: &mut egui::Ui, view: &RoleView, tr: &Tr) {
    heading(ui, tr.t("tab-inbox"));
    if view.inbox.is_empty() {
        ui.label(tr.t("inbox-empty"));
    }
    for share in view.inbox.iter().rev() {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(tr.t_args(
                    "inbox-from",
                    &[
                        ("role", colleague_name(view, tr, &share.from)),
                        ("channel", frame_name(tr, &view.frames, &share.frame)),
                        ("time", clock(tr, share.at)),
                    ],
                ))
                .strong(),
            );
            for clue in &share.clues {
                ui.label(format!("• {}", clue_text(view, tr, clue)));
            }
        });
    }
}

fn decisions_tab(
    ui: &mut egui::Ui,
    view: &RoleView,
    case: Option<&Case>,
    tr: &Tr,
    actions: &mut Vec<UiAction>,
) {
    heading(ui, tr.t("tab-decisions"));
    if view.decisions.is_empty() {
        ui.label(tr.t("decisions-none"));
    }
    for decision in &view.decisions {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(
                        decision.blocked.is_none(),
                        egui::Button::new(RichText::new(tr.t("decisions-take")).size(16.0)),
                    )
                    .clicked()
                {
                    actions.push(UiAction::Role(RoleCommand::Decide {
                        decision: decision.id.clone(),
                    }));
                }
                ui.label(RichText::new(text(tr, &decision.name)).size(16.0).strong());
            });
            ui.label(text(tr, &decision.description));
            if let Some(basis) = &decision.basis {
                ui.label(RichText::new(basis).italics());
            }
            if let Some(blocked) = &decision.blocked {
                let reason = refusal_words(tr, blocked, view, case);
                ui.label(RichText::new(reason).weak().italics());
            }
        });
    }
    if !view.decisions_taken.is_empty() {
        heading(ui, tr.t("decisions-taken"));
        for taken in &view.decisions_taken {
            ui.label(format!(
                "{} · {} — {}",
                clock(tr, taken.at),
                text(tr, &taken.name),
                colleague_name(view, tr, &taken.by)
            ));
        }
    }
}

fn conclusion_tab(
    ui: &mut egui::Ui,
    view: &RoleView,
    state: &mut DeskState,
    tr: &Tr,
    actions: &mut Vec<UiAction>,
) {
    heading(ui, tr.t("tab-conclusion"));
    let rule = match view.adoption {
        faisceau_engine::model::Adoption::Unanimity => "conclusion-rule-unanimity",
        faisceau_engine::model::Adoption::Majority => "conclusion-rule-majority",
    };
    ui.label(RichText::new(tr.t(rule)).italics());
    if let Some(adopted) = &view.adopted {
        ui.label(
            RichText::new(tr.t_args(
                "conclusion-adopted",
                &[("conclusion", conclusion_name(view, tr, &adopted.conclusion))],
            ))
            .size(18.0)
            .strong(),
        );
        return;
    }
    // After the end nobody can propose or vote: the discussion stays to read.
    let ended = view.status == Status::Ended;
    if ended {
        ui.label(RichText::new(tr.t("conclusion-none-ended")).size(17.0));
    }
    if let Some(proposal) = view.proposal.as_ref().filter(|_| !ended) {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(tr.t_args(
                    "conclusion-open",
                    &[
                        ("role", colleague_name(view, tr, &proposal.by)),
                        (
                            "conclusion",
                            conclusion_name(view, tr, &proposal.conclusion),
                        ),
                    ],
                ))
                .size(17.0)
                .strong(),
            );
            ui.label(&proposal.reason);
            let waiting: Vec<String> = proposal
                .waiting_for
                .iter()
                .map(|r| colleague_name(view, tr, r))
                .collect();
            ui.label(tr.t_args("conclusion-waiting", &[("roles", waiting.join(", "))]));
            if proposal.waiting_for.contains(&view.role.id) {
                if ui
                    .button(RichText::new(tr.t("conclusion-endorse")).size(16.0))
                    .clicked()
                {
                    actions.push(UiAction::Role(RoleCommand::Endorse {
                        proposal: proposal.number,
                    }));
                }
                ui.label(tr.t("conclusion-reject-reason"));
                ui.text_edit_singleline(&mut state.reject_reason);
                if ui
                    .add_enabled(
                        !state.reject_reason.trim().is_empty(),
                        egui::Button::new(tr.t("conclusion-reject")),
                    )
                    .clicked()
                {
                    actions.push(UiAction::Role(RoleCommand::Reject {
                        proposal: proposal.number,
                        reason: std::mem::take(&mut state.reject_reason),
                        lacking: None,
                    }));
                }
            }
        });
    }
    if !ended {
        propose_form(ui, view, state, tr, actions);
    }
    if !view.discussion.is_empty() {
        ui.separator();
        for entry in &view.discussion {
            let line = match entry {
                Discussion::Proposed {
                    by,
                    conclusion,
                    reason,
                    ..
                } => tr.t_args(
                    "discussion-proposed",
                    &[
                        ("who", colleague_name(view, tr, by)),
                        ("conclusion", conclusion_name(view, tr, conclusion)),
                        ("reason", reason.clone()),
                    ],
                ),
                Discussion::Endorsed { by, .. } => tr.t_args(
                    "discussion-endorsed",
                    &[("who", colleague_name(view, tr, by))],
                ),
                Discussion::Rejected {
                    by,
                    reason,
                    lacking,
                    ..
                } => {
                    // A reason given as data (a bot's) is worded in the reader's language.
                    let reason = match lacking {
                        Some(l) => tr.t_args(
                            "discussion-lacking",
                            &[("category", category_name(view, tr, &l.category))],
                        ),
                        None => reason.clone(),
                    };
                    tr.t_args(
                        "discussion-rejected",
                        &[("who", colleague_name(view, tr, by)), ("reason", reason)],
                    )
                }
            };
            ui.label(line);
        }
    }
}

/// Propose a conclusion to the table: a choice, an orientation, and why.
fn propose_form(
    ui: &mut egui::Ui,
    view: &RoleView,
    state: &mut DeskState,
    tr: &Tr,
    actions: &mut Vec<UiAction>,
) {
    heading(ui, tr.t("conclusion-propose"));
    ui.label(tr.t("conclusion-choose"));
    for option in &view.conclusions {
        ui.radio_value(
            &mut state.conclusion,
            Some(option.id.clone()),
            text(tr, &option.name),
        );
    }
    if !view.orientations.is_empty() {
        ui.label(tr.t("conclusion-orientation"));
        for option in &view.orientations {
            ui.radio_value(
                &mut state.orientation,
                Some(option.id.clone()),
                text(tr, &option.name),
            );
        }
    }
    ui.label(tr.t("conclusion-reason"));
    ui.text_edit_multiline(&mut state.reason);
    let ready = state.conclusion.is_some() && !state.reason.trim().is_empty();
    if ui
        .add_enabled(
            ready,
            egui::Button::new(RichText::new(tr.t("conclusion-submit")).size(16.0)),
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
}

fn messages_tab(
    ui: &mut egui::Ui,
    view: &RoleView,
    state: &mut DeskState,
    tr: &Tr,
    actions: &mut Vec<UiAction>,
) {
    heading(ui, tr.t("tab-messages"));
    if view.messages.is_empty() {
        ui.label(tr.t("messages-empty"));
    }
    for message in view.messages.iter().rev() {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            let title = match &message.title {
                Some(title) => text(tr, title).to_owned(),
                None => tr.t("messages-hint"),
            };
            ui.label(RichText::new(format!("{} · {title}", clock(tr, message.at))).strong());
            ui.label(text(tr, &message.text));
        });
    }
    if let Some(text) = super::notes(ui, tr, tr.t("notes-title"), &view.notes, &mut state.note) {
        actions.push(UiAction::Role(RoleCommand::Note { text }));
    }
}
