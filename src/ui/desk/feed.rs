//! The activity feed: every change of the view as a dated line, the
//! notices that show new lines for a few seconds, and the next step.

use egui::{self, RichText};
use faisceau_engine::session::Status;
use faisceau_engine::view::Discussion;
use faisceau_engine::{Id, RoleView};

use crate::i18n::Tr;

use super::names::*;
use super::state::*;
use crate::ui::theme::{self, icon, size, space};
use crate::ui::{clock, frame_name, text};

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
        NextStep::Conclude => "hint-conclude",
        NextStep::OutOfTime => "hint-out-of-time",
        NextStep::Listen => "hint-listen",
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
    for (at, entry) in &view.discussion {
        items.push(FeedItem {
            at: *at,
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
pub(super) fn finding(
    view: &RoleView,
    tr: &Tr,
    result: &faisceau_engine::view::ActionResult,
) -> String {
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

pub(super) fn shared_line(
    view: &RoleView,
    tr: &Tr,
    share: &faisceau_engine::view::ShareView,
) -> String {
    tr.t_args(
        "share-done",
        &[
            ("to", names(view, tr, &share.to)),
            ("frame", frame_name(tr, &view.frames, &share.frame)),
            ("count", share.clues.len().to_string()),
        ],
    )
}

pub(super) fn discussion_line(view: &RoleView, tr: &Tr, entry: &Discussion) -> String {
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
                        at: view.table_clock,
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
                        grouped: 0,
                    });
                }
            }
        }
        self.toasts.retain(|t| t.until > now);
        self.group_received(tr, now);
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

    /// Several shares received at once make one notice ("3 informations
    /// reçues de vos collègues"), not a stack that a reader cannot follow.
    fn group_received(&mut self, tr: &Tr, now: f64) {
        let received = |t: &&Toast| t.item.tab == Tab::Inbox;
        if self.toasts.iter().filter(received).count() < 2 {
            return;
        }
        let count: usize = self
            .toasts
            .iter()
            .filter(received)
            .map(|t| t.grouped.max(1))
            .sum();
        let at = self
            .toasts
            .iter()
            .filter(received)
            .map(|t| t.item.at)
            .max()
            .unwrap_or_default();
        let first = self.toasts.iter().position(|t| received(&t)).unwrap_or(0);
        self.toasts.retain(|t| !received(&t));
        self.toasts.insert(
            first.min(self.toasts.len()),
            Toast {
                item: FeedItem {
                    at,
                    icon: icon::TRAY_ARROW_DOWN,
                    text: tr.t_args("toast-received-many", &[("count", count.to_string())]),
                    tab: Tab::Inbox,
                },
                until: now + TOAST_SECONDS,
                grouped: count,
            },
        );
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

pub(super) fn activity(ui: &mut egui::Ui, state: &mut DeskState, feed: &[FeedItem], tr: &Tr) {
    let palette = theme::palette(ui);
    ui.add_space(space::SECTION);
    theme::heading(ui, Some(icon::BELL), tr.t("feed-title"));
    if feed.is_empty() {
        ui.label(theme::muted(ui, tr.t("feed-empty")));
    }
    let fresh = feed.len().saturating_sub(state.feed_read);
    for (i, item) in feed.iter().enumerate().rev().take(FEED_LINES) {
        let new = i + fresh >= feed.len();
        // One wrapped label per item: its lines sit as close as any two
        // lines of text, and items are one item spacing apart.
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
            .add(egui::Label::new(line).wrap().sense(egui::Sense::click()))
            .on_hover_cursor(egui::CursorIcon::PointingHand)
            .clicked()
        {
            state.open(item.tab);
        }
    }
}

/// How wide the header's notices are: none without a notice (or while a
/// confirmation dialog has the person's attention), else at most 360
/// points and a third of the header.
pub(super) fn notices_width(ui: &egui::Ui, state: &DeskState) -> f32 {
    if !notice_waits(state) {
        return 0.0;
    }
    (ui.available_width() / 3.0).min(360.0)
}

/// Whether a notice is to be shown: one waits, and no confirmation dialog
/// has the person's attention.
pub(super) fn notice_waits(state: &DeskState) -> bool {
    !state.toasts.is_empty() && state.confirm.is_none()
}

/// The newest notice, at the header's right end, on two lines at most
/// (with how many more wait), so that it covers nothing and moves nothing;
/// a click opens the tab it is about.
pub(super) fn notices(ui: &mut egui::Ui, state: &mut DeskState, tr: &Tr) {
    let Some(toast) = state.toasts.last() else {
        return;
    };
    let palette = theme::palette(ui);
    let more = state.toasts.len() - 1;
    let mut words = format!(
        "{}  {} · {}",
        toast.item.icon,
        clock(tr, toast.item.at),
        toast.item.text
    );
    if more > 0 {
        words.push_str(&format!(
            "  ({})",
            tr.t_args("desk-notices-more", &[("count", more.to_string())])
        ));
    }
    let tab = toast.item.tab;
    let width = ui.available_width();
    let response = egui::Frame::new()
        .fill(palette.surface)
        .stroke(egui::Stroke::new(1.5, palette.accent))
        .corner_radius(egui::CornerRadius::same(space::RADIUS))
        .inner_margin(egui::Margin::symmetric(10, 6))
        .show(ui, |ui| {
            ui.set_width(width - 20.0);
            let mut job = egui::text::LayoutJob::simple(
                words.clone(),
                egui::FontId::proportional(size::BODY),
                palette.text,
                width - 20.0,
            );
            job.wrap.max_rows = 2;
            job.wrap.break_anywhere = false;
            let galley = ui.fonts_mut(|f| f.layout_job(job));
            ui.add(egui::Label::new(galley).selectable(false))
                .on_hover_text(words);
        })
        .response
        .interact(egui::Sense::click())
        .on_hover_cursor(egui::CursorIcon::PointingHand);
    if response.clicked() {
        state.open(tab);
        state.toasts.clear();
    }
}
