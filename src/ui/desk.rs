//! The trainee desk: case file and bundle side by side, actions with what
//! they found, the share dialog, what others shared, decisions, the table's
//! conclusion and messages, for one role's view.
//!
//! The desk draws from the view alone (never from the case file), so solo
//! play and a networked client show the same words. It keeps what the
//! person has already seen, to mark what is new and count what is unread,
//! and turns every change of the view into a line of the activity feed and
//! a short notice.

use std::collections::BTreeSet;

use bevy_egui::egui::{self, RichText};
use faisceau_engine::model::Verdict;
use faisceau_engine::rulebook::Closed;
use faisceau_engine::session::Status;
use faisceau_engine::view::{Discussion, Provenance};
use faisceau_engine::{Id, Refusal, RoleCommand, RoleView, TrainerCommand};

use super::refusal::{Names, closed_text, name, refusal_text};
use super::theme::{self, icon, size, space};
use super::{UiAction, clock, duration, frame_name, name_in, text, verdict_name};
use crate::i18n::Tr;

/// The desk's tabs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tab {
    /// Clues, tagged with indicators.
    #[default]
    File,
    /// Actions and what they found.
    Actions,
    /// The share dialog, acts, and my shares.
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

const TABS: [Tab; 7] = [
    Tab::File,
    Tab::Actions,
    Tab::Share,
    Tab::Inbox,
    Tab::Decisions,
    Tab::Conclusion,
    Tab::Messages,
];

/// Something that ends or skips, waiting for the person to confirm.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Confirm {
    /// Move to the next phase (solo practice).
    NextPhase,
    /// End the session at the last phase (solo practice).
    EndSession,
}

/// How many items of each list the person has seen.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Seen {
    /// Clues seen in the case file.
    pub clues: BTreeSet<Id>,
    /// Action results.
    pub results: usize,
    /// Received shares.
    pub inbox: usize,
    /// Decisions taken at the table.
    pub decisions: usize,
    /// Steps of the discussion.
    pub discussion: usize,
    /// Messages.
    pub messages: usize,
    /// My shares.
    pub sent: usize,
}

impl Seen {
    fn everything(view: &RoleView) -> Seen {
        Seen {
            clues: view.clues.iter().map(|c| c.id.clone()).collect(),
            results: view.results.len(),
            inbox: view.inbox.len(),
            decisions: view.decisions_taken.len(),
            discussion: view.discussion.len(),
            messages: view.messages.len(),
            sent: view.sent.len(),
        }
    }

    /// Marks one tab's items seen.
    fn read(&mut self, tab: Tab, view: &RoleView) {
        let all = Seen::everything(view);
        match tab {
            Tab::File => self.clues = all.clues,
            Tab::Actions => self.results = all.results,
            Tab::Share => self.sent = all.sent,
            Tab::Inbox => self.inbox = all.inbox,
            Tab::Decisions => self.decisions = all.decisions,
            Tab::Conclusion => self.discussion = all.discussion,
            Tab::Messages => self.messages = all.messages,
        }
    }

    /// Unread items of a tab.
    pub fn unread(&self, tab: Tab, view: &RoleView) -> usize {
        match tab {
            Tab::File => view
                .clues
                .iter()
                .filter(|c| !self.clues.contains(&c.id))
                .count(),
            Tab::Actions => view.results.len().saturating_sub(self.results),
            Tab::Share => view
                .acts
                .iter()
                .filter(|a| a.to == view.role.id && !a.answered && a.declined.is_none())
                .count(),
            Tab::Inbox => view.inbox.len().saturating_sub(self.inbox),
            Tab::Decisions => view.decisions_taken.len().saturating_sub(self.decisions),
            Tab::Conclusion => {
                let waiting = view
                    .proposal
                    .as_ref()
                    .is_some_and(|p| p.waiting_for.contains(&view.role.id));
                view.discussion
                    .len()
                    .saturating_sub(self.discussion)
                    .max(usize::from(waiting))
            }
            Tab::Messages => view.messages.len().saturating_sub(self.messages),
        }
    }
}

/// One line of the activity feed.
#[derive(Clone, Debug, PartialEq)]
pub struct FeedItem {
    /// Scenario time.
    pub at: u32,
    /// A symbol.
    pub icon: &'static str,
    /// The line.
    pub text: String,
    /// The tab where it can be read.
    pub tab: Tab,
}

/// A notice on screen for a few seconds.
#[derive(Clone, Debug, PartialEq)]
pub struct Toast {
    /// What it says.
    pub item: FeedItem,
    /// When it goes (egui time, seconds).
    pub until: f64,
}

/// How long a notice stays.
const TOAST_SECONDS: f64 = 6.0;
/// Lines of the activity feed shown beside the bundle.
const FEED_LINES: usize = 14;

/// What the person is composing on the desk, and what they have seen; not
/// part of the session.
#[derive(Clone, Debug, Default)]
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
    pub refusal: Option<Refusal>,
    /// Solo practice: the person also moves the phases on.
    pub solo: bool,
    /// Something waiting for confirmation.
    pub confirm: Option<Confirm>,
    /// A returning trainee: say "welcome back" until their first move.
    pub welcome_back: bool,
    /// What the person has seen.
    pub seen: Seen,
    /// What was seen when the open tab was opened: newer items are marked new.
    pub seen_at_open: Seen,
    /// The clue whose indicator chips are open.
    pub tagging: Option<Id>,
    /// The last share sent from this desk, confirmed once the view shows it.
    pub share_sent: Option<usize>,
    /// Lines of the feed the view does not carry (phase changes, trust).
    pub local_feed: Vec<FeedItem>,
    /// The feed's length at the person's last move: later lines are new.
    pub feed_read: usize,
    /// Notices on screen.
    pub toasts: Vec<Toast>,
    /// The view drawn last, as far as changes go.
    pub last: Option<Snapshot>,
}

/// What the desk remembers of the view it drew last, to see what changed.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    phase: usize,
    status: Status,
    trust: Vec<(Id, i32)>,
    /// The feed's lines (time and text) at the last look.
    feed: Vec<(u32, String)>,
}

fn colleague_name(view: &RoleView, tr: &Tr, id: &Id) -> String {
    if *id == view.role.id {
        return text(tr, &view.role.name).to_owned();
    }
    name_in(tr, &view.colleagues, id, |c| (&c.id, &c.name))
}

fn indicator_name(view: &RoleView, tr: &Tr, id: &Id) -> String {
    name_in(tr, &view.indicators, id, |i| (&i.id, &i.name))
}

fn clue_text<'v>(view: &'v RoleView, tr: &Tr, id: &Id) -> &'v str {
    view.clues
        .iter()
        .find(|c| c.id == *id)
        .map_or("", |c| text(tr, &c.text))
}

fn conclusion_name(view: &RoleView, tr: &Tr, id: &Id) -> String {
    name_in(tr, &view.conclusions, id, |c| (&c.id, &c.name))
}

fn action_name(view: &RoleView, tr: &Tr, id: &Id) -> String {
    name_in(tr, &view.actions, id, |a| (&a.id, &a.name))
}

fn category_name(view: &RoleView, tr: &Tr, id: &Id) -> String {
    name_in(tr, &view.categories, id, |c| (&c.id, &c.name))
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

fn names(view: &RoleView, tr: &Tr, ids: &[Id]) -> String {
    ids.iter()
        .map(|id| colleague_name(view, tr, id))
        .collect::<Vec<_>>()
        .join(", ")
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

/// The activity feed the view carries, oldest first: results, shares both
/// ways, acts, messages, decisions and the discussion.
pub fn feed(view: &RoleView, tr: &Tr) -> Vec<FeedItem> {
    let mut items = Vec::new();
    for result in &view.results {
        let found = finding(view, tr, result);
        items.push(FeedItem {
            at: result.at,
            icon: icon::MAGNIFYING_GLASS,
            text: tr.t_args(
                "feed-result",
                &[
                    ("action", action_name(view, tr, &result.action)),
                    ("found", found),
                ],
            ),
            tab: Tab::Actions,
        });
    }
    for share in &view.inbox {
        items.push(FeedItem {
            at: share.at,
            icon: icon::TRAY,
            text: tr.t_args(
                "feed-received",
                &[
                    ("role", colleague_name(view, tr, &share.from)),
                    ("frame", frame_name(tr, &view.frames, &share.frame)),
                    ("count", share.clues.len().to_string()),
                ],
            ),
            tab: Tab::Inbox,
        });
    }
    for share in &view.sent {
        items.push(FeedItem {
            at: share.at,
            icon: icon::SHARE_NETWORK,
            text: shared_line(view, tr, share),
            tab: Tab::Share,
        });
    }
    for act in &view.acts {
        let key = if act.to == view.role.id {
            "feed-act-received"
        } else {
            "feed-act-issued"
        };
        let who = if act.to == view.role.id {
            &act.by
        } else {
            &act.to
        };
        items.push(FeedItem {
            at: act.at,
            icon: icon::GAVEL,
            text: tr.t_args(
                key,
                &[
                    ("act", act_name(view, tr, &act.act)),
                    ("role", colleague_name(view, tr, who)),
                ],
            ),
            tab: Tab::Share,
        });
    }
    for message in &view.messages {
        let (icon, title) = match &message.title {
            Some(title) => (icon::BELL, text(tr, title).to_owned()),
            None => (icon::LIGHTBULB, tr.t("messages-hint")),
        };
        items.push(FeedItem {
            at: message.at,
            icon,
            text: title,
            tab: Tab::Messages,
        });
    }
    for taken in &view.decisions_taken {
        items.push(FeedItem {
            at: taken.at,
            icon: icon::SCALES,
            text: tr.t_args(
                "feed-decision",
                &[
                    ("decision", text(tr, &taken.name).to_owned()),
                    ("role", colleague_name(view, tr, &taken.by)),
                ],
            ),
            tab: Tab::Decisions,
        });
    }
    // The discussion carries no times: its steps come at the table's clock
    // when first seen, after everything else.
    for entry in &view.discussion {
        items.push(FeedItem {
            at: view.table_clock,
            icon: icon::HANDSHAKE,
            text: discussion_line(view, tr, entry),
            tab: Tab::Conclusion,
        });
    }
    items.sort_by_key(|i| i.at);
    items
}

/// What an action found, in one line: its outcome's words, else the
/// information it revealed, else "nothing new".
fn finding(view: &RoleView, tr: &Tr, result: &faisceau_engine::view::ActionResult) -> String {
    if let Some(t) = &result.text {
        return text(tr, t).to_owned();
    }
    if result.revealed.is_empty() {
        return tr.t("actions-nothing-new");
    }
    result
        .revealed
        .iter()
        .map(|c| clue_text(view, tr, c))
        .collect::<Vec<_>>()
        .join(" ")
}

fn shared_line(view: &RoleView, tr: &Tr, share: &faisceau_engine::view::ShareView) -> String {
    tr.t_args(
        "share-done",
        &[
            ("to", names(view, tr, &share.to)),
            ("frame", frame_name(tr, &view.frames, &share.frame)),
            ("count", share.clues.len().to_string()),
        ],
    )
}

fn discussion_line(view: &RoleView, tr: &Tr, entry: &Discussion) -> String {
    match entry {
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
    }
}

impl DeskState {
    /// Follows the view: new feed lines become notices; a phase change and a
    /// change of trust become feed lines of their own; the open tab is read.
    pub fn observe(&mut self, view: &RoleView, tr: &Tr, now: f64) -> Vec<FeedItem> {
        let trust: Vec<(Id, i32)> = view
            .people
            .iter()
            .map(|p| (p.id.clone(), p.trust))
            .collect();
        if let Some(last) = self.last.clone() {
            if view.phase.index != last.phase {
                self.local_feed.push(FeedItem {
                    at: view.phase.starts_at,
                    icon: icon::FLAG,
                    text: tr.t_args(
                        "feed-phase",
                        &[
                            ("index", (view.phase.index + 1).to_string()),
                            ("count", view.phase.count.to_string()),
                            ("phase", text(tr, &view.phase.name).to_owned()),
                        ],
                    ),
                    tab: Tab::Messages,
                });
            }
            if view.status != last.status && view.status == Status::Ended {
                self.local_feed.push(FeedItem {
                    at: view.table_clock,
                    icon: icon::FLAG_CHECKERED,
                    text: tr.t("desk-ended"),
                    tab: Tab::Conclusion,
                });
            }
            for (person, level) in &trust {
                let before = last
                    .trust
                    .iter()
                    .find(|(p, _)| p == person)
                    .map(|(_, l)| *l);
                if let Some(before) = before.filter(|b| b != level) {
                    let who = view
                        .people
                        .iter()
                        .find(|p| p.id == *person)
                        .map_or(person.to_string(), |p| text(tr, &p.name).to_owned());
                    let key = if *level > before {
                        "feed-trust-up"
                    } else {
                        "feed-trust-down"
                    };
                    self.local_feed.push(FeedItem {
                        at: view.clock,
                        icon: if *level > before {
                            icon::ARROW_FAT_UP
                        } else {
                            icon::ARROW_FAT_DOWN
                        },
                        text: tr.t_args(
                            key,
                            &[
                                ("person", who),
                                ("from", before.to_string()),
                                ("to", level.to_string()),
                            ],
                        ),
                        tab: Tab::File,
                    });
                }
            }
        }
        let mut all = feed(view, tr);
        all.extend(self.local_feed.iter().cloned());
        all.sort_by_key(|i| i.at);
        match &self.last {
            // The first look: what was already there is no news.
            None => self.feed_read = all.len(),
            // The lines that were not there at the last look, wherever their
            // time puts them (a share dated earlier can arrive late).
            Some(last) => {
                for item in fresh(&last.feed, &all) {
                    self.toasts.push(Toast {
                        item,
                        until: now + TOAST_SECONDS,
                    });
                }
            }
        }
        self.toasts.retain(|t| t.until > now);
        if self.toasts.len() > 3 {
            let drop = self.toasts.len() - 3;
            self.toasts.drain(..drop);
        }
        self.last = Some(Snapshot {
            phase: view.phase.index,
            status: view.status,
            trust,
            feed: all.iter().map(|i| (i.at, i.text.clone())).collect(),
        });
        all
    }

    /// Opens a tab: what it shows now that was not seen before is marked new.
    pub fn open(&mut self, tab: Tab) {
        self.tab = tab;
        self.seen_at_open = self.seen.clone();
        self.tagging = None;
    }
}

/// The `count` lines with the latest times: the likeliest new ones (the
/// feed is sorted by time, so a new line dated earlier may sit elsewhere).
/// The lines of `all` that `before` did not have (counting repeats: two
/// identical lines at the same time are two lines).
pub(crate) fn fresh(before: &[(u32, String)], all: &[FeedItem]) -> Vec<FeedItem> {
    let mut left: std::collections::HashMap<(u32, &str), usize> = std::collections::HashMap::new();
    for (at, text) in before {
        *left.entry((*at, text.as_str())).or_default() += 1;
    }
    all.iter()
        .filter(|item| match left.get_mut(&(item.at, item.text.as_str())) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        })
        .cloned()
        .collect()
}

/// Draws the desk.
pub fn desk(ui: &mut egui::Ui, view: &RoleView, state: &mut DeskState, tr: &Tr) -> Vec<UiAction> {
    let mut actions = Vec::new();
    let now = ui.input(|i| i.time);
    let feed = state.observe(view, tr, now);
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
    egui::Panel::left("desk_tabs")
        .resizable(false)
        .exact_size(space::RAIL)
        .frame(
            egui::Frame::new()
                .fill(palette.panel)
                .inner_margin(egui::Margin::symmetric(8, 12)),
        )
        .show(ui, |ui| rail(ui, view, state, tr, &mut actions));
    // The share dialog needs the width: the bundle shows on every other tab.
    if state.tab != Tab::Share {
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
    toasts(ui, state, tr);
    // What the open tab shows has been read.
    let tab = state.tab;
    state.seen.read(tab, view);
    if !actions.is_empty() {
        state.refusal = None;
        state.welcome_back = false;
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
    ui.horizontal(|ui| {
        ui.label(theme::strong(text(tr, &view.role.name)).size(size::HEADING));
        ui.label(theme::muted(ui, text(tr, &view.title)).size(size::BODY));
        if state.solo || view.status == Status::Ended {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                phase_control(ui, view, state, tr, actions);
            });
        }
    });
    ui.horizontal_wrapped(|ui| {
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
            theme::strong(format!("{}  {}", icon::CLOCK, clock(tr, view.table_clock)))
                .size(size::BODY),
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
    });
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

fn rail(
    ui: &mut egui::Ui,
    view: &RoleView,
    state: &mut DeskState,
    tr: &Tr,
    actions: &mut Vec<UiAction>,
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
        let label = RichText::new(format!("{glyph}  {}", tr.t(key)))
            .size(size::BODY)
            .color(if selected {
                palette.on_accent
            } else {
                palette.text
            });
        let response = ui
            .horizontal(|ui| {
                let button = egui::Button::new(label)
                    .fill(if selected {
                        palette.accent
                    } else {
                        palette.panel
                    })
                    .stroke(egui::Stroke::NONE)
                    .min_size(egui::vec2(ui.available_width() - 34.0, 38.0));
                let response = ui.add(button);
                let response = theme::ring(ui, response);
                theme::counter(ui, unread);
                response
            })
            .inner;
        if response.clicked() && !selected {
            state.open(tab);
        }
    }
    ui.add_space(space::SECTION);
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

fn bundle_panel(ui: &mut egui::Ui, view: &RoleView, tr: &Tr) {
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
        ui.horizontal(|ui| {
            ui.label(theme::strong(text(tr, &category.name)).size(size::BODY));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
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
            });
        });
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

fn activity(ui: &mut egui::Ui, state: &mut DeskState, feed: &[FeedItem], tr: &Tr) {
    let palette = theme::palette(ui);
    ui.add_space(space::SECTION);
    theme::heading(ui, Some(icon::BELL), tr.t("feed-title"));
    if feed.is_empty() {
        ui.label(theme::muted(ui, tr.t("feed-empty")));
    }
    let fresh = feed.len().saturating_sub(state.feed_read);
    for (i, item) in feed.iter().enumerate().rev().take(FEED_LINES) {
        let new = i + fresh >= feed.len();
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing.x = 4.0;
            let mut line = RichText::new(format!(
                "{} {} · {}",
                item.icon,
                clock(tr, item.at),
                item.text
            ))
            .size(size::SMALL);
            line = if new {
                line.family(theme::semibold()).color(palette.text)
            } else {
                line.color(palette.muted)
            };
            if ui
                .add(egui::Label::new(line).sense(egui::Sense::click()))
                .on_hover_cursor(egui::CursorIcon::PointingHand)
                .clicked()
            {
                state.open(item.tab);
            }
        });
    }
}

fn toasts(ui: &mut egui::Ui, state: &mut DeskState, tr: &Tr) {
    if state.toasts.is_empty() {
        return;
    }
    let palette = theme::palette(ui);
    let mut open = None;
    egui::Area::new(egui::Id::new("desk_toasts"))
        .anchor(egui::Align2::RIGHT_BOTTOM, [-16.0, -16.0])
        .order(egui::Order::Foreground)
        .show(ui.ctx(), |ui| {
            ui.set_max_width(380.0);
            for toast in &state.toasts {
                let response = egui::Frame::new()
                    .fill(palette.surface)
                    .stroke(egui::Stroke::new(1.5, palette.accent))
                    .corner_radius(egui::CornerRadius::same(space::RADIUS))
                    .inner_margin(egui::Margin::same(10))
                    .shadow(egui::epaint::Shadow {
                        offset: [0, 2],
                        blur: 8,
                        spread: 0,
                        color: theme::SHADOW,
                    })
                    .show(ui, |ui| {
                        ui.label(
                            theme::strong(format!(
                                "{}  {} · {}",
                                toast.item.icon,
                                clock(tr, toast.item.at),
                                toast.item.text
                            ))
                            .size(size::BODY),
                        );
                    })
                    .response
                    .interact(egui::Sense::click());
                if response.clicked() {
                    open = Some(toast.item.tab);
                }
                ui.add_space(6.0);
            }
        });
    if let Some(tab) = open {
        state.open(tab);
        state.toasts.clear();
    }
}

/// Why something cannot be done yet, with a lock: actions, acts and
/// decisions say it the same way.
fn blocked_line(ui: &mut egui::Ui, tr: &Tr, blocked: &Refusal, view: &RoleView) {
    ui.label(
        RichText::new(format!(
            "{}  {}",
            icon::LOCK,
            refusal_text(tr, blocked, view)
        ))
        .color(theme::palette(ui).muted),
    );
}

/// The button that does it, or why it cannot be done yet; true when clicked.
fn take_or_say_why(
    ui: &mut egui::Ui,
    tr: &Tr,
    view: &RoleView,
    blocked: Option<&Refusal>,
    glyph: &str,
    key: &str,
) -> bool {
    match blocked {
        None => theme::primary(ui, true, format!("{glyph}  {}", tr.t(key))).clicked(),
        Some(blocked) => {
            blocked_line(ui, tr, blocked, view);
            false
        }
    }
}

/// Marks an item new when it was not yet seen as the tab opened.
fn new_mark(ui: &mut egui::Ui, tr: &Tr, new: bool) {
    if new {
        theme::new_badge(ui, &tr.t("desk-new"));
    }
}

fn file_tab(
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
            provenance(ui, view, clue, tr);
            ui.horizontal_wrapped(|ui| {
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
                let open = state.tagging.as_ref() == Some(&clue.id);
                let label = if open {
                    format!("{}  {}", icon::CARET_UP, tr.t("file-tags-close"))
                } else {
                    format!("{}  {}", icon::TAG, tr.t("file-add-tag"))
                };
                if ui.link(RichText::new(label).size(size::BODY)).clicked() {
                    state.tagging = if open { None } else { Some(clue.id.clone()) };
                }
            });
            if state.tagging.as_ref() == Some(&clue.id) {
                ui.add_space(4.0);
                for category in &view.categories {
                    ui.label(theme::strong(text(tr, &category.name)).size(size::SMALL));
                    ui.horizontal_wrapped(|ui| {
                        for indicator in view
                            .indicators
                            .iter()
                            .filter(|i| i.category == category.id && !clue.tags.contains(&i.id))
                        {
                            if theme::chip(ui, text(tr, &indicator.name), false).clicked() {
                                actions.push(UiAction::Role(RoleCommand::Tag {
                                    clue: clue.id.clone(),
                                    indicator: indicator.id.clone(),
                                }));
                            }
                        }
                    });
                }
            }
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
fn provenance(
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

fn actions_tab(
    ui: &mut egui::Ui,
    view: &RoleView,
    state: &mut DeskState,
    tr: &Tr,
    actions: &mut Vec<UiAction>,
) {
    let palette = theme::palette(ui);
    theme::heading(ui, Some(icon::MAGNIFYING_GLASS), tr.t("tab-actions"));
    // Open actions first, then those that wait for something.
    let (open, blocked): (Vec<_>, Vec<_>) = view.actions.iter().partition(|a| a.blocked.is_none());
    for action in open.into_iter().chain(blocked) {
        let results: Vec<(usize, &faisceau_engine::view::ActionResult)> = view
            .results
            .iter()
            .enumerate()
            .filter(|(_, r)| r.action == action.id)
            .collect();
        let fresh = results
            .iter()
            .any(|(i, _)| *i >= state.seen_at_open.results);
        theme::card_with(ui, fresh.then_some(palette.new), |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(theme::strong(text(tr, &action.name)).size(size::LARGE));
                ui.label(theme::muted(
                    ui,
                    format!(
                        "{}  {}",
                        icon::HOURGLASS,
                        tr.t_args("actions-cost", &[("time", duration(action.cost))])
                    ),
                ));
            });
            if let Some(description) = &action.description {
                ui.label(text(tr, description));
            }
            if take_or_say_why(
                ui,
                tr,
                view,
                action.blocked.as_ref(),
                icon::PLAY,
                "actions-take",
            ) {
                actions.push(UiAction::Role(RoleCommand::TakeAction {
                    action: action.id.clone(),
                }));
            }
            for (i, result) in results.iter().rev() {
                ui.separator();
                ui.horizontal_wrapped(|ui| {
                    new_mark(ui, tr, *i >= state.seen_at_open.results);
                    ui.label(theme::strong(
                        tr.t_args("actions-found-at", &[("time", clock(tr, result.at))]),
                    ));
                    match &result.text {
                        Some(t) => {
                            ui.label(text(tr, t));
                        }
                        None if result.revealed.is_empty() => {
                            ui.label(tr.t("actions-nothing-new"));
                        }
                        None => {}
                    }
                });
                for clue in &result.revealed {
                    ui.label(
                        RichText::new(format!(
                            "{}  {}",
                            icon::FILE_TEXT,
                            clue_text(view, tr, clue)
                        ))
                        .color(palette.text),
                    );
                }
            }
        });
    }
}

fn share_tab(
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
fn share_send_panel(
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

fn share_form(
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
                theme::heading(ui, Some(icon::SEAL_CHECK), tr.t("share-verdict"));
                share_preview(ui, view, tr, frame, previews);
            }
            acts_section(ui, view, state, tr, actions);
            sent_section(ui, view, state, tr);
        });
}

/// A recipient whose every preview is allowed.
fn allowed_recipients(state: &DeskState, previews: &[faisceau_engine::Preview]) -> Vec<Id> {
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

fn send_bar(
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
    });
    if closed {
        ui.label(theme::strong(tr.t("share-cannot")).color(palette.breach));
        return;
    }
    let allowed = allowed_recipients(state, previews);
    let mixed = !allowed.is_empty() && allowed.len() < state.share_to.len();
    ui.horizontal_wrapped(|ui| {
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
            send(state, view, actions, frame, allowed);
        }
    });
}

fn send(
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

/// A verdict as a word with its symbol, in its colour.
fn verdict_tag(ui: &mut egui::Ui, tr: &Tr, verdict: Verdict) {
    let palette = theme::palette(ui);
    ui.label(
        theme::strong(format!(
            "{}  {}",
            theme::verdict_icon(verdict),
            verdict_name(tr, verdict)
        ))
        .color(palette.verdict(verdict)),
    );
}

/// The frames open to this role toward every chosen recipient, to choose
/// from; the others, with why each is closed.
fn frame_choice(ui: &mut egui::Ui, view: &RoleView, state: &mut DeskState, tr: &Tr) {
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

fn share_preview(
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
    let palette = theme::palette(ui);
    theme::heading(ui, Some(icon::GAVEL), tr.t("acts-heading"));
    let me = &view.role.id;
    for act in &view.acts {
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
                    RichText::new(tr.t_args("acts-declined", &[("reason", reason.clone())]))
                        .italics(),
                );
            } else if act.answered {
                ui.label(
                    RichText::new(format!("{}  {}", icon::CHECK, tr.t("acts-answered"))).italics(),
                );
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
                    ui.add(
                        egui::TextEdit::singleline(&mut state.decline_reason).desired_width(280.0),
                    );
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
    for issuable in &view.issuable {
        theme::card(ui, |ui| {
            let kind = view.act_kinds.iter().find(|a| a.id == issuable.act);
            ui.label(
                theme::strong(
                    tr.t_args("acts-issue", &[("act", act_name(view, tr, &issuable.act))]),
                )
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
}

/// What the role has shared: with whom, under which frame, and the verdict.
fn sent_section(ui: &mut egui::Ui, view: &RoleView, state: &DeskState, tr: &Tr) {
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

fn toggle(list: &mut Vec<Id>, id: &Id, on: bool) {
    list.retain(|x| x != id);
    if on {
        list.push(id.clone());
    }
}

fn inbox_tab(ui: &mut egui::Ui, view: &RoleView, state: &DeskState, tr: &Tr) {
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

fn decisions_tab(
    ui: &mut egui::Ui,
    view: &RoleView,
    state: &DeskState,
    tr: &Tr,
    actions: &mut Vec<UiAction>,
) {
    theme::heading(ui, Some(icon::SCALES), tr.t("tab-decisions"));
    if view.decisions.is_empty() {
        ui.label(tr.t("decisions-none"));
    }
    for decision in &view.decisions {
        theme::card(ui, |ui| {
            ui.label(theme::strong(text(tr, &decision.name)).size(size::LARGE));
            ui.label(text(tr, &decision.description));
            if let Some(basis) = &decision.basis {
                ui.label(theme::muted(ui, text(tr, basis)));
            }
            if take_or_say_why(
                ui,
                tr,
                view,
                decision.blocked.as_ref(),
                icon::GAVEL,
                "decisions-take",
            ) {
                actions.push(UiAction::Role(RoleCommand::Decide {
                    decision: decision.id.clone(),
                }));
            }
        });
    }
    if !view.decisions_taken.is_empty() {
        theme::heading(ui, Some(icon::LIST_CHECKS), tr.t("decisions-taken"));
        for (i, taken) in view.decisions_taken.iter().enumerate().rev() {
            ui.horizontal_wrapped(|ui| {
                new_mark(ui, tr, i >= state.seen_at_open.decisions);
                ui.label(format!(
                    "{} · {} — {}",
                    clock(tr, taken.at),
                    text(tr, &taken.name),
                    colleague_name(view, tr, &taken.by)
                ));
            });
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
                    ui.add(
                        egui::TextEdit::singleline(&mut state.reject_reason).desired_width(320.0),
                    );
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
        });
    }
    if !view.discussion.is_empty() {
        theme::heading(
            ui,
            Some(icon::CHAT_CIRCLE_TEXT),
            tr.t("conclusion-discussion"),
        );
        for (i, entry) in view.discussion.iter().enumerate().rev() {
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
                    RichText::new(format!("{glyph}  {}", discussion_line(view, tr, entry)))
                        .color(color),
                );
            });
        }
    }
    if !ended && view.adopted.is_none() {
        propose_form(ui, view, state, tr, actions);
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

fn messages_tab(
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
    if let Some(text) = super::notes(ui, tr, tr.t("notes-title"), &view.notes, &mut state.note) {
        actions.push(UiAction::Role(RoleCommand::Note { text }));
    }
}
